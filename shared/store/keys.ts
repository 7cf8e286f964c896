import { hash } from 'node:crypto';

/**
 * Key builders for every entity in the table, so that the shape of a key is written in one place.
 * See DATA-MODEL.md for the access pattern each one serves.
 */

export interface ItemKey {
  pk: string;
  sk: string;
}

/** A short, stable digest for values too long or too private to sit in a key (URLs, emails). */
export function keyHash(value: string): string {
  return hash('sha256', value, 'base64url').slice(0, 22);
}

/** The id of a subscription: a digest of the lower-cased address, so keys and logs hold no address. */
export const subscriptionId = (email: string): string => keyHash(email.trim().toLowerCase());

/**
 * Partition-key prefixes the deployed functions' IAM conditions name (`dynamodb:LeadingKeys`), so a
 * function may delete only its own kind of item. test/infra/table-access.test.ts holds `keys` to them.
 */
export const KEY_PREFIX = {
  feedUrl: 'FEEDURL#',
  searchSnapshot: 'SEARCH#',
  channel: 'CHAN#',
  user: 'USER#',
  delivery: 'DELIVERY#',
  dedupe: 'DEDUPE#',
  job: 'JOB#',
} as const;

/** The library change log's partitions (entries expire by TTL; nothing deletes them). */
const LIBRARY_LOG_PREFIX = 'LIBLOG#';
/** Change-log entries to a partition (`keys.libraryLogEntry`). */
export const LIBRARY_LOG_BUCKET = 1000;

