import SearchableMap from 'minisearch/SearchableMap';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { problemText } from '#shared/filters/problems.js';
import { parseQuery, QUERY_BOUNDS } from '#shared/search/query.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { SAMPLE_NOW, SAMPLE_PARTNERS, sampleLibrary } from './sample-library.js';

/**
 * Regression (issue 13.1): `search ` and 40,000 letters took 1.7 GB and up to 19 s, because a typo
 * lookup allocates a matrix of the square of the word's length. The query layer now bounds the
 * query's length, each word's length and the typo work, and says what it left out.
 */

const NOW = new Date(SAMPLE_NOW);
let index: SearchIndex;

beforeAll(() => {
  index = SearchIndex.build(sampleLibrary(), SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
});

/** The longest word handed to a typo lookup during `run`, and how many lookups there were. */
function typoLookups(run: () => void): { longest: number; count: number } {
  const spy = vi.spyOn(SearchableMap.prototype, 'fuzzyGet');
  try {
    run();
    const words = spy.mock.calls.map(([word]) => word.length);
    return { longest: Math.max(0, ...words), count: words.length };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('query bounds', () => {
  it('reads only the first characters of a long query, and says so', () => {
    const parsed = parseQuery(`pension ${'reform '.repeat(200)}`, NOW);
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        code: 'note',
        text: `Only the first ${QUERY_BOUNDS.maxQueryChars} characters of your search were read: the rest was left out.`,
      }),
    );
    expect(parsed.words.length).toBeLessThanOrEqual(QUERY_BOUNDS.maxWords);
    expect(parsed.lastWordIsPrefix).toBe(false);
  });

  it('leaves out a word longer than any word of the library, and says so', () => {
    const parsed = parseQuery(`cash ${'a'.repeat(300)} transfers`, NOW);
    expect(parsed.words.map((w) => w.text)).toEqual(['cash', 'transfers']);
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        code: 'note',
        text: `A word longer than ${QUERY_BOUNDS.maxWordChars} letters was left out.`,
      }),
    );
  });

  it('says what was left out in Spanish to a Spanish reader', () => {
    const parsed = parseQuery(`pension ${'reform '.repeat(200)} ${'a'.repeat(300)}`, NOW);
    expect(parsed.problems.map((p) => problemText(p, 'es'))).toEqual([
      `Solo se leyeron los primeros ${QUERY_BOUNDS.maxQueryChars} caracteres de su búsqueda: el resto se omitió.`,
      expect.stringMatching(/^Solo se buscaron las primeras \d+ palabras: se omitieron \d+ más\.$/),
    ]);
    const long = parseQuery(`cash ${'a'.repeat(300)}`, NOW);
    expect(problemText(long.problems[0]!, 'es')).toBe(
      `Se omitió una palabra de más de ${QUERY_BOUNDS.maxWordChars} letras.`,
    );
  });

  it('searches at most maxWords words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const parsed = parseQuery(words, NOW);
    expect(parsed.words).toHaveLength(QUERY_BOUNDS.maxWords);
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        code: 'note',
        text: `Only the first ${QUERY_BOUNDS.maxWords} words were searched: ${40 - QUERY_BOUNDS.maxWords} more were left out.`,
      }),
    );
  });

  it('answers a 40,000-letter word (a Slack DM) with a note and no typo lookup on it', () => {
    const word = 'x'.repeat(40_000);
    let response: ReturnType<SearchIndex['search']> | undefined;
    const lookups = typoLookups(() => {
      response = index.search({ query: word }, NOW);
    });
    expect(lookups.count).toBe(0);
    expect(response?.hits).toEqual([]);
    expect(response?.problems.join(' ')).toMatch(/left out/);
  });

  it('gives typo tolerance only to words up to maxFuzzyWordChars letters', () => {
    // 30 letters, under the word bound but over the typo bound: matched as typed, no lookup.
    const lookups = typoLookups(() => index.search({ query: 'zzzzzzzzzzyyyyyyyyyyxxxxxxxxxx ' }, NOW));
    expect(lookups.count).toBe(0);
    // A real typo in a short word still gets its lookup and finds the word meant.
    const typo = typoLookups(() => {
      expect(index.search({ query: 'condtional ' }, NOW).total).toBeGreaterThan(0);
    });
    expect(typo.count).toBeGreaterThan(0);
    expect(typo.longest).toBeLessThanOrEqual(QUERY_BOUNDS.maxFuzzyWordChars);
  });

  it('spends at most maxFuzzyWords typo lookups on one query, and says the rest were matched as typed', () => {
    const unknown = Array.from({ length: 12 }, (_, i) => `qwertz${String.fromCharCode(97 + i)}`).join(' ');
    let problems: string[] = [];
    const lookups = typoLookups(() => {
      problems = index.search({ query: `${unknown} ` }, NOW).problems;
    });
    // Each word has English and Spanish stems: a lookup per variant, at most two per word.
    expect(lookups.count).toBeLessThanOrEqual(2 * QUERY_BOUNDS.maxFuzzyWords);
    expect(problems).toContain(
      `Spelling mistakes were forgiven in at most ${QUERY_BOUNDS.maxFuzzyWords} words; the others were matched as typed.`,
    );
  });

  it('keeps the closest and most frequent index terms a typo lookup reaches, at most maxFuzzyTerms', () => {
    const response = index.search({ query: 'transferencias ' }, NOW, {
      ...QUERY_BOUNDS,
      maxFuzzyTerms: 1,
    });
    expect(response.problems).toEqual([]);
    expect(response.total).toBeGreaterThan(0);
  });
});
