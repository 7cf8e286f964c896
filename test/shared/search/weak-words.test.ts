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
const inCountry = (code: string) => library.filter((r) => r.countries.includes(code)).map((r) => r.id);

/**
 * What a query of weak words and a filter lists: every resource the filter allows; those with the
 * words first, best first (they weigh little, but they weigh), the others after them, newest first.
 */
function expectWeakFirst(response: ReturnType<typeof search>, allowed: readonly string[]): void {
  expect(response.hits.map((h) => h.id).sort()).toEqual([...allowed].sort());
  const ranking = response.hits.map((h) => h.explain?.ranking);
  const withWords = ranking.filter((r) => r === 'common words').length;
  expect(withWords).toBeGreaterThan(0);
  expect(ranking.slice(0, withWords).every((r) => r === 'common words')).toBe(true);
  expect(ranking.slice(withWords).every((r) => r === 'newest first')).toBe(true);
  for (const hit of response.hits.slice(0, withWords)) {
    // `--explain` multiplies back to the ranked score (its parts rounded to 3 decimals; the
    // country filter's `#n:` part, the resources about the country, is not small).
    const e = hit.explain!;
    const parts = [...e.terms, ...e.topic].reduce((sum, p) => sum + p.score, 0);
    const product = parts * e.coordination * e.prior * e.recency * e.proximity;
    expect(product / hit.score).toBeCloseTo(1, 3);
  }
  const scores = response.hits.slice(0, withWords).map((h) => h.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const rest = response.hits.slice(withWords).map((h) => h.publishedAt);
  expect(rest).toEqual([...rest].sort().reverse());
}

describe('SearchIndex: domain words are weak across languages (issue 19.4)', () => {
  it('lists every filtered resource for domain words in English, those that say them first', () => {
    const response = search('social protection country:JM');
    expectWeakFirst(response, inCountry('JM'));
    expect(response.hits[0]?.explain?.weak).toEqual(['social', 'protection']);
    // "Notes from a programme field visit" does not say it: it comes after those that do.
    const summaryOf = (id: string) => library.find((r) => r.id === id)?.summary ?? '';
    const notes = response.hits.findIndex((h) => summaryOf(h.id) === NEAR.en[0]);
    const says = response.hits.findLastIndex((h) => /social protection/i.test(summaryOf(h.id)));
    expect(notes).toBeGreaterThan(-1);
    expect(notes).toBeGreaterThan(says);
  });

  it('does the same for the domain words in Spanish, and for resources in the other language', () => {
    expectWeakFirst(search('protección social país:Jamaica'), inCountry('JM'));
    expectWeakFirst(search('social protection programme poverty country:peru'), inCountry('PE'));
    expectWeakFirst(search('programa protección social pobreza país:Perú'), inCountry('PE'));
  });

  it('takes a domain word as weak in every language when it is weak in one (its translations)', () => {
    // Most English resources say "social protection"; only two Spanish ones say "protección social"
    // (the others "programas sociales"), as on the sample library `npm start` ingests.
    const fewSay = library.map((r, k) =>
      r.language === 'es' && k % 12 !== 0 ? { ...r, summary: 'Cómo llegan los programas a los hogares.' } : r,
    );
    const fewIndex = SearchIndex.build(fewSay, new Map(), { builtAt: '2026-06-01T00:00:00Z' });
    const response = fewIndex.search(
      { query: 'protección social país:Jamaica', limit: 50, explain: true },
      NOW,
    );
    expect(response.hits.map((h) => h.id).sort()).toEqual(inCountry('JM').sort());
    expect(response.hits[0]?.explain?.weak).toEqual(['protección', 'social']);
  });

  it("reads the network's domain as a phrase as weak however few resources say it: the filter lists them all", () => {
    // Only one resource in six says "social protection" or "protección social" here; the words are
    // strong alone, but together they name the whole portal's scope.
    const rare = library.map((r, k) =>
      k % 6 !== 0 ? { ...r, summary: r.language === 'en' ? 'Notes from the field.' : 'Notas de campo.' } : r,
    );
    const rareIndex = SearchIndex.build(rare, new Map(), { builtAt: '2026-06-01T00:00:00Z' });
    for (const query of ['social protection country:JM', 'protección social país:Jamaica']) {
      const response = rareIndex.search({ query, limit: 50, explain: true }, NOW);
      expect(response.hits.map((h) => h.id).sort(), query).toEqual(inCountry('JM').sort());
    }
    // "protection" alone is still measured: here it is rare, so it restricts.
    const alone = rareIndex.search({ query: 'protection country:JM', limit: 50 }, NOW);
    expect(alone.hits.length).toBeLessThan(inCountry('JM').length);
  });

  it('takes the words any text of the domain may say (poverty, programme, government) as weak however rare', () => {
    // Only one resource in six says "poverty" or "pobreza" here ("households in poverty").
    const rare = library.map((r, k) =>
      k % 6 !== 0 ? { ...r, summary: r.language === 'en' ? 'Notes from the field.' : 'Notas de campo.' } : r,
    );
    const rareIndex = SearchIndex.build(rare, new Map(), { builtAt: '2026-06-01T00:00:00Z' });
    for (const query of ['poverty country:JM', 'pobreza país:Jamaica', 'government programmes country:JM']) {
      const response = rareIndex.search({ query, limit: 50, explain: true }, NOW);
      expect(response.hits.map((h) => h.id).sort(), query).toEqual(inCountry('JM').sort());
    }
    // Those that say it come first.
    const first = rareIndex.search({ query: 'poverty country:JM', limit: 1 }, NOW).hits[0]!;
    expect(rare.find((r) => r.id === first.id)?.summary).toMatch(/poverty|pobreza/);
  });

  it('orders a domain query in Spanish as its English translation: weak words weigh in every language', () => {
    expect(ids('protección social país:Jamaica')).toEqual(ids('social protection country:JM'));
  });

  it('neither narrows nor widens the results when another domain word is added', () => {
    expect(ids('social protection programme country:JM').sort()).toEqual(
      ids('social protection country:JM').sort(),
    );
  });

  it('keeps a word that only part of the library has as one that restricts', () => {
    const hits = search('pensions country:JM').hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(inCountry('JM').length);
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
