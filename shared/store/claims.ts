import type { ItemKey } from './keys.js';
import type { Item, Store } from './store.js';

/**
 * Claims: the one way the relay makes a send happen once (SECURITY.md 26). Every mechanism that
 * must not act twice goes through here, and the condition expressions stay inside the store layer:
 *
 * - a **leased claim** (`claim` → send → `complete`, or `release` when the send failed for sure):
 *   announcement deliveries (`DELIVERY#announce#…`) and digests (`DELIVERY#digest#…`). The claim is
 *   a conditional put holding a lease (`leaseUntil`); a claim still `claimed` after its lease was
 *   left by a run that stopped between claim and `complete`, and the next `claim` takes it over,
 *   handing back the record it replaced (`previous`), so the caller can look for a send that
 *   happened but was never marked (Slack message metadata) before sending again.
 * - a **once record** (`claimOnce`): work with no second attempt (Slack work handed to the
 *   deferred run, replayed signed requests, webhook retries): the first writer wins for `ttlSeconds`.
 *
 * Records: `state` `claimed` | `sent`, `owner` (the run that holds it), `claimedAt`, `leaseUntil`
 * (epoch ms) and `expiresAt` (DynamoDB TTL, epoch s). Older announcement claims wrote `status` and
 * kept their lease in the TTL; they read the same way.
 */

export type ClaimState = 'claimed' | 'sent';

export interface ClaimRecord {
  key: ItemKey;
  state: ClaimState;
  owner?: string;
  claimedAt?: string;
  /**
   * When the delivery was first claimed, kept across take-overs: a stopped run may have posted at
   * any time since then, so a run that takes over reads the channel's history from here, not from
   * the last holder's claim (which may be a run that stopped before doing anything).
   */
  firstClaimedAt?: string;
  /** Epoch ms after which a `claimed` record may be taken over. */
  leaseUntil: number;
  /** Everything else the record carries (`until` of a digest, `messageId`, …). */
  item: Item;
}

export interface LeaseOptions {
  /** Who holds the claim (a run id): only the owner may release it. */
  owner: string;
  now: Date;
  /** How long the claim protects a send in progress. */
  leaseMs: number;
  /** How long the record is kept (DynamoDB TTL): past any window a run reads again. */
  ttlSeconds: number;
}

export type ClaimOutcome =
  /** `previous`: the expired claim this one took over (its holder stopped before completing). */
  | { won: true; previous?: ClaimRecord }
  /** `held`: another run's lease is running; `done`: sent already. */
  | { won: false; reason: 'held' | 'done'; record?: ClaimRecord };

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The record as stored, whichever generation wrote it. */
export function toClaimRecord(item: Item): ClaimRecord {
  const state = (item.state ?? item.status) === 'sent' ? 'sent' : 'claimed';
  const lease =
    typeof item.leaseUntil === 'number'
      ? item.leaseUntil
      : typeof item.expiresAt === 'number'
        ? item.expiresAt * 1000
        : 0;
  return {
    key: { pk: item.pk, sk: item.sk },
    state,
    owner:
      typeof item.owner === 'string' ? item.owner : typeof item.runId === 'string' ? item.runId : undefined,
    claimedAt: typeof item.claimedAt === 'string' ? item.claimedAt : undefined,
    firstClaimedAt:
      typeof item.firstClaimedAt === 'string'
        ? item.firstClaimedAt
        : typeof item.claimedAt === 'string'
          ? item.claimedAt
          : undefined,
    leaseUntil: lease,
    item,
  };
}

/** True when a `claimed` record's lease has passed: its holder stopped and it may be taken over. */
export const leaseExpired = (record: ClaimRecord, now: Date) =>
  record.state === 'claimed' && record.leaseUntil <= now.getTime();

/**
 * Claims `key` for `options.owner`: a conditional put; when a claim is there already, a
 * consistent read, and a take-over (conditional on the lease read) when its lease has passed.
 */
export async function claim(
  store: Store,
  key: ItemKey,
  options: LeaseOptions,
  fields: Record<string, unknown> = {},
): Promise<ClaimOutcome> {
  const now = options.now.getTime();
  const item: Item = {
    ...fields,
    ...key,
    state: 'claimed',
    owner: options.owner,
    claimedAt: options.now.toISOString(),
    leaseUntil: now + options.leaseMs,
    expiresAt: seconds(now) + options.ttlSeconds,
  };
  if (await store.putIfAbsent(item)) return { won: true };
  const existing = await store.get(key, { consistent: true });
  // Gone between the two requests (released, or expired): one more try, then leave it to the other run.
  if (!existing) return (await store.putIfAbsent(item)) ? { won: true } : { won: false, reason: 'held' };
  const record = toClaimRecord(existing);
  if (record.state === 'sent') return { won: false, reason: 'done', record };
  if (!leaseExpired(record, options.now)) return { won: false, reason: 'held', record };
  // The run that claimed it stopped before completing: take over, unless another run just did.
  const taken = await store.put(
    record.firstClaimedAt ? { ...item, firstClaimedAt: record.firstClaimedAt } : item,
    {
      expression: '#s = :claimed AND #l = :lease',
      names: { '#s': 'state', '#l': 'leaseUntil' },
      values: { ':claimed': 'claimed', ':lease': existing.leaseUntil },
    },
  );
  return taken ? { won: true, previous: record } : { won: false, reason: 'held', record };
}

/** The records of these keys that exist (one BatchGet per 100), by `claimId(key)`. */
export async function readClaims(store: Store, claimKeys: ItemKey[]): Promise<Map<string, ClaimRecord>> {
  const out = new Map<string, ClaimRecord>();
  if (claimKeys.length === 0) return out;
  for (const item of await store.batchGet(claimKeys)) out.set(claimId(item), toClaimRecord(item));
  return out;
}

/** A key as one string, for maps of claims. */
export const claimId = (key: ItemKey) => `${key.pk}\u0000${key.sk}`;

/** The `sent` record of a claim, with what the caller keeps on it (a digest's `until`, a message id). */
export function sentRecord(
  key: ItemKey,
  options: Omit<LeaseOptions, 'leaseMs'>,
  fields: Record<string, unknown> = {},
): Item {
  return {
    ...fields,
    ...key,
    state: 'sent',
    owner: options.owner,
    sentAt: options.now.toISOString(),
    expiresAt: seconds(options.now.getTime()) + options.ttlSeconds,
  };
}

/** Marks claims sent: the records from `sentRecord`, 25 to a BatchWrite request. */
export async function complete(store: Store, records: Item[]): Promise<void> {
  if (records.length > 0) await store.batchWrite({ puts: records });
}

/** Gives claims back (the send failed for sure), so the next run may send at once; only the owner's. */
export async function release(store: Store, claimKeys: ItemKey[], owner: string): Promise<void> {
  await Promise.all(
    claimKeys.map((key) =>
      store.delete(key, {
        expression: '#s = :claimed AND #o = :owner',
        names: { '#s': 'state', '#o': 'owner' },
        values: { ':claimed': 'claimed', ':owner': owner },
      }),
    ),
  );
}

/**
 * A record that something happened once (a webhook delivery, a deferred run, a signed request):
 * true for the first writer, false while the record lives (`ttlSeconds`).
 */
export function claimOnce(
  store: Store,
  key: ItemKey,
  now: Date,
  ttlSeconds: number,
  fields: Record<string, unknown> = {},
): Promise<boolean> {
  return store.putIfAbsent({
    ...fields,
    ...key,
    seenAt: now.toISOString(),
    expiresAt: seconds(now.getTime()) + ttlSeconds,
  });
}
