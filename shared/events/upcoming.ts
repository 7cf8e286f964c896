import type { EventInfo } from '../domain/event.js';
import type { Resource } from '../domain/resource.js';
import type { ResourceFilter } from '../filters/filter.js';
import { getResources } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import type { SearchService } from '../search/types.js';

/**
 * What is coming up: event resources that have not yet ended, soonest first. One definition for
 * the bots' `upcoming`, `iaspn events upcoming`, the digests' section, the calendar feeds and the
 * reminders. Events are found through the search capability (`latest` with `type:event` and the
 * member's filters, keywords included: the one filter language), then read whole from the store
 * for their dates: the index keeps only what it ranks with.
 */

const DAY_MS = 86_400_000;

/** An event resource with a known start. */
export type DatedEvent = Resource & { event: EventInfo & { startsAt: string } };

export const isDated = (r: Resource): r is DatedEvent => typeof r.event?.startsAt === 'string';

/**
 * When an event is over, in epoch ms: its end; with no end, the end of its day for an all-day
 * event and its start for a timed one (nothing is guessed about how long it lasts). NaN when its
 * start is unknown.
 */
export function eventEndMs(event: Pick<EventInfo, 'startsAt' | 'endsAt' | 'allDay'> | undefined): number {
  if (!event?.startsAt) return Number.NaN;
  if (event.endsAt) return Date.parse(event.endsAt);
  const start = Date.parse(event.startsAt);
  return event.allDay ? start + DAY_MS : start;
}

/** Not yet ended at `now` (an event under way is still upcoming; one with no known start is not). */
export function isUpcoming(event: EventInfo | undefined, now: Date): boolean {
  const end = eventEndMs(event);
  return Number.isFinite(end) && end > now.getTime();
}

/** Soonest start first, then the sooner end, then by id: a stable order. */
export function bySoonest(a: DatedEvent, b: DatedEvent): number {
  const sa = Date.parse(a.event.startsAt);
  const sb = Date.parse(b.event.startsAt);
  if (sa !== sb) return sa - sb;
  const ea = eventEndMs(a.event);
  const eb = eventEndMs(b.event);
  if (ea !== eb) return ea - eb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The event resources matching a filter, whatever their dates (a calendar shows past ones too). */
export type EventCatalogue = (filter: ResourceFilter) => Promise<Resource[]>;

/** At most this many event resources are read for one question (pages of `latest`, newest first). */
export const MAX_EVENTS_READ = 2000;
const PAGE = 100;

/**
 * The catalogue over the search capability and the store: `latest` with `type:event` narrows by
 * every filter the language has (keywords, partners, since:…), newest published first; the
 * resources are then read by id for their event data.
 */
export function searchCatalogue(
  search: Pick<SearchService, 'latest'>,
  resources: (ids: string[]) => Promise<Resource[]>,
): EventCatalogue {
  return async (filter) => {
    const wanted = { ...filter, types: ['event' as const] };
    if (filter.types && filter.types.length > 0 && !filter.types.includes('event')) return [];
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search.latest(wanted, PAGE, cursor);
      ids.push(...page.hits.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor && ids.length < MAX_EVENTS_READ);
    const out: Resource[] = [];
    for (let i = 0; i < ids.length; i += PAGE) out.push(...(await resources(ids.slice(i, i + PAGE))));
    return out;
  };
}

export interface UpcomingOptions {
  now: Date;
  /** Only events starting before now + this many days. */
  withinDays?: number;
  limit?: number;
}

/** Events not yet ended at `now`, soonest first; past events and events with no known start never. */
export function selectUpcoming(events: readonly Resource[], options: UpcomingOptions): DatedEvent[] {
  const { now } = options;
  const horizon = options.withinDays === undefined ? Infinity : now.getTime() + options.withinDays * DAY_MS;
  const out = events
    .filter(isDated)
    .filter((r) => r.type === 'event' && isUpcoming(r.event, now))
    .filter((r) => Date.parse(r.event.startsAt) < horizon)
    .sort(bySoonest);
  return options.limit === undefined ? out : out.slice(0, options.limit);
}

/** The upcoming events that match a filter (the one filter language's meaning), soonest first. */
export async function upcomingEvents(
  catalogue: EventCatalogue,
  filter: ResourceFilter,
  options: UpcomingOptions,
): Promise<DatedEvent[]> {
  return selectUpcoming(await catalogue(filter), options);
}

/**
 * The upcoming events of the whole library matching a filter, from a runtime: the search snapshot
 * (loaded on first use) and the store. For jobs and endpoints that have no search service at hand.
 */
export async function upcomingFromLibrary(
  runtime: Pick<Runtime, 'store' | 'log' | 'clock' | 'config'>,
  filter: ResourceFilter,
  options: UpcomingOptions,
): Promise<DatedEvent[]> {
  const { createSearchService } = await import('../search/service.js');
  const search = createSearchService(runtime as Runtime);
  const catalogue = searchCatalogue(search, (ids) => getResources(runtime.store, ids));
  return upcomingEvents(catalogue, filter, options);
}
