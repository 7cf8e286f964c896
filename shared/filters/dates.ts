import { offsetMinutes } from '../events/zone-offset.js';

/**
 * What a date typed after `since:` / `desde:` / `before:` / `antes:` means, in English and Spanish,
 * as members write it: `2025`, `2025-06`, `15/03/2026` (day first, as the region writes it;
 * `03/15/2026` month first, as no month 15 exists),
 * `marzo de 2025`, `March 15, 2026`, `ayer`, `last week`, `el mes pasado`, `este año`,
 * `hace 2 semanas`, `3 months`, `7d`. Pure; UTC, or the member's zone when given; a week starts on Monday. A span
 * ("hace 2 semanas", "7d") counts back from now to the instant; a named day, month, week or year
 * starts at its first midnight. chrono-node (2.10.3, December 2026) was measured against these
 * forms first: its Spanish parser read "hace 1 año" as 1 a.m. today and missed "hace 2 semanas",
 * "la semana pasada", "el mes pasado", "este año" and "2025"; its English one missed "3 months",
 * "2025-06" and "2025"; so the grammar is ours, and small.
 */

export type DateReading =
  /**
   * `iso`: where it starts; `end`: where what was named ends (`ayer`: today's midnight; `2025`:
   * 2026-01-01; a span or an instant ends where it starts). `hasta:ayer` reads through yesterday.
   */
  | {
      ok: true;
      iso: string;
      end: string;
      /** Said when two numbers could be read either way: how they were (the caller tells the member). */
      order?: DateOrder;
      /** With `day-first`: where the month-first reading would have started (the note's suggestion). */
      other?: string;
    }
  /** `unknown`: no date form; `impossible`: a form, but no such day (2026-02-30); `future`: to come. */
  | { ok: false; reason: 'unknown' | 'impossible' | 'future' };

export interface ReadDateOptions {
  /** Accept a date still to come (an end bound, `before:2027`); `since:` looks back and refuses it. */
  future?: boolean;
  /**
   * The member's IANA zone (`tz America/Lima`): a named day, week, month or year starts at its
   * midnight there (`hoy` at 21:00 in Lima is Lima's today). Without it, UTC.
   */
  timeZone?: string;
}

const DAY_MS = 86_400_000;

const MONTHS: Record<string, number> = {};
for (const [n, names] of [
  [1, 'january jan enero ene'],
  [2, 'february feb febrero'],
  [3, 'march mar marzo'],
  [4, 'april apr abril abr'],
  [5, 'may mayo'],
  [6, 'june jun junio'],
  [7, 'july jul julio'],
  [8, 'august aug agosto ago'],
  [9, 'september sept sep septiembre setiembre set'],
  [10, 'october oct octubre'],
  [11, 'november nov noviembre'],
  [12, 'december dec diciembre dic'],
] as const)
  for (const name of names.split(' ')) MONTHS[name] = n;

// biome-ignore format: a table
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, un: 1, una: 1, uno: 1,
  two: 2, dos: 2, three: 3, tres: 3, four: 4, cuatro: 4, five: 5, cinco: 5, six: 6, seis: 6,
  seven: 7, siete: 7, eight: 8, ocho: 8, nine: 9, nueve: 9, ten: 10, diez: 10,
  eleven: 11, once: 11, twelve: 12, doce: 12,
};

type Unit = 'day' | 'week' | 'month' | 'year';
const UNITS: Record<string, Unit> = {};
for (const [unit, names] of [
  ['day', 'd day days dia dias'],
  ['week', 'w wk wks week weeks semana semanas'],
  ['month', 'm mo month months mes meses'],
  ['year', 'y yr yrs year years ano anos anio anios'],
] as const)
  for (const name of names.split(' ')) UNITS[name] = unit;

/** Words that only ever belong to a date phrase ("hace", "pasada"): the scanner reads on over them. */
const DATE_WORDS = new Set(
  'hace ago atras back last past this the ultimo ultima ultimos ultimas los las el la este esta pasado pasada de del of in en'.split(
    ' ',
  ),
);

/** Days back from today; tomorrow is read, to be refused as a start still to come. */
const NAMED_DAYS: Record<string, number> = {
  manana: -1,
  tomorrow: -1,
  hoy: 0,
  today: 0,
  ayer: 1,
  yesterday: 1,
  anteayer: 2,
  antier: 2,
};

/** Lower case, accents off, commas as spaces, one space between words. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a word can be part of a date phrase: the scanner takes it with the date before it. */
export function isDateWord(word: string): boolean {
  const w = normalise(word).replace(/\.$/, '');
  return (
    /^\d{1,4}$/.test(w) ||
    w in MONTHS ||
    w in NUMBERS ||
    w in UNITS ||
    w in NAMED_DAYS ||
    DATE_WORDS.has(w) ||
    /^(semana|mes|ano|week|month|year)s?$/.test(w)
  );
}

const midnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A calendar day, or nothing when it does not exist (February 30th, month 13). */
function calendarDay(y: number, m: number, d: number): Date | undefined {
  const date = midnight(y, m, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date
    : undefined;
}

/** `now` moved back by `amount` units; a month back from March 31st is the last day of February. */
function back(now: Date, amount: number, unit: Unit): Date {
  if (unit === 'day') return new Date(now.getTime() - amount * DAY_MS);
  if (unit === 'week') return new Date(now.getTime() - amount * 7 * DAY_MS);
  const months = unit === 'month' ? amount : amount * 12;
  const target = new Date(now.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/** The start of the calendar week, month or year `offset` periods before the one holding now. */
function periodStart(now: Date, unit: Exclude<Unit, 'day'>, offset: number): Date {
  const [y, m, d] = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
  if (unit === 'year') return midnight(y - offset, 1, 1);
  if (unit === 'month') return midnight(y, m - offset, 1);
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return midnight(y, m, d - sinceMonday - 7 * offset);
}

const year = (text: string) => {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
};

/** A day, month or year named without a year: the last one that has begun. */
function lastBegun(now: Date, m: number, d: number | undefined): Date | undefined {
  const y = now.getUTCFullYear();
  const day = (yy: number) => (d === undefined ? midnight(yy, m, 1) : calendarDay(yy, m, d));
  const thisYear = day(y);
  if (thisYear && thisYear.getTime() <= now.getTime()) return thisYear;
  // February 29th named in a common year: the last leap year's.
  for (let yy = y - 1; yy >= y - 8; yy--) {
    const earlier = day(yy);
    if (earlier) return earlier;
  }
  return undefined;
}

/**
 * How a date of two numbers was read when that is worth saying: `month-first` when the day-first
 * reading names no day (03/15/2026); `day-first` when both readings name a day (03/04/2026).
 */
export type DateOrder = 'day-first' | 'month-first';

/** Where a date starts, and the calendar period it names (none for a span back from now or an instant). */
type Found = { at: Date; unit?: Unit; order?: DateOrder; other?: Date } | 'impossible' | undefined;

const whole = (at: Date | undefined, unit: Unit): Found => (at ? { at, unit } : undefined);

/** The end of what was named: the start of the next day, week, month or year. */
function endOf(found: { at: Date; unit?: Unit }): Date {
  const end = new Date(found.at.getTime());
  if (found.unit === 'day') end.setUTCDate(end.getUTCDate() + 1);
  else if (found.unit === 'week') end.setUTCDate(end.getUTCDate() + 7);
  else if (found.unit === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else if (found.unit === 'year') end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

const SPAN =
  /^(?:(?:en )?(?:los |las |the )?(?:ultimos|ultimas|ultimo|ultima|last|past) |hace )?(\d{1,4}|[a-z]+) ([a-z]+)(?: (?:ago|atras|back))?$/;
const RELATIVE =
  /^(?:(?:la|el|this|last|este|esta|past) )?(semana|mes|ano|week|month|year)(?: (pasad[oa]))?$/;
const MONTH_NAME = '([a-z]+)\\.?';
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2}) (?:de )?${MONTH_NAME}(?: (?:de |del |of )?(\\d{4}))?$`);
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?$`);
const MONTH_YEAR = new RegExp(`^${MONTH_NAME}(?: (?:de |del |of )?(\\d{4}))?$`);

function readWords(v: string, now: Date): Found {
  if (v in NAMED_DAYS)
    return whole(
      midnight(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate() - (NAMED_DAYS[v] as number)),
      'day',
    );
  const span = SPAN.exec(v);
  if (span) {
    const amount = /^\d/.test(span[1]!) ? Number(span[1]) : NUMBERS[span[1]!];
    const unit = UNITS[span[2]!];
    // "hace 1 año", "3 months", "last 2 weeks" are spans; "last week", "este año" calendar periods (below).
    if (amount !== undefined && unit) return { at: back(now, amount, unit) };
  }
  const relative = RELATIVE.exec(v);
  if (relative) {
    const unit = UNITS[relative[1]!] as Exclude<Unit, 'day'>;
    const first = v.split(' ')[0]!;
    const previous = relative[2] !== undefined || first === 'last';
    if (first === 'past') return { at: back(now, 1, unit) };
    if (previous || ['this', 'este', 'esta'].includes(first))
      return whole(periodStart(now, unit, previous ? 1 : 0), unit);
    // "la última semana", "el último mes": the span of one.
  }
  const lastOne = /^(?:(?:la|el) )?(?:ultima|ultimo) (semana|mes|ano)$/.exec(v);
  if (lastOne) return { at: back(now, 1, UNITS[lastOne[1]!] as Unit) };
  const dmy = DAY_MONTH_YEAR.exec(v);
  if (dmy && dmy[2]! in MONTHS) return dayOf(now, dmy[3], MONTHS[dmy[2]!]!, Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(v);
  if (mdy && mdy[1]! in MONTHS) return dayOf(now, mdy[3], MONTHS[mdy[1]!]!, Number(mdy[2]));
  const my = MONTH_YEAR.exec(v);
  if (my && my[1]! in MONTHS)
    return whole(
      my[2] ? midnight(Number(my[2]), MONTHS[my[1]!]!, 1) : lastBegun(now, MONTHS[my[1]!]!, undefined),
      'month',
    );
  return undefined;
}

function dayOf(now: Date, y: string | undefined, m: number, d: number): Found {
  if (y !== undefined) return whole(calendarDay(Number(y), m, d), 'day') ?? 'impossible';
  return (d >= 1 && d <= 31 && whole(lastBegun(now, m, d), 'day')) || 'impossible';
}

function readNumbers(v: string, now: Date): Found {
  const compact = /^(\d{1,4})([dwmy])$/.exec(v);
  if (compact) return { at: back(now, Number(compact[1]), UNITS[compact[2]!] as Unit) };
  // Year first: 2025, 2025-06, 2025-06-15, 2025/06/15.
  const iso = /^(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[3] ?? 1), Number(iso[4] ?? 1)];
    return whole(calendarDay(y, m, d), iso[4] ? 'day' : iso[3] ? 'month' : 'year') ?? 'impossible';
  }
  // Day first: 15/03/2026, 15-03-2026, 15.03.2026, 5/3/26; 15/03 (the last one begun); 03/2026.
  // Month first (03/15/2026) only when day first names no day; a date both allow stays day first.
  const dmy = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(v);
  if (dmy) {
    const [first, second] = [Number(dmy[1]), Number(dmy[3])];
    const day = (d: number, m: number) =>
      dmy[4] === undefined
        ? m >= 1 && m <= 12 && d >= 1 && d <= 31
          ? lastBegun(now, m, d)
          : undefined
        : calendarDay(year(dmy[4]), m, d);
    const [dayFirst, monthFirst] = [day(first, second), first === second ? undefined : day(second, first)];
    if (dayFirst)
      return { at: dayFirst, unit: 'day', ...(monthFirst ? { order: 'day-first', other: monthFirst } : {}) };
    return monthFirst ? { at: monthFirst, unit: 'day', order: 'month-first' } : 'impossible';
  }
  const monthYear = /^(\d{1,2})[-/](\d{4})$/.exec(v);
  if (monthYear)
    return whole(calendarDay(Number(monthYear[2]), Number(monthYear[1]), 1), 'month') ?? 'impossible';
  return undefined;
}

/**
 * A typed date to the instant it starts at, or why it is refused. The grammar runs on the member's
 * wall clock (now moved by the zone's offset, as if it were UTC); what it finds is moved back by the
 * offset in force at that wall time, so a day starts at its own midnight across clock changes.
 */
export function readDate(text: string, now: Date, options: ReadDateOptions = {}): DateReading {
  const trimmed = text.trim();
  const zone = options.timeZone && options.timeZone !== 'UTC' ? options.timeZone : undefined;
  // A full timestamp, with its own zone: 2024-05-01T10:00:00-03:00.
  if (/^\d{4}-\d{2}-\d{2}t/i.test(trimmed)) {
    const parsed = new Date(trimmed);
    return Number.isNaN(parsed.getTime())
      ? { ok: false, reason: 'impossible' }
      : accept({ at: parsed }, now, options, (d) => d);
  }
  const v = normalise(trimmed);
  if (v === '') return { ok: false, reason: 'unknown' };
  const wall = zone ? new Date(now.getTime() + offsetMinutes(zone, now.getTime()) * MINUTE_MS) : now;
  const found = readNumbers(v, wall) ?? readWords(v, wall);
  if (found === undefined) return { ok: false, reason: 'unknown' };
  if (found === 'impossible') return { ok: false, reason: 'impossible' };
  return accept(found, wall, options, zone ? (d) => fromWallTime(d, zone) : (d) => d);
}

const MINUTE_MS = 60_000;

/** The instant a zone's clock shows a wall time (held as UTC fields); the later one across a change. */
function fromWallTime(wall: Date, zone: string): Date {
  const guess = wall.getTime() - offsetMinutes(zone, wall.getTime()) * MINUTE_MS;
  return new Date(wall.getTime() - offsetMinutes(zone, guess) * MINUTE_MS);
}

function accept(
  found: Exclude<Found, 'impossible' | undefined>,
  now: Date,
  options: ReadDateOptions,
  instant: (wall: Date) => Date,
): DateReading {
  if (!options.future && found.at.getTime() > now.getTime()) return { ok: false, reason: 'future' };
  const read = {
    ok: true as const,
    iso: instant(found.at).toISOString(),
    end: instant(endOf(found)).toISOString(),
  };
  if (!found.order) return read;
  return {
    ...read,
    order: found.order,
    ...(found.other ? { other: instant(found.other).toISOString() } : {}),
  };
}
