import type { BotLanguage } from '../chat/i18n.js';
import { canonicalEmailAddress } from '../email/address.js';
import type { ResourceFilter } from '../filters/filter.js';
import { type ChannelRef, channelKeyOf, type Follow } from '../follows/state.js';
import type { CoopEntry, CoopOrigin } from './entry.js';
import type { CoopMatcher, Match } from './match.js';

/**
 * Who is told what when offers and requests arrive (issue 18.4), pure: for each new entry,
 *
 * - `own`: its institution gets the best three entries of the other kind, with why;
 * - `counterpart`: the institution behind each of those three is told of the new demand (or supply);
 * - `admin`: the Secretariat's admin channel gets the pairs to broker;
 * - `topic`: each channel that follows a topic of the entry gets it in its cooperation section.
 *
 * An institution is reached where it wrote from: its origin chat (Slack, Telegram, console), else
 * the email of its origin (web, cli) or of its contact. Each notice is one delivery, (entry,
 * recipient), claimed once by the run (shared/coop/notify.ts).
 */

export type NoticeRole = 'own' | 'counterpart' | 'admin' | 'topic';
/** The order a recipient's messages go out in. */
export const NOTICE_ROLES: readonly NoticeRole[] = ['own', 'counterpart', 'admin', 'topic'];

/** How many entries of the other kind the new entry's institution is told of. */
export const BEST_MATCHES = 3;

export type CoopRecipient =
  | { via: 'chat'; key: string; ref: ChannelRef }
  | { via: 'email'; key: string; address: string };

export interface PlannedNotice {
  recipient: CoopRecipient;
  role: NoticeRole;
  /** The new entry this notice is about. */
  entry: CoopEntry;
  /**
   * own and admin: the best matches of `entry`; counterpart: the recipient's own entries that
   * `entry` fits (with the reasons); topic: none.
   */
  matches: Match[];
  /** The language of the institution written to (its origin's, else its first of English and Spanish). */
  language?: BotLanguage;
  /** The claim's sort key under the recipient (`COOP#<role>#<entry id>`), carried in Slack metadata. */
  deliveryId: string;
}

/** Entries that still take partners: what is told, and what may be proposed. */
export const isLive = (entry: Pick<CoopEntry, 'status'>) =>
  entry.status === 'open' || entry.status === 'matched';

export const coopDeliveryId = (role: NoticeRole, entryId: string) => `COOP#${role}#${entryId}`;

/** The language to write to an entry's institution in: its origin's, else the first of en/es it works in. */
export function entryLanguage(entry: Pick<CoopEntry, 'origin' | 'languages'>): BotLanguage {
  if (entry.origin) return entry.origin.language;
  return (entry.languages.find((l) => l === 'en' || l === 'es') as BotLanguage | undefined) ?? 'en';
}

const CHAT_FACES = new Set<CoopOrigin['face']>(['slack', 'telegram', 'console']);

/**
 * The conversation of a chat origin: its address is `<workspace>:<channel>` (as in
 * IASPN_ADMIN_CHANNEL, without the platform) or the channel (or user) id alone.
 */
export function originChannel(origin: CoopOrigin): ChannelRef | undefined {
  if (!CHAT_FACES.has(origin.face)) return undefined;
  const platform = origin.face as ChannelRef['platform'];
  const at = origin.address.lastIndexOf(':');
  const channelId = origin.address.slice(at + 1).trim();
  if (!channelId) return undefined;
  const workspaceId = at > 0 ? origin.address.slice(0, at) : platform === 'console' ? 'local' : '';
  return { platform, workspaceId, channelId };
}

export const chatRecipient = (ref: ChannelRef): CoopRecipient => ({
  via: 'chat',
  key: channelKeyOf(ref),
  ref,
});

/** Where an entry's institution is told: its origin chat, else its origin's or its contact's email. */
export function ownerRecipient(entry: Pick<CoopEntry, 'origin' | 'contact'>): CoopRecipient | undefined {
  const chat = entry.origin ? originChannel(entry.origin) : undefined;
  if (chat) return chatRecipient(chat);
  const address =
    (entry.origin ? canonicalEmailAddress(entry.origin.address) : undefined) ??
    canonicalEmailAddress(entry.contact);
  return address ? { via: 'email', key: `EMAIL#${address}`, address } : undefined;
}

