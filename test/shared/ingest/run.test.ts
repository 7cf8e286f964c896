import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEEDS_DIR, startFeedServer } from '#cli/local/feed-server.js';
import { LOCAL_SEEDS } from '#cli/local/seeds.js';
import { runIngest } from '#shared/ingest/run.js';
import {
  addFeed,
  type Feed,
  findFeedByUrl,
  getFeed,
  listFeeds,
  newFeedHealth,
  putPartner,
  setFeedStatus,
} from '#shared/library/registry.js';
import { getResource, listResourcesSeenSince } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

/**
 * A partner site whose feeds the test edits: a page without an ETag gets a 200 every run, one with
 * an ETag a 304 when it is sent back.
 */
const pages = new Map<string, { status: number; body: string; headers?: Record<string, string> }>();
let site: http.Server;
let siteOrigin: string;
let services: TestServices;

const item = (id: string, title: string, url = `https://news.example.org/${id}`) =>
  `<item><guid>${id}</guid><title>${title}</title><link>${url}</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate></item>`;
const rss = (...items: string[]) =>
  `<rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
/** Serves `/<id>.xml` as an RSS feed of these items, with a 200 every time. */
const serve = (id: string, ...items: string[]) =>
  pages.set(`/${id}.xml`, { status: 200, body: rss(...items) });

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  site = http.createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) res.writeHead(404).end();
    else if (page.headers?.etag && req.headers['if-none-match'] === page.headers.etag)
      res.writeHead(304, { etag: page.headers.etag }).end();
    else
      res.writeHead(page.status, { 'content-type': 'application/rss+xml', ...page.headers }).end(page.body);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
  await services.close();
});

let clockAt = Date.parse('2025-06-03T00:00:00.000Z');
const clock = () => new Date(clockAt);

async function siteRuntime(overrides: Record<string, string> = {}): Promise<Runtime> {
  const runtime = await services.newRuntime({ IASPN_FETCH_ALLOWED_ORIGINS: siteOrigin, ...overrides }, clock);
  await putPartner(
    runtime.store,
    { id: 'p1', name: 'Partner One', kind: 'ngo', languages: ['en'], createdAt: clock().toISOString() },
    'create',
  );
  await putPartner(
    runtime.store,
    { id: 'p2', name: 'Partner Two', kind: 'academia', languages: ['en'], createdAt: clock().toISOString() },
    'create',
  );
  return runtime;
}

async function register(runtime: Runtime, id: string, partnerId = 'p1'): Promise<Feed> {
  return addFeed(runtime.store, {
    id,
    partnerId,
    url: `${siteOrigin}/${id}.xml`,
    defaultLanguage: 'en',
    defaultTopics: [],
    defaultCountries: [],
    status: 'active',
    health: newFeedHealth(),
    createdAt: clock().toISOString(),
  });
}

describe('an ingest run over the sample feeds', () => {
  it('stores them, then a 304 run parses nothing and writes only the feeds’ health', async () => {
    const feeds = await startFeedServer({ dir: SAMPLE_FEEDS_DIR });
    try {
      const runtime = await services.newRuntime({ IASPN_FETCH_ALLOWED_ORIGINS: feeds.origin });
      for (const { seed } of LOCAL_SEEDS)
        await seed(runtime, { feedOrigin: feeds.origin, sampleDir: feeds.dir });
      const registered = (await listFeeds(runtime.store)).length;
      expect(registered).toBe(9);
      const first = await runIngest(runtime);
      expect(first.summary).toMatchObject({ feeds: 9, failed: 0, notModified: 0 });
      expect(first.summary.new).toBeGreaterThan(50);
      expect(first.summary.new).toBe(first.newResources.length);
      // The seam for announcements and digests: everything new is found by its first-seen time.
      const seen = await listResourcesSeenSince(
        runtime.store,
        new Date(Date.now() - 3_600_000).toISOString(),
      );
      expect(seen.map((r) => r.id).sort()).toEqual(first.newResources.map((r) => r.id).sort());

      const second = await runIngest(runtime);
      expect(second.summary).toMatchObject({
        feeds: 9,
        notModified: 9,
        failed: 0,
        itemsSeen: 0,
        new: 0,
        updated: 0,
        unchanged: 0,
        storeWrites: 9,
      });
    } finally {
      await feeds.close();
    }
  });
});

describe('runIngest', () => {
  it('an unchanged feed served without validators costs only its health update', async () => {
    const runtime = await siteRuntime();
    pages.set('/plain.xml', { status: 200, body: rss(item('a', 'Alpha'), item('b', 'Beta')) });
    await register(runtime, 'plain');
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 2, itemsSeen: 2 });
    const again = (await runIngest(runtime)).summary;
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 2, itemsSeen: 2, storeWrites: 1 });
  });

  it('updates a changed item in place and keeps its first-seen time', async () => {
    const runtime = await siteRuntime();
    pages.set('/changing.xml', { status: 200, body: rss(item('a', 'First title')) });
    await register(runtime, 'changing');
    const first = await runIngest(runtime);
    const id = first.newResources[0]!.id;
    clockAt += 3_600_000;
    pages.set('/changing.xml', { status: 200, body: rss(item('a', 'Corrected title')) });
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 0, updated: 1 });
    const stored = await getResource(runtime.store, id);
    expect(stored).toMatchObject({
      title: 'Corrected title',
      firstSeenAt: first.newResources[0]!.firstSeenAt,
    });
  });

  it('stores the same URL from two feeds once, listing both sources', async () => {
    const runtime = await siteRuntime();
    pages.set('/dup-a.xml', {
      status: 200,
      body: rss(item('x1', 'Shared story', 'https://news.example.org/shared')),
    });
    pages.set('/dup-b.xml', {
      status: 200,
      body: rss(item('other-guid', 'Shared story', 'https://news.example.org/shared?utm_source=b')),
    });
    await register(runtime, 'dup-a', 'p1');
    await register(runtime, 'dup-b', 'p2');
    await runIngest(runtime);
    const second = await runIngest(runtime);
    const all = await listResourcesSeenSince(
      runtime.store,
      new Date(clockAt - 86_400_000).toISOString(),
      new Date(clockAt + 86_400_000).toISOString(),
    );
    expect(all).toHaveLength(1);
    expect(all[0]!.sources.map((s) => s.partnerId).sort()).toEqual(['p1', 'p2']);
    // Known duplicates cost nothing on the next run.
    expect(second.summary).toMatchObject({ new: 0, storeWrites: 2 });
  });

  it('stores one page spelled three ways (http, www., a trailing slash) once, with the URL as published', async () => {
    const runtime = await siteRuntime();
    serve('spell-a', item('s1', 'Story', 'https://news.example.org/story?a=1&amp;b=2'));
    serve('spell-b', item('s2', 'Story', 'http://www.news.example.org/story/?b=2&amp;a=1'));
    serve('spell-c', item('s3', 'Story', 'https://news.example.org:443/%73tory/?a=1&amp;b=2'));
    for (const [id, partner] of [
      ['spell-a', 'p1'],
      ['spell-b', 'p2'],
      ['spell-c', 'p1'],
    ] as const)
      await register(runtime, id, partner);
    const run = await runIngest(runtime);
    expect(run.summary).toMatchObject({ new: 1, duplicates: 2 });
    const stored = run.newResources[0]!;
    // Whichever feed was read first, its URL is kept as it published it.
    expect([
      'https://news.example.org/story?a=1&b=2',
      'http://www.news.example.org/story/?b=2&a=1',
      'https://news.example.org/%73tory/?a=1&b=2',
    ]).toContain(stored.url);
    // Two feeds adding themselves at once: one waits for the next run (a conditional append).
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 0 });
    expect((await getResource(runtime.store, stored.id))!.sources.map((s) => s.feedId).sort()).toEqual([
      'spell-a',
      'spell-b',
      'spell-c',
    ]);
  });

  it('duplicates no stored resource when the URL identity changes (claims of the previous normaliser)', async () => {
    const runtime = await siteRuntime();
    const published = 'http://www.news.example.org/legacy/';
    pages.set('/legacy.xml', {
      status: 200,
      body: rss(item('l1', 'Legacy', published), item('l2', 'Other')),
    });
    await register(runtime, 'legacy');
    const first = await runIngest(runtime);
    expect(first.summary).toMatchObject({ new: 2 });
    const id = first.newResources.find((r) => r.url === published)!.id;
    // What NORMALISER_VERSION 3 left: the claim keyed by the URL as published, another fingerprint.
    await runtime.store.delete(keys.resourceUrl('https://news.example.org/legacy'));
    await runtime.store.put({ ...keys.resourceUrl(published), resourceId: id, url: published });
    for (const r of first.newResources)
      await runtime.store.update(keys.resource(r.id), { set: { sourceHash: 'normaliser-3' } });
    const next = await runIngest(runtime);
    expect(next.summary).toMatchObject({ new: 0, duplicates: 0, unchanged: 2 });
    // Only once: the fingerprints are stored, the next run normalises nothing.
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 0, unchanged: 2, storeWrites: 1 });
    // The page spelled another way by another feed is found to be the stored resource.
    serve('legacy-b', item('lb', 'Legacy', 'https://news.example.org/legacy'));
    await register(runtime, 'legacy-b', 'p2');
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 0, duplicates: 1 });
    expect((await getResource(runtime.store, id))!.sources.map((s) => s.feedId)).toEqual([
      'legacy',
      'legacy-b',
    ]);
  });

  it('finds a stored resource no feed lists any more by the claim the previous normaliser left', async () => {
    const runtime = await siteRuntime();
    const published = 'http://www.news.example.org/gone/';
    serve('gone-a', item('g1', 'Gone', published));
    await register(runtime, 'gone-a');
    const [stored] = (await runIngest(runtime)).newResources;
    // The claim as NORMALISER_VERSION 3 left it; then the feed stops listing the item.
    await runtime.store.delete(keys.resourceUrl('https://news.example.org/gone'));
    await runtime.store.put({ ...keys.resourceUrl(published), resourceId: stored!.id, url: published });
    serve('gone-a', item('g2', 'Another story'));
    // Another feed publishes the page spelled as it was stored.
    serve('gone-b', item('gb', 'Gone', published));
    await register(runtime, 'gone-b', 'p2');
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 1, duplicates: 1 });
    // Its page key is claimed now: another spelling finds it too.
    serve('gone-c', item('gc', 'Gone', 'https://news.example.org/gone'));
    await register(runtime, 'gone-c', 'p2');
    // (gone-b's item is counted again: a duplicate is one on every run that reads it.)
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 0, duplicates: 2 });
    expect((await getResource(runtime.store, stored!.id))!.sources.map((s) => s.feedId)).toEqual([
      'gone-a',
      'gone-b',
      'gone-c',
    ]);
  });

  it('reads a broken feed with a warning on its health, and clears it once the feed is fixed', async () => {
    const runtime = await siteRuntime();
    serve('broken', item('fc', 'Fish & Chips'));
    await register(runtime, 'broken');
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 1, failed: 0 });
    expect((await getFeed(runtime.store, 'broken'))!.health).toMatchObject({
      consecutiveFailures: 0,
      warning: 'recovered: 1 bare & escaped',
    });
    serve('broken', item('fc', 'Fish &amp; Chips'));
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 0, unchanged: 1 });
    expect((await getFeed(runtime.store, 'broken'))!.health).not.toHaveProperty('warning');
  });

  it('caps the new items accepted from one feed per run', async () => {
    const runtime = await siteRuntime({ IASPN_MAX_NEW_ITEMS_PER_FEED: '3' });
    pages.set('/flood.xml', {
      status: 200,
      body: rss(...Array.from({ length: 10 }, (_, i) => item(`f${i}`, `Item ${i}`))),
    });
    await register(runtime, 'flood');
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 3, capped: 7 });
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 3, unchanged: 3, capped: 4 });
  });

  it('keeps no validators while items wait over the cap, so the next run reads them', async () => {
    const runtime = await siteRuntime({ IASPN_MAX_NEW_ITEMS_PER_FEED: '3' });
    pages.set('/tagged.xml', {
      status: 200,
      body: rss(...Array.from({ length: 5 }, (_, i) => item(`t${i}`, `Item ${i}`))),
      headers: { etag: '"t1"', 'last-modified': 'Mon, 02 Jun 2025 10:00:00 GMT' },
    });
    await register(runtime, 'tagged');
    expect((await runIngest(runtime)).summary).toMatchObject({ new: 3, capped: 2 });
    expect(await getFeed(runtime.store, 'tagged')).not.toHaveProperty('etag');
    expect((await runIngest(runtime)).summary).toMatchObject({ notModified: 0, new: 2, capped: 0 });
    expect(await getFeed(runtime.store, 'tagged')).toMatchObject({ etag: '"t1"' });
    expect((await runIngest(runtime)).summary).toMatchObject({ notModified: 1, storeWrites: 1 });
    // A server that stops sending a validator: the stored one goes too.
    pages.set('/tagged.xml', { status: 200, body: rss(item('t0', 'Item 0')) });
    await runIngest(runtime);
    const untagged = await getFeed(runtime.store, 'tagged');
    expect(untagged).not.toHaveProperty('etag');
    expect(untagged).not.toHaveProperty('lastModified');
  });

  it('follows a feed that moved permanently, and only then', async () => {
    const runtime = await siteRuntime();
    const feedAt = (path: string) => `${siteOrigin}${path}`;
    pages.set('/new-home.xml', { status: 200, body: rss(item('m', 'Moved')), headers: { etag: '"m1"' } });
    pages.set('/moving.xml', { status: 301, body: '', headers: { location: '/step.xml' } });
    pages.set('/step.xml', { status: 308, body: '', headers: { location: 'new-home.xml' } });
    pages.set('/visiting.xml', { status: 302, body: '', headers: { location: '/new-home.xml' } });
    pages.set('/taken.xml', { status: 301, body: '', headers: { location: '/plain-home.xml' } });
    pages.set('/plain-home.xml', { status: 200, body: rss(item('h', 'Home')) });
    for (const id of ['moving', 'visiting', 'taken', 'plain-home']) await register(runtime, id);
    const first = (await runIngest(runtime)).summary;
    expect(first).toMatchObject({ failed: 0, moved: ['moving'] });
    expect(await getFeed(runtime.store, 'moving')).toMatchObject({
      url: feedAt('/new-home.xml'),
      etag: '"m1"',
    });
    // The URL claim moved with it: the old URL is free, the new one names the feed.
    expect(await findFeedByUrl(runtime.store, feedAt('/moving.xml'))).toBeUndefined();
    expect((await findFeedByUrl(runtime.store, feedAt('/new-home.xml')))?.id).toBe('moving');
    // A temporary redirect, and a permanent one to a URL another feed holds, change nothing.
    expect((await getFeed(runtime.store, 'visiting'))!.url).toBe(feedAt('/visiting.xml'));
    expect((await getFeed(runtime.store, 'taken'))!.url).toBe(feedAt('/taken.xml'));
    // Next run: straight to the new URL, with its validators: a 304.
    pages.delete('/moving.xml');
    const second = await runIngest(runtime);
    expect(second.outcomes.find((o) => o.feedId === 'moving')).toMatchObject({ status: 'not_modified' });
    expect(second.summary).toMatchObject({ failed: 0, moved: [] });
  });

  it('records failures by kind, pauses after K in a row, and never stops the other feeds', async () => {
    const runtime = await siteRuntime({ IASPN_FEED_FAILURES_BEFORE_PAUSE: '2' });
    pages.set('/good.xml', { status: 200, body: rss(item('g', 'Good')) });
    pages.set('/html.xml', { status: 200, body: '<!doctype html><html></html>' });
    await register(runtime, 'good');
    await register(runtime, 'gone');
    await register(runtime, 'html');
    const first = (await runIngest(runtime)).summary;
    expect(first).toMatchObject({ feeds: 3, failed: 2, new: 1, paused: 0 });
    expect((await getFeed(runtime.store, 'gone'))!.health).toMatchObject({
      lastStatus: 404,
      lastErrorKind: 'http_4xx',
      consecutiveFailures: 1,
    });
    // The server answered 200: the health says so beside the reason the body was refused.
    expect((await getFeed(runtime.store, 'html'))!.health).toMatchObject({
      lastStatus: 200,
      lastErrorKind: 'not_a_feed',
    });
    const second = (await runIngest(runtime)).summary;
    expect(second).toMatchObject({ failed: 2, paused: 2 });
    expect(second.pausedNow.sort()).toEqual(['gone', 'html']);
    const paused = await getFeed(runtime.store, 'gone');
    expect(paused).toMatchObject({ status: 'paused' });
    expect(paused!.health.pausedReason).toMatch(/2 failures in a row/);
    const third = (await runIngest(runtime)).summary;
    expect(third).toMatchObject({ failed: 0, paused: 2, unchanged: 1, storeWrites: 1 });
  });

  it('pauses a feed the server says is gone for good (410) at once', async () => {
    const runtime = await siteRuntime({ IASPN_FEED_FAILURES_BEFORE_PAUSE: '5' });
    pages.set('/retired.xml', { status: 410, body: '' });
    await register(runtime, 'retired');
    expect((await runIngest(runtime)).summary).toMatchObject({ failed: 1, pausedNow: ['retired'] });
    expect(await getFeed(runtime.store, 'retired')).toMatchObject({
      status: 'paused',
      health: {
        lastStatus: 410,
        consecutiveFailures: 1,
        pausedReason: expect.stringMatching(/gone for good/),
      },
    });
  });

  it('waits as long as Retry-After asks before fetching again', async () => {
    const runtime = await siteRuntime();
    pages.set('/busy.xml', { status: 429, body: '', headers: { 'retry-after': '600' } });
    await register(runtime, 'busy');
    expect((await runIngest(runtime)).summary).toMatchObject({ failed: 1 });
    expect((await runIngest(runtime)).summary).toMatchObject({ failed: 0, deferred: 1, storeWrites: 0 });
    // An admin who resumes the feed asks for it now: the wait is dropped.
    await setFeedStatus(runtime.store, 'busy', 'active');
    expect((await getFeed(runtime.store, 'busy'))!.health.retryAfter).toBeUndefined();
    expect((await runIngest(runtime)).summary).toMatchObject({ deferred: 0, failed: 1 });
    clockAt += 601_000;
    pages.set('/busy.xml', { status: 200, body: rss(item('ok', 'Back')) });
    expect((await runIngest(runtime)).summary).toMatchObject({ deferred: 0, new: 1 });
  });

  it('refuses a registered feed on a private address unless it is allowed', async () => {
    const runtime = await services.newRuntime({}, clock);
    await putPartner(
      runtime.store,
      { id: 'p1', name: 'P', kind: 'ngo', languages: [], createdAt: clock().toISOString() },
      'create',
    );
    pages.set('/private.xml', { status: 200, body: rss(item('p', 'Private')) });
    await register(runtime, 'private');
    expect((await runIngest(runtime)).summary).toMatchObject({ failed: 1 });
    expect((await getFeed(runtime.store, 'private'))!.health.lastErrorKind).toBe('refused_address');
  });
});
