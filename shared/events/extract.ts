import type { EventField, EventInfo, EventPlace, EventSource } from '../domain/event.js';
import { EVENT_SOURCES } from '../domain/event.js';
import { cityNamed, isTimeZone, nextDay, wallToInstant, zoneOfCity } from './zones.js';

/**
 * What one source says of an event, before it is weighed against the others, and how the sources
 * are combined into an `EventInfo` (shared/domain/event.ts): for each group of fields, the most
 * trusted source that has it (`EVENT_SOURCES` order: admin, ics, jsonld, microdata,
 * feed-extension, text). Start, end, all-day and zone are one group, taken together from one source
 * so that a start from the .ics is never paired with an end read from the text. Pure.
 */

/** A point in time as a source gives it: an instant (it named an offset) or a wall-clock time. */
export type Moment = { instant: string } | { wall: string };

export interface FoundWhen {
  /** Dates without times: the first and last day, inclusive, `YYYY-MM-DD`. */
  days?: { first: string; last: string };
  start?: Moment;
  end?: Moment;
  /** IANA zone named by the source (a TZID, "(Brasília)"). */
  timeZone?: string;
}

export interface Found {
  when?: FoundWhen;
  place?: EventPlace;
  online?: { url?: string };
  registrationUrl?: string;
}

/** Why a source gave nothing usable (logged, never thrown). */
export interface Unread {
  reason: string;
}

const hasPlace = (p: EventPlace | undefined): p is EventPlace =>
  Boolean(p && (p.venue || p.city || p.country));

/** A place with its city's country filled in when the source gave only the city. */
export function placeOf(venue?: string, city?: string, country?: string): EventPlace | undefined {
  const known = city ? cityNamed(city) : undefined;
  const place: EventPlace = {
    ...(venue?.trim() ? { venue: venue.trim().slice(0, 200) } : {}),
    ...(city?.trim() ? { city: known?.name ?? city.trim().slice(0, 100) } : {}),
    ...((country ?? known?.country) ? { country: country ?? known?.country } : {}),
  };
  return hasPlace(place) ? place : undefined;
}

type When = Pick<EventInfo, 'startsAt' | 'endsAt' | 'timeZone' | 'allDay'>;

const instantOf = (m: Moment | undefined, zone: string | undefined) =>
  m === undefined ? undefined : 'instant' in m ? m.instant : zone ? wallToInstant(m.wall, zone) : undefined;

/**
 * A source's dates as instants. Wall-clock times need a zone: the source's own, else the one the
 * place's city implies; with neither, the times stay unknown (never read as UTC). All-day dates
 * start at midnight in the zone when one is known, else at 00:00 UTC. Times given with an offset
 * are exact already; the city's zone is still recorded as the zone they are local to.
 */
export function resolveWhen(when: FoundWhen | undefined, impliedZone: string | undefined): When | undefined {
  if (!when) return undefined;
  const zone = when.timeZone && isTimeZone(when.timeZone) ? when.timeZone : undefined;
  if (when.days) {
    const tz = zone ?? impliedZone;
    const startsAt = tz ? wallToInstant(when.days.first, tz) : `${when.days.first}T00:00:00.000Z`;
    const end = nextDay(when.days.last);
    const endsAt = tz ? wallToInstant(end, tz) : `${end}T00:00:00.000Z`;
    if (!startsAt || !endsAt) return undefined;
    return { startsAt, endsAt, allDay: true, ...(tz ? { timeZone: tz } : {}) };
  }
  // Exact instants keep the venue's zone too: it is where the times are local.
  const tz = zone ?? impliedZone;
  const startsAt = instantOf(when.start, tz);
  if (!startsAt) return undefined;
  let endsAt = instantOf(when.end, tz);
  if (endsAt && endsAt <= startsAt) endsAt = undefined;
  return { startsAt, ...(endsAt ? { endsAt } : {}), ...(tz ? { timeZone: tz } : {}) };
}

/** Sources in trust order. */
const rank = (s: EventSource) => EVENT_SOURCES.indexOf(s);

export type Reading = readonly [EventSource, Found | undefined];

/**
 * Combines what each source found, most trusted first, over `base` (an event already read from
 * less trusted sources, or corrected by an admin: its fields keep their own sources and rank).
 */
