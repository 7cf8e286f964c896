import type { EventInfo } from '../domain/event.js';
import type { Resource } from '../domain/resource.js';
import { RelayError } from '../errors.js';
import { contentHashOf } from '../ingest/normalise.js';
import { itemToResource, resourceToItem } from '../library/resource-store.js';
import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';
import { keepCorrections } from './extract.js';
import { isTimeZone, nextDay, wallToInstant } from './zones.js';

/**
 * An admin's correction of an event (`iaspn events set <id> --start … --end … --tz …`) and the rule
 * that keeps it: the ingest writer reads an event again whenever its feed item changes, and the
 * fields an admin set (`sources.* = 'admin'`) are carried over the new reading.
 */

export class EventCorrectionError extends RelayError {
  constructor(code: string, message: string) {
    super(`event_${code}`, message);
    this.name = 'EventCorrectionError';
  }
}

/** The resource with `event` set and its content hash to match. */
export function withEvent(resource: Resource, event: EventInfo | undefined): Resource {
  const { contentHash: _old, event: _event, ...rest } = resource;
  const next: Omit<Resource, 'contentHash'> = { ...rest, ...(event ? { event } : {}) };
  return { ...next, contentHash: contentHashOf(next) };
}

/** A freshly normalised resource with the admin's corrections of its stored version kept. */
export function withCorrections(fresh: Resource, stored: Pick<Resource, 'event'> | undefined): Resource {
  if (!stored?.event || !Object.values(stored.event.sources).includes('admin')) return fresh;
  return withEvent(fresh, keepCorrections(fresh.event, stored.event));
}

export interface EventCorrection {
  /** `2026-03-05` (all day) or `2026-03-05T14:00` (in `timeZone`), or an instant with an offset. */
  start: string;
  end?: string;
  /** IANA zone of wall times; required for them, recorded for all-day dates. */
  timeZone?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

function instant(value: string, zone: string | undefined, what: string): string {
  if (WALL.test(value)) {
    if (!zone)
      throw new EventCorrectionError(
        'no_zone',
        `--${what} ${value} has no offset: give --tz (e.g. America/Bogota)`,
      );
    const out = wallToInstant(value.slice(0, 16), zone);
    if (out) return out;
  } else {
    const ms = Date.parse(value);
    if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && !Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new EventCorrectionError(
    'bad_date',
    `--${what} ${value} is not a date (2026-03-05), a time (2026-03-05T14:00) or an instant`,
  );
}

/** The event info a correction describes, every field of the when-group marked `admin`. */
export function correctedWhen(
  correction: EventCorrection,
): Pick<EventInfo, 'startsAt' | 'endsAt' | 'timeZone' | 'allDay' | 'sources'> {
  const { start, end, timeZone } = correction;
  if (timeZone && !isTimeZone(timeZone))
    throw new EventCorrectionError(
      'bad_zone',
      `--tz ${timeZone} is not an IANA time zone (e.g. America/Sao_Paulo)`,
    );
  if (DAY.test(start)) {
    if (end && !DAY.test(end))
      throw new EventCorrectionError('bad_date', 'an all-day --start needs an all-day --end (2026-03-06)');
    const startsAt = timeZone ? wallToInstant(start, timeZone) : `${start}T00:00:00.000Z`;
    const after = nextDay(end ?? start);
    const endsAt = timeZone ? wallToInstant(after, timeZone) : `${after}T00:00:00.000Z`;
    if (!startsAt || !endsAt || (end && end < start))
      throw new EventCorrectionError('bad_date', 'the end is before the start');
    return {
      startsAt,
      endsAt,
      allDay: true,
      ...(timeZone ? { timeZone } : {}),
      sources: { start: 'admin', end: 'admin', ...(timeZone ? { timeZone: 'admin' as const } : {}) },
    };
  }
  const startsAt = instant(start, timeZone, 'start');
  const endsAt = end ? instant(end, timeZone, 'end') : undefined;
  if (endsAt && endsAt <= startsAt)
    throw new EventCorrectionError('bad_date', 'the end is not after the start');
  return {
    startsAt,
    ...(endsAt ? { endsAt } : {}),
    ...(timeZone ? { timeZone } : {}),
    sources: {
      start: 'admin',
      ...(endsAt ? { end: 'admin' as const } : {}),
      ...(timeZone ? { timeZone: 'admin' as const } : {}),
    },
  };
}

/** Sets an event resource's dates; what else was read (place, links) stays. */
export async function correctEvent(store: Store, id: string, correction: EventCorrection): Promise<Resource> {
  const item = await store.get(keys.resource(id));
  if (!item) throw new EventCorrectionError('not_found', `No resource ${id}`);
  const resource = itemToResource(item);
  if (resource.type !== 'event')
    throw new EventCorrectionError('not_an_event', `${id} is a ${resource.type}, not an event`);
  const next = withEvent(resource, keepCorrections(resource.event, correctedWhen(correction)));
  await store.put(
    { ...resourceToItem(next), sourceHash: item.sourceHash },
    { expression: 'attribute_exists(#pk)', names: { '#pk': 'pk' } },
  );
  return next;
}
