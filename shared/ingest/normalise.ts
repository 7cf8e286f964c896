import { hash as digest } from 'node:crypto';
import { type Enclosure, LANGUAGES, type Language, type Resource } from '../domain/resource.js';
import { eventOfItem } from '../events/item.js';
import type { Feed } from '../library/registry.js';
import { keyHash } from '../store/keys.js';
import { findLanguage, tagText } from '../taxonomy/index.js';
import { FUTURE_TOLERANCE_MS, readFeedDate } from './dates.js';
import { type FeedLanguageSource, feedLanguageGuess, summarySourceOf } from './feed-language.js';
import { detectLanguage } from './language.js';
import type { RawEnclosure, RawFeed, RawItem } from './parse.js';
import { inferType, typeOfEnclosure } from './resource-type.js';
import { sanitizeContent } from './sanitize.js';
import {
  authorName,
  canonicalUrl,
  cutAtWord,
  identityUrl,
  itemText,
  plainText,
  withoutTrailer,
} from './text.js';

/**
 * A raw feed to Resources: identity, canonical URLs, plain-text title and summary, sanitised
 * content, dates, language, type, taxonomy tags, enclosures. Pure: the clock is passed in.
 */

export type FeedContext = Pick<
  Feed,
  'id' | 'partnerId' | 'url' | 'defaultLanguage' | 'defaultType' | 'defaultTopics' | 'defaultCountries'
>;

export interface SkippedItem {
  index: number;
  reason: string;
}

export interface Normalised {
  resources: Resource[];
  skipped: SkippedItem[];
}

export const SUMMARY_MAX = 400;
const TITLE_MAX = 300;
const LIST_MAX = 20;

/** SHA-256, base64url (the one-shot `crypto.hash`: no Hash object per call). */
const hash = (value: string) => digest('sha256', value, 'base64url');

/**
 * SHA-256 of the JSON of some small fields followed by a few long texts as they are: the texts'
 * lengths are in the JSON, so the concatenation is unambiguous, and the long texts (an item's
 * HTML) are hashed without JSON escaping them first.
 */
function hashFields(small: unknown[], long: (string | undefined)[]): string {
  let text = JSON.stringify([small, long.map((t) => t?.length ?? -1)]);
  for (const part of long) if (part) text += part;
  return hash(text);
}

/** The stable identity of an item: GUID, else Atom/JSON id, else canonical URL, else title and date. */
export function itemIdentity(item: RawItem, url: string | undefined): string | undefined {
  if (item.guid?.trim()) return `guid:${item.guid.trim()}`;
  if (item.atomId?.trim()) return `id:${item.atomId.trim()}`;
  if (url) return `url:${url}`;
  const title = plainText(item.title);
  if (title || item.published) return `hash:${hash(`${title}\u0000${item.published ?? ''}`)}`;
  return undefined;
}

/** A resource id: a digest of the feed and the item's identity (GUIDs are only unique per feed). */
export const resourceId = (feedId: string, identity: string) => keyHash(`${feedId}\u0000${identity}`);

function toLanguage(value: string | undefined): Language | undefined {
  if (!value) return undefined;
  const lang = findLanguage(value);
  return lang && LANGUAGES.includes(lang) ? lang : undefined;
}

function enclosureOf(raw: RawEnclosure, base: string): (Enclosure & { medium?: string }) | undefined {
  const url = canonicalUrl(raw.url, base);
  if (!url) return undefined;
  const length = Number(raw.length);
  const mimeType = raw.type?.trim().toLowerCase().split(';')[0] || undefined;
  return {
    url,
    ...(mimeType ? { mimeType } : {}),
    ...(Number.isFinite(length) && length > 0 ? { length: Math.floor(length) } : {}),
    ...(raw.medium ? { medium: raw.medium.toLowerCase() } : {}),
  };
}

const uniq = (values: string[]) => [...new Set(values)].slice(0, LIST_MAX);

/** The fields that make a resource "changed" when they change (not firstSeenAt, not sources). */
export function contentHashOf(r: Omit<Resource, 'contentHash'>): string {
  return hashFields(
    [
      r.url,
      r.title,
      // A fallback date is "now" on every run: it must not make the item look changed.
      r.dateFallback ? '' : r.publishedAt,
      r.updatedAt ?? '',
      r.language,
      r.type,
      r.topics,
      r.countries,
      r.authors,
      r.categories,
      r.enclosures,
      r.imageUrl ?? '',
      // Only event resources carry it: every other resource keeps the hash it had.
      ...(r.event ? [r.event] : []),
    ],
    [r.summary, r.contentHtml],
  );
}

