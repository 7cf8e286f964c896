import type { Language, Resource } from '#shared/domain/resource.js';
import { measureRelevance, otherLanguageShare, type RelevanceFigures } from './metrics.js';
import { miniSearchDefault, oursOver, type Ranker } from './rankers.js';

/**
 * A development set's figures (test/shared/search/dev/, dev2/): ours (the configured index) and
 * MiniSearch's default configuration over its library, nDCG@5 and recall@10 overall and by query
 * type, the other-language share of the top 5 for the queries judged in any language, and each
 * query's top 5 with its grades. Unlike the blind set's, these failures may be studied and fixed;
 * never by editing a set (its judgements were committed before any ranking was run over it).
 */

/** A judged query of a development set. */
export interface DevelopmentJudged<R> {
  query: string;
  type: string;
  grade: (r: R) => number;
  /** The query's language; with `crossLanguage`, its judgements ignore the resources' language. */
  lang?: Language;
  crossLanguage?: boolean;
}

export interface DevelopmentQueryFigures {
  query: string;
  type: string;
  ndcg5: number;
  recall10: number;
  /** MiniSearch's default on the same query. */
  baseline: { ndcg5: number; recall10: number };
  /** How many resources the query has at grade 3, 2 and 1. */
  judged: { 3: number; 2: number; 1: number };
  /** Ours, first five: id, grade, title. */
  top: { id: string; grade: number; title: string }[];
}

export interface ShareFigures {
  queries: number;
  ours: number;
  baseline: number;
  judged: number;
}

export interface DevelopmentFigures {
  resources: number;
  queries: number;
  ours: { ndcg5: number; recall10: number };
  baseline: { ndcg5: number; recall10: number };
  byType: { type: string; queries: number; ours: RelevancePair; baseline: RelevancePair }[];
  /** Over every query judged in any language, then by the query's language. */
  share: { all: ShareFigures } & Partial<Record<Language, ShareFigures>>;
  /** Per query, in the set's order. */
  perQuery: DevelopmentQueryFigures[];
}

type RelevancePair = { ndcg5: number; recall10: number };

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** The judged list as metrics.ts reads it: a language only where the judgements ignore it. */
const asMeasured = <R>(set: readonly DevelopmentJudged<R>[], only?: Language) =>
  set.map((j) => ({
    query: j.query,
    grade: j.grade,
    ...(j.crossLanguage && j.lang && (!only || j.lang === only) ? { language: j.lang } : {}),
  }));

/** Ours and MiniSearch's default over a development set, built and asked at `nowIso`. */
export async function measureDevelopmentSet<R extends Resource>(
  library: R[],
  set: readonly DevelopmentJudged<R>[],
  partners: ReadonlyMap<string, string>,
  nowIso: string,
): Promise<DevelopmentFigures> {
  const byId = new Map(library.map((r) => [r.id, r]));
  const ours = oursOver(library, partners, nowIso);
  const base = miniSearchDefault(library);
  const o = await measureRelevance(library, set, ours);
  const b = await measureRelevance(library, set, base);

  const perQuery = set.map((j, k): DevelopmentQueryFigures => {
    const grades = library.map(j.grade);
    const count = (g: number) => grades.filter((x) => x === g).length;
    return {
      query: j.query,
      type: j.type,
      ndcg5: o.perQuery[k]!.ndcg5,
      recall10: o.perQuery[k]!.recall10,
      baseline: { ndcg5: b.perQuery[k]!.ndcg5, recall10: b.perQuery[k]!.recall10 },
      judged: { 3: count(3), 2: count(2), 1: count(1) },
      top: ours(j.query)
        .slice(0, 5)
        .map((id) => {
          const r = byId.get(id)!;
          return { id, grade: j.grade(r), title: r.title };
        }),
    };
  });

  const byType = [...new Set(set.map((j) => j.type))].map((type) => {
    const at = set.flatMap((j, k) => (j.type === type ? [k] : []));
    const pick = (f: RelevanceFigures, key: 'ndcg5' | 'recall10') => mean(at.map((k) => f.perQuery[k]![key]));
    return {
      type,
      queries: at.length,
      ours: { ndcg5: pick(o, 'ndcg5'), recall10: pick(o, 'recall10') },
      baseline: { ndcg5: pick(b, 'ndcg5'), recall10: pick(b, 'recall10') },
    };
  });

  const shareOf = async (only?: Language): Promise<ShareFigures> => {
    const judged = asMeasured(set, only);
    const mine = await otherLanguageShare(library, judged, ours);
    const theirs = await otherLanguageShare(library, judged, base as Ranker);
    return { queries: mine.queries, ours: mine.ranked, baseline: theirs.ranked, judged: mine.judged };
  };
  const share: DevelopmentFigures['share'] = { all: await shareOf() };
  for (const lang of ['en', 'es', 'pt', 'fr'] as const)
    if (set.some((j) => j.crossLanguage && j.lang === lang)) share[lang] = await shareOf(lang);

  return {
    resources: library.length,
    queries: set.length,
    ours: { ndcg5: o.ndcg5, recall10: o.recall10 },
    baseline: { ndcg5: b.ndcg5, recall10: b.recall10 },
    byType,
    share,
    perQuery,
  };
}

const f3 = (v: number) => v.toFixed(3);

/** A development set's aggregates for `npm run bench`, beside the tuning and blind sets'. */
export function printDevelopment(name: string, f: DevelopmentFigures): void {
  console.log(
    `\n${name}: ${f.queries} queries over ${f.resources} resources (written apart; its failures studied)`,
  );
  console.log(`  ours:               nDCG@5 ${f3(f.ours.ndcg5)}  recall@10 ${f3(f.ours.recall10)}`);
  console.log(`  MiniSearch default: nDCG@5 ${f3(f.baseline.ndcg5)}  recall@10 ${f3(f.baseline.recall10)}`);
  console.log('  by query type            queries   nDCG@5 ours  default   recall@10 ours');
  for (const t of f.byType)
    console.log(
      `    ${t.type.padEnd(22)}${String(t.queries).padStart(7)}${f3(t.ours.ndcg5).padStart(13)}${f3(t.baseline.ndcg5).padStart(9)}${f3(t.ours.recall10).padStart(17)}`,
    );
  const s = f.share.all;
  console.log(
    `  other-language share of the top 5 (${s.queries} cross-language queries): ours ${f3(s.ours)}, default ${f3(s.baseline)}, judged best 5 ${f3(s.judged)}`,
  );
}
