import Parser from 'rss-parser';
import { escapeAttribute } from '../escape.js';
import { type ExtensionKey, extensionFields } from '../events/feed-extension.js';
import { escapeMixedContent } from './mixed-content.js';
import { FeedParseError } from './parse-error.js';
import { RefusedDocument, repairFeedXml } from './repair.js';

/**
 * Feed text to a raw feed: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1. Pure.
 *
 * The XML formats are parsed by rss-parser's own xml2js parser (sax underneath, xml2js 0.5+ for
 * the `__proto__` fix), and the fields are read from its tree here rather than from rss-parser's
 * item builders: those drop `xml:base`, Atom categories and enclosure links, Media RSS, and reject
 * a whole Atom feed when one entry has a malformed date.
 */

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface RawEnclosure {
  url: string;
  type?: string;
  length?: string | number;
  /** Media RSS `medium` (image, video, audio, document). */
  medium?: string;
}

export interface RawItem {
  guid?: string;
  /** Atom `<id>` or JSON Feed `id`. */
  atomId?: string;
  /** Candidate links, best first (unresolved). */
  links: string[];
  /** Base for resolving this item's relative URLs (xml:base chain, else the feed URL). */
  base: string;
  title?: string;
  /** Summary or description (may be HTML). */
  summary?: string;
  /** Full content (HTML). */
  content?: string;
  /** Plain-text content (JSON Feed `content_text`). */
  contentText?: string;
  published?: string;
  updated?: string;
  language?: string;
  authors: string[];
  categories: string[];
  enclosures: RawEnclosure[];
  images: string[];
  /** Event elements of the item (`ev:startdate`, xCal, `<event>` blocks): shared/events/feed-extension.ts. */
  event?: Partial<Record<ExtensionKey, string>>;
}

export interface RawFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  language?: string;
  /**
   * Set when the strict parse failed and the tolerant pass read the feed: what it repaired
   * (a bare `&`, an HTML entity, a stray `<`, text before the declaration, a cut-off document).
   */
  recovered?: string[];
  items: RawItem[];
}

/** The base of a feed read from a file with no URL given: relative links stay relative in messages. */
export const NO_BASE_URL = 'https://feed.invalid/';

export { FeedParseError, type FeedProblemKind } from './parse-error.js';

// ---------- the xml2js tree ----------

type Node = Record<string, unknown>;

interface XmlParser {
  parseString(xml: string, callback: (error: Error | null, result: unknown) => void): void;
}

/** rss-parser's configured xml2js parser (explicit arrays, attributes under `$`, text under `_`). */
function xmlParser(): XmlParser {
  return (new Parser() as unknown as { xmlParser: XmlParser }).xmlParser;
}

function parseXml(text: string): Node {
  let result: unknown;
  let failure: Error | null = null;
  let called = false;
  try {
    xmlParser().parseString(escapeMixedContent(text), (error, value) => {
      if (called) return;
      called = true;
      failure = error;
      result = value;
    });
  } catch (error) {
    failure = error as Error;
  }
  if (failure) {
    const message = String((failure as Error).message).split('\n')[0];
    throw new FeedParseError('parse_error', `The XML is malformed: ${message}`, { cause: failure });
  }
  if (!result || typeof result !== 'object') throw new FeedParseError('not_a_feed', 'The document is empty');
  return result as Node;
}

const own = (node: unknown, key: string): unknown =>
  node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Node)[key] : undefined;

/** The children named `key` (xml2js keeps them as an array). */
function all(node: unknown, key: string): unknown[] {
  const value = own(node, key);
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

const first = (node: unknown, key: string): unknown => all(node, key)[0];

function attr(node: unknown, name: string): string | undefined {
  const value = own(own(node, '$'), name);
  return typeof value === 'string' ? value : undefined;
}

/** The text of an element: its string, its `_`, or the text of its children (xhtml content). */
function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node !== 'object') return String(node);
  const underscore = own(node, '_');
  if (typeof underscore === 'string') return underscore;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      const t = textOf(child);
      if (t) parts.push(t);
    }
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** Rebuilds the markup of an element's children (Atom `type="xhtml"` content). */
function markupOf(node: unknown): string {
  if (typeof node === 'string') return escapeAttribute(node);
  if (!node || typeof node !== 'object') return '';
  const out: string[] = [];
  const text = own(node, '_');
  if (typeof text === 'string') out.push(escapeAttribute(text));
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || key === '_') continue;
    const tag = key.replace(/^[a-z]+:/, '');
    for (const child of Array.isArray(value) ? value : [value]) {
      const attrs = Object.entries((own(child, '$') as Record<string, string>) ?? {})
        .filter(([name]) => !name.startsWith('xmlns'))
        .map(([name, v]) => ` ${name}="${escapeAttribute(String(v))}"`)
        .join('');
      out.push(`<${tag}${attrs}>${markupOf(child)}</${tag}>`);
    }
  }
  return out.join('');
}

