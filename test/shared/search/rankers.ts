import MiniSearch from 'minisearch';
import type { Resource } from '#shared/domain/resource.js';
import { SearchIndex } from '#shared/search/search-index.js';

/** A search that answers with resource ids in rank order (the relevance sets measure these). */
export type Ranker = (query: string) => string[];

/** Ours: the configured index over the library, built and asked at the given time, top 10. */
export function oursOver(
  library: readonly Resource[],
  partners: ReadonlyMap<string, string>,
  nowIso: string,
): Ranker {
  const index = SearchIndex.build(library, partners, { builtAt: nowIso });
  const now = new Date(nowIso);
  return (q) => index.search({ query: q, limit: 10 }, now).hits.map((h) => h.id);
}

export const MINISEARCH_DEFAULT_OPTIONS = { fields: ['title', 'summary', 'contentHtml'] };

/** The baseline: MiniSearch's default configuration over the same fields, top 10. */
export function miniSearchDefault(library: readonly Resource[]): Ranker {
  const plain = new MiniSearch(MINISEARCH_DEFAULT_OPTIONS);
  plain.addAll([...library]);
  return (q) =>
    plain
      .search(q)
      .slice(0, 10)
      .map((r) => r.id as string);
}
