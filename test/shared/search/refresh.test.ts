import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '#shared/domain/resource.js';
import { type PendingResource, writeFeedResources } from '#shared/ingest/writer.js';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService, deltaLimit, refreshSearchIndex } from '#shared/search/service.js';
import { SnapshotConflictError, TableSnapshotStore } from '#shared/search/snapshot-store.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { SAMPLE_PARTNERS, type SampleResource, sampleLibrary } from './sample-library.js';

/**
 * The search refresh reads and writes what changed, not the library (docs/scale.md, "The search
 * refresh"): the requests and items of the store are counted around one refresh.
 */

let services: TestServices;
const library = sampleLibrary();

beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(async () => {
  await services?.close();
});

const strip = ({ meta: _meta, ...r }: SampleResource) => r;

async function libraryOf(resources: SampleResource[]): Promise<Runtime> {
  const runtime = await services.newRuntime();
  for (const [id, name] of SAMPLE_PARTNERS)
    await putPartner(
      runtime.store,
      { id, name, kind: 'ministry', languages: ['en', 'es'], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
  await runtime.store.batchWrite({ puts: resources.map((r) => resourceToItem(strip(r))) });
  expect((await refreshSearchIndex(runtime)).written).toBe('base');
  return runtime;
}

const newResource = (n: number, title: string): SampleResource => ({
  ...(library[0] as SampleResource),
  id: `new-${n}`,
  url: `https://x.example.org/new-${n}`,
  title,
  contentHash: `n${n}`,
  // As ingest stores it: first seen now, after the snapshot's base was built.
  firstSeenAt: new Date().toISOString(),
});

/** The store's requests and items during one refresh. */
async function metered(runtime: Runtime) {
  runtime.store.resetStats();
  const summary = await refreshSearchIndex(runtime);
  return { summary, ...runtime.store.stats };
}

const ids = async (runtime: Runtime, query: string) =>
  (await createSearchService(runtime).search({ query, limit: 50 })).hits.map((h) => h.id);

describe('refreshSearchIndex: what it reads and writes', () => {
  it('an unchanged library costs one small read and no write', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    const { summary, requests, itemsRead, itemsWritten } = await metered(runtime);
    expect(summary.written).toBe(false);
    expect({ requests, itemsRead, itemsWritten }).toEqual({ requests: 1, itemsRead: 1, itemsWritten: 0 });
  });

  it('one new resource: the same reads and writes over 40 resources as over 360, and no base written', async () => {
    const costs = [];
    for (const size of [40, 360]) {
      const runtime = await libraryOf(library.slice(0, size));
      await runtime.store.put(resourceToItem(strip(newResource(1, 'Xochiquetzal food vouchers in Haiti'))));
      const { summary, requests, itemsRead, itemsWritten } = await metered(runtime);
      expect(summary).toMatchObject({ written: 'delta', changed: 1, resources: size + 1 });
      expect(await ids(runtime, 'Xochiquetzal')).toEqual(['new-1']);
      costs.push({ requests, itemsRead, itemsWritten });
    }
    expect(costs[1]).toEqual(costs[0]);
    // Read: the head, the log entry, the partners, the resource. Written: one delta chunk, the head.
    expect(costs[0]?.itemsWritten).toBe(2);
  });

  it('a removed resource disappears after one refresh, reading only it', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    const gone = library[5] as SampleResource;
    expect(await ids(runtime, `"${gone.title}"`)).toContain(gone.id);
    await runtime.store.delete(keys.resource(gone.id));
    const { summary } = await metered(runtime);
    expect(summary).toMatchObject({ written: 'delta', changed: 1, resources: 39 });
    expect(await ids(runtime, `"${gone.title}"`)).not.toContain(gone.id);
    const all = await createSearchService(runtime).latest({}, 50);
    expect(all.total).toBe(39);
  });

  it('an ingest that only stores new fingerprints is no change; one that rewrites 3 resources counts 3', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    // As a feed re-read with items whose raw text moved but whose normalised content did not.
    const fromFeed = (r: Resource, fingerprint: string): PendingResource => ({
      id: r.id,
      url: r.url,
      pageKey: r.url,
      fingerprint,
      feedId: r.feedId,
      partnerId: r.partnerId,
      normalise: () => r,
    });
    const resources = library.slice(0, 40).map(strip);
    const ingest = (pending: PendingResource[]) =>
      writeFeedResources(runtime.store, pending, { maxNew: 10, log: runtime.log });

    expect(await ingest(resources.map((r) => fromFeed(r, 'v2')))).toMatchObject({
      updated: 0,
      unchanged: 40,
    });
    const quiet = await metered(runtime);
    expect(quiet.summary.written).toBe(false);
    expect({ requests: quiet.requests, itemsRead: quiet.itemsRead }).toEqual({ requests: 1, itemsRead: 1 });

    const edited = (r: Resource) => ({
      ...r,
      title: `${r.title} Zyxwort`,
      contentHash: `${r.contentHash}-edited`,
    });
    const third = resources.map((r, i) => fromFeed(i < 3 ? edited(r) : r, 'v3'));
    expect(await ingest(third)).toMatchObject({ updated: 3, unchanged: 37 });
    const { summary, itemsRead } = await metered(runtime);
    expect(summary).toMatchObject({ written: 'delta', changed: 3, resources: 40 });
    // It reads what a refresh after writing those 3 resources by hand reads: not the 37 others.
    const byHand = await libraryOf(library.slice(0, 40));
    await byHand.store.batchWrite({ puts: resources.slice(0, 3).map((r) => resourceToItem(edited(r))) });
    expect(await metered(byHand)).toMatchObject({ summary: { changed: 3 }, itemsRead });
    expect((await ids(runtime, 'Zyxwort')).sort()).toEqual(
      resources
        .slice(0, 3)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('past the delta limit, base and delta become one new base that searches as a full build does', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    const limit = deltaLimit(40);
    const added = library.slice(40, 40 + limit - 10);
    await runtime.store.batchWrite({ puts: added.map((r) => resourceToItem(strip(r))) });
    expect((await refreshSearchIndex(runtime)).written).toBe('delta');
    const more = library.slice(40 + limit - 10, 40 + limit + 20);
    await runtime.store.batchWrite({ puts: more.map((r) => resourceToItem(strip(r))) });
    const compacted = await refreshSearchIndex(runtime);
    expect(compacted).toMatchObject({ written: 'base', resources: 40 + limit + 20 });
    expect((await new TableSnapshotStore(runtime.store).head())?.deltaResources).toBe(0);

    const full = await libraryOf(library.slice(0, 40 + limit + 20));
    for (const query of ['cash transfers', 'pensión no contributiva', 'nutrition']) {
      const a = await createSearchService(runtime).search({ query, limit: 20 });
      const b = await createSearchService(full).search({ query, limit: 20 });
      expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
      // The two searches read the runtime's clock a few ms apart: recency may move a score's
      // sixth decimal (scores are rounded there), nothing more.
      a.hits.forEach((hit, i) => {
        expect(hit.score).toBeCloseTo(b.hits[i]?.score as number, 4);
      });
    }
  });

  it('a renamed partner rebuilds the base: the new name is searchable', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    const [id] = [...SAMPLE_PARTNERS.keys()] as [string];
    await putPartner(
      runtime.store,
      {
        id,
        name: 'Quillacollo Welfare Office',
        kind: 'ministry',
        languages: ['es'],
        createdAt: '2025-01-01T00:00:00.000Z',
      },
      'update',
    );
    expect((await refreshSearchIndex(runtime)).written).toBe('base');
    expect((await ids(runtime, 'Quillacollo')).length).toBeGreaterThan(0);
  });
});

