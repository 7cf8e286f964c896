import { distance } from 'fastest-levenshtein';
import { LANGUAGES, type Language, RESOURCE_TYPES } from '../domain/resource.js';
import { lookupCountry } from '../search/vocabulary.js';
import {
  COUNTRIES,
  displayCountry,
  displayLanguage,
  displayTopic,
  displayType,
  expandPhrase,
  findLanguage,
  findTopic,
  findType,
  foldText,
  LANGUAGE_NAMES,
  TOPICS,
  TYPE_NAMES,
  topicPhrases,
} from '../taxonomy/index.js';

/**
 * What a value typed after a filter key means: every `key:value` a member, subscriber or admin
 * types (search, latest, follow, subscribe, the pages, the CLI) is resolved here, to a canonical id
 * (a taxonomy topic id, an ISO country code, a type, a language code, a partner id), or refused
 * with the closest valid values. Nothing that resolves to nothing is ever stored.
 */

export type FilterField = 'topics' | 'countries' | 'types' | 'languages' | 'partners';
export type FilterKey = FilterField | 'since' | 'before';
export const FILTER_FIELDS: readonly FilterField[] = [
  'topics',
  'countries',
  'types',
  'languages',
  'partners',
];

/** Keys as typed (folded: `país` is `pais`), in English and Spanish, singular and plural. */
export const KEY_NAMES: Readonly<Record<string, FilterKey>> = {
  topic: 'topics',
  topics: 'topics',
  tema: 'topics',
  temas: 'topics',
  country: 'countries',
  countries: 'countries',
  pais: 'countries',
  paises: 'countries',
  type: 'types',
  types: 'types',
  tipo: 'types',
  tipos: 'types',
  lang: 'languages',
  language: 'languages',
  languages: 'languages',
  idioma: 'languages',
  idiomas: 'languages',
  lengua: 'languages',
  lenguaje: 'languages',
  partner: 'partners',
  partners: 'partners',
  socio: 'partners',
  socios: 'partners',
  source: 'partners',
  fuente: 'partners',
  since: 'since',
  desde: 'since',
  before: 'before',
  antes: 'before',
  hasta: 'before',
  until: 'before',
};

/** `hasta:` / `until:` read through the end of what they name (`hasta:ayer`: yesterday included); `antes:` / `before:` stop at its start. */
export const THROUGH_KEYS: ReadonlySet<string> = new Set(['hasta', 'until']);

/** The key a member sees in their language (what the help and the suggestions write). */
export const KEY_LABELS: Readonly<Record<'en' | 'es', Record<FilterKey, string>>> = {
  en: {
    topics: 'topic',
    countries: 'country',
    types: 'type',
    languages: 'lang',
    partners: 'partner',
    since: 'since',
    before: 'before',
  },
  es: {
    topics: 'tema',
    countries: 'pais',
    types: 'tipo',
    languages: 'idioma',
    partners: 'socio',
    since: 'desde',
    before: 'antes',
  },
};

/** Partner id → display name: what `partner:` values resolve against. */
export type PartnerNames = ReadonlyMap<string, string>;

export type Resolution = { ok: true; values: string[] } | { ok: false; suggestions: string[] };

/** Values past this length are no name of anything: refused without looking for a close one. */
const MAX_VALUE_CHARS = 80;

/** A typed value to the canonical ids it names (several only for a partner name shared by more). */
export function resolveValue(field: FilterField, raw: string, partners?: PartnerNames): Resolution {
  const value = raw.trim();
  if (value === '' || value.length > MAX_VALUE_CHARS) return { ok: false, suggestions: [] };
  const found = lookup(field, value, partners);
  if (found.length > 0) return { ok: true, values: found };
  return { ok: false, suggestions: closest(field, value, partners) };
}

function lookup(field: FilterField, value: string, partners?: PartnerNames): string[] {
  switch (field) {
    case 'topics': {
      const topic = findTopic(value);
      return topic ? [topic.id] : [];
    }
    case 'countries': {
      const code = lookupCountry(value);
      return code ? [code] : [];
    }
    case 'types': {
      const type = findType(value);
      return type ? [type] : [];
    }
    case 'languages': {
      const language = findLanguage(value);
      return language ? [language] : [];
    }
    case 'partners':
      return partners ? lookupPartner(value, partners) : [];
  }
}

/** Whether `text` is the start of a partner's name, word by word ("prosperidad social"). */
export function startsPartnerName(text: string, partners: PartnerNames): boolean {
  const folded = foldText(text);
  return [...partners.values()].some((name) => `${foldText(name)} `.startsWith(`${folded} `));
}

/** An id, a name, the words of a name in order, a unique start of one, or one close spelling. */
function lookupPartner(value: string, partners: PartnerNames): string[] {
  const folded = foldText(value);
  const entries = [...partners].map(([id, name]) => ({ id, fid: foldText(id), fname: foldText(name) }));
  const exact = entries.filter((e) => e.fid === folded || e.fname === folded);
  if (exact.length > 0) return exact.map((e) => e.id).sort();
  const wanted = ` ${folded} `;
  const within = entries.filter((e) => ` ${e.fname} `.includes(wanted) || ` ${e.fid} `.includes(wanted));
  if (within.length > 0) return within.map((e) => e.id).sort();
  if (folded.length >= 3) {
    const starts = entries.filter(
      (e) => e.fid.startsWith(folded) || e.fname.startsWith(folded) || acronym(e.fname) === folded,
    );
    if (starts.length === 1) return [starts[0]!.id];
  }
  const near = entries.filter(
    (e) => Math.min(distance(folded, e.fid), distance(folded, e.fname)) <= tolerance(folded),
  );
  return near.length === 1 ? [near[0]!.id] : [];
}

