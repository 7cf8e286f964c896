import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazySearchService } from '#shared/search/lazy-service.js';
import { createSearchService, refreshSearchIndex } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { type SampleResource, sampleLibrary } from './sample-library.js';
import { seedStore } from './seed-store.js';

let services: TestServices;
const library = sampleLibrary().slice(0, 40);

beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(async () => {
  await services?.close();
});

describe('the search service loaded on first use (the bots’ cold start)', () => {
  it('answers search, latest and partners as the service it loads', async () => {
    const runtime = await services.newRuntime();
    await seedStore(runtime, library);
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
    await seedStore(runtime, library);
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
    await seedStore(runtime, [fresh]);
    await refreshSearchIndex(runtime);
    expect((await lazy.latest({}, 100)).total).toBe(40);
    expect((await lazySearchService(runtime).latest({}, 100)).total).toBe(41);
  });
});
