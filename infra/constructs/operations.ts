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
  type IFilterPattern,
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
import { RelayEndpoints } from './endpoints.js';
import { RelayIngestFanout } from './ingest-fanout.js';
import { RelayFunction } from './relay-function.js';
import { noticeTopic } from './topic.js';

export interface RelayOperationsProps {
  readonly stage: string;
  /** Subscribed to the alarm topic (AWS sends a confirmation message first). */
  readonly alarmEmail: string;
}

/** SES puts an account under review at 5% bounces and 0.1% complaints: alarm before that. */
export const BOUNCE_RATE_ALARM = 0.04;
export const COMPLAINT_RATE_ALARM = 0.0008;
/** Feeds failing: at least one failed fetch in each of this many consecutive hours. */
export const FEEDS_FAILING_HOURS = 3;
/** A function whose longest run reaches this share of its timeout is about to be cut off. */
export const NEAR_TIMEOUT_RATIO = 0.8;
/** HTTP API: this share of 4xx answers (with at least HTTP_4XX_MIN requests) in 5 minutes. */
export const HTTP_4XX_RATIO = 0.5;
export const HTTP_4XX_MIN = 10;
/** CloudWatch takes at most 10 metrics in one metric-math alarm. */
const MAX_ALARM_METRICS = 10;
/**
 * Functions whose timeout is at least this long are watched for runs nearing it: the cycle's jobs
 * and the workers, whose run time grows with the load. A request handler (10-30 s) that overruns
 * fails as a timed-out invocation and a 5xx answer, which the error lines count.
 */
export const NEAR_TIMEOUT_MIN_SECONDS = 60;
/** The metric every failure a log line tells is counted into (one metric filter per log group). */
export const ERROR_LINES_METRIC = 'ErrorLines';
/** The `record.status` of a Lambda `platform.report` (or `platform.initReport`) that did not succeed. */
const FAILED_STATUSES = ['error', 'timeout', 'failure'] as const;

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
 * concern reads as few metrics as tell it, and the failures a log line tells reach one alarm on one
 * metric (docs/operations.md counts them):
 * - error lines (`ErrorLines`): one metric filter per function log group counts into one metric
 *   every line logged at ERROR (a failure a function handled: a store request that failed after the
 *   SDK's retries, a post, a digest, a webhook update; a digest batch that waited over an hour; an
 *   SES reject from the feedback rule; 80% of the SES daily quota sent), every failed, timed-out or crashed invocation (the Lambda
 *   platform's `platform.report` with its `status`: in place of AWS/Lambda Errors) and every run of a
 *   long job past NEAR_TIMEOUT_RATIO of its own timeout (its `durationMs`: in place of AWS/Lambda
 *   Duration); one filter on the HTTP API's access logs counts its 5xx answers into it too;
 * - dead letters in the stack's one dead-letter queue;
 * - the cycle's heartbeat: its last job ran in the last few intervals (each job invokes the next,
 *   on success and failure alike, so the last one runs only if every one before it did);
 * - a spike in the HTTP API's share of 4xx answers (a wrong Slack or Telegram secret refuses all);
 * - feeds failing: ingest runs' failure reports (a free SQS metric) for FEEDS_FAILING_HOURS hours running;
 * - SES: bounce rate above 4%, complaint rate above 0.08% (its daily quota: the digest run's check,
 *   shared/email/quota.ts, logs at ERROR past 80%, so the error lines count it).
 */
export class RelayOperations extends Construct {
  public readonly alarmTopic: Topic;
  public readonly alarms: Alarm[] = [];
  public readonly queries: QueryDefinition[] = [];
  private readonly stageName: string;
  private watched = false;

