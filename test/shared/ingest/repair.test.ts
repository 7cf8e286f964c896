import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedText } from '#shared/ingest/parse.js';
import { repairFeedXml } from '#shared/ingest/repair.js';

const URL_ = 'https://mides.example.gub.uy/rss';
const rss = (items: string, before = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${before}<rss version="2.0"><channel><title>Noticias</title><link>https://mides.example.gub.uy/</link>${items}</channel></rss>`;
const item = (title: string, link = 'https://mides.example.gub.uy/1') =>
  `<item><title>${title}</title><link>${link}</link></item>`;

function refusal(text: string): FeedParseError {
  try {
    parseFeedText(text, URL_);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('expected the feed to be refused');
}

describe('the tolerant pass', () => {
  it('reads a bare & in a title and in a link, and says so', () => {
    const feed = parseFeedText(rss(item('Fish & Chips', 'https://mides.example.gub.uy/n?a=1&b=2')), URL_);
    expect(feed.items[0]).toMatchObject({
      title: 'Fish & Chips',
      links: ['https://mides.example.gub.uy/n?a=1&b=2'],
    });
    expect(feed.recovered).toEqual(['2 bare & escaped']);
  });

  it('reads HTML named entities XML does not define, and a stray <', () => {
    const feed = parseFeedText(
      rss(item('Cobertura &ndash; 5 < 10 &hellip; Año&nbsp;2025 &NotANamedEntity; &bogus')),
      URL_,
    );
    expect(feed.items[0]!.title).toBe('Cobertura – 5 < 10 … Año\u00a02025 &NotANamedEntity; &bogus');
    expect(feed.recovered).toEqual([
      '2 bare & escaped',
      '3 HTML entities XML does not define read',
      '1 stray < escaped',
    ]);
  });

  it('leaves CDATA sections and comments exactly as they are', () => {
    const { text } = repairFeedXml(
      rss(`${item('A & B')}<!-- a < b & c --><item><title><![CDATA[x & y < z &amp;]]></title></item>`),
    );
    expect(text).toContain('<!-- a < b & c -->');
    expect(text).toContain('<![CDATA[x & y < z &amp;]]>');
    expect(text).toContain('A &amp; B');
  });

  it('drops whitespace, a byte-order mark or a server warning before the XML declaration', () => {
    for (const before of [
      ' \uFEFF<?xml version="1.0"?>',
      'Warning: Undefined variable $x in feed.php on line 3\n<?xml version="1.0"?>',
    ]) {
      const feed = parseFeedText(rss(item('ok'), before), URL_);
      expect(feed.items).toHaveLength(1);
      expect(feed.recovered?.[0]).toMatch(/before the XML declaration dropped/);
    }
  });

  it('drops a server warning printed after the end of the document', () => {
    const feed = parseFeedText(
      `${rss(item('ok'))}<br /><b>Warning</b>: Cannot modify header information`,
      URL_,
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.recovered).toEqual(['text after the end of the document dropped']);
  });

  it('reads an RSS feed behind an XHTML DOCTYPE instead of calling it an HTML page', () => {
    const feed = parseFeedText(
      rss(
        item('Año & medio'),
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n',
      ),
      URL_,
    );
    expect(feed.items[0]!.title).toBe('Año & medio');
    expect(feed.recovered).toContain('DOCTYPE dropped (-//W3C//DTD XHTML 1.0 Transitional//EN)');
  });

  it('reads a document cut off after its last complete item, and only the complete items', () => {
    const whole = rss(
      item('uno', 'https://mides.example.gub.uy/1') + item('dos', 'https://mides.example.gub.uy/2'),
    );
    const cut = `${whole.slice(0, whole.indexOf('<item>', whole.indexOf('dos') - 60))}${item('dos').slice(0, 20)}`;
    const feed = parseFeedText(cut, URL_);
    expect(feed.items.map((i) => i.title)).toEqual(['uno']);
    expect(feed.recovered).toEqual(['document cut off: read up to its last complete item']);
    // Nothing to keep before the first item: still an error.
    expect(refusal(rss('').slice(0, 80)).kind).toBe('parse_error');
  });

  it('closes a cut-off Atom or RSS 1.0 document after its last complete entry or item', () => {
    const atom = parseFeedText(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>uno</title><link href="https://a.example/1"/></entry><entry><id>2</id><title>do',
      URL_,
    );
    expect(atom.items.map((i) => i.title)).toEqual(['uno']);
    const rdf = parseFeedText(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://a.example/"><title>t</title></channel><item rdf:about="https://a.example/1"><title>uno</title><link>https://a.example/1</link></item><item rdf:about="https://a.example/2"><ti',
      URL_,
    );
    expect(rdf.items.map((i) => i.title)).toEqual(['uno']);
    expect(rdf.recovered).toEqual(['document cut off: read up to its last complete item']);
  });

  it('pays nothing on a well-formed feed: the strict pass reads it and nothing is marked recovered', () => {
    const feed = parseFeedText(rss(item('A &amp; B')), URL_);
    expect(feed.recovered).toBeUndefined();
  });

  it('keeps refusing billion laughs, XXE and unknown external DTDs, in both passes', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2; & more</title></channel></rss>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe; & more</title></channel></rss>`;
    for (const doc of [laughs, xxe]) expect(refusal(doc).message).toMatch(/declares DTD entities/);
    const external = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://evil.example/rss.dtd"><rss version="2.0"><channel><title>&secret; & more</title>${item('a')}</channel></rss>`;
    expect(refusal(external).message).toMatch(
      /external DTD \(http:\/\/evil\.example\/rss\.dtd\), which is never read/,
    );
    // The tolerant pass is off: the strict failure, as before.
    expect(() => parseFeedText(rss(item('A & B')), URL_, { tolerant: false })).toThrow(/malformed/);
  });

  it('keeps an RSS 0.91 DOCTYPE on a well-formed feed without fuss', () => {
    const feed = parseFeedText(
      rss(
        item('ok'),
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
      ),
      URL_,
    );
    expect(feed.recovered).toBeUndefined();
  });
});
