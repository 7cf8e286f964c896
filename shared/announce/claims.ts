import { type ItemKey, keys } from '../store/keys.js';

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
