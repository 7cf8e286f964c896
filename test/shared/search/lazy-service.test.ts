import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { lazySearchService } from '#shared/search/lazy-service.js';
import { createSearchService, refreshSearchIndex } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { SAMPLE_PARTNERS, type SampleResource, sampleLibrary } from './sample-library.js';

let services: TestServices;
const library = sampleLibrary().slice(0, 40);

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

describe('the search service loaded on first use (the bots’ cold start)', () => {
  it('answers search, latest and partners as the service it loads', async () => {
    const runtime = await services.newRuntime();
    await seed(runtime, library);
    await refreshSearchIndex(runtime);
    const lazy = lazySearchService(runtime);
    const loaded = createSearchService(runtime);
    const query = { query: library[0]!.title, limit: 5 };
    expect(await lazy.search(query)).toEqual(await loaded.search(query));
    expect(await lazy.latest({}, 10)).toEqual(await loaded.latest({}, 10));
    expect([...(await lazy.partners())]).toEqual([...(await loaded.partners())]);
  });

  it('keeps one service with its options: within recheckMs a newer snapshot is not read', async () => {
    const runtime = await services.newRuntime();
    await seed(runtime, library);
    await refreshSearchIndex(runtime);
    const lazy = lazySearchService(runtime, { recheckMs: 60_000 });
    expect((await lazy.latest({}, 100)).total).toBe(40);

    const fresh: SampleResource = {
      ...(library[0] as SampleResource),
      id: 'lazy-new-1',
      url: 'https://x.example.org/lazy-new-1',
      title: 'Kore Lavi food vouchers in Haiti',
      contentHash: 'lazy-n1',
    };
    await seed(runtime, [fresh]);
    await refreshSearchIndex(runtime);
    expect((await lazy.latest({}, 100)).total).toBe(40);
    expect((await lazySearchService(runtime).latest({}, 100)).total).toBe(41);
  });
});
