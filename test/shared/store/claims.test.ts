import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, claimOnce, complete, readClaims, release, sentRecord } from '#shared/store/claims.js';
import { keys } from '#shared/store/keys.js';
import type { Store } from '#shared/store/store.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

let services: TestServices;
let store: Store;
let now = Date.parse('2026-12-06T10:00:00Z');
const at = () => new Date(now);

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  store = (await services.newRuntime({}, at)).store;
});
afterAll(() => services.close());

const LEASE = { leaseMs: 15 * 60_000, ttlSeconds: 86_400 };

describe('claims (shared/store/claims.ts)', () => {
  it('gives a claim to one run; another run is told it is held, then done once it is sent', async () => {
    const key = keys.delivery('announce', 'CHAN#slack#T1#C1', 'res-1');
    expect(await claim(store, key, { owner: 'run-a', now: at(), ...LEASE })).toEqual({ won: true });
    expect(await claim(store, key, { owner: 'run-b', now: at(), ...LEASE })).toMatchObject({
      won: false,
      reason: 'held',
      record: { owner: 'run-a', state: 'claimed' },
    });
    await complete(store, [
      sentRecord(key, { owner: 'run-a', now: at(), ttlSeconds: 86_400 }, { until: 'x' }),
    ]);
    now += 60 * 60_000;
    const done = await claim(store, key, { owner: 'run-b', now: at(), ...LEASE });
    expect(done).toMatchObject({
      won: false,
      reason: 'done',
      record: { state: 'sent', item: { until: 'x' } },
    });
  });

  it('lets the next run take over a claim whose lease has passed, handing back the one it replaced', async () => {
    const key = keys.delivery('digest', 'sub-1', 'D2026-12-06');
    const claimedAt = at().toISOString();
    await claim(store, key, { owner: 'run-a', now: at(), ...LEASE });
    now += LEASE.leaseMs + 1;
    const taken = await claim(store, key, { owner: 'run-b', now: at(), ...LEASE });
    expect(taken).toMatchObject({ won: true, previous: { owner: 'run-a', claimedAt, state: 'claimed' } });
    // Only one of two runs taking over at once wins.
    now += LEASE.leaseMs + 1;
    const both = await Promise.all([
      claim(store, key, { owner: 'run-c', now: at(), ...LEASE }),
      claim(store, key, { owner: 'run-d', now: at(), ...LEASE }),
    ]);
    expect(both.filter((o) => o.won)).toHaveLength(1);
    // Whoever holds it now, the first claim's time is kept: a run that takes over reads a channel's
    // history from there, since the first holder may have posted before it stopped.
    expect(both.find((o) => o.won)).toMatchObject({
      previous: { owner: 'run-b', firstClaimedAt: claimedAt },
    });
  });

  it('gives a claim back only for its owner; the claims of many keys are read in one go', async () => {
    const a = keys.delivery('announce', 'CHAN#slack#T1#C2', 'res-1');
    const b = keys.delivery('announce', 'CHAN#slack#T1#C2', 'res-2');
    await claim(store, a, { owner: 'run-a', now: at(), ...LEASE });
    await claim(store, b, { owner: 'run-a', now: at(), ...LEASE });
    await release(store, [a], 'run-other');
    await release(store, [b], 'run-a');
    const records = await readClaims(store, [a, b]);
    expect([...records.values()].map((r) => [r.key.sk, r.owner])).toEqual([['res-1', 'run-a']]);
  });

  it('records that something happened once, for as long as the record lives', async () => {
    const key = keys.dedupe('slack-signature', 'abc');
    expect(await claimOnce(store, key, at(), 60)).toBe(true);
    expect(await claimOnce(store, key, at(), 60)).toBe(false);
    now += 61_000;
    expect(await claimOnce(store, key, at(), 60)).toBe(true);
  });
});
