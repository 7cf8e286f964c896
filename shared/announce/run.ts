import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { encodeAction } from '../chat/actions.js';
import { type BotLanguage, isBotLanguage } from '../chat/i18n.js';
import { textReply } from '../chat/reply.js';
import type { Resource } from '../domain/resource.js';
import { describeError } from '../errors.js';
import { canonicalTimeZone } from '../events/time-zone.js';
import { migrateStoredFiltersOnce, reportUnresolvedFollows } from '../filters/migration-marker.js';
import {
  type ChannelRef,
  channelLanguage,
  type Follow,
  listAllFollows,
  pauseChannel,
} from '../follows/state.js';
import { listPartners } from '../library/registry.js';
import { listResourcesSeenSince } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import {
  type ClaimRecord,
  claim,
  claimId,
  complete,
  leaseExpired,
  readClaims,
  release,
  sentRecord,
} from '../store/claims.js';
import { type ItemKey, keys } from '../store/keys.js';
import {
  CLAIM_LEASE_MS,
  CLAIM_SAFE_MS,
  completeSurely,
  cursorKey,
  deliveryKey,
  SENT_TTL_S,
} from './claims.js';
import { reportPausedFeeds } from './feed-alerts.js';
import type { ChannelMatches, MatchResult } from './match.js';
import type { MessageContext } from './messages.js';
import { Gate, realTimer, type Timer } from './pacing.js';
import { type ChatSender, defaultSenders, SendError, type Senders } from './senders.js';

/**
 * The announcement run. Plan, all from the store (no Streams, no transactions):
 *
 * 1. read the resources first seen in [cursor, now) (gsi3, day partitions);
 * 2. list every follow (one gsi1 partition) and match (match.ts: follows indexed by their most
 *    selective field, `matchesFilter` decides); a resource matching several follows of one
 *    channel is one delivery;
 * 3. read the channels' settings (paused? language?) and the deliveries' claims, 100 to a BatchGet,
 *    and drop what was sent already;
 * 4. per channel, concurrently, in its own paced queue: up to `maxSinglePostsPerChannel` single
 *    posts, then one batch message with the rest. Each message: claim its deliveries (conditional
 *    put with a lease) → post → mark them sent at once;
 * 5. store the cursor where the next run reads from: now less the overlap, or further back at the
 *    oldest delivery this run did not see through (failed, held by another run, deferred), so a
 *    later run picks it up. A run that dies never writes its cursor: the next one reads the same
 *    window again, and the claims tell it what was posted.
 */

/** Re-read this much before the cursor: ingest may write a resource first seen just before it. */
export const OVERLAP_MS = 30 * 60_000;
/** The first run, and a cursor held back by failures, look back at most this far. */
export const MAX_LOOKBACK_MS = 24 * 3_600_000;
/** A channel's 429 answers honoured in a row before its remaining posts wait for the next run. */
const MAX_RATE_LIMITED = 5;
/** Claims in flight at once, over all channels (the SDK's connection pool holds 50). */
const CLAIM_CONCURRENCY = 32;
/**
 * Channels posted to at once. Each channel's posts are a second apart anyway (its pace), so this
 * bounds the requests in flight, not the throughput that matters: without it a run with 5,000
 * following channels opened 5,000 requests at once and most timed out (scripts/load-run.ts).
 */
const CHANNEL_CONCURRENCY = 32;

export interface AnnounceSummary {
  /** New resources read (first seen in the window). */
  resources: number;
  /** Channels with at least one matching new resource. */
  channels: number;
  /** Single posts made. */
  posted: number;
  /** Resources announced in batch messages. */
  batched: number;
  /** Batch messages made. */
  batchMessages: number;
  /** Deliveries not posted by this run: sent before, held by another run, paused channel, no sender. */
  skipped: number;
  /** Deliveries a stopped run posted but never marked, found in the channel history and marked sent. */
  recovered: number;
  /** Deliveries that failed or were deferred: a later run retries them. */
  failed: number;
  /** Feeds paused by ingest that this run reported to the admin channel. */
  feedAlerts: number;
  /** Follows whose values mean nothing (left by the stored-filter migration) told to the admin channel. */
  filterAlerts: number;
  /** Channels paused by this run (the bot was removed, the channel archived, posting forbidden). */
  pausedChannels: string[];
  /** Where the posts went ("slack", "telegram", "outbox .data/outbox.log"). */
  postedTo: string;
  /** `matchesFilter` calls; the naive plan makes resources × follows. */
  comparisons: number;
  follows: number;
  dryRun: boolean;
  since: string;
  cursor: string;
  storeRequests: number;
  ms: number;
}

