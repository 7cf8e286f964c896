import { randomUUID } from 'node:crypto';
import type { CoopEntry } from '../coop/entry.js';
import type { Resource } from '../domain/resource.js';
import { createSesMailer, EmailSendError, type Mailer } from '../email/mailer.js';
import { describeError } from '../errors.js';
import type { DatedEvent } from '../events/upcoming.js';
import { listPartners } from '../library/registry.js';
import { listResourcesSeenSince } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import { claim, complete, release, sentRecord } from '../store/claims.js';
import { collections, keys } from '../store/keys.js';
import type { Item } from '../store/store.js';
import type { ComposeContext } from './compose.js';
import { FREQUENCIES, type Subscription, subscriptionFromItem } from './model.js';
import { nextDueAt, periodOf } from './schedule.js';
import { requireTokenSecret } from './tokens.js';

/**
 * The digest run. Plan: page through the confirmed subscribers whose `nextDueAt` has passed (gsi3
 * `DUE#<frequency>`), in batches. Each batch (inline locally, or one SQS message in the deployed
 * stack, see fanout.ts) does, per subscriber:
 *
 *   select resources first seen in [lastDigestAt, cutoff) matching the filter (from one shared
 *   window read per process) → none: advance nextDueAt (1 write) → else claim
 *   `DELIVERY#digest#<id>` / `<period>` with a conditional put (1 write) → send (paced) → advance
 *   lastDigestAt / nextDueAt (1 write); claims are marked `sent` 25 to a BatchWrite request.
 *
 * Exactly once per (subscriber, period): a second run finds the subscriber not due, or its claim
 * taken. A claim still `claimed` after its lease (a run killed between claim and send) is taken
 * over and sent by the next run.
 */

export interface DigestRunSummary {
  due: number;
  sent: number;
  empty: number;
  skipped: number;
  failed: number;
  batches: number;
  dryRun: boolean;
  storeRequests: number;
}

export interface DigestBatchOutcome {
  due: number;
  sent: number;
  empty: number;
  skipped: number;
  failed: number;
  /** Subscriber ids whose failure may pass on a retry (throttling, SES 5xx, store errors). */
  retryable: string[];
}

/** How long a claim protects a send in progress before another run may take it over. */
export const CLAIM_LEASE_MS = 15 * 60_000;
/** Claims are kept this long (past any period), then DynamoDB's TTL removes them. */
const CLAIM_TTL_S = 45 * 86_400;
/** A subscriber back after a long pause gets at most this much history. */
const MAX_LOOKBACK_MS = 31 * 86_400_000;
/** `sent` marks per BatchWrite request (DynamoDB's maximum). */
const SENT_MARKS_PER_WRITE = 25;
/** Subscribers per batch (one SQS message, one BatchGet in the worker). */
export const DIGEST_BATCH_SIZE = 100;

export interface DigestRunOptions {
  dryRun?: boolean;
  mailer?: Mailer;
  /** Hands each batch of subscriber ids to the fan-out queue instead of processing it here. */
  enqueue?: (batch: { ids: string[]; cutoff: string }) => Promise<void>;
}

/**
 * The resources of the window every subscriber in this process draws from: read once and widened
 * backwards when a subscriber's last digest is older than what is loaded.
 */
export class ResourceWindow {
  private resources: Resource[] = [];
  private from?: string;
  constructor(
    private readonly runtime: Runtime,
    readonly until: string,
  ) {}

  async since(sinceIso: string): Promise<readonly Resource[]> {
    const floor = new Date(Date.parse(this.until) - MAX_LOOKBACK_MS).toISOString();
    const from = sinceIso < floor ? floor : sinceIso;
    if (this.from === undefined || from < this.from) {
      const older = await listResourcesSeenSince(this.runtime.store, from, this.from ?? this.until);
      this.resources = [...older, ...this.resources];
      this.from = from;
    }
    return this.resources;
  }
}

export interface BatchContext {
  runtime: Runtime;
  compose: ComposeContext;
  window: ResourceWindow;
  mailer: Mailer;
  dryRun: boolean;
  /**
   * The library's events of the next 30 days, soonest first, read once per process on first use;
   * a failure to read them leaves the section out (logged), never the digest.
   */
  upcoming(): Promise<readonly DatedEvent[]>;
  /**
   * The cooperation exchange's entries, read once per process on first use (only a subscription
   * with topics asks); a failure to read them leaves the section out (logged), never the digest.
   */
  coopEntries(): Promise<readonly CoopEntry[]>;
}

function coopEntriesOnce(runtime: Runtime): () => Promise<readonly CoopEntry[]> {
  let loaded: Promise<readonly CoopEntry[]> | undefined;
  return () => {
    loaded ??= import('../coop/store.js')
      .then(({ listAllEntries }) => listAllEntries(runtime.store))
      .catch((error) => {
        runtime.log.warn('cooperation entries unreadable: digests go without the section', {
          error: error instanceof Error ? error.message : String(error),
        });
        return [];
      });
    return loaded;
  };
}

