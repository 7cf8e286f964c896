import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * An SQS queue and its Lambda event source, in this process, for the local stack and tests: the
 * same worker function the deployed event source invokes receives the same events. `workers`
 * loops at most (the event source's maximum concurrency) each take up to `batchSize` messages;
 * a record the worker reports in `batchItemFailures`, or every record of an invocation that threw
 * (a crash), becomes visible again after `visibilityMs`; past `maxReceives` it goes to the
 * dead letters. `drained()` resolves when nothing is left to deliver.
 */

export interface InProcessQueueOptions {
  workers: number;
  batchSize: number;
  maxReceives: number;
  /** Time a failed message stays invisible before its redelivery. */
  visibilityMs: number;
  /** Every delivery (tests follow redeliveries with it). */
  onDelivery?: (event: SQSEvent, invocation: number) => void;
}

interface Held<M> {
  id: string;
  body: M;
  receives: number;
  visibleAt: number;
}

export interface InProcessQueue<M> {
  send(messages: M[]): Promise<void>;
  /** Resolves when every message was handled or dead-lettered; the dead letters' bodies. */
  drained(): Promise<M[]>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createInProcessQueue<M>(
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>,
  options: InProcessQueueOptions,
): InProcessQueue<M> {
  const waiting: Held<M>[] = [];
  const deadLetters: M[] = [];
  let inFlight = 0;
  let invocations = 0;
  let running: Promise<void> | undefined;

  const record = (held: Held<M>): SQSRecord =>
    ({
      messageId: held.id,
      body: JSON.stringify(held.body),
      attributes: { ApproximateReceiveCount: String(held.receives) },
      eventSource: 'aws:sqs',
    }) as unknown as SQSRecord;

  const redeliver = (held: Held<M>) => {
    if (held.receives >= options.maxReceives) deadLetters.push(held.body);
    else waiting.push({ ...held, visibleAt: Date.now() + options.visibilityMs });
  };

  async function worker(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const batch: Held<M>[] = [];
      for (let i = 0; i < waiting.length && batch.length < options.batchSize; ) {
        if (waiting[i]!.visibleAt <= now) batch.push(...waiting.splice(i, 1));
        else i += 1;
      }
      if (batch.length === 0) {
        if (waiting.length === 0 && inFlight === 0) return;
        await sleep(Math.min(50, options.visibilityMs));
        continue;
      }
      inFlight += 1;
      invocations += 1;
      for (const held of batch) held.receives += 1;
      const event: SQSEvent = { Records: batch.map(record) };
      options.onDelivery?.(event, invocations);
      try {
        const response = await handler(event);
        const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        for (const held of batch) if (failed.has(held.id)) redeliver(held);
      } catch {
        for (const held of batch) redeliver(held);
      } finally {
        inFlight -= 1;
      }
    }
  }

  return {
    async send(messages) {
      for (const body of messages) waiting.push({ id: randomUUID(), body, receives: 0, visibleAt: 0 });
    },
    async drained() {
      running ??= Promise.all(Array.from({ length: options.workers }, worker)).then(() => {
        running = undefined;
      });
      await running;
      return deadLetters.splice(0);
    },
  };
}
