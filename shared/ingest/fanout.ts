import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import pLimit from 'p-limit';
import { describeError, RelayError } from '../errors.js';
import { type Feed, getFeed, listFeeds } from '../library/registry.js';
import { createInProcessQueue, type InProcessQueueOptions } from '../runtime/in-process-queue.js';
import type { Runtime } from '../runtime/runtime.js';
import { claim, release, sentRecord } from '../store/claims.js';
import { keys } from '../store/keys.js';
import { type FetchPolicy, fetchPolicyFrom } from './fetcher.js';
import { createStorePoliteness } from './politeness.js';
import {
  type FeedOutcome,
  type IngestResult,
  type IngestSummary,
  ingestFeed,
  runIngest,
  summariseOutcomes,
} from './run.js';

/**
 * Ingest that fans out (issue 20.2). The cycle's ingest run fetches the feeds itself while they fit
 * its time budget (`config.ingest.fanOutAbove` active feeds); above that it only plans: it writes
 * the cycle's item (`total` feeds) and puts one message per feed on the ingest queue, ten to a
 * request. Worker invocations (at most INGEST_WORKERS at once, each handed up to
 * INGEST_BATCH_SIZE messages) fetch them:
 *
 * - **once per cycle**: each feed is claimed for the cycle (`JOB#ingest#<cycle>` / `FEED#<id>`,
 *   a leased claim) before its fetch and marked done after it; a redelivered or duplicated message
 *   finds it done and does nothing, one held by a live lease is retried later;
 * - **per feed failures**: a feed that failed on our side (the store, a bug) gives its claim back
 *   and is reported in `batchItemFailures`, so SQS redelivers that message only; a feed that
 *   failed on the partner's side is done for the cycle (its health records it, as inline);
 * - **politeness across workers**: per-host slots and Retry-After in the store (politeness.ts);
 * - **hand-over**: each feed marked done adds one to the cycle's `done`; the worker that brings it
 *   to `total` wins a conditional write (`handedOver`) and starts the cycle's next job
 *   (`handOver`: the next job's Lambda deployed, the waiting cycle in the local stack).
 *
 * The local stack runs this same path: the planner's queue is the in-process queue
 * (`createInProcessQueue`), whose INGEST_WORKERS loops call `handleIngestQueue` as the event source
 * calls the worker Lambda. A crash between a feed's done mark and its count (milliseconds) leaves
 * the cycle short of `total`: the next job then starts with the next cycle, and that cycle's plan
 * logs the one left unfinished.
 */

/** Worker invocations at once (the SQS event source's maximum concurrency). */
export const INGEST_WORKERS = 3;
/** Feed messages handed to one worker invocation. */
export const INGEST_BATCH_SIZE = 10;
/** Deliveries of one message before it goes to the dead-letter queue. */
export const INGEST_MAX_RECEIVES = 5;
/** How long a feed's claim protects its fetch and writes: the worker's timeout. */
export const INGEST_CLAIM_LEASE_MS = 5 * 60_000;
const CLAIM_TTL_SECONDS = 2 * 24 * 3600;

export interface IngestFeedMessage {
  cycle: string;
  feedId: string;
  /** The feed's host, and how many of this cycle's feeds it serves (politeness.ts needs no slot when few). */
  host: string;
  hostFeeds: number;
}

/** Where the planner puts the feed messages: SQS deployed, the in-process queue locally. */
export interface IngestQueue {
  send(messages: IngestFeedMessage[]): Promise<void>;
}

export function createSqsIngestQueue(sqs: Pick<SQSClient, 'send'>, queueUrl: string): IngestQueue {
  return {
    async send(messages) {
      for (let i = 0; i < messages.length; i += 10) {
        const group = messages.slice(i, i + 10);
        const out = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: group.map((body, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(body) })),
          }),
        );
        if (out.Failed && out.Failed.length > 0) {
          throw new RelayError(
            'queue_failed',
            `SQS refused ${out.Failed.length} ingest messages: ${out.Failed[0]?.Message}`,
          );
        }
      }
    },
  };
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
};

