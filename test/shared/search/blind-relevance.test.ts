import { describe, expect, it } from 'vitest';
import { measureBlind } from './blind-figures.js';

/**
 * The ranking over the blind relevance set (test/shared/search/blind/, issue 19), whose library
 * and judgements were committed before the ranking was first run on them. The floors are what
 * the committed ranking scored on its first run (nDCG@5 0.823, recall@10 0.897, +0.265 over
 * MiniSearch's default configuration; commit 4882231) minus a small margin, so that a ranking
 * change chosen on the tuning set cannot make the blind set worse unnoticed. The target (nDCG@5
 * ≥ 0.95, each topic's central query ≥ 0.9) is the ranking's to reach: `npm run bench` prints it.
 * Raise the floors when the ranking improves; never edit the judgements to fit. Raised to just
 * under 0.872 / 0.917, measured after the ranking changes chosen on the extended tuning set
 * (unnormalised tags, a topic phrase as one unit, recency 0.05, the document prior). Raised to
 * just under 0.883 / 0.937 after the topic named in a field in any language weighed as the words typed.
 * Raised to just under 0.922 after the document prior 1.1, the main topic that is not a method, and
 * weak words weighing little instead of nothing (session 7); 0.926 with a free word's translations.
 * Raised to just under 0.948 after the changes chosen on the tuning and development sets (session 8:
 * what a resource is about, parts of topics, the network's domain, the document prior 1.25), then
 * to 0.945 at 0.951 (the target) after the changes chosen on both development sets.
 */
const NDCG5_FLOOR = 0.945;
/** 0.941, then 0.952 with a free word's translations (session 7); 0.957, then 0.965 (session 8). */
const RECALL10_FLOOR = 0.96;
/**
 * Other-language resources in the top 5 of the cross-language queries: 0.335 before the topic named
 * in a field (`#f:`) weighed as the words typed, 0.443 after; 0.553 in the judged best 5; 0.462 with
 * a free word's translations (session 7); 0.471 (session 8).
 */
const OTHER_LANGUAGE_FLOOR = 0.46;
const GAIN_OVER_DEFAULT = 0.2;

describe('blind relevance set, searched', () => {
  it(`keeps nDCG@5 at or above ${NDCG5_FLOOR} and recall@10 at or above ${RECALL10_FLOOR}, well above MiniSearch's default configuration`, async () => {
    const figures = await measureBlind();
    expect(figures.ours.ndcg5).toBeGreaterThanOrEqual(NDCG5_FLOOR);
    expect(figures.ours.recall10).toBeGreaterThanOrEqual(RECALL10_FLOOR);
    expect(figures.ours.ndcg5 - figures.baseline.ndcg5).toBeGreaterThanOrEqual(GAIN_OVER_DEFAULT);
    expect(figures.otherLanguage.ranked).toBeGreaterThanOrEqual(OTHER_LANGUAGE_FLOOR);
  });
});