/** Bumped when normalisation changes, so that stored resources are normalised again once. */
export const NORMALISER_VERSION = 5;

/**
 * An item identified but not yet normalised: what the writer needs to decide whether there is
 * anything to do. `fingerprint` digests everything normalisation reads (the raw item, the feed's
 * language and defaults, the normaliser's version): an unchanged fingerprint means an unchanged
 * resource, so the costly steps (sanitising, tagging, language detection) run only for new and
 * changed items.
 */
export interface Candidate {
  index: number;
  id: string;
  /** The canonical URL, as published (shown, stored). */
  url: string;
  /** The form of `url` that says which page it is (`identityUrl`): the key of the URL claim. */
  pageKey: string;
  fingerprint: string;
  item: RawItem;
}

/** A candidate and the identity its id digests (`guid:`, `id:`, `url:` or `hash:`). */
interface Identified {
  candidate: Candidate;
  identity: string;
}

function identify(
  item: RawItem,
  index: number,
  feed: FeedContext,
  raw: Pick<RawFeed, 'language'>,
): Identified | string {
  let url: string | undefined;
  for (const link of item.links) {
    url = canonicalUrl(link, item.base);
    if (url) break;
  }
  if (!url) {
    for (const e of item.enclosures) {
      const enclosure = enclosureOf(e, item.base);
      if (enclosure && typeOfEnclosure(enclosure)) {
        url = enclosure.url;
        break;
      }
    }
  }
  if (!url) return 'no http(s) link';
  const identity = itemIdentity(item, url);
  if (!identity) return 'no identity (no guid, id, link, title or date)';
  const { summary, content, contentText, ...short } = item;
  const fingerprint = hashFields(
    [
      NORMALISER_VERSION,
      raw.language ?? '',
      feed.partnerId,
      feed.defaultLanguage ?? '',
      feed.defaultType ?? '',
      feed.defaultTopics,
      feed.defaultCountries,
      short,
    ],
    [summary, content, contentText],
  );
  return {
    candidate: {
      index,
      id: resourceId(feed.id, identity),
      url,
      pageKey: identityUrl(url),
      fingerprint,
      item,
    },
    identity,
  };
}

export function identifyItem(
  item: RawItem,
  index: number,
  feed: FeedContext,
  raw: Pick<RawFeed, 'language'>,
): Candidate | string {
  const out = identify(item, index, feed, raw);
  return typeof out === 'string' ? out : out.candidate;
}