describe('refreshSearchIndex: concurrency and crashes', () => {
  it('an ingest during a refresh loses nothing: it is after the position the snapshot records', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    await runtime.store.put(resourceToItem(strip(newResource(1, 'Xochiquetzal food vouchers'))));
    const table = new TableSnapshotStore(runtime.store);
    // The ingest lands after the refresh read the log, before it moves the head.
    const racing: TableSnapshotStore = Object.create(table);
    racing.write = async (...args: Parameters<TableSnapshotStore['write']>) => {
      await runtime.store.put(resourceToItem(strip(newResource(2, 'Ulaanbaatar resilience bonds'))));
      return table.write(...args);
    };
    expect((await refreshSearchIndex(runtime, { snapshots: racing })).written).toBe('delta');
    const head = await table.head();
    expect(head?.libraryPosition).toBeGreaterThan(head?.position ?? 0);
    expect(await ids(runtime, 'Xochiquetzal')).toEqual(['new-1']);

    expect((await refreshSearchIndex(runtime)).written).toBe('delta');
    expect(await ids(runtime, 'Ulaanbaatar resilience')).toEqual(['new-2']);
    expect(await ids(runtime, 'Xochiquetzal')).toEqual(['new-1']);
  });

  it('of two refreshes at once one moves the head; the other is refused and changes nothing', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    await runtime.store.put(resourceToItem(strip(newResource(1, 'Xochiquetzal food vouchers'))));
    const results = await Promise.allSettled([refreshSearchIndex(runtime), refreshSearchIndex(runtime)]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SnapshotConflictError);
    expect(await ids(runtime, 'Xochiquetzal')).toEqual(['new-1']);
    expect((await refreshSearchIndex(runtime)).written).toBe(false);
  });

  it('a crash between writing the parts and moving the head leaves the old snapshot whole', async () => {
    const runtime = await libraryOf(library.slice(0, 40));
    const before = await ids(runtime, 'cash transfers');
    await runtime.store.put(resourceToItem(strip(newResource(1, 'Xochiquetzal food vouchers'))));
    const update = runtime.store.update.bind(runtime.store);
    runtime.store.update = (async (key, changes, condition) => {
      if (key.pk === keys.searchSnapshotHead().pk && changes.set && 'version' in changes.set)
        throw new Error('the process stopped');
      return update(key, changes, condition);
    }) as typeof runtime.store.update;
    await expect(refreshSearchIndex(runtime)).rejects.toThrow('the process stopped');
    runtime.store.update = update;

    const fresh = createSearchService(runtime);
    expect((await fresh.search({ query: 'cash transfers', limit: 50 })).hits.map((h) => h.id)).toEqual(
      before,
    );
    expect((await fresh.search({ query: 'Xochiquetzal' })).total).toBe(0);
    // The next refresh finds the change still unread and makes it current.
    expect((await refreshSearchIndex(runtime)).written).toBe('delta');
    expect(await ids(runtime, 'Xochiquetzal')).toEqual(['new-1']);
  });
});
