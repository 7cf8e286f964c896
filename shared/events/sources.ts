import pLimit from 'p-limit';
import type { EventInfo, EventSource } from '../domain/event.js';
import type { Resource } from '../domain/resource.js';
import { describeError } from '../errors.js';
import { decodeFeed } from '../ingest/decode.js';
import { type FetchPolicy, fetchFeed } from '../ingest/fetcher.js';
import type { Log } from '../log.js';
import type { Clock } from '../runtime/clock.js';
import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';
import { withEvent } from './corrections.js';
import { combineEvent, type Found, type Reading, type Unread } from './extract.js';
import { readJsonLd, readMicrodata } from './jsonld.js';
import { linksOf } from './text-dates.js';

/**
 * The event data an event item links to: its iCalendar file (an enclosure, or a link in its
 * content) and its own web page (schema.org Event as JSON-LD or microdata), each fetched once with
 * the feed fetcher's protections (SSRF checks, redirects, deadline, byte cap), and cached in the
 * store by URL with the response's validators, so that reading the item again costs a 304. Only
 * event items are fetched for. A source that fails, is too large or is malformed is logged with
 * its reason and skipped: the item keeps what the feed itself said.
 */

export interface EventSourceDeps {
  policy: FetchPolicy;
  log: Log;
  clock: Clock;
  /** The cache of fetched sources; none for `feeds check`, which writes nothing. */
  store?: Store;
  /** Fetches in flight at once for one reader. */
  concurrency?: number;
}

/** An .ics is a few kilobytes; a page with its JSON-LD, rarely over a megabyte. */
const ICS_MAX_BYTES = 1024 * 1024;
const PAGE_MAX_BYTES = 2 * 1024 * 1024;

export type SourceKind = 'ics' | 'page';
type Kind = SourceKind;

interface Cached {
  url: string;
  etag?: string;
  lastModified?: string;
  /** What each reader of the source found (a page has two: JSON-LD and microdata). */
  found: Partial<Record<EventSource, Found>>;
  checkedAt: string;
}

