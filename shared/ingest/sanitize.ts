import { Parser } from 'htmlparser2';

/**
 * Feed HTML through an allow-list (SECURITY.md items 14 and 15): only the tags and attributes
 * below survive; script, style, iframe, object, form and every other tag are dropped (script,
 * style, textarea, option and xmp with their content); `on*`, `style` and every other attribute
 * are dropped; `href` and `src` are resolved against the item's base and kept only as absolute
 * http(s) (and `mailto:` for links): no `javascript:`, no `data:`.
 *
 * One pass of htmlparser2's tokenizer (the parser sanitize-html runs on, with the same options),
 * writing the output directly. The output is safe by construction: every tag in it is one we
 * wrote from the allow-list, every text and attribute value is escaped, so no input can open a
 * tag, an attribute or a raw-text context in it. It reproduces sanitize-html's output for this
 * allow-list byte for byte (test/shared/ingest/sanitize.test.ts compares the two) at a fraction of
 * the cost: sanitize-html allocates a frame with two closures and copies its options per tag and
 * per call, which made it half of normalisation.
 */

/** sanitize-html's default allowed tags plus img, h1, h2, figure, figcaption. */
const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'footer',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'main',
  'nav',
  'section',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'hr',
  'li',
  'menu',
  'ol',
  'p',
  'pre',
  'ul',
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'caption',
  'col',
  'colgroup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'img',
]);

/** Allowed attributes per tag; every other attribute (on*, style, class, id...) is dropped. */
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/** Attributes kept when empty (`alt=""` means "decorative image"); other empty ones are dropped. */
const EMPTY_ALLOWED = 'alt';

/** Disallowed tags whose content goes too (the rest keep their text). */
const DROP_WITH_CONTENT: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'option', 'xmp']);

const SELF_CLOSING: ReadonlySet<string> = new Set(['img', 'br', 'hr']);

/** Longest HTML we sanitise; longer content is cut first. */
export const CONTENT_MAX = 60_000;

const TEXT_ESCAPES = /[&<>]/g;
const ATTRIBUTE_ESCAPES = /[&<>"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeOne = (c: string) => ESCAPES[c]!;
const escapeText = (s: string) => (/[&<>]/.test(s) ? s.replace(TEXT_ESCAPES, escapeOne) : s);
const escapeAttribute = (s: string) => (/[&<>"]/.test(s) ? s.replace(ATTRIBUTE_ESCAPES, escapeOne) : s);

/** An `href` or `src` made absolute, or undefined when it is not http(s) (or mailto: for links). */
function linkTarget(tag: string, value: string, base: string): string | undefined {
  if (!value) return undefined;
  // A blank reference is the base itself, as in a browser.
  const trimmed = value.trim();
  if (tag === 'a' && /^mailto:/i.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// The output and the open elements of the document being sanitised (sanitising is synchronous).
let out = '';
let base = '';
/** Open elements (htmlparser2's events) and whether each was written. */
const openTags: string[] = [];
const written: boolean[] = [];
/** Nesting depth inside a dropped-with-content element (0: outside). */
let dropDepth = 0;

function openTag(name: string, attribs: Record<string, string>): void {
  if (dropDepth > 0) {
    dropDepth++;
    return;
  }
  const allowed = ALLOWED_TAGS.has(name);
  openTags.push(name);
  written.push(allowed);
  if (!allowed) {
    if (DROP_WITH_CONTENT.has(name)) dropDepth = 1;
    return;
  }
  out += `<${name}`;
  const names = ALLOWED_ATTRIBUTES[name];
  if (names) {
    // In the source's order, as sanitize-html writes them.
    for (const attribute in attribs) {
      if (!Object.hasOwn(attribs, attribute) || !names.includes(attribute)) continue;
      let value: string | undefined = attribs[attribute]!;
      if (attribute === 'href' || attribute === 'src') value = linkTarget(name, value, base);
      if (value === undefined) continue;
      if (value !== '') out += ` ${attribute}="${escapeAttribute(value)}"`;
      else if (attribute === EMPTY_ALLOWED) out += ` ${attribute}=""`;
    }
  }
  out += SELF_CLOSING.has(name) ? ' />' : '>';
}

function closeTag(name: string): void {
  if (dropDepth > 0 && --dropDepth > 0) return;
  const top = openTags.length - 1;
  // A stray end tag closes nothing.
  if (top < 0 || openTags[top] !== name) return;
  openTags.pop();
  if (written.pop() && !SELF_CLOSING.has(name)) out += `</${name}>`;
}

const handler = {
  onopentag: openTag,
  ontext(text: string) {
    if (dropDepth === 0) out += escapeText(text);
  },
  onclosetag: closeTag,
};

/** Sanitised HTML (trimmed; '' when nothing is left). Relative URLs are resolved against `baseUrl`. */
export function sanitizeContent(html: string, baseUrl: string): string {
  out = '';
  base = baseUrl;
  openTags.length = 0;
  written.length = 0;
  dropDepth = 0;
  try {
    // A new parser per document: htmlparser2's reset() keeps a half-read attribute value.
    new Parser(handler, { decodeEntities: true }).end(
      html.length > CONTENT_MAX ? html.slice(0, CONTENT_MAX) : html,
    );
    return out.trim();
  } finally {
    out = '';
  }
}
