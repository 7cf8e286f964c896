import { describe, expect, it } from 'vitest';
import { escapeMixedContent } from '#shared/ingest/mixed-content.js';
import type { FeedContext } from '#shared/ingest/normalise.js';
import { FeedParseError, parseFeedText } from '#shared/ingest/parse.js';
import { readFeedBytes } from '#shared/ingest/read.js';

const URL_ = 'https://partner.example.org/feed.xml';
const FEED: FeedContext = {
  id: 'f',
  partnerId: 'p',
  url: URL_,
  defaultTopics: [],
  defaultCountries: [],
};
const read = (text: string) =>
  readFeedBytes(Buffer.from(text, 'utf8'), { url: URL_, feed: FEED, now: new Date('2025-06-01T00:00:00Z') })
    .resources;

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>${items}</channel></rss>`;

describe('markup inside text elements', () => {
  it('keeps the words of an RSS title with unescaped inline tags, in order', () => {
    const [r] = read(
      rss(
        '<item><title>Nuevo <b>subsidio</b> al <i>empleo</i> juvenil</title><link>https://a.example/1</link></item>',
      ),
    );
    expect(r!.title).toBe('Nuevo subsidio al empleo juvenil');
  });

  it('reads Atom xhtml content in document order', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>urn:1</id><title>UCC</title>
      <link href="https://a.example/ucc"/><updated>2025-02-20T18:00:00Z</updated>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>El programa <b>Uruguay Crece Contigo</b> acompaña a las familias.</p><p>Visitas &amp; controles.</p></div></content></entry></feed>`;
    const [r] = read(atom);
    expect(r!.summary).toBe(
      'El programa Uruguay Crece Contigo acompaña a las familias. Visitas & controles.',
    );
    expect(r!.contentHtml).toContain('<p>El programa <b>Uruguay Crece Contigo</b> acompaña');
    expect(r!.contentHtml).toContain('Visitas &amp; controles.');
  });

  it('leaves CDATA, comments and self-closing elements as they are', () => {
    const text = rss(
      `<item><title><![CDATA[<b>x</b>]]></title><!-- <title>a <b>b</b></title> -->
       <content:encoded><![CDATA[<svg><title>icon <b>x</b></title></svg>]]></content:encoded>
       <media:content url="https://a.example/v.mp4"/><media:title>m</media:title>
       <media:content url="https://a.example/w.mp4"><media:title>w</media:title><media:thumbnail url="https://a.example/w.jpg"/></media:content></item>`,
    );
    expect(escapeMixedContent(text)).toBe(text);
    // An unterminated CDATA section ends the pass; the XML parser reports the document.
    expect(escapeMixedContent('<rss><title>a <b>b</b></title><![CDATA[ <title>x <i>y</i></title>')).toBe(
      '<rss><title>a &lt;b&gt;b&lt;/b&gt;</title><![CDATA[ <title>x <i>y</i></title>',
    );
  });
});

