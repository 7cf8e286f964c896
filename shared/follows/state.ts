import { createHash } from 'node:crypto';
import { type BotLanguage, isBotLanguage } from '../chat/i18n.js';
import { canonicalFilter, type ResourceFilter } from '../filters/filter.js';
import { collections, keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * The bots' state in the single table (shared/store/DATA-MODEL.md): a conversation's settings and
 * follows under `CHAN#<platform>#<workspace>#<channel>`, a member's settings and bookmarks under
 * `USER#<platform>#<workspace>#<user>`, every follow also in the `FOLLOWS` collection (gsi1) so
 * the announcement run lists them in one query, and webhook dedupe records with a TTL.
 */

export type ChatPlatform = 'slack' | 'telegram' | 'console';

/** Where a conversation is: Slack team and channel, Telegram bot and chat, or the local console. */
export interface ChannelRef {
  platform: ChatPlatform;
  workspaceId: string;
  channelId: string;
}

export interface UserRef {
  platform: ChatPlatform;
  workspaceId: string;
  userId: string;
}

export const channelKeyOf = (c: ChannelRef) => keys.channel(c.platform, c.workspaceId, c.channelId);
export const userKeyOf = (u: UserRef) => keys.user(u.platform, u.workspaceId, u.userId);

export interface Follow extends ChannelRef {
  channelKey: string;
  /** Six hex characters, derived from the filter: following the same thing twice is one follow. */
  followId: string;
  filter: ResourceFilter;
  createdBy: string;
  createdAt: string;
}

export interface ChannelSettings extends ChannelRef {
  language?: BotLanguage;
  /** `paused` when the bot was removed from the conversation or can no longer post there. */
  status: 'active' | 'paused';
  pausedReason?: string;
  pausedAt?: string;
}

export interface Bookmark {
  resourceId: string;
  title: string;
  url: string;
  createdAt: string;
}

/** Keys in alphabetical order, as follow ids have always been hashed (ids stay stable). */
const sortedKeys = (filter: ResourceFilter) =>
  Object.fromEntries(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));

export const followIdOf = (filter: ResourceFilter) =>
  createHash('sha256')
    .update(JSON.stringify(sortedKeys(canonicalFilter(filter))))
    .digest('hex')
    .slice(0, 6);

function toFollow(item: Item): Follow {
  return {
    platform: item.platform as ChatPlatform,
    workspaceId: String(item.workspaceId),
    channelId: String(item.channelId),
    channelKey: String(item.pk),
    followId: String(item.followId),
    filter: (item.filter ?? {}) as ResourceFilter,
    createdBy: String(item.createdBy ?? ''),
    createdAt: String(item.createdAt ?? ''),
  };
}

/** Adds a follow; returns it and whether it was new (false: the same filter was already followed). */
export async function addFollow(
  store: Store,
  channel: ChannelRef,
  filter: ResourceFilter,
  by: { userId: string; at: Date },
): Promise<{ follow: Follow; created: boolean }> {
  const channelKey = channelKeyOf(channel);
  const normal = canonicalFilter(filter);
  const followId = followIdOf(normal);
  const follow: Follow = {
    ...channel,
    channelKey,
    followId,
    filter: normal,
    createdBy: by.userId,
    createdAt: by.at.toISOString(),
  };
  const created = await store.putIfAbsent({
    ...keys.follow(channelKey, followId),
    gsi1pk: collections.follows,
    gsi1sk: `${channelKey}#${followId}`,
    ...follow,
  });
  if (created) return { follow, created };
  const existing = await store.get(keys.follow(channelKey, followId));
  return { follow: existing ? toFollow(existing) : follow, created };
}

export async function removeFollow(store: Store, channel: ChannelRef, followId: string): Promise<boolean> {
  return store.delete(keys.follow(channelKeyOf(channel), followId.toLowerCase()), {
    expression: 'attribute_exists(pk)',
  });
}

export async function listFollows(store: Store, channel: ChannelRef): Promise<Follow[]> {
  const items = await store.queryAll({ partition: channelKeyOf(channel), sortBeginsWith: 'FOLLOW#' });
  return items.map(toFollow);
}

/** Every follow of every conversation: the announcement run's work list (one gsi1 partition). */
export async function listAllFollows(store: Store): Promise<Follow[]> {
  const items = await store.queryAll({ index: 'byCollection', partition: collections.follows });
  return items.map(toFollow);
}

/** The follows of every conversation of one Slack workspace or Telegram bot (the App Home tab). */
export async function listWorkspaceFollows(
  store: Store,
  platform: ChatPlatform,
  workspaceId: string,
): Promise<Follow[]> {
  const items = await store.queryAll({
    index: 'byCollection',
    partition: collections.follows,
    sortBeginsWith: `${keys.channel(platform, workspaceId, '')}`,
  });
  return items.map(toFollow);
}

