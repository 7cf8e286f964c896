import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AnnounceSummary } from './announce/run.js';
import type { BotCore } from './bot/core.js';
import type { DigestBatchOutcome, DigestRunSummary } from './digest/run.js';
import type { HttpHandler } from './http/types.js';
import type { IngestSummary } from './ingest/run.js';
import type { Log } from './log.js';

/**
 * Business counts, written by the Lambdas as one JSON log line per invocation (`message: "counts"`,
 * read by the saved Logs Insights query `counts` in infra/constructs/operations.ts). Only the counts
 * an alarm reads (PUBLISHED_METRICS) also become CloudWatch metrics, through Powertools Metrics'
 * Embedded Metric Format (no API calls, no extra permissions): a custom metric costs US$0.30 a
 * month, so one no alarm reads is not worth keeping. The operations construct alarms on them. The names, the
 * namespace, the service dimension and PUBLISHED_METRICS are the contract between the handlers and
 * the alarms: change them together.
 *
 * Usage in a handler (module scope, then once per invocation):
 *   const metrics = metricsFor(config.stage, METRIC_SERVICE.ingest);
 *   export const handler = () => publishing(metrics, () => runSomething(), somethingCounts);
 * The `...Counts` functions below map each capability's run summary to its metrics.
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
  /** Feeds whose fetch or parse failed in a run (the "feeds failing" alarm counts failure reports instead). */
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

/**
 * The counts published as CloudWatch metrics: those an alarm reads. None today: every count is
 * logged only, and the "feeds failing" alarm reads a free SQS metric instead
 * (shared/ingest/failure-reports.ts). scripts/cost/inventory.ts bills these.
 */
export const PUBLISHED_METRICS: readonly MetricName[] = [];

/** The `message` of a line that carries counts only (no count of it is a published metric). */
export const COUNTS_MESSAGE = 'counts';

export interface RelayMetrics {
  /** Adds `value` (default 1) to a count for this invocation. */
  count(name: MetricName, value?: number): void;
  /** Adds several counts at once; entries that are not finite numbers are skipped. */
  countAll(counts: Partial<Record<MetricName, unknown>>): void;
  /**
   * Writes what was counted: every count in one JSON log line (`message: "counts"`), and the
   * published ones also in an EMF line (CloudWatch metrics). Call at the end of every invocation.
   */
  publish(): void;
}

/**
 * Powertools Metrics behind the narrow RelayMetrics port. Counts are summed here and handed to
 * Powertools once per name at publish, so a metric is one value per line rather than a list.
 * `write` takes the counts-only line (stdout, where the Lambda runtime sends it to CloudWatch Logs).
 */
export function createMetrics(
  namespace: string,
  service: MetricService | string,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  publishedMetrics: readonly MetricName[] = PUBLISHED_METRICS,
): RelayMetrics {
  const metrics = new Metrics({ namespace, serviceName: service });
  const published = new Set<MetricName>(publishedMetrics);
  const counts = new Map<MetricName, number>();
  const count = (name: MetricName, value = 1) => counts.set(name, (counts.get(name) ?? 0) + value);
  return {
    count,
    countAll(values) {
      for (const [name, value] of Object.entries(values)) {
        if (typeof value === 'number' && Number.isFinite(value)) count(name as MetricName, value);
      }
    },
    // Nothing counted (a bot request that ran no command): no line, and no Powertools warning.
    publish() {
      if (counts.size === 0) return;
      const all = [...counts];
      counts.clear();
      const line = { level: 'INFO', message: COUNTS_MESSAGE, timestamp: new Date().toISOString() };
      write(JSON.stringify({ ...line, namespace, service, ...Object.fromEntries(all) }));
      const metricCounts = all.filter(([name]) => published.has(name));
      if (metricCounts.length === 0) return;
      for (const [name, value] of metricCounts) metrics.addMetric(name, MetricUnit.Count, value);
      metrics.publishStoredMetrics();
    },
  };
}

/** The metrics of one capability's Lambda in a stage. */
export function metricsFor(stage: string, service: MetricService): RelayMetrics {
  return createMetrics(metricsNamespace(stage), service);
}

/** Metrics that go nowhere: the local stack, the CLI and tests. */
export const noopMetrics: RelayMetrics = { count() {}, countAll() {}, publish() {} };

type Counts = Partial<Record<MetricName, unknown>>;

