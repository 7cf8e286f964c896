import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFeedServer } from '#cli/local/feed-server.js';
import { loadConfig } from '#shared/config.js';
import { checkFeed } from '#shared/ingest/check.js';

describe('checkFeed', () => {
  it('gives the feed’s title as plain text: it is shown, and stored as the feed’s name', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'iaspn-check-')), 'feed.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel>
        <title><![CDATA[Ministerio de Trabajo &amp; Empleo &#8211; <b>Noticias</b>]]></title>
        <item><title>a</title><link>https://mt.example.gob.cl/1</link></item></channel></rss>`,
    );
    const checked = await checkFeed(file, { config: loadConfig({}), now: new Date('2025-06-01T00:00:00Z') });
    expect(checked.feed.title).toBe('Ministerio de Trabajo & Empleo – Noticias');
    expect(checked.resources).toHaveLength(1);
  });

  it('names the feed an HTML page links to as written when the page is a file with no URL', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'iaspn-check-')), 'page.html');
    writeFileSync(
      file,
      '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/noticias/rss.xml"></head><body></body></html>',
    );
    await expect(checkFeed(file, { config: loadConfig({}), now: new Date() })).rejects.toThrow(
      'This is an HTML page, not a feed (it links to a feed: /noticias/rss.xml)',
    );
  });

  it('follows a web page to the feed it links to, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iaspn-site-'));
    writeFileSync(
      path.join(dir, 'noticias.html'),
      '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>',
    );
    writeFileSync(
      path.join(dir, 'feed.xml'),
      '<rss version="2.0"><channel><title>Noticias</title><item><title>a</title><link>https://mt.example.gob.cl/1</link></item></channel></rss>',
    );
    const site = await startFeedServer({ dir });
    try {
      const config = loadConfig({ IASPN_FETCH_ALLOWED_ORIGINS: site.origin });
      const checked = await checkFeed(`${site.origin}/noticias.html`, { config, now: new Date() });
      expect(checked).toMatchObject({
        discoveredFrom: `${site.origin}/noticias.html`,
        requested: `${site.origin}/feed.xml`,
        feed: { title: 'Noticias' },
      });
      // An article's page reached through a tracking URL is named as its canonical link says.
      writeFileSync(
        path.join(dir, 'articulo.html'),
        '<!DOCTYPE html><html><head><link rel="canonical" href="/noticias/articulo"><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>',
      );
      const article = await checkFeed(`${site.origin}/articulo.html?utm_source=whatsapp`, {
        config,
        now: new Date(),
      });
      expect(article.discoveredFrom).toBe(`${site.origin}/noticias/articulo`);
      // One hop only: a page is never followed when discovery is off (or from a second page).
      await expect(
        checkFeed(`${site.origin}/noticias.html`, { config, now: new Date(), discover: false }),
      ).rejects.toThrow(`it links to a feed: ${site.origin}/feed.xml`);
    } finally {
      await site.close();
    }
  });
});