/** "ministerio de desarrollo social" → "mds" (a partner typed by its initials). */
const acronym = (folded: string) =>
  folded
    .split(' ')
    .filter((w) => w.length > 2)
    .map((w) => w[0])
    .join('');

const tolerance = (folded: string) => Math.max(1, Math.floor(folded.length / 4));

/** True when the whole text is a topic's or a country's name (or synonym, acronym, demonym) as it is. */
export function isExactName(field: 'topics' | 'countries', text: string): boolean {
  if (field === 'topics') return expandPhrase(text) !== undefined;
  return !/^[a-z]{2,3}$/i.test(text.trim()) && lookupCountry(text) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

interface Candidate {
  id: string;
  phrases: string[];
}

let vocabulary: Record<Exclude<FilterField, 'partners'>, Candidate[]> | undefined;

function candidates(field: Exclude<FilterField, 'partners'>): Candidate[] {
  vocabulary ??= {
    topics: TOPICS.map((t) => ({ id: t.id, phrases: [foldText(t.id), ...(topicPhrases(t.id) ?? [])] })),
    countries: COUNTRIES.map((c) => ({
      id: c.code,
      phrases: [
        c.code.toLowerCase(),
        ...LANGUAGES.map((l) => foldText(c.names[l])),
        ...c.variants.map(foldText),
        ...c.demonyms.map(foldText),
      ],
    })),
    types: RESOURCE_TYPES.map((t) => ({ id: t, phrases: namedPhrases(t, TYPE_NAMES[t]) })),
    languages: LANGUAGES.map((l) => ({ id: l, phrases: namedPhrases(l, LANGUAGE_NAMES[l]) })),
  };
  return vocabulary[field];
}

function namedPhrases(id: string, named: { names: Record<Language, string>; synonyms: readonly string[] }) {
  return [id, ...LANGUAGES.map((l) => foldText(named.names[l])), ...named.synonyms.map(foldText)];
}

/** How far a typed value is from a phrase: its edit distance, or less when one starts the other. */
function nearness(value: string, phrase: string): number {
  if (phrase.startsWith(value) || value.startsWith(phrase)) return Math.abs(phrase.length - value.length) / 4;
  return distance(value, phrase);
}

/** Up to three ids whose names are closest to the value (none when nothing is close). */
export function closest(field: FilterField, raw: string, partners?: PartnerNames, limit = 3): string[] {
  const value = foldText(raw).slice(0, MAX_VALUE_CHARS);
  if (value === '') return [];
  const pool: Candidate[] =
    field === 'partners'
      ? [...(partners ?? [])].map(([id, name]) => ({ id, phrases: [foldText(id), foldText(name)] }))
      : candidates(field);
  // A short value (a mistyped code) is close to too much by spelling: only what it starts counts.
  const within = value.length <= 3 ? 0.5 : Math.max(2, value.length / 3);
  const scored = pool
    .map((c) => ({ id: c.id, score: Math.min(...c.phrases.map((p) => nearness(value, p))) }))
    .filter((c) => c.score <= within)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.slice(0, limit).map((c) => c.id);
}

// ---------------------------------------------------------------------------------------------
// Display: what a value is called, and how to type it, in the member's language

export type UiLanguage = 'en' | 'es';

export function valueName(field: FilterField, id: string, lang: UiLanguage, partners?: PartnerNames): string {
  switch (field) {
    case 'topics':
      return displayTopic(id, lang);
    case 'countries':
      return displayCountry(id, lang);
    case 'types':
      return displayType(id, lang);
    case 'languages':
      return displayLanguage(id, lang);
    case 'partners':
      return partners?.get(id) ?? id;
  }
}

/** A form of the value that resolves back to it, in the member's language: `tema:primera-infancia`. */
export function typedValue(field: FilterField, id: string, lang: UiLanguage): string {
  const key = KEY_LABELS[lang][field];
  if (field === 'partners' || (field === 'topics' && lang === 'en')) return `${key}:${id}`;
  const name = foldText(valueName(field, id, lang)).replace(/ /g, '-');
  return `${key}:${name || id}`;
}

/** Every value of a field, with its name in the member's language, sorted by that name. */
export function listValues(
  field: Exclude<FilterField, 'partners'>,
  lang: UiLanguage,
): { id: string; name: string; typed: string }[] {
  const ids: readonly string[] =
    field === 'topics'
      ? TOPICS.map((t) => t.id)
      : field === 'countries'
        ? COUNTRIES.map((c) => c.code)
        : field === 'types'
          ? RESOURCE_TYPES
          : LANGUAGES;
  return ids
    .map((id) => ({ id, name: valueName(field, id, lang), typed: typedValue(field, id, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** True when a stored value is a canonical id of its field (what the pages and migrations check). */
export function isCanonical(field: FilterField, value: string, partners?: PartnerNames): boolean {
  switch (field) {
    case 'topics':
      return TOPICS.some((t) => t.id === value);
    case 'countries':
      return COUNTRIES.some((c) => c.code === value);
    case 'types':
      return (RESOURCE_TYPES as readonly string[]).includes(value);
    case 'languages':
      return (LANGUAGES as readonly string[]).includes(value);
    case 'partners':
      return partners ? partners.has(value) : /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value);
  }
}
