import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#shared/domain/resource.js';
import { parseFilterText } from '#shared/filters/language.js';
import { ENTRIES, LIGHT_KINDS, SUBSTANTIVE_KINDS } from './dev2/entries.js';
import { DEV2_SET } from './dev2/judgements.js';
import { DEV2_NOW, DEV2_PARTNER_LIST, DEV2_PARTNERS, dev2Library } from './dev2/library.js';

/**
 * The second development set's integrity, checked without running any ranker: its size, its mix
 * of languages and query types, that every query has something to find, and that every filter a
 * query types resolves to what its judgements assume.
 */

const library = dev2Library();
const share = (n: number) => n / library.length;

describe('the second development library', () => {
  it('holds at least 300 resources with unique ids, urls and titles', () => {
    expect(library.length).toBeGreaterThanOrEqual(300);
    expect(new Set(library.map((r) => r.id)).size).toBe(library.length);
    expect(new Set(library.map((r) => r.url)).size).toBe(library.length);
    expect(new Set(library.map((r) => r.title)).size).toBe(library.length);
  });

  it('is about half English, a third Spanish, a tenth Portuguese and a twentieth French', () => {
    const count = (lang: string) => library.filter((r) => r.language === lang).length;
    expect(share(count('en'))).toBeGreaterThan(0.45);
    expect(share(count('en'))).toBeLessThan(0.55);
    expect(share(count('es'))).toBeGreaterThan(0.3);
    expect(share(count('es'))).toBeLessThan(0.4);
    expect(share(count('pt'))).toBeGreaterThan(0.07);
    expect(share(count('pt'))).toBeLessThan(0.13);
    expect(share(count('fr'))).toBeGreaterThan(0.03);
    expect(share(count('fr'))).toBeLessThan(0.07);
    expect(new Set(library.map((r) => r.language))).toEqual(new Set(LANGUAGES));
  });

  it('weights the Caribbean and Central America, and has every kind of publication', () => {
    const caribbeanAndCentral = ['JM', 'BZ', 'HT', 'GT', 'HN', 'SV', 'DO', 'TT', 'BB', 'CR', 'NI'];
    const there = library.filter((r) => caribbeanAndCentral.includes(r.meta.country)).length;
    expect(share(there)).toBeGreaterThan(0.4);
    const kinds = new Set(library.map((r) => r.meta.kind));
    for (const kind of [...SUBSTANTIVE_KINDS, ...LIGHT_KINDS]) expect(kinds).toContain(kind);
    expect(new Set(library.map((r) => r.type))).toEqual(
      new Set(['document', 'news', 'event', 'video', 'audio']),
    );
  });

  it('is normalised as ingest would: every partner known, dates within three years, national partners tag their country', () => {
    const oldest = Date.parse(DEV2_NOW) - 3 * 366 * 24 * 3600 * 1000;
    for (const r of library) {
      expect(DEV2_PARTNERS.has(r.partnerId)).toBe(true);
      expect(Date.parse(r.publishedAt)).toBeLessThanOrEqual(Date.parse(DEV2_NOW));
      expect(Date.parse(r.publishedAt)).toBeGreaterThan(oldest);
      const country = DEV2_PARTNER_LIST.find((p) => p.id === r.partnerId)?.country;
      if (country) expect(r.countries).toContain(country);
    }
    // Tagging found topics in most texts, as it does in partners' feeds.
    expect(share(library.filter((r) => r.topics.length > 0).length)).toBeGreaterThan(0.7);
  });

  it('uses the domain everyday words in most resources, and leaves some summaries empty', () => {
    const everyday =
      /social protection|protección social|proteção social|protection sociale|povert|pobreza|pauvret|programm?e|programa|household|hogar|famil|government|gobierno|governo|gouvernement|ménage/i;
    const saying = library.filter((r) => everyday.test(`${r.title} ${r.summary}`)).length;
    expect(share(saying)).toBeGreaterThan(0.75);
    expect(ENTRIES.filter((e) => e.summary === '').length).toBeGreaterThan(10);
  });
});

describe('the second development queries', () => {
  it('are at least 80, of every type, unique', () => {
    expect(DEV2_SET.length).toBeGreaterThanOrEqual(80);
    expect(new Set(DEV2_SET.map((j) => j.query)).size).toBe(DEV2_SET.length);
    const types = new Set(DEV2_SET.map((j) => j.type));
    for (const type of [
      'english',
      'spanish',
      'portuguese',
      'french',
      'mixed',
      'acronym',
      'programme',
      'typo',
      'filter',
      'domain',
    ])
      expect(types).toContain(type);
  });

  it.each(DEV2_SET.map((j) => [j.query, j] as const))(
    '"%s" has at least 3 resources graded 2 or more',
    (_, judged) => {
      const grades = library.map(judged.grade);
      expect(grades.every((g) => [0, 1, 2, 3].includes(g))).toBe(true);
      expect(grades.filter((g) => g >= 2).length).toBeGreaterThanOrEqual(3);
    },
  );

  it('marks a language exactly on the queries judged across languages', () => {
    for (const j of DEV2_SET) expect(j.crossLanguage === true).toBe(j.lang !== undefined);
    expect(DEV2_SET.filter((j) => j.crossLanguage).length).toBeGreaterThanOrEqual(40);
  });

  it.each(DEV2_SET.map((j) => [j.query, j] as const))(
    '"%s": every filter resolves through shared/filters to what the judgements assume',
    (query, judged) => {
      const { filter, problems } = parseFilterText(query, {
        now: new Date(DEV2_NOW),
        partners: DEV2_PARTNERS,
      });
      expect(problems).toEqual([]);
      const f = judged.filters;
      expect(filter.countries).toEqual(f.onlyCountry ? [f.onlyCountry] : undefined);
      expect(filter.types).toEqual(f.onlyType ? [f.onlyType] : undefined);
      expect(filter.languages).toEqual(f.onlyLanguage ? [f.onlyLanguage] : undefined);
      expect(filter.since).toEqual(f.since);
      expect(filter.topics).toBeUndefined();
      expect(filter.keywords).toBeTruthy();
    },
  );
});
