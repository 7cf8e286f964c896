import type { Context } from 'aws-lambda';
import { runAnnounce } from '#shared/announce/run.js';
import { createLambdaLog } from '#shared/log.js';
import { announceCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { loadRelayConfig } from '#shared/secrets.js';

/**
 * The scheduled announcement run (EventBridge Scheduler after each ingest period, reserved
 * concurrency 1): new resources to the Slack channels and Telegram chats that follow them.
 * Tokens come from the stage's secret at cold start.
 */
const config = await loadRelayConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-announce', config.logLevel));
const metrics = metricsFor(config.stage, METRIC_SERVICE.announce);

/** Room left at the end for the post in flight, the last marks and the cursor. */
const MARGIN_MS = 30_000;

export const handler = async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const remaining = context?.getRemainingTimeInMillis();
  const budgetMs = remaining === undefined ? undefined : Math.max(0, remaining - MARGIN_MS);
  return publishing(metrics, () => runAnnounce(runtime, { budgetMs }), announceCounts);
};
