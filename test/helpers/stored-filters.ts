import { newSubscription, subscriptionItem } from '#shared/digest/model.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import type { FilterField } from '#shared/filters/values.js';
import { type ChannelRef, followIdOf } from '#shared/follows/state.js';
import { putPartner } from '#shared/library/registry.js';
import { collections, keys } from '#shared/store/keys.js';
import type { Store } from '#shared/store/store.js';

/**
 * Follows and subscriptions as versions before the filter language stored them: values as typed
 * (`cash-transfers`, `Perú`, `ZZ`), for the migration's and `iaspn doctor`'s tests.
 */

/** A filter as an older version stored it: values as typed, whatever they were. */
export type StoredFilter = Partial<Record<FilterField, string[]>> &
  Pick<ResourceFilter, 'since' | 'keywords'>;

/** A follow under the id its filter hashed to (or `followId`), written as `follow` wrote it then. */
export async function oldFollow(
  store: Store,
  where: ChannelRef,
  filter: StoredFilter,
  followId?: string,
): Promise<string> {
  const channelKey = keys.channel(where.platform, where.workspaceId, where.channelId);
  const id = followId ?? followIdOf(filter as ResourceFilter);
  await store.put({
    ...keys.follow(channelKey, id),
    gsi1pk: collections.follows,
    gsi1sk: `${channelKey}#${id}`,
    ...where,
    channelKey,
    followId: id,
    filter,
    createdBy: 'U1',
    createdAt: '2025-06-01T00:00:00.000Z',
  });
  return id;
}

/** A confirmed subscription whose filter holds what the old pages took as typed. */
export async function oldSubscription(store: Store, email: string, stored: StoredFilter, nowIso: string) {
  const filter = stored as ResourceFilter;
  const sub = newSubscription(email, { language: 'es', frequency: 'weekly', filter, source: 'web' }, nowIso);
  await store.put(subscriptionItem({ ...sub, filter, status: 'confirmed' }));
}

/** The partner the fixtures' resources come from (`partner:midis`, `partner:"MIDIS Perú"`). */
export async function putMidis(store: Store, createdAt: string): Promise<void> {
  await putPartner(
    store,
    { id: 'midis-pe', name: 'MIDIS Perú', kind: 'ministry', country: 'PE', languages: ['es'], createdAt },
    'create',
  );
}
