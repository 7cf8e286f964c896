import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_LINES_METRIC } from '#infra/constructs/operations.js';
import { METRIC, metricsNamespace, PUBLISHED_METRICS } from '#shared/metrics.js';
import { stackInventory } from '../../scripts/cost/inventory.js';
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

  it('reads 8 metrics in all, whatever the number of functions: one for every failure a log line tells, one for dead letters, 6 besides', () => {
    const total = alarms.reduce((sum, alarm) => sum + metricsRead(alarm).length, 0);
    // Error lines (1: every function's ERROR lines, failed, timed-out and near-timeout runs, the HTTP
    // API's 5xx answers, SES rejects, late digest batches and 80% of the SES quota), dead letters
    // (1), the cycle heartbeat (1), the HTTP API's 4xx share (2), feed failure reports (1, SQS), SES
    // bounces and complaints (2). No metric per function, queue, timeout or table operation; from AWS/Lambda only the
    // heartbeat's invocations.
    expect(total).toBe(1 + 1 + 1 + 2 + 1 + 2);
    expect(alarms.flatMap(metricsRead).filter((m) => m.Namespace === 'AWS/Lambda').length).toBe(1);
    const heartbeat = alarms.find((a) => a.AlarmName.endsWith('-Cycle-Heartbeat'))!;
    expect(metricsRead(heartbeat)).toHaveLength(1);
    expect(metricsRead(heartbeat)[0]!.Namespace).toBe('AWS/Lambda');
  });

  it('polls no queue all month: both workers’ event sources are created off, and `npm run cost` bills them by the load', () => {
    const mappings = propsOf(prod, 'AWS::Lambda::EventSourceMapping');
    expect(mappings.map((m) => m.Enabled)).toEqual([false, false]);
    const inventory = stackInventory('prod');
    expect(inventory.counts).toMatchObject({ polledQueues: 0, switchedQueues: 2 });
    // 5 long polls of 20 s while on; ingest fans out above 100 feeds; prod sends 14 emails a second.
    expect(inventory.switchedPolling).toEqual({
      requestsPerMinute: 15,
      ingestFanOutAbove: 100,
      digestRatePerSecond: 14,
    });
  }, 120_000);
});