/** The new offers and requests on the subscription's topics, for its cooperation section. */
export async function coopSelection(
  ctx: Pick<BatchContext, 'coopEntries'>,
  sub: Subscription,
  since: string,
  until: string,
): Promise<CoopEntry[]> {
  if (!sub.filter.topics?.length) return [];
  const { selectCoopEntries } = await import('./compose.js');
  return selectCoopEntries(await ctx.coopEntries(), sub, since, until);
}

function upcomingOnce(runtime: Runtime): () => Promise<readonly DatedEvent[]> {
  let loaded: Promise<readonly DatedEvent[]> | undefined;
  return () => {
    loaded ??= Promise.all([import('../events/upcoming.js'), import('./compose.js')])
      .then(([{ upcomingFromLibrary }, { DIGEST_EVENT_DAYS }]) =>
        upcomingFromLibrary(runtime, {}, { now: runtime.clock(), withinDays: DIGEST_EVENT_DAYS }),
      )
      .catch((error) => {
        runtime.log.warn('upcoming events unreadable: digests go without the section', {
          error: error instanceof Error ? error.message : String(error),
        });
        return [];
      });
    return loaded;
  };
}

export async function createBatchContext(
  runtime: Runtime,
  cutoff: string,
  options: { mailer?: Mailer; dryRun?: boolean } = {},
): Promise<BatchContext> {
  const partners = await listPartners(runtime.store).catch(() => []);
  // The composing code (keyword analysis, the taxonomy's names, the email templates) is imported
  // with the first batch: the planner of a fanned-out run never composes, so never loads it.
  const { KeywordMatcher } = await import('../filters/keywords.js');
  const partnerNames = new Map(partners.map((p) => [p.id, p.name]));
  return {
    runtime,
    compose: {
      config: runtime.config,
      secret: requireTokenSecret(runtime.config),
      now: runtime.clock(),
      partnerNames,
      keywords: new KeywordMatcher(partnerNames),
    },
    window: new ResourceWindow(runtime, cutoff),
    mailer: options.mailer ?? createSesMailer(runtime.ses, runtime.config),
    dryRun: options.dryRun ?? false,
    upcoming: upcomingOnce(runtime),
    coopEntries: coopEntriesOnce(runtime),
  };
}

type Claim =
  | { ok: true }
  | { ok: false; reason: 'in_progress' }
  /** `until`: the end of the window that digest covered. */
  | { ok: false; reason: 'sent'; until?: string };

/** The run's name on the claims it holds (one per process: a fan-out worker is a run of its own). */
const DIGEST_OWNER = `digest-${randomUUID().slice(0, 8)}`;

/** Claims the digest of (subscriber, period) (shared/store/claims.ts); takes over a claim whose lease ran out. */
export async function claimDigest(runtime: Runtime, subId: string, period: string): Promise<Claim> {
  const outcome = await claim(runtime.store, keys.delivery('digest', subId, period), {
    owner: DIGEST_OWNER,
    now: runtime.clock(),
    leaseMs: CLAIM_LEASE_MS,
    ttlSeconds: CLAIM_TTL_S,
  });
  if (outcome.won) return { ok: true };
  if (outcome.reason === 'held') return { ok: false, reason: 'in_progress' };
  const until = outcome.record?.item.until;
  return { ok: false, reason: 'sent', until: typeof until === 'string' ? until : undefined };
}

async function advance(runtime: Runtime, sub: Subscription, changes: Partial<Subscription>, nextDue: string) {
  // Only gsi3sk changes: gsi3pk is present only while the subscription is confirmed (sparse), so an
  // unsubscribe that raced this run is not put back on the due list.
  await runtime.store.update(
    keys.subscriptionById(sub.id),
    { set: { ...changes, nextDueAt: nextDue, gsi3sk: `${nextDue}#${sub.id}` } },
    { expression: 'attribute_exists(pk)' },
  );
}

