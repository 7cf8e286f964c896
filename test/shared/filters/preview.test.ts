import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewFilter } from '#shared/filters/preview.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { makeResource } from '../../helpers/resources.js';

let services: TestServices;
let runtime: Runtime;
const NOW = new Date('2026-03-31T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 3600_000).toISOString();

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  runtime = await services.newRuntime({}, () => NOW);
  const care = (id: string, days: number, extra = {}) =>
    makeResource({ id, title: `Care ${id}`, firstSeenAt: daysAgo(days), topics: ['care-systems'], ...extra });
  await runtime.store.batchWrite({
    puts: [
      care('a', 1),
      care('b', 10, { countries: ['UY'] }),
      care('c', 29, { countries: ['UY'] }),
      care('d', 31, { countries: ['UY'] }),
      care('e', 3, { title: 'Care pilot in Montevideo', countries: ['UY'] }),
      makeResource({ id: 'other', firstSeenAt: daysAgo(2), topics: ['health'] }),
    ].map(resourceToItem),
  });
});
afterAll(() => services.close());

describe('previewFilter', () => {
  it('counts what a filter matched in the 30 days before now and gives the newest few', async () => {
    const search = createSearchService(runtime);
    const preview = await previewFilter(search, { topics: ['care-systems'] }, NOW);
    // d is 31 days old.
    expect(preview.total).toBe(4);
    expect(preview.examples).toEqual([
      { title: 'Care a', url: 'https://partner.example.org/a', publishedAt: daysAgo(1) },
      { title: 'Care pilot in Montevideo', url: 'https://partner.example.org/e', publishedAt: daysAgo(3) },
      { title: 'Care b', url: 'https://partner.example.org/b', publishedAt: daysAgo(10) },
    ]);
    expect(preview.since).toBe(daysAgo(30));
  });

  it('honours every field of the filter, keywords and exclusions included', async () => {
    const search = createSearchService(runtime);
    const uy = await previewFilter(
      search,
      { topics: ['care-systems'], countries: ['UY'], keywords: '-pilot' },
      NOW,
      5,
    );
    expect(uy.examples.map((e) => e.title)).toEqual(['Care b', 'Care c']);
    expect(uy.total).toBe(2);
  });

  it('keeps a later since of the filter, and says 0 when nothing matched', async () => {
    const search = createSearchService(runtime);
    const recent = await previewFilter(search, { topics: ['care-systems'], since: daysAgo(5) }, NOW);
    expect(recent).toMatchObject({ total: 2, since: daysAgo(5) });
    const none = await previewFilter(search, { countries: ['HT'] }, NOW);
    expect(none).toEqual({ total: 0, examples: [], since: daysAgo(30) });
  });
});
