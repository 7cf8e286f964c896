import type { SampleResource } from './sample-library.js';

/** nDCG at k with graded gains (2^g − 1), against the ideal ordering of every judged resource. */
export function ndcgAt(k: number, ranked: readonly string[], grades: ReadonlyMap<string, number>): number {
  const dcg = (gains: number[]) =>
    gains.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...grades.values()].sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(ranked.map((id) => grades.get(id) ?? 0)) / ideal;
}

/** Recall at k, capped: the share of the relevant resources found, out of at most k (R-capped recall). */
export function recallAt(k: number, ranked: readonly string[], grades: ReadonlyMap<string, number>): number {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  if (relevant === 0) return 1;
  const found = ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length;
  return found / Math.min(k, relevant);
}

export interface RelevanceFigures {
  ndcg5: number;
  recall10: number;
  perQuery: { query: string; ndcg5: number; recall10: number }[];
}

/** Runs every judged query through `search` (ids in rank order) and averages the figures. */
export async function measureRelevance(
  library: readonly SampleResource[],
  judged: readonly { query: string; grade: (r: SampleResource) => number }[],
  search: (query: string) => Promise<string[]> | string[],
): Promise<RelevanceFigures> {
  const perQuery: RelevanceFigures['perQuery'] = [];
  for (const { query, grade } of judged) {
    const grades = new Map(library.map((r) => [r.id, grade(r)]));
    const ranked = await search(query);
    perQuery.push({ query, ndcg5: ndcgAt(5, ranked, grades), recall10: recallAt(10, ranked, grades) });
  }
  const mean = (f: (q: RelevanceFigures['perQuery'][number]) => number) =>
    perQuery.reduce((s, q) => s + f(q), 0) / perQuery.length;
  return { ndcg5: mean((q) => q.ndcg5), recall10: mean((q) => q.recall10), perQuery };
}
