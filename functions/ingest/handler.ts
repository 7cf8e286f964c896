import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { loadConfig } from '#shared/config.js';
import { recorded } from '#shared/health.js';
import { sqsFeedFailureReports } from '#shared/ingest/failure-reports.js';
import { createSqsIngestQueue, planIngest } from '#shared/ingest/fanout.js';
import { runIngest } from '#shared/ingest/run.js';
import { createLambdaLog } from '#shared/log.js';
import { ingestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { lambdaEventSourceSwitch } from '#shared/runtime/event-source-switch.js';
import { lambdaHandOver } from '#shared/runtime/hand-over.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * The cycle's ingest (EventBridge Scheduler, reserved concurrency 1): every active feed fetched
 * here while they fit this run (`IASPN_INGEST_FAN_OUT_ABOVE`), else planned onto the ingest queue
 * (IASPN_INGEST_QUEUE_URL) for the workers (functions/ingest/worker.ts). It hands over itself
 * (shared/cycle.ts): after an inline run it starts the next job; after a plan, the last worker does.
 * `loadConfig` rather than `loadRelayConfig`: ingest reads no secret (none is bound to it), and the
 * SSM client would only add weight to its bundle.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-ingest', config.logLevel));
const metrics = metricsFor(config.stage, METRIC_SERVICE.ingest);
const handOver = lambdaHandOver(config.schedule.nextFunction, runtime.log);
const sqs = new SQSClient({ region: config.aws.region });
const queue = config.ingest.queueUrl ? createSqsIngestQueue(sqs, config.ingest.queueUrl) : undefined;
// The workers' event source: on while cycles fan out, off (polling nothing) while they run inline.
const workers = config.ingest.workersMapping
  ? lambdaEventSourceSwitch(config.ingest.workersMapping, runtime.log)
  : undefined;
// Feeds failed: one message to the feed-failures queue, whose sent count the FeedsFailing alarm reads.
const reportFailures = config.ingest.failureReportsUrl
  ? sqsFeedFailureReports(sqs, config.ingest.failureReportsUrl, runtime.log)
  : undefined;

/** Room left at the end for the fetches already started and the summary. */
const MARGIN_MS = config.ingest.fetchTimeoutMs + 10_000;

export const handler = async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const remaining = context?.getRemainingTimeInMillis();
  const budgetMs = remaining === undefined ? undefined : Math.max(0, remaining - MARGIN_MS);
  const result = await publishing(
    metrics,
    () =>
      recorded(runtime, 'ingest', async () => {
        if (!queue) {
          const { summary } = await runIngest({ ...runtime, budgetMs });
          await handOver('ingest');
          return summary;
        }
        const plan = await planIngest(runtime, queue, { budgetMs, workers });
        if (plan.mode === 'fanned-out') return { ...plan, ...emptyCounts(plan.feeds + plan.paused) };
        await handOver('ingest');
        return plan.result.summary;
      }),
    // A plan fetched nothing: the workers count (and report) their feeds.
    (summary) => ('mode' in summary ? {} : ingestCounts(summary)),
  );
  if (!('mode' in result)) await reportFailures?.(result);
  return result;
};

const emptyCounts = (feeds: number) => ({ feeds, new: 0, failed: 0, deferred: 0 });
