import type { ResourceFilter } from './filter.js';
import { FILTER_FIELDS, type PartnerNames, type UiLanguage, valueName } from './values.js';

/**
 * A stored filter in words, in the member's language: "topic: Early childhood · country: Peru ·
 * words: "cash transfers" -pilot". Ids never reach a member: each value is shown by its name.
 */

const LABELS: Record<UiLanguage, Record<(typeof FILTER_FIELDS)[number] | 'keywords', string>> = {
  en: {
    topics: 'topic',
    countries: 'country',
    types: 'type',
    languages: 'language',
    partners: 'partner',
    keywords: 'words',
  },
  es: {
    topics: 'tema',
    countries: 'país',
    types: 'tipo',
    languages: 'idioma',
    partners: 'socio',
    keywords: 'palabras',
  },
};

const EVERYTHING: Record<UiLanguage, string> = { en: 'everything', es: 'todo' };

export function describeFilter(filter: ResourceFilter, lang: UiLanguage, partners?: PartnerNames): string {
  const labels = LABELS[lang];
  const parts: string[] = [];
  for (const field of FILTER_FIELDS) {
    const values = filter[field];
    if (values?.length)
      parts.push(`${labels[field]}: ${values.map((v) => valueName(field, v, lang, partners)).join(', ')}`);
  }
  if (filter.keywords) parts.push(`${labels.keywords}: ${filter.keywords}`);
  if (filter.since) parts.push(`${lang === 'es' ? 'desde' : 'since'} ${filter.since.slice(0, 10)}`);
  if (filter.before) parts.push(`${lang === 'es' ? 'antes de' : 'before'} ${filter.before.slice(0, 10)}`);
  return parts.length ? parts.join(' · ') : EVERYTHING[lang];
}
