import type { Language, Resource } from '#shared/domain/resource.js';

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
export async function measureRelevance<R extends Resource>(
  library: readonly R[],
  judged: readonly { query: string; grade: (r: R) => number }[],
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

/**
 * For queries whose judgements ignore language: the share of resources in the other language
 * among the top 5 (`ranked`), and among the best 5 of the judged ones (`judged`, ties shared out
 * evenly), averaged over the queries. Equal shares: other-language resources rank as what they are.
 */
export async function otherLanguageShare<R extends Resource>(
  library: readonly R[],
  judged: readonly { query: string; grade: (r: R) => number; language?: Language }[],
  search: (query: string) => Promise<string[]> | string[],
): Promise<{ queries: number; ranked: number; judged: number }> {
  const byId = new Map(library.map((r) => [r.id, r]));
  const other = (r: R | undefined, lang: string) => (r && r.language !== lang ? 1 : 0);
  let ranked = 0;
  let ideal = 0;
  let queries = 0;
  for (const { query, grade, language } of judged) {
    if (!language) continue;
    queries += 1;
    const top = (await search(query)).slice(0, 5);
    ranked += top.reduce((s, id) => s + other(byId.get(id), language), 0) / 5;
    // The judged best 5: whole grades first; within the grade that straddles the cut, its share.
    const graded = library.filter((r) => grade(r) > 0).sort((a, b) => grade(b) - grade(a));
    let left = 5;
    let share = 0;
    for (const g of [...new Set(graded.map(grade))]) {
      const tier = graded.filter((r) => grade(r) === g);
      const take = Math.min(left, tier.length);
      share += (take * tier.reduce((s, r) => s + other(r, language), 0)) / tier.length;
      left -= take;
      if (left === 0) break;
    }
    ideal += share / 5;
  }
  return { queries, ranked: ranked / queries, judged: ideal / queries };
}
