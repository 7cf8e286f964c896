import { type ChannelRef, channelKeyOf, type UserRef, userKeyOf } from '../follows/state.js';
import { type ItemKey, keys } from '../store/keys.js';
import type { Store } from '../store/store.js';
import { canonicalTimeZone, suggestTimeZones } from './zone-name.js';

export { canonicalTimeZone, suggestTimeZones };

/**
 * Members' time zones: an IANA zone typed with `tz America/Bogota`, validated by the runtime's own
 * zone database (Intl), refused with the closest zones when unknown. Nothing is stored that no
 * clock can use.
 */

export const DEFAULT_TIME_ZONE = 'UTC';

export type TimeZoneChoice = { ok: true; timeZone: string } | { ok: false; suggestions: string[] };

/** A member's typed zone: its canonical IANA name, or the closest known zones to suggest. */
export function resolveTimeZone(text: string): TimeZoneChoice {
  const timeZone = canonicalTimeZone(text);
  return timeZone ? { ok: true, timeZone } : { ok: false, suggestions: suggestTimeZones(text) };
}

/** A zone chosen with `tz`, for a member (`user`) or a conversation (`channel`); stored beside the language. */
export async function storedTimeZone(store: Store, key: ItemKey): Promise<string | undefined> {
  const item = await store.get(key);
  return canonicalTimeZone(typeof item?.timeZone === 'string' ? item.timeZone : undefined);
}

export async function setStoredTimeZone(
  store: Store,
  key: ItemKey,
  owner: Record<string, string>,
  timeZone: string,
): Promise<void> {
  await store.update(key, { set: { ...owner, timeZone } });
}

export const userSettingsKey = (user: UserRef) => keys.userSettings(userKeyOf(user));
export const channelSettingsKey = (channel: ChannelRef) => keys.channelSettings(channelKeyOf(channel));

/**
 * The zone to show a member times in: the zone they chose with `tz`, else what their platform
 * says (Slack's `tz`), else their conversation's `tz` (a group), else UTC.
 */
export async function memberTimeZone(
  store: Store,
  who: { user: UserRef; channel: ChannelRef; conversation: 'direct' | 'group' },
  platformZone?: () => Promise<string | undefined>,
): Promise<string> {
  const mine = await storedTimeZone(store, userSettingsKey(who.user));
  if (mine) return mine;
  const platform = canonicalTimeZone(await platformZone?.().catch(() => undefined));
  if (platform) return platform;
  if (who.conversation === 'group') {
    const channel = await storedTimeZone(store, channelSettingsKey(who.channel));
    if (channel) return channel;
  }
  return DEFAULT_TIME_ZONE;
}
