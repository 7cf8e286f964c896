import { ConditionFailedError } from '../errors.js';
import type { Clock } from '../runtime/clock.js';
import { claim, release } from '../store/claims.js';
import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';

/**
 * Politeness towards a partner's server across ingest workers (SECURITY.md 6), held in the store
 * because each worker is a Lambda of its own:
 *
 * - **per-host concurrency**: `perHost` slots per host (`JOB#host#<host>` / `SLOT#<n>`), each a
 *   leased claim (shared/store/claims.ts): a fetch takes a free slot or waits for one, and gives it
 *   back when done; a slot left by a crashed worker frees itself when its lease ends. A host with no
 *   more feeds in the cycle than `perHost` cannot exceed it and takes no slot (no store writes).
 * - **Retry-After**: a 429 or 503 with Retry-After sets the host's `nextAllowedAt` (`WAIT`, a
 *   conditional update that only moves it later); every fetch reads it after taking its slot, so no
 *   fetch of that host starts once the answer is recorded, whichever worker holds the feed.
 */

export type HostTurn =
  | { kind: 'go'; release: () => Promise<void> }
  /** The host asked us to wait until then (Retry-After). */
  | { kind: 'wait'; until: string }
  /** Every slot stayed held until the deadline. */
  | { kind: 'busy' };

export interface HostPoliteness {
  /** A turn to fetch from `host`, which has `hostFeeds` feeds in this cycle; gives up at `deadline` (epoch ms). */
  acquire(host: string, hostFeeds: number, deadline: number): Promise<HostTurn>;
  /** Records the host's Retry-After (ISO time): no fetch of it starts before. */
  holdOff(host: string, until: string): Promise<void>;
}

export interface StorePolitenessOptions {
  perHost: number;
  /** The worker invocation holding the slots. */
  owner: string;
  clock: Clock;
  /** How long a slot protects a fetch in progress: past the fetch deadline. */
  leaseMs: number;
  /** Wait between two tries for a slot. */
  pollMs?: number;
}

const DAY_SECONDS = 24 * 3600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createStorePoliteness(store: Store, options: StorePolitenessOptions): HostPoliteness {
  const { perHost, owner, clock, leaseMs } = options;
  const pollMs = options.pollMs ?? 200;

  async function takeSlot(host: string, deadline: number): Promise<number | undefined> {
    for (;;) {
      for (let n = 0; n < perHost; n += 1) {
        const outcome = await claim(store, keys.hostSlot(host, n), {
          owner,
          now: clock(),
          leaseMs,
          ttlSeconds: DAY_SECONDS,
        });
        if (outcome.won) return n;
      }
      if (Date.now() + pollMs >= deadline) return undefined;
      // Jittered, so workers waiting on one host do not retry in step.
      await sleep(pollMs / 2 + Math.random() * pollMs);
    }
  }

  return {
    async acquire(host, hostFeeds, deadline) {
      const slot = hostFeeds > perHost ? await takeSlot(host, deadline) : -1;
      if (slot === undefined) return { kind: 'busy' };
      const giveBack = async () => {
        if (slot >= 0) await release(store, [keys.hostSlot(host, slot)], owner);
      };
      const wait = await store.get(keys.hostWait(host), { consistent: true });
      const until = typeof wait?.nextAllowedAt === 'string' ? wait.nextAllowedAt : undefined;
      if (until && until > clock().toISOString()) {
        await giveBack();
        return { kind: 'wait', until };
      }
      return { kind: 'go', release: giveBack };
    },
    async holdOff(host, until) {
      try {
        await store.update(
          keys.hostWait(host),
          {
            set: {
              nextAllowedAt: until,
              expiresAt: Math.floor(Date.parse(until) / 1000) + DAY_SECONDS,
            },
          },
          {
            expression: 'attribute_not_exists(#n) OR #n < :until',
            names: { '#n': 'nextAllowedAt' },
            values: { ':until': until },
          },
        );
      } catch (error) {
        // A later time is recorded already.
        if (!(error instanceof ConditionFailedError)) throw error;
      }
    },
  };
}