/** Atom text constructs: text, html or xhtml (and Atom 0.3's `mode="xml"` and `mode="base64"`). */
function atomText(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  if (attr(node, 'type') === 'xhtml' || attr(node, 'mode') === 'xml')
    return markupOf(first(node, 'div') ?? node);
  const text = textOf(node);
  if (attr(node, 'mode') === 'base64' && text)
    return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  return text;
}

/** The `href` of the first `rel="alternate"` (or rel-less) Atom link among `links`. */
const alternateHref = (links: unknown[]) =>
  attr(
    links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'href')),
    'href',
  );

/** An RSS 0.9x-style body: `xhtml:body` or `body` holding markup, or `fullitem`. */
function bodyOf(item: unknown): string | undefined {
  const body = first(item, 'xhtml:body') ?? first(item, 'body');
  if (body !== undefined) return markupOf(body) || undefined;
  return textOf(first(item, 'fullitem'));
}

function resolveBase(value: string | undefined, base: string): string {
  if (!value) return base;
  try {
    return new URL(value, base).href;
  } catch {
    return base;
  }
}

const nonEmpty = (values: (string | undefined)[]) =>
  values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');

// ---------- Media RSS (in RSS items and Atom entries alike) ----------

/** YouTube's `media:content` is the retired Flash player, not a file anyone can open. */
const NOT_A_FILE = /^application\/x-shockwave-flash$/i;

function mediaOf(item: unknown): { enclosures: RawEnclosure[]; images: string[]; description?: string } {
  const group = first(item, 'media:group');
  const enclosures: RawEnclosure[] = [];
  for (const m of [...all(item, 'media:content'), ...all(group, 'media:content')]) {
    const url = attr(m, 'url');
    const type = attr(m, 'type');
    if (url && !(type && NOT_A_FILE.test(type)))
      enclosures.push({ url, type, length: attr(m, 'fileSize'), medium: attr(m, 'medium') });
  }
  const images = nonEmpty(
    [...all(item, 'media:thumbnail'), ...all(group, 'media:thumbnail')].map((t) => attr(t, 'url')),
  );
  const description = textOf(first(item, 'media:description')) ?? textOf(first(group, 'media:description'));
  return { enclosures, images, ...(description ? { description } : {}) };
}

// ---------- RSS 0.9x / 2.0 and RSS 1.0 (RDF) ----------

