import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';
import { composeDigest, selectResources } from '#shared/digest/compose.js';
import { digestMessage, renderDigest } from '#shared/digest/emails.js';
import { newSubscription, type Subscription } from '#shared/digest/model.js';
import { buildMime } from '#shared/email/mime.js';
import { makeResource } from './helpers.js';

const config = loadConfig({
  IASPN_TOKEN_SECRET: 'compose-secret',
  IASPN_PUBLIC_URL: 'https://relay.example.org',
});
const now = new Date('2026-03-03T00:30:00.000Z');
const ctx = { config, secret: 'compose-secret', now, partnerNames: new Map([['midis-pe', 'MIDIS Perú']]) };
const window = { period: 'D2026-03-03', since: '2026-03-02T00:00:00.000Z', until: now.toISOString() };

function subscriber(fields: Partial<Subscription> = {}): Subscription {
  return {
    ...newSubscription(
      'reader@example.org',
      { language: 'en', frequency: 'daily', filter: {}, source: 't' },
      '2026-03-01T00:00:00.000Z',
    ),
    status: 'confirmed',
    ...fields,
  };
}

describe('composeDigest', () => {
  it('keeps hostile feed content inert in the HTML, the text and the headers', async () => {
    const hostile = makeResource({
      id: 'evil',
      title: 'Cash <script>alert(1)</script> transfers\r\nBcc: victim@example.org',
      summary: '<img src=x onerror=alert(2)> "quoted" & more',
      url: 'javascript:alert(3)',
      partnerId: 'p<b>artner',
      firstSeenAt: '2026-03-02T10:00:00.000Z',
    });
    const selection = selectResources([hostile], subscriber(), window.since, window.until);
    const digest = composeDigest(ctx, subscriber(), selection, window);
    const { html, text, subject } = renderDigest(digest);

    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Cash &lt;script&gt;alert(1)&lt;/script&gt; transfers Bcc: victim@example.org');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &amp; more');
    expect(html).toContain('p&lt;b&gt;artner');
    // The entry has no link at all rather than a javascript: one.
    expect(html).not.toMatch(/href="[^"]*alert/);
    expect(text).not.toContain('javascript:');
    expect(text).not.toMatch(/\r/);
    expect(text.split('\n').filter((l) => l.startsWith('Bcc:'))).toEqual([]);

    const raw = await buildMime(digestMessage(config, digest));
    const headerBlock = raw.toString('utf8').split(/\r?\n\r?\n/)[0] as string;
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe(subject);
    expect(parsed.subject).not.toMatch(/[\r\n]/);
    expect(parsed.html).not.toContain('<script');
  });

  it('encodes a non-ASCII subject as RFC 2047 words', async () => {
    const r = makeResource({
      id: 'es',
      title: 'Protección social en Perú',
      firstSeenAt: '2026-03-02T10:00:00.000Z',
    });
    const sub = subscriber({ language: 'es' });
    const digest = composeDigest(ctx, sub, selectResources([r], sub, window.since, window.until), window);
    const raw = (await buildMime(digestMessage(config, digest))).toString('utf8');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    expect((await simpleParser(raw)).subject).toBe('Resumen RIPSO: Protección social en Perú');
  });

  it("tags each item's title and summary with the item's own language, the rest with the digest's", () => {
    const items = [
      makeResource({
        id: 'pt',
        title: 'Proteção social',
        language: 'pt',
        firstSeenAt: '2026-03-02T10:00:00.000Z',
      }),
      makeResource({
        id: 'en',
        title: 'Social protection',
        language: 'en',
        firstSeenAt: '2026-03-02T11:00:00.000Z',
      }),
      makeResource({
        id: 'xx',
        title: 'Odd code',
        language: '"><b' as never,
        firstSeenAt: '2026-03-02T12:00:00.000Z',
      }),
    ];
    const sub = subscriber({ language: 'es' });
    const { html } = renderDigest(
      composeDigest(ctx, sub, selectResources(items, sub, window.since, window.until), window),
    );
    expect(html).toContain('<html lang="es"');
    expect(html).toMatch(/<p [^>]*lang="pt"><a [^>]*>Proteção social<\/a>/);
    expect(html).toMatch(/<p [^>]*lang="en"><a [^>]*>Social protection<\/a>/);
    expect(html).not.toContain('lang="&quot;');
    expect(html).toMatch(/<p style="[^"]*"><a [^>]*>Odd code<\/a>/);
  });

  it('selects by filter and window, groups by type, caps at N with a link for the rest, adds the month highlight', () => {
    const resources = [
      ...Array.from({ length: 25 }, (_, i) =>
        makeResource({
          id: `doc-${i}`,
          type: i % 2 ? 'news' : 'document',
          topics: ['housing'],
          firstSeenAt: `2026-03-02T${String(i % 24).padStart(2, '0')}:00:00.000Z`,
        }),
      ),
      makeResource({ id: 'other-topic', topics: ['education'], firstSeenAt: '2026-03-02T05:00:00.000Z' }),
      makeResource({ id: 'too-old', topics: ['housing'], firstSeenAt: '2026-03-01T05:00:00.000Z' }),
      makeResource({
        id: 'video',
        type: 'video',
        topics: ['housing'],
        firstSeenAt: '2026-03-02T06:00:00.000Z',
      }),
      makeResource({
        id: 'feature',
        type: 'highlight',
        title: 'Partner of the month: MIDIS',
        publishedAt: '2026-03-01T00:00:00.000Z',
        firstSeenAt: '2026-03-02T07:00:00.000Z',
      }),
    ];
    const sub = subscriber({ filter: { topics: ['housing'] } });
    const selection = selectResources(resources, sub, window.since, window.until);
    expect(selection.matched.map((r) => r.id)).not.toContain('other-topic');
    expect(selection.matched.map((r) => r.id)).not.toContain('too-old');
    expect(selection.matched).toHaveLength(26);
    const digest = composeDigest(ctx, sub, selection, window);
    expect(digest.shown).toBe(config.email.digestMaxItems);
    expect(digest.sections.map((s) => s.id)).toEqual(['documents', 'news', 'media']);
    expect(digest.moreUrl).toMatch(/^https:\/\/relay\.example\.org\/email\/digest\?token=/);
    expect(digest.highlight?.title).toBe('Partner of the month: MIDIS');
    const { html, text } = renderDigest(digest);
    expect(html).toContain('See 6 more');
    expect(text).toContain('== Partner highlight of the month ==');
    expect(html).toContain('MIDIS Perú');
    // What mail clients keep: no external CSS, no style block, no script, a viewport for phones.
    expect(html).not.toMatch(/<link|<style|<script|@import|url\(/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('max-width:600px;width:100%');
  });
});
