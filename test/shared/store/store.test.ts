import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConditionFailedError } from '#shared/errors.js';
import { collections, keys } from '#shared/store/keys.js';
import type { Store } from '#shared/store/store.js';
import { TABLE } from '#shared/store/table.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

let services: TestServices;
let store: Store;
let now = Date.parse('2026-11-25T10:00:00Z');

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  store = (await services.newRuntime({}, () => new Date(now))).store;
});
afterAll(() => services.close());

describe('Store against dynalite', () => {
  it('writes an item once with putIfAbsent; the second claim loses', async () => {
    const claim = { ...keys.delivery('announce', 'slack#T1#C1', 'res-1'), claimedBy: 'run-a' };
    expect(await store.putIfAbsent(claim)).toBe(true);
    expect(await store.putIfAbsent({ ...claim, claimedBy: 'run-b' })).toBe(false);
    const stored = await store.get(keys.delivery('announce', 'slack#T1#C1', 'res-1'));
    expect(stored?.claimedBy).toBe('run-a');
  });

  it('lets a claim be taken again once its TTL has passed', async () => {
    const claim = { ...keys.dedupe('slack', 'Ev1'), expiresAt: now / 1000 + 60 };
    expect(await store.putIfAbsent(claim)).toBe(true);
    expect(await store.putIfAbsent(claim)).toBe(false);
    now += 61_000; // a minute later the claim has lapsed, though DynamoDB may not have deleted it yet
    expect(await store.get(keys.dedupe('slack', 'Ev1'))).toBeUndefined();
    expect(await store.putIfAbsent({ ...claim, expiresAt: now / 1000 + 60 })).toBe(true);
  });

  it('updates under a condition and throws ConditionFailedError when it loses', async () => {
    const key = keys.job('ingest');
    await store.put({ ...key, version: 1, cursor: 'a' });
    const updated = await store.update(
      key,
      { set: { cursor: 'b' }, add: { version: 1 } },
      {
        expression: 'version = :v',
        values: { ':v': 1 },
      },
    );
    expect(updated).toMatchObject({ cursor: 'b', version: 2 });
    await expect(
      store.update(key, { set: { cursor: 'c' } }, { expression: 'version = :v', values: { ':v': 1 } }),
    ).rejects.toBeInstanceOf(ConditionFailedError);
    expect((await store.get(key))?.cursor).toBe('b');
  });

  it('queries an index collection in order, page by page', async () => {
    for (const name of ['Zeta', 'Alpha', 'Mu']) {
      await store.put({
        ...keys.partner(name.toLowerCase()),
        gsi1pk: collections.partners,
        gsi1sk: name,
        name,
      });
    }
    const first = await store.query({ index: 'byCollection', partition: collections.partners, limit: 2 });
    expect(first.items.map((i) => i.name)).toEqual(['Alpha', 'Mu']);
    const second = await store.query({
      index: 'byCollection',
      partition: collections.partners,
      cursor: first.cursor,
    });
    expect(second.items.map((i) => i.name)).toEqual(['Zeta']);
    expect(await store.count({ index: 'byCollection', partition: collections.partners })).toBe(3);
  });

  it('reads whole items through an index that holds only keys, in the index order', async () => {
    // The index itself gives back keys only (dynalite honours projections, as DynamoDB does)...
    const raw = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: TABLE.indexes.byCollection.name,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': TABLE.indexes.byCollection.partitionKey },
        ExpressionAttributeValues: { ':p': collections.partners },
      }),
    );
    expect(raw.Items?.[0]).not.toHaveProperty('name');
    // ...and the store reads the items by key, newest-first order kept.
    const page = await store.query({
      index: 'byCollection',
      partition: collections.partners,
      newestFirst: true,
    });
    expect(page.items.map((i) => i.name)).toEqual(['Zeta', 'Mu', 'Alpha']);
    await expect(
      store.query({
        index: 'byCollection',
        partition: collections.partners,
        filter: { expression: '#n = :n', names: { '#n': 'name' }, values: { ':n': 'Mu' } },
      }),
    ).rejects.toThrow(/holds only keys/);
  });

  it('batch-writes and batch-reads more items than one request carries', async () => {
    // Feeds, not resources: a resource write also records a library change-log entry.
    const items = Array.from({ length: 130 }, (_, i) => ({
      ...keys.feed(`f${i}`),
      title: `Feed ${i}`,
    }));
    store.resetStats();
    await store.batchWrite({ puts: items });
    expect(store.stats.requests).toBe(6); // 25 a request
    const read = await store.batchGet(items.map(({ pk, sk }) => ({ pk, sk })));
    expect(read).toHaveLength(130);
    expect(store.stats.itemsWritten).toBe(130);
  });

  it('sweeps expired items as DynamoDB TTL would', async () => {
    await store.put({ ...keys.dedupe('telegram', '1'), expiresAt: 1 });
    await store.put({ ...keys.dedupe('telegram', '2'), expiresAt: now / 1000 + 3600 });
    expect(await store.sweepExpired()).toBeGreaterThanOrEqual(1);
    expect(await store.get(keys.dedupe('telegram', '2'))).toBeDefined();
  });
});
