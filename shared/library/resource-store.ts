import type { Resource } from '../domain/resource.js';
import { RelayError } from '../errors.js';
import { matchesFilter, type ResourceFilter } from '../filters/filter.js';
import { collections, keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';
import { KEY_ATTRIBUTES } from '../store/table.js';

/**
 * The library's resources over the single table (shared/store/DATA-MODEL.md):
 *
 * - `RES#<id>` / `RES`, the resource itself;
 * - gsi1 `RESDATE#<yyyy-mm>` / `<publishedAt>#<id>`: latest by publication date, month by month;
 * - gsi2 `FEEDRES#<feedId>` / `<publishedAt>#<id>`: the resources a feed brought first;
 * - gsi3 `SEEN#<yyyy-mm-dd>` / `<firstSeenAt>#<id>`: what is new since a cursor (digests,
 *   announcements, search freshness). `firstSeenAt` never changes, so an updated resource is not
 *   "new" again.
 *
 * A resource that arrives through a second feed keeps its first feed's gsi2 entry and lists both
 * feeds in `sources`.
 */

export type ResourceItem = Item &
  Resource & {
    gsi1pk: string;
    gsi1sk: string;
    gsi2pk: string;
    gsi2sk: string;
    gsi3pk: string;
    gsi3sk: string;
  };

/**
 * Attributes that belong to the table, not to the resource. `sourceHash` is the ingest writer's
 * fingerprint of the feed item the resource was normalised from.
 */
const NOT_RESOURCE_ATTRIBUTES = [...KEY_ATTRIBUTES, 'sourceHash'];

/** The index sort key shared by the date and feed collections. */
export const publishedSortKey = (resource: Pick<Resource, 'publishedAt' | 'id'>) =>
  `${resource.publishedAt}#${resource.id}`;

export function resourceToItem(resource: Resource): ResourceItem {
  return {
    ...resource,
    ...keys.resource(resource.id),
    gsi1pk: collections.resourcesByMonth(resource.publishedAt),
    gsi1sk: publishedSortKey(resource),
    gsi2pk: collections.resourcesOfFeed(resource.feedId),
    gsi2sk: publishedSortKey(resource),
    gsi3pk: collections.resourcesSeenOn(resource.firstSeenAt),
    gsi3sk: `${resource.firstSeenAt}#${resource.id}`,
  };
}

export function itemToResource(item: Record<string, unknown>): Resource {
  const out: Record<string, unknown> = { ...item };
  for (const attr of NOT_RESOURCE_ATTRIBUTES) delete out[attr];
  const resource = out as unknown as Resource;
  // Older or hand-written items may lack the list fields; readers can rely on them.
  resource.sources ??= [{ feedId: resource.feedId, partnerId: resource.partnerId }];
  resource.topics ??= [];
  resource.countries ??= [];
  resource.authors ??= [];
  resource.categories ??= [];
  resource.enclosures ??= [];
  return resource;
}

export async function getResource(store: Store, id: string): Promise<Resource | undefined> {
  const item = await store.get(keys.resource(id));
  return item ? itemToResource(item) : undefined;
}

/** Many resources by id (BatchGetItem, 100 a request), in the order asked; missing ids are left out. */
export async function getResources(store: Store, ids: readonly string[]): Promise<Resource[]> {
  if (ids.length === 0) return [];
  const items = await store.batchGet(ids.map((id) => keys.resource(id)));
  const byId = new Map(items.map((item) => [String(item.pk), itemToResource(item)]));
  return ids.flatMap((id) => {
    const found = byId.get(keys.resource(id).pk);
    return found ? [found] : [];
  });
}

const DAY_MS = 86_400_000;

/** The UTC days from `since` to `until` (inclusive), as yyyy-mm-dd. */
function daysBetween(sinceIso: string, untilIso: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${sinceIso.slice(0, 10)}T00:00:00.000Z`);
  const end = Date.parse(`${untilIso.slice(0, 10)}T00:00:00.000Z`);
  for (let t = start; t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** At most this many day partitions are walked in one call (about 13 months). */
export const MAX_SEEN_DAYS = 400;

function assertIso(value: string, name: string): void {
  if (Number.isNaN(Date.parse(value)))
    throw new RelayError('invalid_argument', `${name} is not a date: ${value}`);
}

/**
 * Resources first seen in [since, until), oldest first, one day partition of gsi3 after another.
 * `until` defaults to now. This is the seam for announcements and digests: whatever ingest stored
 * is found here by its first-seen time, so nothing new is lost if a later step fails.
 */
export async function* iterateResourcesSeenSince(
  store: Store,
  sinceIso: string,
  untilIso: string = new Date().toISOString(),
): AsyncGenerator<Resource> {
  assertIso(sinceIso, 'since');
  assertIso(untilIso, 'until');
  if (untilIso <= sinceIso) return;
  const days = daysBetween(sinceIso, untilIso);
  if (days.length > MAX_SEEN_DAYS) {
    throw new RelayError('invalid_argument', `Cannot list more than ${MAX_SEEN_DAYS} days at once`);
  }
  for (const day of days) {
    let cursor: string | undefined;
    do {
      const page = await store.query<ResourceItem>({
        index: 'byTime',
        partition: collections.resourcesSeenOn(day),
        // Sort keys are `<firstSeenAt>#<id>`: at least `since`, and strictly before `until`.
        sortAtLeast: sinceIso,
        sortAtMost: untilIso,
        cursor,
      });
      for (const item of page.items) if (item.gsi3sk < untilIso) yield itemToResource(item);
      cursor = page.cursor;
    } while (cursor);
  }
}

