import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '#shared/runtime/runtime.js';
import { INDEX_LIST, TABLE } from '#shared/store/table.js';
import { type DynamoMeter, indexWriteUnits, meterDynamo } from '../../scripts/cost/meter.js';
import { startTestServices, type TestServices } from '../helpers/local-services.js';

const require = createRequire(import.meta.url);
const { itemSize } = require('dynalite/db/index.js') as { itemSize: (item: unknown) => number };
const TABLE_KEYS = [TABLE.partitionKey, TABLE.sortKey];
const s = (value: string) => ({ S: value });

describe('index write units, by DynamoDB rules', () => {
  const index = INDEX_LIST.find((i) => i.projection.type === 'ALL')!;
  const keysOnly = INDEX_LIST.find((i) => i.projection.type === 'KEYS_ONLY')!;
  const item = (extra: Record<string, { S: string }>) => ({ pk: s('A'), sk: s('B'), ...extra });
  const units = (before: object | undefined, after: object | undefined, idx = index) =>
    indexWriteUnits(before as never, after as never, [idx], TABLE_KEYS, itemSize);

  it('costs nothing for an item outside the index', () => {
    expect(units(undefined, item({ body: s('x') }))).toBe(0);
  });
  it('costs one write to enter or leave an index, per started kilobyte of what it projects', () => {
    const entering = item({
      [index.partitionKey]: s('P'),
      [index.sortKey]: s('S'),
      body: s('x'.repeat(2500)),
    });
    expect(units(undefined, entering)).toBe(3);
    expect(units(entering, undefined)).toBe(3);
    // Keys only: the body is not in the index.
    const keyed = item({
      [keysOnly.partitionKey]: s('P'),
      [keysOnly.sortKey]: s('S'),
      body: s('x'.repeat(2500)),
    });
    expect(units(undefined, keyed, keysOnly)).toBe(1);
  });
  it('costs a delete and a put when the index key changes, one write when only a projected attribute does', () => {
    const before = item({ [index.partitionKey]: s('P'), [index.sortKey]: s('S1'), body: s('x') });
    expect(units(before, { ...before, [index.sortKey]: s('S2') })).toBe(2);
    expect(units(before, { ...before, body: s('y') })).toBe(1);
    expect(units(before, { ...before })).toBe(0);
    // A keys-only index does not see a change outside its keys.
    const keyed = item({ [keysOnly.partitionKey]: s('P'), [keysOnly.sortKey]: s('S'), body: s('x') });
    expect(units(keyed, { ...keyed, body: s('y') }, keysOnly)).toBe(0);
  });
});

describe('the cost meter on a store', () => {
  let services: TestServices;
  let runtime: Runtime;
  let meter: DynamoMeter;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    runtime = await services.newRuntime();
    meter = meterDynamo(runtime.store.client, {
      tableName: runtime.config.tableName,
      indexes: INDEX_LIST,
      tableKeys: TABLE_KEYS,
      itemSize,
    });
  });
  afterAll(() => services.close());

  it('counts the request units of reads and writes, index writes included', async () => {
    const byTime = INDEX_LIST.find((i) => i.projection.type === 'ALL')!;
    meter.reset();
    // About 3 KB: three units in the table and three in the index that copies it whole.
    await runtime.store.put({
      pk: 'COST#1',
      sk: 'X',
      [byTime.partitionKey]: 'T',
      [byTime.sortKey]: '1',
      body: 'z'.repeat(3000),
    });
    expect(meter.usage).toMatchObject({ requests: 1, writeUnits: 6, readUnits: 0 });
    // An eventually consistent read of up to 4 KB is half a unit.
    await runtime.store.get({ pk: 'COST#1', sk: 'X' });
    expect(meter.usage).toMatchObject({ requests: 2, readUnits: 0.5 });
    // A refused conditional write is still billed.
    meter.reset();
    const created = await runtime.store.putIfAbsent({ pk: 'COST#1', sk: 'X', body: 'small' });
    expect(created).toBe(false);
    expect(meter.usage.writeUnits).toBe(1);
  });
});
