import { LANGUAGES, type Language, RESOURCE_TYPES, type ResourceType } from '../domain/resource.js';
import { RelayError } from '../errors.js';
import { collections, keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';
import { KEY_ATTRIBUTES } from '../store/table.js';
import { foldText } from '../taxonomy/fold.js';

/**
 * The partner and feed registry. Partners contribute through their feeds; a feed carries its
 * defaults (language, type, topics, countries), its status, its HTTP validators (ETag,
 * Last-Modified) and its health. A feed URL is registered once (a `FEEDURL#` claim).
 */

export const PARTNER_KINDS = [
  'ministry',
  'international-organisation',
  'ngo',
  'academia',
  'private-sector',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Words in a partner's name that say its kind, in the region's four languages (first match wins). */
const KIND_WORDS: [PartnerKind, RegExp][] = [
  [
    'ministry',
    /\b(minist(ry|erio|ério|ère)|secretar[ií]a|secretariat|department of|departamento de|agencia|agency|instituto nacional)\b/i,
  ],
  [
    'academia',
    /\b(univers(ity|idad|idade|ité)|college|faculdade|facultad|research (centre|center|institute))\b/i,
  ],
  [
    'international-organisation',
    /\b(organi[sz]ation of|organizaci[oó]n (de|panamericana)|world bank|banco mundial|inter-?american|interamericano|pan american|united nations|naciones unidas)\b/i,
  ],
  // Acronyms count only in capitals ("WHO", not "who").
  [
    'international-organisation',
    /\b(UNICEF|UNDP|PNUD|ILO|OIT|FAO|WFP|PMA|CEPAL|ECLAC|OAS|OEA|IDB|BID|CAF|UNESCO|WHO|OMS|OPS|PAHO|OECD|OCDE|IFAD|FIDA)\b/,
  ],
  ['private-sector', /\b(inc|ltd|llc|corp(oration)?|company|empresa|compañ[ií]a)\b/i],
];

/** Words for a kind besides its own name and a unique start of it (`--kind ministerio`, `--kind ong`). */
const KIND_SYNONYMS: Readonly<Record<string, PartnerKind>> = {
  ministerio: 'ministry',
  government: 'ministry',
  gobierno: 'ministry',
  ong: 'ngo',
  'organismo-internacional': 'international-organisation',
  'organizacion-internacional': 'international-organisation',
  'international-organization': 'international-organisation',
  io: 'international-organisation',
  university: 'academia',
  universidad: 'academia',
  'sector-privado': 'private-sector',
  privado: 'private-sector',
  empresa: 'private-sector',
};

/**
 * A kind as an admin types it: its name, a unique start of it (`international`, `private`), or a word
 * for it in English or Spanish (`ministerio`, `ong`, `universidad`); undefined when it names none.
 */
export function partnerKindOf(typed: string): PartnerKind | undefined {
  const slug = slugify(typed);
  const kinds = new Set<PartnerKind>();
  for (const [word, kind] of [
    ...PARTNER_KINDS.map((k) => [k, k] as const),
    ...Object.entries(KIND_SYNONYMS),
  ]) {
    if (word === slug) return kind;
    if (word.startsWith(slug)) kinds.add(kind);
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** A new partner's kind, read from its name ("Ministerio de Desarrollo Social" → ministry), else NGO. */
export function guessPartnerKind(name: string): PartnerKind {
  return KIND_WORDS.find(([, words]) => words.test(name))?.[0] ?? 'ngo';
}

export interface Partner {
  /** A short slug (`midis-pe`). */
  id: string;
  name: string;
  kind: PartnerKind;
  /** ISO 3166-1 alpha-2, absent for regional and international bodies. */
  country?: string;
  website?: string;
  languages: Language[];
  createdAt: string;
}

/** Why a fetch failed, in named kinds (Miniflux-style), for health and the admins' log. */
export const FEED_ERROR_KINDS = [
  'timeout',
  'too_large',
  'refused_address',
  'tls',
  'http_4xx',
  'http_5xx',
  'not_a_feed',
  'parse_error',
  'network',
  'redirects',
] as const;
export type FeedErrorKind = (typeof FEED_ERROR_KINDS)[number];

export interface FeedHealth {
  lastFetchAt?: string;
  /** HTTP status of the last fetch (304 included); absent when no response came. */
  lastStatus?: number;
  lastErrorKind?: FeedErrorKind;
  lastErrorMessage?: string;
  consecutiveFailures: number;
  lastSuccessAt?: string;
  lastNewItemAt?: string;
  /** A 429/503 asked us to wait until then: the feed is skipped before it. */
  retryAfter?: string;
  /** Why the feed was paused automatically (K failures in a row). */
  pausedReason?: string;
  /** The last read succeeded only after repairs (a bare `&`, a cut-off document...): which ones. */
  warning?: string;
}

export type FeedStatus = 'active' | 'paused';

export interface Feed {
  /** A short slug (`midis-noticias`). */
  id: string;
  partnerId: string;
  /** Absolute http(s) URL. */
  url: string;
  title?: string;
  defaultLanguage?: Language;
  defaultType?: ResourceType;
  defaultTopics: string[];
  defaultCountries: string[];
  status: FeedStatus;
  etag?: string;
  lastModified?: string;
  health: FeedHealth;
  createdAt: string;
}

export class RegistryError extends RelayError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RegistryError';
  }
}

function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const attr of KEY_ATTRIBUTES) delete out[attr];
  return out as T;
}