export interface AnnounceOptions {
  dryRun?: boolean;
  /** Per platform; defaults to Slack and Telegram with their tokens, the local outbox otherwise. */
  senders?: Senders;
  /** Time for pacing and the lease check (virtual in tests). */
  timer?: Timer;
  /** Stop starting new posts after this long (the Lambda's remaining time less a margin). */
  budgetMs?: number;
  runId?: string;
}

interface Message {
  kind: 'single' | 'batch';
  resources: Resource[];
  matched: Follow[];
}

interface ChannelWork extends ChannelMatches {
  channelKey: string;
  /** Deliveries this run has settled (posted, failed, skipped) so far. */
  settled: number;
  ref: ChannelRef;
  language: BotLanguage;
  /** The conversation's `tz`, for events' times. */
  timeZone?: string;
  pending: Resource[];
}

const ISO = (ms: number) => new Date(ms).toISOString();

function refOf(follow: Follow): ChannelRef {
  return { platform: follow.platform, workspaceId: follow.workspaceId, channelId: follow.channelId };
}

/** The channel's own choice (`lang`), else Spanish when every follow asks for Spanish, else English. */
function languageOf(setting: unknown, follows: Follow[]): BotLanguage {
  if (isBotLanguage(setting)) return setting;
  const languages = follows.map((f) => f.filter.languages ?? []);
  return languages.length > 0 && languages.every((l) => l.length > 0 && l.every((x) => x === 'es'))
    ? 'es'
    : 'en';
}

/**
 * New resources matched against the follows. The matcher, the filter language's keyword analysis
 * (the search's stemmers, entity decoding, the taxonomy's phrases) and, for keyword follows, the
 * search index are imported here, when there is something to match: a run with no new resource
 * (or no follow) never loads them, and the Lambda's cold start does not either.
 */
async function matchNew(
  runtime: Runtime,
  resources: readonly Resource[],
  follows: readonly Follow[],
  partnerNames: ReadonlyMap<string, string>,
): Promise<MatchResult> {
  const [{ matchResources }, { KeywordMatcher }] = await Promise.all([
    import('./match.js'),
    import('../filters/keywords.js'),
  ]);
  // Keyword follows are looked up in the search index the cycle refreshed just before.
  const index = follows.some((f) => f.filter.keywords)
    ? await (await import('../search/service.js')).loadSnapshotIndex(runtime)
    : undefined;
  return matchResources(resources, follows, new KeywordMatcher(partnerNames, index));
}

/** The newest publications get posts of their own; the rest share one batch message. */
function planMessages(work: ChannelWork, maxSingle: number): Message[] {
  const singles = work.pending.slice(0, maxSingle);
  const rest = work.pending.slice(maxSingle);
  const matched = (rs: Resource[]) => [...new Set(rs.flatMap((r) => work.matchedBy.get(r.id) ?? []))];
  const messages: Message[] = singles.map((r) => ({ kind: 'single', resources: [r], matched: matched([r]) }));
  if (rest.length) messages.push({ kind: 'batch', resources: rest, matched: matched(rest) });
  return messages;
}

