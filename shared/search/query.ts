import type { Language, ResourceType } from '../domain/resource.js';
import { isDateWord, readDate } from '../filters/dates.js';
import type { ResourceFilter } from '../filters/filter.js';
import { hashtagReading, readHashtag } from '../filters/hashtags.js';
import { dateOrderNote, type FilterProblem } from '../filters/problems.js';
import {
  type FilterField,
  isExactName,
  KEY_NAMES,
  type PartnerNames,
  resolveValue,
  startsPartnerName,
  THROUGH_KEYS,
} from '../filters/values.js';
import { fold, joinThousands } from './analysis.js';

/**
 * The query language, parsed without any I/O: free words, "quoted phrases", -excluded words, and
 * filters `type:` `country:` `topic:` `lang:` `partner:` `since:` `before:` (also in Spanish:
 * `tipo:` `pais:` `tema:` `idioma:` `socio:` `desde:` `antes:`). Filter values are English or
 * Spanish names or codes, several separated by commas (`country:BR,peru`), quoted when they have
 * spaces (`country:"el salvador"`). A value that cannot be understood becomes a problem (a short
 * sentence for the member) and is left out of the filter.
 */
export interface ParsedQuery {
  /** Free words in order, lower-case with their accents; `upper` marks words typed in capitals. */
  words: { text: string; upper: boolean }[];
  /** Quoted phrases, each as its lower-case words. */
  phrases: string[][];
  /** Excluded words or phrases (`-pilot`, `-"pilot project"`), each as its lower-case words. */
  excluded: string[][];
  filter: ResourceFilter;
  /** `partner:` values as typed: resolved against the partners known where the query runs. */
  partners: string[];
  /** Values that mean nothing (left out of `filter`), and notes on what a bound left out. */
  problems: FilterProblem[];
  /** True when the text ends inside a free word (no space after it): it is matched as a prefix. */
  lastWordIsPrefix: boolean;
}

/**
 * What one query may cost. A fuzzy lookup costs the square of a word's length in memory (the edit
 * distance matrix), so a single 40,000-letter word once took 1.7 GB; every face (Slack, Telegram,
 * inline mode, the console, the CLI, the digest preview) goes through `parseQuery` and
 * `SearchIndex.search`, so these bounds hold for all of them. What a bound leaves out is said in
 * `problems`.
 */
export interface QueryBounds {
  /** Characters of the query read; the rest is left out. */
  maxQueryChars: number;
  /** Words searched (free words, words of phrases and exclusions); the rest are left out. */
  maxWords: number;
  /** A longer word is left out: no word of the library's languages is this long. */
  maxWordChars: number;
  /** Typo tolerance only for words up to this length; longer ones are matched as typed. */
  maxFuzzyWordChars: number;
  /** Typo lookups one query may make (a budget): later unknown words are matched as typed. */
  maxFuzzyWords: number;
  /** Index terms one typo lookup may reach: the closest, then the most frequent, are kept. */
  maxFuzzyTerms: number;
}

export const QUERY_BOUNDS: QueryBounds = {
  maxQueryChars: 500,
  maxWords: 24,
  maxWordChars: 40,
  maxFuzzyWordChars: 24,
  maxFuzzyWords: 4,
  maxFuzzyTerms: 32,
};

/** No bounds at all: what the query layer did before them (benchmarks compare against it). */
export const UNBOUNDED: QueryBounds = {
  maxQueryChars: Number.POSITIVE_INFINITY,
  maxWords: Number.POSITIVE_INFINITY,
  maxWordChars: Number.POSITIVE_INFINITY,
  maxFuzzyWordChars: Number.POSITIVE_INFINITY,
  maxFuzzyWords: Number.POSITIVE_INFINITY,
  maxFuzzyTerms: Number.POSITIVE_INFINITY,
};

