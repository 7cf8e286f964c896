import { describe, expect, it } from 'vitest';
import { BLIND_SET, type QueryType } from './blind/judgements.js';
import { blindLibrary } from './blind/library.js';
import { sampleLibrary } from './sample-library.js';

/**
 * The blind relevance set as data: what it holds and that its judgements hang together. Nothing
 * here runs the search (blind-relevance.test.ts does, with the floors).
 */
describe('blind relevance set', () => {
  const library = blindLibrary();

  it('has at least 400 distinct publications in English, Spanish and some Portuguese', () => {
    expect(library.length).toBeGreaterThanOrEqual(400);
    expect(new Set(library.map((r) => r.id)).size).toBe(library.length);
    expect(new Set(library.map((r) => r.title)).size).toBe(library.length);
    expect(library.filter((r) => r.language === 'en').length).toBeGreaterThan(100);
    expect(library.filter((r) => r.language === 'es').length).toBeGreaterThan(100);
    expect(library.filter((r) => r.language === 'pt').length).toBeGreaterThanOrEqual(20);
  });

  it('is kept apart from the tuning library: no title in common', () => {
    const tuning = new Set(sampleLibrary().map((r) => r.title));
    expect(library.filter((r) => tuning.has(r.title))).toEqual([]);
  });

  it('uses the domain’s words in nearly every publication, as a partner library does', () => {
    const domain = /social protection|protección social|proteção social|programme|programa|poverty|pobreza/i;
    const withThem = library.filter((r) => domain.test(`${r.title} ${r.summary}`));
    expect(withThem.length / library.length).toBeGreaterThan(0.95);
  });

  it('has at least 60 queries of every type, and one central query for each topic the target names', () => {
    expect(BLIND_SET.length).toBeGreaterThanOrEqual(60);
    const types: QueryType[] = [
      'english',
      'spanish',
      'portuguese',
      'mixed',
      'acronym',
      'typo',
      'programme',
      'filter',
      'domain',
    ];
    for (const type of types)
      expect(BLIND_SET.filter((q) => q.type === type).length, type).toBeGreaterThan(1);
    const central = BLIND_SET.flatMap((q) => (q.central ? [q.central] : []));
    expect(central.sort()).toEqual([
      'cct',
      'early-childhood',
      'financial-inclusion',
      'mpi',
      'pensions',
      'targeting',
    ]);
    expect(new Set(BLIND_SET.map((q) => q.query)).size).toBe(BLIND_SET.length);
  });

  it('grades 0 to 3, and every query has something a member would want', () => {
    for (const { query, grade } of BLIND_SET) {
      const grades = library.map(grade);
      expect(
        grades.every((g) => Number.isInteger(g) && g >= 0 && g <= 3),
        query,
      ).toBe(true);
      expect(Math.max(...grades), query).toBeGreaterThanOrEqual(2);
    }
  });

  it('marks as cross-language exactly the queries whose relevant publications include another language', () => {
    for (const q of BLIND_SET) {
      const relevant = library.filter((r) => q.grade(r) > 0);
      const other = q.lang !== 'none' && relevant.some((r) => r.language !== q.lang);
      expect(q.crossLanguage, q.query).toBe(other);
    }
  });
});
