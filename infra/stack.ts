import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { SECRETS } from '#shared/secrets.js';
import { KEY_PREFIX } from '#shared/store/keys.js';
import { RelayCoopPages } from './constructs/coop-pages.js';
import { RelayCycle } from './constructs/cycle.js';
import { deadLetterQueue } from './constructs/dead-letter-queue.js';
import { RelayDigests } from './constructs/digests.js';
import { RelayEmail } from './constructs/email.js';
import { RelayEndpoints } from './constructs/endpoints.js';
import { RelayIngestFanout } from './constructs/ingest-fanout.js';
import { RelayOperations } from './constructs/operations.js';
import { RelayFunction } from './constructs/relay-function.js';
import { RelayTable } from './constructs/relay-table.js';
import { RelaySecrets } from './constructs/secrets.js';
import type { DeploymentConfig } from './deployment-config.js';

export interface RelayStackProps extends StackProps {
  readonly deployment: DeploymentConfig;
}

/**
 * The relay in one stack per stage. It only wires: the constructs hold the defaults.
 * A capability's Lambda: `new RelayFunction(this, 'X', {...}).bindTable(this.table.table, { write: true })`
 * (the actions it uses; deletes only on the key prefixes it names),
 * plus `.bindSecret(this.secrets.of('slack'), 'slack')` for each secret it reads, `this.email.grantSend(fn)` if it
 * sends mail, a place in shared/cycle.ts and in the RelayCycle below if it is a scheduled job,
 * `this.endpoints.route('/x', fn)` if it answers HTTP. Alarms, dashboard
 * widgets and dead-letter alarms follow by themselves (RelayOperations watches the whole stack at synth).
 */
export class RelayStack extends Stack {
  public readonly deployment: DeploymentConfig;
  public readonly table: RelayTable;
  public readonly secrets: RelaySecrets;
  public readonly email: RelayEmail;
  public readonly endpoints: RelayEndpoints;
  public readonly operations: RelayOperations;
  public readonly cycle: RelayCycle;

