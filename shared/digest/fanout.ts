import { GetQueueAttributesCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Mailer } from '../email/mailer.js';
import { describeError, RelayError } from '../errors.js';
import type { EventSourceSwitch } from '../runtime/event-source-switch.js';
import type { Runtime } from '../runtime/runtime.js';
import { keys } from '../store/keys.js';
import { subscriptionFromItem } from './model.js';
import { type BatchContext, createBatchContext, type DigestBatchOutcome, processDigestBatch } from './run.js';

/**
 * Fan-out for large lists. The scheduled run only pages through the due subscribers and puts one
 * SQS message per batch of 100 ids (10 messages a request); the worker Lambda, at a fixed maximum
 * concurrency, sends each batch at `ratePerSecond / DIGEST_WORKERS`, so all workers together stay
 * within the SES rate. 100,000 subscribers at 14/s take about two hours, well past one Lambda's
 * 15 minutes but within the day. A batch that failed for a retryable reason is reported back
 * (partial batch response) and redelivered; the claims make the redelivery send nothing twice.
 */

/** Worker Lambdas at once (the SQS event source's maximum concurrency). */
export const DIGEST_WORKERS = 2;

/**
 * A batch received this long after it was first sent (SQS's `SentTimestamp`: redeliveries keep it)
 * means the workers are failing, throttled or were switched off: the worker logs it at ERROR, which
 * the ErrorLines alarm reads (in place of an alarm on the queue's ApproximateAgeOfOldestMessage,
 * US$0.10 a month; docs/operations.md).
 */
export const DIGEST_BATCH_MAX_WAIT_SECONDS = 3600;

export interface DigestBatchMessage {
  ids: string[];
  cutoff: string;
}

export function createSqsEnqueue(sqs: Pick<SQSClient, 'send'>, queueUrl: string) {
  const pending: DigestBatchMessage[] = [];
  let counter = 0;
  const flush = async () => {
    while (pending.length > 0) {
      const group = pending.splice(0, 10);
      const out = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: group.map((body, i) => ({ Id: String(counter + i), MessageBody: JSON.stringify(body) })),
        }),
      );
      counter += group.length;
      if (out.Failed && out.Failed.length > 0) {
        throw new RelayError(
          'queue_failed',
          `SQS refused ${out.Failed.length} digest batches: ${out.Failed[0]?.Message}`,
        );
      }
    }
  };
  return {
    enqueue: async (batch: DigestBatchMessage) => {
      pending.push(batch);
      if (pending.length >= 10) await flush();
    },
    flush,
  };
}

/** Whether the digest queue holds any batch: waiting, in a worker's hands, or delayed. */
export interface DigestQueueDepth {
  isEmpty(): Promise<boolean>;
}

const DEPTH_ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
] as const;

/** The queue's depth from one GetQueueAttributes request (US$0.40 a million). */
export function sqsDigestQueueDepth(sqs: Pick<SQSClient, 'send'>, queueUrl: string): DigestQueueDepth {
  return {
    async isEmpty() {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...DEPTH_ATTRIBUTES] }),
      );
      return DEPTH_ATTRIBUTES.every((name) => Number(Attributes[name] ?? 0) === 0);
    },
  };
}

/**
 * The digest workers' consumer of the queue (deployed: the event source mapping, created off), set by
 * each digest run after it planned: on when it put batches on the queue or the queue still holds some
 * (an earlier run's, a batch being retried or in a worker's hands), off once it is empty. Digests
 * fall due once a day (dailies at 00:00 UTC, weeklies on their weekday), so the mapping polls from
 * that cycle until the first cycle that finds the queue drained, not all month: an enabled mapping
 * long-polls its queue around the clock, about 650,000 requests (US$0.26) a month. A deploy that
 * resets the mapping to off is undone by the next run that finds batches waiting.
 */
export async function switchDigestWorkers(
  planned: number,
  depth: DigestQueueDepth,
  workers: EventSourceSwitch,
): Promise<boolean> {
  const on = planned > 0 || !(await depth.isEmpty());
  await workers.poll(on);
  return on;
}

function parseMessage(body: string): DigestBatchMessage {
  let parsed: DigestBatchMessage;
  try {
    parsed = JSON.parse(body) as DigestBatchMessage;
  } catch (cause) {
    throw new RelayError('invalid_message', 'Not JSON', { cause });
  }
  if (
    !Array.isArray(parsed.ids) ||
    typeof parsed.cutoff !== 'string' ||
    Number.isNaN(Date.parse(parsed.cutoff))
  )
    throw new RelayError('invalid_message', 'Not a digest batch message');
  return parsed;
}

/** The worker: each SQS record is a batch of subscriber ids; failures are reported per record. */
export async function handleDigestQueue(
  runtime: Runtime,
  event: SQSEvent,
  options: { mailer?: Mailer; onBatch?: (outcome: DigestBatchOutcome) => void } = {},
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  const contexts = new Map<string, BatchContext>();
  const now = runtime.clock().getTime();
  for (const record of event.Records) {
    const sentAt = Number(record.attributes?.SentTimestamp);
    const waitedSeconds = Math.round((now - sentAt) / 1000);
    if (waitedSeconds > DIGEST_BATCH_MAX_WAIT_SECONDS) {
      runtime.log.error('digest batch waited too long in the queue', {
        messageId: record.messageId,
        waitedSeconds,
        receiveCount: Number(record.attributes?.ApproximateReceiveCount),
      });
    }
    try {
      const message = parseMessage(record.body);
      let ctx = contexts.get(message.cutoff);
      if (!ctx) {
        ctx = await createBatchContext(runtime, message.cutoff, {
          mailer: options.mailer,
        });
        contexts.set(message.cutoff, ctx);
      }
      // Re-read: the subscriber may have unsubscribed or been sent to since the plan.
      const items = await runtime.store.batchGet(message.ids.map((id) => keys.subscriptionById(id)));
      const outcome = await processDigestBatch(ctx, items.map(subscriptionFromItem));
      options.onBatch?.(outcome);
      runtime.log.info('digest batch done', {
        messageId: record.messageId,
        ...outcome,
        retryable: outcome.retryable.length,
      });
      if (outcome.retryable.length > 0) batchItemFailures.push({ itemIdentifier: record.messageId });
    } catch (error) {
      if ((error as RelayError).code === 'invalid_message') {
        runtime.log.error('digest batch message dropped', {
          messageId: record.messageId,
          error: describeError(error),
        });
        continue;
      }
      runtime.log.error('digest batch failed', { messageId: record.messageId, error: describeError(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
