import { ArnFormat, Aspects, Duration, Stack } from 'aws-cdk-lib';
import {
  type Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  FilterPattern,
  type ILogGroup,
  LogGroup,
  MetricFilter,
  QueryDefinition,
  QueryString,
} from 'aws-cdk-lib/aws-logs';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { COUNTS_MESSAGE, METRIC, metricsNamespace } from '#shared/metrics.js';
import { RelayCycle } from './cycle.js';
import { deadLetterUsers, isDeadLetterQueue } from './dead-letter-queue.js';
import { RelayDigests } from './digests.js';
import { RelayEndpoints } from './endpoints.js';
import { RelayIngestFanout } from './ingest-fanout.js';
import { RelayFunction } from './relay-function.js';
import { noticeTopic } from './topic.js';

export interface RelayOperationsProps {
  readonly stage: string;
  /** Subscribed to the alarm topic (AWS sends a confirmation message first). */
  readonly alarmEmail: string;
  /** The account's SES sending quota (messages per 24 hours): alarm at EMAIL_QUOTA_ALARM of it. */
  readonly emailDailyQuota: number;
}

/** SES puts an account under review at 5% bounces and 0.1% complaints: alarm before that. */
export const BOUNCE_RATE_ALARM = 0.04;
export const COMPLAINT_RATE_ALARM = 0.0008;
/** Feeds failing: at least one failed fetch in each of this many consecutive hours. */
export const FEEDS_FAILING_HOURS = 3;
/** A function whose longest run reaches this share of its timeout is about to be cut off. */
export const NEAR_TIMEOUT_RATIO = 0.8;
/** Digest batches waiting longer than this mean the workers are stuck or throttled. */
export const DIGEST_QUEUE_MAX_AGE_SECONDS = 3600;
/** HTTP API: this share of 4xx answers (with at least HTTP_4XX_MIN requests) in 5 minutes. */
export const HTTP_4XX_RATIO = 0.5;
export const HTTP_4XX_MIN = 10;
/** Share of the SES daily quota sent in 24 hours that raises the quota alarm. */
export const EMAIL_QUOTA_ALARM = 0.8;
/** CloudWatch takes at most 10 metrics in one metric-math alarm. */
const MAX_ALARM_METRICS = 10;
/**
 * Functions whose timeout is at least this long are watched for runs nearing it: the cycle's jobs
 * and the digest worker, whose run time grows with the load. A request handler (10-30 s) that
 * overruns fails as an error and a 5xx answer, which their own alarms catch.
 */
export const NEAR_TIMEOUT_MIN_SECONDS = 60;
/** The metric every function's log lines at level ERROR are counted into (one metric filter per log group). */
export const ERROR_LINES_METRIC = 'ErrorLines';

/** Splits `items` into runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How long a cycle may go without every job running: three intervals (an hour at least), else a day. */
export function heartbeatPeriod(expression: string): Duration {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (!rate) return Duration.days(1);
  const minutes = Number(rate[1]) * { minute: 1, hour: 60, day: 1440 }[rate[2] as 'minute'];
  return Duration.minutes(Math.min(1440, Math.max(60, minutes * 3)));
}

/**
 * Operations for one stage: an alarm topic (TLS only, email-subscribed; topic.ts says why it is not
 * encrypted), alarms, and saved Logs Insights queries in place of a dashboard (a dashboard costs
 * US$3 a month; the queries cost nothing until run, and the Lambda, SQS and DynamoDB consoles
 * graph the built-in metrics for free).
 * At synth, `watchAll()` finds every RelayFunction, dead-letter queue, RelayEndpoints,
 * RelayDigests and RelayCycle in the stack, so a capability that adds a Lambda is watched without
 * touching this file. CloudWatch bills an alarm per metric it reads (US$0.10 a month each), so each
 * concern reads as few metrics as tell it (docs/operations.md counts them):
 * - errors of any function (the region-wide Lambda metric: one stage per account). Throttles are not read:
 *   a throttled request is a 5xx answer, a throttled scheduled run waits its turn (the heartbeat
 *   and near-timeout alarms see a cycle that no longer fits);
 * - the jobs whose longest run nears their timeout (region-wide when that is sound, watchTimeouts);
 * - dead letters in the stack's one dead-letter queue; the oldest digest batch waiting too long;
 * - error lines: any function logged an ERROR (a failure it handled: a DynamoDB request that failed
 *   after the SDK's retries, a post, a digest, a webhook update), counted by one metric filter per
 *   log group into one metric (it replaces the table's throttle and system-error metrics: a request
 *   the SDK retried successfully failed nothing, one that did not is logged or fails the run);
 * - the cycle's heartbeat: its last job ran in the last few intervals (each job invokes the next,
 *   on success and failure alike, so the last one runs only if every one before it did);
 * - the HTTP API's 5xx answers, and a spike of 4xx (a wrong Slack or Telegram secret refuses all);
 * - feeds failing: ingest runs' failure reports (a free SQS metric) for FEEDS_FAILING_HOURS hours running;
 * - SES: bounce rate above 4%, complaint rate above 0.08%, any reject, 80% of the daily quota.
 */
