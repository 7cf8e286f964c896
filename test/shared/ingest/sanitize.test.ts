import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { ALLOWED_TAGS, CONTENT_MAX, sanitizeContent } from '#shared/ingest/sanitize.js';
import { seededRandom } from '../../helpers/random.js';

const BASE = 'https://partner.example.org/news/';

/** Hostile and malformed HTML: XSS vectors, raw-text elements, broken nesting, entities. */
const VECTORS = [
  '<p>Plain <b>bold</b> &amp; <i>italic</i></p>',
  '<script>alert(1)</script><p>after</p>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>text',
  '<style>p{color:red}</style><p style="color:red" class="x" id="y">styled</p>',
  '<iframe src="https://evil.example"></iframe><iframe><script>alert(1)</script></iframe>',
  '<form action="https://evil.example"><input name="q"><button>Go</button></form>',
  '<img src=x onerror=alert(1)><img src="pic.png" onload="alert(1)" alt="">',
  '<a href="javascript:alert(1)">js</a><a href=" JaVaScRiPt:alert(1)">js2</a>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a><a href="jav&#97;script:alert(1)">entity</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<img src="data:image/png;base64,AA"><img src="//evil.example/p.png">',
  '<a href="mailto:press@example.org" title="Write">mail</a><img src="mailto:x@example.org">',
  '<a href="../reports/1.pdf?utm_source=rss#page=2" target="_blank" rel="opener">report</a>',
  '<a href="">empty</a><a href="   ">blank</a><a>none</a><img alt="" title="" width="">',
  '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;" title="a &quot;quote&quot; <b>">q</a>',
  '<textarea><p>inside</p></textarea><option>opt</option><xmp><b>x</b></xmp>after',
  '<noscript><p>ns</p></noscript><template><p>tpl</p></template><object data="x"></object>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">svg</a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<p>unclosed <b>bold <i>both</p> after</b> stray</i></div></span>',
  '<table><tr><td colspan="2" rowspan="x" onclick="y">cell</td><th scope="col">h</th></tr></table>',
  '<ul><li>one<li>two</ul><ol><li>three</ol><dl><dt>t<dd>d</dl>',
  '<!-- comment --><![CDATA[cdata]]><?php echo 1 ?><!DOCTYPE html>',
  'text with < and > and & and "quotes" and &lt;escaped&gt; &nbsp;&copy;&#8230;&#x1F600;',
  '<p title="x" onmouseover="alert(1)">p title is not allowed</p>',
  '<b onclick=alert(1)>b</b><div onclick="alert(1)"><span>span</span></div>',
  '<IMG SRC="https://x.example/a.png" ALT="Upper" WIDTH=10 HEIGHT=20>',
  '<img src="a.png" src="javascript:alert(1)"><a href="b" href="javascript:alert(1)">dup</a>',
  '<a href="https://x.example/" __proto__="x" constructor="y" toString="z">proto</a>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '<p>a</p ><p >b</p><br/><br /><hr><hr/>',
  '<h1>One</h1><h2>Two</h2><h3>Three</h3><figure><img src="f.jpg"><figcaption>Cap</figcaption></figure>',
  '<blockquote cite="javascript:alert(1)">quote</blockquote><q cite="x">q</q>',
  '<title>t</title><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel="stylesheet">',
  '<base href="https://evil.example/"><a href="rel">rel</a>',
  '<video src="v.mp4" poster="javascript:alert(1)"><source src="v.webm"></video><audio src="a.mp3"></audio>',
  '<embed src="x.swf"><applet code="x"></applet><frameset><frame src="x"></frameset>',
  '<div><div><div><p>deep <a href="https://x.example/deep">link</a></p></div></div></div>',
  '  \n <p>  padded  </p> \n ',
  '<a href="https://user:pass@x.example/">userinfo</a><a href="http://[::1]/">ipv6</a>',
  '<a href="https://x.example/\u0000nul">nul</a><a href="\u0001javascript:alert(1)">ctl</a>',
  '<p>unterminated <a href="https://x.example/',
  '<img src="https://x.example/a.png" alt="a > b & c \' d">',
  '<select><option>o1</option></select><button onclick="x">b</button><label>l</label>',
  '<style><img src=x onerror=alert(1)></style><script><!--</script><p>x</p>-->',
  '<plaintext><p>plain</p>',
  `<a href="https://x.example/" title='x" onclick="alert(1)'>quoted</a><img src="x.png"/onerror=alert(1)>`,
  '<a href=https://x.example/ onclick=alert(1)>bare</a><<a href="javascript:alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116:alert(1)">zeros</a>',
  '<p>a<!--<script>alert(1)</script>-->b</p><a href="https://x.example/" <script>>odd</a>',
];

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/**
 * What a browser or mail client would build from the output, by parse5 (the HTML standard's
 * parsing algorithm): every element, attribute and comment inside <body>, as problems found.
 */
