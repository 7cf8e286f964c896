import { describe, expect, it } from 'vitest';
import type { Resource } from '#shared/domain/resource.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { makeResource } from '../../helpers/resources.js';

/**
 * Issue 19, point 4 on a bilingual library: a domain word is weak however the library splits it
 * across languages. Here "social protection" is in 20 of the 24 English resources and "protección
 * social" in 20 of the 24 Spanish ones, so neither stem reaches half of the 48 resources; the
 * concept is in 40 of them.
 */
const COUNTRIES = [
  ['JM', 'Jamaica'],
  ['PE', 'Peru'],
  ['CO', 'Colombia'],
  ['MX', 'Mexico'],
] as const;
const SUBJECTS = {
  en: ['Old-age pensions', 'School feeding', 'Cash transfers', 'Social registries'],
  es: [
    'Pensiones no contributivas',
    'Alimentación escolar',
    'Transferencias monetarias',
    'Registros sociales',
  ],
};
const DOMAIN = {
  en: 'How the social protection programme reaches households in poverty.',
  es: 'Cómo el programa de protección social llega a los hogares en pobreza.',
};

const NEAR = {
  en: ['Notes from a programme field visit.', 'How social protection reaches households in poverty.'],
  es: ['Notas de una visita al programa.', 'Cómo la protección social llega a los hogares en pobreza.'],
};

function bilingualLibrary(): Resource[] {
  const out: Resource[] = [];
  for (const language of ['en', 'es'] as const)
    for (let i = 0; i < 24; i++) {
      const [code, name] = COUNTRIES[i % 4]!;
      const k = out.length;
      out.push(
        makeResource({
          id: `${language}-${i}`,
          title: `${SUBJECTS[language][(i >> 2) % 4]} ${language === 'en' ? 'in' : 'en'} ${name}`,
          // Every fifth resource does not use the domain's words (PATH's highlight in the sample library)
          // but one of them, and another every fifth uses all of them but that one.
          summary: i % 5 === 4 ? NEAR[language][0] : i % 5 === 3 ? NEAR[language][1] : DOMAIN[language],
          language,
          countries: [code],
          publishedAt: new Date(Date.UTC(2026, 0, 1) + ((k * 7) % 48) * 86_400_000).toISOString(),
        }),
      );
    }
  return out;
}

const library = bilingualLibrary();
const index = SearchIndex.build(library, new Map([['midis-pe', 'MIDIS']]), {
  builtAt: '2026-06-01T00:00:00Z',
});
const NOW = new Date('2026-06-01T00:00:00Z');
const search = (query: string) => index.search({ query, limit: 50, explain: true }, NOW);
const ids = (query: string) => search(query).hits.map((h) => h.id);
const newestFirst = (code: string) =>
  library
    .filter((r) => r.countries.includes(code))
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
    .map((r) => r.id);

describe('SearchIndex: domain words are weak across languages (issue 19.4)', () => {
  it('lists every filtered resource, newest first, for domain words in English', () => {
    const response = search('social protection country:JM');
    expect(response.hits.map((h) => h.id)).toEqual(newestFirst('JM'));
    expect(response.hits[0]?.explain?.ranking).toBe('newest first');
    expect(response.hits[0]?.explain?.weak).toEqual(['social', 'protection']);
  });

  it('does the same for the domain words in Spanish, and for resources in the other language', () => {
    expect(ids('protección social país:Jamaica')).toEqual(newestFirst('JM'));
    expect(ids('social protection programme poverty country:peru')).toEqual(newestFirst('PE'));
    expect(ids('programa protección social pobreza país:Perú')).toEqual(newestFirst('PE'));
  });

  it('neither narrows nor widens the results when another domain word is added', () => {
    expect(ids('social protection programme country:JM')).toEqual(ids('social protection country:JM'));
  });

  it('keeps a word that only part of the library has as one that restricts', () => {
    const hits = search('pensions country:JM').hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(newestFirst('JM').length);
    expect(hits.every((h) => /pension/i.test(h.title))).toBe(true);
    expect(hits[0]?.explain?.weak).toEqual([]);
  });

  it('does not take the words of a language with few resources for domain words', () => {
    // Three Portuguese resources all say "proteção social": a share of three is no domain.
    const portuguese = ['a', 'b', 'c'].map((id) =>
      makeResource({
        id: `pt-${id}`,
        title: `Bolsa Família e proteção social ${id}`,
        summary: 'Um programa de proteção social.',
        language: 'pt',
        countries: ['BR'],
      }),
    );
    const english = library.filter((r) => r.language === 'en');
    const small = SearchIndex.build([...english, ...portuguese], new Map(), {
      builtAt: '2026-06-01T00:00:00Z',
    });
    const response = small.search({ query: 'família', limit: 50, explain: true }, NOW);
    expect(response.hits.map((h) => h.id).sort()).toEqual(['pt-a', 'pt-b', 'pt-c']);
    expect(response.hits[0]?.explain?.weak).toEqual([]);
  });
});
