import pLimit from 'p-limit';
import type { RelayConfig } from '../config.js';
import type { Resource } from '../domain/resource.js';
import { describeError } from '../errors.js';
import {
  type Feed,
  type FeedErrorKind,
  type FeedHealth,
  listFeeds,
  moveFeedUrl,
  RegistryError,
} from '../library/registry.js';
import type { Log } from '../log.js';
import type { Clock } from '../runtime/clock.js';
import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';
import { FetchError, type FetchPolicy, fetchFeed, fetchPolicyFrom } from './fetcher.js';
import { FeedParseError } from './parse-error.js';

/**
 * One ingest run (issue items 5 and 6): every active feed, fetched with bounded concurrency,
 * read, written, and its health recorded with one update per feed. One failing feed never stops
 * the others; a feed failing `failuresBeforePause` times in a row is paused and reported.
 *
 * The seam for announcements and digests is the store itself: every new resource carries its
 * `firstSeenAt` in the `SEEN#<day>` index (`listResourcesSeenSince`), so a later step that fails
 * finds the same resources on its next run. The run also returns them for callers in-process.
 */

/** What happened to the items of the feeds that were read. */
export interface ItemCounts {
  itemsSeen: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  capped: number;
}

export interface IngestSummary extends ItemCounts {
  feeds: number;
  notModified: number;
  failed: number;
  /** Feeds paused at the end of the run (by an admin, or by this run's failures). */
  paused: number;
  /** Feeds this run paused for failing too often. */
  pausedNow: string[];
  /** Feeds not fetched this run: a 429/503 asked us to wait, or the run's time budget ran out. */
  deferred: number;
  /** Feeds whose URL this run updated, following a permanent redirect (301, 308) to a usable feed. */
  moved: string[];
  skippedItems: number;
  storeWrites: number;
  storeRequests: number;
  ms: number;
}

export type FeedOutcome =
  | { feedId: string; status: 'not_modified'; movedTo?: string }
  | ({ feedId: string; status: 'ok'; skipped: number; movedTo?: string } & ItemCounts)
  | {
      feedId: string;
      status: 'failed';
      kind: FeedErrorKind | 'internal';
      message: string;
      pausedNow: boolean;
      /** When the server asked us to wait (429, 503 with Retry-After): the host is held off until then. */
      retryAfter?: string;
    }
  | { feedId: string; status: 'deferred' | 'paused' };

export interface IngestResult {
  summary: IngestSummary;
  outcomes: FeedOutcome[];
  /** The resources this run created, for in-process callers; the store holds them in any case. */
  newResources: Resource[];
}

export interface IngestDeps {
  config: RelayConfig;
  store: Store;
  log: Log;
  clock: Clock;
  /** Overrides for tests and benchmarks. */
  policy?: FetchPolicy;
  onFeedDone?: (outcome: FeedOutcome, done: number, total: number) => void;
  /**
   * Time this run may take (the Lambda's remaining time less a margin): feeds not started within
   * it are left for the next run, which takes the least recently fetched first.
   */
  budgetMs?: number;
}

/**
 * The reading half of a feed's ingest: decoding (iconv-lite), rss-parser, normalisation with the
 * taxonomy, event extraction (the Temporal polyfill) and the writer. Most of an ingest bundle, so
 * imported on the first feed that answers with a body (a split bundle keeps it in a lazy chunk)
 * rather than parsed and evaluated at every cold start; a run of 304s never needs it.
 */
async function reading() {
  const [read, sources, writer] = await Promise.all([
    import('./read.js'),
    import('../events/sources.js'),
    import('./writer.js'),
  ]);
  return { ...read, ...sources, ...writer };
}

/** JSON-safe health (undefined fields dropped, as DynamoDB needs). */
const clean = (health: FeedHealth): FeedHealth => JSON.parse(JSON.stringify(health)) as FeedHealth;

async function saveHealth(
  store: Store,
  feed: Feed,
  set: Partial<Feed>,
  remove: (keyof Feed)[] = [],
): Promise<void> {
  await store.update(
    keys.feed(feed.id),
    { set: set as Record<string, unknown>, remove },
    {
      expression: 'attribute_exists(#pk)',
      names: { '#pk': 'pk' },
    },
  );
}

/**
 * Follows a feed that moved: when its redirects began with permanent ones (301, 308) and ended in a
 * usable feed, the registered URL becomes where they led, its claim moving with it. A URL another
 * feed holds is left alone and logged for the admins. Returns the new URL when the feed moved.
 */
async function followMove(deps: IngestDeps, feed: Feed, permanentUrl: string | undefined) {
  if (!permanentUrl || permanentUrl === feed.url) return undefined;
  try {
    const moved = await moveFeedUrl(deps.store, feed.id, permanentUrl);
    deps.log.warn('feed moved permanently: its URL is updated', {
      feedId: feed.id,
      partnerId: feed.partnerId,
      from: feed.url,
      feedUrl: moved.url,
      admin: true,
    });
    return moved.url;
  } catch (error) {
    if (!(error instanceof RegistryError) || error.code !== 'feed_exists') throw error;
    deps.log.warn('feed redirects permanently to a URL another feed holds: left as it is', {
      feedId: feed.id,
      feedUrl: feed.url,
      to: permanentUrl,
      error: error.message,
      admin: true,
    });
    return undefined;
  }
}

