import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { describeError } from '../errors.js';
import type { Log } from '../log.js';
import type { IngestSummary } from './run.js';

/**
 * Feeds failing, as a signal that costs nothing to watch. A deployed ingest run (the cycle's, or a
 * fan-out worker's batch) whose feeds failed sends one message to the feed-failures queue, which
 * nothing consumes: the queue's `NumberOfMessagesSent` (a free AWS/SQS metric) is what the
 * `FeedsFailing` alarm reads, in place of a FeedsFailed custom metric at US$0.30 a month
 * (docs/operations.md). The messages stay a day for whoever wants to read them
 * (`aws sqs receive-message`); `iaspn feeds list` shows every feed's health.
 *
 * A report that cannot be sent is logged as an error, which the ErrorLines alarm counts: the
 * failure still reaches the alarm topic.
 */

export interface FeedFailureReport {
  at: string;
  /** Feeds of the run, and how many failed (on the partner's side or ours). */
  feeds: number;
  failed: number;
  /** Feeds this run paused for failing too often. */
  pausedNow: string[];
}

export type ReportFeedFailures = (summary: IngestSummary) => Promise<void>;

export function sqsFeedFailureReports(
  sqs: Pick<SQSClient, 'send'>,
  queueUrl: string,
  log: Pick<Log, 'error'>,
  clock: () => Date = () => new Date(),
): ReportFeedFailures {
  return async (summary) => {
    if (summary.failed === 0) return;
    const report: FeedFailureReport = {
      at: clock().toISOString(),
      feeds: summary.feeds,
      failed: summary.failed,
      pausedNow: summary.pausedNow,
    };
    try {
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(report) }));
    } catch (error) {
      log.error('feed failures not reported', { failed: summary.failed, error: describeError(error) });
    }
  };
}