/**
 * True when a follow (or a subscription's filter) asks for this entry: it names topics and the
 * entry declares one of them, and its countries and languages (when given) fit. A filter of
 * resource types, partners or keywords is about the library, not the exchange.
 */
export function filterWantsEntry(
  filter: ResourceFilter,
  entry: Pick<CoopEntry, 'topics' | 'country' | 'languages'>,
): boolean {
  if (!filter.topics?.length || !filter.topics.some((t) => entry.topics.includes(t))) return false;
  if (filter.types?.length || filter.partners?.length || filter.keywords?.trim()) return false;
  if (filter.countries?.length && !filter.countries.includes(entry.country)) return false;
  if (filter.languages?.length && !filter.languages.some((l) => entry.languages.includes(l))) return false;
  return true;
}

export interface NoticeInput {
  /** The entries to tell about (created in the run's window). */
  fresh: readonly CoopEntry[];
  /** A matcher over every entry of the exchange. */
  matcher: CoopMatcher;
  follows: readonly Follow[];
  /** The Secretariat's admin channel, if the stage has one. */
  admin?: ChannelRef;
}

/** Every notice the new entries call for, at most one per (entry, recipient, role). */
export function planNotices(input: NoticeInput): PlannedNotice[] {
  const out: PlannedNotice[] = [];
  const adminRecipient = input.admin ? chatRecipient(input.admin) : undefined;
  for (const entry of input.fresh) {
    if (!isLive(entry)) continue;
    const owner = ownerRecipient(entry);
    const matches = input.matcher
      .matchesFor(entry, 50)
      .filter((m) => isLive(m.entry))
      .slice(0, BEST_MATCHES);
    const notice = (recipient: CoopRecipient, role: NoticeRole, found: Match[], language?: BotLanguage) =>
      out.push({
        recipient,
        role,
        entry,
        matches: found,
        language,
        deliveryId: coopDeliveryId(role, entry.id),
      });
    if (matches.length > 0) {
      if (owner) notice(owner, 'own', matches, entryLanguage(entry));
      // Each institution once, with every one of its entries that the new one fits.
      const byInstitution = new Map<string, { recipient: CoopRecipient; found: Match[] }>();
      for (const m of matches) {
        const recipient = ownerRecipient(m.entry);
        if (!recipient || recipient.key === owner?.key) continue;
        const group = byInstitution.get(recipient.key) ?? { recipient, found: [] };
        group.found.push(m);
        byInstitution.set(recipient.key, group);
      }
      for (const { recipient, found } of byInstitution.values())
        notice(recipient, 'counterpart', found, entryLanguage(found[0]!.entry));
      if (adminRecipient) notice(adminRecipient, 'admin', matches);
    }
    const channels = new Map<string, ChannelRef>();
    for (const f of input.follows)
      if (filterWantsEntry(f.filter, entry))
        channels.set(f.channelKey, {
          platform: f.platform,
          workspaceId: f.workspaceId,
          channelId: f.channelId,
        });
    for (const [key, ref] of channels) if (key !== owner?.key) notice(chatRecipient(ref), 'topic', []);
  }
  return out;
}

export interface NoticeMessage {
  role: NoticeRole;
  notices: PlannedNotice[];
}

/**
 * One recipient's notices as messages, paced as announcements are: per role, the first
 * `maxSingle` each in a message of its own and the rest in one batch message; a channel's topic
 * notices in one message (its cooperation section); an email recipient gets one email per role.
 */
export function planMessages(
  notices: readonly PlannedNotice[],
  options: { via: CoopRecipient['via']; maxSingle: number },
): NoticeMessage[] {
  const messages: NoticeMessage[] = [];
  for (const role of NOTICE_ROLES) {
    const mine = notices
      .filter((n) => n.role === role)
      .sort(
        (a, b) => a.entry.createdAt.localeCompare(b.entry.createdAt) || a.entry.id.localeCompare(b.entry.id),
      );
    if (mine.length === 0) continue;
    if (options.via === 'email' || role === 'topic') {
      messages.push({ role, notices: mine });
      continue;
    }
    const single = Math.max(0, options.maxSingle);
    for (const n of mine.slice(0, single)) messages.push({ role, notices: [n] });
    if (mine.length > single) messages.push({ role, notices: mine.slice(single) });
  }
  return messages;
}
