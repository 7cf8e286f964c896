import { LANGUAGES, type Language, RESOURCE_TYPES, type ResourceType } from '../domain/resource.js';
import type { ResourceFilter } from '../filters/filter.js';
import type { BotLanguage, Messages } from './i18n.js';

/**
 * The `key:value` filters members type after `follow`, `latest` and `subscribe` (search passes its
 * whole query to the search capability, which reads the same syntax). Keys in English or Spanish;
 * several values with commas (`country:co,pe`); names or codes for countries, types and languages.
 */

type FilterKey = 'topics' | 'countries' | 'types' | 'languages' | 'partners';

const KEYS: Record<string, FilterKey> = {
  topic: 'topics',
  topics: 'topics',
  tema: 'topics',
  country: 'countries',
  countries: 'countries',
  pais: 'countries',
  type: 'types',
  tipo: 'types',
  lang: 'languages',
  language: 'languages',
  idioma: 'languages',
  partner: 'partners',
  socio: 'partners',
};

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .trim();

const TYPE_NAMES: Record<string, ResourceType> = {
  noticia: 'news',
  noticias: 'news',
  documento: 'document',
  documentos: 'document',
  doc: 'document',
  foto: 'photo',
  fotos: 'photo',
  evento: 'event',
  eventos: 'event',
  destacado: 'highlight',
  destacados: 'highlight',
  videos: 'video',
};

const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en',
  ingles: 'en',
  spanish: 'es',
  espanol: 'es',
  portuguese: 'pt',
  portugues: 'pt',
  french: 'fr',
  frances: 'fr',
};

let countryIndex: Map<string, string> | undefined;

/** Country names in English and Spanish to ISO 3166-1 alpha-2 codes, from the runtime's ICU data. */
function countries(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  const names = ['en', 'es'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i += 1) {
    for (let j = 0; j < 26; j += 1) {
      const code = String.fromCharCode(A + i, A + j);
      for (const dn of names) {
        const name = dn.of(code);
        if (name && name !== code && !/^[A-Z]{2}$/.test(name)) {
          index.set(fold(name), code);
          index.set(fold(name).replace(/\s+/g, '-'), code);
          index.set(code.toLowerCase(), code);
        }
      }
    }
  }
  countryIndex = index;
  return index;
}

export function countryName(code: string, language: BotLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function resolve(key: FilterKey, raw: string): string | undefined {
  const value = fold(raw);
  if (!value) return undefined;
  switch (key) {
    case 'countries':
      return countries().get(value);
    case 'types':
      return (RESOURCE_TYPES as readonly string[]).includes(value) ? value : TYPE_NAMES[value];
    case 'languages':
      return (LANGUAGES as readonly string[]).includes(value) ? value : LANGUAGE_NAMES[value];
    case 'topics':
    case 'partners':
      return /^[a-z0-9][a-z0-9-]{0,63}$/.test(value) ? value : undefined;
  }
}

export interface ParsedFilters {
  filter: ResourceFilter;
  /** Words that were not filters (a subscribe command's email and frequency, a search's text). */
  rest: string[];
  /** Filter tokens that could not be understood, as typed. */
  problems: string[];
}

/** Reads `key:value` tokens (values may be quoted: `country:"el salvador"`). */
export function parseFilters(text: string): ParsedFilters {
  const filter: Record<FilterKey, string[]> = {
    topics: [],
    countries: [],
    types: [],
    languages: [],
    partners: [],
  };
  const rest: string[] = [];
  const problems: string[] = [];
  const tokens = text.match(/[^\s:]+:"[^"]*"|[^\s:]+:\S+|"[^"]*"|\S+/g) ?? [];
  for (const token of tokens) {
    const colon = token.indexOf(':');
    const key = colon > 0 ? KEYS[fold(token.slice(0, colon))] : undefined;
    if (!key) {
      rest.push(token);
      continue;
    }
    const values = token
      .slice(colon + 1)
      .replace(/^"|"$/g, '')
      .split(',')
      .filter(Boolean);
    let ok = values.length > 0;
    for (const raw of values) {
      const value = resolve(key, raw);
      if (value === undefined) ok = false;
      else if (!filter[key].includes(value)) filter[key].push(value);
    }
    if (!ok) problems.push(token);
  }
  const out: ResourceFilter = {};
  if (filter.topics.length) out.topics = filter.topics;
  if (filter.countries.length) out.countries = filter.countries;
  if (filter.types.length) out.types = filter.types as ResourceType[];
  if (filter.languages.length) out.languages = filter.languages as Language[];
  if (filter.partners.length) out.partners = filter.partners;
  return { filter: out, rest, problems };
}

/** "topic: cash-transfers · country: Colombia", or the word for everything. */
export function describeFilter(filter: ResourceFilter, language: BotLanguage, m: Messages): string {
  const parts: string[] = [];
  const labels = m.filterLabels;
  if (filter.topics?.length) parts.push(`${labels.topic}: ${filter.topics.join(', ')}`);
  if (filter.countries?.length)
    parts.push(`${labels.country}: ${filter.countries.map((c) => countryName(c, language)).join(', ')}`);
  if (filter.types?.length) parts.push(`${labels.type}: ${filter.types.join(', ')}`);
  if (filter.languages?.length) parts.push(`${labels.language}: ${filter.languages.join(', ')}`);
  if (filter.partners?.length) parts.push(`${labels.partner}: ${filter.partners.join(', ')}`);
  return parts.length ? parts.join(' · ') : m.everything;
}

/** A filter with its lists sorted, so that the same follow typed twice compares equal. */
export function normaliseFilter(filter: ResourceFilter): ResourceFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter).sort(([a], [b]) => a.localeCompare(b))) {
    if (Array.isArray(v)) {
      if (v.length) out[k] = [...v].sort();
    } else if (v !== undefined) out[k] = v;
  }
  return out as ResourceFilter;
}
