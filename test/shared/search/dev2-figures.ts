import type { Language } from '#shared/domain/resource.js';
import { DEV2_SET, type Dev2Judged, type Dev2QueryType } from './dev2/judgements.js';
import { DEV2_NOW, DEV2_PARTNERS, type Dev2Resource, dev2Library } from './dev2/library.js';
import { measureRelevance, otherLanguageShare, type RelevanceFigures } from './metrics.js';
import { miniSearchDefault, oursOver, type Ranker } from './rankers.js';

/**
 * The second development set's figures: ours (the configured index) and MiniSearch's default
 * configuration over the second development library, nDCG@5 and recall@10 overall and by query
 * type, the other-language share of the top 5 for the queries judged in any language, and each
 * query's top 5 with its grades. Its failures may be studied and fixed together with the first
 * development set's, never by editing the set (its judgements were committed before any ranking
 * was run over it).
 */

export interface Dev2QueryFigures {
  query: string;
  type: Dev2QueryType;
  ndcg5: number;
  recall10: number;
  /** MiniSearch's default on the same query. */
  baseline: { ndcg5: number; recall10: number };
  /** How many resources the query has at grade 3, 2 and 1. */
  judged: { 3: number; 2: number; 1: number };
  /** Ours, first five: id, grade, title. */
  top: { id: string; grade: number; title: string }[];
}

export interface Dev2TypeFigures {
  type: Dev2QueryType;
  queries: number;
  ours: { ndcg5: number; recall10: number };
  baseline: { ndcg5: number; recall10: number };
}

export interface Dev2ShareFigures {
  queries: number;
  ours: number;
  baseline: number;
  judged: number;
}

export interface Dev2Figures {
  resources: number;
  queries: number;
  ours: { ndcg5: number; recall10: number };
  baseline: { ndcg5: number; recall10: number };
  byType: Dev2TypeFigures[];
  /** Over every query judged in any language, then by the query's language. */
  share: { all: Dev2ShareFigures } & Partial<Record<Language, Dev2ShareFigures>>;
  /** Per query, in the set's order. */
  perQuery: Dev2QueryFigures[];
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** The judged list as metrics.ts reads it: a language only where the judgements ignore it. */
const asMeasured = (set: readonly Dev2Judged[], only?: Language) =>
  set.map((j) => ({
    query: j.query,
    grade: j.grade,
    ...(j.crossLanguage && j.lang && (!only || j.lang === only) ? { language: j.lang } : {}),
  }));

async function shareOf(
  library: Dev2Resource[],
  set: readonly Dev2Judged[],
  ours: Ranker,
  base: Ranker,
  only?: Language,
): Promise<Dev2ShareFigures> {
  const judged = asMeasured(set, only);
  const o = await otherLanguageShare(library, judged, ours);
  const b = await otherLanguageShare(library, judged, base);
  return { queries: o.queries, ours: o.ranked, baseline: b.ranked, judged: o.judged };
}

/** Ours and MiniSearch's default over the second development set, built and asked at DEV2_NOW. */
export async function measureDev2(set: Dev2Judged[] = DEV2_SET): Promise<Dev2Figures> {
  const library = dev2Library();
  const byId = new Map(library.map((r) => [r.id, r]));
  const ours = oursOver(library, DEV2_PARTNERS, DEV2_NOW);
  const base = miniSearchDefault(library);
  const o = await measureRelevance(library, set, ours);
  const b = await measureRelevance(library, set, base);

  const perQuery: Dev2QueryFigures[] = set.map((j, k) => {
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

  const types = [...new Set(set.map((j) => j.type))];
  const byType = types.map((type) => {
    const at = set.flatMap((j, k) => (j.type === type ? [k] : []));
    const pick = (f: RelevanceFigures, key: 'ndcg5' | 'recall10') => mean(at.map((k) => f.perQuery[k]![key]));
    return {
      type,
      queries: at.length,
      ours: { ndcg5: pick(o, 'ndcg5'), recall10: pick(o, 'recall10') },
      baseline: { ndcg5: pick(b, 'ndcg5'), recall10: pick(b, 'recall10') },
    };
  });

  const share: Dev2Figures['share'] = { all: await shareOf(library, set, ours, base) };
  for (const lang of ['en', 'es', 'pt', 'fr'] as const)
    if (set.some((j) => j.crossLanguage && j.lang === lang))
      share[lang] = await shareOf(library, set, ours, base, lang);

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