/** Processes one batch of due subscribers (already read). */
export async function processDigestBatch(
  ctx: BatchContext,
  subscriptions: readonly Subscription[],
): Promise<DigestBatchOutcome> {
  const { runtime } = ctx;
  const [{ composeDigest, selectResources, selectUpcomingEvents }, { digestMessage, renderDigest }] =
    await Promise.all([import('./compose.js'), import('./emails.js')]);
  const outcome: DigestBatchOutcome = { due: 0, sent: 0, empty: 0, skipped: 0, failed: 0, retryable: [] };
  const until = ctx.window.until;
  const now = runtime.clock();
  const weekday = runtime.config.email.weeklyDigestDay;
  const sentClaims: Item[] = [];
  const flushSent = async () => {
    await complete(runtime.store, sentClaims.splice(0));
  };
  for (const sub of subscriptions) {
    if (sub.status !== 'confirmed' || !sub.nextDueAt || sub.nextDueAt > now.toISOString()) continue;
    outcome.due += 1;
    const period = periodOf(sub.frequency, now, weekday);
    const nextDue = nextDueAt(sub.frequency, now, weekday);
    try {
      const since = sub.lastDigestAt ?? sub.confirmedAt ?? sub.createdAt;
      const selection = selectResources(
        await ctx.window.since(since),
        sub,
        since,
        until,
        ctx.compose.keywords,
      );
      // New offers and requests on its topics are something new too.
      const coop = await coopSelection(ctx, sub, since, until);
      if (selection.matched.length === 0 && coop.length === 0) {
        outcome.empty += 1;
        if (!ctx.dryRun) await advance(runtime, sub, {}, nextDue);
        continue;
      }
      const upcoming = selectUpcomingEvents(await ctx.upcoming(), sub, ctx.compose.keywords);
      const digest = composeDigest(
        ctx.compose,
        sub,
        { ...selection, upcoming, coop },
        { period, since, until },
      );
      const rendered = renderDigest(digest);
      if (ctx.dryRun) {
        outcome.sent += 1;
        continue;
      }
      const claim = await claimDigest(runtime, sub.id, period);
      if (!claim.ok) {
        outcome.skipped += 1;
        // Sent by an earlier run that stopped before moving the subscriber on: move it on now.
        if (claim.reason === 'sent')
          await advance(
            runtime,
            sub,
            claim.until ? { lastDigestAt: claim.until, lastPeriod: period } : {},
            nextDue,
          );
        continue;
      }
      let messageId: string;
      try {
        ({ messageId } = await ctx.mailer.send(digestMessage(runtime.config, digest, rendered)));
      } catch (error) {
        // Release the claim so that the next run tries again.
        await release(runtime.store, [keys.delivery('digest', sub.id, period)], DIGEST_OWNER);
        throw error;
      }
      // Sent: record it before anything else can fail, so no later run sends it again. The marks
      // go out 25 at a time (one BatchWrite request), which bounds what a crash can leave claimed.
      outcome.sent += 1;
      sentClaims.push(
        sentRecord(
          keys.delivery('digest', sub.id, period),
          { owner: DIGEST_OWNER, now: runtime.clock(), ttlSeconds: CLAIM_TTL_S },
          { messageId, until, resources: digest.total },
        ),
      );
      if (sentClaims.length >= SENT_MARKS_PER_WRITE) await flushSent();
      // If this write fails, the next run finds the claim sent and moves the subscriber on then.
      await advance(runtime, sub, { lastDigestAt: until, lastPeriod: period }, nextDue).catch((error) =>
        runtime.log.warn('digest sent, subscriber not moved on yet', {
          subscriptionId: sub.id,
          period,
          error: describeError(error),
        }),
      );
    } catch (error) {
      outcome.failed += 1;
      const retry = !(error instanceof EmailSendError) || error.retryable;
      if (retry) outcome.retryable.push(sub.id);
      runtime.log.error('digest failed', { subscriptionId: sub.id, period, error: describeError(error) });
    }
  }
  await flushSent();
  return outcome;
}

/** Pages of due subscribers, per frequency, oldest due first. */
export async function* dueSubscriptions(runtime: Runtime, nowIso: string): AsyncGenerator<Subscription[]> {
  for (const frequency of FREQUENCIES) {
    let cursor: string | undefined;
    do {
      const page = await runtime.store.query({
        index: 'byTime',
        partition: collections.subscribersDue(frequency),
        sortAtMost: `${nowIso}#~`,
        limit: DIGEST_BATCH_SIZE,
        cursor,
      });
      if (page.items.length > 0) yield page.items.map(subscriptionFromItem);
      cursor = page.cursor;
    } while (cursor);
  }
}

/** One digest run: inline, or planning batches onto the fan-out queue when `enqueue` is given. */
export async function runDigest(runtime: Runtime, options: DigestRunOptions = {}): Promise<DigestRunSummary> {
  const startRequests = runtime.store.stats.requests;
  const cutoff = runtime.clock().toISOString();
  const summary: DigestRunSummary = {
    due: 0,
    sent: 0,
    empty: 0,
    skipped: 0,
    failed: 0,
    batches: 0,
    dryRun: options.dryRun ?? false,
    storeRequests: 0,
  };
  let ctx: BatchContext | undefined;
  for await (const page of dueSubscriptions(runtime, cutoff)) {
    summary.batches += 1;
    if (options.enqueue && !options.dryRun) {
      summary.due += page.length;
      await options.enqueue({ ids: page.map((s) => s.id), cutoff });
      continue;
    }
    ctx ??= await createBatchContext(runtime, cutoff, options);
    const outcome = await processDigestBatch(ctx, page);
    summary.due += outcome.due;
    summary.sent += outcome.sent;
    summary.empty += outcome.empty;
    summary.skipped += outcome.skipped;
    summary.failed += outcome.failed;
  }
  summary.storeRequests = runtime.store.stats.requests - startRequests;
  runtime.log.info('digest run done', { ...summary });
  return summary;
}
