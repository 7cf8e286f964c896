import { distance } from 'fastest-levenshtein';
import { type ChannelRef, channelKeyOf, type UserRef, userKeyOf } from '../follows/state.js';
import { type ItemKey, keys } from '../store/keys.js';
import type { Store } from '../store/store.js';
import { foldText } from '../taxonomy/fold.js';

/**
 * Members' time zones: an IANA zone typed with `tz America/Bogota`, validated by the runtime's own
 * zone database (Intl), refused with the closest zones when unknown. Nothing is stored that no
 * clock can use.
 */

export const DEFAULT_TIME_ZONE = 'UTC';

/** The canonical spelling of an IANA zone (`america/new_york` → `America/New_York`), or undefined. */
export function canonicalTimeZone(text: string | undefined): string | undefined {
  const wanted = text?.trim();
  if (!wanted || wanted.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(wanted)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: wanted }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let zones: readonly { zone: string; folded: string; city: string }[] | undefined;

function knownZones() {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => ({
    zone,
    folded: foldText(zone.replace(/[/_]/g, ' ')),
    city: foldText((zone.split('/').at(-1) ?? zone).replace(/_/g, ' ')),
  }));
  return zones;
}

/** Up to three zones close to what was typed: a city's name (`santiago`, `New York`) or a misspelling. */
export function suggestTimeZones(text: string): string[] {
  const folded = foldText(text.replace(/[/_]/g, ' ')).slice(0, 64);
  if (!folded) return [];
  const all = knownZones();
  const byCity = all.filter((z) => z.city === folded || z.folded === folded);
  if (byCity.length > 0) return byCity.slice(0, 3).map((z) => z.zone);
  return all
    .map((z) => ({ zone: z.zone, d: Math.min(distance(folded, z.city), distance(folded, z.folded)) }))
    .filter((z) => z.d <= Math.max(2, Math.floor(folded.length / 3)))
    .sort((a, b) => a.d - b.d || a.zone.localeCompare(b.zone))
    .slice(0, 3)
    .map((z) => z.zone);
}

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
