import type { Context } from 'aws-lambda';
import { loadConfig } from '#shared/config.js';
import { recorded } from '#shared/health.js';
import { runIngest } from '#shared/ingest/run.js';
import { createLambdaLog } from '#shared/log.js';
import { ingestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * The scheduled ingest: one run over every active feed (EventBridge Scheduler, reserved concurrency 1).
 * `loadConfig` rather than `loadRelayConfig`: ingest reads no secret (none is bound to it), and the
 * Secrets Manager client would only add weight to its bundle.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-ingest', config.logLevel));
const metrics = metricsFor(config.stage, METRIC_SERVICE.ingest);

/** Room left at the end for the fetches already started and the summary. */
const MARGIN_MS = config.ingest.fetchTimeoutMs + 10_000;

export const handler = async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const remaining = context?.getRemainingTimeInMillis();
  const budgetMs = remaining === undefined ? undefined : Math.max(0, remaining - MARGIN_MS);
  return publishing(
    metrics,
    () => recorded(runtime, 'ingest', async () => (await runIngest({ ...runtime, budgetMs })).summary),
    ingestCounts,
  );
};
