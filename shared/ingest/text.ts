import { decode } from 'html-entities';

/**
 * Small pure helpers of the normaliser: plain text from HTML, canonical URLs, and dates
 * (SECURITY.md items 11, 13 and 14).
 */

const SCRIPTS = /<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi;
/** Block-level tags separate words; inline ones (b, em, a, span) do not. */
const BLOCK_TAGS =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|pre|img)\b[^>]*>/gi;
const TAGS = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>/g;
const HAS_SCRIPTS = /<(?:script|style|noscript|template)\b/i;
/** Whitespace other than a single space: a run of two, or a tab, newline, no-break space... */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Tags stripped (block tags become spaces), entities decoded, whitespace collapsed. */
export function plainText(html: string | undefined): string {
  if (!html) return '';
  let text = html;
  if (text.includes('<')) {
    // Each pass only when it can match: most titles and categories are text already.
    if (HAS_SCRIPTS.test(text)) text = text.replace(SCRIPTS, ' ');
    text = text.replace(BLOCK_TAGS, ' ').replace(TAGS, '');
  }
  if (text.includes('&')) text = decode(text);
  return (UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** An entity still there after one decode (`&amp;#8217;` in the feed), or a tag (`&lt;b&gt;` in a CDATA). */
const LEFT_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
const LEFT_TAG = /<\/?[a-z][^<>]*>/i;

/**
 * The plain text of a title or summary, also when the feed escaped its HTML twice (WordPress
 * double-encodes: `Chile&amp;#8217;s`): an entity left after one decode is decoded once more, and
 * a tag left after decoding is stripped. A lone `&` or `<` ("A & B", "5 < 10") stays.
 */
export function itemText(html: string | undefined): string {
  let text = plainText(html);
  if (text.includes('&') && LEFT_ENTITY.test(text)) text = decode(text);
  return text.includes('<') && LEFT_TAG.test(text) ? plainText(text) : text;
}

/**
 * Trailing boilerplate of WordPress and Blogger excerpts: "The post X appeared first on Y.",
 * "Continue reading →", "Read more »", "Leer más", "Seguir leyendo", "Leia mais", "[…]". A plain
 * "…" stays: it says the text was cut.
 */
const TRAILER =
  /\s*(?:The post .+ appeared first on .+|(?:Continue reading|Read more|Read the rest|Leer más|Seguir leyendo|Leia mais|Continuar lendo|Lire la suite)(?:\s*(?:\.\.\.|…))?(?:[^.!?→»›]{0,160}?\s*[→»›])?|\[(?:…|\.\.\.|&#8230;|&hellip;)\])\s*$/;
/** Only the end of a summary can hold boilerplate (and a whole summary may be a long article). */
const TRAILER_SPAN = 600;

/** A summary without the boilerplate its site appends. */
export function withoutTrailer(text: string): string {
  let out = text;
  for (let pass = 0; pass < 3; pass++) {
    const start = Math.max(0, out.length - TRAILER_SPAN);
    const match = TRAILER.exec(out.slice(start));
    if (!match) break;
    out = out.slice(0, start + match.index);
  }
  return out;
}

/** Cut at a word boundary at or before `max` characters, with an ellipsis when cut. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space > max * 0.6 ? slice.slice(0, space) : slice).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const UTM = /[?&]utm_/i;

/**
 * An absolute, canonical http(s) URL, or undefined: resolved against `base`, fragment and
 * `utm_*` parameters dropped. `javascript:`, `data:` and every other scheme are refused.
 */
export function canonicalUrl(value: string | undefined, base: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  if (url.hash) url.hash = '';
  // URLSearchParams re-encodes the whole query: only when there is a utm_ parameter to drop.
  if (UTM.test(url.search)) {
    for (const key of [...url.searchParams.keys()]) {
      if (/^utm_/i.test(key)) url.searchParams.delete(key);
    }
  }
  return url.href;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  // Common non-English month names in Latin American feeds.
  ene: 0,
  abr: 3,
  ago: 7,
  dic: 11,
  fev: 1,
  mai: 4,
  set: 8,
  out: 9,
  dez: 11,
  janv: 0,
  fevr: 1,
  avr: 3,
  juin: 5,
  juil: 6,
  aout: 7,
};

const ZONES: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  BRT: '-0300',
  ART: '-0300',
  CLT: '-0400',
  COT: '-0500',
  PET: '-0500',
  AST: '-0400',
};

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const named = ZONES[zone.toUpperCase()];
  const z = named ?? zone;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function utc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: number,
): number | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo, d, h, mi, s) - offset * 60_000;
  return Number.isNaN(t) ? undefined : t;
}

/** RFC 3339 / ISO 8601, lenient: space for T, missing seconds, missing zone (UTC), `+0000`. */
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?$/i;
/**
 * RFC 822 / 1123, lenient: optional weekday, one- or two-digit day, two-digit year, missing
 * seconds, named zones; and the long forms of Spanish, Portuguese and French sites: Drupal's
 * `Miércoles, 5 Marzo 2025 - 09:15`, `lunes, 3 de marzo de 2025`, `3 mars 2025 10h00`.
 */
const RFC822 =
  /^(?:[A-Za-zÀ-ÿ-]{2,13}\.?,?\s+)?(\d{1,2})\.?\s+(?:de\s+)?([A-Za-zÀ-ÿ]{3,10})\.?,?\s+(?:de\s+)?(\d{2,4})(?:,?\s+(?:-\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?$/;
/**
 * Numeric `d/m/Y` or `m/d/Y` (also with `.` or `-`), optional ` - H:i` and zone: read only when one
 * of the first two numbers is above 12; `03/02/2025` could be either, and is not guessed.
 */
const NUMERIC =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s*(?:-\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?$/;
/**
 * A zone `Date.parse` understands (a name, or an offset after the time), outside parentheses
 * (which it ignores). Without one, it would read the string in the machine's local time.
 */
const FALLBACK_ZONE =
  /(?:^|[^A-Za-z])(?:UTC?|GMT|Z|[ECMP][SD]T)(?:$|[^A-Za-z])|\d:\d{2}(?::\d{2})?(?:\.\d+)?\s*[+-]\d{2}:?\d{2}\b/i;

/** A two-digit year is 1970-2069. */
function fullYear(digits: string): number {
  const year = +digits;
  return digits.length === 2 ? year + (year < 70 ? 2000 : 1900) : year;
}

function fold(s: string): string {
  // Month names are ASCII letters in most feeds: no accents to strip.
  return /^[A-Za-z]*$/.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A date string from a feed as epoch milliseconds, or undefined when it cannot be read. */
export function parseFeedDate(value: string | undefined): number | undefined {
  const s = value?.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;
  let t: number | undefined;
  const iso = ISO.exec(s);
  if (iso) {
    const offset = zoneOffsetMinutes(iso[7]);
    if (offset === undefined) return undefined;
    t = utc(+iso[1]!, +iso[2]! - 1, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), offset);
  } else {
    const rfc = RFC822.exec(s);
    if (rfc) {
      const name = fold(rfc[2]!);
      const month = MONTHS[name.slice(0, 4)] ?? MONTHS[name.slice(0, 3)];
      const offset = zoneOffsetMinutes(rfc[7]);
      if (month === undefined || offset === undefined) return undefined;
      t = utc(fullYear(rfc[3]!), month, +rfc[1]!, +(rfc[4] ?? 0), +(rfc[5] ?? 0), +(rfc[6] ?? 0), offset);
    } else {
      const numeric = NUMERIC.exec(s);
      if (numeric) {
        const [a, b] = [+numeric[1]!, +numeric[3]!];
        // Day first when the first number cannot be a month, month first when the second cannot.
        if (a > 12 === b > 12) return undefined;
        const offset = zoneOffsetMinutes(numeric[8]);
        if (offset === undefined) return undefined;
        const [day, month] = a > 12 ? [a, b] : [b, a];
        const time = [+(numeric[5] ?? 0), +(numeric[6] ?? 0), +(numeric[7] ?? 0)] as const;
        t = utc(fullYear(numeric[4]!), month - 1, day, ...time, offset);
      } else {
        // Never in the machine's local time: a string without a zone is read as UTC.
        const fallback = Date.parse(FALLBACK_ZONE.test(s.replace(/\([^)]*\)/g, '')) ? s : `${s} UTC`);
        t = Number.isNaN(fallback) ? undefined : fallback;
      }
    }
  }
  if (t === undefined) return undefined;
  const year = new Date(t).getUTCFullYear();
  // Years beyond 9999 do not fit ISO 8601; before 1900 is a feed's placeholder, not a date.
  return year < 1900 || year > 9999 ? undefined : t;
}

/** How far ahead of our clock a date may be (clock skew) before it counts as "in the future". */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
