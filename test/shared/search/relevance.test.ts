import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { measureRelevance } from './metrics.js';
import { RELEVANCE_SET } from './relevance-set.js';
import { SAMPLE_NOW, SAMPLE_PARTNERS, sampleLibrary } from './sample-library.js';

/**
 * The floor the relevance set must hold (the bench prints the figures): 0.9606 measured on the set
 * as extended with hand-written resources and queries (tuning-landmarks.ts, issue 19), where the
 * ranking before the changes chosen on it scored 0.908. On the set before the extension the ranking
 * scored 0.981 before those changes and 0.977 after.
 */
const NDCG5_FLOOR = 0.955;
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
});
