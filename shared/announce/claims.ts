import { describeError } from '../errors.js';
import type { Log } from '../log.js';
import { complete } from '../store/claims.js';
import { type ItemKey, keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * Announcement deliveries, one claim per (channel, resource) in the store's claims
 * (shared/store/claims.ts): `DELIVERY#announce#<channelKey>` / `<resourceId>`.
 *
 * - `claimed` just before the post, with a lease: while it runs, no other run posts that resource
 *   there; once it has passed (the run stopped between claim and `sent`), the next run takes the
 *   claim over. On Slack it first looks for the post in the channel's history (message metadata
 *   carries the delivery ids) and marks it sent if it is there; elsewhere it posts again.
 * - `sent` right after the platform accepted the post, kept for SENT_TTL_S, far beyond the window
 *   any run reads again, so a re-read never posts twice.
 */

/** How long a claim protects a post in progress. Longer than the announce Lambda's timeout. */
export const CLAIM_LEASE_MS = 15 * 60_000;
/** A run does not post on a claim older than this (its lease could run out mid-post). */
export const CLAIM_SAFE_MS = CLAIM_LEASE_MS - 2 * 60_000;
/** Claims and `sent` records are kept this long, then DynamoDB's TTL removes them. */
export const SENT_TTL_S = 30 * 86_400;

export const deliveryKey = (channelKey: string, resourceId: string): ItemKey =>
  keys.delivery('announce', channelKey, resourceId);

/** The run's cursor: resources first seen before it have been dealt with. */
export const cursorKey = () => keys.job('announce');

/**
 * Marks deliveries `sent` right after the platform accepted them, before anything else (the window
 * in which a crash repeats a post is the answer's way back plus this write), trying three times: a
 * store outage that outlasts them is logged, and a later run may post once the lease passes.
 */
export async function completeSurely(
  store: Store,
  records: (now: Date) => Item[],
  context: { clock: () => Date; sleep: (ms: number) => Promise<void>; log: Pick<Log, 'error'> },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await complete(store, records(context.clock()));
      return;
    } catch (error) {
      if (attempt >= 3) {
        context.log.error('posted but not marked sent: a later run may post it again once the lease passes', {
          error: describeError(error),
        });
        return;
      }
      await context.sleep(200 * attempt);
    }
  }
}
