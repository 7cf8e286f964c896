import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '#shared/domain/resource.js';
import {
  getResource,
  getResources,
  itemToResource,
  latestResources,
  listAllResources,
  listResourcesSeenSince,
  resourcesOfFeed,
  resourceToItem,
} from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

function sampleResource(overrides: Partial<Resource> = {}): Resource {
  const id = overrides.id ?? 'r1';
  return {
    id,
    feedId: 'feed-a',
    partnerId: 'partner-a',
    sources: [{ feedId: overrides.feedId ?? 'feed-a', partnerId: overrides.partnerId ?? 'partner-a' }],
    url: `https://example.org/${id}`,
    title: `Title ${id}`,
    summary: 'Summary',
    publishedAt: '2025-03-10T12:00:00.000Z',
    firstSeenAt: '2025-03-10T13:00:00.000Z',
    language: 'en',
    type: 'news',
    topics: ['cash-transfers'],
    countries: ['PE'],
    authors: [],
    categories: [],
    enclosures: [],
    contentHash: 'h',
    ...overrides,
  };
}

describe('resource store', () => {
  let services: TestServices;
  let runtime: Runtime;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    runtime = await services.newRuntime();
    const resources = [
      sampleResource({
        id: 'jan',
        publishedAt: '2025-01-05T00:00:00.000Z',
        firstSeenAt: '2025-03-01T10:00:00.000Z',
      }),
      sampleResource({
        id: 'feb',
        publishedAt: '2025-02-05T00:00:00.000Z',
        firstSeenAt: '2025-03-02T10:00:00.000Z',
        language: 'es',
      }),
      sampleResource({
        id: 'mar1',
        publishedAt: '2025-03-01T00:00:00.000Z',
        firstSeenAt: '2025-03-02T11:00:00.000Z',
      }),
      sampleResource({
        id: 'mar2',
        publishedAt: '2025-03-02T00:00:00.000Z',
        firstSeenAt: '2025-03-04T00:00:00.000Z',
        feedId: 'feed-b',
        language: 'es',
      }),
      sampleResource({
        id: 'mar3',
        publishedAt: '2025-03-03T00:00:00.000Z',
        firstSeenAt: '2025-03-04T09:00:00.000Z',
      }),
    ];
    await runtime.store.batchWrite({ puts: resources.map(resourceToItem) });
    await runtime.store.put({ pk: 'SUB#x', sk: 'SUB', email: 'a@b.c' });
  });
  afterAll(async () => services.close());

  it('round-trips a resource through its item with every index key', () => {
    const r = sampleResource();
    const item = resourceToItem(r);
    expect(item).toMatchObject({
      pk: 'RES#r1',
      sk: 'RES',
      gsi1pk: 'RESDATE#2025-03',
      gsi1sk: '2025-03-10T12:00:00.000Z#r1',
      gsi2pk: 'FEEDRES#feed-a',
      gsi3pk: 'SEEN#2025-03-10',
      gsi3sk: '2025-03-10T13:00:00.000Z#r1',
    });
    expect(itemToResource(item)).toEqual(r);
  });

  it('gets one and many by id, in the order asked, leaving out missing ids', async () => {
    expect((await getResource(runtime.store, 'feb'))?.language).toBe('es');
    expect(await getResource(runtime.store, 'nope')).toBeUndefined();
    const many = await getResources(runtime.store, ['mar3', 'nope', 'jan']);
    expect(many.map((r) => r.id)).toEqual(['mar3', 'jan']);
  });

  it('lists what was first seen in [since, until) across day partitions', async () => {
    const seen = await listResourcesSeenSince(
      runtime.store,
      '2025-03-02T10:30:00.000Z',
      '2025-03-04T09:00:00.000Z',
    );
    expect(seen.map((r) => r.id)).toEqual(['mar1', 'mar2']);
    const all = await listResourcesSeenSince(
      runtime.store,
      '2025-03-01T00:00:00.000Z',
      '2025-03-05T00:00:00.000Z',
    );
    expect(all.map((r) => r.id)).toEqual(['jan', 'feb', 'mar1', 'mar2', 'mar3']);
  });

  it('pages the latest resources newest first across months, with a filter', async () => {
    const now = '2025-04-01T00:00:00.000Z';
    const first = await latestResources(runtime.store, { limit: 2, now });
    expect(first.resources.map((r) => r.id)).toEqual(['mar3', 'mar2']);
    const second = await latestResources(runtime.store, { limit: 2, now, cursor: first.cursor });
    expect(second.resources.map((r) => r.id)).toEqual(['mar1', 'feb']);
    const third = await latestResources(runtime.store, {
      limit: 2,
      now,
      cursor: second.cursor,
      maxMonths: 6,
    });
    expect(third.resources.map((r) => r.id)).toEqual(['jan']);
    const spanish = await latestResources(runtime.store, {
      limit: 5,
      now,
      filter: { languages: ['es'] },
      maxMonths: 6,
    });
    expect(spanish.resources.map((r) => r.id)).toEqual(['mar2', 'feb']);
  });

  it('streams every resource and lists a feed’s resources', async () => {
    const ids: string[] = [];
    for await (const r of listAllResources(runtime.store)) ids.push(r.id);
    expect(ids.sort()).toEqual(['feb', 'jan', 'mar1', 'mar2', 'mar3']);
    expect((await resourcesOfFeed(runtime.store, 'feed-b')).map((r) => r.id)).toEqual(['mar2']);
  });
});
