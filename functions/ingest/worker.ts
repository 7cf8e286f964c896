import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { loadConfig } from '#shared/config.js';
import { sqsFeedFailureReports } from '#shared/ingest/failure-reports.js';
import { handleIngestQueue } from '#shared/ingest/fanout.js';
import type { FeedOutcome } from '#shared/ingest/run.js';
import { summariseOutcomes } from '#shared/ingest/run.js';
import { createLambdaLog } from '#shared/log.js';
import { ingestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { lambdaHandOver } from '#shared/runtime/hand-over.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * The ingest worker: one SQS record a feed of a fanned-out cycle (shared/ingest/fanout.ts);
 * feeds to retry reported per record; the worker that finishes the cycle starts its next job.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-ingest-worker', config.logLevel));
const metrics = metricsFor(config.stage, METRIC_SERVICE.ingest);
const handOver = lambdaHandOver(config.schedule.nextFunction, runtime.log);
const MARGIN_MS = config.ingest.fetchTimeoutMs + 10_000;
// Feeds of this batch failed: one message to the feed-failures queue (the FeedsFailing alarm's metric).
const reportFailures = config.ingest.failureReportsUrl
  ? sqsFeedFailureReports(
      new SQSClient({ region: config.aws.region }),
      config.ingest.failureReportsUrl,
      runtime.log,
    )
  : undefined;

export const handler = async (event: SQSEvent, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const remaining = context?.getRemainingTimeInMillis();
  const outcomes: FeedOutcome[] = [];
  try {
    return await publishing(
      metrics,
      () =>
        handleIngestQueue(runtime, event, {
          budgetMs: remaining === undefined ? undefined : Math.max(0, remaining - MARGIN_MS),
          handOver: (cycle) => handOver('ingest', { cycle }),
          onFeedDone: (outcome) => {
            outcomes.push(outcome);
          },
        }),
      () => ingestCounts(summariseOutcomes(outcomes.length, outcomes)),
    );
  } finally {
    await reportFailures?.(summariseOutcomes(outcomes.length, outcomes));
  }
};
