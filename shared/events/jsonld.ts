import type { EventPlace } from '../domain/event.js';
import type { Found, FoundWhen, Moment, Unread } from './extract.js';
import { placeOf } from './extract.js';
import { countryNamed } from './zones.js';

/**
 * A schema.org `Event` on an event's web page: JSON-LD (`<script type="application/ld+json">`,
 * `@graph` and arrays included, any Event subtype) first, else microdata (`itemtype=…/Event` with
 * `itemprop="startDate"`…). Dates with an offset are instants; dates without one are wall times
 * (a zone may come from the location's city); a date alone is an all-day date. Pure and bounded:
 * at most a few blocks of bounded size are parsed, and a malformed block is a reason, not a throw.
 */

const MAX_BLOCKS = 20;
const MAX_BLOCK_CHARS = 256 * 1024;
const MAX_NODES = 2000;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function types(node: Json): string[] {
  return list(node['@type'])
    .map(str)
    .filter((t): t is string => Boolean(t))
    .map((t) => t.replace(/^https?:\/\/schema\.org\//, '').replace(/^schema:/, ''));
}

/** Event and its subtypes (EducationEvent, BusinessEvent, Festival, Hackathon…). */
const isEvent = (node: Json) => types(node).some((t) => /Event$|^Festival$|^Hackathon$/.test(t));

/** Every Event node of a JSON-LD value, breadth first, bounded. */
function eventNodes(root: unknown): Json[] {
  const out: Json[] = [];
  const queue: unknown[] = [root];
  let seen = 0;
  while (queue.length && seen < MAX_NODES) {
    const node = queue.shift();
    seen += 1;
    if (Array.isArray(node)) queue.push(...node);
    else if (isObject(node)) {
      if (isEvent(node)) out.push(node);
      else
        for (const key of ['@graph', 'mainEntity', 'subEvent', 'itemListElement', 'item'])
          queue.push(node[key]);
    }
  }
  return out;
}

const DATE = /^(\d{4}-\d{2}-\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A schema.org Date or DateTime: an all-day date, an instant (with an offset) or a wall time. */
export function schemaDate(value: unknown): { date: string } | Moment | undefined {
  const text = str(value);
  if (!text) return undefined;
  const d = DATE.exec(text);
  if (d) return { date: d[1]! };
  const dt = DATE_TIME.exec(text);
  if (!dt) return undefined;
  if (!dt[3]) return { wall: `${dt[1]}T${dt[2]}` };
  const offset = dt[3].toUpperCase() === 'Z' ? 'Z' : dt[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${dt[1]}T${dt[2]}:00${offset}`);
  return Number.isNaN(ms) ? undefined : { instant: new Date(ms).toISOString() };
}

export function whenFrom(startValue: unknown, endValue: unknown, timeZone?: string): FoundWhen | undefined {
  const start = schemaDate(startValue);
  if (!start) return undefined;
  const end = schemaDate(endValue);
  if ('date' in start) {
    const last = end && 'date' in end && end.date >= start.date ? end.date : start.date;
    return { days: { first: start.date, last } };
  }
  return {
    start,
    ...(end && !('date' in end) ? { end } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

function addressOf(value: unknown): { city?: string; country?: string } {
  if (typeof value === 'string') return {};
  if (!isObject(value)) return {};
  const countryValue = value.addressCountry;
  const countryText = isObject(countryValue) ? str(countryValue.name) : str(countryValue);
  return {
    city: str(value.addressLocality),
    country: countryText ? countryNamed(countryText) : undefined,
  };
}

function locationOf(value: unknown, found: Found): void {
  for (const loc of list(value)) {
    if (typeof loc === 'string') {
      found.place ??= placeOf(loc);
      continue;
    }
    if (!isObject(loc)) continue;
    if (types(loc).includes('VirtualLocation')) {
      const url = str(loc.url);
      found.online = url && /^https?:\/\//i.test(url) ? { url } : (found.online ?? {});
      continue;
    }
    const { city, country } = addressOf(loc.address);
    const place: EventPlace | undefined = placeOf(str(loc.name), city, country);
    if (place) found.place ??= place;
  }
}

function readEventNode(node: Json): Found {
  const found: Found = {};
  const when = whenFrom(node.startDate, node.endDate);
  if (when) found.when = when;
  locationOf(node.location, found);
  const mode = str(node.eventAttendanceMode) ?? '';
  if (/Online|Mixed/i.test(mode)) found.online ??= {};
  for (const offer of list(node.offers)) {
    const url = isObject(offer) ? str(offer.url) : undefined;
    if (url && /^https?:\/\//i.test(url)) {
      found.registrationUrl = url;
      break;
    }
  }
  return found;
}

/** JSON-LD blocks of a page. */
function jsonLdBlocks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(
    /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi,
  )) {
    out.push(m[1]!);
    if (out.length >= MAX_BLOCKS) break;
  }
  return out;
}

/** The page's first schema.org Event in JSON-LD, or why there is none. */
export function readJsonLd(html: string): Found | Unread {
  const blocks = jsonLdBlocks(html);
  if (blocks.length === 0) return { reason: 'no JSON-LD on the page' };
  const problems: string[] = [];
  for (const block of blocks) {
    if (block.length > MAX_BLOCK_CHARS) {
      problems.push(`a JSON-LD block of ${block.length} characters (more than ${MAX_BLOCK_CHARS}) skipped`);
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(block.replace(/^\s*<!--|-->\s*$/g, ''));
    } catch (error) {
      problems.push(`malformed JSON-LD: ${String((error as Error).message).slice(0, 120)}`);
      continue;
    }
    const event = eventNodes(doc)[0];
    if (event) {
      const found = readEventNode(event);
      if (Object.keys(found).length) return found;
      problems.push('a JSON-LD Event with no date, place or link');
    }
  }
  return { reason: problems.join('; ') || 'no schema.org Event in the JSON-LD' };
}

/** The value of an `itemprop` element: its content/datetime/href attribute, else its text. */
function itemprop(html: string, name: string): string | undefined {
  const re = new RegExp(
    `<([a-z0-9]+)\\b[^>]*\\bitemprop\\s*=\\s*["'][^"']*\\b${name}\\b[^"']*["'][^>]*>`,
    'i',
  );
  const m = re.exec(html);
  if (!m) return undefined;
  const tag = m[0];
  const attr = /\b(?:content|datetime|href)\s*=\s*["']([^"']*)["']/i.exec(tag);
  if (attr) return attr[1]!.trim() || undefined;
  const text = html.slice(m.index + tag.length, m.index + tag.length + 300);
  return text.split('<')[0]!.replace(/\s+/g, ' ').trim() || undefined;
}

/** A schema.org Event in microdata, or why there is none. */
export function readMicrodata(html: string): Found | Unread {
  const at = html.search(/itemtype\s*=\s*["']https?:\/\/schema\.org\/\w*Event["']/i);
  if (at < 0) return { reason: 'no schema.org Event microdata on the page' };
  const scope = html.slice(at, at + 64 * 1024);
  const found: Found = {};
  const when = whenFrom(itemprop(scope, 'startDate'), itemprop(scope, 'endDate'));
  if (when) found.when = when;
  const country = itemprop(scope, 'addressCountry');
  const place = placeOf(
    undefined,
    itemprop(scope, 'addressLocality'),
    country ? countryNamed(country) : undefined,
  );
  if (place) found.place = place;
  return Object.keys(found).length ? found : { reason: 'microdata Event with no readable date or place' };
}