function rssItem(item: unknown, feedBase: string): RawItem {
  const base = resolveBase(attr(item, 'xml:base'), feedBase);
  const guidNode = first(item, 'guid');
  const guid = textOf(guidNode)?.trim();
  const permalink =
    attr(guidNode, 'isPermaLink') !== 'false' && guid && /^https?:/i.test(guid) ? guid : undefined;
  const enclosures: RawEnclosure[] = [];
  for (const e of all(item, 'enclosure')) {
    const url = attr(e, 'url');
    if (url) enclosures.push({ url, type: attr(e, 'type'), length: attr(e, 'length') });
  }
  const media = mediaOf(item);
  enclosures.push(...media.enclosures);
  const images = nonEmpty([...media.images, attr(first(item, 'itunes:image'), 'href')]);
  const event = extensionFields(item, textOf);
  return {
    guid: guid || attr(item, 'rdf:about'),
    links: nonEmpty([
      textOf(first(item, 'link'))?.trim(),
      alternateHref(all(item, 'atom:link')),
      permalink,
      attr(item, 'rdf:about'),
    ]),
    base,
    title: textOf(first(item, 'title')) ?? textOf(first(item, 'dc:title')),
    summary:
      textOf(first(item, 'description')) ??
      textOf(first(item, 'dc:description')) ??
      textOf(first(item, 'itunes:summary')) ??
      atomText(first(item, 'atom:summary')) ??
      media.description,
    content: textOf(first(item, 'content:encoded')) ?? atomText(first(item, 'atom:content')) ?? bodyOf(item),
    published:
      textOf(first(item, 'pubDate')) ??
      textOf(first(item, 'dc:date')) ??
      textOf(first(item, 'dcterms:issued')) ??
      textOf(first(item, 'atom:published')),
    updated: textOf(first(item, 'dcterms:modified')) ?? textOf(first(item, 'atom:updated')),
    language: textOf(first(item, 'dc:language')),
    authors: nonEmpty([
      ...all(item, 'dc:creator').map(textOf),
      ...all(item, 'author').map(textOf),
      ...all(item, 'itunes:author').map(textOf),
      ...all(item, 'atom:author').map((a) => textOf(first(a, 'atom:name') ?? first(a, 'name'))),
    ]),
    categories: nonEmpty([
      ...all(item, 'category').map(textOf),
      ...all(item, 'dc:subject').map(textOf),
      ...all(item, 'atom:category').map((c) => attr(c, 'label') ?? attr(c, 'term')),
      ...[...all(item, 'media:keywords'), ...all(item, 'itunes:keywords')].flatMap((k) =>
        (textOf(k) ?? '').split(','),
      ),
    ]),
    enclosures,
    images,
    ...(event ? { event } : {}),
  };
}

function rssFeed(root: Node, format: 'rss' | 'rdf', url: string): RawFeed {
  const channel = first(root, 'channel');
  const feedBase = resolveBase(attr(channel, 'xml:base'), resolveBase(attr(root, 'xml:base'), url));
  // RSS 2.0 nests items in the channel; RSS 0.90 and 1.0 put them beside it.
  const items = [...all(channel, 'item'), ...all(root, 'item')];
  return {
    format,
    title: textOf(first(channel, 'title')) ?? textOf(first(channel, 'dc:title')),
    link: textOf(first(channel, 'link'))?.trim() || alternateHref(all(channel, 'atom:link')),
    language: textOf(first(channel, 'language')) ?? textOf(first(channel, 'dc:language')),
    items: items.map((item) => rssItem(item, feedBase)),
  };
}

// ---------- Atom 1.0 ----------

const atomAuthors = (node: unknown) => nonEmpty(all(node, 'author').map((a) => textOf(first(a, 'name'))));

/** An Atom entry; one without authors has the feed's (RFC 4287 4.2.1). */
function atomEntry(entry: unknown, feedBase: string, feedAuthors: string[]): RawItem {
  const base = resolveBase(attr(entry, 'xml:base'), feedBase);
  const links = all(entry, 'link');
  const rel = (l: unknown) => attr(l, 'rel') ?? 'alternate';
  const href = (l: unknown) => {
    const h = attr(l, 'href');
    // A link may carry its own xml:base.
    return h && attr(l, 'xml:base') ? resolveBase(h, resolveBase(attr(l, 'xml:base'), base)) : h;
  };
  const enclosures: RawEnclosure[] = links
    .filter((l) => rel(l) === 'enclosure' && href(l))
    .map((l) => ({ url: href(l)!, type: attr(l, 'type'), length: attr(l, 'length') }));
  const media = mediaOf(entry);
  enclosures.push(...media.enclosures);
  const content = first(entry, 'content');
  const contentSrc = attr(content, 'src');
  const event = extensionFields(entry, textOf);
  return {
    atomId: textOf(first(entry, 'id'))?.trim(),
    links: nonEmpty([
      ...links.filter((l) => rel(l) === 'alternate').map(href),
      ...links.filter((l) => rel(l) === 'related').map(href),
      contentSrc,
    ]),
    base,
    title: atomText(first(entry, 'title')),
    summary: atomText(first(entry, 'summary')) ?? media.description,
    content: contentSrc ? undefined : atomText(content),
    published: textOf(first(entry, 'published')) ?? textOf(first(entry, 'issued')),
    updated: textOf(first(entry, 'updated')) ?? textOf(first(entry, 'modified')),
    language: attr(entry, 'xml:lang'),
    authors: atomAuthors(entry).length ? atomAuthors(entry) : feedAuthors,
    categories: nonEmpty(all(entry, 'category').map((c) => attr(c, 'label') ?? attr(c, 'term'))),
    enclosures,
    images: media.images,
    ...(event ? { event } : {}),
  };
}

