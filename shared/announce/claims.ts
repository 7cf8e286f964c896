import { type ItemKey, keys } from '../store/keys.js';
import type { Store } from '../store/store.js';

/**
 * Delivery claims of announcements, one item per (channel, resource):
 * `DELIVERY#announce#<channelKey>` / `<resourceId>`.
 *
 * - `claimed`: written with a conditional put (putIfAbsent) just before the post, with a lease as
 *   its TTL: while the lease runs, no other run posts that resource there; once it has passed (the
 *   run crashed between claim and post), the next run may claim it again and post.
 * - `sent`: written right after the platform accepted the post, kept for SENT_TTL_S, far beyond
 *   the window any run reads again, so a re-read never posts twice.
 */

/** How long a claim protects a post in progress. Longer than the announce Lambda's timeout. */
export const CLAIM_LEASE_MS = 15 * 60_000;
/** A run does not post on a claim older than this (its lease could run out mid-post). */
export const CLAIM_SAFE_MS = CLAIM_LEASE_MS - 2 * 60_000;
/** `sent` records are kept this long, then DynamoDB's TTL removes them. */
export const SENT_TTL_S = 30 * 86_400;

export type DeliveryState = 'sent' | 'claimed';

export const deliveryKey = (channelKey: string, resourceId: string): ItemKey =>
  keys.delivery('announce', channelKey, resourceId);

const pairId = (key: ItemKey) => `${key.pk}\u0000${key.sk}`;

/** The live claims among these deliveries (one BatchGet per 100), by `pairId`. */
export async function readDeliveries(
  store: Store,
  deliveryKeys: ItemKey[],
): Promise<Map<string, DeliveryState>> {
  const out = new Map<string, DeliveryState>();
  if (deliveryKeys.length === 0) return out;
  for (const item of await store.batchGet(deliveryKeys))
    out.set(pairId(item), item.status === 'sent' ? 'sent' : 'claimed');
  return out;
}

export const deliveryStateOf = (states: Map<string, DeliveryState>, key: ItemKey) => states.get(pairId(key));

/** Claims one delivery for this run; false when another run holds it or it was sent. */
export function claimDelivery(store: Store, key: ItemKey, runId: string, now: Date): Promise<boolean> {
  return store.putIfAbsent({
    ...key,
    status: 'claimed',
    runId,
    claimedAt: now.toISOString(),
    expiresAt: Math.floor((now.getTime() + CLAIM_LEASE_MS) / 1000),
  });
}

/** Marks deliveries sent (25 to a BatchWrite request). */
export async function markSent(
  store: Store,
  deliveryKeys: ItemKey[],
  runId: string,
  now: Date,
): Promise<void> {
  await store.batchWrite({
    puts: deliveryKeys.map((key) => ({
      ...key,
      status: 'sent',
      runId,
      sentAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + SENT_TTL_S,
    })),
  });
}

/** Gives a claim back (the post failed for sure), so the next run may post it at once. */
export async function releaseClaims(store: Store, deliveryKeys: ItemKey[], runId: string): Promise<void> {
  await Promise.all(
    deliveryKeys.map((key) =>
      store.delete(key, {
        expression: '#s = :claimed AND #r = :run',
        names: { '#s': 'status', '#r': 'runId' },
        values: { ':claimed': 'claimed', ':run': runId },
      }),
    ),
  );
}

/** The run's cursor: resources first seen before it have been dealt with. */
export const cursorKey = () => keys.job('announce');
