import { decode } from 'html-entities';

/**
 * The tolerant second pass of the feed parser (issue 14, point 1): what partners' CMSs really
 * publish, repaired the way feedparser and gofeed read it. Only called when the strict parse has
 * failed, so a well-formed feed never pays for it. Pure; each repair it made is named in `fixes`
 * (they become the warning on the feed's health).
 *
 * - text before the document (whitespace, a byte-order mark, a PHP warning) is dropped;
 * - a DOCTYPE naming a known public DTD (XHTML, HTML, Netscape's RSS 0.91) is dropped: it is never
 *   read in either pass; any other external DTD refuses the feed (its entities would be unknown);
 * - a bare `&` becomes `&amp;`; an HTML named entity XML does not define (`&hellip;`, `&ntilde;`)
 *   becomes its character reference;
 * - a `<` that cannot open a tag ("5 < 10") becomes `&lt;`;
 * - text after the end of the document (a warning printed after `</rss>`) is dropped;
 * - a document cut off after its last complete item or entry is closed there.
 *
 * CDATA sections, comments and processing instructions are stepped over, never changed. DTD entity
 * declarations never reach this pass: `parseFeedText` refuses them before either pass.
 */

export interface Repaired {
  text: string;
  /** The repairs made, in words (empty when nothing could be repaired). */
  fixes: string[];
}

/** Raised when the document asks for something neither pass accepts (an unknown external DTD). */
export class RefusedDocument extends Error {}

/** The DTDs feeds name out of habit; neither pass ever reads them. */
const KNOWN_PUBLIC_DTD =
  /^-\/\/(?:W3C\/\/DTD (?:X?HTML|XHTML)\b|Netscape Communications\/\/DTD RSS 0\.9|UserLand\/\/DTD RSS)/i;
const KNOWN_SYSTEM_DTD =
  /^https?:\/\/(?:www\.w3\.org\/TR\/|my\.netscape\.com\/publish\/formats\/rss-0\.9|(?:www\.)?rssboard\.org\/rss-0\.9)/i;

const DOCTYPE =
  /<!DOCTYPE\s+[^\s>[]+(?:\s+(SYSTEM|PUBLIC)\s+(["'])([^"']*)\2(?:\s+(["'])([^"']*)\4)?)?\s*(\[[^\]]*\])?\s*>/i;

/** Pieces the repairs must not touch, and the text between them. */
const PROTECTED = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)/g;

const XML_ENTITY = /^(?:amp|lt|gt|quot|apos)$/;
/** `&` and what may follow it: a reference, or not. */
const AMPERSAND = /&(?:(#\d{1,7}|#x[\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));|&/g;
/** A `<` that cannot start a tag, a closing tag, a comment, CDATA or a processing instruction. */
const STRAY_LT = /<(?![A-Za-z_:/!?])/g;

function outsideProtected(text: string, fn: (piece: string) => string): string {
  const out: string[] = [];
  let at = 0;
  for (const m of text.matchAll(PROTECTED)) {
    out.push(fn(text.slice(at, m.index)), m[0]);
    at = m.index + m[0].length;
  }
  out.push(fn(text.slice(at)));
  return out.join('');
}

/** The character references of an HTML named entity, or undefined when HTML does not know it. */
function htmlEntity(name: string): string | undefined {
  const decoded = decode(`&${name};`, { level: 'html5' });
  if (decoded === `&${name};`) return undefined;
  return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
}

/** The names of the elements left open at the end of `text` (tags counted, outside CDATA and comments). */
function openElements(text: string): string[] {
  const stack: string[] = [];
  const tags =
    // Linear: a section left open runs to the end, and a tag stops at the next `<`.
    /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<[?!][^<>]*>|<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g;
  for (const m of text.matchAll(tags)) {
    const [, slash, name, selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!slash) stack.push(name);
    else {
      const i = stack.lastIndexOf(name);
      if (i >= 0) stack.length = i;
    }
  }
  return stack;
}

export function repairFeedXml(input: string): Repaired {
  const fixes: string[] = [];
  let text = input;

  // Text before the document: whitespace, a BOM, a server's warning printed before the XML.
  const start = text.search(/<(?:\?xml|!DOCTYPE|rss\b|feed\b|rdf:RDF\b|RDF\b)/i);
  if (start > 0) {
    fixes.push(
      /^[\s\uFEFF]*$/.test(text.slice(0, start))
        ? 'whitespace or a byte-order mark before the XML declaration dropped'
        : 'text before the XML declaration dropped',
    );
    text = text.slice(start);
  }

  const doctype = DOCTYPE.exec(text.slice(0, 4096));
  if (doctype) {
    const [, kind, , first = '', , second = '', subset] = doctype;
    const known =
      !kind ||
      (kind.toUpperCase() === 'PUBLIC'
        ? KNOWN_PUBLIC_DTD.test(first) && (!second || KNOWN_SYSTEM_DTD.test(second))
        : KNOWN_SYSTEM_DTD.test(first));
    if (!known || subset?.trim()) {
      throw new RefusedDocument(
        `The feed names an external DTD (${second || first || 'an internal subset'}), which is never read: its entities cannot be expanded`,
      );
    }
    text = text.slice(0, doctype.index) + text.slice(doctype.index + doctype[0].length);
    fixes.push(`DOCTYPE dropped (${first || 'no identifier'})`);
  }

  let bare = 0;
  let named = 0;
  let stray = 0;
  text = outsideProtected(text, (piece) => {
    let out = piece;
    if (out.includes('&')) {
      out = out.replace(AMPERSAND, (match, numeric: string | undefined, name: string | undefined) => {
        if (numeric) return match;
        if (name) {
          if (XML_ENTITY.test(name)) return match;
          const reference = htmlEntity(name);
          if (reference) {
            named += 1;
            return reference;
          }
        }
        bare += 1;
        return `&amp;${match.slice(1)}`;
      });
    }
    if (out.includes('<')) {
      out = out.replace(STRAY_LT, () => {
        stray += 1;
        return '&lt;';
      });
    }
    return out;
  });
  if (bare) fixes.push(`${bare} bare & escaped`);
  if (named) fixes.push(`${named} HTML entit${named === 1 ? 'y' : 'ies'} XML does not define read`);
  if (stray) fixes.push(`${stray} stray < escaped`);

  const root = /<([A-Za-z_][\w:.-]*)[\s>]/.exec(text.replace(PROTECTED, ''))?.[1];
  // Text after the document (a server's warning printed after `</rss>`): dropped.
  const close = root ? text.lastIndexOf(`</${root}>`) : -1;
  if (close >= 0 && text.slice(close + root!.length + 3).trim()) {
    text = text.slice(0, close + root!.length + 3);
    fixes.push('text after the end of the document dropped');
  }
  // Cut off: close the document after its last complete item or entry.
  if (root && !new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>\\s*$`).test(text)) {
    const last = Math.max(text.lastIndexOf('</item>'), text.lastIndexOf('</entry>'));
    if (last >= 0) {
      const end = text.indexOf('>', last) + 1;
      const kept = text.slice(0, end);
      const open = openElements(kept);
      if (open[0] === root) {
        text =
          kept +
          open
            .reverse()
            .map((name) => `</${name}>`)
            .join('');
        fixes.push('document cut off: read up to its last complete item');
      }
    }
  }
  return { text, fixes };
}