const isIcsUrl = (url: string) => /\.ics(?:$|[?#])/i.test(url);

/** The item's iCalendar link: a `text/calendar` or `.ics` enclosure, else an `.ics` link in its content. */
export function icsLinkOf(resource: Pick<Resource, 'enclosures' | 'contentHtml'>): string | undefined {
  const enclosure = resource.enclosures.find((e) => e.mimeType === 'text/calendar' || isIcsUrl(e.url));
  if (enclosure) return enclosure.url;
  const link = linksOf(resource.contentHtml).find((l) => isIcsUrl(l.href));
  return link?.href;
}

/** A page worth reading for JSON-LD: not a document, an image or the .ics itself. */
const isPage = (url: string) =>
  !isIcsUrl(url) && !/\.(?:pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif|mp[34]|m4a)(?:$|[?#])/i.test(url);

/**
 * Names made never to resolve are not asked for: the reserved `.invalid` and `.test`, and any name
 * with an `example` label (RFC 2606's `.example` and `example.org`, and the sample feeds'
 * `www.midis.example.gob.pe`): a DNS failure per event would only fill the log.
 */
function fetchable(url: string): boolean {
  try {
    return !/(?:^|\.)example(?:\.|$)|\.(?:invalid|test)\.?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** JSON-safe (DynamoDB takes no undefined). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * What an .ics or a page says (pure): per reader, what it found, and why the others found nothing.
 * The .ics reader (with ical.js, 76 KB) is imported on the first .ics read, not when ingest loads:
 * in the Lambda bundle it is a chunk of its own (infra/bundling.ts, SPLITTING).
 */
export async function readSourceText(
  kind: Kind,
  text: string,
  url: string,
): Promise<{ found: Partial<Record<EventSource, Found>>; reasons: string[] }> {
  if (kind === 'ics') {
    const { readIcs } = await import('./ics.js');
    const ics = readIcs(text, url);
    return 'reason' in ics
      ? { found: {}, reasons: [(ics as Unread).reason] }
      : { found: { ics }, reasons: [] };
  }
  const found: Partial<Record<EventSource, Found>> = {};
  const reasons: string[] = [];
  const jsonld = readJsonLd(text);
  if ('reason' in jsonld) reasons.push((jsonld as Unread).reason);
  else found.jsonld = jsonld;
  const microdata = readMicrodata(text);
  if ('reason' in microdata) reasons.push((microdata as Unread).reason);
  else found.microdata = microdata;
  return { found, reasons };
}

/** An event read from its feed item, completed with what its .ics and page say; undefined if they say nothing. */
export function eventWithSources(
  base: EventInfo | undefined,
  found: Partial<Record<EventSource, Found>>,
): EventInfo | undefined {
  const readings: Reading[] = [
    ['ics', found.ics],
    ['jsonld', found.jsonld],
    ['microdata', found.microdata],
  ];
  if (readings.every(([, f]) => f === undefined)) return undefined;
  return combineEvent(readings, base);
}

export interface EventSourceReader {
  /** The resource with the event data of its .ics and page added (event resources only). */
  complete(resource: Resource): Promise<Resource>;
}

export function createEventSourceReader(deps: EventSourceDeps): EventSourceReader {
  const limit = pLimit(deps.concurrency ?? 4);

  async function fetchSource(
    kind: Kind,
    url: string,
    resourceId: string,
  ): Promise<Partial<Record<EventSource, Found>>> {
    const cacheKey = keys.eventSource(url);
    const cached = deps.store
      ? ((await deps.store.get(cacheKey)) as unknown as Cached | undefined)
      : undefined;
    const maxBytes = Math.min(deps.policy.maxBytes, kind === 'ics' ? ICS_MAX_BYTES : PAGE_MAX_BYTES);
    let fetched: Awaited<ReturnType<typeof fetchFeed>>;
    try {
      fetched = await fetchFeed(
        { url, etag: cached?.etag, lastModified: cached?.lastModified },
        { ...deps.policy, maxBytes },
        deps.clock,
      );
    } catch (error) {
      deps.log.warn('event source skipped', { resourceId, kind, url, reason: describeError(error) });
      return {};
    }
    if (fetched.kind === 'not_modified') return cached?.found ?? {};
    const contentType = fetched.contentType?.toLowerCase() ?? '';
    let result: Awaited<ReturnType<typeof readSourceText>>;
    if (kind === 'page' && contentType && !/html|xml/.test(contentType)) {
      result = { found: {}, reasons: [`not a web page (${contentType.split(';')[0]})`] };
    } else {
      result = await readSourceText(kind, decodeFeed(fetched.body, fetched.contentType).text, fetched.url);
    }
    if (result.reasons.length && Object.keys(result.found).length === 0)
      deps.log.info('event source has no event data', {
        resourceId,
        kind,
        url,
        reason: result.reasons.join('; '),
      });
    if (deps.store && (fetched.etag || fetched.lastModified)) {
      const entry: Cached = {
        url,
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        found: result.found,
        checkedAt: deps.clock().toISOString(),
      };
      await deps.store.put(plain({ ...cacheKey, ...entry }));
    }
    return result.found;
  }

  return {
    async complete(resource) {
      if (resource.type !== 'event') return resource;
      try {
        return await completeEvent(resource);
      } catch (error) {
        // Our side (the cache's store): the item is written with what its feed said.
        deps.log.warn('event sources not read', { resourceId: resource.id, error: describeError(error) });
        return resource;
      }
    },
  };

  async function completeEvent(resource: Resource): Promise<Resource> {
    const ics = icsLinkOf(resource);
    const page = isPage(resource.url) ? resource.url : undefined;
    const none: Partial<Record<EventSource, Found>> = {};
    const [fromIcs, fromPage] = await Promise.all([
      ics && fetchable(ics) ? limit(() => fetchSource('ics', ics, resource.id)) : none,
      page && fetchable(page) ? limit(() => fetchSource('page', page, resource.id)) : none,
    ]);
    const readings: Reading[] = [
      ['ics', fromIcs.ics],
      ['jsonld', fromPage.jsonld],
      ['microdata', fromPage.microdata],
    ];
    if (readings.every(([, f]) => f === undefined)) return resource;
    return withEvent(resource, combineEvent(readings, resource.event));
  }
}