/** Words as the query language sees them: runs of letters, digits, marks, and inner hyphens/dots. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function splitWords(text: string): { text: string; upper: boolean }[] {
  return [...text.normalize('NFC').matchAll(WORD)].map((m) => ({
    text: m[0].toLowerCase(),
    upper: m[0].length > 1 && m[0] === m[0].toUpperCase() && m[0] !== m[0].toLowerCase(),
  }));
}

interface RawToken {
  kind: 'word' | 'phrase' | 'filter';
  text: string;
  key?: string;
  negated: boolean;
  /** A word that reaches the end of the input (no space, no closing quote after it). */
  atEnd: boolean;
  /** A filter whose value was quoted (`tema:"primera infancia"`): it takes no words after it. */
  quoted?: boolean;
  /** A key typed one letter off (`pias:` for `pais:`), as typed; `key` is the key it is read as. */
  misspelt?: string;
}

/** Splits the input into words, phrases and key:value filters, honouring quotes. */
function scan(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  const n = input.length;
  const readQuoted = (): string => {
    // At an opening quote; an unclosed quote runs to the end.
    const close = input.indexOf('"', i + 1);
    const end = close === -1 ? n : close;
    const text = input.slice(i + 1, end);
    i = close === -1 ? n : close + 1;
    return text;
  };
  while (i < n) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < n && !/\s/.test(input[i + 1] as string)) {
      negated = true;
      i += 1;
    }
    if (input[i] === '"') {
      tokens.push({ kind: 'phrase', text: readQuoted(), negated, atEnd: false });
      continue;
    }
    const start = i;
    while (i < n && !/\s/.test(input[i] as string) && input[i] !== '"') {
      if ((input[i] === ':' || input[i] === '=') && i > start) break;
      i += 1;
    }
    const head = input.slice(start, i);
    const folded = fold(head.toLowerCase());
    // `pais :peru`: a key, a space, then its colon.
    const spacedColon = input[i] !== ':' && folded in KEY_NAMES ? /^\s+:/.exec(input.slice(i)) : null;
    if (spacedColon) i += spacedColon[0].length - 1;
    const near =
      input[i] === ':' && !(folded in KEY_NAMES) && /^\S/.test(input.slice(i + 1))
        ? nearKey(folded)
        : undefined;
    // `pais=peru` as `pais:peru`, for a key spelt right.
    if ((input[i] === ':' || (input[i] === '=' && folded in KEY_NAMES)) && (folded in KEY_NAMES || near)) {
      i += 1;
      const quoted = input[i] === '"';
      const value = quoted ? readQuoted() : readPlain();
      tokens.push({
        kind: 'filter',
        key: near ?? folded,
        text: value,
        negated,
        atEnd: false,
        quoted,
        ...(near ? { misspelt: head } : {}),
      });
      continue;
    }
    // Not a filter: the rest of this whitespace-delimited run is a word ("note:", "co-op").
    while (i < n && !/\s/.test(input[i] as string) && input[i] !== '"') i += 1;
    tokens.push({ kind: 'word', text: input.slice(start, i), negated, atEnd: i === n });
  }
  return tokens;

  function readPlain(): string {
    const start = i;
    while (i < n && !/\s/.test(input[i] as string)) i += 1;
    return input.slice(start, i);
  }
}

/** True when the text names a date key (`desde:`, `since:`, a near spelling): the member's zone matters. */
export function mentionsDate(input: string): boolean {
  return scan(input.slice(0, QUERY_BOUNDS.maxQueryChars)).some((t) => {
    const key = t.kind === 'filter' ? KEY_NAMES[t.key as string] : undefined;
    return key === 'since' || key === 'before';
  });
}

function pushUnique<T>(list: T[] | undefined, value: T): T[] {
  const out = list ?? [];
  if (!out.includes(value)) out.push(value);
  return out;
}