function failureKind(error: unknown): FeedErrorKind | undefined {
  if (error instanceof FetchError) return error.kind;
  if (error instanceof FeedParseError) return error.kind;
  return undefined;
}

export async function ingestFeed(
  deps: IngestDeps,
  feed: Feed,
  policy: FetchPolicy,
): Promise<{ outcome: FeedOutcome; created: Resource[] }> {
  const { store, log, config } = deps;
  const now = deps.clock();
  const nowIso = now.toISOString();
  if (feed.health.retryAfter && feed.health.retryAfter > nowIso) {
    return { outcome: { feedId: feed.id, status: 'deferred' }, created: [] };
  }
  const base: FeedHealth = { ...feed.health, lastFetchAt: nowIso, retryAfter: undefined };
  // The status of a response whose body then proved unusable (a 200 with HTML in it).
  let answered: number | undefined;
  try {
    const fetched = await fetchFeed(
      { url: feed.url, etag: feed.etag, lastModified: feed.lastModified },
      policy,
      deps.clock,
    );
    if (fetched.kind === 'not_modified') {
      const movedTo = await followMove(deps, feed, fetched.permanentUrl);
      await saveHealth(store, feed, {
        health: clean({
          ...base,
          lastStatus: 304,
          consecutiveFailures: 0,
          lastErrorKind: undefined,
          lastErrorMessage: undefined,
          lastSuccessAt: nowIso,
        }),
        etag: fetched.etag ?? feed.etag,
        lastModified: fetched.lastModified ?? feed.lastModified,
      });
      return { outcome: { feedId: feed.id, status: 'not_modified', movedTo }, created: [] };
    }
    answered = fetched.status;
    const { scanFeedBytes, createEventSourceReader, writeFeedResources } = await reading();
    const scanned = scanFeedBytes(fetched.body, {
      contentType: fetched.contentType,
      url: fetched.url,
      feed,
      now,
    });
    for (const s of scanned.skipped)
      log.debug('item skipped', { feedId: feed.id, index: s.index, reason: s.reason });
    const warning = scanned.feed.recovered ? `recovered: ${scanned.feed.recovered.join('; ')}` : undefined;
    if (warning) log.warn('feed read after repairs', { feedId: feed.id, feedUrl: feed.url, warning });
    const events = createEventSourceReader({ policy, log, clock: deps.clock, store });
    const pending = scanned.candidates.map((candidate) => ({
      id: candidate.id,
      url: candidate.url,
      pageKey: candidate.pageKey,
      fingerprint: candidate.fingerprint,
      feedId: feed.id,
      partnerId: feed.partnerId,
      normalise: () => events.complete(scanned.normalise(candidate)),
    }));
    const written = await writeFeedResources(store, pending, {
      maxNew: config.ingest.maxNewItemsPerFeed,
      log,
    });
    const movedTo = await followMove(deps, feed, fetched.permanentUrl);
    // The validators of this response, exactly: one the server stopped sending is dropped, and
    // none are kept when items wait over the cap (the next run would get a 304 and never see them).
    const validators = written.capped === 0 ? { etag: fetched.etag, lastModified: fetched.lastModified } : {};
    await saveHealth(
      store,
      feed,
      {
        health: clean({
          ...base,
          lastStatus: fetched.status,
          consecutiveFailures: 0,
          lastErrorKind: undefined,
          lastErrorMessage: undefined,
          lastSuccessAt: nowIso,
          lastNewItemAt: written.created.length > 0 ? nowIso : base.lastNewItemAt,
          warning: warning?.slice(0, 500),
        }),
        ...validators,
      },
      (['etag', 'lastModified'] as const).filter((v) => validators[v] === undefined),
    );
    return {
      outcome: {
        feedId: feed.id,
        status: 'ok',
        itemsSeen: scanned.candidates.length + scanned.skipped.length,
        new: written.created.length,
        updated: written.updated,
        unchanged: written.unchanged,
        duplicates: written.duplicates,
        capped: written.capped,
        skipped: scanned.skipped.length,
        movedTo,
      },
      created: written.created,
    };
  } catch (error) {
    const kind = failureKind(error);
    const message = describeError(error);
    if (!kind) {
      // Our side failed (the store, a bug): not the feed's fault, so its health is left alone.
      log.error('feed ingest failed', { feedId: feed.id, feedUrl: feed.url, error: message });
      return {
        outcome: { feedId: feed.id, status: 'failed', kind: 'internal', message, pausedNow: false },
        created: [],
      };
    }
    const failures = feed.health.consecutiveFailures + 1;
    // 410 says the feed is gone for good: asking K more times would only repeat it.
    const gone = error instanceof FetchError && error.status === 410;
    const pause = gone || failures >= config.ingest.failuresBeforePause;
    const health: FeedHealth = {
      ...base,
      lastStatus: error instanceof FetchError ? error.status : answered,
      lastErrorKind: kind,
      lastErrorMessage: message.slice(0, 500),
      consecutiveFailures: failures,
      retryAfter: error instanceof FetchError ? error.retryAfter : undefined,
      pausedReason: gone
        ? `the server says the feed is gone for good (HTTP 410): ${message.slice(0, 200)}`
        : pause
          ? `${failures} failures in a row, last: ${kind}: ${message.slice(0, 200)}`
          : base.pausedReason,
    };
    try {
      await saveHealth(store, feed, {
        health: clean(health),
        ...(pause ? { status: 'paused' as const } : {}),
      });
    } catch (saveError) {
      log.error('feed health not saved', { feedId: feed.id, error: describeError(saveError) });
    }
    log.warn('feed failed', {
      feedId: feed.id,
      partnerId: feed.partnerId,
      feedUrl: feed.url,
      kind,
      error: message,
      failures,
    });
    if (pause) {
      // The admins' log: the bots' admin channel subscribes to this message once they exist.
      log.error('feed paused after repeated failures', {
        feedId: feed.id,
        partnerId: feed.partnerId,
        feedUrl: feed.url,
        failures,
        kind,
        error: message,
        admin: true,
      });
    }
    return {
      outcome: {
        feedId: feed.id,
        status: 'failed',
        kind,
        message,
        pausedNow: pause,
        retryAfter: health.retryAfter,
      },
      created: [],
    };
  }
}

