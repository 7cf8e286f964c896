import { describe, expect, it } from 'vitest';
import { measureDev } from './dev-figures.js';

/**
 * The ranking over the development set (test/shared/search/dev/, issue 19), whose library and
 * judgements were committed before any ranking ran on them (9c6eb67) and whose failures are studied
 * to choose ranking changes. First run 0.842 / 0.909; 0.911 / 0.941 after the changes chosen on it
 * (a programme's and a country's aboutness, parts of topics, the network's domain as a phrase, the
 * document prior 1.25). The floors keep what was gained, with a small margin.
 */
const NDCG5_FLOOR = 0.9;
const RECALL10_FLOOR = 0.93;
const GAIN_OVER_DEFAULT = 0.3;

describe('development relevance set, searched', () => {
  it(`keeps nDCG@5 at or above ${NDCG5_FLOOR} and recall@10 at or above ${RECALL10_FLOOR}, well above MiniSearch's default`, async () => {
    const figures = await measureDev();
    expect(figures.ours.ndcg5).toBeGreaterThanOrEqual(NDCG5_FLOOR);
    expect(figures.ours.recall10).toBeGreaterThanOrEqual(RECALL10_FLOOR);
    expect(figures.ours.ndcg5 - figures.baseline.ndcg5).toBeGreaterThanOrEqual(GAIN_OVER_DEFAULT);
  });
});
