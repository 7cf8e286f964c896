import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '#shared/domain/resource.js';
import {
  countryByCode,
  findCountry,
  findLanguage,
  findTopic,
  findType,
  tagText,
} from '#shared/taxonomy/index.js';
import { DEV_SET, type QueryType } from './judgements.js';
import { DEV_NOW, DEV_PARTNERS, devLibrary, KINDS, SUBJECTS } from './library.js';

/**
 * The development set checked as a set, without running any ranking: its size, its mix, and that
 * every query has something to find. The figures are `scripts/dev-set.ts`'s.
 */

const library = devLibrary();
const share = (n: number) => n / library.length;

describe('the development library', () => {
  it('holds at least 320 resources with unique ids and URLs', () => {
    expect(library.length).toBeGreaterThanOrEqual(320);
    expect(new Set(library.map((r) => r.id)).size).toBe(library.length);
    expect(new Set(library.map((r) => r.url)).size).toBe(library.length);
  });

  it('is mostly English and Spanish, with some Portuguese and a little French', () => {
    const count = (lang: string) => library.filter((r) => r.language === lang).length;
    expect(share(count('en'))).toBeGreaterThan(0.45);
    expect(share(count('en'))).toBeLessThan(0.6);
    expect(share(count('es'))).toBeGreaterThan(0.35);
    expect(share(count('es'))).toBeLessThan(0.5);
    expect(count('pt')).toBeGreaterThanOrEqual(10);
    expect(count('fr')).toBeGreaterThanOrEqual(5);
    expect(library.every((r) => (LANGUAGES as readonly string[]).includes(r.language))).toBe(true);
  });

  it('covers at least 14 subjects with 8 resources or more each, in every kind', () => {
    const bySubject = new Map<string, number>();
    for (const r of library) bySubject.set(r.meta.subject, (bySubject.get(r.meta.subject) ?? 0) + 1);
    expect([...bySubject.values()].filter((n) => n >= 8).length).toBeGreaterThanOrEqual(14);
    for (const r of library) {
      expect(SUBJECTS).toContain(r.meta.subject);
      for (const s of r.meta.also) expect(SUBJECTS).toContain(s);
    }
    for (const kind of KINDS)
      expect(library.filter((r) => r.meta.kind === kind).length).toBeGreaterThanOrEqual(8);
  });

  it('is normalised as ingest would: tags from title and summary, the partner’s country, type by kind', () => {
    for (const r of library) {
      const tags = tagText([r.title, r.summary]);
      expect(r.topics).toEqual(tags.topics);
      for (const c of tags.countries) expect(r.countries).toContain(c);
      expect(DEV_PARTNERS.has(r.partnerId)).toBe(true);
      expect(r.meta.country === 'LAC' || countryByCode(r.meta.country) !== undefined).toBe(true);
    }
    const typeOf = (kind: string) => new Set(library.filter((r) => r.meta.kind === kind).map((r) => r.type));
    expect(typeOf('evaluation')).toEqual(new Set(['document']));
    expect(typeOf('video')).toEqual(new Set(['video']));
    expect(typeOf('podcast')).toEqual(new Set(['audio']));
    expect(typeOf('event')).toEqual(new Set(['event']));
    expect(typeOf('news')).toEqual(new Set(['news']));
  });

  it('spreads its dates over the three years up to DEV_NOW', () => {
    const now = Date.parse(DEV_NOW);
    const years = new Set(library.map((r) => r.publishedAt.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(3);
    for (const r of library) {
      const t = Date.parse(r.publishedAt);
      expect(t).toBeLessThanOrEqual(now);
      expect(now - t).toBeLessThanOrEqual(3 * 366 * 24 * 3600 * 1000);
    }
  });
});

describe('the development judgements', () => {
  it('hold at least 70 distinct queries of every type', () => {
    expect(DEV_SET.length).toBeGreaterThanOrEqual(70);
    expect(new Set(DEV_SET.map((j) => j.query)).size).toBe(DEV_SET.length);
    const types: QueryType[] = ['english', 'spanish', 'mixed', 'acronym', 'programme', 'typo', 'filter'];
    for (const type of types) expect(DEV_SET.filter((j) => j.type === type).length).toBeGreaterThanOrEqual(5);
    expect(
      DEV_SET.filter((j) => j.type === 'portuguese' || j.type === 'french').length,
    ).toBeGreaterThanOrEqual(4);
    for (const j of DEV_SET.filter((j) => j.crossLanguage)) expect(j.lang).toBeDefined();
  });

  it('give every query at least three resources graded 2 or more, and only grades 0 to 3', () => {
    for (const { query, grade } of DEV_SET) {
      const grades = library.map(grade);
      expect(
        grades.every((g) => [0, 1, 2, 3].includes(g)),
        query,
      ).toBe(true);
      expect(grades.filter((g) => g >= 2).length, query).toBeGreaterThanOrEqual(3);
    }
  });

  it('use only filter values the filter language resolves', () => {
    const resolve: Record<string, (v: string) => unknown> = {
      country: findCountry,
      pais: findCountry,
      type: findType,
      tipo: findType,
      lang: findLanguage,
      tema: findTopic,
      since: (v) => /^\d{4}$/.exec(v),
      desde: (v) => /^\d{4}$/.exec(v),
    };
    for (const { query } of DEV_SET) {
      for (const [, key, value] of query.matchAll(/(\w+):("[^"]+"|\S+)/g)) {
        const read = resolve[key as string];
        expect(read, query).toBeDefined();
        expect(read!((value as string).replace(/"/g, '')), query).toBeTruthy();
      }
    }
  });

  it('hold near-misses: resources that say the query’s words but are graded 0', () => {
    const saying = (words: RegExp) => library.filter((r) => words.test(`${r.title} ${r.summary}`));
    const graded = (query: string) => DEV_SET.find((j) => j.query === query)!.grade;
    const nearMisses = (query: string, words: RegExp) => saying(words).filter((r) => graded(query)(r) === 0);
    expect(
      nearMisses('conditional cash transfers', /cash transfer|transferencia/i).length,
    ).toBeGreaterThanOrEqual(8);
    expect(nearMisses('targeting social programs', /\btarget/i).length).toBeGreaterThanOrEqual(3);
    expect(nearMisses('pensiones no contributivas', /pensi[oó]n|pension/i).length).toBeGreaterThanOrEqual(5);
    expect(nearMisses('graduation approach', /graduat/i).length).toBeGreaterThanOrEqual(2);
  });
});
