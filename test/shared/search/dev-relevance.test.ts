import { describe, expect, it } from 'vitest';
import { measureDev } from './dev-figures.js';
import { measureDev2 } from './dev2-figures.js';

/**
 * The ranking over the two development sets (test/shared/search/dev/, dev2/, issue 19), whose
 * libraries and judgements were committed before any ranking ran on them (9c6eb67, 9f3adde) and
 * whose failures are studied to choose ranking changes. The first scored 0.842 / 0.909 on its
 * first run, 0.915 / 0.956 after the changes chosen on it and the tuning set; the second, written
 * after those changes, scored 0.848 / 0.921 on its first run (the ranking before them: 0.789 /
 * 0.884), 0.876 / 0.932 after the changes chosen on all three. The floors keep what was gained,
 * with a small margin.
 */
const FLOORS = [
  { name: 'development set', measure: measureDev, ndcg5: 0.905, recall10: 0.945 },
  { name: 'second development set', measure: measureDev2, ndcg5: 0.865, recall10: 0.92 },
] as const;
const GAIN_OVER_DEFAULT = 0.3;

describe('development relevance sets, searched', () => {
  it.each(FLOORS)(
    '$name: nDCG@5 at or above $ndcg5 and recall@10 at or above $recall10, well above MiniSearch’s default',
    async ({ measure, ndcg5, recall10 }) => {
      const figures = await measure();
      expect(figures.ours.ndcg5).toBeGreaterThanOrEqual(ndcg5);
      expect(figures.ours.recall10).toBeGreaterThanOrEqual(recall10);
      expect(figures.ours.ndcg5 - figures.baseline.ndcg5).toBeGreaterThanOrEqual(GAIN_OVER_DEFAULT);
    },
  );
});