export async function runAnnounce(runtime: Runtime, options: AnnounceOptions = {}): Promise<AnnounceSummary> {
  const { store, config, log, clock } = runtime;
  const timer = options.timer ?? realTimer;
  const startedAt = timer.now();
  const requestsBefore = store.stats.requests;
  const dryRun = options.dryRun ?? false;
  const runId = options.runId ?? randomUUID().slice(0, 8);
  const senders = options.senders ?? defaultSenders(runtime);
  const now = clock();
  const until = now.toISOString();
  const floor = now.getTime() - MAX_LOOKBACK_MS;

  // The cursor is where this run's read starts: the last run's end less the overlap, or the
  // oldest delivery it left undone. Never more than MAX_LOOKBACK_MS back.
  const state = await store.get(cursorKey(), { consistent: true });
  const cursor = typeof state?.cursor === 'string' ? Date.parse(state.cursor) : Number.NaN;
  if (cursor < floor)
    log.error('announcements older than the lookback are given up', { cursor: state?.cursor });
  const since = ISO(Number.isNaN(cursor) ? floor : Math.min(Math.max(floor, cursor), now.getTime()));

  // Follows stored before the filter language are made canonical before they are matched (once).
  if (!dryRun) await migrateStoredFiltersOnce(runtime);
  const resources = await listResourcesSeenSince(store, since, until);
  const follows = resources.length ? await listAllFollows(store) : [];
  // Partner names are words a keyword follow may match, as in a search.
  const partnerNames = new Map(
    follows.length ? (await listPartners(store)).map((p) => [p.id, p.name] as const) : [],
  );
  const match = follows.length
    ? await matchNew(runtime, resources, follows, partnerNames)
    : { channels: new Map(), comparisons: 0, deliveries: 0 };

  const summary: AnnounceSummary = {
    resources: resources.length,
    channels: match.channels.size,
    posted: 0,
    batched: 0,
    batchMessages: 0,
    skipped: 0,
    recovered: 0,
    failed: 0,
    pausedChannels: [],
    feedAlerts: 0,
    filterAlerts: 0,
    postedTo: '',
    comparisons: match.comparisons,
    follows: follows.length,
    dryRun,
    since,
    cursor: until,
    storeRequests: 0,
    ms: 0,
  };
  /** The oldest firstSeenAt of a delivery this run did not see through: the next read starts there. */
  let holdBack = ISO(now.getTime() - OVERLAP_MS);
  const hold = (rs: Resource[]) => {
    for (const r of rs) if (r.firstSeenAt < holdBack) holdBack = r.firstSeenAt;
  };

  // Settings (paused, language) and the claims of every matched delivery, in BatchGets.
  const channelKeys = [...match.channels.keys()];
  const settings = new Map(
    (channelKeys.length ? await store.batchGet(channelKeys.map((k) => keys.channelSettings(k))) : []).map(
      (item) => [String(item.pk), item],
    ),
  );
  const pairKeys: ItemKey[] = [];
  for (const [channelKey, m] of match.channels)
    for (const r of m.resources) pairKeys.push(deliveryKey(channelKey, r.id));
  const states: Map<string, ClaimRecord> = await readClaims(store, pairKeys);

  const work: ChannelWork[] = [];
  const warnedPlatforms = new Set<string>();
  for (const [channelKey, m] of match.channels) {
    const ref = refOf(m.follows[0]!);
    const setting = settings.get(channelKey);
    if (setting?.status === 'paused') {
      summary.skipped += m.resources.length;
      continue;
    }
    if (!senders[ref.platform]) {
      if (!warnedPlatforms.has(ref.platform))
        log.warn('announcements skipped: no sender for this platform (no token)', { platform: ref.platform });
      warnedPlatforms.add(ref.platform);
      summary.skipped += m.resources.length;
      continue;
    }
    const pending: Resource[] = [];
    for (const r of m.resources) {
      const seen = states.get(claimId(deliveryKey(channelKey, r.id)));
      // Never claimed, or claimed by a run that stopped before marking it (taken over below).
      if (seen === undefined || leaseExpired(seen, now)) pending.push(r);
      else {
        summary.skipped += 1;
        // Held by another run: not done yet.
        if (seen.state === 'claimed') hold([r]);
      }
    }
    pending.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
    if (pending.length)
      work.push({
        ...m,
        channelKey,
        ref,
        pending,
        settled: 0,
        language: languageOf(setting?.language, m.follows),
        timeZone: canonicalTimeZone(typeof setting?.timeZone === 'string' ? setting.timeZone : undefined),
      });
  }

  const postedTo = new Set<string>();
  const claimSlot = pLimit(CLAIM_CONCURRENCY);
  const gates = new Map<string, Gate>();
  const gateOf = (sender: ChatSender) => {
    let gate = gates.get(sender.platform);
    if (!gate) {
      gate = new Gate(sender.pace.globalMs, timer);
      gates.set(sender.platform, gate);
    }
    return gate;
  };
  const outOfTime = () => options.budgetMs !== undefined && timer.now() - startedAt >= options.budgetMs;

  async function notifyAdmins(ref: ChannelRef, reason: string, followCount: number): Promise<void> {
    const where = `${ref.platform}:${ref.workspaceId}:${ref.channelId}`;
    log.error('announcement channel broken: its follows are paused', {
      channel: where,
      reason,
      follows: followCount,
    });
    const admin = config.announce.adminChannel;
    const sender = admin ? senders[admin.platform] : undefined;
    if (!admin || !sender) return;
    try {
      const language = (await channelLanguage(store, admin)) ?? 'en';
      const { announceStrings } = await import('./messages.js');
      await sender.post(admin, textReply(announceStrings(language).paused(where, reason, followCount)));
    } catch (error) {
      log.error('could not tell the admin channel', { error: describeError(error) });
    }
  }

  /** Posts one message, honouring 429s; resolves to what happened. */
  async function postWithRetries(
    sender: ChatSender,
    ref: ChannelRef,
    message: Message,
    context: MessageContext,
    claimedAt: number,
  ): Promise<'sent' | SendError> {
    // The messages (with the taxonomy's display names and the event formatting) load with the first post.
    const { batchPost, singlePost } = await import('./messages.js');
    const reply =
      message.kind === 'single'
        ? singlePost(message.resources[0]!, message.matched, context)
        : batchPost(message.resources, message.matched, {
            ...context,
            // A button (Slack, Telegram) that lists the batch for whoever presses it.
            listAction: await encodeAction(
              store,
              { type: 'list', resourceIds: message.resources.map((r) => r.id), language: context.language },
              clock(),
            ),
          });
    for (let attempt = 0; ; attempt += 1) {
      if (timer.now() - claimedAt > CLAIM_SAFE_MS)
        return new SendError('failed', 'the claim is too old to post on safely');
      await gateOf(sender).pass();
      try {
        await sender.post(
          ref,
          reply,
          message.resources.map((r) => r.id),
        );
        return 'sent';
      } catch (error) {
        const failure = error instanceof SendError ? error : new SendError('failed', describeError(error));
        if (failure.kind !== 'rate_limited' || attempt + 1 >= MAX_RATE_LIMITED) return failure;
        log.warn('announcement rate limited; this channel waits', {
          channel: ref.channelId,
          retryAfterMs: failure.details.retryAfterMs,
        });
        // Only this channel's queue waits; the others go on.
        await timer.sleep(failure.details.retryAfterMs ?? 1000);
      }
    }
  }

  /** What a channel's history says was posted since a time, read once per channel and widened when needed. */
  const histories = new Map<string, { since: number; ids: Promise<Set<string>> }>();

  /**
   * Of deliveries taken over from a stopped run, those not in the channel's history: the others
   * were posted (our message metadata carries their ids) and are marked sent now, not posted again.
   */
  async function notPostedYet(
    sender: ChatSender,
    w: ChannelWork,
    takenOver: { resource: Resource; previous: ClaimRecord }[],
  ): Promise<Resource[]> {
    const resources = takenOver.map((t) => t.resource);
    if (!sender.findPosted) return resources;
    const since = Math.min(
      ...takenOver.map((t) => Date.parse(t.previous.firstClaimedAt ?? '') || now.getTime() - MAX_LOOKBACK_MS),
    );
    let history = histories.get(w.channelKey);
    if (!history || history.since > since) {
      history = { since, ids: sender.findPosted(w.ref, new Date(since)) };
      histories.set(w.channelKey, history);
    }
    let posted: Set<string>;
    try {
      posted = await history.ids;
    } catch (error) {
      histories.delete(w.channelKey);
      // Posting again may duplicate; not posting may lose. A duplicate is the lesser harm.
      log.warn('channel history unreadable: deliveries of a stopped run are posted again', {
        channel: w.channelKey,
        error: describeError(error),
      });
      return resources;
    }
    const found = resources.filter((r) => posted.has(r.id));
    if (found.length) {
      const at = clock();
      await complete(
        store,
        found.map((r) =>
          sentRecord(
            deliveryKey(w.channelKey, r.id),
            { owner: runId, now: at, ttlSeconds: SENT_TTL_S },
            {
              recovered: true,
            },
          ),
        ),
      );
      summary.recovered += found.length;
      log.info('posts of a stopped run found in the channel history: marked sent', {
        channel: w.channelKey,
        deliveries: found.length,
      });
    }
    return resources.filter((r) => !posted.has(r.id));
  }

  async function runChannel(w: ChannelWork): Promise<void> {
    const sender = senders[w.ref.platform]!;
    const context: MessageContext = {
      language: w.language,
      partnerNames,
      timeZone: w.timeZone,
      publicUrl: config.publicUrl,
    };
    const messages = planMessages(w, config.announce.maxSinglePostsPerChannel);
    if (dryRun) {
      for (const m of messages) {
        if (m.kind === 'single') summary.posted += 1;
        else {
          summary.batched += m.resources.length;
          summary.batchMessages += 1;
        }
      }
      return;
    }
    let lastPostAt = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < messages.length; i += 1) {
      const message = messages[i]!;
      const giveBack = (counted: Message[]) => {
        summary.failed += counted.reduce((sum, m) => sum + m.resources.length, 0);
        hold(counted.flatMap((m) => m.resources));
        w.settled = w.pending.length;
      };
      if (outOfTime()) {
        giveBack(messages.slice(i));
        return;
      }
      const wait = lastPostAt + sender.pace.perChannelMs(w.ref) - timer.now();
      if (wait > 0) await timer.sleep(wait);

      // Claim every delivery of the message; those another run holds are left to it.
      const claimedAt = timer.now();
      const won: Resource[] = [];
      const takenOver: { resource: Resource; previous: ClaimRecord }[] = [];
      await Promise.all(
        message.resources.map(async (r) => {
          const key = deliveryKey(w.channelKey, r.id);
          const outcome = await claimSlot(() =>
            claim(store, key, {
              owner: runId,
              now: clock(),
              leaseMs: CLAIM_LEASE_MS,
              ttlSeconds: SENT_TTL_S,
            }),
          );
          if (outcome.won && outcome.previous) takenOver.push({ resource: r, previous: outcome.previous });
          else if (outcome.won) won.push(r);
          else {
            summary.skipped += 1;
            if (outcome.reason === 'held') hold([r]);
          }
        }),
      );
      // Taken over from a run that stopped between its post and the `sent` mark, maybe after the
      // platform accepted the post: where the platform keeps our posts (Slack), look before posting.
      if (takenOver.length) won.push(...(await notPostedYet(sender, w, takenOver)));
      if (won.length === 0) {
        w.settled += message.resources.length;
        continue;
      }
      const order = new Map(message.resources.map((r, n) => [r.id, n]));
      won.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const claimed = { ...message, resources: won };
      const claimKeys = won.map((r) => deliveryKey(w.channelKey, r.id));

      const outcome = await postWithRetries(sender, w.ref, claimed, context, claimedAt);
      if (outcome === 'sent') {
        // Marked at once, before anything else: on a platform without history (Telegram) the
        // window in which a crash causes a duplicate is the post's answer on its way back plus
        // this one write (docs/announcements.md measures it).
        await markSentSurely(claimKeys);
        lastPostAt = timer.now();
        postedTo.add(sender.describe);
        if (claimed.kind === 'single') summary.posted += 1;
        else {
          summary.batched += won.length;
          summary.batchMessages += 1;
        }
        w.settled += message.resources.length;
        continue;
      }
      lastPostAt = timer.now();
      await release(store, claimKeys, runId).catch((error) =>
        log.warn('claims not released; they expire with their lease', { error: describeError(error) }),
      );
      if (outcome.kind === 'broken') {
        summary.failed += won.length;
        summary.skipped += messages.slice(i + 1).reduce((sum, m) => sum + m.resources.length, 0);
        w.settled = w.pending.length;
        await pauseChannel(store, w.ref, outcome.details.reason ?? outcome.message, clock());
        summary.pausedChannels.push(w.channelKey);
        await notifyAdmins(w.ref, outcome.details.reason ?? outcome.message, w.follows.length);
        return;
      }
      log.warn('announcement failed; a later run retries it', {
        channel: w.channelKey,
        error: outcome.message,
      });
      giveBack([claimed, ...messages.slice(i + 1)]);
      return;
    }
  }

  const markSentSurely = (claimKeys: ItemKey[]) =>
    completeSurely(
      store,
      (at) => claimKeys.map((key) => sentRecord(key, { owner: runId, now: at, ttlSeconds: SENT_TTL_S })),
      { clock, sleep: (ms) => timer.sleep(ms), log },
    );

  const channelSlot = pLimit(CHANNEL_CONCURRENCY);
  await Promise.all(
    work.map((w) =>
      channelSlot(() => runChannel(w)).catch((error) => {
        // A store failure mid-channel: what was not marked sent is retried by a later run.
        log.error('announcement channel run failed', { channel: w.channelKey, error: describeError(error) });
        summary.failed += w.pending.length - w.settled;
        hold(w.pending.slice(w.settled));
      }),
    ),
  );

  summary.cursor = holdBack;
  summary.postedTo = [...postedTo].join(', ');
  if (!dryRun) {
    await store.put({ ...cursorKey(), cursor: summary.cursor, runId, updatedAt: until, lastSince: since });
    summary.feedAlerts = (await reportPausedFeeds(runtime, senders)).length;
    summary.filterAlerts = (await reportUnresolvedFollows(runtime, senders)).length;
  }
  summary.storeRequests = store.stats.requests - requestsBefore;
  summary.ms = Math.round(timer.now() - startedAt);
  log.info('announce run done', { ...summary, pausedChannels: summary.pausedChannels.join(',') });
  return summary;
}
