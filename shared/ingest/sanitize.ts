import { decode } from 'html-entities';
import { FilterXSS, type IFilterXSSOptions } from 'xss';
import { escapeAttribute } from '../escape.js';

/**
 * Feed HTML through js-xss's allow-list (SECURITY.md items 14 and 15). What comes out is only
 * the tags below, each rebuilt by the library with only its allowed attributes; every other `<`
 * and `>` is escaped as text, so no other element can appear when a browser or mail client
 * parses the result. Script, style and the other elements whose content is not text are dropped
 * with their content; `on*`, `style`, `class` and every other attribute are dropped; `href` and
 * `src` are resolved against the item's base and kept only as absolute http(s) (and `mailto:`
 * for links): no `javascript:`, no `data:`. test/shared/ingest/sanitize.test.ts parses the output
 * of hostile and generated input with parse5 (the HTML standard's parser) and holds it to that.
 *
 * js-xss rather than sanitize-html: the same allow-list at a quarter of the cost (sanitising was
 * the largest part of normalising a new item).
 */

export const CONTENT_MAX = 60_000;

/** Tags kept without attributes: text, inline, block and table structure. */
const PLAIN_TAGS = [
  'p div span br hr pre blockquote q cite code kbd samp var',
  'b strong i em u s small sub sup mark abbr dfn time data wbr bdi bdo',
  'h1 h2 h3 h4 h5 h6 ul ol li dl dt dd figure figcaption',
  'section article aside header footer address main nav hgroup',
  'table caption colgroup col thead tbody tfoot tr',
].flatMap((group) => group.split(' '));

/** Tag → the attributes it may keep. Tag and attribute names are compared lower-cased. */
export const ALLOWED_TAGS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ...Object.fromEntries(PLAIN_TAGS.map((tag) => [tag, []])),
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
});

/** Elements dropped with everything inside them (their content is code, form state or not text). */
const DROPPED_WITH_CONTENT = new Set(
  'script style noscript template textarea title xmp iframe noembed noframes object applet svg math select option head'.split(
    ' ',
  ),
);

const TEXT_SPECIAL = /[<>]/;
// Text between tags is HTML already: its entities stay, only a stray `<` or `>` is escaped.
const escapeText = (text: string) =>
  TEXT_SPECIAL.test(text) ? text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')) : text;

/**
 * An absolute http(s) URL (or a mailto: for links) resolved against the base, else undefined.
 * The URL parser drops tabs, newlines and surrounding control characters as browsers do, so
 * `jav&#x09;ascript:` is seen as the `javascript:` it is.
 */
function resolveUrl(value: string, base: string, allowMailto: boolean): string | undefined {
  if (!value.trim()) return undefined;
  try {
    const url = new URL(value, base);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    return allowMailto && url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Elements whose content is code: an unclosed one still drops everything after it (it would be
 * read as code). The others (`object`, `noscript`, `iframe`...) hold a fallback or nothing: left
 * unclosed, only the tag is dropped and the story after it is kept.
 */
const CODE = new Set(['script', 'style', 'template', 'textarea', 'xmp', 'title']);

/** Per-call state: the base for relative URLs, the element whose content is being dropped, the input. */
let base = '';
let dropping: string | undefined;
let source = '';
let sourceLower: string | undefined;

/** Is there a `</tag` after `position` in the input? */
function closedLater(tag: string, position: number): boolean {
  sourceLower ??= source.toLowerCase();
  return sourceLower.indexOf(`</${tag}`, position + 1) >= 0;
}

const OPTIONS: IFilterXSSOptions = {
  whiteList: ALLOWED_TAGS as Record<string, string[]>,
  stripIgnoreTag: true,
  allowCommentTag: false,
  css: false,
  onTag(tag, _html, info) {
    if (dropping) {
      if (info.isClosing && tag === dropping) dropping = undefined;
      return '';
    }
    if (DROPPED_WITH_CONTENT.has(tag)) {
      if (!info.isClosing && (CODE.has(tag) || closedLater(tag, info.sourcePosition ?? 0))) dropping = tag;
      return '';
    }
    return undefined;
  },
  onTagAttr(tag, name, value, isAllowed) {
    if (!isAllowed) return '';
    const text = value.includes('&') ? decode(value, { level: 'html5', scope: 'attribute' }) : value;
    if (name === 'href' || name === 'src') {
      const url = resolveUrl(text, base, tag === 'a' && name === 'href');
      return url ? `${name}="${escapeAttribute(url)}"` : '';
    }
    return `${name}="${escapeAttribute(text.trim())}"`;
  },
  escapeHtml: (text) => (dropping ? '' : escapeText(text)),
};

const filter = new FilterXSS(OPTIONS);

/**
 * A `<` that cannot open a tag (HTML opens one only before a letter, `/`, `!` or `?`) is text:
 * "5 < 10 > 2" keeps its words (js-xss would otherwise read "< 10 >" as a tag and drop it).
 */
const LONE_LT = /<(?![a-zA-Z/!?])/g;

/** Long content is cut, and a tag the cut left unfinished is dropped rather than shown as text. */
function cut(html: string): string {
  if (html.length <= CONTENT_MAX) return html;
  const head = html.slice(0, CONTENT_MAX);
  const open = head.lastIndexOf('<');
  return open > head.lastIndexOf('>') ? head.slice(0, open) : head;
}

/** An image left without a usable source shows nothing (attribute values are escaped: no `>`). */
const IMAGE_WITHOUT_SOURCE = /<img(?![^>]*\ssrc=)[^>]*>/g;

export function sanitizeContent(html: string, baseUrl: string): string {
  base = baseUrl;
  dropping = undefined;
  source = cut(html).replace(LONE_LT, '&lt;');
  sourceLower = undefined;
  try {
    const clean = filter.process(source);
    return (clean.includes('<img') ? clean.replace(IMAGE_WITHOUT_SOURCE, '') : clean).trim();
  } finally {
    dropping = undefined;
    source = '';
    sourceLower = undefined;
  }
}