function atomFeed(root: Node, url: string): RawFeed {
  const feedBase = resolveBase(attr(root, 'xml:base'), url);
  const language = attr(root, 'xml:lang');
  const alternate = all(root, 'link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return {
    format: 'atom',
    title: atomText(first(root, 'title')),
    link: attr(alternate, 'href'),
    language,
    items: all(root, 'entry').map((entry) => atomEntry(entry, feedBase, atomAuthors(root))),
  };
}

// ---------- JSON Feed ----------

const str = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

function jsonFeed(text: string, url: string): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new FeedParseError('parse_error', `The JSON is malformed: ${(cause as Error).message}`, { cause });
  }
  const version = str(own(doc, 'version'));
  if (!version?.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedParseError('not_a_feed', 'This JSON is not a JSON Feed (no jsonfeed.org version)');
  }
  const items = own(doc, 'items');
  if (!Array.isArray(items)) throw new FeedParseError('not_a_feed', 'This JSON Feed has no items array');
  const feedBase = resolveBase(str(own(doc, 'feed_url')), url);
  const authorNames = (node: unknown) =>
    nonEmpty(
      [
        ...(Array.isArray(own(node, 'authors')) ? (own(node, 'authors') as unknown[]) : []),
        own(node, 'author'),
      ].map((a) => str(own(a, 'name'))),
    );
  // Items without authors have the feed's (JSON Feed 1.1).
  const feedAuthors = authorNames(doc);
  return {
    format: 'json',
    title: str(own(doc, 'title')),
    link: str(own(doc, 'home_page_url')),
    language: str(own(doc, 'language')),
    items: items
      .filter((item) => item && typeof item === 'object')
      .map((item) => {
        const attachments = own(item, 'attachments');
        return {
          atomId: str(own(item, 'id')),
          links: nonEmpty([str(own(item, 'url')), str(own(item, 'external_url'))]),
          base: feedBase,
          title: str(own(item, 'title')),
          summary: str(own(item, 'summary')),
          content: str(own(item, 'content_html')),
          contentText: str(own(item, 'content_text')),
          published: str(own(item, 'date_published')),
          updated: str(own(item, 'date_modified')),
          language: str(own(item, 'language')),
          authors: authorNames(item).length ? authorNames(item) : feedAuthors,
          categories: Array.isArray(own(item, 'tags'))
            ? nonEmpty((own(item, 'tags') as unknown[]).map(str))
            : [],
          enclosures: (Array.isArray(attachments) ? attachments : [])
            .map((a) => ({
              url: str(own(a, 'url')) ?? '',
              type: str(own(a, 'mime_type')),
              length: str(own(a, 'size_in_bytes')),
            }))
            .filter((a) => a.url),
          images: nonEmpty([str(own(item, 'image')), str(own(item, 'banner_image'))]),
        } satisfies RawItem;
      }),
  };
}

// ---------- detection ----------

