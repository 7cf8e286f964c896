import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '#shared/jobs.js';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService, refreshSearchIndex, searchIndexJob } from '#shared/search/service.js';
import { CHUNK_BYTES, SnapshotConflictError, TableSnapshotStore } from '#shared/search/snapshot-store.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { SAMPLE_PARTNERS, type SampleResource, sampleLibrary } from './sample-library.js';

let services: TestServices;
const library = sampleLibrary().slice(0, 60);

beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(async () => {
  await services?.close();
});

async function seed(runtime: Runtime, resources: SampleResource[]) {
  for (const [id, name] of SAMPLE_PARTNERS) {
    await putPartner(
      runtime.store,
      { id, name, kind: 'ministry', languages: ['en', 'es'], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
  }
  await runtime.store.batchWrite({ puts: resources.map(({ meta: _meta, ...r }) => resourceToItem(r)) });
}

describe('search service over the store', () => {
  it('reflects new, updated and removed resources after the next refresh (ingest cycle)', async () => {
    const runtime = await services.newRuntime();
    await seed(runtime, library);
    const first = await refreshSearchIndex(runtime);
    expect(first).toMatchObject({ resources: 60, written: 'base' });
    const search = createSearchService(runtime);
    expect((await search.search({ query: 'Xylophrax' })).total).toBe(0);

    // New: a resource ingest stores is found after the refresh.
    const fresh: SampleResource = {
      ...(library[0] as SampleResource),
      id: 'new-1',
      url: 'https://x.example.org/new-1',
      title: 'Xylophrax food vouchers in Haiti',
      contentHash: 'n1',
    };
    // Updated: a title changes.
    const updated = {
      ...(library[1] as SampleResource),
      title: 'Zanzibar-style resilience bonds',
      contentHash: 'u1',
    };
    // Removed: a resource leaves the library.
    const removed = library[2] as SampleResource;
    await seed(runtime, [fresh, updated]);
    await runtime.store.delete(keys.resource(removed.id));

    // Not yet: the snapshot is from before the cycle.
    expect((await search.search({ query: 'Xylophrax' })).total).toBe(0);
    const second = await refreshSearchIndex(runtime);
    // Only what changed was read and written: a delta segment over the base.
    expect(second).toMatchObject({ changed: 3, written: 'delta' });

    const found = await search.search({ query: 'Xylophrax' });
    expect(found.hits.map((h) => h.id)).toEqual(['new-1']);
    expect(found.hits[0]?.partnerName).toBe(SAMPLE_PARTNERS.get(fresh.partnerId));
    expect((await search.search({ query: 'Zanzibar resilience' })).hits[0]?.id).toBe(updated.id);
    expect(
      (await search.search({ query: `"${library[1]?.title}"`, limit: 50 })).hits.map((h) => h.id),
    ).not.toContain(updated.id);
    const all = await search.latest({}, 50);
    expect(all.total).toBe(60);
    const everything = [...all.hits.map((h) => h.id)];
    let cursor = all.nextCursor;
    while (cursor) {
      const page = await search.latest({}, 50, cursor);
      everything.push(...page.hits.map((h) => h.id));
      cursor = page.nextCursor;
    }
    expect(everything).not.toContain(removed.id);
    expect(everything).toContain('new-1');
  });

  it('writes nothing when the library has not changed', async () => {
    const runtime = await services.newRuntime();
    await seed(runtime, library.slice(0, 10));
    expect((await refreshSearchIndex(runtime)).written).toBe('base');
    expect((await refreshSearchIndex(runtime)).written).toBe(false);
  });

  it('builds from the store when no snapshot exists yet, then switches to the snapshot', async () => {
    const runtime = await services.newRuntime();
    await seed(runtime, library.slice(0, 10));
    const search = createSearchService(runtime);
    expect((await search.latest({}, 50)).total).toBe(10);
    await seed(runtime, library.slice(10, 20));
    await refreshSearchIndex(runtime);
    expect((await search.latest({}, 50)).total).toBe(20);
  });

  it('shares one load among the concurrent searches of a cold start', async () => {
    const runtime = await services.newRuntime();
    await seed(runtime, library.slice(0, 10));
    await refreshSearchIndex(runtime);
    const search = createSearchService(runtime);
    const [a, b] = await Promise.all([search.load(), search.load()]);
    expect(a).toBe(b);
  });

  it('runs after ingest in the job cycle', () => {
    const names = JOBS.map((j) => j.name);
    expect(names.indexOf(searchIndexJob.name)).toBe(names.indexOf('ingest') + 1);
  });
});

describe('TableSnapshotStore', () => {
  it('splits a large segment into chunks, reads it back whole, and deletes parts two heads back', async () => {
    const runtime = await services.newRuntime();
    const snapshots = new TableSnapshotStore(runtime.store);
    const bytes = (fill: number) => new Uint8Array(CHUNK_BYTES * 2 + 1000).fill(fill);
    const meta = (n: number) => ({
      builtAt: `2025-01-0${n}T00:00:00.000Z`,
      baseAt: `2025-01-0${n}T00:00:00.000Z`,
      baseResources: n,
      position: n,
      partners: 'p',
      resources: n,
      deltaResources: 0,
    });
    const v1 = await snapshots.write({ base: bytes(1) }, meta(1), undefined);
    expect(v1.bytes).toBe(CHUNK_BYTES * 2 + 1000);
    const read = await snapshots.read();
    expect(read?.head.version).toBe(v1.version);
    expect(Buffer.from(read?.base ?? []).equals(Buffer.from(bytes(1)))).toBe(true);
    const v2 = await snapshots.write({ base: bytes(2) }, meta(2), v1);
    // A delta over the current base: the base is not written again.
    const v3 = await snapshots.write(
      { delta: new Uint8Array(10).fill(3) },
      { ...meta(3), deltaResources: 1 },
      v2,
    );
    expect(v3.bytes).toBe(CHUNK_BYTES * 2 + 1000 + 10);
    const parts = await snapshots.read();
    expect(Buffer.from(parts?.base ?? []).equals(Buffer.from(bytes(2)))).toBe(true);
    expect([...(parts?.delta ?? [])]).toEqual(new Array(10).fill(3));
    const chunks = await runtime.store.queryAll({
      partition: keys.searchSnapshotHead().pk,
      sortBeginsWith: 'CHUNK#',
    });
    // Base 1 is two heads back and gone; base 2 (3 chunks) and the delta (1) remain.
    expect(chunks.length).toBe(4);
    expect(chunks.some((c) => String(c.sk).includes(v1.version))).toBe(false);
    expect((await snapshots.head())?.position).toBe(3);
  });

  it('refuses to move a head that another writer moved first, and leaves no parts behind', async () => {
    const runtime = await services.newRuntime();
    const snapshots = new TableSnapshotStore(runtime.store);
    const meta = {
      builtAt: '2025-01-01T00:00:00.000Z',
      baseAt: '2025-01-01T00:00:00.000Z',
      baseResources: 1,
      position: 1,
      partners: 'p',
      resources: 1,
      deltaResources: 0,
    };
    const v1 = await snapshots.write({ base: new Uint8Array(5) }, meta, undefined);
    await snapshots.write({ delta: new Uint8Array(5) }, meta, v1);
    await expect(snapshots.write({ delta: new Uint8Array(6) }, meta, v1)).rejects.toBeInstanceOf(
      SnapshotConflictError,
    );
    const chunks = await runtime.store.queryAll({
      partition: keys.searchSnapshotHead().pk,
      sortBeginsWith: 'CHUNK#',
    });
    expect(chunks.length).toBe(2);
  });
});