/** A lower-case slug of letters, digits and dashes, at most 48 characters. */
export function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-').slice(0, 48).replace(/-+$/, '') || 'x';
}

/** The form a feed URL is registered under: parsed, host lower-case, fragment dropped. */
export function canonicalFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RegistryError('invalid_feed_url', `Not an absolute URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RegistryError('invalid_feed_url', `Only http and https feeds are accepted: ${url}`);
  }
  parsed.hash = '';
  return parsed.href;
}

// ---------- partners ----------

export function partnerToItem(partner: Partner): Item {
  return {
    ...partner,
    ...keys.partner(partner.id),
    gsi1pk: collections.partners,
    gsi1sk: `${foldText(partner.name)}#${partner.id}`,
  };
}

export const itemToPartner = (item: Record<string, unknown>) => stripKeys<Partner>(item);

/** An absolute http(s) URL (a partner's website). */
export const isWebUrl = (value: string) => /^https?:$/.test(URL.parse(value)?.protocol ?? '');

export function validatePartner(partner: Partner): void {
  if (!/^[a-z0-9][a-z0-9-]{0,47}$/.test(partner.id)) {
    throw new RegistryError('invalid_partner', `Partner id must be a short lower-case slug: ${partner.id}`);
  }
  if (!partner.name.trim()) throw new RegistryError('invalid_partner', 'A partner needs a name');
  if (!PARTNER_KINDS.includes(partner.kind)) {
    throw new RegistryError('invalid_partner', `Partner kind must be one of ${PARTNER_KINDS.join(', ')}`);
  }
  if (partner.country !== undefined && !/^[A-Z]{2}$/.test(partner.country)) {
    throw new RegistryError(
      'invalid_partner',
      `Country must be an ISO 3166-1 alpha-2 code: ${partner.country}`,
    );
  }
  if (partner.website !== undefined && !isWebUrl(partner.website)) {
    throw new RegistryError('invalid_partner', `Website must be an absolute http(s) URL: ${partner.website}`);
  }
  for (const language of partner.languages) {
    if (!LANGUAGES.includes(language)) {
      throw new RegistryError('invalid_partner', `Language must be one of ${LANGUAGES.join(', ')}`);
    }
  }
}

export async function getPartner(store: Store, id: string): Promise<Partner | undefined> {
  const item = await store.get(keys.partner(id));
  return item ? itemToPartner(item) : undefined;
}

export async function listPartners(store: Store): Promise<Partner[]> {
  const items = await store.queryAll({ index: 'byCollection', partition: collections.partners });
  return items.map(itemToPartner);
}

/** A partner by id, or by name (accent- and case-insensitive). */
export async function findPartner(store: Store, idOrName: string): Promise<Partner | undefined> {
  const byId = /^[a-z0-9-]+$/.test(idOrName) ? await getPartner(store, idOrName) : undefined;
  if (byId) return byId;
  const folded = foldText(idOrName);
  return (await listPartners(store)).find((p) => foldText(p.name) === folded);
}

