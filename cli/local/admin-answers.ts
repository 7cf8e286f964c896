import { type Feed, listFeeds } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import type { LoadedSearchService } from '#shared/search/service.js';
import type { SearchRequest, SearchResponse } from '#shared/search/types.js';
import { type StoreStatus, storeStatus } from '#shared/status.js';

/**
 * What a CLI command asks, answered in one place: by the running local stack over its admin route,
 * or by the command itself on the store it opens (`cli/answers.ts`). Both run these functions, so
 * `iaspn search`, `feeds list` and `status` print the same thing whoever answered.
 */
export interface AdminQuestions {
  search: { params: SearchRequest; answer: SearchResponse };
  feeds: { params: Record<string, never>; answer: Feed[] };
  status: { params: Record<string, never>; answer: StoreStatus };
}
export type AdminQuestion = keyof AdminQuestions;

export type AdminAnswers = {
  [Q in AdminQuestion]: (params: AdminQuestions[Q]['params']) => Promise<AdminQuestions[Q]['answer']>;
};

/**
 * The answers on a runtime. One search service for the runtime's life: the stack keeps its index
 * loaded between questions (reloaded when ingest writes a newer snapshot), which is what makes the
 * CLI's search fast beside it. The search modules load with the first search: `feeds list` and
 * `status` on a data directory do not load them.
 */
export function adminAnswers(runtime: Runtime): AdminAnswers {
  let search: Promise<LoadedSearchService> | undefined;
  return {
    async search(request) {
      search ??= import('#shared/search/service.js').then((s) => s.createSearchService(runtime));
      return (await search).search(request);
    },
    feeds: async () => listFeeds(runtime.store),
    status: async () => storeStatus(runtime.store),
  };
}