export const keys = {
  partner: (partnerId: string): ItemKey => ({ pk: `PARTNER#${partnerId}`, sk: 'PARTNER' }),
  feed: (feedId: string): ItemKey => ({ pk: `FEED#${feedId}`, sk: 'FEED' }),
  /** Uniqueness of a feed URL across the registry (conditional put). */
  feedUrl: (url: string): ItemKey => ({ pk: `FEEDURL#${keyHash(url)}`, sk: 'FEEDURL' }),
  resource: (resourceId: string): ItemKey => ({ pk: `RES#${resourceId}`, sk: 'RES' }),
  /** An event's .ics or page as last fetched (validators and what was read): shared/events/sources.ts. */
  eventSource: (url: string): ItemKey => ({ pk: `EVSRC#${keyHash(url)}`, sk: 'EVSRC' }),
  /** One resource per canonical URL, whichever feed brought it first. */
  resourceUrl: (url: string): ItemKey => ({ pk: `URL#${keyHash(url)}`, sk: 'URL' }),
  subscription: (email: string): ItemKey => ({ pk: `SUB#${subscriptionId(email)}`, sk: 'SUB' }),
  /** A subscription by its id (`subscriptionId(email)`), as signed tokens and queue messages carry it. */
  subscriptionById: (id: string): ItemKey => ({ pk: `SUB#${id}`, sk: 'SUB' }),
  channel: (platform: string, workspaceId: string, channelId: string) =>
    `CHAN#${platform}#${workspaceId}#${channelId}`,
  channelSettings: (channelKey: string): ItemKey => ({ pk: channelKey, sk: 'SETTINGS' }),
  follow: (channelKey: string, followId: string): ItemKey => ({ pk: channelKey, sk: `FOLLOW#${followId}` }),
  /** A conversation's event reminders (`remind events <filters>`): shared/events/reminders.ts. */
  reminder: (channelKey: string, reminderId: string): ItemKey => ({
    pk: channelKey,
    sk: `REMIND#${reminderId}`,
  }),
  user: (platform: string, workspaceId: string, userId: string) =>
    `USER#${platform}#${workspaceId}#${userId}`,
  userSettings: (userKey: string): ItemKey => ({ pk: userKey, sk: 'SETTINGS' }),
  bookmark: (userKey: string, resourceId: string): ItemKey => ({ pk: userKey, sk: `BOOKMARK#${resourceId}` }),
  /** A member's guided offer or request in one chat (shared/bot/coop-talk.ts): versioned, with a TTL. */
  coopTalk: (userKey: string, channelId: string): ItemKey => ({ pk: userKey, sk: `COOPTALK#${channelId}` }),
  /** A claim on one send: (what, where). Written with attribute_not_exists before the send. */
  delivery: (kind: 'announce' | 'digest' | 'email', target: string, what: string): ItemKey => ({
    pk: `DELIVERY#${kind}#${target}`,
    sk: what,
  }),
  /** Seen webhook deliveries (Slack event_id, Telegram update_id), with a TTL. */
  dedupe: (source: string, id: string): ItemKey => ({ pk: `DEDUPE#${source}#${id}`, sk: 'DEDUPE' }),
  /** A chat button's state too long for its 64-byte action id (a search page's query and cursor), with a TTL. */
  botAction: (id: string): ItemKey => ({ pk: `BOTACTION#${id}`, sk: 'BOTACTION' }),
  /** Rate-limit counters (confirmation emails per address, per source), with a TTL. */
  rateLimit: (bucket: string, windowStart: string): ItemKey => ({ pk: `RATE#${bucket}`, sk: windowStart }),
  /** A cooperation exchange offer or request (shared/coop/store.ts). */
  coopEntry: (id: string): ItemKey => ({ pk: `COOP#${id}`, sk: 'COOP' }),
  /** A workshop's own id for an entry, unique across the exchange (conditional put): holds `id`. */
  coopRef: (ref: string): ItemKey => ({ pk: `COOPREF#${keyHash(ref.trim().toLowerCase())}`, sk: 'COOPREF' }),
  /** An offer or request submitted on the web, held until its contact follows the emailed link (TTL). */
  coopPending: (id: string): ItemKey => ({ pk: `COOPWEB#${id}`, sk: 'COOPWEB' }),
  /** Job state: cursors and leases of the scheduled runs. */
  job: (name: string): ItemKey => ({ pk: `JOB#${name}`, sk: 'STATE' }),
  /** One fanned-out ingest cycle: feeds planned (`total`), feeds done (`done`), `handedOver` (shared/ingest/fanout.ts). */
  ingestCycle: (cycleId: string): ItemKey => ({ pk: 'JOB#ingest', sk: `CYCLE#${cycleId}` }),
  /** A feed's claim in one ingest cycle: fetched once per cycle whichever worker gets its message. */
  ingestFeedClaim: (cycleId: string, feedId: string): ItemKey => ({
    pk: `JOB#ingest#${cycleId}`,
    sk: `FEED#${feedId}`,
  }),
  /** A host's politeness across workers: `WAIT` (Retry-After) and `SLOT#<n>` leases (shared/ingest/politeness.ts). */
  hostWait: (host: string): ItemKey => ({ pk: `JOB#host#${host}`, sk: 'WAIT' }),
  hostSlot: (host: string, n: number): ItemKey => ({ pk: `JOB#host#${host}`, sk: `SLOT#${n}` }),
  /** The last run of a cycle job (shared/health.ts), for /health. */
  jobRun: (name: string): ItemKey => ({ pk: `JOB#${name}`, sk: 'LASTRUN' }),
  /**
   * The search index snapshot's head: which version is current (shared/search/snapshot-store.ts),
   * and the library's version (`libraryPosition`, shared/library/change-log.ts) it is compared with.
   */
  searchSnapshotHead: (): ItemKey => ({ pk: 'SEARCH#snapshot', sk: 'HEAD' }),
  /**
   * One entry of the library's change log (shared/library/change-log.ts): entry `n` of a gapless
   * sequence, a thousand to a partition so that no partition grows without bound.
   */
  libraryLogEntry: (n: number): ItemKey => ({
    pk: `${LIBRARY_LOG_PREFIX}${Math.floor(n / LIBRARY_LOG_BUCKET)}`,
    sk: String(n).padStart(12, '0'),
  }),
  /** One chunk of a search index snapshot version. */
  searchSnapshotChunk: (version: string, n: number): ItemKey => ({
    pk: 'SEARCH#snapshot',
    sk: `CHUNK#${version}#${String(n).padStart(5, '0')}`,
  }),
};

/** Index key values (the `gsiNpk` attributes) for the collections. */
export const collections = {
  partners: 'PARTNERS',
  feeds: 'FEEDS',
  follows: 'FOLLOWS',
  /** Every conversation's event reminders, read whole by the announcement run. */
  reminders: 'REMINDERS',
  /** Resources by publication date, bucketed by month so no partition grows without bound. */
  resourcesByMonth: (isoDate: string) => `RESDATE#${isoDate.slice(0, 7)}`,
  /** Resources by first-seen day: what is new since a digest or an announcement cursor. */
  resourcesSeenOn: (isoDate: string) => `SEEN#${isoDate.slice(0, 10)}`,
  resourcesOfFeed: (feedId: string) => `FEEDRES#${feedId}`,
  feedsOfPartner: (partnerId: string) => `PARTNERFEEDS#${partnerId}`,
  subscribersByStatus: (status: string) => `SUBS#${status}`,
  /** The exchange's offers or requests, by creation time. */
  coopEntries: (kind: 'offer' | 'request') => `COOP#${kind}`,
  /** Confirmed subscribers by next digest time (gsi3, sparse: only confirmed ones carry it). */
  subscribersDue: (frequency: string) => `DUE#${frequency}`,
};