/**
 * Runs one invocation, adds the counts its result gives, and publishes what the invocation
 * counted once at the end, also when it throws (what was counted before the error is kept).
 */
export async function publishing<T>(
  metrics: RelayMetrics,
  run: () => Promise<T>,
  counts: (result: T) => Counts = () => ({}),
): Promise<T> {
  try {
    const result = await run();
    metrics.countAll(counts(result));
    return result;
  } finally {
    metrics.publish();
  }
}

/** Ingest: feeds fetched (new content or not modified), failed, and resources stored for the first time. */
export function ingestCounts(summary: IngestSummary): Counts {
  // Paused feeds are not fetched; `paused` also counts those this run paused, which failed.
  const notFetched = summary.failed + summary.deferred + summary.paused - summary.pausedNow.length;
  return {
    [METRIC.feedsFetched]: summary.feeds - notFetched,
    [METRIC.feedsFailed]: summary.failed,
    [METRIC.newResources]: summary.new,
  };
}

/** Digests sent and failed, by the scheduled run (inline sends) or by a worker batch. */
export function digestCounts(
  outcome: Pick<DigestRunSummary | DigestBatchOutcome, 'sent' | 'failed'>,
): Counts {
  return { [METRIC.digestsSent]: outcome.sent, [METRIC.digestsFailed]: outcome.failed };
}

/** Announcements: messages posted (single posts and batch messages), and deliveries that failed. */
export function announceCounts(summary: AnnounceSummary): Counts {
  if (summary.dryRun) return {};
  return {
    [METRIC.announcementsPosted]: summary.posted + summary.batchMessages,
    [METRIC.announcementsFailed]: summary.failed,
  };
}

/** The Log, counting each error it logs as a BotErrors (a command, update or request that failed). */
export function countingErrors(log: Log, metrics: RelayMetrics): Log {
  return {
    debug: (message, data) => log.debug(message, data),
    info: (message, data) => log.info(message, data),
    warn: (message, data) => log.warn(message, data),
    error: (message, data) => {
      metrics.count(METRIC.botErrors);
      log.error(message, data);
    },
  };
}

/** The bot core, counting each command, button press and inline query as a BotCommands. */
export function countingCommands(core: BotCore, metrics: RelayMetrics): BotCore {
  return {
    handleText(ctx, text) {
      metrics.count(METRIC.botCommands);
      return core.handleText(ctx, text);
    },
    handleAction(ctx, action) {
      metrics.count(METRIC.botCommands);
      return core.handleAction(ctx, action);
    },
    inline(ctx, query, limit) {
      metrics.count(METRIC.botCommands);
      return core.inline(ctx, query, limit);
    },
    home: (ctx, notice) => core.home(ctx, notice),
    followFromForm(ctx, form) {
      metrics.count(METRIC.botCommands);
      return core.followFromForm(ctx, form);
    },
    coopForm: (ctx, kind, wordLanguage) => core.coopForm(ctx, kind, wordLanguage),
    coopFromForm(ctx, form) {
      metrics.count(METRIC.botCommands);
      return core.coopFromForm(ctx, form);
    },
    language: (ctx, wordLanguage) => core.language(ctx, wordLanguage),
    languageOfText: (ctx, text) => core.languageOfText(ctx, text),
  };
}

/**
 * A bot's HTTP handler publishing once per request: the commands and errors counted while it
 * ran, plus one BotErrors for a request it refused (a 4xx or 5xx answer: bad signature or secret,
 * unreadable body). Work a face finishes after answering (Slack, past its ack deadline) is
 * counted then and published with the next request.
 */
export function publishingBotRequests(handler: HttpHandler, metrics: RelayMetrics): HttpHandler {
  return (event) =>
    publishing(
      metrics,
      () => handler(event),
      (result) => ((result.statusCode ?? 200) >= 400 ? { [METRIC.botErrors]: 1 } : {}),
    );
}

/**
 * A bot Lambda's metrics (service `bot`): wrap its log (errors), its core (commands) and its HTTP
 * handler (refused requests; one publish per request).
 */
export function botMetrics(stage: string) {
  const metrics = metricsFor(stage, METRIC_SERVICE.bot);
  return {
    metrics,
    log: (log: Log) => countingErrors(log, metrics),
    core: (core: BotCore) => countingCommands(core, metrics),
    handler: (handler: HttpHandler) => publishingBotRequests(handler, metrics),
  };
}