function problemsWhenParsed(output: string): string[] {
  const document = parse(`<!DOCTYPE html><html><head></head><body>${output}`) as unknown as HtmlNode;
  const html = document.childNodes!.find((n) => n.nodeName === 'html')!;
  const problems: string[] = [];
  const visit = (node: HtmlNode, inBody: boolean) => {
    if (node.nodeName === '#comment') problems.push('a comment');
    if (node.tagName && inBody) {
      const allowed = ALLOWED_TAGS[node.tagName];
      if (!allowed) problems.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs ?? []) {
        if (!allowed?.includes(name)) problems.push(`${node.tagName}[${name}]`);
        if (name === 'href' || name === 'src') {
          const protocol = URL.canParse(value) ? new URL(value).protocol : 'relative';
          const schemes = name === 'href' ? ['http:', 'https:', 'mailto:'] : ['http:', 'https:'];
          if (!schemes.includes(protocol)) problems.push(`${node.tagName}[${name}=${value}]`);
        }
      }
    }
    if (node.nodeName === 'head' && node.childNodes?.length) problems.push('content in <head>');
    for (const child of [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])])
      visit(child, inBody || node.nodeName === 'body');
  };
  visit(html, false);
  return problems;
}

/** Pieces of markup that confuse tokenizers, joined at random into thousands of documents. */
const PIECES = [
  '<',
  '>',
  '</',
  '/>',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  '\t',
  '\u0000',
  '`',
  '<!--',
  '-->',
  '--!>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '<?xml ?>',
  '&',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#x09;',
  '&#97;',
  '&colon;',
  'a',
  'img',
  'p',
  'b',
  'table',
  'td',
  'li',
  'script',
  'style',
  'svg',
  'math',
  'iframe',
  'textarea',
  'title',
  'noscript',
  'template',
  'xmp',
  'plaintext',
  'select',
  'option',
  'form',
  'object',
  'base',
  'meta',
  'link',
  'href',
  'src',
  'alt',
  'title',
  'style',
  'onerror',
  'onclick',
  'xlink:href',
  'javascript:',
  'JaVa\tScRiPt:',
  'data:',
  'vbscript:',
  'mailto:',
  'https://x.example/',
  '//evil.example/',
  'alert(1)',
  '<script>',
  '</script>',
  '<a href="',
  '<img src=',
  ' onerror=',
  '<svg><a xlink:href="',
  '<math><mi href="',
  '<style>',
  '</style>',
  '<textarea>',
  '</textarea>',
  '<title>',
  '</title>',
  '<iframe srcdoc="',
  '<table><tr><td>',
  '<p title="',
];

