import type { EventPlace } from '../domain/event.js';
import type { Found, FoundWhen } from './extract.js';
import { placeOf } from './extract.js';
import { cityMentions, cityNamed, countryNamed, foldName, isRealDate, zoneNamed } from './zones.js';

/**
 * An event's dates, times, zone and place as an item's own text writes them, in English, Spanish,
 * Portuguese and French: "18-19 de septiembre de 2025", "Thursday 3 December 2026, 10:00-11:30
 * (Washington, D.C.)", "del 12 al 14 de marzo", "às 15h (Brasília)", "le 5 mars 2026 à 14h (heure
 * de Paris)", "September 30 – October 2, 2026". Pure.
 *
 * The first date expression in the title wins, else the first in the text; a date given as a
 * deadline ("abstracts by 31 January", "inscripciones hasta el 15 de octubre") is not the event's. A date with no year
 * takes the year that puts it on or after the publication day. Times become instants only with a
 * zone: one named right after them (in brackets, "hora de …", "heure de …", "ET", "UTC-5") or
 * implied by the place's city (`combineEvent`). A time with neither leaves the start unknown: the
 * dates are not passed off as an all-day event, since a time was given.
 */

const MONTHS: Record<string, number> = {};
const MONTH_ROWS: [number, string][] = [
  [1, 'january jan enero janeiro janvier'],
  [2, 'february feb febrero fevereiro fevrier'],
  [3, 'march mar marzo marco mars'],
  [4, 'april apr abril avril'],
  [5, 'may mayo maio mai'],
  [6, 'june jun junio junho juin'],
  [7, 'july jul julio julho juillet'],
  [8, 'august aug agosto aout'],
  [9, 'september sept sep septiembre setiembre setembro septembre'],
  [10, 'october oct octubre outubro octobre'],
  [11, 'november nov noviembre novembro novembre'],
  [12, 'december dec diciembre dezembro decembre'],
];
for (const [n, names] of MONTH_ROWS) for (const name of names.split(' ')) MONTHS[name] = n;
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|o|º|°)?';
/** Between the two days of a range. */
const TO = "\\s*(?:-|–|—|/|to|through|until|and|&|y|e|et|a|al|au|ao|hasta|ate|jusqu'?au)\\s*";
/** Between a day and its month: "18 de septiembre", "3 December", "5 mars". */
const OF = '(?:\\s+de\\s+|\\s+|\\s*,\\s*)';
/** Before a year: "de 2025", ", 2026", " 2026". */
const YEAR = '(?:(?:\\s+de\\s+|\\s+del\\s+|\\s*,\\s*|\\s+)(\\d{4}))?';

interface DateMatch {
  index: number;
  end: number;
  start: { y?: number; m: number; d: number };
  last?: { y?: number; m: number; d: number };
}

type Reader = (m: RegExpExecArray) => Omit<DateMatch, 'index' | 'end'>;

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const month = (s: string | undefined) => MONTHS[(s ?? '').replace('.', '')]!;

const PATTERNS: [RegExp, Reader][] = [
  // 30 September – 2 October 2026; del 30 de septiembre al 2 de octubre de 2026
  [
    new RegExp(`\\b${DAY}${OF}${MONTH}${YEAR}${TO}${DAY}${OF}${MONTH}${YEAR}\\b`, 'g'),
    (m) => ({
      start: { d: Number(m[1]), m: month(m[2]), y: num(m[3]) },
      last: { d: Number(m[4]), m: month(m[5]), y: num(m[6]) },
    }),
  ],
  // September 30 – October 2, 2026
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}${TO}${MONTH}\\s+${DAY}${YEAR}\\b`, 'g'),
    (m) => ({
      start: { m: month(m[1]), d: Number(m[2]) },
      last: { m: month(m[3]), d: Number(m[4]), y: num(m[5]) },
    }),
  ],
  // 18-19 de septiembre de 2025; del 12 al 14 de marzo; 3 December 2026; le 5 mars 2026
  [
    new RegExp(`\\b${DAY}(?:${TO}${DAY})?${OF}${MONTH}${YEAR}\\b`, 'g'),
    (m) => {
      const y = num(m[4]);
      const mo = month(m[3]);
      return {
        start: { d: Number(m[1]), m: mo, y },
        ...(m[2] ? { last: { d: Number(m[2]), m: mo, y } } : {}),
      };
    },
  ],
  // December 3, 2026; September 18-19, 2025; March 3–5
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}(?:${TO}${DAY})?${YEAR}\\b`, 'g'),
    (m) => {
      const y = num(m[4]);
      const mo = month(m[1]);
      return {
        start: { d: Number(m[2]), m: mo, y },
        ...(m[3] ? { last: { d: Number(m[3]), m: mo, y } } : {}),
      };
    },
  ],
];