export class RelayOperations extends Construct {
  public readonly alarmTopic: Topic;
  public readonly alarms: Alarm[] = [];
  public readonly queries: QueryDefinition[] = [];
  private readonly stageName: string;
  private watched = false;

  private readonly emailDailyQuota: number;

  constructor(scope: Construct, id: string, props: RelayOperationsProps) {
    super(scope, id);
    this.stageName = props.stage;
    this.emailDailyQuota = props.emailDailyQuota;
    this.alarmTopic = noticeTopic(this, 'Alarms', {
      displayName: `iaspn-relay ${props.stage} alarms`,
      // Only this stage's alarms (every alarm here is named iaspn-relay-<stage>-...).
      publishers: [
        {
          service: 'cloudwatch.amazonaws.com',
          sourceArn: Stack.of(this).formatArn({
            service: 'cloudwatch',
            resource: 'alarm',
            resourceName: `iaspn-relay-${props.stage}-*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      ],
    });
    this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    // Watch at synth, once the whole stack is wired, wherever the capabilities added their functions.
    const stack = Stack.of(this);
    Aspects.of(stack).add({ visit: (node) => node === stack && this.watchAll() });
  }

  /** Watches every function, scheduled job and endpoint in the stack (runs once, at synth). */
  watchAll(): void {
    if (this.watched) return;
    this.watched = true;
    const all = Stack.of(this).node.findAll();
    const functions = all.filter((c): c is RelayFunction => c instanceof RelayFunction);
    const deadLetters = all.filter(isDeadLetterQueue);
    const endpoints = all.filter((c): c is RelayEndpoints => c instanceof RelayEndpoints);
    this.watchFunctions(functions);
    this.watchTimeouts(functions);
    this.watchDeadLetters(deadLetters);
    for (const api of endpoints) this.watchEndpoints(api);
    this.watchErrorLines(functions);
    for (const digests of all.filter((c): c is RelayDigests => c instanceof RelayDigests)) {
      this.watchDigestQueue(digests);
    }
    for (const cycle of all.filter((c): c is RelayCycle => c instanceof RelayCycle)) this.watchCycle(cycle);
    for (const ingest of all.filter((c): c is RelayIngestFanout => c instanceof RelayIngestFanout)) {
      this.watchFeedFailures(ingest);
    }
    this.watchEmailReputation();
    this.watchEmailSending();
    this.saveQueries(functions, endpoints);
  }

  /**
   * Saved Logs Insights queries (CloudWatch console, Logs Insights, "Saved queries"), named
   * `iaspn-relay/<stage>/...`: what the dashboard showed, read from the logs the functions write
   * anyway. Free to keep; a run costs US$0.005 a GB scanned.
   */
  private saveQueries(functions: RelayFunction[], endpoints: RelayEndpoints[]): void {
    const save = (name: string, logGroups: ILogGroup[], queryString: QueryString) => {
      this.queries.push(
        new QueryDefinition(this, `Query-${name}`, {
          queryDefinitionName: `iaspn-relay/${this.stageName}/${name}`,
          queryString,
          logGroups,
        }),
      );
    };
    const functionLogs = functions.map((fn) => fn.logGroup);
    save(
      'errors',
      functionLogs,
      new QueryString({
        fields: ['@timestamp', '@log', 'level', 'message', 'error', 'errorType', 'errorMessage'],
        filterStatements: ['level = "ERROR" or record.status in ["error", "timeout", "failure"]'],
        sort: '@timestamp desc',
        limit: 200,
      }),
    );
    save(
      'durations',
      functionLogs,
      new QueryString({
        filterStatements: ['type = "platform.report"'],
        statsStatements: [
          'count(*) as runs, max(record.metrics.durationMs) as maxMs, pct(record.metrics.durationMs, 99) as p99Ms, max(record.metrics.maxMemoryUsedMB) as maxMemoryMB by @log',
        ],
      }),
    );
    // The counts the handlers' custom metrics used to carry, from the run summaries they log.
    save(
      'runs',
      functionLogs,
      new QueryString({
        filterStatements: [
          'message in ["ingest done", "search index written", "search index unchanged", "announce run done", "digest run done", "digest batch done"]',
        ],
        statsStatements: [
          'count(*) as runs, sum(feeds) as feeds, sum(failed) as failed, sum(new) as newResources, sum(posted) as posted, sum(sent) as digestsSent by message, bin(1d)',
        ],
      }),
    );
    // Every count the handlers write (shared/metrics.ts), published as a metric or logged only.
    save(
      'counts',
      functionLogs,
      new QueryString({
        filterStatements: [`message = "${COUNTS_MESSAGE}"`],
        statsStatements: [
          `${Object.values(METRIC)
            .map((name) => `sum(${name}) as ${name}`)
            .join(', ')} by service, bin(1d)`,
        ],
      }),
    );
    const accessLogs = endpoints.flatMap((api) => {
      const group = api.node.tryFindChild('AccessLogs');
      return group instanceof LogGroup ? [group] : [];
    });
    if (accessLogs.length > 0) {
      save(
        'http',
        accessLogs,
        new QueryString({
          statsStatements: [
            'count(*) as requests, avg(integrationLatency) as avgLatencyMs by routeKey, status, bin(1h)',
          ],
        }),
      );
    }
  }

  /** A readable, stack-unique name from the construct path: `IngestSchedule-DeadLetters`. */
  private nameOf(construct: Construct): string {
    const stackPath = Stack.of(this).node.path;
    return construct.node.path.slice(stackPath.length + 1).replace(/\//g, '-');
  }

  private alarm(
    id: string,
    metric: Metric | MathExpression,
    props: {
      threshold: number;
      description: string;
      periods?: number;
      strictlyAbove?: boolean;
      /** Alarm when the value falls below the threshold (heartbeats), and when data is missing. */
      below?: boolean;
    },
  ) {
    const alarm = metric.createAlarm(this, id, {
      alarmName: `iaspn-relay-${this.stageName}-${id}`,
      alarmDescription: props.description,
      threshold: props.threshold,
      evaluationPeriods: props.periods ?? 1,
      comparisonOperator: props.below
        ? ComparisonOperator.LESS_THAN_THRESHOLD
        : props.strictlyAbove
          ? ComparisonOperator.GREATER_THAN_THRESHOLD
          : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: props.below ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    alarm.addOkAction(new SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
    return alarm;
  }

  /**
   * Any function's error, from the region-wide AWS/Lambda Errors (no dimension: every function in
   * the account and region): one metric instead of one per function. This relies on a stage having
   * its account (and region) to itself, as docs/operations.md says; the saved query `errors` names
   * the function and the error.
   */
  private watchFunctions(functions: RelayFunction[]): void {
    if (functions.length === 0) return;
    this.alarm(
      'Functions-Errors',
      new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        statistic: 'Sum',
        period: Duration.minutes(15),
      }),
      {
        threshold: 1,
        description: `A function failed (one of ${functions.map((fn) => this.nameOf(fn)).join(', ')}): saved query iaspn-relay/${this.stageName}/errors shows which and why.`,
      },
    );
  }

  /**
   * Runs nearing their timeout. When every long job has the same timeout T and every other function
   * times out before the threshold (so cannot reach it), the region-wide longest run (AWS/Lambda
   * Duration, Maximum, no dimension; one stage per account and region) is one metric that tells;
   * otherwise one alarm per timeout value over its jobs' own durations.
   */
  private watchTimeouts(functions: RelayFunction[]): void {
    const period = Duration.minutes(15);
    const long = functions.filter((f) => f.timeout.toSeconds() >= NEAR_TIMEOUT_MIN_SECONDS);
    const timeouts = new Set(long.map((f) => f.timeout.toSeconds()));
    if (timeouts.size === 1) {
      const seconds = [...timeouts][0]!;
      const threshold = seconds * 1000 * NEAR_TIMEOUT_RATIO;
      const others = functions.filter((f) => !long.includes(f));
      if (others.every((f) => f.timeout.toMilliseconds() < threshold)) {
        const names = long.map((fn) => this.nameOf(fn)).join(', ');
        this.alarm(
          `NearTimeout-${seconds}s`,
          new Metric({ namespace: 'AWS/Lambda', metricName: 'Duration', statistic: 'Maximum', period }),
          {
            threshold,
            description: `A run of ${names} took ${NEAR_TIMEOUT_RATIO * 100}% of its ${seconds} s timeout: it will soon be cut off (saved query iaspn-relay/${this.stageName}/durations shows which).`,
          },
        );
        return;
      }
    }
    const byTimeout = new Map<number, RelayFunction[]>();
    for (const fn of long) {
      const seconds = fn.timeout.toSeconds();
      byTimeout.set(seconds, [...(byTimeout.get(seconds) ?? []), fn]);
    }
    for (const [seconds, group] of [...byTimeout].sort(([a], [b]) => a - b)) {
      chunks(group, MAX_ALARM_METRICS).forEach((part, n) => {
        const usingMetrics = Object.fromEntries(
          part.map((fn, i) => [`d${i}`, fn.function.metricDuration({ period, statistic: 'Maximum' })]),
        );
        const names = part.map((fn) => this.nameOf(fn)).join(', ');
        this.alarm(
          `NearTimeout-${seconds}s${n ? `-${n + 1}` : ''}`,
          new MathExpression({
            expression: `MAX([${Object.keys(usingMetrics).join(', ')}])`,
            usingMetrics,
            label: `longest run (ms) of ${names}`,
            period,
          }),
          {
            threshold: seconds * 1000 * NEAR_TIMEOUT_RATIO,
            description: `A run of ${names} took ${NEAR_TIMEOUT_RATIO * 100}% of its ${seconds} s timeout: it will soon be cut off (saved query iaspn-relay/${this.stageName}/durations shows which).`,
          },
        );
      });
    }
  }

  /**
   * Any dead letter: the stack shares one dead-letter queue (dead-letter-queue.ts), so one metric;
   * should a stack hold several, one metric-math alarm per 10.
   */
  private watchDeadLetters(queues: Queue[]): void {
    const period = Duration.minutes(5);
    const depth = (queue: Queue) =>
      queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' });
    if (queues.length === 1) {
      const users = deadLetterUsers(queues[0]!).join(', ');
      this.alarm('DeadLetters', depth(queues[0]!), {
        threshold: 1,
        description: `A run failed after its retries and its event is in the dead-letter queue (from ${users}): the message names its origin; redrive or replay it once the cause is fixed.`,
      });
      return;
    }
    chunks(queues, MAX_ALARM_METRICS).forEach((part, n) => {
      const usingMetrics = Object.fromEntries(part.map((queue, i) => [`q${i}`, depth(queue)]));
      const names = part.map((queue) => this.nameOf(queue)).join(', ');
      this.alarm(
        `DeadLetters${n ? `-${n + 1}` : ''}`,
        new MathExpression({
          expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`,
          usingMetrics,
          label: 'dead letters',
          period,
        }),
        {
          threshold: 1,
          description: `A run failed after its retries and its event is in a dead-letter queue (${names}): the SQS console shows which; redrive it once the cause is fixed.`,
        },
      );
    });
  }

  private watchEndpoints(endpoints: RelayEndpoints): void {
    const period = Duration.minutes(5);
    const serverErrors = endpoints.api.metricServerError({ period, statistic: 'Sum' });
    const clientErrors = endpoints.api.metricClientError({ period, statistic: 'Sum' });
    this.alarm('Endpoints-5xx', serverErrors, {
      threshold: 5,
      description: 'The HTTP API answered 5xx: a webhook or subscription handler is failing.',
    });
    this.alarm(
      'Endpoints-4xx',
      new MathExpression({
        expression: `IF(c >= ${HTTP_4XX_MIN}, c / n, 0)`,
        usingMetrics: { c: clientErrors, n: endpoints.api.metricCount({ period, statistic: 'Sum' }) },
        label: 'share of 4xx answers',
        period,
      }),
      {
        threshold: HTTP_4XX_RATIO,
        description: `Over ${HTTP_4XX_RATIO * 100}% of HTTP API answers were 4xx: a wrong Slack signing secret or Telegram webhook secret refuses every request (check the secrets and the access logs).`,
      },
    );
  }

  /**
   * Failures a function handled and logged rather than threw: every line logged at level ERROR
   * (Powertools Logger and the Lambda runtime's own error lines, JSON) in any function's log group,
   * counted by one metric filter per group into one custom metric, and one alarm on it. CloudWatch
   * bills a filter's metric only for the hours it publishes (no default value: nothing when nothing
   * failed). The saved query `errors` shows the lines.
   */
  private watchErrorLines(functions: RelayFunction[]): void {
    if (functions.length === 0) return;
    const namespace = metricsNamespace(this.stageName);
    for (const fn of functions) {
      new MetricFilter(this, `ErrorLines-${this.nameOf(fn)}`, {
        logGroup: fn.logGroup,
        metricNamespace: namespace,
        metricName: ERROR_LINES_METRIC,
        filterPattern: FilterPattern.stringValue('$.level', '=', 'ERROR'),
        metricValue: '1',
      });
    }
    this.alarm(
      'ErrorLines',
      new Metric({
        namespace,
        metricName: ERROR_LINES_METRIC,
        statistic: 'Sum',
        period: Duration.minutes(15),
      }),
      {
        threshold: 1,
        description: `A function logged an error it handled (a store request that failed after its retries, a post, a digest, a webhook update): saved query iaspn-relay/${this.stageName}/errors shows which and why.`,
      },
    );
  }

  /** The oldest digest batch waiting in the queue. */
  private watchDigestQueue(digests: RelayDigests): void {
    const age = digests.queue.metricApproximateAgeOfOldestMessage({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    });
    this.alarm('DigestQueue-OldestMessage', age, {
      threshold: DIGEST_QUEUE_MAX_AGE_SECONDS,
      description: `A digest batch has waited over ${DIGEST_QUEUE_MAX_AGE_SECONDS / 60} minutes in the queue: the digest workers are failing or throttled.`,
    });
  }

  /**
   * The cycle's heartbeat: its last job ran within the period. Each job invokes the next on success
   * and on failure alike (RelayCycle), so the last one runs only when the schedule fired and every
   * job before it was invoked: one metric watches them all.
   */
  private watchCycle(cycle: RelayCycle): void {
    const period = heartbeatPeriod(cycle.expression);
    const last = cycle.functions[cycle.functions.length - 1]!;
    const names = cycle.functions.map((job) => job.name).join(', ');
    this.alarm(
      'Cycle-Heartbeat',
      new MathExpression({
        expression: 'FILL(last, 0)',
        usingMetrics: { last: last.fn.function.metricInvocations({ period, statistic: 'Sum' }) },
        label: `the cycle's last job (${last.name}) ran`,
        period,
      }),
      {
        threshold: 1,
        below: true,
        description: `The cycle (${names}) has not reached its last job for ${period.toHumanString()}: the schedule is disabled, or a job's function cannot be invoked (see the dead letters).`,
      },
    );
  }

  /** SES rejects (a message SES refused to send) and the daily sending quota. */
  private watchEmailSending(): void {
    const ses = (metricName: string, period: Duration) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Sum', period });
    this.alarm('Email-Rejects', ses('Reject', Duration.hours(1)), {
      threshold: 1,
      description: 'SES rejected a message (virus or content check): see the digest logs.',
    });
    const quota = Math.floor(this.emailDailyQuota * EMAIL_QUOTA_ALARM);
    this.alarm('Email-Quota', ses('Send', Duration.days(1)), {
      threshold: quota,
      description: `Over ${quota} emails sent in 24 hours, ${EMAIL_QUOTA_ALARM * 100}% of the SES quota of ${this.emailDailyQuota} (email.dailyQuota in cdk.json): ask AWS for a higher quota before digests are refused.`,
    });
  }

  /**
   * Feeds failing, from the ingest runs' failure reports (shared/ingest/failure-reports.ts): the
   * report queue's NumberOfMessagesSent, a free SQS metric, at least one an hour for
   * FEEDS_FAILING_HOURS hours, as the FeedsFailed custom metric (US$0.30 a month) told before.
   */
  private watchFeedFailures(ingest: RelayIngestFanout): void {
    const reports = ingest.failureReports.metricNumberOfMessagesSent({
      period: Duration.hours(1),
      statistic: 'Sum',
    });
    this.alarm('FeedsFailing', reports, {
      threshold: 1,
      periods: FEEDS_FAILING_HOURS,
      description: `Partner feeds have failed to fetch or parse for ${FEEDS_FAILING_HOURS} hours running (iaspn feeds list shows which; ingest logs give the reason; each run's report stays a day in the ${this.nameOf(ingest.failureReports)} queue).`,
    });
  }

  /**
   * SES reputation (AWS/SES Reputation.BounceRate and Reputation.ComplaintRate): the account-level
   * rates SES itself enforces on, so every stage in the account alarms on the same figures.
   */
  private watchEmailReputation(): void {
    const rate = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    const bounce = rate('Reputation.BounceRate');
    const complaint = rate('Reputation.ComplaintRate');
    this.alarm('BounceRate', bounce, {
      threshold: BOUNCE_RATE_ALARM,
      strictlyAbove: true,
      description: `SES bounce rate is above ${BOUNCE_RATE_ALARM * 100}% (SES reviews the account at 5%): check the bounce events and the subscriber list.`,
    });
    this.alarm('ComplaintRate', complaint, {
      threshold: COMPLAINT_RATE_ALARM,
      strictlyAbove: true,
      description: `SES complaint rate is above ${COMPLAINT_RATE_ALARM * 100}% (SES reviews the account at 0.1%): check the complaint events.`,
    });
  }
}