/**
 * Writes a partner. `mode: 'create'` fails (returns false) when the id is taken; `'update'` fails
 * when it does not exist.
 */
export async function putPartner(
  store: Store,
  partner: Partner,
  mode: 'create' | 'update',
): Promise<boolean> {
  validatePartner(partner);
  return store.put(partnerToItem(partner), {
    expression: mode === 'create' ? 'attribute_not_exists(#pk)' : 'attribute_exists(#pk)',
    names: { '#pk': 'pk' },
  });
}

/** Removes a partner that has no feeds left. */
export async function removePartner(store: Store, id: string): Promise<void> {
  const feeds = await feedsOfPartner(store, id);
  if (feeds.length > 0) {
    throw new RegistryError(
      'partner_has_feeds',
      `Partner ${id} still has ${feeds.length} feed(s): remove them first (${feeds.map((f) => f.id).join(', ')})`,
    );
  }
  if (
    !(await store.delete(keys.partner(id), { expression: 'attribute_exists(#pk)', names: { '#pk': 'pk' } }))
  ) {
    throw new RegistryError('partner_not_found', `No partner ${id}`);
  }
}

// ---------- feeds ----------

export function feedToItem(feed: Feed): Item {
  return {
    ...feed,
    ...keys.feed(feed.id),
    gsi1pk: collections.feeds,
    gsi1sk: `${feed.partnerId}#${feed.id}`,
    gsi2pk: collections.feedsOfPartner(feed.partnerId),
    gsi2sk: feed.id,
  };
}

export function itemToFeed(item: Record<string, unknown>): Feed {
  const feed = stripKeys<Feed>(item);
  feed.defaultTopics ??= [];
  feed.defaultCountries ??= [];
  feed.health ??= { consecutiveFailures: 0 };
  return feed;
}

export function newFeedHealth(): FeedHealth {
  return { consecutiveFailures: 0 };
}

export function validateFeed(feed: Feed): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(feed.id)) {
    throw new RegistryError('invalid_feed', `Feed id must be a short lower-case slug: ${feed.id}`);
  }
  canonicalFeedUrl(feed.url);
  if (feed.defaultLanguage && !LANGUAGES.includes(feed.defaultLanguage)) {
    throw new RegistryError('invalid_feed', `Language must be one of ${LANGUAGES.join(', ')}`);
  }
  if (feed.defaultType && !RESOURCE_TYPES.includes(feed.defaultType)) {
    throw new RegistryError('invalid_feed', `Type must be one of ${RESOURCE_TYPES.join(', ')}`);
  }
}

export async function getFeed(store: Store, id: string): Promise<Feed | undefined> {
  const item = await store.get(keys.feed(id));
  return item ? itemToFeed(item) : undefined;
}

/** Every feed, ordered by partner then feed id (the ingest run reads this whole). */
export async function listFeeds(store: Store): Promise<Feed[]> {
  const items = await store.queryAll({ index: 'byCollection', partition: collections.feeds });
  return items.map(itemToFeed);
}

export async function feedsOfPartner(store: Store, partnerId: string): Promise<Feed[]> {
  const items = await store.queryAll({ index: 'byParent', partition: collections.feedsOfPartner(partnerId) });
  return items.map(itemToFeed);
}

/** The feed registered under a URL, if any. */
export async function findFeedByUrl(store: Store, url: string): Promise<Feed | undefined> {
  const claim = await store.get(keys.feedUrl(canonicalFeedUrl(url)));
  return claim ? getFeed(store, String(claim.feedId)) : undefined;
}

/**
 * Registers a new feed: claims its URL first (one feed per URL), then writes the feed under
 * `attribute_not_exists`. Throws `feed_exists` naming the holder when either is taken.
 */
export async function addFeed(store: Store, feed: Feed): Promise<Feed> {
  validateFeed(feed);
  const url = canonicalFeedUrl(feed.url);
  const stored: Feed = { ...feed, url };
  const claimKey = keys.feedUrl(url);
  if (!(await store.putIfAbsent({ ...claimKey, feedId: feed.id, url }))) {
    const holder = await store.get(claimKey);
    throw new RegistryError(
      'feed_exists',
      `That URL is already registered as feed ${String(holder?.feedId)}`,
    );
  }
  const written = await store.put(feedToItem(stored), {
    expression: 'attribute_not_exists(#pk)',
    names: { '#pk': 'pk' },
  });
  if (!written) {
    await store.delete(claimKey);
    throw new RegistryError('feed_exists', `A feed with id ${feed.id} already exists`);
  }
  return stored;
}

