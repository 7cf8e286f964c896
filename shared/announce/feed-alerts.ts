import { textReply } from '../chat/reply.js';
import { describeError } from '../errors.js';
import { channelLanguage } from '../follows/state.js';
import { listFeeds, listPartners } from '../library/registry.js';
import type { Runtime } from '../runtime/runtime.js';
import { keys } from '../store/keys.js';
import type { Senders } from './senders.js';

/** Only pauses this recent are reported: older ones were reported before (or predate the channel). */
const RECENT_MS = 24 * 3600_000;
const CLAIM_TTL_S = 90 * 24 * 3600;

/**
 * Tells the admin channel about feeds that ingest paused after K failures in a row. Ingest only
 * records the pause (it carries no chat client); the announcement run, which has the senders,
 * reports each pause once: the report is claimed with a conditional write keyed by the feed and
 * the failure that paused it, so retries and concurrent runs say it once.
 */
export async function reportPausedFeeds(runtime: Runtime, senders: Senders): Promise<string[]> {
  const { store, config, log, clock } = runtime;
  const admin = config.announce.adminChannel;
  const sender = admin ? senders[admin.platform] : undefined;
  if (!admin || !sender) return [];
  const now = clock().getTime();
  const paused = (await listFeeds(store)).filter(
    (f) =>
      f.status === 'paused' &&
      f.health.pausedReason &&
      f.health.lastFetchAt &&
      now - Date.parse(f.health.lastFetchAt) < RECENT_MS,
  );
  if (!paused.length) return [];
  const partners = new Map((await listPartners(store)).map((p) => [p.id, p.name]));
  const language = (await channelLanguage(store, admin)) ?? 'en';
  // The announcement strings (messages.ts, with the taxonomy's names) load when a feed is to report.
  const { announceStrings } = await import('./messages.js');
  const reported: string[] = [];
  for (const feed of paused) {
    const key = keys.delivery('announce', 'admin-feed-alerts', `${feed.id}#${feed.health.lastFetchAt}`);
    const claim = {
      ...key,
      claimedAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + CLAIM_TTL_S,
    };
    if (!(await store.putIfAbsent(claim))) continue;
    const text = announceStrings(language).feedPaused(
      feed.id,
      partners.get(feed.partnerId) ?? feed.partnerId,
      feed.health.pausedReason ?? '',
    );
    try {
      await sender.post(admin, textReply(text));
      reported.push(feed.id);
    } catch (error) {
      // Give the claim back so the next run tries again.
      await store.delete(key);
      log.error('could not tell the admin channel about a paused feed', {
        feedId: feed.id,
        error: describeError(error),
      });
    }
  }
  return reported;
}