/** What a query is read against, beyond the text. */
export interface QueryContext {
  /**
   * The partners `partner:` values resolve against where the query runs: lets `socio:` take a name
   * of several words ("Prosperidad Social") and a list (`socio:midis y cepal`).
   */
  partners?: PartnerNames;
  /** The member's IANA zone: where `desde:hoy` begins (see `readDate`). Without it, UTC. */
  timeZone?: string;
}

/** A partner's name as the scanner tests it: words that start one, and a word naming one alone. */
interface PartnerWords {
  starts: (text: string) => boolean;
  one: (text: string) => boolean;
}

function partnerWords(partners: PartnerNames | undefined): PartnerWords | undefined {
  if (!partners) return undefined;
  return {
    starts: (text) => startsPartnerName(text, partners),
    one: (text) => {
      const found = resolveValue('partners', text, partners);
      return found.ok && found.values.length === 1;
    },
  };
}

export function parseQuery(
  input: string,
  now: Date,
  bounds: QueryBounds = QUERY_BOUNDS,
  context: QueryContext = {},
): ParsedQuery {
  const partners = partnerWords(context.partners);
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    excluded: [],
    filter: {},
    partners: [],
    problems: [],
    lastWordIsPrefix: false,
  };
  const cut = input.length > bounds.maxQueryChars;
  if (cut)
    parsed.problems.push({
      code: 'note',
      text: `Only the first ${bounds.maxQueryChars} characters of your search were read: the rest was left out.`,
      es: `Solo se leyeron los primeros ${bounds.maxQueryChars} caracteres de su búsqueda: el resto se omitió.`,
    });
  const tokens = scan(joinThousands(cut ? input.slice(0, bounds.maxQueryChars) : input));
  let wordCount = 0;
  let tooLong = 0;
  let tooMany = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind === 'filter') {
      takeSpacedValue(tokens, t, now, partners);
      t += absorbNameWords(tokens, t, partners) || absorbDateWords(tokens, t, now);
      t += absorbListWords(tokens, token, t, partners);
      if (!token.misspelt || applyNearKey(parsed, token, now, context.timeZone)) {
        if (!token.misspelt) applyFilter(parsed, token, now, context.timeZone);
        continue;
      }
      // A near key whose value means nothing: its words are searched, as before there were keys.
      token.kind = 'word';
      token.text = `${token.misspelt} ${token.text}`;
    }
    if (
      token.kind === 'word' &&
      !token.negated &&
      token.text.startsWith('#') &&
      applyHashtag(parsed, token.text)
    )
      continue;
    const tokenWords = splitWords(token.text).filter((w) => {
      if (w.text.length > bounds.maxWordChars) tooLong += 1;
      else if (wordCount >= bounds.maxWords) tooMany += 1;
      else {
        wordCount += 1;
        return true;
      }
      return false;
    });
    if (tokenWords.length === 0) continue;
    if (token.negated) parsed.excluded.push(tokenWords.map((w) => w.text));
    else if (token.kind === 'phrase') {
      if (tokenWords.length === 1) parsed.words.push(tokenWords[0] as { text: string; upper: boolean });
      else parsed.phrases.push(tokenWords.map((w) => w.text));
    } else parsed.words.push(...tokenWords);
  }
  if (tooLong > 0)
    parsed.problems.push({
      code: 'note',
      text: `${tooLong === 1 ? 'A word' : `${tooLong} words`} longer than ${bounds.maxWordChars} letters ${tooLong === 1 ? 'was' : 'were'} left out.`,
      es: `Se ${tooLong === 1 ? 'omitió una palabra' : `omitieron ${tooLong} palabras`} de más de ${bounds.maxWordChars} letras.`,
    });
  if (tooMany > 0)
    parsed.problems.push({
      code: 'note',
      text: `Only the first ${bounds.maxWords} words were searched: ${tooMany} more were left out.`,
      es: `Solo se buscaron las primeras ${bounds.maxWords} palabras: se omitieron ${tooMany} más.`,
    });
  const last = tokens.at(-1);
  parsed.lastWordIsPrefix =
    !cut && tooLong === 0 && tooMany === 0 && !!last && last.kind === 'word' && !last.negated && last.atEnd;
  if (parsed.filter.since && parsed.filter.before && parsed.filter.since >= parsed.filter.before) {
    parsed.problems.push({ code: 'dateOrder', since: parsed.filter.since, before: parsed.filter.before });
    delete parsed.filter.since;
    delete parsed.filter.before;
  }
  return parsed;
}

