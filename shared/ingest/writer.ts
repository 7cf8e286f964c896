import pLimit from 'p-limit';
import type { Resource } from '../domain/resource.js';
import { withCorrections } from '../events/corrections.js';
import { itemToResource, resourceToItem } from '../library/resource-store.js';
import type { Log } from '../log.js';
import { keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * Writes one feed's identified items (issue item 4):
 *
 * - known id, same fingerprint (the raw item and everything normalisation reads are unchanged):
 *   nothing is normalised and nothing is written;
 * - known id, new fingerprint but the same normalised content hash: only the new fingerprint is
 *   stored (once, so that the item is not normalised again on every run);
 * - known id, changed content: rewritten, keeping `firstSeenAt`, `sources` and (for an undated item) the
 *   first `publishedAt`;
 * - new id: its page (`identityUrl`: the canonical URL with scheme, `www.`, default port, trailing
 *   slash, percent-encoding case and parameter order set aside) is claimed first with a conditional
 *   put (`URL#<hash>`): the claim is what makes the resource new exactly once, across feeds,
 *   spellings of its URL and concurrent runs; the resources whose claims were won are then
 *   normalised and each written with a conditional put (`attribute_not_exists`): only the put that
 *   created the item counts it as new, so two concurrent runs (or a run finishing a claim that a
 *   concurrent run is still writing) never both count, announce or digest the same item;
 * - new id whose page another resource holds (the same page through a second feed): that resource
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

/** An identified feed item: its id, canonical URL and fingerprint, and how to normalise it. */
export interface PendingResource {
  id: string;
  url: string;
  /** Which page `url` is (`identityUrl`): the key of its URL claim. */
  pageKey: string;
  /** Digest of everything normalisation reads: equal means unchanged, with no work at all. */
  fingerprint: string;
  feedId: string;
  partnerId: string;
  /** May fetch (an event's .ics and page: shared/events/sources.ts). */
  normalise(): Resource | Promise<Resource>;
}

/** Conditional puts of new resources in flight at once. */
const CREATE_CONCURRENCY = 16;

const itemOf = (r: Resource, fingerprint: string): Item => ({
  ...resourceToItem(r),
  sourceHash: fingerprint,
});

export async function writeFeedResources(
  store: Store,
  pending: PendingResource[],
  options: { maxNew: number; log: Log },
): Promise<WriteResult> {
  const result: WriteResult = { created: [], updated: 0, unchanged: 0, duplicates: 0, capped: 0 };
  if (pending.length === 0) return result;
  const existingItems = new Map(
    (await store.batchGet(pending.map((p) => keys.resource(p.id)))).map((item) => [String(item.pk), item]),
  );
  const changed: Item[] = [];
  /** Unchanged resources whose stored fingerprint is out of date (a new normaliser): stored once. */
  const refingerprinted: Item[] = [];
  const fresh: PendingResource[] = [];
  /** Known ids whose feed item changed: normalised concurrently (an event may wait on its sources). */
  const reread: { p: PendingResource; oldItem: Item; resource: Promise<Resource> }[] = [];
  for (const p of pending) {
    const oldItem = existingItems.get(keys.resource(p.id).pk);
    if (!oldItem) {
      fresh.push(p);
      continue;
    }
    if (oldItem.sourceHash === p.fingerprint) {
      result.unchanged += 1;
      continue;
    }
    reread.push({ p, oldItem, resource: settledLater(p.normalise()) });
  }
  for (const { p, oldItem, resource } of reread) {
    const old = itemToResource(oldItem);
    // An admin's correction of an event's dates outlives the partner's edits.
    const r = withCorrections(await resource, old);
    // Claims taken before NORMALISER_VERSION 4 are keyed by the URL as published: the page's key
    // is claimed too, so that the same page under another spelling is found to be this resource.
    // (The page changed, or its claim may be one of those: `identityUrl` is idempotent.)
    if (old.url !== p.pageKey)
      await store.putIfAbsent({ ...keys.resourceUrl(p.pageKey), resourceId: r.id, url: r.url });
    if (old.contentHash === r.contentHash) {
      // The feed item changed in a way that changes nothing we store: only its fingerprint is kept,
      // so that it is not normalised again on every run.
      refingerprinted.push({ ...oldItem, sourceHash: p.fingerprint });
      result.unchanged += 1;
      continue;
    }
    changed.push(
      itemOf(
        {
          ...r,
          feedId: old.feedId,
          partnerId: old.partnerId,
          firstSeenAt: old.firstSeenAt,
          sources: old.sources,
          publishedAt: r.dateFallback ? old.publishedAt : r.publishedAt,
        },
        p.fingerprint,
      ),
    );
  }

  // New ids: whose page is already held by another resource? Claims taken before
  // NORMALISER_VERSION 4 are keyed by the URL as published: that key is looked up too, for the
  // resources no feed lists any more (the others are re-keyed when their feed is read).
  const legacy = (p: PendingResource) => (p.url !== p.pageKey ? [keys.resourceUrl(p.url)] : []);
  const claims = new Map(
    (await store.batchGet<UrlClaim>(fresh.flatMap((p) => [keys.resourceUrl(p.pageKey), ...legacy(p)]))).map(
      (c) => [String(c.pk), c],
    ),
  );
  const holders = new Map<string, Resource>();
  const holderIds = [...claims.values()].map((c) => c.resourceId);
  if (holderIds.length) {
    for (const item of await store.batchGet(holderIds.map((id) => keys.resource(id)))) {
      holders.set(String(item.pk), itemToResource(item));
    }
  }
  // Normalised concurrently (an event item may wait on its .ics and page): awaited below.
  const accepted: { resource: Promise<Resource>; fingerprint: string }[] = [];
  for (const p of fresh) {
    let claim = claims.get(keys.resourceUrl(p.pageKey).pk);
    if (!claim && p.url !== p.pageKey) {
      claim = claims.get(keys.resourceUrl(p.url).pk);
      // A claim of the previous normaliser: the page's key is claimed for its holder too.
      if (claim)
        await store.putIfAbsent({
          ...keys.resourceUrl(p.pageKey),
          resourceId: claim.resourceId,
          url: claim.url,
        });
    }
    if (claim && claim.resourceId !== p.id) {
      await addSource(store, holders.get(keys.resource(claim.resourceId).pk), p, options.log);
      result.duplicates += 1;
      continue;
    }
    if (accepted.length >= options.maxNew) {
      result.capped += 1;
      continue;
    }
    // A claim that already names this id was left by a run that stopped before writing, or is being
    // written by a concurrent run: the conditional put below finishes it or finds it done.
    if (
      claim ||
      (await store.putIfAbsent({ ...keys.resourceUrl(p.pageKey), resourceId: p.id, url: p.url }))
    ) {
      accepted.push({ resource: settledLater(p.normalise()), fingerprint: p.fingerprint });
      continue;
    }
    // Lost the claim just now (a concurrent run or another feed in this run): a duplicate.
    const holder = await store.get<UrlClaim>(keys.resourceUrl(p.pageKey));
    const holderResource = holder ? await store.get(keys.resource(holder.resourceId)) : undefined;
    await addSource(store, holderResource ? itemToResource(holderResource) : undefined, p, options.log);
    result.duplicates += 1;
  }
  if (result.capped > 0) {
    options.log.warn('feed over its new-item cap', { feedId: pending[0]!.feedId, capped: result.capped });
  }
  const resources = await Promise.all(accepted.map((a) => a.resource));
  const limit = pLimit(CREATE_CONCURRENCY);
  const written = await Promise.all(
    resources.map((r, i) => limit(() => store.putIfAbsent(itemOf(r, accepted[i]!.fingerprint)))),
  );
  result.created = resources.filter((_, i) => written[i]);
  // Written by a concurrent run between our read and our put: not new for this run.
  result.unchanged += accepted.length - result.created.length;
  await store.batchWrite({ puts: changed });
  // Not a library change: the change log (and so the search refresh) leaves them out.
  await store.batchWrite({ puts: refingerprinted }, { watched: false });
  result.updated = changed.length;
  return result;
}

/** A normalisation awaited later: its failure is handled there, not reported as unhandled meanwhile. */
function settledLater(value: Resource | Promise<Resource>): Promise<Resource> {
  const promise = Promise.resolve(value);
  promise.catch(() => {});
  return promise;
}

/** Records the feed of `duplicate` as a source of `holder`, once (a conditional list append). */
async function addSource(
  store: Store,
  holder: Resource | undefined,
  duplicate: Pick<PendingResource, 'feedId' | 'partnerId'>,
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
