import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ERROR_LINES_METRIC,
  NEAR_TIMEOUT_MIN_SECONDS,
  NEAR_TIMEOUT_RATIO,
} from '#infra/constructs/operations.js';
import { METRIC, metricsNamespace, PUBLISHED_METRICS } from '#shared/metrics.js';
import { synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Props = Record<string, any>;

const propsOf = (template: Template, type: string): Props[] =>
  Object.values(template.findResources(type)).map((r) => (r as { Properties: Props }).Properties);

/** The metrics an alarm reads: CloudWatch bills each one (US$0.10 a month, docs/operations.md). */
const metricsRead = (alarm: Props): Props[] =>
  alarm.Metrics
    ? alarm.Metrics.filter((m: Props) => m.MetricStat).map((m: Props) => m.MetricStat.Metric)
    : [{ Namespace: alarm.Namespace, MetricName: alarm.MetricName }];

/**
 * The items a stage pays for every month whatever it does (docs/operations.md, "Fixed monthly
 * cost"): each decision taken there, held by the template.
 */
describe('the fixed monthly cost of a deployed stage', () => {
  let prod: Template;
  let alarms: Props[];
  beforeAll(() => {
    prod = synthStage('prod');
    alarms = propsOf(prod, 'AWS::CloudWatch::Alarm');
  }, 120_000);

  it('has no dashboard: saved Logs Insights queries (free) show errors, durations, runs, counts and HTTP traffic', () => {
    prod.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    const queries = propsOf(prod, 'AWS::Logs::QueryDefinition');
    expect(queries.map((q) => q.Name).sort()).toEqual(
      ['counts', 'errors', 'durations', 'http', 'runs'].map((n) => `iaspn-relay/prod/${n}`).sort(),
    );
    // The counts no longer kept as metrics are summed from the lines the handlers log.
    const counts = queries.find((q) => q.Name === 'iaspn-relay/prod/counts')!;
    for (const name of Object.values(METRIC)) expect(counts.QueryString).toContain(`sum(${name})`);
  });

  it('has no customer-managed key: SES feedback goes through EventBridge, the one topic carries alarms only', () => {
    prod.resourceCountIs('AWS::KMS::Key', 0);
    const topics = propsOf(prod, 'AWS::SNS::Topic');
    expect(topics.map((t) => t.DisplayName)).toEqual(['iaspn-relay prod alarms']);
    prod.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
    prod.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ EventBridgeDestination: Match.anyValue() }),
    });
  });

  it('alarms on one custom metric only, ErrorLines (from log lines), and publishes none from the handlers; the counts come from the logs', () => {
    const custom = alarms
      .flatMap(metricsRead)
      .filter((m) => String(m.Namespace).startsWith(metricsNamespace('')));
    const filtered = new Set(
      propsOf(prod, 'AWS::Logs::MetricFilter').flatMap((f) =>
        f.MetricTransformations.map((t: Props) => t.MetricName),
      ),
    );
    expect([...filtered]).toEqual([ERROR_LINES_METRIC]);
    expect(custom.map((m) => m.MetricName)).toEqual([ERROR_LINES_METRIC]);
    expect(custom[0]!.Namespace).toBe(metricsNamespace('prod'));
    // Every published metric would be read by an alarm: none is published.
    expect(PUBLISHED_METRICS).toEqual([]);
    // Feeds failing: the free NumberOfMessagesSent of the queue the ingest runs report failures to.
    const feeds = alarms.find((a) => a.AlarmName.endsWith('-FeedsFailing'))!;
    expect(metricsRead(feeds)).toEqual([{ Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent' }]);
  });

  it('reads one metric for all functions’ errors, one for runs nearing the timeout, one for dead letters, and a fixed 19 besides', () => {
    const functions = propsOf(prod, 'AWS::Lambda::Function');
    const long = functions.filter((f) => f.Timeout >= NEAR_TIMEOUT_MIN_SECONDS);
    // The region-wide Duration is sound here: one long timeout, and no other function can reach 80% of it.
    expect(new Set(long.map((f) => f.Timeout)).size).toBe(1);
    const threshold = long[0]!.Timeout * NEAR_TIMEOUT_RATIO;
    for (const f of functions.filter((f) => !long.includes(f))) expect(f.Timeout).toBeLessThan(threshold);
    const total = alarms.reduce((sum, alarm) => sum + metricsRead(alarm).length, 0);
    // 11: HTTP 5xx (1) and 4xx share (2), error lines (1: in place of the table's 9 throttle and
    // system-error metrics), the digest queue's oldest batch (1), the cycle heartbeat (1),
    // feed failure reports (1, SQS), SES bounces, complaints, rejects, quota (4). No throttles per function, no
    // heartbeat per job, no metric per function, queue or table operation.
    expect(total).toBe(1 + 1 + 1 + 11);
    const heartbeat = alarms.find((a) => a.AlarmName.endsWith('-Cycle-Heartbeat'))!;
    expect(metricsRead(heartbeat)).toHaveLength(1);
    const near = alarms.filter((a) => a.AlarmName.includes('-NearTimeout-'));
    expect(near.map((a) => [a.Namespace, a.MetricName, a.Statistic, a.Dimensions])).toEqual([
      ['AWS/Lambda', 'Duration', 'Maximum', undefined],
    ]);
  });
});