/** How many words a name after an unquoted filter may run to ("tema:primera infancia"). */
const MAX_NAME_WORDS = 6;
/** A partner's name runs longer ("Comisión Económica para América Latina y el Caribe": 8 words). */
const MAX_PARTNER_NAME_WORDS = 12;

const maxNameWords = (key: string | undefined) =>
  key === 'partners' ? MAX_PARTNER_NAME_WORDS : MAX_NAME_WORDS;

/**
 * Members forget the quotes: `tema:primera infancia`, `pais:el salvador`, `socio:prosperidad social`.
 * When the words after an unquoted topic or country value complete a name the taxonomy knows exactly
 * (a partner value: start a partner's name), they join the value
 * (the longest such name wins); otherwise they stay free words. Returns how many words it took.
 */
function absorbNameWords(tokens: RawToken[], at: number, partners?: PartnerWords): number {
  const token = tokens[at]!;
  const key = KEY_NAMES[token.key as string];
  const isName =
    key === 'topics' || key === 'countries'
      ? (text: string) => isExactName(key, text)
      : key === 'partners'
        ? partners?.starts
        : undefined;
  if (token.quoted || token.negated || !isName || token.text.includes(',')) return 0;
  let text = token.text;
  let taken = 0;
  for (let k = 1; k <= maxNameWords(key) && at + k < tokens.length; k++) {
    const next = tokens[at + k]!;
    if (next.kind !== 'word' || next.negated) break;
    text = `${text} ${next.text}`;
    if (isName(text)) taken = k;
  }
  if (taken > 0)
    token.text = tokens
      .slice(at, at + taken + 1)
      .map((x) => x.text)
      .join(' ');
  return taken;
}

/** Between two values of a list: "pais:peru y chile", "type:video or news". */
const AND_OR = new Set(['y', 'e', 'o', 'u', 'and', 'or']);

/**
 * `pais:peru, chile`, `pais:peru y chile`, `country:peru and chile`, `socio:midis y cepal`: a list
 * written with spaces. A value after a comma, or after "y"/"and"/"o"/"or" (not for topics, whose
 * names hold "y"), joins the list when it names a value of the key (the longest name wins: "el
 * salvador", "comisión económica para américa latina y el caribe"); otherwise the words stay words.
 * `last` is the filter's last token so far; returns how many more it took.
 */
function absorbListWords(tokens: RawToken[], token: RawToken, last: number, partners?: PartnerWords): number {
  const key = KEY_NAMES[token.key as string];
  if (token.quoted || token.negated || !key || key === 'since' || key === 'before') return 0;
  if (key === 'partners' && !partners) return 0;
  // One word as any value (a partner: one partner); several only as a whole name ("el salvador",
  // not "educación hogares") or the start of a partner's ("comisión económica", not "desarrollo social").
  const names = (typed: string, words: number) => {
    const text = typed.replace(/,$/, '');
    if (key === 'partners') return words > 1 ? partners!.starts(text) : partners!.one(text);
    return words > 1 && (key === 'topics' || key === 'countries')
      ? isExactName(key, text)
      : resolveValue(key, text).ok;
  };
  let end = last;
  for (;;) {
    let at = end + 1;
    const afterComma = token.text.endsWith(',');
    if (!afterComma) {
      const joiner = tokens[at];
      if (key === 'topics' || joiner?.kind !== 'word' || joiner.negated) break;
      if (!AND_OR.has(fold(joiner.text.toLowerCase()))) break;
      at += 1;
    }
    let best = 0;
    for (let k = 1; k <= maxNameWords(key); k++) {
      const run = tokens.slice(at, at + k);
      if (run.length < k || run.some((x) => x.kind !== 'word' || x.negated)) break;
      if (names(run.map((x) => x.text).join(' '), k)) best = k;
    }
    if (best === 0) break;
    const value = tokens
      .slice(at, at + best)
      .map((x) => x.text)
      .join(' ');
    token.text = afterComma ? `${token.text}${value}` : `${token.text},${value}`;
    end = at + best - 1;
  }
  return end - last;
}

