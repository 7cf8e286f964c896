import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics, emitted by the Lambdas as CloudWatch Embedded Metric Format log lines through
 * Powertools Metrics (no API calls, no extra permissions). The CDK stack alarms on some of them
 * (infra/constructs/operations.ts), so the names, the namespace and the service dimension below are
 * the contract between the handlers and the alarms: change them together.
 *
 * Usage in a handler (module scope, then once per invocation):
 *   const metrics = createMetrics(metricsNamespace(config.stage), METRIC_SERVICE.ingest);
 *   metrics.countAll({ FeedsFetched: summary.fetched, FeedsFailed: summary.failed });
 *   metrics.publish();
 */

/** One namespace per stage, so dev and prod in one account never mix. */
export function metricsNamespace(stage: string): string {
  return `IaspnRelay/${stage}`;
}

/** The `service` dimension each capability emits with. */
export const METRIC_SERVICE = {
  ingest: 'ingest',
  announce: 'announce',
  digest: 'digest',
  bot: 'bot',
} as const;

export type MetricService = (typeof METRIC_SERVICE)[keyof typeof METRIC_SERVICE];

/** The metric names (Count unit). */
export const METRIC = {
  /** Feeds fetched and parsed in a run. */
  feedsFetched: 'FeedsFetched',
  /** Feeds whose fetch or parse failed in a run: the "feeds failing" alarm watches this. */
  feedsFailed: 'FeedsFailed',
  /** Resources stored for the first time. */
  newResources: 'NewResources',
  /** Posts made to followed channels. */
  announcementsPosted: 'AnnouncementsPosted',
  /** Posts that failed (the channel is retried next run). */
  announcementsFailed: 'AnnouncementsFailed',
  /** Digest emails handed to SES. */
  digestsSent: 'DigestsSent',
  /** Digest emails SES refused. */
  digestsFailed: 'DigestsFailed',
  /** Commands and searches answered by the bots. */
  botCommands: 'BotCommands',
  /** Bot requests rejected (bad signature, unknown command) or failed. */
  botErrors: 'BotErrors',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export interface RelayMetrics {
  /** Adds `value` (default 1) to a count for this invocation. */
  count(name: MetricName, value?: number): void;
  /** Adds several counts at once; entries that are not finite numbers are skipped. */
  countAll(counts: Partial<Record<MetricName, unknown>>): void;
  /** Writes the stored metrics as one EMF line. Call at the end of every invocation. */
  publish(): void;
}

/** Powertools Metrics behind the narrow RelayMetrics port. */
export function createMetrics(namespace: string, service: MetricService | string): RelayMetrics {
  const metrics = new Metrics({ namespace, serviceName: service });
  const count = (name: MetricName, value = 1) => metrics.addMetric(name, MetricUnit.Count, value);
  return {
    count,
    countAll(counts) {
      for (const [name, value] of Object.entries(counts)) {
        if (typeof value === 'number' && Number.isFinite(value)) count(name as MetricName, value);
      }
    },
    publish: () => metrics.publishStoredMetrics(),
  };
}

/** Metrics that go nowhere: the local stack, the CLI and tests. */
export const noopMetrics: RelayMetrics = { count() {}, countAll() {}, publish() {} };
