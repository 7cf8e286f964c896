/**
 * Feed dates (SECURITY.md item 11, issue 14 point 2): right or honestly unknown, never wrong.
 * Explicit grammars, each validated field by field (the day of the month included), in place of a
 * `Date.parse` fallback that dropped offsets after AM/PM and rolled 30 February into March:
 *
 * - ISO 8601 / W3C-DTF (`2025-06-03T09:30:00.123-05:00`, a space for the T, `2025/06/03 09:30`),
 *   fractional seconds kept to the millisecond;
 * - RFC 822/1123/2822 (`Tue, 3 Jun 2025 15:04:05 -0500`): every offset form (`-0500`, `-05:00`,
 *   `-05`, `GMT-3`, `UTC+01:00`), the named zones of the Americas and Europe, AM/PM with the
 *   offset after it, comments in parentheses ignored;
 * - English month-first (`June 3, 2025 10:00 AM EST`), asctime (`Tue Jun  3 09:30:00 2025`) and
 *   JavaScript's `Date#toString` (`Tue Jun 03 2025 09:30:00 GMT-0300 (…)`);
 * - the Spanish, Portuguese and French long forms (`lunes, 3 de marzo de 2025`, Drupal's
 *   `Miércoles, 5 Marzo 2025 - 09:15`, `mardi 3 juin 2025 10h30`);
 * - numeric `d/m/Y`, `m/d/Y` (`.` or `-` too, the time before or after): read when one of the
 *   first two numbers cannot be a month, else day first only when the feed's language makes day
 *   first the convention (Spanish, Portuguese, French, British and Caribbean English...), and then
 *   flagged (`dayFirst`); otherwise unread.
 *
 * A date without a zone is UTC, never the machine's local time. Anything else is unread: the
 * caller then uses the first-seen time, flagged.
 */

export interface FeedDate {
  /** Epoch milliseconds. */
  ms: number;
  /** An ambiguous numeric date read day first because of the feed's language. */
  dayFirst?: true;
}

/** How far ahead of our clock a date may be (clock skew) before it counts as "in the future". */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