export function combineEvent(readings: readonly Reading[], base?: EventInfo): EventInfo {
  const found = readings.filter((r): r is readonly [EventSource, Found] => r[1] !== undefined);
  const sources: EventInfo['sources'] = {};
  const out: EventInfo = { sources };
  const baseRank = (field: EventField) => {
    const s = base?.sources[field];
    return s === undefined ? Number.POSITIVE_INFINITY : rank(s);
  };

  // Place first: a city found by any source can give a wall time its zone.
  const placeFrom = found.filter(([, f]) => hasPlace(f.place)).sort((a, b) => rank(a[0]) - rank(b[0]))[0];
  if (placeFrom && rank(placeFrom[0]) < baseRank('place')) {
    out.place = placeFrom[1].place;
    sources.place = placeFrom[0];
  } else if (base?.place && base.sources.place) {
    out.place = base.place;
    sources.place = base.sources.place;
  }
  const implied = zoneOfCity(out.place?.city);

  const whens = found
    .map(([source, f]) => [source, resolveWhen(f.when, implied)] as const)
    .filter((w): w is readonly [EventSource, When] => w[1] !== undefined)
    .sort((a, b) => rank(a[0]) - rank(b[0]));
  const whenFrom = whens[0];
  if (whenFrom && rank(whenFrom[0]) < baseRank('start')) {
    Object.assign(out, whenFrom[1]);
    sources.start = whenFrom[0];
    if (whenFrom[1].endsAt) sources.end = whenFrom[0];
    if (whenFrom[1].timeZone) {
      // A zone the source did not name came from the place's city.
      const own = found.find(([s]) => s === whenFrom[0])?.[1].when?.timeZone;
      sources.timeZone = own ? whenFrom[0] : (sources.place ?? whenFrom[0]);
    }
  } else if (base?.startsAt) {
    for (const key of ['startsAt', 'endsAt', 'timeZone', 'allDay'] as const)
      if (base[key] !== undefined) Object.assign(out, { [key]: base[key] });
    for (const field of ['start', 'end', 'timeZone'] as const)
      if (base.sources[field]) sources[field] = base.sources[field];
  }

  const best = <K extends 'online' | 'registrationUrl'>(
    key: K,
    field: EventField,
    prefer?: (f: Found) => boolean,
  ) => {
    const candidates = found.filter(([, f]) => f[key] !== undefined).sort((a, b) => rank(a[0]) - rank(b[0]));
    const chosen = (prefer && candidates.find(([, f]) => prefer(f))) ?? candidates[0];
    if (chosen && rank(chosen[0]) < baseRank(field)) {
      out[key] = chosen[1][key] as EventInfo[K];
      sources[field] = chosen[0];
    } else if (base?.[key] !== undefined && base.sources[field]) {
      out[key] = base[key];
      sources[field] = base.sources[field];
    }
  };
  // A meeting link from any source beats a bare "online" from a more trusted one.
  best('online', 'online', (f) => Boolean(f.online?.url));
  best('registrationUrl', 'registrationUrl');
  return out;
}

/**
 * Keeps an admin's corrections (`iaspn events set`) over a freshly read event: the fields whose
 * source is `admin` in `corrected` win, whatever the partner publishes later.
 */
export function keepCorrections(
  read: EventInfo | undefined,
  corrected: EventInfo | undefined,
): EventInfo | undefined {
  if (!corrected || !Object.values(corrected.sources).includes('admin')) return read;
  const out: EventInfo = { ...(read ?? {}), sources: { ...(read?.sources ?? {}) } };
  if (corrected.sources.start === 'admin') {
    for (const key of ['startsAt', 'endsAt', 'timeZone', 'allDay'] as const) delete out[key];
    for (const field of ['start', 'end', 'timeZone'] as const) delete out.sources[field];
    for (const key of ['startsAt', 'endsAt', 'timeZone', 'allDay'] as const)
      if (corrected[key] !== undefined) Object.assign(out, { [key]: corrected[key] });
    for (const field of ['start', 'end', 'timeZone'] as const)
      if (corrected.sources[field]) out.sources[field] = corrected.sources[field];
  }
  if (corrected.sources.place === 'admin') {
    out.place = corrected.place;
    out.sources.place = 'admin';
  }
  if (corrected.sources.online === 'admin') {
    out.online = corrected.online;
    out.sources.online = 'admin';
  }
  if (corrected.sources.registrationUrl === 'admin') {
    out.registrationUrl = corrected.registrationUrl;
    out.sources.registrationUrl = 'admin';
  }
  return out;
}