/** The earliest date expression in folded text (the longest at one place). */
function firstDate(folded: string): DateMatch | undefined {
  let best: DateMatch | undefined;
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const found = { index: m.index, end: m.index + m[0].length, ...read(m) };
      if (!valid(found) || isDeadline(folded, m.index)) continue;
      if (!best || found.index < best.index || (found.index === best.index && found.end > best.end))
        best = found;
      break;
    }
  }
  return best;
}

/** A deadline just before a date ("Abstracts by 31 January", "inscripciones hasta el 15 de octubre"). */
const DEADLINE_NEAR =
  /\b(?:by|due|until|before|closes?|closing|no later than|hasta(?: el)?|antes del?|ate(?: o dia)?|avant le|jusqu ?au)\s*(?:the\s+|el\s+|le\s+)?$/;
const DEADLINE_FAR = /\b(?:deadline|plazo|fecha limite|cierre|prazo|data limite|date limite)\b[^.;]{0,30}$/;

function isDeadline(folded: string, index: number): boolean {
  const before = folded.slice(Math.max(0, index - 45), index).replace(/['’]/g, ' ');
  return DEADLINE_NEAR.test(before) || DEADLINE_FAR.test(before);
}

function valid(m: Omit<DateMatch, 'index' | 'end'>): boolean {
  const ok = (p: { m: number; d: number }) => p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= 31;
  return ok(m.start) && (!m.last || ok(m.last));
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Years for a match: given, else the year that puts the start on or after the publication day. */
function datesOf(match: DateMatch, published: string): { first: string; last: string } | undefined {
  const pubDay = published.slice(0, 10);
  const pubYear = Number(published.slice(0, 4));
  const { start, last } = match;
  let startYear = start.y ?? last?.y;
  if (startYear !== undefined && start.y === undefined && last && last.m < start.m) startYear -= 1;
  if (startYear === undefined) {
    startYear = pubYear;
    if (iso(pubYear, start.m, start.d) < pubDay) startYear += 1;
  }
  let lastYear = last?.y ?? startYear;
  if (last && last.y === undefined && last.m < start.m) lastYear = startYear + 1;
  const endPart = last ?? start;
  if (!isRealDate(startYear, start.m, start.d) || !isRealDate(lastYear, endPart.m, endPart.d))
    return undefined;
  const first = iso(startYear, start.m, start.d);
  const lastDay = iso(lastYear, endPart.m, endPart.d);
  if (lastDay < first) return undefined;
  return { first, last: lastDay };
}

// ---------- times and zones ----------

/** "10:00", "10h30", "15h", "3 pm", "10 a.m.", "15.30 hrs". */
const TIME =
  '(\\d{1,2})(?:(?::|h|\\.)(\\d{2})|(h)(?![a-z]))?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?|hrs?\\b|horas\\b)?';
const TIME_RE = new RegExp(
  `^[\\s,;.–—-]*(?:(?:from|at|a\\s+las|a\\s+la|as|a|a\\s+partir\\s+de|das|de|des|de\\s+las|entre|starting\\s+at|beginning\\s+at)\\s+)?${TIME}(?:\\s*(?:-|–|—|to|a|au|as|ate|hasta|y|e|until)\\s*${TIME})?`,
);

interface Clock {
  hour: number;
  minute: number;
}

function clockOf(h: string, min: string | undefined, hMark: string | undefined, suffix: string | undefined) {
  const marked = min !== undefined || hMark !== undefined || (suffix !== undefined && suffix !== '');
  if (!marked) return undefined;
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  const s = (suffix ?? '').replace(/[\s.]/g, '');
  if (s === 'pm' && hour < 12) hour += 12;
  if (s === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** Times right after a date: "10:00-11:30", "à 14h", "às 15h", "from 9 a.m. to 1 p.m.". */
function timesAfter(folded: string): { start: Clock; end?: Clock; length: number } | undefined {
  const m = TIME_RE.exec(folded);
  if (!m) return undefined;
  let start = clockOf(m[1]!, m[2], m[3], m[4]);
  let end = m[5] !== undefined ? clockOf(m[5], m[6], m[7], m[8]) : undefined;
  // "10 to 11:30 a.m.": the one am/pm mark covers both ends.
  if (!start && end && m[8]) start = clockOf(m[1]!, m[2], m[3], m[8]);
  // "2:00-4:00 p.m.": an unmarked start before a p.m. end is in the afternoon too.
  if (start && end && !m[4] && /^p/.test(m[8] ?? '') && start.hour < 12 && start.hour + 12 <= end.hour)
    start = { ...start, hour: start.hour + 12 };
  if (start && m[5] !== undefined && !end) end = clockOf(m[5], m[6], '', m[4]);
  if (!start) return undefined;
  return { start, ...(end ? { end } : {}), length: m[0].length };
}

/** Zone abbreviations only in capitals in the original ("ET", "EST"), never the word "et". */
const ABBREVIATION = /^[\s,;(]*(ET|EST|EDT|BRT|CET|CEST|UTC|GMT)(\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?\b/;

/** A zone named right after a time: "(Washington, D.C.)", "hora de Bogotá", "heure de Paris", "ET". */
function zoneAfter(original: string): string | undefined {
  const abbr = ABBREVIATION.exec(original);
  if (abbr)
    return zoneNamed(
      `${abbr[1] === 'ET' ? 'eastern' : abbr[1]}${(abbr[2] ?? '').replace('−', '-').replace(/\s+/g, '')}`,
    );
  const paren = /^[\s,;]*\(([^)]{2,60})\)/.exec(original);
  if (paren) {
    const z = zoneNamed(paren[1]!);
    if (z) return z;
  }
  const named = /^[\s,;]*(?:\(|-|–)?\s*((?:hora|horario|horário|heure|time|fuso)\b.{2,50})/i.exec(original);
  if (named) return zoneNamed(named[1]!);
  return undefined;
}

// ---------- place ----------

const ONLINE_WORDS =
  /\b(online|on-line|virtual|webinar|webinario|webinaire|seminario web|en linea|en ligne|a distancia|remoto|remote|videoconferencia|visioconference|livestream|streaming|transmision en vivo|transmissao ao vivo|en direct|zoom|microsoft teams)\b/;

/** Where a known city is written as the place: "in Bogotá", "en Lima", "à Paris", "Kingston, Jamaica". */
function placeIn(folded: string, blocked: [number, number][]): EventPlace | undefined {
  const free = (i: number) => !blocked.some(([a, b]) => i >= a && i < b);
  for (const { index: at, key, city } of cityMentions(folded)) {
    if (!free(at)) continue;
    const before = folded.slice(Math.max(0, at - 25), at);
    const after = folded.slice(at + key.length, at + key.length + 40);
    const country = /^\s*,?\s*([a-z][a-z ]{2,30}?)(?=\s*(?:[,.;:)(]|$|\d))/.exec(after);
    const countryCode = country ? countryNamed(country[1]!) : undefined;
    const prepositional = /(?:^|\s)(?:in|en|em|na|no|a|à|au|at|held in|lugar|venue|sede|local)\s*:?\s*$/.test(
      before,
    );
    // "hora de Bogotá" names a zone, not a place.
    const zoneWord = /(?:hora|horario|heure|time)\s+(?:de\s+|del\s+|d\s+)?$/.test(before);
    if (!zoneWord && (prepositional || countryCode === city.country))
      return placeOf(undefined, city.name, city.country);
  }
  return undefined;
}

/** "…, Colombia, 18-19 September", "– Lima, 22 y 23 de octubre": a city or country just before the date. */
function placeBefore(scan: string, dateIndex: number): EventPlace | undefined {
  const m = /(?:^|[,–—:-]|\s(?:in|en|em|au|a))\s*([a-z][a-z .'-]{2,30}?)\s*[,:–—-]\s*(?:[a-z]+\s+)?$/.exec(
    scan.slice(Math.max(0, dateIndex - 45), dateIndex),
  );
  if (!m) return undefined;
  const city = cityNamed(m[1]!);
  if (city) return placeOf(undefined, city.name, city.country);
  const country = countryNamed(m[1]!);
  return country ? { country } : undefined;
}

/** "Lugar: Centro de Convenciones de Lima", "Venue: …", "Lieu : …": the venue, and its city when known. */
function labelledPlace(scan: string, original: string): EventPlace | undefined {
  const m =
    /(?:^|[^a-z])(?:lugar|venue|place|location|local|lieu|sede|where|donde|onde)\s*:\s*([^\n;|]{3,160}?)(?=\s*(?:$|\n|;|\||\.\s|(?:fecha|date|data|hora|time|heure|idiomas?|languages?|langues?)\s*:))/.exec(
      scan,
    );
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1]!.length;
  const venue = original.slice(start, start + m[1]!.length).trim();
  const known = cityMentions(m[1]!).next().value?.city;
  return placeOf(venue, known?.name, known?.country);
}

/** Lower case, accents set aside, one UTF-16 unit for one (so indexes match the original). */
function scannable(original: string): string {
  const lower = [...original].map((c) => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).join('');
  return lower.length === original.length ? lower : original.toLowerCase();
}

// ---------- links ----------

const MEETING_HOSTS =
  /(?:^|\.)(zoom\.us|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|gotomeeting\.com|meet\.jit\.si|whereby\.com)$/i;
const REGISTER_WORDS =
  /\b(register|registration|sign up|rsvp|registrese|registrarse|registro|inscripcion|inscripciones|inscribase|inscribete|inscribirse|inscricao|inscricoes|inscreva|inscreva-se|inscription|inscrivez|s inscrire)\b/;

interface Link {
  href: string;
  text: string;
}

/** http(s) links of sanitised HTML with their text. */
export function linksOf(html: string | undefined): Link[] {
  if (!html) return [];
  const out: Link[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]{0,300}?)<\/a>/gi)) {
    const href = m[1]!.replace(/&amp;/g, '&');
    if (!/^https?:\/\//i.test(href)) continue;
    out.push({ href, text: m[2]!.replace(/<[^>]*>/g, ' ') });
    if (out.length >= 200) break;
  }
  return out;
}

export const isMeetingLink = (href: string) => {
  try {
    return MEETING_HOSTS.test(new URL(href).hostname);
  } catch {
    return false;
  }
};

export function registrationLink(links: Link[]): string | undefined {
  return links.find(
    (l) =>
      !isMeetingLink(l.href) &&
      (REGISTER_WORDS.test(foldName(l.text)) ||
        /\b(register|registro|inscri|eventbrite|forms\.gle)/i.test(l.href)),
  )?.href;
}

// ---------- the reader ----------

export interface TextInput {
  title: string;
  /** Plain text of the item (summary or content). */
  text: string;
  /** Sanitised HTML, for its links (meeting and registration). */
  html?: string;
  /** ISO instant: a year-less date takes the year that puts it on or after this day. */
  publishedAt: string;
}

/** What the item's own words say of the event; undefined when they say nothing. */
export function readEventText(input: TextInput): Found | undefined {
  const found: Found = {};
  const blocks = [input.title, input.text].filter(Boolean);
  let when: FoundWhen | undefined;
  let place: EventPlace | undefined;
  for (const original of blocks) {
    const scan = scannable(original);
    const date = firstDate(scan);
    const blocked: [number, number][] = [];
    // A later block may give the times of the date a title gave alone ("Seminar (14 October 2026)").
    const refine = when?.days !== undefined;
    if (date && (!when || refine)) {
      const days = datesOf(date, input.publishedAt);
      const sameDay = days && refine && days.first === when?.days?.first;
      const rest = original.slice(date.end);
      const times = timesAfter(scan.slice(date.end));
      const zone = zoneAfter(times ? rest.slice(times.length) : rest);
      // Refined only with times and their zone: the title's day is not traded for an unknown start.
      if (days && (!refine || (sameDay && times && zone))) {
        if (zone) {
          const zStart = date.end + (times?.length ?? 0);
          blocked.push([zStart, zStart + 70]);
        }
        if (times) {
          const wall = (day: string, c: Clock) => `${day}T${pad(c.hour)}:${pad(c.minute)}`;
          when = {
            start: { wall: wall(days.first, times.start) },
            ...(times.end ? { end: { wall: wall(days.last, times.end) } } : {}),
            ...(zone ? { timeZone: zone } : {}),
          };
        } else {
          when = { days, ...(zone ? { timeZone: zone } : {}) };
        }
        place ??= placeBefore(scan, date.index);
      }
    }
    place = labelledPlace(scan, original) ?? place ?? placeIn(scan, blocked);
    if (!found.online && ONLINE_WORDS.test(foldName(original))) found.online = {};
  }
  if (when) found.when = when;
  if (place) found.place = place;
  const links = linksOf(input.html);
  const meeting = links.find((l) => isMeetingLink(l.href));
  if (meeting) found.online = { url: meeting.href };
  const registration = registrationLink(links);
  if (registration) found.registrationUrl = registration;
  return Object.keys(found).length ? found : undefined;
}
