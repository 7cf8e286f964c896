import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Resource } from '#shared/domain/resource.js';
import type { FeedContext } from '#shared/ingest/normalise.js';
import { FeedParseError } from '#shared/ingest/parse.js';
import { readFeedBytes } from '#shared/ingest/read.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const FEED: FeedContext = {
  id: 'feed-a',
  partnerId: 'partner-a',
  url: 'https://partner.example.org/feeds/news.xml',
  defaultType: 'news',
  defaultTopics: [],
  defaultCountries: [],
};

function read(
  text: string | Uint8Array,
  options: { contentType?: string; feed?: Partial<FeedContext> } = {},
) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return readFeedBytes(bytes, {
    contentType: options.contentType,
    url: FEED.url,
    feed: { ...FEED, ...options.feed },
    now: NOW,
  });
}

const one = (text: string | Uint8Array, options?: Parameters<typeof read>[1]): Resource => {
  const out = read(text, options);
  expect(out.resources).toHaveLength(1);
  return out.resources[0]!;
};

const rss = (items: string, channel = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>News</title><link>https://partner.example.org/</link>${channel}${items}</channel></rss>`;

function parseError(text: string): FeedParseError {
  try {
    read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

describe('formats', () => {
  it('reads RSS 2.0 with content, enclosure, Media RSS and Dublin Core', () => {
    const r = one(
      rss(
        `<item><title>Cash transfers reach Peru</title><link>https://partner.example.org/a?utm_source=x&amp;id=2#top</link>
        <guid isPermaLink="false">abc-1</guid><pubDate>Tue, 03 Jun 2025 09:30:00 -0500</pubDate>
        <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
        <content:encoded><![CDATA[<p onclick="x()">Full <script>alert(1)</script><a href="/rel">text</a></p><iframe src="https://evil"></iframe>]]></content:encoded>
        <dc:creator>Ana Pérez</dc:creator><category>Informe</category>
        <media:thumbnail url="https://cdn.example.org/t.jpg"/></item>`,
        '<language>en-us</language>',
      ),
    );
    expect(r).toMatchObject({
      url: 'https://partner.example.org/a?id=2',
      title: 'Cash transfers reach Peru',
      summary: 'Short summary',
      publishedAt: '2025-06-01T12:00:00.000Z',
      language: 'en',
      type: 'document',
      authors: ['Ana Pérez'],
      categories: ['Informe'],
      imageUrl: 'https://cdn.example.org/t.jpg',
      countries: ['PE'],
      dateFallback: true,
    });
    expect(r.contentHtml).toBe('<p>Full <a href="https://partner.example.org/rel">text</a></p>');
  });

  it('reads RSS 0.91 and RSS 1.0 (RDF)', () => {
    const r091 = one(
      '<rss version="0.91"><channel><title>x</title><language>es</language><item><title>Hola</title><link>https://p.example.org/1</link></item></channel></rss>',
    );
    expect(r091).toMatchObject({ url: 'https://p.example.org/1', language: 'es', dateFallback: true });
    const rdf =
      one(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://p.example.org/"><title>x</title><dc:language>pt</dc:language></channel>
      <item rdf:about="https://p.example.org/noticia"><title>Bolsa Família</title><link>https://p.example.org/noticia</link><dc:date>2025-05-02T10:00:00-03:00</dc:date><dc:subject>Vídeo</dc:subject></item></rdf:RDF>`);
    expect(rdf).toMatchObject({
      language: 'pt',
      publishedAt: '2025-05-02T13:00:00.000Z',
      type: 'video',
      // A national programme's name says the topic and the country (shared/taxonomy/programmes.ts).
      topics: ['conditional-cash-transfers'],
      countries: ['BR'],
    });
  });

  it('reads Atom 1.0 with xml:base, xhtml content, categories and enclosure links', () => {
    const r =
      one(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.org/blog/" xml:lang="fr">
      <title>Blog</title><entry xml:base="posts/"><id>tag:atom.example.org,2025:1</id>
      <title type="html">&lt;em&gt;Registre&lt;/em&gt; social</title><link href="entry-1.html"/><link rel="enclosure" type="application/pdf" length="2048" href="../files/r.pdf"/>
      <published>2025-05-01T08:00:00Z</published><updated>2025-05-03T08:00:00Z</updated>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Le <a href="../about">SIMAST</a></p></div></content>
      <category term="haiti" label="Haïti"/><author><name>MAST</name></author></entry></feed>`);
    expect(r).toMatchObject({
      url: 'https://atom.example.org/blog/posts/entry-1.html',
      title: 'Registre social',
      language: 'fr',
      type: 'document',
      publishedAt: '2025-05-01T08:00:00.000Z',
      updatedAt: '2025-05-03T08:00:00.000Z',
      enclosures: [
        { url: 'https://atom.example.org/blog/files/r.pdf', mimeType: 'application/pdf', length: 2048 },
      ],
      categories: ['Haïti'],
      countries: ['HT'],
      authors: ['MAST'],
    });
    expect(r.contentHtml).toContain('href="https://atom.example.org/blog/about"');
  });

  it('keeps the rest of an Atom feed when one entry has a malformed date', () => {
    const out = read(`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <entry><id>1</id><title>One</title><link href="https://a.example.org/1"/><published>garbage</published></entry>
      <entry><id>2</id><title>Two</title><link href="https://a.example.org/2"/><published>2025-01-01T00:00:00Z</published></entry></feed>`);
    expect(out.resources.map((r) => [r.title, r.dateFallback ?? false])).toEqual([
      ['One', true],
      ['Two', false],
    ]);
  });

  it('reads JSON Feed 1.1 and refuses other JSON', () => {
    const r = one(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Research',
        language: 'en',
        items: [
          {
            id: 42,
            url: 'https://r.example.org/briefs/42',
            title: 'Pensions in Jamaica',
            content_html: '<p>Brief</p>',
            date_published: '2025-04-01T10:00:00+01:00',
            authors: [{ name: 'CISPR' }],
            tags: ['Policy brief'],
            attachments: [
              { url: 'https://r.example.org/42.pdf', mime_type: 'application/pdf', size_in_bytes: 1000 },
            ],
          },
        ],
      }),
    );
    expect(r).toMatchObject({
      publishedAt: '2025-04-01T09:00:00.000Z',
      type: 'document',
      countries: ['JM'],
      authors: ['CISPR'],
      contentHtml: '<p>Brief</p>',
    });
    expect(parseError('{"items": []}').kind).toBe('not_a_feed');
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1", ').kind).toBe('parse_error');
  });

  it('names an HTML page as not a feed, with its feed link when it has one', () => {
    const error = parseError(
      '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>',
    );
    expect(error.kind).toBe('not_a_feed');
    expect(error.message).toContain('https://partner.example.org/rss.xml');
    expect(parseError('<svg></svg>').message).toMatch(/root element <svg>/);
    expect(parseError('<rss version="2.0"><channel><item></channel>').kind).toBe('parse_error');
  });
});

describe('encodings', () => {
  const body = (decl: string) =>
    `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>x</title><item><title>Acción “social” – niños</title><link>https://p.example.org/1</link></item></channel></rss>`;

  it('reads windows-1252 bytes from the XML declaration', () => {
    const bytes = iconv.encode(body(' encoding="windows-1252"'), 'windows-1252');
    expect(one(bytes).title).toBe('Acción “social” – niños');
  });

  it('reads ISO-8859-1 bytes (as windows-1252, as browsers do) from the HTTP charset', () => {
    const text = body('').replace('“social” –', 'social');
    const bytes = iconv.encode(text, 'latin1');
    expect(one(bytes, { contentType: 'application/rss+xml; charset=ISO-8859-1' }).title).toBe(
      'Acción social niños',
    );
  });

  it('reads bytes a server wrongly calls UTF-8 as the declaration says, else as windows-1252', () => {
    const contentType = 'text/xml; charset=utf-8';
    const declared = iconv.encode(body(' encoding="windows-1252"'), 'windows-1252');
    expect(one(declared, { contentType }).title).toBe('Acción “social” – niños');
    const undeclared = iconv.encode(body(''), 'windows-1252');
    expect(one(undeclared, { contentType }).title).toBe('Acción “social” – niños');
    expect(one(Buffer.from(body(' encoding="windows-1252"')), { contentType }).title).toBe(
      'Acción “social” – niños',
    );
  });

  it('prefers a BOM over the declaration, and strips invalid XML characters', () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(body(' encoding="windows-1252"')),
    ]);
    expect(one(utf8).title).toBe('Acción “social” – niños');
    const withControls = body('').replace('Acción', 'Acc\u0001i\u000Bón');
    expect(one(withControls).title).toBe('Acción “social” – niños');
  });
});

describe('same URL, same resource', () => {
  it('reads one page linked three ways in one feed once, with the URL as the feed published it', () => {
    const out = read(
      rss(`<item><title>Nota</title><link>http://www.partner.example.org/nota/</link></item>
        <item><title>Nota</title><link>https://partner.example.org/nota</link></item>
        <item><title>Nota</title><link>https://partner.example.org:443/nota/?utm_source=x</link></item>`),
    );
    expect(out.resources.map((r) => r.url)).toEqual(['http://www.partner.example.org/nota/']);
    expect(out.skipped).toEqual([
      { index: 1, reason: 'the same page as item 1' },
      { index: 2, reason: 'the same page as item 1' },
    ]);
  });
});

describe('fallbacks and hazards', () => {
  it('id: GUID, else Atom id, else canonical URL, else a hash of title and date; all stable', () => {
    const ids = (items: string) => read(rss(items)).resources.map((r) => r.id);
    const withGuid = ids('<item><guid>g1</guid><link>https://p.example.org/1</link></item>');
    expect(ids('<item><guid>g1</guid><link>https://p.example.org/changed</link></item>')).toEqual(withGuid);
    const byUrl = ids('<item><title>A</title><link>https://p.example.org/1?utm_medium=rss</link></item>');
    expect(ids('<item><title>B</title><link>https://p.example.org/1#x</link></item>')).toEqual(byUrl);
    expect(byUrl).not.toEqual(withGuid);
    const out = read(
      rss(
        '<item><title>No link</title><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><enclosure url="https://p.example.org/a.mp3" type="audio/mpeg"/></item>',
      ),
    );
    expect(out.resources[0]).toMatchObject({ url: 'https://p.example.org/a.mp3', type: 'audio' });
  });

  it('skips duplicate GUIDs within a feed and items with no usable link', () => {
    const out = read(
      rss(`<item><guid>same</guid><title>First</title><link>https://p.example.org/1</link></item>
        <item><guid>same</guid><title>Second</title><link>https://p.example.org/1#again</link></item>
        <item><title>Bad</title><link>javascript:alert(1)</link></item>
        <item><title>Data</title><link>data:text/html,hi</link></item>`),
    );
    expect(out.resources.map((r) => r.title)).toEqual(['First']);
    expect(out.skipped.map((s) => s.reason)).toEqual([
      'duplicate id in this feed',
      'no http(s) link',
      'no http(s) link',
    ]);
  });

  it('identifies items that share a GUID but not a link by their canonical URL', () => {
    const reusing = read(
      rss(`<item><guid>post</guid><title>First</title><link>https://p.example.org/1</link></item>
        <item><guid>post</guid><title>Second</title><link>https://p.example.org/2</link></item>
        <item><guid>post</guid><title>Third</title><link>https://p.example.org/3?utm_source=rss</link></item>
        <item><guid>post</guid><title>Third again</title><link>https://p.example.org/3</link></item>
        <item><guid>own</guid><title>Other</title><link>https://p.example.org/4</link></item>`),
    );
    expect(reusing.resources.map((r) => r.title)).toEqual(['First', 'Second', 'Third', 'Other']);
    expect(reusing.skipped).toEqual([{ index: 3, reason: 'duplicate id in this feed' }]);
    const byUrl = read(rss('<item><title>x</title><link>https://p.example.org/2</link></item>'));
    expect(reusing.resources[1]!.id).toBe(byUrl.resources[0]!.id);
    // An item whose GUID is its own keeps its GUID identity.
    const alone = read(
      rss('<item><guid>own</guid><title>Other</title><link>https://p.example.org/4</link></item>'),
    );
    expect(reusing.resources[3]!.id).toBe(alone.resources[0]!.id);
  });

  it('decodes titles and summaries escaped twice and drops excerpt boilerplate', () => {
    const r = one(
      rss(`<item><title><![CDATA[Chile&amp;#8217;s registry &amp;amp; &amp;lt;b&amp;gt;more]]></title><link>https://p.example.org/1</link>
        <description><![CDATA[<p>The registry covers 5 &lt; 10 regions &amp; more [&#8230;]</p><p>The post <a href="https://p.example.org/1">Chile’s registry</a> appeared first on <a href="https://p.example.org/">Partner</a>.</p>]]></description></item>`),
    );
    expect(r.title).toBe('Chile’s registry & more');
    expect(r.summary).toBe('The registry covers 5 < 10 regions & more');
  });

  it('resolves relative links against the feed URL and drops javascript: in content', () => {
    const r = one(
      rss(
        `<item><title>x</title><link>../story/1</link><description><![CDATA[<a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AA"><img src="pic.png">]]></description></item>`,
      ),
    );
    expect(r.url).toBe('https://partner.example.org/story/1');
    expect(r.contentHtml).toBe('<a>x</a><img src="https://partner.example.org/feeds/pic.png">');
  });

  it('turns HTML in titles into plain text', () => {
    const r = one(
      rss(
        '<item><title><![CDATA[<b>Bold</b>   &amp; <i>new</i>&#8230;]]></title><link>https://p.example.org/1</link></item>',
      ),
    );
    expect(r.title).toBe('Bold & new…');
  });

  it('cuts a long summary at a word boundary', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const r = one(
      rss(
        `<item><title>x</title><link>https://p.example.org/1</link><description>${words}</description></item>`,
      ),
    );
    expect(r.summary.length).toBeLessThanOrEqual(400);
    expect(r.summary).toMatch(/word\d+…$/);
  });

  it.each([
    ['Tue, 3 Jun 2025 09:30:00 GMT', '2025-06-03T09:30:00.000Z'],
    ['03 Jun 25 09:30 EST', '2025-06-03T14:30:00.000Z'],
    ['Tuesday, 03 June 2025 09:30:00 +0000', '2025-06-03T09:30:00.000Z'],
    ['2025-06-03T09:30:00+02:00', '2025-06-03T07:30:00.000Z'],
    ['2025-06-03 09:30', '2025-06-03T09:30:00.000Z'],
    ['2025-06-03', '2025-06-03T00:00:00.000Z'],
    ['mar, 03 jun 2025 09:30:00 -0300', '2025-06-03T12:30:00.000Z'],
    ['Miércoles, 5 Marzo 2025 - 09:15', '2025-03-05T09:15:00.000Z'],
    ['lunes, 3 de marzo de 2025', '2025-03-03T00:00:00.000Z'],
    ['15/03/2025 - 14:30', '2025-03-15T14:30:00.000Z'],
  ])('reads the date %s', (date, iso) => {
    const out = readFeedBytes(
      Buffer.from(
        rss(`<item><title>x</title><link>https://p.example.org/1</link><pubDate>${date}</pubDate></item>`),
      ),
      { url: FEED.url, feed: FEED, now: new Date('2025-07-01T00:00:00Z') },
    );
    expect(out.resources[0]).toMatchObject({ publishedAt: iso });
    expect(out.resources[0]!.dateFallback).toBeUndefined();
  });

  it.each([
    'not a date',
    '',
    '31 Foo 2025',
    '10000-01-01T00:00:00Z',
    '2030-01-01T00:00:00Z',
    '03/02/2025 - 14:30',
  ])('falls back to first-seen time and flags the date %j', (date) => {
    const r = one(
      rss(`<item><title>x</title><link>https://p.example.org/1</link><pubDate>${date}</pubDate></item>`),
    );
    expect(r).toMatchObject({
      publishedAt: NOW.toISOString(),
      firstSeenAt: NOW.toISOString(),
      dateFallback: true,
    });
  });

  it('language: the item, the feed, detection, then the registry default', () => {
    const item = (lang: string, text: string) =>
      `<item><title>${text}</title><link>https://p.example.org/${encodeURIComponent(text.slice(0, 8))}</link>${lang}</item>`;
    const out = read(
      rss(
        item('<dc:language>fr-FR</dc:language>', 'Un titre') +
          item('', 'El programa de transferencias monetarias llega a las familias rurales del país') +
          item('', 'O programa de transferência de renda chega às famílias mais pobres do Brasil') +
          item('', 'Hi'),
      ),
      { feed: { defaultLanguage: 'es' } },
    );
    expect(out.resources.map((r) => r.language)).toEqual(['fr', 'es', 'pt', 'es']);
    const feedLevel = read(rss(item('', 'Hi there'), '<language>pt-BR</language>'));
    expect(feedLevel.resources[0]!.language).toBe('pt');
  });

  it('language: an English title alone is not taken for French', () => {
    const r = one(
      rss(
        '<item><title>Early childhood development: lessons from Chile Crece Contigo.</title><link>https://p.example.org/1</link></item>',
      ),
    );
    expect(r.language).toBe('en');
  });

  it('language: a feed that declares none is guessed from all its titles, after the registry default', () => {
    const titles = [
      'Potenciar Trabajo en Argentina',
      'Programa Hambre Cero en Guatemala',
      'Nueva encuesta de hogares en Perú',
    ];
    const items = titles
      .map((t, i) => `<item><title>${t}</title><link>https://p.example.org/${i}</link></item>`)
      .join('');
    expect(read(rss(items)).resources.map((r) => r.language)).toEqual(['es', 'es', 'es']);
    expect(read(rss(items), { feed: { defaultLanguage: 'pt' } }).resources.map((r) => r.language)).toEqual([
      'pt',
      'pt',
      'pt',
    ]);
    // A clear detection of the item itself comes first.
    const english =
      '<item><title>Conditional cash transfers and school attendance in rural Peru</title><link>https://p.example.org/en</link></item>';
    expect(read(rss(items + english)).resources.map((r) => r.language)).toEqual(['es', 'es', 'es', 'en']);
  });

  it("type: enclosures, Media RSS, video hosts, categories, a title's label, then the feed default", () => {
    const types = read(
      rss(`<item><title>a</title><link>https://p.example.org/a</link><enclosure url="https://p.example.org/r.docx" type="application/octet-stream" length="5"/></item>
        <item><title>b</title><link>https://p.example.org/b</link><media:content url="https://cdn.example.org/v" medium="video"/></item>
        <item><title>c</title><link>https://www.youtube.com/watch?v=abc</link></item>
        <item><title>d</title><link>https://p.example.org/d</link><category>Webinar</category></item>
        <item><title>Webinar: registros sociales</title><link>https://p.example.org/w</link></item>
        <item><title>Informe | Pobreza multidimensional 2025</title><link>https://p.example.org/i</link></item>
        <item><title>Perú: nuevos resultados</title><link>https://p.example.org/p</link></item>
        <item><title>e</title><link>https://p.example.org/e</link></item>`),
      { feed: { defaultType: 'highlight' } },
    ).resources.map((r) => r.type);
    expect(types).toEqual([
      'document',
      'video',
      'video',
      'event',
      'event',
      'document',
      'highlight',
      'highlight',
    ]);
  });

  it('topics and countries from the taxonomy, accent- and case-insensitively, plus the feed defaults', () => {
    const r = one(
      rss(
        '<item><title>TRANSFERENCIAS MONETARIAS en Perú y Mexico</title><link>https://p.example.org/1</link></item>',
      ),
      { feed: { defaultTopics: ['social-registries'], defaultCountries: ['CO'] } },
    );
    expect(r.topics).toEqual(expect.arrayContaining(['social-registries', 'conditional-cash-transfers']));
    expect(r.countries).toEqual(['CO', 'PE', 'MX']);
  });

  it('refuses billion laughs and XXE with a clear per-feed error', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    for (const doc of [laughs, xxe]) {
      const error = parseError(doc);
      expect(error.kind).toBe('parse_error');
      expect(error.message).toMatch(/DTD entities/);
    }
  });

  it('is not polluted by <__proto__> tags', () => {
    const out = read(
      rss(
        '<item><__proto__><polluted>yes</polluted></__proto__><title>x</title><link>https://p.example.org/1</link><constructor><prototype>1</prototype></constructor></item>',
      ),
    );
    expect(out.resources[0]!.title).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads a 5,000-item feed', () => {
    const items = Array.from(
      { length: 5000 },
      (_, i) =>
        `<item><guid>id-${i}</guid><title>Item ${i} on social protection in Chile</title><link>https://p.example.org/${i}</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>Summary ${i}</description></item>`,
    ).join('');
    const out = read(rss(items), { feed: { defaultLanguage: 'en' } });
    expect(out.resources).toHaveLength(5000);
    expect(new Set(out.resources.map((r) => r.id)).size).toBe(5000);
    expect(out.resources[4999]).toMatchObject({ url: 'https://p.example.org/4999', countries: ['CL'] });
  });
});
