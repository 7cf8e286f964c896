import type { Resource } from '../domain/resource.js';
import { itemToResource, resourceToItem } from '../library/resource-store.js';
import type { Log } from '../log.js';
import { keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * Writes one feed's normalised resources (issue item 4):
 *
 * - known id, same content hash: nothing is written;
 * - known id, changed: rewritten, keeping `firstSeenAt`, `sources` and (for an undated item) the
 *   first `publishedAt`;
 * - new id: its canonical URL is claimed first with a conditional put (`URL#<hash>`): the claim is
 *   what makes the resource new exactly once, across feeds and concurrent runs; the resources
 *   whose claims were won are then written in batches of 25;
 * - new id whose URL another resource holds (the same page through a second feed): that resource
 *   gains this feed in `sources`, once;
 * - at most `maxNew` new resources are accepted from one feed per run (the rest wait for the next
 *   run), so a feed that regenerates its GUIDs cannot flood the library.
 *
 * Reads are batched (100 a request) and a run over an unchanged feed writes nothing.
 */

export interface WriteResult {
  created: Resource[];
  updated: number;
  unchanged: number;
  /** Same URL as a resource from another feed: recorded as a source of that resource. */
  duplicates: number;
  /** New items left for a later run by the per-feed cap. */
  capped: number;
}

interface UrlClaim extends Item {
  resourceId: string;
}

export async function writeFeedResources(
  store: Store,
  resources: Resource[],
  options: { maxNew: number; log: Log },
): Promise<WriteResult> {
  const result: WriteResult = { created: [], updated: 0, unchanged: 0, duplicates: 0, capped: 0 };
  if (resources.length === 0) return result;
  const existing = new Map(
    (await store.batchGet(resources.map((r) => keys.resource(r.id)))).map((item) => [
      String(item.pk),
      itemToResource(item),
    ]),
  );
  const changed: Item[] = [];
  const fresh: Resource[] = [];
  for (const r of resources) {
    const old = existing.get(keys.resource(r.id).pk);
    if (!old) fresh.push(r);
    else if (old.contentHash === r.contentHash) result.unchanged += 1;
    else {
      changed.push(
        resourceToItem({
          ...r,
          feedId: old.feedId,
          partnerId: old.partnerId,
          firstSeenAt: old.firstSeenAt,
          sources: old.sources,
          publishedAt: r.dateFallback ? old.publishedAt : r.publishedAt,
        }),
      );
      if (old.url !== r.url) await store.putIfAbsent({ ...keys.resourceUrl(r.url), resourceId: r.id });
    }
  }

  // New ids: whose URL is already held by another resource?
  const claims = new Map(
    (await store.batchGet<UrlClaim>(fresh.map((r) => keys.resourceUrl(r.url)))).map((c) => [String(c.pk), c]),
  );
  const holders = new Map<string, Resource>();
  const holderIds = [...claims.values()].map((c) => c.resourceId);
  if (holderIds.length) {
    for (const item of await store.batchGet(holderIds.map((id) => keys.resource(id)))) {
      holders.set(String(item.pk), itemToResource(item));
    }
  }
  const created: Resource[] = [];
  for (const r of fresh) {
    const claim = claims.get(keys.resourceUrl(r.url).pk);
    if (claim && claim.resourceId !== r.id) {
      await addSource(store, holders.get(keys.resource(claim.resourceId).pk), r, options.log);
      result.duplicates += 1;
      continue;
    }
    if (created.length >= options.maxNew) {
      result.capped += 1;
      continue;
    }
    // A claim that already names this id was left by a run that stopped before writing: finish it.
    if (claim || (await store.putIfAbsent({ ...keys.resourceUrl(r.url), resourceId: r.id, url: r.url }))) {
      created.push(r);
      continue;
    }
    // Lost the claim just now (a concurrent run or another feed in this run): a duplicate.
    const holder = await store.get<UrlClaim>(keys.resourceUrl(r.url));
    const holderResource = holder ? await store.get(keys.resource(holder.resourceId)) : undefined;
    await addSource(store, holderResource ? itemToResource(holderResource) : undefined, r, options.log);
    result.duplicates += 1;
  }
  if (result.capped > 0) {
    options.log.warn('feed over its new-item cap', { feedId: resources[0]!.feedId, capped: result.capped });
  }
  await store.batchWrite({ puts: [...created.map(resourceToItem), ...changed] });
  result.created = created;
  result.updated = changed.length;
  return result;
}

/** Records the feed of `duplicate` as a source of `holder`, once (a conditional list append). */
async function addSource(
  store: Store,
  holder: Resource | undefined,
  duplicate: Resource,
  log: Log,
): Promise<void> {
  if (!holder) return;
  if (holder.sources.some((s) => s.feedId === duplicate.feedId)) return;
  const sources = [...holder.sources, { feedId: duplicate.feedId, partnerId: duplicate.partnerId }];
  try {
    await store.update(
      keys.resource(holder.id),
      { set: { sources } },
      { expression: 'size(#s) = :n', names: { '#s': 'sources' }, values: { ':n': holder.sources.length } },
    );
    holder.sources = sources;
  } catch (error) {
    // Another writer changed the sources first; the next run adds this feed if still missing.
    log.debug('source not added', { resourceId: holder.id, feedId: duplicate.feedId, error: String(error) });
  }
}
