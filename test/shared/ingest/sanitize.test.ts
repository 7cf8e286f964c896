import { describe, expect, it } from 'vitest';
import { CONTENT_MAX, sanitizeContent } from '#shared/ingest/sanitize.js';

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
];

describe('sanitizeContent', () => {
  it('keeps nothing that runs: no script, style, iframe, form, on*, javascript: or data:', () => {
    for (const html of VECTORS) {
      const out = sanitizeContent(html, BASE);
      expect(out).not.toMatch(/<\s*(script|style|iframe|form|input|object|embed|svg|math|meta|link|base)\b/i);
      expect(out).not.toMatch(/\son[a-z]+\s*=/i);
      expect(out).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
      expect(out).not.toMatch(/\s(style|class|id|target)=/i);
    }
  });

  it('resolves relative links against the base and keeps fragments', () => {
    expect(sanitizeContent('<a href="../r/1.pdf#p2">r</a><img src="i.png">', BASE)).toBe(
      '<a href="https://partner.example.org/r/1.pdf#p2">r</a><img src="https://partner.example.org/news/i.png" />',
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