/** A feed id not yet taken, from a base slug (`base`, `base-2`, ...). */
export async function freeFeedId(store: Store, base: string): Promise<string> {
  const slug = slugify(base);
  for (let n = 1; n < 100; n += 1) {
    const id = n === 1 ? slug : `${slug}-${n}`;
    if (!(await getFeed(store, id))) return id;
  }
  throw new RegistryError('invalid_feed', `No free feed id for ${base}`);
}

const EXISTS = { expression: 'attribute_exists(#pk)', names: { '#pk': 'pk' } };

/** Sets fields of an existing feed (status, defaults, validators, health). */
export async function updateFeed(
  store: Store,
  id: string,
  set: Partial<Omit<Feed, 'id' | 'url' | 'partnerId' | 'createdAt'>>,
  remove: (keyof Feed)[] = [],
): Promise<Feed> {
  try {
    return itemToFeed(await store.update(keys.feed(id), { set, remove }, EXISTS));
  } catch (error) {
    if (error instanceof RelayError && error.code === 'condition_failed') {
      throw new RegistryError('feed_not_found', `No feed ${id}`, { cause: error });
    }
    throw error;
  }
}

export async function setFeedStatus(store: Store, id: string, status: FeedStatus): Promise<Feed> {
  const feed = await getFeed(store, id);
  if (!feed) throw new RegistryError('feed_not_found', `No feed ${id}`);
  // Resuming clears the failure streak (a fresh K attempts) and any wait a 429/503 asked for:
  // an admin who resumes a feed wants it fetched on the next run.
  const health: FeedHealth =
    status === 'active'
      ? { ...feed.health, consecutiveFailures: 0, pausedReason: undefined, retryAfter: undefined }
      : feed.health;
  return updateFeed(store, id, { status, health: JSON.parse(JSON.stringify(health)) });
}

/** Removes a feed and frees its URL; its resources stay in the library. */
export async function removeFeed(store: Store, id: string): Promise<Feed> {
  const feed = await getFeed(store, id);
  if (!feed) throw new RegistryError('feed_not_found', `No feed ${id}`);
  await store.delete(keys.feed(id));
  await store.delete(keys.feedUrl(feed.url));
  return feed;
}

/**
 * Moves a feed to a new URL (the sample-feed server on another port, a feed that redirects
 * permanently): the URL claim moves with it, and the validators of the old URL are dropped. A claim
 * this feed already holds (a move cut short) is taken up again; another feed's is refused.
 */
export async function moveFeedUrl(store: Store, id: string, newUrl: string): Promise<Feed> {
  const feed = await getFeed(store, id);
  if (!feed) throw new RegistryError('feed_not_found', `No feed ${id}`);
  const url = canonicalFeedUrl(newUrl);
  if (url === feed.url) return feed;
  const claimKey = keys.feedUrl(url);
  if (!(await store.putIfAbsent({ ...claimKey, feedId: id, url }))) {
    const holder = await store.get(claimKey);
    if (holder?.feedId !== id) {
      throw new RegistryError(
        'feed_exists',
        `${url} is already registered as feed ${String(holder?.feedId)}`,
      );
    }
  }
  let moved: Feed;
  try {
    moved = itemToFeed(
      await store.update(keys.feed(id), { set: { url }, remove: ['etag', 'lastModified'] }, EXISTS),
    );
  } catch (error) {
    // The feed went away meanwhile: free the claim just taken.
    await store.delete(claimKey);
    if (error instanceof RelayError && error.code === 'condition_failed') {
      throw new RegistryError('feed_not_found', `No feed ${id}`, { cause: error });
    }
    throw error;
  }
  await store.delete(keys.feedUrl(feed.url));
  return moved;
}

/** A feed by id or by URL. */
export async function findFeed(store: Store, idOrUrl: string): Promise<Feed | undefined> {
  if (/^https?:\/\//i.test(idOrUrl)) return findFeedByUrl(store, idOrUrl);
  return getFeed(store, idOrUrl);
}