  constructor(scope: Construct, id: string, props: RelayOperationsProps) {
    super(scope, id);
    this.stageName = props.stage;
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
    this.watchDeadLetters(deadLetters);
    for (const api of endpoints) this.watchEndpoints(api);
    this.watchErrorLines(functions, endpoints);
    for (const cycle of all.filter((c): c is RelayCycle => c instanceof RelayCycle)) this.watchCycle(cycle);
    for (const ingest of all.filter((c): c is RelayIngestFanout => c instanceof RelayIngestFanout)) {
      this.watchFeedFailures(ingest);
    }
    this.watchEmailReputation();
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
    // 5xx answers are counted from the access logs into the error lines (watchErrorLines).
    const clientErrors = endpoints.api.metricClientError({ period, statistic: 'Sum' });
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
   * What a function's own log group tells of a failure: a line it logged at ERROR (Powertools Logger
   * and the Node.js runtime's uncaught-error line, JSON), an invocation the Lambda platform reports
   * failed, timed out or crashed (`platform.report`, whose `record.status` is `error`, `timeout` or
   * `failure`; the same for a failed init), and, for a job with a timeout of NEAR_TIMEOUT_MIN_SECONDS
   * or more, a run that took NEAR_TIMEOUT_RATIO of it (`record.metrics.durationMs`).
   */
  static errorLinePattern(fn: RelayFunction): IFilterPattern {
    const patterns = [
      FilterPattern.stringValue('$.level', '=', 'ERROR'),
      ...FAILED_STATUSES.map((status) => FilterPattern.stringValue('$.record.status', '=', status)),
    ];
    if (fn.timeout.toSeconds() >= NEAR_TIMEOUT_MIN_SECONDS) {
      const threshold = fn.timeout.toMilliseconds() * NEAR_TIMEOUT_RATIO;
      patterns.push(FilterPattern.numberValue('$.record.metrics.durationMs', '>=', threshold));
    }
    return FilterPattern.any(...patterns);
  }

  /**
   * Every failure a log line tells, in any function or in the HTTP API's answers, counted by one
   * metric filter per log group into one custom metric, and one alarm on it: lines at ERROR, failed,
   * timed-out and near-timeout invocations (errorLinePattern), 5xx answers in the access logs (a
   * throttled or misconfigured integration answers 5xx without the function logging anything).
   * In place of six alarms (function errors, runs near the timeout, 5xx answers, SES rejects, the
   * digest queue's age, the table's errors), each US$0.10 a month or more. CloudWatch bills a
   * filter's metric only for the hours it publishes (no default value: nothing when nothing
   * failed). The saved query `errors` shows the lines. The price: while one failure keeps recurring
   * (a job near its timeout every cycle), the alarm stays in ALARM and a new kind of failure sends
   * no new email; the saved query lists them all.
   */
  private watchErrorLines(functions: RelayFunction[], endpoints: RelayEndpoints[]): void {
    if (functions.length === 0) return;
    const namespace = metricsNamespace(this.stageName);
    const count = (id: string, logGroup: ILogGroup, filterPattern: IFilterPattern) =>
      new MetricFilter(this, id, {
        logGroup,
        metricNamespace: namespace,
        metricName: ERROR_LINES_METRIC,
        filterPattern,
        metricValue: '1',
      });
    for (const fn of functions) {
      count(`ErrorLines-${this.nameOf(fn)}`, fn.logGroup, RelayOperations.errorLinePattern(fn));
    }
    for (const api of endpoints) {
      const accessLogs = api.node.tryFindChild('AccessLogs');
      if (accessLogs instanceof LogGroup) {
        count(
          `ErrorLines-${this.nameOf(api)}-5xx`,
          accessLogs,
          FilterPattern.stringValue('$.status', '=', '5*'),
        );
      }
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
        description: `A function failed, timed out, ran past ${NEAR_TIMEOUT_RATIO * 100}% of its timeout or logged an error it handled (a store request that failed after its retries, a post, a digest, a webhook update, a digest batch that waited over an hour, an SES reject), or the HTTP API answered 5xx: saved query iaspn-relay/${this.stageName}/errors shows which and why (the access logs, the 5xx answers).`,
      },
    );
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
