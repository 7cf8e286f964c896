import type { Context } from 'aws-lambda';
import { runAnnouncementJob } from '#shared/announce/job.js';
import { loadConfig } from '#shared/config.js';
import { recorded } from '#shared/health.js';
import { createLambdaLog } from '#shared/log.js';
import { announceCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { withFreshSecrets } from '#shared/secrets.js';

/**
 * The cycle's announcement job (after the search index; reserved concurrency 1): new resources to
 * the Slack channels and Telegram chats that follow them. The bot tokens are read through the
 * secrets cache on each run, so a rotated token is used within five minutes. Then the event
 * reminders that are due (the same job as the local stack's: shared/announce/job.ts).
 */
const base = loadConfig(process.env);
const log = createLambdaLog('iaspn-announce', base.logLevel);
const metrics = metricsFor(base.stage, METRIC_SERVICE.announce);
const runtimeNow = withFreshSecrets(process.env, (config) => createRuntime(config, log));
// A missing or malformed secret fails the cold start, not a run.
await runtimeNow();

/** Room left at the end for the post in flight, the last marks and the cursor. */
const MARGIN_MS = 30_000;

export const handler = async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const runtime = await runtimeNow();
  const remaining = context?.getRemainingTimeInMillis();
  const budgetMs = remaining === undefined ? undefined : Math.max(0, remaining - MARGIN_MS);
  return publishing(
    metrics,
    () => recorded(runtime, 'announce', () => runAnnouncementJob(runtime, { budgetMs })),
    announceCounts,
  );
};