/** How many words a date after an unquoted date key may run to ("desde:hace 2 semanas"). */
const MAX_DATE_WORDS = 4;

/**
 * `desde:hace 1 año`, `since:last month`, `desde:15 de marzo de 2025`: the words after a date key
 * that make a longer date form join the value. When none does and the value itself starts a date
 * phrase ("hace"), its date words are taken with it and refused whole, so none is searched.
 */
function absorbDateWords(tokens: RawToken[], at: number, now: Date): number {
  const token = tokens[at]!;
  const key = KEY_NAMES[token.key as string];
  if ((key !== 'since' && key !== 'before') || token.quoted || token.negated) return 0;
  const words: string[] = [];
  for (let k = 1; k <= MAX_DATE_WORDS && at + k < tokens.length; k++) {
    const next = tokens[at + k]!;
    if (next.kind !== 'word' || next.negated || !isDateWord(next.text)) break;
    words.push(next.text);
  }
  const isForm = (text: string) => {
    const read = readDate(text, now, { future: true });
    return read.ok || read.reason !== 'unknown';
  };
  let taken = 0;
  for (let k = 1; k <= words.length; k++) if (isForm([token.text, ...words.slice(0, k)].join(' '))) taken = k;
  if (taken === 0 && !isForm(token.text) && isDateWord(token.text)) taken = words.length;
  if (taken > 0) token.text = [token.text, ...words.slice(0, taken)].join(' ');
  return taken;
}

/**
 * `tema: salud`, `pais: el salvador`, `desde: hace 1 año`: a space after the colon. The word after it
 * is the value when it (or it and the words after it) means something for the key; otherwise the key
 * stays empty and is refused as such, and the word is searched.
 */
function takeSpacedValue(tokens: RawToken[], at: number, now: Date, partners?: PartnerWords): void {
  const token = tokens[at]!;
  const next = tokens[at + 1];
  if (token.text !== '' || token.quoted || !next || next.kind === 'filter' || next.negated) return;
  const key = KEY_NAMES[token.key as string]!;
  const means = (text: string): boolean => {
    if (key === 'since' || key === 'before') {
      const read = readDate(text, now, { future: true });
      return read.ok || read.reason !== 'unknown' || isDateWord(text);
    }
    if (key === 'partners') return !!partners?.starts(text);
    return (
      resolveValue(key, text).ok || ((key === 'topics' || key === 'countries') && isExactName(key, text))
    );
  };
  const following: RawToken[] = [];
  for (const x of tokens.slice(at + 1, at + 1 + maxNameWords(key))) {
    if (x.kind !== 'word' || x.negated) break;
    following.push(x);
  }
  const candidates =
    next.kind === 'phrase'
      ? [next.text]
      : following.map((_, k) =>
          following
            .slice(0, k + 1)
            .map((x) => x.text)
            .join(' '),
        );
  if (!candidates.some(means)) return;
  token.text = next.text;
  token.quoted = next.kind === 'phrase';
  tokens.splice(at + 1, 1);
}

/** Keys as typed, one letter off: a letter more, less, changed, or two swapped (`pias`, `contry`). */
function nearKey(folded: string): string | undefined {
  if (folded.length < 4) return undefined;
  return Object.keys(KEY_NAMES).find(
    (key) => Math.abs(key.length - folded.length) <= 1 && oneEditApart(key, folded),
  );
}

