import { BLIND_SET, type BlindQuery, type CentralTopic, type QueryType } from './blind/judgements.js';
import { BLIND_NOW, BLIND_PARTNER_NAMES, blindLibrary } from './blind/library.js';
import { measureRelevance, otherLanguageShare, type RelevanceFigures } from './metrics.js';
import { miniSearchDefault, oursOver, type Ranker } from './rankers.js';

/**
 * The blind set's figures (issue 19): nDCG@5 and recall@10 of ours and of MiniSearch's default
 * configuration over the blind library, by query type, for each topic's central query, and the
 * share of other-language resources in the top 5 of cross-language queries against the share in
 * the judgements. The blind set is never used to choose a ranking change: it reports them.
 */

export interface BlindFigures {
  queries: number;
  resources: number;
  ours: RelevanceFigures;
  baseline: RelevanceFigures;
  byType: { type: QueryType; queries: number; ours: number; baseline: number; recall10: number }[];
  central: { topic: CentralTopic; query: string; ndcg5: number; baseline: number }[];
  /** Share of other-language resources in the top 5 of cross-language queries, ours and judged. */
  otherLanguage: { queries: number; ranked: number; judged: number; baselineRanked: number };
}

const crossLanguage = (set: readonly BlindQuery[]) =>
  set.flatMap((q) => (q.crossLanguage && q.lang !== 'none' ? [{ ...q, language: q.lang }] : []));

export async function measureBlind(rankers?: { ours: Ranker; baseline: Ranker }): Promise<BlindFigures> {
  const library = blindLibrary();
  const ours = rankers?.ours ?? oursOver(library, BLIND_PARTNER_NAMES, BLIND_NOW);
  const baseline = rankers?.baseline ?? miniSearchDefault(library);
  const mine = await measureRelevance(library, BLIND_SET, ours);
  const base = await measureRelevance(library, BLIND_SET, baseline);
  const at = (figures: RelevanceFigures, query: string) =>
    figures.perQuery.find((q) => q.query === query) as RelevanceFigures['perQuery'][number];
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const types = [...new Set(BLIND_SET.map((q) => q.type))];
  const byType = types.map((type) => {
    const queries = BLIND_SET.filter((q) => q.type === type).map((q) => q.query);
    return {
      type,
      queries: queries.length,
      ours: mean(queries.map((q) => at(mine, q).ndcg5)),
      baseline: mean(queries.map((q) => at(base, q).ndcg5)),
      recall10: mean(queries.map((q) => at(mine, q).recall10)),
    };
  });
  const central = BLIND_SET.flatMap((q) =>
    q.central
      ? [
          {
            topic: q.central,
            query: q.query,
            ndcg5: at(mine, q.query).ndcg5,
            baseline: at(base, q.query).ndcg5,
          },
        ]
      : [],
  );
  const share = await otherLanguageShare(library, crossLanguage(BLIND_SET), ours);
  const baselineShare = await otherLanguageShare(library, crossLanguage(BLIND_SET), baseline);
  return {
    queries: BLIND_SET.length,
    resources: library.length,
    ours: mine,
    baseline: base,
    byType,
    central,
    otherLanguage: { ...share, baselineRanked: baselineShare.ranked },
  };
}

const f3 = (v: number) => v.toFixed(3);
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(3)}`;

export function printBlind(f: BlindFigures): void {
  console.log(
    `\nblind relevance set: ${f.queries} queries over ${f.resources} resources (written apart from the tuning set)`,
  );
  console.log(`  ours:               nDCG@5 ${f3(f.ours.ndcg5)}  recall@10 ${f3(f.ours.recall10)}`);
  console.log(`  MiniSearch default: nDCG@5 ${f3(f.baseline.ndcg5)}  recall@10 ${f3(f.baseline.recall10)}`);
  console.log(
    `  difference:         nDCG@5 ${signed(f.ours.ndcg5 - f.baseline.ndcg5)}  recall@10 ${signed(f.ours.recall10 - f.baseline.recall10)}`,
  );
  console.log('  by query type            queries   nDCG@5 ours  default   recall@10 ours');
  for (const t of f.byType)
    console.log(
      `    ${t.type.padEnd(22)}${String(t.queries).padStart(7)}${f3(t.ours).padStart(13)}${f3(t.baseline).padStart(9)}${f3(t.recall10).padStart(17)}`,
    );
  console.log('  central queries (target ≥ 0.9 each)        nDCG@5 ours  default');
  for (const c of f.central)
    console.log(
      `    ${`${c.topic}: "${c.query}"`.padEnd(42)}${f3(c.ndcg5).padStart(13)}${f3(c.baseline).padStart(9)}  ${c.ndcg5 >= 0.9 ? 'met' : 'NOT met'}`,
    );
  const o = f.otherLanguage;
  console.log(
    `  other-language share of the top 5 (${o.queries} cross-language queries): ours ${f3(o.ranked)}, default ${f3(o.baselineRanked)}, judged best 5 ${f3(o.judged)}`,
  );
  console.log(`  target: nDCG@5 ≥ 0.95 ${f.ours.ndcg5 >= 0.95 ? 'met' : 'NOT met'}`);
}