describe('Media RSS and YouTube', () => {
  const youtube = `<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
    <title>Channel</title><author><name>OAS</name></author>
    <entry><id>yt:video:abc</id><yt:videoId>abc</yt:videoId><title>Early childhood development: lessons from Chile</title>
      <link rel="alternate" href="https://www.youtube.com/watch?v=abc"/><author><name>OAS Social</name></author>
      <published>2025-01-15T14:00:00+00:00</published>
      <media:group><media:title>t</media:title>
        <media:content url="https://www.youtube.com/v/abc?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
        <media:thumbnail url="https://i3.ytimg.com/vi/abc/hqdefault.jpg" width="480" height="360"/>
        <media:description>Chile's early childhood protection system supports every child from pregnancy to school entry, with home visits in Haiti too.</media:description>
      </media:group></entry></feed>`;

  it('takes the summary from media:description and drops the Flash player "enclosure"', () => {
    const [r] = read(youtube);
    expect(r!.summary).toMatch(/^Chile's early childhood protection system/);
    expect(r!.type).toBe('video');
    expect(r!.language).toBe('en');
    expect(r!.countries).toEqual(expect.arrayContaining(['CL', 'HT']));
    expect(r!.enclosures).toEqual([]);
    expect(r!.imageUrl).toBe('https://i3.ytimg.com/vi/abc/hqdefault.jpg');
  });

  it('reads media:description in an RSS item without a description', () => {
    const raw = parseFeedText(
      rss(
        '<item><title>v</title><link>https://a.example/v</link><media:group><media:description>Video notes</media:description></media:group></item>',
      ),
      URL_,
    );
    expect(raw.items[0]!.summary).toBe('Video notes');
  });
});

describe('the elements partners use in RSS', () => {
  const NS =
    'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';

  it('reads Atom, Dublin Core and iTunes elements inside RSS items and channels', () => {
    const raw = parseFeedText(
      `<rss version="2.0" ${NS}><channel><dc:title>Canal</dc:title>
        <atom:link rel="self" href="https://a.example/rss"/><atom:link rel="alternate" href="https://a.example/"/>
        <item><title>a</title><atom:link rel="alternate" href="https://a.example/a"/>
          <atom:published>2025-06-03T10:00:00Z</atom:published><atom:updated>2025-06-04T10:00:00Z</atom:updated>
          <atom:content type="html">&lt;p&gt;Full&lt;/p&gt;</atom:content><dc:description>Summary</dc:description>
          <atom:category term="pensiones"/><itunes:keywords>cash transfers, pensions</itunes:keywords>
          <itunes:author>Radio MIDES</itunes:author><atom:author><atom:name>Ana</atom:name></atom:author></item></channel></rss>`,
      URL_,
    );
    expect(raw).toMatchObject({ title: 'Canal', link: 'https://a.example/' });
    expect(raw.items[0]).toMatchObject({
      links: ['https://a.example/a'],
      published: '2025-06-03T10:00:00Z',
      updated: '2025-06-04T10:00:00Z',
      content: '<p>Full</p>',
      summary: 'Summary',
      categories: ['pensiones', 'cash transfers', ' pensions'],
      authors: ['Radio MIDES', 'Ana'],
    });
  });

  it('reads Atom 0.3 base64 content and an RSS 0.9x xhtml body', () => {
    const atom03 = parseFeedText(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title><entry><id>1</id><title>a</title>
        <link rel="alternate" type="text/html" href="https://a.example/1"/><issued>2025-06-03T10:00:00Z</issued>
        <content type="text/html" mode="base64">${Buffer.from('<p>Hola</p>').toString('base64')}</content></entry></feed>`,
      URL_,
    );
    expect(atom03.items[0]).toMatchObject({ content: '<p>Hola</p>', published: '2025-06-03T10:00:00Z' });
    const body = parseFeedText(
      `<rss version="0.92"><channel><title>t</title><item><title>a</title><link>https://a.example/1</link>
        <body xmlns="http://www.w3.org/1999/xhtml"><p>Texto <b>completo</b></p></body></item></channel></rss>`,
      URL_,
    );
    expect(body.items[0]!.content).toBe('<p>Texto <b>completo</b></p>');
  });
});

describe('feed-level authors', () => {
  it('gives Atom entries without authors the feed’s', () => {
    const raw = parseFeedText(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><author><name>María Pérez</name></author>
        <entry><id>1</id><title>a</title><link href="https://a.example/1"/></entry>
        <entry><id>2</id><title>b</title><link href="https://a.example/2"/><author><name>Juan</name></author></entry></feed>`,
      URL_,
    );
    expect(raw.items.map((i) => i.authors)).toEqual([['María Pérez'], ['Juan']]);
  });

  it('gives JSON Feed items without authors the feed’s', () => {
    const raw = parseFeedText(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        authors: [{ name: 'WSDL Team' }],
        items: [
          { id: '1', url: 'https://a.example/1' },
          { id: '2', url: 'https://a.example/2', author: { name: 'Legacy' } },
        ],
      }),
      URL_,
    );
    expect(raw.items.map((i) => i.authors)).toEqual([['WSDL Team'], ['Legacy']]);
  });
});

describe('documents that are not feeds', () => {
  it('says an empty or blank document is empty', () => {
    for (const text of ['', '  \n\t ']) {
      const error = (() => {
        try {
          parseFeedText(text, URL_);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(FeedParseError);
      expect(error).toMatchObject({ kind: 'not_a_feed', message: 'The document is empty' });
    }
  });
});
