import type { EventInfo } from '../domain/event.js';
import { getResources } from '../library/resource-store.js';
import type { SearchHit, SearchResponse } from '../search/types.js';
import type { Store } from '../store/store.js';

/**
 * Search hits of event resources with their event data (`search --json`, the bots' results): the
 * index keeps only what it ranks with, so the events of one page of hits are read from the store
 * in one batch. Other hits, and pages with no event, cost nothing.
 */

export type EventHit = SearchHit & { event?: EventInfo };

export async function withEventData(store: Store, response: SearchResponse): Promise<SearchResponse> {
  const ids = response.hits.filter((h) => h.type === 'event').map((h) => h.id);
  if (ids.length === 0) return response;
  const events = new Map((await getResources(store, ids)).map((r) => [r.id, r.event]));
  const hits: EventHit[] = response.hits.map((hit) => {
    const event = events.get(hit.id);
    return event ? { ...hit, event } : hit;
  });
  return { ...response, hits };
}