export async function getChannelSettings(store: Store, channel: ChannelRef): Promise<ChannelSettings> {
  const item = await store.get(keys.channelSettings(channelKeyOf(channel)));
  return {
    ...channel,
    language: isBotLanguage(item?.language) ? item.language : undefined,
    status: item?.status === 'paused' ? 'paused' : 'active',
    pausedReason: item?.pausedReason as string | undefined,
    pausedAt: item?.pausedAt as string | undefined,
  };
}

/** The language a conversation chose with `lang`, if any: announcements post in it. */
export async function channelLanguage(store: Store, channel: ChannelRef): Promise<BotLanguage | undefined> {
  return (await getChannelSettings(store, channel)).language;
}

export async function setChannelLanguage(store: Store, channel: ChannelRef, language: BotLanguage) {
  await store.update(keys.channelSettings(channelKeyOf(channel)), {
    set: { ...channel, language },
  });
}

/**
 * Marks a conversation paused (the bot was removed, the chat was deleted, posting is forbidden):
 * announcements skip it until it is resumed by any command there.
 */
export async function pauseChannel(
  store: Store,
  channel: ChannelRef,
  reason: string,
  at: Date,
): Promise<void> {
  await store.update(keys.channelSettings(channelKeyOf(channel)), {
    set: { ...channel, status: 'paused', pausedReason: reason, pausedAt: at.toISOString() },
  });
}

/** A command in a paused conversation shows the bot is back: it becomes active again. */
export async function resumeChannel(store: Store, channel: ChannelRef): Promise<void> {
  await store.update(keys.channelSettings(channelKeyOf(channel)), {
    set: { ...channel, status: 'active' },
    remove: ['pausedReason', 'pausedAt'],
  });
}

export async function userLanguage(store: Store, user: UserRef): Promise<BotLanguage | undefined> {
  const item = await store.get(keys.userSettings(userKeyOf(user)));
  return isBotLanguage(item?.language) ? item.language : undefined;
}

export async function setUserLanguage(store: Store, user: UserRef, language: BotLanguage) {
  await store.update(keys.userSettings(userKeyOf(user)), { set: { ...user, language } });
}

/** The results last shown to a member: `bookmark 2` and `more` refer to them. */
export interface ShownResults {
  /** The number of the first result shown (6 on the second page). */
  from: number;
  ids: string[];
  /** The More results button's action, when there were more. */
  more?: string;
  /** The language the list was shown in: a number typed after it is answered in it. */
  language?: 'en' | 'es';
}

export async function rememberResults(store: Store, user: UserRef, shown: ShownResults): Promise<void> {
  await store.update(keys.userSettings(userKeyOf(user)), { set: { ...user, shown } });
}

export async function shownResults(store: Store, user: UserRef): Promise<ShownResults | undefined> {
  const item = await store.get(keys.userSettings(userKeyOf(user)));
  const shown = item?.shown as ShownResults | undefined;
  return shown && Array.isArray(shown.ids) && typeof shown.from === 'number' ? shown : undefined;
}

/** Saves a bookmark; false when it was already there. */
export async function addBookmark(store: Store, user: UserRef, bookmark: Bookmark): Promise<boolean> {
  return store.put(
    { ...keys.bookmark(userKeyOf(user), bookmark.resourceId), ...bookmark },
    { expression: 'attribute_not_exists(pk)' },
  );
}

export async function removeBookmark(store: Store, user: UserRef, resourceId: string): Promise<boolean> {
  return store.delete(keys.bookmark(userKeyOf(user), resourceId), { expression: 'attribute_exists(pk)' });
}

/** A member's bookmarks, oldest first (the order their numbers refer to). */
export async function listBookmarks(store: Store, user: UserRef): Promise<Bookmark[]> {
  const items = await store.queryAll({ partition: userKeyOf(user), sortBeginsWith: 'BOOKMARK#' });
  return items
    .map((item) => ({
      resourceId: String(item.resourceId),
      title: String(item.title ?? ''),
      url: String(item.url ?? ''),
      createdAt: String(item.createdAt ?? ''),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.resourceId.localeCompare(b.resourceId));
}

/**
 * Claims a webhook delivery (Slack `event_id`, Telegram `update_id`): true the first time, false
 * for a retry of something already handled. The record expires after `ttlSeconds`.
 */
export async function claimDelivery(
  store: Store,
  source: string,
  id: string,
  at: Date,
  ttlSeconds = 24 * 3600,
): Promise<boolean> {
  return store.putIfAbsent({
    ...keys.dedupe(source, id),
    seenAt: at.toISOString(),
    expiresAt: Math.floor(at.getTime() / 1000) + ttlSeconds,
  });
}
