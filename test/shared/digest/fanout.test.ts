import type { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSqsEnqueue,
  DIGEST_BATCH_MAX_WAIT_SECONDS,
  handleDigestQueue,
  sqsDigestQueueDepth,
  switchDigestWorkers,
} from '#shared/digest/fanout.js';
import { runDigest } from '#shared/digest/run.js';
import { getSubscription, subscribeConfirmed } from '#shared/digest/subscriptions.js';
import type { Mailer } from '#shared/email/mailer.js';
import { EmailSendError } from '#shared/email/mailer.js';
import type { Log } from '#shared/log.js';
import { lambdaEventSourceSwitch } from '#shared/runtime/event-source-switch.js';
import { mappingClient } from '../../helpers/event-source-mapping.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { type LocalSqs, startLocalSqs } from '../../helpers/local-sqs.js';
import { makeResource, movableClock, storeResources } from './helpers.js';

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

describe('the digest fan-out', () => {
  it('plans batches onto SQS, and the worker sends them, reporting only retryable failures', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    for (let i = 0; i < 150; i += 1)
      await subscribeConfirmed(runtime, { email: `fan${i}@example.org`, frequency: 'daily' });
    await storeResources(runtime.store, [
      makeResource({ id: 'fan-doc', firstSeenAt: '2026-03-02T10:00:00.000Z' }),
    ]);
    clock.set('2026-03-03T00:30:00.000Z');

    const batches: SendMessageBatchCommand['input'][] = [];
    const queue = createSqsEnqueue(
      {
        send: async (c: SendMessageBatchCommand) => {
          batches.push(c.input);
          return {};
        },
      } as never,
      'https://sqs.local/q',
    );
    const plan = await runDigest(runtime, { enqueue: queue.enqueue });
    await queue.flush();
    expect(plan).toMatchObject({ due: 150, sent: 0, batches: 2 });
    const messages = batches.flatMap((b) => b.Entries ?? []);
    expect(messages).toHaveLength(2);

    // The worker: one message throttled for one subscriber (retryable), a garbage message dropped.
    let sends = 0;
    const mailer: Mailer = {
      sent: 0,
      async send(email) {
        sends += 1;
        if (email.to === 'fan7@example.org') throw new EmailSendError('throttled too long', true);
        return { messageId: `m${sends}` };
      },
    };
    const event = {
      Records: [
        ...messages.map((m, i) => ({ messageId: `sqs-${i}`, body: m.MessageBody })),
        { messageId: 'garbage', body: 'not json' },
      ],
    } as unknown as SQSEvent;
    const response = await handleDigestQueue(runtime, event, { mailer });
    expect(sends).toBe(150);
    const failed = response.batchItemFailures.map((f) => f.itemIdentifier);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^sqs-/);

    // SQS redelivers the failed message: only the one left unsent goes out.
    const redelivery = event.Records.filter((r) => r.messageId === failed[0]);
    const again = await handleDigestQueue(runtime, { Records: redelivery } as SQSEvent, {
      mailer: {
        sent: 0,
        async send() {
          sends += 1;
          return { messageId: 'retry' };
        },
      },
    });
    expect(again.batchItemFailures).toEqual([]);
    expect(sends).toBe(151);
    expect((await getSubscription(runtime, 'fan7@example.org'))?.lastPeriod).toBe('D2026-03-03');
  });

  it('logs at ERROR a batch that waited in the queue over an hour (the ErrorLines alarm), and still handles it', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const base = await services.newRuntime({}, clock);
    const errors: { message: string; data?: Record<string, unknown> }[] = [];
    const log: Log = {
      debug() {},
      info() {},
      warn() {},
      error: (message, data) => errors.push({ message, data }),
    };
    const runtime = { ...base, log };
    await subscribeConfirmed(runtime, { email: 'late@example.org', frequency: 'daily' });
    clock.set('2026-03-03T02:00:00.000Z');
    const ids = [(await getSubscription(runtime, 'late@example.org'))!.id];
    const body = JSON.stringify({ ids, cutoff: '2026-03-03T00:00:00.000Z' });
    const sentAgo = (seconds: number, messageId: string) => ({
      messageId,
      body,
      attributes: { SentTimestamp: String(clock().getTime() - seconds * 1000), ApproximateReceiveCount: '3' },
    });
    const mailer: Mailer = { sent: 0, send: async () => ({ messageId: 'm' }) };
    // Within the hour: nothing logged.
    await handleDigestQueue(
      runtime,
      { Records: [sentAgo(DIGEST_BATCH_MAX_WAIT_SECONDS - 60, 'fresh')] } as unknown as SQSEvent,
      { mailer },
    );
    expect(errors).toEqual([]);
    // Past it (the workers failed, were throttled or switched off): one error line, naming the wait.
    const late = await handleDigestQueue(
      runtime,
      { Records: [sentAgo(DIGEST_BATCH_MAX_WAIT_SECONDS + 60, 'late')] } as unknown as SQSEvent,
      { mailer },
    );
    expect(late.batchItemFailures).toEqual([]);
    expect(errors).toEqual([
      {
        message: 'digest batch waited too long in the queue',
        data: { messageId: 'late', waitedSeconds: DIGEST_BATCH_MAX_WAIT_SECONDS + 60, receiveCount: 3 },
      },
    ]);
  });
});

describe('the digest workers’ event source, on only while the queue holds batches', () => {
  let sqs: LocalSqs;
  beforeAll(async () => {
    sqs = await startLocalSqs();
  });
  afterAll(() => sqs.close());

  /** The workers' mapping, as a Lambda client standing for it, and the switch over it. */
  function mapping(initial: string) {
    const { client, updates } = mappingClient(initial, 'digest-esm');
    return { workers: lambdaEventSourceSwitch('digest-esm', { info() {} }, client), updates };
  }

  it('switches on for a run that planned batches, stays on while batches wait or are in a worker’s hands, and off once the queue is empty', async () => {
    const client = new SQSClient({
      region: 'us-east-1',
      endpoint: sqs.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const depth = sqsDigestQueueDepth(client, `${sqs.endpoint}/000000000000/digests`);
    const { workers, updates } = mapping('Disabled');
    // The day's first cycle: batches planned (whatever the queue's approximate count says yet).
    expect(await switchDigestWorkers(3, depth, workers)).toBe(true);
    // The next cycles: nothing due, but one batch waits and one is being sent (or retried later).
    sqs.depth.visible = 1;
    sqs.depth.notVisible = 1;
    expect(await switchDigestWorkers(0, depth, workers)).toBe(true);
    sqs.depth.visible = 0;
    expect(await switchDigestWorkers(0, depth, workers)).toBe(true);
    // Drained: off, and nothing more asked while it stays off.
    sqs.depth.notVisible = 0;
    expect(await switchDigestWorkers(0, depth, workers)).toBe(false);
    expect(await switchDigestWorkers(0, depth, workers)).toBe(false);
    expect(updates).toEqual([true, false]);
  });

  it('switches a mapping a deploy reset to off back on when batches wait', async () => {
    const client = new SQSClient({
      region: 'us-east-1',
      endpoint: sqs.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { workers, updates } = mapping('Disabled');
    sqs.depth.delayed = 0;
    sqs.depth.visible = 4;
    expect(await switchDigestWorkers(0, sqsDigestQueueDepth(client, `${sqs.endpoint}/q`), workers)).toBe(
      true,
    );
    expect(updates).toEqual([true]);
    sqs.depth.visible = 0;
  });
});