/** `<link rel="canonical" href="...">` in an HTML page. */
function canonicalLink(html: string): string | undefined {
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (/rel=["']?canonical["'\s>]/i.test(tag)) return /href=["']([^"']+)["']/i.exec(tag)?.[1];
  }
  return undefined;
}

/** `<link rel="alternate" type="application/rss+xml" href="...">` in an HTML page, for the error message. */
function alternateFeedLink(html: string): string | undefined {
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (/rel=["']?alternate/i.test(tag) && /type=["']?application\/(rss|atom|feed)\+(xml|json)/i.test(tag)) {
      return /href=["']([^"']+)["']/i.exec(tag)?.[1];
    }
  }
  return undefined;
}

/** The name of the first element, after the XML declaration, comments and a DOCTYPE. */
function rootElementName(head: string): string | undefined {
  return /<([A-Za-z_][\w:.-]*)/.exec(head.replace(/<!--[\s\S]*?-->|<[?!][^>]*>/g, ''))?.[1];
}

const FEED_ROOTS = new Set(['rss', 'rdf:RDF', 'RDF', 'feed']);

export interface ParseOptions {
  /** Try the tolerant pass when the strict one fails (on unless false: benchmarks compare both). */
  tolerant?: boolean;
}

/**
 * Parses feed text (already decoded) fetched from `url`. Throws FeedParseError: `not_a_feed` for
 * HTML pages and other documents, `parse_error` for malformed XML/JSON and DTD entity declarations
 * (billion laughs, XXE), which are refused before parsing.
 *
 * XML is parsed strictly first; only when that fails is the tolerant pass (`repair.ts`) tried, and
 * what it repaired is returned in `recovered`. Entity declarations and unknown external DTDs are
 * refused in both passes; no DTD is ever read.
 */
export function parseFeedText(text: string, url: string, options: ParseOptions = {}): RawFeed {
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('{')) return jsonFeed(text, url);
  if (/<!ENTITY/i.test(text.slice(0, 65_536))) {
    throw new FeedParseError(
      'parse_error',
      'The feed declares DTD entities, which are refused (entity expansion and external entities are a known attack)',
    );
  }
  const rootName = rootElementName(head);
  const htmlDoctype = /^(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)*<!doctype html/i.test(head);
  // An XHTML DOCTYPE before <rss> is a CMS template's habit: the root decides.
  if (rootName?.toLowerCase() === 'html' || (htmlDoctype && !FEED_ROOTS.has(rootName ?? ''))) {
    const alternate = alternateFeedLink(text.slice(0, 65_536));
    const feedLink = alternate && url !== NO_BASE_URL ? resolveBase(alternate, url) : undefined;
    const canonical = canonicalLink(text.slice(0, 65_536));
    throw new FeedParseError(
      'not_a_feed',
      `This is an HTML page, not a feed${alternate ? ` (it links to a feed: ${feedLink ?? alternate})` : ''}`,
      { feedLink, ...(canonical && url !== NO_BASE_URL ? { canonical: resolveBase(canonical, url) } : {}) },
    );
  }
  if (!head && !text.trim()) throw new FeedParseError('not_a_feed', 'The document is empty');
  // A server's warning printed before the XML: the tolerant pass drops it.
  if (!head.startsWith('<') && !(options.tolerant !== false && /<\?xml|<rss\b|<feed\b/.test(head)))
    throw new FeedParseError('not_a_feed', 'This is neither XML nor JSON');
  let doc: Node;
  let recovered: string[] | undefined;
  try {
    doc = parseXml(text);
    // A server's warning printed as HTML (`<br />`) before the feed parses as a one-tag document.
    if (!FEED_ROOTS.has(Object.keys(doc)[0] ?? '') && /<(?:rss|feed|rdf:RDF)\b/.test(text.slice(0, 4096)))
      throw new FeedParseError(
        'parse_error',
        `The XML is malformed: <${Object.keys(doc)[0]}> before the feed`,
      );
  } catch (strict) {
    if (options.tolerant === false || !(strict instanceof FeedParseError) || strict.kind !== 'parse_error')
      throw strict;
    let repaired: ReturnType<typeof repairFeedXml>;
    try {
      repaired = repairFeedXml(text);
    } catch (refused) {
      if (!(refused instanceof RefusedDocument)) throw refused;
      throw new FeedParseError('parse_error', `${strict.message}; ${refused.message}`, { cause: strict });
    }
    if (repaired.fixes.length === 0) throw strict;
    try {
      doc = parseXml(repaired.text);
    } catch {
      throw new FeedParseError(
        'parse_error',
        `${strict.message} (not recovered by the tolerant pass either)`,
        {
          cause: strict,
        },
      );
    }
    recovered = repaired.fixes;
  }
  const feed = readTree(doc, url);
  return recovered ? { ...feed, recovered } : feed;
}

function readTree(doc: Node, url: string): RawFeed {
  const rootName = Object.keys(doc)[0];
  const root = (rootName ? doc[rootName] : undefined) as Node;
  switch (rootName) {
    case 'rss':
      return rssFeed(root, 'rss', url);
    case 'rdf:RDF':
    case 'RDF':
      return rssFeed(root, 'rdf', url);
    case 'feed':
      return atomFeed(root, url);
    default:
      throw new FeedParseError('not_a_feed', `This XML is not a feed (root element <${rootName}>)`);
  }
}
