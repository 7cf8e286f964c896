import { Aspects, Duration, Stack } from 'aws-cdk-lib';
import {
  type Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRIC_SERVICE, metricsNamespace } from '#shared/metrics.js';
import { isDeadLetterQueue } from './dead-letter-queue.js';
import { RelayEndpoints } from './endpoints.js';
import { RelayFunction } from './relay-function.js';
import { encryptedTopic } from './topic.js';

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

/**
 * Operations for one stage: an alarm topic (encrypted, email-subscribed), alarms and a dashboard.
 * At synth, `watchAll()` finds every RelayFunction, dead-letter queue and RelayEndpoints in the stack, so a
 * capability that adds a Lambda is watched without touching this file:
 * - each function: Errors and Throttles;
 * - every dead-letter queue (made by deadLetterQueue()): its depth;
 * - ingest's FeedsFailed metric (shared/metrics.ts) for FEEDS_FAILING_HOURS hours running;
 * - SES reputation: bounce rate above 4%, complaint rate above 0.08%;
 * - the HTTP API's 5xx responses.
 */
export class RelayOperations extends Construct {
  public readonly alarmTopic: Topic;
  public readonly dashboard: Dashboard;
  public readonly alarms: Alarm[] = [];
  private readonly stageName: string;
  private watched = false;

  constructor(scope: Construct, id: string, props: RelayOperationsProps) {
    super(scope, id);
    this.stageName = props.stage;
    this.alarmTopic = encryptedTopic(this, 'Alarms', {
      displayName: `iaspn-relay ${props.stage} alarms`,
      publishers: ['cloudwatch.amazonaws.com'],
    });
    this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `iaspn-relay-${props.stage}`,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# iaspn-relay ${props.stage}\nAlarms go to the SNS topic ${this.alarmTopic.topicName}; dead letters are in the *DeadLetters* queues (redrive them from the SQS console once the cause is fixed).`,
        width: 24,
        height: 2,
      }),
    );
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
    for (const fn of functions) this.watchFunction(fn);
    for (const queue of deadLetters) this.watchQueue(this.nameOf(queue), queue);
    for (const api of endpoints) this.watchEndpoints(api);
    this.watchBusinessMetrics();
    this.watchEmailReputation();
  }

  /** A readable, stack-unique name from the construct path: `IngestSchedule-DeadLetters`. */
  private nameOf(construct: Construct): string {
    const stackPath = Stack.of(this).node.path;
    return construct.node.path.slice(stackPath.length + 1).replace(/\//g, '-');
  }

  private alarm(
    id: string,
    metric: Metric,
    props: { threshold: number; description: string; periods?: number; strictlyAbove?: boolean },
  ) {
    const alarm = metric.createAlarm(this, id, {
      alarmName: `iaspn-relay-${this.stageName}-${id}`,
      alarmDescription: props.description,
      threshold: props.threshold,
      evaluationPeriods: props.periods ?? 1,
      comparisonOperator: props.strictlyAbove
        ? ComparisonOperator.GREATER_THAN_THRESHOLD
        : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    alarm.addOkAction(new SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
    return alarm;
  }

  private watchFunction(fn: RelayFunction): void {
    const name = this.nameOf(fn);
    const period = Duration.minutes(15);
    const errors = fn.function.metricErrors({ period, statistic: 'Sum' });
    const throttles = fn.function.metricThrottles({ period, statistic: 'Sum' });
    this.alarm(`${name}-Errors`, errors, {
      threshold: 1,
      description: `${name}: the function failed (see its log group for the error).`,
    });
    this.alarm(`${name}-Throttles`, throttles, {
      threshold: 1,
      description: `${name}: invocations were throttled (reserved concurrency or account limit).`,
    });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `${name}: invocations, errors, throttles`,
        left: [fn.function.metricInvocations({ period }), errors, throttles],
        width: 12,
      }),
      new GraphWidget({
        title: `${name}: duration (p50, p99)`,
        left: [
          fn.function.metricDuration({ period, statistic: 'p50' }),
          fn.function.metricDuration({ period, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
  }

  private watchQueue(name: string, queue: Queue): void {
    const depth = queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    });
    this.alarm(`${name}-DeadLetters`, depth, {
      threshold: 1,
      description: `${name}: a run failed after its retries and its event is in the dead-letter queue.`,
    });
    this.dashboard.addWidgets(new GraphWidget({ title: `${name}: dead letters`, left: [depth], width: 12 }));
  }

  private watchEndpoints(endpoints: RelayEndpoints): void {
    const period = Duration.minutes(5);
    const serverErrors = endpoints.api.metricServerError({ period, statistic: 'Sum' });
    this.alarm('Endpoints-5xx', serverErrors, {
      threshold: 5,
      description: 'The HTTP API answered 5xx: a webhook or subscription handler is failing.',
    });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'HTTP API: requests, 4xx, 5xx',
        left: [
          endpoints.api.metricCount({ period, statistic: 'Sum' }),
          endpoints.api.metricClientError({ period, statistic: 'Sum' }),
          serverErrors,
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'HTTP API: latency (p50, p99)',
        left: [
          endpoints.api.metricLatency({ period, statistic: 'p50' }),
          endpoints.api.metricLatency({ period, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
  }

  /** The Powertools metrics the handlers emit (shared/metrics.ts). */
  private watchBusinessMetrics(): void {
    const namespace = metricsNamespace(this.stageName);
    const metric = (service: string, metricName: string) =>
      new Metric({
        namespace,
        metricName,
        dimensionsMap: { service },
        statistic: 'Sum',
        period: Duration.hours(1),
      });
    const feedsFailed = metric(METRIC_SERVICE.ingest, METRIC.feedsFailed);
    this.alarm('FeedsFailing', feedsFailed, {
      threshold: 1,
      periods: FEEDS_FAILING_HOURS,
      description: `Partner feeds have failed to fetch or parse for ${FEEDS_FAILING_HOURS} hours running (iaspn feeds list shows which; ingest logs give the reason).`,
    });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Ingest: feeds fetched, failed; new resources',
        left: [
          metric(METRIC_SERVICE.ingest, METRIC.feedsFetched),
          feedsFailed,
          metric(METRIC_SERVICE.ingest, METRIC.newResources),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Announcements, digests, bot commands',
        left: [
          metric(METRIC_SERVICE.announce, METRIC.announcementsPosted),
          metric(METRIC_SERVICE.announce, METRIC.announcementsFailed),
          metric(METRIC_SERVICE.digest, METRIC.digestsSent),
          metric(METRIC_SERVICE.digest, METRIC.digestsFailed),
          metric(METRIC_SERVICE.bot, METRIC.botCommands),
          metric(METRIC_SERVICE.bot, METRIC.botErrors),
        ],
        width: 12,
      }),
    );
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
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'SES reputation: bounce and complaint rates (%)',
        left: [
          new MathExpression({
            expression: 'b * 100',
            usingMetrics: { b: bounce },
            label: 'bounce %',
            period: Duration.hours(1),
          }),
          new MathExpression({
            expression: 'c * 100',
            usingMetrics: { c: complaint },
            label: 'complaint %',
            period: Duration.hours(1),
          }),
        ],
        width: 12,
      }),
    );
  }
}
