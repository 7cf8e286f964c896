import type { EventInfo } from '#shared/domain/event.js';
import type { Resource } from '#shared/domain/resource.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { makeResource } from '../../helpers/resources.js';

/**
 * Event resources with their `event` filled in by the test (as extraction or `iaspn events set`
 * would leave it), stored and indexed.
 */

export function eventResource(
  id: string,
  event: Omit<EventInfo, 'sources'>,
  overrides: Partial<Resource> = {},
) {
  return makeResource({
    id,
    type: 'event',
    title: `Event ${id}`,
    url: `https://example.org/r/${id}`,
    publishedAt: '2026-01-15T12:00:00.000Z',
    firstSeenAt: '2026-01-15T12:00:00.000Z',
    event: { ...event, sources: { start: 'text' } },
    ...overrides,
  });
}

export async function storeAndIndex(runtime: Runtime, resources: Resource[]): Promise<void> {
  await runtime.store.batchWrite({ puts: resources.map(resourceToItem) });
  await refreshSearchIndex(runtime);
}
