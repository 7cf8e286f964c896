import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEEDS_DIR, startFeedServer } from '#cli/local/feed-server.js';
import { loadConfig } from '#shared/config.js';
import { checkFeed } from '#shared/ingest/check.js';

describe('the sample-feed server', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;

  beforeAll(async () => {
    feeds = await startFeedServer({ dir: SAMPLE_FEEDS_DIR });
  });
  afterAll(() => feeds.close());

  it('lists the sample feeds and the partner page, not the registry file', async () => {
    const listing = (await (await fetch(`${feeds.origin}/`)).text()).trim().split('\n');
    expect(listing).toContain('mast-haiti.html');
    expect(listing).toContain('iaspn-news.xml');
    expect(listing).not.toContain('partners.json');
  });

  it('serves a partner home page whose feed link leads to a sample feed (the README’s feeds add)', async () => {
    const config = loadConfig({ IASPN_FETCH_ALLOWED_ORIGINS: feeds.origin });
    const checked = await checkFeed(`${feeds.origin}/mast-haiti.html`, { config, now: new Date() });
    expect(checked).toMatchObject({
      discoveredFrom: `${feeds.origin}/mast-haiti.html`,
      requested: `${feeds.origin}/mast-haiti-actualites.xml`,
      feed: { title: 'MAST Haïti – Actualités' },
    });
    expect(checked.resources).toHaveLength(5);
  });
});