/**
 * The workers' consumer of the queue (deployed: the event source mapping, created off), switched
 * on by a plan that fans out and off by one that runs inline: below `fanOutAbove` active feeds
 * nothing polls the queue (an enabled mapping long-polls all month, fanned out or not).
 */
export interface IngestWorkers {
  poll(on: boolean): Promise<void>;
}

export type IngestPlan =
  | { mode: 'inline'; result: IngestResult }
  | { mode: 'fanned-out'; cycle: string; feeds: number; paused: number };

/**
 * The cycle's ingest run: inline when the active feeds fit one run, else the plan onto `queue`.
 * `budgetMs` is the inline run's time (the Lambda's remaining time less a margin).
 */
export async function planIngest(
  runtime: Runtime,
  queue: IngestQueue,
  options: { budgetMs?: number; policy?: FetchPolicy; workers?: IngestWorkers } = {},
): Promise<IngestPlan> {
  const { store, config, log, clock } = runtime;
  const { workers, ...runOptions } = options;
  const feeds = await listFeeds(store);
  const active = feeds.filter((f) => f.status === 'active');
  if (active.length <= config.ingest.fanOutAbove) {
    // An earlier cycle's leftover messages, if any, are superseded by this run: each feed is fetched here.
    await workers?.poll(false);
    return { mode: 'inline', result: await runIngest({ ...runtime, ...runOptions }) };
  }
  await workers?.poll(true);
  await reportUnfinished(runtime);
  const now = clock();
  const cycle = `${now.toISOString()}-${randomUUID().slice(0, 8)}`;
  const perHost = new Map<string, number>();
  for (const feed of active) perHost.set(hostOf(feed.url), (perHost.get(hostOf(feed.url)) ?? 0) + 1);
  // The cycle's total first: a worker finishing before the last message is sent still counts right.
  await store.put({
    ...keys.ingestCycle(cycle),
    cycle,
    total: active.length,
    done: 0,
    plannedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS,
  });
  // Least recently fetched first, as inline: the queue is roughly first in, first out.
  const ordered = [...active].sort((a, b) =>
    (a.health.lastFetchAt ?? '').localeCompare(b.health.lastFetchAt ?? ''),
  );
  await queue.send(
    ordered.map((feed) => {
      const host = hostOf(feed.url);
      return { cycle, feedId: feed.id, host, hostFeeds: perHost.get(host) ?? 1 };
    }),
  );
  log.info('ingest fanned out', { cycle, feeds: active.length, hosts: perHost.size });
  return { mode: 'fanned-out', cycle, feeds: active.length, paused: feeds.length - active.length };
}

/** The previous fanned-out cycle, if it never handed over, in the admins' log. */
async function reportUnfinished(runtime: Runtime): Promise<void> {
  const { items } = await runtime.store.query({
    partition: keys.ingestCycle('').pk,
    sortBeginsWith: 'CYCLE#',
    limit: 1,
    newestFirst: true,
  });
  const last = items[0];
  if (last && last.handedOver === undefined) {
    runtime.log.error('the last ingest cycle did not finish: its next job starts with this cycle', {
      cycle: last.cycle,
      done: last.done,
      total: last.total,
      admin: true,
    });
  }
}

function parseMessage(body: string): IngestFeedMessage {
  let parsed: IngestFeedMessage;
  try {
    parsed = JSON.parse(body) as IngestFeedMessage;
  } catch (cause) {
    throw new RelayError('invalid_message', 'Not JSON', { cause });
  }
  if (
    typeof parsed?.cycle !== 'string' ||
    typeof parsed.feedId !== 'string' ||
    typeof parsed.host !== 'string' ||
    typeof parsed.hostFeeds !== 'number'
  )
    throw new RelayError('invalid_message', 'Not an ingest feed message');
  return parsed;
}