describe('sanitizeContent', () => {
  it('(the check itself finds what the hostile vectors carry before sanitising)', () => {
    const problems = VECTORS.flatMap((html) => problemsWhenParsed(html));
    expect(problems).toEqual(
      expect.arrayContaining([
        '<script>',
        '<iframe>',
        'img[onerror]',
        'a[href=javascript:alert(1)]',
        'a comment',
      ]),
    );
  });

  it('gives a parser nothing but the allowed tags and attributes, for the hostile vectors', () => {
    for (const html of VECTORS) expect(problemsWhenParsed(sanitizeContent(html, BASE)), html).toEqual([]);
  });

  it('gives a parser nothing but the allowed tags and attributes, for 5,000 generated documents', () => {
    const next = seededRandom(20251125);
    for (let n = 0; n < 5000; n++) {
      const pieces = Array.from(
        { length: 1 + Math.floor(next() * 40) },
        () => PIECES[Math.floor(next() * PIECES.length)]!,
      );
      const html = pieces.join('');
      expect(problemsWhenParsed(sanitizeContent(html, BASE)), JSON.stringify(html)).toEqual([]);
    }
  });

  it('keeps text that only looks like markup: a lone < is text, entities stay as written', () => {
    expect(sanitizeContent('5 < 10 > 2 &amp; <b>bold</b> &copy;', BASE)).toBe(
      '5 &lt; 10 &gt; 2 &amp; <b>bold</b> &copy;',
    );
  });

  it('drops script, style and the other non-text elements with their content, even left open', () => {
    expect(sanitizeContent('<p>a</p><script>x()</script><style>p{}</style><p>b</p><textarea>t', BASE)).toBe(
      '<p>a</p><p>b</p>',
    );
  });

  it('drops an unclosed object, noscript or iframe but keeps the rest of the story', () => {
    expect(sanitizeContent('<p>Intro</p><object data="v.swf"><p>Rest of the story</p>', BASE)).toBe(
      '<p>Intro</p><p>Rest of the story</p>',
    );
    expect(sanitizeContent('<p>Intro</p><noscript><p>Rest', BASE)).toBe('<p>Intro</p><p>Rest');
    expect(sanitizeContent('<p>Intro</p><iframe src="https://v.example/1"><p>Rest</p>', BASE)).toBe(
      '<p>Intro</p><p>Rest</p>',
    );
    // Closed, they still go with their content (a fallback, or nothing readable).
    expect(sanitizeContent('<p>a</p><iframe src="x">fallback</iframe><p>b</p>', BASE)).toBe(
      '<p>a</p><p>b</p>',
    );
  });

  it('keeps nothing that runs: no script, style, iframe, form, on*, javascript: or data:', () => {
    for (const html of VECTORS) {
      const out = sanitizeContent(html, BASE);
      expect(out).not.toMatch(/<\s*(script|style|iframe|form|input|object|embed|svg|math|meta|link|base)\b/i);
      expect(out).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
      // Attribute names, outside the (always double-quoted, escaped) values: `title="x&quot; onclick=…"` is text.
      const names = out.replace(/="[^"]*"/g, '=""');
      expect(names).not.toMatch(/\son[a-z]+\s*=/i);
      expect(names).not.toMatch(/\s(style|class|id|target)=/i);
    }
  });

  it('resolves relative links against the base and keeps fragments', () => {
    expect(sanitizeContent('<a href="../r/1.pdf#p2">r</a><img src="i.png">', BASE)).toBe(
      '<a href="https://partner.example.org/r/1.pdf#p2">r</a><img src="https://partner.example.org/news/i.png">',
    );
  });

  it('cuts very long content before sanitising', () => {
    const long = `<p>${'word '.repeat(20_000)}</p>`;
    const out = sanitizeContent(long, BASE);
    expect(out.length).toBeLessThanOrEqual(CONTENT_MAX + 10);
  });

  it('starts clean after a document left open', () => {
    sanitizeContent('<script>never closed', BASE);
    sanitizeContent('<p><b>open', BASE);
    expect(sanitizeContent('<i>fresh</i>', BASE)).toBe('<i>fresh</i>');
  });
});
