import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { measureRelevance, otherLanguageShare } from './metrics.js';
import { RELEVANCE_SET } from './relevance-set.js';
import { SAMPLE_NOW, SAMPLE_PARTNERS, sampleLibrary } from './sample-library.js';

/**
 * The floor the relevance set must hold (the bench prints the figures): 0.9606 measured on the set
 * as extended with hand-written resources and queries (tuning-landmarks.ts, issue 19), where the
 * ranking before the changes chosen on it scored 0.908. On the set before the extension the ranking
 * scored 0.981 before those changes and 0.977 after. With the 12 cross-language queries (99 in
 * all): 0.953 before the topic named in a field (`#f:`), 0.977 after; 101 queries: 0.978, then
 * 0.983 after the document prior 1.1 and the main topic that is not a method; 0.984 (103 queries)
 * after the changes chosen on it and the development set together (session 8).
 */
const NDCG5_FLOOR = 0.98;
/**
 * Other-language resources in the top 5 of the queries whose judgements ignore language: 0.328
 * before the topic named in a field weighed as the words typed, 0.477 after; 0.517 in the judged best 5;
 * 0.483 in session 8.
 */
const OTHER_LANGUAGE_FLOOR = 0.46;
/** No query far behind: the weakest, "unemployment benefits" (a part of a broad topic), is 0.54. */
const PER_QUERY_FLOOR = 0.5;

describe('relevance set', () => {
  const library = sampleLibrary();

  it('has at least 40 queries over at least 300 resources in both languages', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40);
    expect(library.length).toBeGreaterThanOrEqual(300);
    expect(library.filter((r) => r.language === 'es').length).toBeGreaterThan(100);
    expect(library.filter((r) => r.language === 'en').length).toBeGreaterThan(100);
    // Every query has something to find.
    for (const { query, grade } of RELEVANCE_SET)
      expect(
        library.some((r) => grade(r) > 0),
        query,
      ).toBe(true);
  });

  it(`keeps nDCG@5 at or above ${NDCG5_FLOOR}, well above MiniSearch's default configuration`, async () => {
    const index = SearchIndex.build(library, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
    const now = new Date(SAMPLE_NOW);
    const ours = await measureRelevance(library, RELEVANCE_SET, (q) =>
      index.search({ query: q, limit: 10 }, now).hits.map((h) => h.id),
    );
    const plain = new MiniSearch({ fields: ['title', 'summary', 'contentHtml'] });
    plain.addAll(library);
    const baseline = await measureRelevance(library, RELEVANCE_SET, (q) =>
      plain
        .search(q)
        .slice(0, 10)
        .map((r) => r.id as string),
    );
    expect(ours.ndcg5).toBeGreaterThanOrEqual(NDCG5_FLOOR);
    expect(ours.recall10).toBeGreaterThanOrEqual(0.85);
    expect(ours.ndcg5 - baseline.ndcg5).toBeGreaterThanOrEqual(0.15);
    // No query is left far behind.
    for (const q of ours.perQuery) expect(q.ndcg5, q.query).toBeGreaterThanOrEqual(PER_QUERY_FLOOR);
  });

  it(`ranks resources in the other language with those in the query's (top-5 share ≥ ${OTHER_LANGUAGE_FLOOR})`, async () => {
    const index = SearchIndex.build(library, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
    const now = new Date(SAMPLE_NOW);
    const share = await otherLanguageShare(library, RELEVANCE_SET, (q) =>
      index.search({ query: q, limit: 10 }, now).hits.map((h) => h.id),
    );
    expect(share.queries).toBeGreaterThanOrEqual(30);
    expect(share.ranked).toBeGreaterThanOrEqual(OTHER_LANGUAGE_FLOOR);
    // Not the other way round either: no more than the judged best 5 have.
    expect(share.ranked).toBeLessThanOrEqual(share.judged + 0.05);
  });
});