const MONTH_NAMES: [number, string][] = [
  [0, 'jan january janv janvier ene enero janeiro'],
  [1, 'feb february fev fevr fevrier febrero fevereiro'],
  [2, 'mar march mars marzo marco'],
  [3, 'apr april avr avril abr abril'],
  [4, 'may mai maio mayo'],
  [5, 'jun june juin junio junho'],
  [6, 'jul july juil juillet julio julho'],
  [7, 'aug august aout ago agosto'],
  [8, 'sep sept september septembre set setembro septiembre setiembre'],
  [9, 'oct october octobre octubre out outubro'],
  [10, 'nov november novembre noviembre novembro'],
  [11, 'dec december decembre dic diciembre dez dezembro'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap(([month, names]) => names.split(' ').map((n) => [n, month])));

/** Zone abbreviations partners use: the Americas' and Europe's (CST is the Americas' here). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  BRT: -180,
  BRST: -120,
  ART: -180,
  UYT: -180,
  PYT: -240,
  PYST: -180,
  CLT: -240,
  CLST: -180,
  BOT: -240,
  VET: -240,
  GYT: -240,
  SRT: -180,
  GFT: -180,
  COT: -300,
  PET: -300,
  ECT: -300,
};

const OFFSET = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Minutes east of UTC, or undefined for a zone we do not know (never guessed). */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = OFFSET.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// The pieces of the grammars. Each regex below uses the same group names.
const WEEKDAY = String.raw`(?:[A-Za-zÀ-ÿ-]{2,13}\.?,?\s+)?`;
const TIME = String.raw`(?<h>\d{1,2})[:h](?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?(?:\s*(?<ap>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?`;
const ZONE = String.raw`(?:\s*(?<z>Z|(?:GMT|UTC|UT)?\s*[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5}))?`;
const MONTH = String.raw`(?<mon>[A-Za-zÀ-ÿ]{3,10})\.?`;
const AT = String.raw`(?:,?\s+(?:-\s+|at\s+|à\s+|às\s+|a\s+las\s+)?${TIME})?`;

const GRAMMARS: { name: string; re: RegExp }[] = [
  {
    name: 'iso',
    re: new RegExp(
      String.raw`^(?<y>\d{4})(?<sep>[-/])(?<mo>\d{1,2})\k<sep>(?<d>\d{1,2})(?:(?:T|\s+)${TIME})?${ZONE}$`,
      'i',
    ),
  },
  {
    // RFC 822 and the Spanish, Portuguese and French long forms: day, month, year.
    name: 'dmy',
    re: new RegExp(
      String.raw`^${WEEKDAY}(?<d>\d{1,2})(?:st|nd|rd|th|º|°|er)?\.?[\s-]+(?:de\s+)?${MONTH},?[\s-]+(?:de\s+)?(?<y>\d{4}|\d{2})${AT}${ZONE}$`,
    ),
  },
  {
    // English month first: June 3, 2025 10:00 AM.
    name: 'mdy',
    re: new RegExp(
      String.raw`^${WEEKDAY}${MONTH}\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})${AT}${ZONE}$`,
    ),
  },
  {
    // asctime: Tue Jun  3 09:30:00 2025.
    name: 'asctime',
    re: new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(?<d>\d{1,2})\s+${TIME}\s+(?<y>\d{4})${ZONE}$`),
  },
  {
    // Numeric, the time after: 15/03/2025 - 14:30.
    name: 'numeric',
    re: new RegExp(
      String.raw`^(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?:,?\s*(?:-\s*)?${TIME})?${ZONE}$`,
    ),
  },
  {
    // Numeric, the time before: 15:04 03.06.2025.
    name: 'numeric',
    re: new RegExp(
      String.raw`^${TIME},?\s+(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})${ZONE}$`,
    ),
  },
];

/** A two-digit year is 1970-2069. */
function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length === 2 ? year + (year < 70 ? 2000 : 1900) : year;
}

function monthOf(name: string): number | undefined {
  const folded = /^[A-Za-z]*$/.test(name)
    ? name.toLowerCase()
    : name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return MONTHS.get(folded);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Languages (and English regions) that write the day first in numeric dates. */
const DAY_FIRST_LANGUAGES =
  /^(?:es|pt|fr|it|de|nl|ht|en-(?:gb|ie|au|nz|in|za|jm|tt|bb|bs|bz|gy|ag|dm|gd|kn|lc|vc))\b/i;

/** Does this language write the day first (`03/06/2025` is 3 June)? */
export function writesDayFirst(language: string | undefined): boolean {
  return Boolean(language && DAY_FIRST_LANGUAGES.test(language.trim().replace('_', '-')));
}

export interface DateOptions {
  /** The item's or the feed's declared language: decides ambiguous numeric dates. */
  language?: string;
}

/** A date string from a feed, or undefined when no grammar reads it exactly. */
export function readFeedDate(value: string | undefined, options: DateOptions = {}): FeedDate | undefined {
  const s = value
    ?.replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return undefined;
  for (const { name, re } of GRAMMARS) {
    const g = re.exec(s)?.groups;
    if (!g) continue;
    let year = fullYear(g.y!);
    let month: number | undefined;
    let day: number;
    let dayFirst: true | undefined;
    if (name === 'iso') {
      month = Number(g.mo) - 1;
      day = Number(g.d);
    } else if (name === 'numeric') {
      const a = Number(g.a);
      const b = Number(g.b);
      if (a > 12 && b > 12) return undefined;
      if (a > 12 || b > 12) [day, month] = a > 12 ? [a, b - 1] : [b, a - 1];
      else if (a === b) [day, month] = [a, b - 1];
      else if (writesDayFirst(options.language)) {
        [day, month] = [a, b - 1];
        dayFirst = true;
      } else return undefined;
    } else {
      month = monthOf(g.mon!);
      day = Number(g.d);
    }
    if (month === undefined || month < 0 || month > 11) return undefined;
    if (year < 1900 || year > 9999 || day < 1 || day > daysIn(year, month)) return undefined;
    let hour = Number(g.h ?? 0);
    const minute = Number(g.mi ?? 0);
    const second = Math.min(Number(g.s ?? 0), 59);
    if (g.ap) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (/p/i.test(g.ap) ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || Number(g.s ?? 0) > 60) return undefined;
    const offset = zoneOffset(g.z?.trim());
    if (offset === undefined) return undefined;
    const millis = g.f ? Number(g.f.slice(0, 3).padEnd(3, '0')) : 0;
    const ms = Date.UTC(year, month, day, hour, minute, second, millis) - offset * 60_000;
    year = new Date(ms).getUTCFullYear();
    if (year < 1900 || year > 9999) return undefined;
    return dayFirst ? { ms, dayFirst } : { ms };
  }
  return undefined;
}

/** A date string from a feed as epoch milliseconds, or undefined when it cannot be read exactly. */
export function parseFeedDate(value: string | undefined, options?: DateOptions): number | undefined {
  return readFeedDate(value, options)?.ms;
}
