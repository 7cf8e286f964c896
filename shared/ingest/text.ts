import { decode } from 'html-entities';

/**
 * Small pure helpers of the normaliser: plain text from HTML and canonical URLs (SECURITY.md
 * items 13 and 14). Dates are in `dates.ts`.
 */

const SCRIPTS = /<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi;
/** Block-level tags separate words; inline ones (b, em, a, span) do not. */
const BLOCK_TAGS =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|pre|img)\b[^>]*>/gi;
/** Tags, comments (an unterminated one runs to the end), CDATA markers and `<!DOCTYPE …>`. */
const TAGS = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>|<![A-Za-z][^>]*>/g;
const HAS_SCRIPTS = /<(?:script|style|noscript|template)\b/i;
/** Whitespace other than a single space: a run of two, or a tab, newline, no-break space... */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Tags stripped (block tags become spaces), entities decoded, whitespace collapsed. */
export function plainText(html: string | undefined): string {
  if (!html) return '';
  let text = html;
  if (text.includes('<')) {
    // Each pass only when it can match: most titles and categories are text already.
    if (HAS_SCRIPTS.test(text)) text = text.replace(SCRIPTS, ' ');
    text = text.replace(BLOCK_TAGS, ' ').replace(TAGS, '');
  }
  if (text.includes('&')) text = decode(text);
  return (UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** An entity still there after one decode (`&amp;#8217;` in the feed), or a tag (`&lt;b&gt;` in a CDATA). */
const LEFT_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
const LEFT_TAG = /<\/?[a-z][^<>]*>|<!(?:--|[a-z])/i;

/**
 * The plain text of a title or summary, also when the feed escaped its HTML twice (WordPress
 * double-encodes: `Chile&amp;#8217;s`): an entity left after one decode is decoded once more, and
 * a tag left after decoding is stripped. A lone `&` or `<` ("A & B", "5 < 10") stays.
 */
export function itemText(html: string | undefined): string {
  let text = plainText(html);
  if (text.includes('&') && LEFT_ENTITY.test(text)) text = decode(text);
  return text.includes('<') && LEFT_TAG.test(text) ? plainText(text) : text;
}

/**
 * Trailing boilerplate of WordPress and Blogger excerpts: "The post X appeared first on Y.",
 * "Continue reading →", "Read more »", "Leer más", "Seguir leyendo", "Leia mais", "[…]". A plain
 * "…" stays: it says the text was cut.
 */
const TRAILER =
  /\s*(?:The post .+ appeared first on .+|(?:Continue reading|Read more|Read the rest|Leer más|Seguir leyendo|Leia mais|Continuar lendo|Lire la suite)(?:\s*(?:\.\.\.|…))?(?:[^.!?→»›]{0,160}?\s*[→»›])?|\[(?:…|\.\.\.|&#8230;|&hellip;)\])\s*$/;
/** Only the end of a summary can hold boilerplate (and a whole summary may be a long article). */
const TRAILER_SPAN = 600;

/** A summary without the boilerplate its site appends. */
export function withoutTrailer(text: string): string {
  let out = text;
  for (let pass = 0; pass < 3; pass++) {
    const start = Math.max(0, out.length - TRAILER_SPAN);
    const match = TRAILER.exec(out.slice(start));
    if (!match) break;
    out = out.slice(0, start + match.index);
  }
  return out;
}

/** Cut at a word boundary at or before `max` characters, with an ellipsis when cut. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space > max * 0.6 ? slice.slice(0, space) : slice).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const UTM = /[?&]utm_/i;

/**
 * An absolute, canonical http(s) URL, or undefined: resolved against `base`, fragment and
 * `utm_*` parameters dropped. `javascript:`, `data:` and every other scheme are refused.
 */
export function canonicalUrl(value: string | undefined, base: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  if (url.hash) url.hash = '';
  // URLSearchParams re-encodes the whole query: only when there is a utm_ parameter to drop.
  if (UTM.test(url.search)) {
    for (const key of [...url.searchParams.keys()]) {
      if (/^utm_/i.test(key)) url.searchParams.delete(key);
    }
  }
  return url.href;
}

/** `%7e` and `%7E` are `~`; `%2f` is `%2F`: unreserved characters decoded, the rest upper case. */
function percentCase(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/%([\da-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z\d\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/**
 * The form of a canonical URL that decides whether two links are the same page (issue 14, point
 * 6). Never shown: the URL as published stays the resource's. http and https, `www.` or not, a
 * default port, a trailing slash, the case of percent-encoding and the order of query parameters
 * make no difference: `http://www.mides.gub.uy:80/noticias/?b=2&a=1` and
 * `https://mides.gub.uy/noticias?a=1&b=2` are the same page.
 */
const HREF = /^https?:\/\/(?:www\.)?([^/?#:]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?/i;
const paramKey = (pair: string) => pair.split('=', 1)[0]!;

export function identityUrl(url: string): string {
  // A canonical URL's href (lower-case host, no credentials, no fragment): read as a string,
  // which costs a tenth of parsing it again.
  const m = HREF.exec(url);
  if (!m) return url;
  const [, host, port, path = '', search] = m;
  let query = search ? percentCase(search) : '';
  if (query.includes('&'))
    query = query
      .split('&')
      .filter(Boolean)
      // Stable: a parameter given twice keeps its values' order.
      .sort((a, b) => (paramKey(a) < paramKey(b) ? -1 : paramKey(a) > paramKey(b) ? 1 : 0))
      .join('&');
  return `https://${host!.toLowerCase()}${port && port !== '80' && port !== '443' ? `:${port}` : ''}${percentCase(path).replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
}

const EMAIL = /(?:mailto:)?[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+/gi;

const withoutAddresses = (text: string) =>
  text
    .replace(EMAIL, ' ')
    .replace(/[<>()[\]"]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');

/**
 * An author's name, never an address: RSS `<author>` is an address, usually written
 * `ana@mides.gub.uy (Ana Pérez)`; `Ana Pérez <ana@…>` keeps the name; a bare address gives no
 * author, nor does Blogger's `noreply@blogger.com (Unknown)`.
 */
export function authorName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // Entities first (`&lt;ana@x.org&gt;`), addresses before plainText (which reads `<ana@x.org>` as a tag).
  const decoded = value.includes('&') ? decode(value) : value;
  const text = plainText(decoded.includes('@') ? withoutAddresses(decoded) : decoded);
  return text && !/^unknown$/i.test(text) ? text : undefined;
}