export interface IngestWorkerOptions {
  /** Starts the cycle's next job: called once per cycle, by the worker that finished its last feed. */
  handOver: (cycle: string) => Promise<void>;
  /** Time this invocation may take (the Lambda's remaining time less a margin). */
  budgetMs?: number;
  policy?: FetchPolicy;
  /** Each feed's outcome as it is done (metrics; tests). An error thrown here fails the invocation. */
  onFeedDone?: (outcome: FeedOutcome) => void | Promise<void>;
}

type RecordResult = { outcome?: FeedOutcome; retry: boolean };

/**
 * The worker: each SQS record is one feed of one cycle. Feeds are fetched `config.ingest.concurrency`
 * at a time; those to retry are reported per record (partial batch response).
 */
export async function handleIngestQueue(
  runtime: Runtime,
  event: SQSEvent,
  options: IngestWorkerOptions,
): Promise<SQSBatchResponse> {
  const { store, config, log, clock } = runtime;
  const owner = randomUUID();
  const started = Date.now();
  const deadline = started + (options.budgetMs ?? INGEST_CLAIM_LEASE_MS);
  const policy = options.policy ?? fetchPolicyFrom(config);
  const politeness = createStorePoliteness(store, {
    perHost: config.ingest.perHost,
    owner,
    clock,
    leaseMs: config.ingest.fetchTimeoutMs + 30_000,
  });
  const deps = { config, store, log, clock };

  const doFeed = async (message: IngestFeedMessage): Promise<RecordResult> => {
    const claimKey = keys.ingestFeedClaim(message.cycle, message.feedId);
    const lease = { owner, now: clock(), leaseMs: INGEST_CLAIM_LEASE_MS, ttlSeconds: CLAIM_TTL_SECONDS };
    const claimed = await claim(store, claimKey, lease);
    if (!claimed.won) return { retry: claimed.reason === 'held' };
    let outcome: FeedOutcome;
    const feed: Feed | undefined = await getFeed(store, message.feedId);
    if (feed?.status !== 'active') {
      // Paused or removed since the plan: nothing to fetch, and the cycle counts it done.
      outcome = { feedId: message.feedId, status: 'paused' };
    } else {
      const turn = await politeness.acquire(message.host, message.hostFeeds, deadline);
      if (turn.kind === 'busy') {
        await release(store, [claimKey], owner);
        return { retry: true };
      }
      if (turn.kind === 'wait') {
        outcome = { feedId: feed.id, status: 'deferred' };
      } else {
        try {
          outcome = (await ingestFeed(deps, feed, policy)).outcome;
          if (outcome.status === 'failed' && outcome.retryAfter)
            await politeness.holdOff(message.host, outcome.retryAfter);
        } finally {
          await turn.release();
        }
        if (outcome.status === 'failed' && outcome.kind === 'internal') {
          await release(store, [claimKey], owner);
          return { outcome, retry: true };
        }
      }
    }
    // Done for the cycle; counted only by the claim's holder (a take-over after a lost lease counts instead).
    const marked = await store.put(sentRecord(claimKey, { ...lease, now: clock() }), {
      expression: '#s = :claimed AND #o = :owner',
      names: { '#s': 'state', '#o': 'owner' },
      values: { ':claimed': 'claimed', ':owner': owner },
    });
    if (marked) await countDone(runtime, message.cycle, options.handOver);
    return { outcome, retry: false };
  };

  const limit = pLimit(config.ingest.concurrency);
  const outcomes: FeedOutcome[] = [];
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  try {
    await Promise.all(
      event.Records.map((record) =>
        limit(async () => {
          let message: IngestFeedMessage;
          try {
            message = parseMessage(record.body);
          } catch (error) {
            log.error('ingest message dropped', { messageId: record.messageId, error: describeError(error) });
            return;
          }
          let result: RecordResult;
          try {
            result = await doFeed(message);
          } catch (error) {
            log.error('ingest feed failed', {
              messageId: record.messageId,
              feedId: message.feedId,
              error: describeError(error),
            });
            result = { retry: true };
          }
          if (result.retry) batchItemFailures.push({ itemIdentifier: record.messageId });
          if (result.outcome) {
            outcomes.push(result.outcome);
            await options.onFeedDone?.(result.outcome);
          }
        }),
      ),
    );
  } catch (error) {
    // The invocation fails as a whole (as a crash would): start nothing more; SQS redelivers its batch.
    limit.clearQueue();
    throw error;
  }
  const summary = summariseOutcomes(event.Records.length, outcomes);
  log.info('ingest batch done', {
    ...summary,
    pausedNow: summary.pausedNow.join(',') || undefined,
    moved: summary.moved.join(',') || undefined,
    retried: batchItemFailures.length,
    ms: Date.now() - started,
  });
  return { batchItemFailures };
}