export async function listResourcesSeenSince(
  store: Store,
  sinceIso: string,
  untilIso?: string,
): Promise<Resource[]> {
  const out: Resource[] = [];
  for await (const resource of iterateResourcesSeenSince(store, sinceIso, untilIso)) out.push(resource);
  return out;
}

export interface LatestOptions {
  limit: number;
  /** From a previous page's `cursor`. */
  cursor?: string;
  filter?: ResourceFilter;
  /** The month to start from (defaults to now): publication dates are never in the future. */
  now?: string;
  /** How many months back to walk at most. @default 120 */
  maxMonths?: number;
}

export interface LatestPage {
  resources: Resource[];
  /** Present when there may be more: pass it back for the next page. */
  cursor?: string;
}

interface LatestCursor {
  /** Month partition (yyyy-mm) being read. */
  m: string;
  /** Exclusive upper bound of the sort key in that month. */
  b?: string;
  /** Months walked so far. */
  n: number;
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

function decodeLatestCursor(cursor: string): LatestCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as LatestCursor;
    if (!/^\d{4}-\d{2}$/.test(parsed.m) || typeof parsed.n !== 'number') throw new Error('shape');
    return parsed;
  } catch (cause) {
    throw new RelayError('invalid_argument', 'That page cursor is not valid', { cause });
  }
}

const encodeLatestCursor = (c: LatestCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * The newest resources by publication date, walking the month partitions of gsi1 newest first,
 * optionally narrowed by a filter (applied as read, with the shared filter semantics).
 */
export async function latestResources(store: Store, options: LatestOptions): Promise<LatestPage> {
  const limit = Math.max(1, Math.floor(options.limit));
  const maxMonths = options.maxMonths ?? 120;
  let state: LatestCursor = options.cursor
    ? decodeLatestCursor(options.cursor)
    : { m: (options.now ?? new Date().toISOString()).slice(0, 7), n: 0 };
  const resources: Resource[] = [];
  const pageSize = options.filter ? 100 : undefined;
  while (state.n < maxMonths) {
    const page = await store.query<ResourceItem>({
      index: 'byCollection',
      partition: collections.resourcesByMonth(state.m),
      sortAtMost: state.b,
      newestFirst: true,
      limit: pageSize ?? limit - resources.length + (state.b ? 1 : 0),
    });
    let last: string | undefined;
    for (const item of page.items) {
      if (state.b !== undefined && item.gsi1sk >= state.b) continue;
      last = item.gsi1sk;
      const resource = itemToResource(item);
      if (!options.filter || matchesFilter(resource, options.filter)) resources.push(resource);
      if (resources.length >= limit) {
        return { resources, cursor: encodeLatestCursor({ m: state.m, b: last, n: state.n }) };
      }
    }
    if (page.cursor && last !== undefined) {
      state = { m: state.m, b: last, n: state.n };
    } else {
      state = { m: previousMonth(state.m), n: state.n + 1 };
    }
  }
  return { resources };
}

/**
 * Every resource in the library, page by page (for building the search index). A scan of the
 * table that yields only resource items; memory stays at one page.
 */
export async function* listAllResources(store: Store): AsyncGenerator<Resource> {
  for await (const item of store.scan()) {
    if (item.sk === 'RES' && String(item.pk).startsWith('RES#')) yield itemToResource(item);
  }
}

/** The resources a feed brought first, newest first. */
export async function resourcesOfFeed(
  store: Store,
  feedId: string,
  options: { limit?: number } = {},
): Promise<Resource[]> {
  const items = await store.queryAll<ResourceItem>({
    index: 'byParent',
    partition: collections.resourcesOfFeed(feedId),
    newestFirst: true,
    limit: options.limit,
  });
  return items.map(itemToResource);
}
