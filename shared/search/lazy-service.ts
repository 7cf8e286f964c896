import type { Runtime } from '../runtime/runtime.js';
import type { LoadedSearchService, SearchServiceOptions } from './service.js';
import type { SearchService } from './types.js';

/**
 * `createSearchService`, with the search modules (the index and its postings, the snapshot reader,
 * the analysis with its stemmers and entity decoder: about 90 KB of a bot bundle) imported on the
 * first search, latest or partner lookup rather than at cold start. Most bot requests never
 * search, and the index itself is read on the first search in any case.
 */
export function lazySearchService(runtime: Runtime, options: SearchServiceOptions = {}): SearchService {
  let service: Promise<LoadedSearchService> | undefined;
  const loaded = () =>
    (service ??= import('./service.js').then(({ createSearchService }) =>
      createSearchService(runtime, options),
    ));
  return {
    search: async (request) => (await loaded()).search(request),
    latest: async (filter, limit, cursor) => (await loaded()).latest(filter, limit, cursor),
    partners: async () => (await loaded()).partners(),
  };
}