/** One more feed done in the cycle; the worker that completes it hands over, once. */
async function countDone(runtime: Runtime, cycle: string, handOver: (cycle: string) => Promise<void>) {
  const { store, clock, log } = runtime;
  const key = keys.ingestCycle(cycle);
  const after = await store.update(
    key,
    { add: { done: 1 } },
    { expression: 'attribute_exists(#pk)', names: { '#pk': 'pk' } },
  );
  if (typeof after.total !== 'number' || (after.done as number) < after.total) return;
  const won = await store.put(
    { ...after, handedOver: clock().toISOString() },
    { expression: 'attribute_not_exists(#h)', names: { '#h': 'handedOver' } },
  );
  if (!won) return;
  log.info('ingest cycle done: handing over', { cycle, feeds: after.total });
  await handOver(cycle);
}

/**
 * The cycle's ingest in this process (the local stack, the CLI's cycle): the same plan, with the
 * in-process queue standing for SQS and its INGEST_WORKERS loops for the worker Lambdas. Resolves
 * when the cycle hands over (or, if some feeds' messages were dead-lettered, when the queue is
 * drained), with the counts of every feed's outcome.
 */
export async function runIngestCycle(
  runtime: Runtime,
  options: {
    policy?: FetchPolicy;
    visibilityMs?: number;
    onDelivery?: InProcessQueueOptions['onDelivery'];
    onFeedDone?: IngestWorkerOptions['onFeedDone'];
    /** The in-process queue always has its workers; tests follow the plan's switching with this. */
    workers?: IngestWorkers;
  } = {},
): Promise<IngestSummary & { fannedOut: boolean; handedOver: boolean; deadLetters: number }> {
  const started = Date.now();
  const requestsBefore = runtime.store.stats.requests;
  const writesBefore = runtime.store.stats.itemsWritten;
  const outcomes: FeedOutcome[] = [];
  let handedOver = false;
  const queue = createInProcessQueue<IngestFeedMessage>(
    (event) =>
      handleIngestQueue(runtime, event, {
        policy: options.policy,
        handOver: async () => {
          handedOver = true;
        },
        onFeedDone: async (outcome) => {
          outcomes.push(outcome);
          await options.onFeedDone?.(outcome);
        },
      }),
    {
      workers: INGEST_WORKERS,
      batchSize: INGEST_BATCH_SIZE,
      maxReceives: INGEST_MAX_RECEIVES,
      visibilityMs: options.visibilityMs ?? 1000,
      onDelivery: options.onDelivery,
    },
  );
  const plan = await planIngest(runtime, queue, { policy: options.policy, workers: options.workers });
  if (plan.mode === 'inline')
    return { ...plan.result.summary, fannedOut: false, handedOver: true, deadLetters: 0 };
  const deadLetters = await queue.drained();
  const summary = summariseOutcomes(plan.feeds + plan.paused, outcomes);
  summary.paused += plan.paused;
  summary.storeRequests = runtime.store.stats.requests - requestsBefore;
  summary.storeWrites = runtime.store.stats.itemsWritten - writesBefore;
  summary.ms = Date.now() - started;
  return { ...summary, fannedOut: true, handedOver, deadLetters: deadLetters.length };
}
