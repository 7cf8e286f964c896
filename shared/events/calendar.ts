import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { Language } from '../domain/resource.js';
import { formatEventPlace } from './format.js';
import { canonicalTimeZone } from './time-zone.js';
import { type DatedEvent, eventEndMs } from './upcoming.js';
import { offsetMinutes } from './zone-offset.js';

/**
 * Events as iCalendar (RFC 5545), written by ical-generator: the HTTP API's `/calendar.ics`
 * (every event, or those matching a filter) and `/calendar/<id>.ics` (one event). Members
 * subscribe once in Outlook or Google Calendar, so:
 *
 * - UIDs are stable: a hash of the resource id (`<32 hex>@iaspn-relay`), whatever the feed does;
 * - an all-day event is a DATE (its own days, end exclusive), never moved by a zone;
 * - a timed event given in a zone keeps it (`DTSTART;TZID=America/New_York:…`) with a VTIMEZONE
 *   for every zone used, its offsets and changes read from the runtime's zone database (Intl)
 *   over the years the events span; a timed event with no zone is in UTC;
 * - DTSTAMP is when the relay last changed the resource, so an unchanged feed is an unchanged file.
 */

export const CALENDAR_PRODUCT = { company: 'IASPN', product: 'iaspn-relay', language: 'EN' } as const;

/** The stable UID of an event resource's VEVENT. */
export const eventUid = (resourceId: string) =>
  `${createHash('sha256').update(resourceId).digest('hex').slice(0, 32)}@iaspn-relay`;

export interface CalendarOptions {
  /** X-WR-CALNAME / NAME. */
  name: string;
  /** The language of location text (country names, "online"). */
  language?: Language;
}

/** The calendar of these events, as RFC 5545 text (CRLF lines, folded at 75 octets). */
export function eventsCalendar(events: readonly DatedEvent[], options: CalendarOptions): string {
  const lang = options.language ?? 'en';
  const calendar = ical({ name: options.name, prodId: CALENDAR_PRODUCT });
  const years = yearSpan(events);
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, years.from, years.to) });
  for (const r of events) {
    const { event } = r;
    const zone = canonicalTimeZone(event.timeZone);
    const start = Temporal.Instant.from(event.startsAt);
    const endMs = eventEndMs(event);
    const hasEnd = Boolean(event.endsAt) || event.allDay;
    const common = {
      id: eventUid(r.id),
      summary: r.title,
      description: [r.summary, r.url].filter(Boolean).join('\n\n'),
      url: r.url,
      stamp: new Date(r.updatedAt ?? r.firstSeenAt),
      location: formatEventPlace(event, lang) ?? null,
    };
    if (event.allDay) {
      const days = zone ?? 'UTC';
      calendar.createEvent({
        ...common,
        allDay: true,
        start: start.toZonedDateTimeISO(days).toPlainDate(),
        end: Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(days).toPlainDate(),
      });
    } else if (zone) {
      calendar.createEvent({
        ...common,
        timezone: zone,
        start: start.toZonedDateTimeISO(zone),
        ...(hasEnd ? { end: Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(zone) } : {}),
      });
    } else {
      calendar.createEvent({
        ...common,
        start,
        ...(hasEnd ? { end: Temporal.Instant.fromEpochMilliseconds(endMs) } : {}),
      });
    }
  }
  return calendar.toString();
}

function yearSpan(events: readonly DatedEvent[]): { from: number; to: number } {
  if (events.length === 0) return { from: 1970, to: 1970 };
  const years = events.flatMap((e) => [
    new Date(e.event.startsAt).getUTCFullYear(),
    new Date(eventEndMs(e.event)).getUTCFullYear(),
  ]);
  return { from: Math.min(...years) - 1, to: Math.max(...years) + 1 };
}

// --------------------------------------------------------------------------------------------
// VTIMEZONE from the runtime's zone database: the zone's UTC offset changes between two years.

const MINUTE = 60_000;
const DAY = 86_400_000;

const hhmm = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
};

/** Local wall time of an instant at an offset, as an iCalendar DATE-TIME without zone. */
const localStamp = (ms: number, offset: number) =>
  new Date(ms + offset * MINUTE)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');

/** The instants at which the zone's offset changes in [from, to), to the minute. */
export function offsetChanges(
  zone: string,
  fromMs: number,
  toMs: number,
): { at: number; from: number; to: number }[] {
  const changes: { at: number; from: number; to: number }[] = [];
  let before = offsetMinutes(zone, fromMs);
  for (let t = fromMs; t < toMs; t += DAY) {
    const next = Math.min(t + DAY, toMs);
    const after = offsetMinutes(zone, next);
    if (after === before) continue;
    // The change is in (t, next]: bisect to the minute.
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
      if (offsetMinutes(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: before, to: after });
    before = after;
  }
  return changes;
}

const vtimezones = new Map<string, string>();

/** A VTIMEZONE for the zone over [fromYear, toYear]: its offset at the start, then every change. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone} ${fromYear} ${toYear}`;
  const cached = vtimezones.get(key);
  if (cached) return cached;
  const fromMs = Date.UTC(fromYear, 0, 1);
  const toMs = Date.UTC(toYear + 1, 0, 1);
  const initial = offsetMinutes(zone, fromMs);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const part = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(at, from)}`,
      `TZOFFSETFROM:${hhmm(from)}`,
      `TZOFFSETTO:${hhmm(to)}`,
      `END:${kind}`,
    );
  part('STANDARD', fromMs, initial, initial);
  for (const change of offsetChanges(zone, fromMs, toMs))
    part(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', change.at, change.from, change.to);
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  if (vtimezones.size > 500) vtimezones.clear();
  vtimezones.set(key, text);
  return text;
}