  constructor(scope: Construct, id: string, props: RelayStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    this.deployment = deployment;
    this.table = new RelayTable(this, 'Store', { retain: deployment.retainData });
    this.secrets = new RelaySecrets(this, 'Secrets', { parameters: deployment.secretParameters });
    this.email = new RelayEmail(this, 'Email', { deployment });
    this.endpoints = new RelayEndpoints(this, 'Endpoints', {
      stage: deployment.stage,
      ...deployment.api,
      domain: deployment.domain,
      logRetentionDays: deployment.logRetentionDays,
      retainLogs: deployment.retainData,
    });
    this.operations = new RelayOperations(this, 'Operations', {
      stage: deployment.stage,
      alarmEmail: deployment.alarmEmail,
    });

    // ---- capabilities' functions (each adds its own block here) ----

    // The cycle's jobs (shared/cycle.ts), each run by RelayCycle after the one before it; one run at
    // a time each (reserved concurrency 1).
    // Ingest: every active partner feed into the library.
    const fetchEnvironment = { IASPN_FETCH_TIMEOUT_MS: '20000', IASPN_ALLOW_PRIVATE_NETWORKS: 'false' };
    const ingest = new RelayFunction(this, 'Ingest', {
      entry: 'functions/ingest/handler.ts',
      description: 'Fetches the partner feeds into the library',
      stage: deployment.stage,
      timeout: Duration.minutes(5),
      memorySize: 1024,
      reservedConcurrentExecutions: 1,
      // Each fetch's deadline stays well under the function's timeout.
      environment: fetchEnvironment,
      // Resources, URL claims and feed health in batches; a moved feed gives its old URL claim back.
    }).bindTable(this.table.table, { write: true, batchWrite: 'any', delete: [KEY_PREFIX.feedUrl] });
    // Above IASPN_INGEST_FAN_OUT_ABOVE active feeds, ingest plans onto a queue its workers fetch.
    const ingestFanout = new RelayIngestFanout(this, 'IngestFanout', {
      deployment,
      table: this.table.table,
      planner: ingest,
      fetchEnvironment,
    });

    // Search index: a new snapshot when ingest changed the library; the bots reload it.
    const searchIndex = new RelayFunction(this, 'SearchIndex', {
      entry: 'functions/search/refresh.ts',
      description: 'Writes the search index snapshot when the library changed',
      stage: deployment.stage,
      timeout: Duration.minutes(5),
      memorySize: 1024,
      reservedConcurrentExecutions: 1,
      // Reads the whole library; writes and deletes only the snapshot's own items.
    }).bindTable(this.table.table, { scan: true, write: true, batchWrite: [KEY_PREFIX.searchSnapshot] });

    // Digests: subscription pages, the cycle's digest run with its SQS fan-out, SES feedback handling.
    const digests = new RelayDigests(this, 'Digests', {
      deployment,
      table: this.table.table,
      tokenSecret: this.secrets.of('emailToken'),
      email: this.email,
      endpoints: this.endpoints,
    });
    this.endpoints.output('SubscribeUrl', '/email/subscribe', 'The digest subscription form');

    // The cooperation exchange's pages (/coop): portfolio, email-verified submission, report.
    new RelayCoopPages(this, 'Coop', {
      deployment,
      table: this.table.table,
      tokenSecret: this.secrets.of('emailToken'),
      email: this.email,
      endpoints: this.endpoints,
    });

    // Chat bots: Slack (events, /iaspn, buttons, App Home) and Telegram (webhook) on the HTTP API.
    // Tokens come from the stage's secret parameters at cold start; `subscribe` sends the opt-in email.
    // Each bot reads its platform's secret, and the email-link key (`subscribe` signs a confirm link).
    const bot = (id: string, entry: string, description: string, platform: 'slack' | 'telegram') => {
      const fn = new RelayFunction(this, id, {
        entry,
        description,
        stage: deployment.stage,
        // Slack needs its answer within 3 s; the receiver answers at 2.5 s whatever happens.
        timeout: Duration.seconds(15),
        memorySize: 1024,
        environment: {
          IASPN_PUBLIC_URL: this.endpoints.url,
          IASPN_ADMIN_IDS: deployment.admins.ids.join(','),
        },
      })
        // Public-facing: deletes only its follows, bookmarks and its own claims; Scan for the search
        // index when there is no snapshot yet.
        .bindTable(this.table.table, {
          write: true,
          scan: true,
          delete: [KEY_PREFIX.channel, KEY_PREFIX.user, KEY_PREFIX.delivery],
        })
        .bindSecret(this.secrets.of(platform), platform)
        .bindSecret(this.secrets.of('emailToken'), 'emailToken');
      this.email.grantSend(fn);
      return fn;
    };
    if (deployment.bots.slack) {
      const slackBot = bot(
        'SlackBot',
        'functions/bot/slack.ts',
        'Slack bot: /iaspn, mentions, DMs, buttons, App Home',
        'slack',
      );
      this.endpoints.route('/slack/events', slackBot);
      // Commands late for Slack's 3-second ack run in an asynchronous invocation of the function
      // itself (shared/bot/slack/deferred.ts): invoke on its own ARN only. A policy of its own, not
      // the role's default policy, which the function depends on (that would be a cycle).
      // A deferred command is worth one retry, and nothing after 15 minutes (the user has moved on
      // and its response_url has expired); what fails is kept for inspection.
      slackBot.sendAsyncFailuresTo(deadLetterQueue(this, 'SlackDeferredDeadLetters'), {
        retryAttempts: 1,
        maxEventAge: Duration.minutes(15),
      });
      new Policy(this, 'SlackBotSelfInvoke', {
        roles: [slackBot.function.role!],
        statements: [
          new PolicyStatement({
            actions: ['lambda:InvokeFunction'],
            resources: [slackBot.function.functionArn],
          }),
        ],
      });
      this.endpoints.output(
        'SlackEventsUrl',
        '/slack/events',
        'Request URL for the Slack app (events, slash command, interactivity)',
      );
    }
    if (deployment.bots.telegram) {
      const telegramBot = bot('TelegramBot', 'functions/bot/telegram.ts', 'Telegram bot webhook', 'telegram');
      this.endpoints.route('/telegram/webhook', telegramBot);
      this.endpoints.output(
        'TelegramWebhookUrl',
        '/telegram/webhook',
        'Run: iaspn telegram set-webhook <this URL>',
      );
    }

    // Announcements: new resources to the following Slack channels and Telegram chats, after the
    // search index in each cycle. One run at a time; the claims' 15-minute lease outlasts the
    // 5-minute timeout.
    const announce = new RelayFunction(this, 'Announce', {
      entry: 'functions/bot/announce.ts',
      description: 'Posts new resources to the channels that follow them',
      stage: deployment.stage,
      timeout: Duration.minutes(5),
      memorySize: 512,
      reservedConcurrentExecutions: 1,
      // Broken channels and feeds that ingest paused are reported there.
      environment: deployment.admins.channel ? { IASPN_ADMIN_CHANNEL: deployment.admins.channel } : {},
    })
      // Claims are marked sent in batches and given back when a post fails; the stored-filter
      // migration (shared/filters/migrate.ts) re-keys a follow and removes its old record (CHAN#).
      .bindTable(this.table.table, {
        write: true,
        batchWrite: [KEY_PREFIX.delivery],
        delete: [KEY_PREFIX.delivery, KEY_PREFIX.channel],
      })
      // Posts to Slack and Telegram with their bot tokens.
      .bindSecret(this.secrets.of('slack'), 'slack')
      .bindSecret(this.secrets.of('telegram'), 'telegram');
    // Cooperation notices (shared/coop/notify.ts) reach an institution whose contact is an email address.
    this.email.grantSend(announce);

    this.cycle = new RelayCycle(this, 'Cycle', {
      jobs: { ingest, 'search-index': searchIndex, announce, digest: digests.planner },
      expression: deployment.schedules.cycle,
      timeZone: deployment.schedules.timeZone,
    });
    // The ingest worker that finishes a fanned-out cycle starts the search index.
    this.cycle.handOverFrom(ingestFanout.worker, 'ingest');

    // Health: the store, the search snapshot's age and each cycle job's last run (read-only).
    const health = new RelayFunction(this, 'Health', {
      entry: 'functions/health/handler.ts',
      description: 'GET /health: store reachability, search snapshot age, last run of each job',
      stage: deployment.stage,
      timeout: Duration.seconds(10),
      memorySize: 256,
    }).bindTable(this.table.table, 'read');
    this.endpoints.route('/health', health, [HttpMethod.GET]);
    this.endpoints.output('HealthUrl', '/health', 'Health of the deployed relay (JSON)');

    // Calendars: iCalendar feeds of events (read-only: the search snapshot and the resources).
    const calendar = new RelayFunction(this, 'Calendar', {
      entry: 'functions/calendar/handler.ts',
      description: 'GET /calendar.ics (filters as query parameters) and /calendar/<id>.ics',
      stage: deployment.stage,
      timeout: Duration.seconds(15),
      memorySize: 512,
      // Read-only; Scan only for the search service's fallback when no snapshot was written yet.
    }).bindTable(this.table.table, { scan: true });
    this.endpoints.route('/calendar.ics', calendar, [HttpMethod.GET]);
    this.endpoints.route('/calendar', calendar, [HttpMethod.GET]);
    this.endpoints.output(
      'CalendarUrl',
      '/calendar.ics',
      'iCalendar feed of events (add ?topic=…&country=…)',
    );

    new CfnOutput(this, 'TableName', {
      value: this.table.table.tableName,
      description: 'IASPN_TABLE_NAME for the CLI',
    });
    new CfnOutput(this, 'ApiUrl', {
      value: this.endpoints.url,
      description: 'IASPN_PUBLIC_URL: base URL of the endpoints',
    });
    for (const [name, output] of [
      ['slack', 'SlackSecretParameter'],
      ['telegram', 'TelegramSecretParameter'],
      ['emailToken', 'EmailTokenSecretParameter'],
    ] as const) {
      new CfnOutput(this, output, {
        value: this.secrets.of(name).parameterName,
        description: `SSM SecureString parameter to put (docs/deploy.md): ${SECRETS[name].holds}`,
      });
    }
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.operations.alarmTopic.topicArn,
      description: 'Alarm notifications',
    });
  }
}
