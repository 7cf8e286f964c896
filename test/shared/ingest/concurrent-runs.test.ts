import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestResult, runIngest } from '#shared/ingest/run.js';
import { addFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import { listResourcesSeenSince } from '#shared/library/resource-store.js';
import { silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

/**
 * Regression (issue 13.6): two ingest runs at once over the same feeds both counted the same items
 * as new (2,025 "new" for 2,000), because a run that found another run's fresh URL claim took it
 * for one left by a crash and counted the item again. Now only the conditional put that created
 * a resource counts it: across concurrent runs every item is new exactly once.
 */

const ITEMS = 60;
const items = Array.from(
  { length: ITEMS },
  (_, i) =>
    `<item><guid>c${i}</guid><title>Story ${i}</title><link>https://news.example.org/c${i}</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate></item>`,
).join('');
const feed = `<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;

let services: TestServices;
let site: http.Server;
let origin: string;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  site = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
  await services.close();
});

describe('concurrent ingest runs', () => {
  it('count every new item once between them, and store it once', async () => {
    const now = new Date('2025-06-03T00:00:00.000Z');
    const runtime = await services.newRuntime(
      { IASPN_FETCH_ALLOWED_ORIGINS: origin, IASPN_MAX_NEW_ITEMS_PER_FEED: String(ITEMS * 2) },
      () => now,
    );
    await putPartner(
      runtime.store,
      { id: 'p1', name: 'Partner One', kind: 'ngo', languages: ['en'], createdAt: now.toISOString() },
      'create',
    );
    for (const id of ['f1'])
      await addFeed(runtime.store, {
        id,
        partnerId: 'p1',
        url: `${origin}/${id}.xml`,
        defaultLanguage: 'en',
        defaultTopics: [],
        defaultCountries: [],
        status: 'active',
        health: newFeedHealth(),
        createdAt: now.toISOString(),
      });
    // A second process on the same table starts when the first has claimed a third of the items
    // and has not yet written them, and runs to its end before the first goes on.
    const second = createRuntime(runtime.config, silentLog, () => now);
    const claim = runtime.store.putIfAbsent.bind(runtime.store);
    let claims = 0;
    let secondRun: Promise<IngestResult> | undefined;
    runtime.store.putIfAbsent = async (item) => {
      const won = await claim(item);
      if (String(item.pk).startsWith('URL#') && ++claims === ITEMS / 3) {
        secondRun = runIngest(second);
        await secondRun;
      }
      return won;
    };
    const first = await runIngest(runtime);
    const runs = [first, await (secondRun as Promise<IngestResult>)];
    const counted = runs.reduce((sum, r) => sum + r.summary.new, 0);
    const announced = new Set(runs.flatMap((r) => r.newResources.map((x) => x.id)));
    expect(counted).toBe(ITEMS);
    expect(runs.flatMap((r) => r.newResources)).toHaveLength(announced.size);
    const stored = await listResourcesSeenSince(
      runtime.store,
      '2025-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    );
    expect(stored).toHaveLength(ITEMS);
  });
});