/** Normalises an identified item into a Resource. */
export function normaliseCandidate(
  candidate: Candidate,
  feed: FeedContext,
  raw: FeedLanguageSource,
  now: Date,
): Resource {
  const { item, url, id } = candidate;
  const enclosures = item.enclosures.map((e) => enclosureOf(e, item.base)).filter((e) => e !== undefined);
  const summaryText = withoutTrailer(itemText(summarySourceOf(item)));
  let title = cutAtWord(itemText(item.title), TITLE_MAX);
  if (!title) title = cutAtWord(summaryText, 100) || new URL(url).hostname + new URL(url).pathname;
  const summary = cutAtWord(summaryText, SUMMARY_MAX);
  const contentSource =
    item.content ?? (item.summary && /<[a-z]/i.test(item.summary) ? item.summary : undefined);
  const contentHtml = contentSource ? sanitizeContent(contentSource, item.base) || undefined : undefined;

  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  // The declared language decides an ambiguous numeric date (03/06/2025), never a guess.
  const dateLanguage = { language: item.language ?? raw.language ?? feed.defaultLanguage };
  const updatedDate = readFeedDate(item.updated, dateLanguage);
  const publishedDate = readFeedDate(item.published, dateLanguage) ?? updatedDate;
  const updated = updatedDate?.ms;
  const published = publishedDate?.ms;
  const usable = published !== undefined && published <= nowMs + FUTURE_TOLERANCE_MS;

  const categories = uniq(item.categories.map((c) => plainText(c)).filter(Boolean));
  const language =
    toLanguage(item.language) ??
    toLanguage(raw.language) ??
    detectLanguage(`${title}. ${summary}`) ??
    feed.defaultLanguage ??
    feedLanguageGuess(raw) ??
    'en';
  const type = inferType(enclosures, url, categories, feed.defaultType, title);
  const tags = tagText([title, summary, ...categories]);
  const images = item.images.map((i) => canonicalUrl(i, item.base)).filter((i): i is string => Boolean(i));
  const imageUrl =
    images[0] ?? enclosures.find((e) => e.medium === 'image' || e.mimeType?.startsWith('image/'))?.url;

  const resource: Omit<Resource, 'contentHash'> = {
    id,
    feedId: feed.id,
    partnerId: feed.partnerId,
    sources: [{ feedId: feed.id, partnerId: feed.partnerId }],
    url,
    title,
    summary,
    ...(contentHtml ? { contentHtml } : {}),
    publishedAt: usable ? new Date(published).toISOString() : nowIso,
    ...(updated !== undefined && updated <= nowMs + FUTURE_TOLERANCE_MS && updated !== published
      ? { updatedAt: new Date(updated).toISOString() }
      : {}),
    firstSeenAt: nowIso,
    ...(usable ? {} : { dateFallback: true }),
    ...(usable && publishedDate?.dayFirst ? { dateDayFirst: true } : {}),
    language,
    type,
    topics: uniq([...feed.defaultTopics, ...tags.topics]),
    countries: uniq([...feed.defaultCountries, ...tags.countries]),
    authors: uniq(item.authors.map(authorName).filter((a): a is string => Boolean(a))),
    categories,
    enclosures: enclosures.slice(0, 10).map(({ medium: _medium, ...e }) => e),
    ...(imageUrl ? { imageUrl } : {}),
  };
  if (type === 'event')
    resource.event = eventOfItem({
      title,
      summary,
      contentHtml,
      publishedAt: resource.publishedAt,
      extension: item.event,
    });
  return { ...resource, contentHash: contentHashOf(resource) };
}

/** Normalises one raw item, or says why it was skipped. */
export function normaliseItem(
  item: RawItem,
  feed: FeedContext,
  raw: Pick<RawFeed, 'language'>,
  now: Date,
): Resource | string {
  const candidate = identifyItem(item, 0, feed, raw);
  return typeof candidate === 'string' ? candidate : normaliseCandidate(candidate, feed, raw, now);
}

/**
 * Identifies every item of a feed. A GUID (or Atom id) that this feed gives to items with
 * different links is not an identity: the items sharing it are identified by their canonical URL
 * (SECURITY.md item 12). A later item with an id already seen in this feed is skipped.
 */
export function identifyFeed(
  raw: RawFeed,
  feed: FeedContext,
): { candidates: Candidate[]; skipped: SkippedItem[] } {
  const identified: Identified[] = [];
  const skipped: SkippedItem[] = [];
  const firstPage = new Map<string, string>();
  const reused = new Set<string>();
  raw.items.forEach((item, index) => {
    const out = identify(item, index, feed, raw);
    if (typeof out === 'string') {
      skipped.push({ index, reason: out });
      return;
    }
    identified.push(out);
    const { identity, candidate } = out;
    if (identity.startsWith('url:') || identity.startsWith('hash:')) return;
    const page = firstPage.get(identity);
    if (page === undefined) firstPage.set(identity, candidate.pageKey);
    else if (page !== candidate.pageKey) reused.add(identity);
  });
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const pages = new Map<string, number>();
  for (const { identity, candidate } of identified) {
    if (reused.has(identity)) candidate.id = resourceId(feed.id, `url:${candidate.url}`);
    const samePage = pages.get(candidate.pageKey);
    if (seen.has(candidate.id)) skipped.push({ index: candidate.index, reason: 'duplicate id in this feed' });
    else if (samePage !== undefined)
      skipped.push({ index: candidate.index, reason: `the same page as item ${samePage + 1}` });
    else {
      seen.add(candidate.id);
      pages.set(candidate.pageKey, candidate.index);
      candidates.push(candidate);
    }
  }
  skipped.sort((a, b) => a.index - b.index);
  return { candidates, skipped };
}

/** Every item of a feed, fully normalised. */
export function normaliseFeed(raw: RawFeed, feed: FeedContext, now: Date): Normalised {
  const { candidates, skipped } = identifyFeed(raw, feed);
  return { resources: candidates.map((c) => normaliseCandidate(c, feed, raw, now)), skipped };
}
