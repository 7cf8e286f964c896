import type { Language } from '#shared/domain/resource.js';
import { DEV_SET, type DevJudged, type QueryType } from './dev/judgements.js';
import { DEV_NOW, DEV_PARTNERS, type DevResource, devLibrary } from './dev/library.js';
import { measureRelevance, otherLanguageShare, type RelevanceFigures } from './metrics.js';
import { miniSearchDefault, oursOver, type Ranker } from './rankers.js';

/**
 * The development set's figures: ours (the configured index) and MiniSearch's default
 * configuration over the development library, nDCG@5 and recall@10 overall and by query type,
 * the other-language share of the top 5 for the queries judged in any language, and each query's
 * top 5 with its grades. Unlike the blind set's, these failures may be studied and fixed (never by
 * editing the set: its judgements were committed before any ranking was run over it).
 */

export interface DevQueryFigures {
  query: string;
  type: QueryType;
  ndcg5: number;
  recall10: number;
  /** How many resources the query has at grade 3, 2 and 1. */
  judged: { 3: number; 2: number; 1: number };
  /** The ranker's first five: id, grade, title. */
  top: { id: string; grade: number; title: string }[];
}

export interface TypeFigures {
  type: QueryType;
  queries: number;
  ours: { ndcg5: number; recall10: number };
  baseline: { ndcg5: number; recall10: number };
}

export interface ShareFigures {
  queries: number;
  ours: number;
  baseline: number;
  judged: number;
}

export interface DevFigures {
  resources: number;
  queries: number;
  ours: { ndcg5: number; recall10: number };
  baseline: { ndcg5: number; recall10: number };
  byType: TypeFigures[];
  /** Over every query judged in any language, then over the English and the Spanish ones. */
  share: { all: ShareFigures; en: ShareFigures; es: ShareFigures };
  /** Ours, per query, in the set's order. */
  perQuery: DevQueryFigures[];
  /** MiniSearch's default, per query, in the set's order. */
  baselinePerQuery: RelevanceFigures['perQuery'];
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** The judged list as metrics.ts reads it: a language only where the judgements ignore it. */
const asMeasured = (set: readonly DevJudged[], only?: Language) =>
  set.map((j) => ({
    query: j.query,
    grade: j.grade,
    ...(j.crossLanguage && j.lang && (!only || j.lang === only) ? { language: j.lang } : {}),
  }));

async function shareOf(
  library: DevResource[],
  set: DevJudged[],
  ours: Ranker,
  base: Ranker,
  only?: Language,
) {
  const judged = asMeasured(set, only);
  const o = await otherLanguageShare(library, judged, ours);
  const b = await otherLanguageShare(library, judged, base);
  return { queries: o.queries, ours: o.ranked, baseline: b.ranked, judged: o.judged };
}

/** Ours and MiniSearch's default over the development set, built and asked at DEV_NOW. */
export async function measureDev(set: DevJudged[] = DEV_SET): Promise<DevFigures> {
  const library = devLibrary();
  const byId = new Map(library.map((r) => [r.id, r]));
  const ours = oursOver(library, DEV_PARTNERS, DEV_NOW);
  const base = miniSearchDefault(library);
  const o = await measureRelevance(library, set, ours);
  const b = await measureRelevance(library, set, base);

  const perQuery: DevQueryFigures[] = set.map((j, k) => {
    const grades = library.map(j.grade);
    const count = (g: number) => grades.filter((x) => x === g).length;
    return {
      query: j.query,
      type: j.type,
      ndcg5: o.perQuery[k]!.ndcg5,
      recall10: o.perQuery[k]!.recall10,
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

  return {
    resources: library.length,
    queries: set.length,
    ours: { ndcg5: o.ndcg5, recall10: o.recall10 },
    baseline: { ndcg5: b.ndcg5, recall10: b.recall10 },
    byType,
    share: {
      all: await shareOf(library, set, ours, base),
      en: await shareOf(library, set, ours, base, 'en'),
      es: await shareOf(library, set, ours, base, 'es'),
    },
    perQuery,
    baselinePerQuery: b.perQuery,
  };
}

const f3 = (v: number) => v.toFixed(3);

/** The development set's aggregates for `npm run bench`, beside the tuning and blind sets'. */
export function printDev(f: DevFigures): void {
  console.log(
    `\ndevelopment relevance set: ${f.queries} queries over ${f.resources} resources (written apart; its failures studied)`,
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