function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  const [ra, rb] = [a.slice(i), b.slice(i)];
  return (
    ra.slice(1) === rb.slice(1) ||
    ra.slice(1) === rb ||
    ra === rb.slice(1) ||
    (ra.length >= 2 && ra[0] === rb[1] && ra[1] === rb[0] && ra.slice(2) === rb.slice(2))
  );
}

/**
 * `pias:peru`: a key one letter off, applied when every value means something under the key it is
 * near, with a note naming both; otherwise nothing is applied and the caller searches its words.
 */
function applyNearKey(parsed: ParsedQuery, token: RawToken, now: Date, timeZone?: string): boolean {
  const before = { filter: structuredClone(parsed.filter), problems: parsed.problems.length };
  const partners = parsed.partners.length;
  applyFilter(parsed, token, now, timeZone);
  const typed = token.misspelt as string;
  if (parsed.problems.slice(before.problems).every((p) => p.code === 'note')) {
    parsed.problems.push({
      code: 'note',
      text: `${typed}: was read as ${token.key}:`,
      es: `${typed}: se leyó como ${token.key}:`,
    });
    return true;
  }
  parsed.filter = before.filter;
  parsed.problems.length = before.problems;
  parsed.partners.length = partners;
  parsed.problems.push({ code: 'nearKey', typed, key: token.key as string });
  return false;
}

function applyFilter(parsed: ParsedQuery, token: RawToken, now: Date, timeZone?: string): void {
  const key = KEY_NAMES[token.key as string]!;
  const typed = `${token.key}:`;
  if (token.negated) {
    parsed.problems.push({ code: 'negated', typed });
    return;
  }
  const values = token.text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) {
    parsed.problems.push({ code: 'empty', key, typed });
    return;
  }
  const filter = parsed.filter;
  if (key === 'since' || key === 'before') {
    const value = values.join(',');
    // A start looks back from now; an end may lie ahead (before:2027).
    const read = readDate(value, now, { future: key === 'before', timeZone });
    if (read.ok) {
      filter[key] = key === 'before' && THROUGH_KEYS.has(token.key as string) ? read.end : read.iso;
      // 03/15/2026 read month first, 03/04/2026 day first: said, never silently.
      const note = dateOrderNote(`${typed}${value}`, read);
      if (note) parsed.problems.push(note);
    } else parsed.problems.push({ code: 'date', key, typed: `${typed}${value}`, reason: read.reason });
    return;
  }
  for (const value of values) {
    if (key === 'partners') {
      parsed.partners.push(value);
      continue;
    }
    const resolved = resolveValue(key, value);
    if (!resolved.ok) {
      parsed.problems.push({ code: 'unknown', field: key, typed: value, suggestions: resolved.suggestions });
      continue;
    }
    for (const id of resolved.values) addValue(filter, key, id);
  }
}

/** `#peru`, `#PrimeraInfancia`: the country or topic a hashtag names exactly, said in a note. */
function applyHashtag(parsed: ParsedQuery, typed: string): boolean {
  const hashtag = readHashtag(typed);
  if (!hashtag) return false;
  addValue(parsed.filter, hashtag.field, hashtag.id);
  parsed.problems.push({
    code: 'note',
    text: `${hashtag.tag} was read as ${hashtagReading(hashtag, 'en')}`,
    es: `${hashtag.tag} se leyó como ${hashtagReading(hashtag, 'es')}`,
  });
  return true;
}

function addValue(filter: ResourceFilter, field: Exclude<FilterField, 'partners'>, id: string): void {
  if (field === 'types') filter.types = pushUnique(filter.types, id as ResourceType);
  else if (field === 'languages') filter.languages = pushUnique(filter.languages, id as Language);
  else filter[field] = pushUnique(filter[field], id);
}