/** The run's counts from its feeds' outcomes (store figures and time left at 0 for the caller). */
export function summariseOutcomes(feeds: number, outcomes: readonly FeedOutcome[]): IngestSummary {
  const summary: IngestSummary = {
    feeds,
    notModified: 0,
    failed: 0,
    paused: 0,
    pausedNow: [],
    deferred: 0,
    moved: [],
    itemsSeen: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    capped: 0,
    skippedItems: 0,
    storeWrites: 0,
    storeRequests: 0,
    ms: 0,
  };
  for (const o of outcomes) {
    if ((o.status === 'ok' || o.status === 'not_modified') && o.movedTo) summary.moved.push(o.feedId);
    if (o.status === 'not_modified') summary.notModified += 1;
    else if (o.status === 'paused') summary.paused += 1;
    else if (o.status === 'deferred') summary.deferred += 1;
    else if (o.status === 'failed') {
      summary.failed += 1;
      if (o.pausedNow) {
        summary.paused += 1;
        summary.pausedNow.push(o.feedId);
      }
    } else if (o.status === 'ok') {
      summary.itemsSeen += o.itemsSeen;
      summary.new += o.new;
      summary.updated += o.updated;
      summary.unchanged += o.unchanged;
      summary.duplicates += o.duplicates;
      summary.capped += o.capped;
      summary.skippedItems += o.skipped;
    }
  }
  return summary;
}

export async function runIngest(deps: IngestDeps): Promise<IngestResult> {
  const started = Date.now();
  const { store, config, log } = deps;
  const writesBefore = store.stats.itemsWritten;
  const requestsBefore = store.stats.requests;
  const policy = deps.policy ?? fetchPolicyFrom(config);
  const feeds = await listFeeds(store);
  // Least recently fetched first, so that a run cut short by its budget starves no feed.
  const active = feeds
    .filter((f) => f.status === 'active')
    .sort((a, b) => (a.health.lastFetchAt ?? '').localeCompare(b.health.lastFetchAt ?? ''));
  const stopAt = deps.budgetMs === undefined ? Number.POSITIVE_INFINITY : started + deps.budgetMs;
  const limit = pLimit(config.ingest.concurrency);
  const outcomes: FeedOutcome[] = feeds
    .filter((f) => f.status !== 'active')
    .map((f) => ({ feedId: f.id, status: 'paused' as const }));
  const newResources: Resource[] = [];
  let done = 0;
  await Promise.all(
    active.map((feed) =>
      limit(async () => {
        const { outcome, created } =
          Date.now() < stopAt
            ? await ingestFeed(deps, feed, policy)
            : { outcome: { feedId: feed.id, status: 'deferred' as const }, created: [] };
        outcomes.push(outcome);
        newResources.push(...created);
        done += 1;
        deps.onFeedDone?.(outcome, done, active.length);
      }),
    ),
  );
  const summary = summariseOutcomes(feeds.length, outcomes);
  summary.storeWrites = store.stats.itemsWritten - writesBefore;
  summary.storeRequests = store.stats.requests - requestsBefore;
  summary.ms = Date.now() - started;
  log.info('ingest done', {
    ...summary,
    pausedNow: summary.pausedNow.join(',') || undefined,
    moved: summary.moved.join(',') || undefined,
  });
  return { summary, outcomes, newResources };
}
