import type { Found, FoundWhen, Moment } from './extract.js';
import { schemaDate } from './jsonld.js';
import { locationOf } from './location.js';
import { isTimeZone, zoneNamed } from './zones.js';

/**
 * Event elements that feeds carry beside an item's usual fields: the RSS 1.0 event module
 * (`ev:startdate`, `ev:enddate`, `ev:location`), xCal (`xCal:dtstart`, `xCal:dtend`,
 * `xCal:location`, `xCal:tzid`), and the `<event>`-style blocks of CMS calendar feeds
 * (`<event><start_date>…</start_date><venue>…</venue></event>`, `<event:startDate>`…). The parser
 * (shared/ingest/parse.ts) collects them with `extensionFields`; `readExtension` reads them. Pure.
 */

export type ExtensionKey = 'start' | 'end' | 'location' | 'timeZone';

const NAMES: Record<string, ExtensionKey> = {};
for (const [key, names] of [
  [
    'start',
    'startdate start_date start-date startdatetime start_time starttime eventstart event_start event-start eventdate event_date dtstart begin start',
  ],
  ['end', 'enddate end_date end-date enddatetime end_time endtime eventend event_end event-end dtend end'],
  ['location', 'location venue place lieu lugar'],
  ['timeZone', 'timezone time_zone tzid tz'],
] as const)
  for (const name of names.split(' ')) NAMES[name] = key;

/** Elements that hold an event's fields as children. */
const CONTAINERS = new Set(['event', 'vevent', 'evento', 'calendar_event', 'tribe_event']);

const MAX_VALUE = 500;

/**
 * The event fields of an item node (xml2js: children under their qualified names). A bare name
 * (`<start>`) counts only inside an event container; outside one, only with a namespace prefix.
 */
export function extensionFields(
  item: unknown,
  textOf: (node: unknown) => string | undefined,
): Partial<Record<ExtensionKey, string>> | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const out: Partial<Record<ExtensionKey, string>> = {};
  const visit = (node: object, inside: boolean, depth: number) => {
    for (const [qualified, value] of Object.entries(node)) {
      if (qualified === '$' || qualified === '_') continue;
      const local = qualified.split(':').pop()!.toLowerCase();
      const children = Array.isArray(value) ? value : [value];
      if (CONTAINERS.has(local) && depth < 2) {
        for (const child of children) if (child && typeof child === 'object') visit(child, true, depth + 1);
        continue;
      }
      const key = NAMES[local];
      if (!key || out[key] || !(inside || qualified.includes(':'))) continue;
      const text = textOf(children[0])?.trim();
      if (text) out[key] = text.slice(0, MAX_VALUE);
    }
  };
  visit(item, false, 0);
  return Object.keys(out).length ? out : undefined;
}

/** xCal's basic format (20260305T140000Z), W3C-DTF / ISO 8601, or an RFC 822 date with its zone. */
function dateOf(text: string): { date: string } | Moment | undefined {
  const basic = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:\d{2})?(Z)?)?$/i.exec(text);
  if (basic) {
    const [, y, mo, d, h, mi, z] = basic;
    if (h === undefined) return { date: `${y}-${mo}-${d}` };
    return z
      ? { instant: new Date(`${y}-${mo}-${d}T${h}:${mi}:00Z`).toISOString() }
      : { wall: `${y}-${mo}-${d}T${h}:${mi}` };
  }
  const iso = schemaDate(text);
  if (iso) return iso;
  if (
    /[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|gmt|ut|utc|[ecmp][sd]t)$/i.test(
      text,
    )
  ) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return { instant: new Date(ms).toISOString() };
  }
  return undefined;
}

export function readExtension(fields: Partial<Record<ExtensionKey, string>> | undefined): Found | undefined {
  if (!fields) return undefined;
  const found: Found = {};
  const start = fields.start ? dateOf(fields.start) : undefined;
  const end = fields.end ? dateOf(fields.end) : undefined;
  const zone = fields.timeZone
    ? isTimeZone(fields.timeZone)
      ? fields.timeZone
      : zoneNamed(fields.timeZone)
    : undefined;
  if (start) {
    let when: FoundWhen;
    if ('date' in start) {
      const last = end && 'date' in end && end.date >= start.date ? end.date : start.date;
      when = { days: { first: start.date, last } };
    } else when = { start, ...(end && !('date' in end) ? { end } : {}) };
    if (zone) when.timeZone = zone;
    found.when = when;
  }
  if (fields.location) {
    if (/^https?:\/\//i.test(fields.location)) found.online = { url: fields.location };
    else {
      const place = locationOf(fields.location);
      if (place) found.place = place;
    }
  }
  return Object.keys(found).length ? found : undefined;
}
