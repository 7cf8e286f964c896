import { decode } from 'html-entities';
import * as z from 'zod';
import { LANGUAGES, RESOURCE_TYPES } from '../domain/resource.js';
import { escapeAttribute as escapeAttr } from '../escape.js';
import type { Clock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import { newFeedId, newPartner } from './new-records.js';
import {
  addFeed,
  canonicalFeedUrl,
  type Feed,
  findFeedByUrl,
  findPartner,
  getPartner,
  guessPartnerKind,
  isWebUrl,
  listFeeds,
  listPartners,
  newFeedHealth,
  PARTNER_KINDS,
  type Partner,
  putPartner,
  RegistryError,
  slugify,
} from './registry.js';

/**
 * Import and export of the registry as JSON (`{ partners, feeds }`, the shape of the local stack's
 * sample `partners.json`) and as OPML 2.0 (one outline per partner holding its feeds, with the
 * feed's defaults in `iaspn:*` attributes so that a round trip loses nothing).
 */

const partnerSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be a short lower-case slug'),
  name: z.string().min(1),
  kind: z.enum(PARTNER_KINDS),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullish()
    .transform((v) => v ?? undefined),
  website: z
    .string()
    .refine(isWebUrl, 'must be an absolute http(s) URL')
    .nullish()
    .transform((v) => v ?? undefined),
  languages: z.array(z.enum(LANGUAGES)).default([]),
});

const feedSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  partnerId: z.string().min(1),
  url: z.string().min(1),
  title: z.string().optional(),
  defaultLanguage: z.enum(LANGUAGES).optional(),
  defaultType: z.enum(RESOURCE_TYPES).optional(),
  defaultTopics: z.array(z.string()).default([]),
  defaultCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  status: z.enum(['active', 'paused']).default('active'),
});

export const registryDocumentSchema = z.object({
  partners: z.array(partnerSchema).default([]),
  feeds: z.array(feedSchema).default([]),
});

export type RegistryDocument = z.input<typeof registryDocumentSchema>;

export interface ImportReport {
  partnersAdded: string[];
  feedsAdded: string[];
  /** Feeds already registered (same URL), left as they are. */
  feedsSkipped: { url: string; reason: string }[];
  /** Feeds that could not be stored (an id taken by another feed): the import did not do all it was asked. */
  feedsFailed: { url: string; reason: string }[];
}

/**
 * Adds the partners and feeds that are missing; existing ones are left untouched (idempotent).
 * Nothing is written when a feed names a partner that neither the document nor the store has, or
 * has an unusable URL: the error names them all.
 */
export async function importRegistry(store: Store, document: unknown, clock: Clock): Promise<ImportReport> {
  if (!document || typeof document !== 'object' || !('partners' in document || 'feeds' in document)) {
    throw new RegistryError(
      'invalid_registry',
      'The registry document is not valid: it needs a "partners" or a "feeds" array',
    );
  }
  const parsed = registryDocumentSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new RegistryError('invalid_registry', `The registry document is not valid: ${problems}`);
  }
  const now = clock().toISOString();
  const { partners, feeds } = parsed.data;
  const problems: string[] = [];
  const inDocument = new Set(partners.map((p) => p.id));
  const unknown = new Set<string>();
  for (const f of feeds)
    if (!inDocument.has(f.partnerId) && !unknown.has(f.partnerId) && !(await getPartner(store, f.partnerId)))
      unknown.add(f.partnerId);
  if (unknown.size)
    problems.push(
      `no partner ${[...unknown].join(', ')} (add ${unknown.size === 1 ? 'it' : 'them'} to the document's "partners", or with iaspn partners add)`,
    );
  const urls = new Map<string, string>();
  for (const f of feeds) {
    try {
      urls.set(f.url, canonicalFeedUrl(f.url));
    } catch (error) {
      problems.push(`${f.url}: ${(error as Error).message}`);
    }
  }
  if (problems.length)
    throw new RegistryError('invalid_registry', `Nothing imported: ${problems.join('; ')}`);

  const report: ImportReport = { partnersAdded: [], feedsAdded: [], feedsSkipped: [], feedsFailed: [] };
  for (const p of partners) {
    const partner: Partner = { ...p, createdAt: now };
    if (await putPartner(store, JSON.parse(JSON.stringify(partner)), 'create'))
      report.partnersAdded.push(p.id);
  }
  // A URL listed twice in the document (up to letter case in the host or a #fragment) is added once.
  const addedNow = new Map<string, string>();
  for (const f of feeds) {
    const url = urls.get(f.url)!;
    const twice = addedNow.get(url);
    if (twice) {
      report.feedsSkipped.push({ url: f.url, reason: `listed again in this file (added as ${twice})` });
      continue;
    }
    const holder = await findFeedByUrl(store, url);
    if (holder) {
      report.feedsSkipped.push({ url, reason: `already registered as ${holder.id}` });
      continue;
    }
    const feed: Feed = {
      ...f,
      id: f.id ?? (await newFeedId(store, { partnerId: f.partnerId, url, name: f.title })),
      url,
      health: newFeedHealth(),
      createdAt: now,
    };
    try {
      await addFeed(store, JSON.parse(JSON.stringify(feed)));
      report.feedsAdded.push(feed.id);
      addedNow.set(url, feed.id);
    } catch (error) {
      report.feedsFailed.push({ url, reason: (error as Error).message });
    }
  }
  return report;
}

/**
 * An OPML file imported. Feeds outside a partner outline go to `defaultPartner` (an id or a name):
 * an existing partner, else one created from that name (its kind read from the name).
 */
export async function importOpml(
  store: Store,
  opml: string,
  clock: Clock,
  defaultPartner?: string,
): Promise<ImportReport> {
  const existing = defaultPartner ? await findPartner(store, defaultPartner) : undefined;
  const partnerId = defaultPartner && (existing?.id ?? slugify(defaultPartner));
  const document = opmlToRegistry(opml, partnerId);
  const needed = document.feeds?.some((f) => f.partnerId === partnerId);
  if (defaultPartner && !existing && needed && !document.partners?.some((p) => p.id === partnerId)) {
    const { createdAt: _, ...partner } = newPartner({ name: defaultPartner }, clock()).partner;
    document.partners = [...(document.partners ?? []), partner];
  }
  return importRegistry(store, document, clock);
}

export interface RegistryExport {
  partners: Omit<Partner, 'createdAt'>[];
  feeds: Pick<
    Feed,
    | 'id'
    | 'partnerId'
    | 'url'
    | 'title'
    | 'defaultLanguage'
    | 'defaultType'
    | 'defaultTopics'
    | 'defaultCountries'
    | 'status'
  >[];
}

/** The registry as a JSON document (no health or validators: those belong to this store). */
export async function exportRegistry(store: Store): Promise<RegistryExport> {
  const partners = await listPartners(store);
  const feeds = await listFeeds(store);
  return {
    partners: partners.map(({ createdAt: _c, ...p }) => p),
    feeds: feeds.map((f) => ({
      id: f.id,
      partnerId: f.partnerId,
      url: f.url,
      title: f.title,
      defaultLanguage: f.defaultLanguage,
      defaultType: f.defaultType,
      defaultTopics: f.defaultTopics,
      defaultCountries: f.defaultCountries,
      status: f.status,
    })),
  };
}

// ---------- OPML ----------

function attrs(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`)
    .join('');
}

export function registryToOpml(document: RegistryExport, title = 'IASPN partner feeds'): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0" xmlns:iaspn="https://iaspn-relay.example/opml">',
    `  <head><title>${escapeAttr(title)}</title></head>`,
    '  <body>',
  ];
  for (const p of document.partners) {
    lines.push(
      `    <outline${attrs({
        text: p.name,
        'iaspn:partner': p.id,
        'iaspn:kind': p.kind,
        'iaspn:country': p.country,
        'iaspn:website': p.website,
        'iaspn:languages': p.languages.join(','),
      })}>`,
    );
    for (const f of document.feeds.filter((feed) => feed.partnerId === p.id)) {
      lines.push(
        `      <outline${attrs({
          type: 'rss',
          text: f.title ?? f.url,
          title: f.title,
          xmlUrl: f.url,
          'iaspn:feed': f.id,
          'iaspn:language': f.defaultLanguage,
          'iaspn:type': f.defaultType,
          'iaspn:topics': f.defaultTopics.join(','),
          'iaspn:countries': f.defaultCountries.join(','),
          'iaspn:status': f.status === 'paused' ? 'paused' : undefined,
        })}/>`,
      );
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

function parseAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of source.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = decode(m[2] ?? m[3] ?? '', { level: 'xml' });
  }
  return out;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A slug of `text` when it has letters or digits to make one from ("***" has none). */
function slugOf(text: string | undefined): string | undefined {
  return text && /[\p{L}\p{N}]/u.test(text) ? slugify(text) : undefined;
}

/** A slug of a URL's host without `www.` (`stars.example.org` → `stars-example-org`). */
function hostSlug(url: string | undefined): string | undefined {
  try {
    return url ? slugOf(new URL(url).hostname.replace(/^www\./, '').replace(/\./g, ' ')) : undefined;
  } catch {
    return undefined;
  }
}

/** An outline that is not a feed: a partner when feeds sit in it or it says so (`iaspn:partner`). */
interface PartnerOutline {
  name?: string;
  attributes: Record<string, string>;
  /** The feeds directly under it (or under feed outlines under it). */
  feeds: z.input<typeof feedSchema>[];
}

/**
 * An OPML document to a registry document. A feed (an outline with `xmlUrl`, in any letter case)
 * belongs to the nearest outline around it (`iaspn:partner`, else a slug of its text, else of its
 * website's or first feed's host); top-level feeds need `defaultPartner`. Outlines that only group
 * others ("Ministries") are no partners; an outline typed as a feed without a feed URL is refused.
 */
export function opmlToRegistry(opml: string, defaultPartner?: string): RegistryDocument {
  if (/<!ENTITY/i.test(opml))
    throw new RegistryError('invalid_registry', 'OPML with DTD entities is refused');
  if (!/<opml\b/i.test(opml)) throw new RegistryError('invalid_registry', 'This is not an OPML document');
  const outlines: PartnerOutline[] = [];
  // Every feed in document order; its partner is set once the outlines' ids are known.
  const feeds: z.input<typeof feedSchema>[] = [];
  const noUrl: string[] = [];
  const stack: (PartnerOutline | undefined)[] = [];
  for (const m of opml.matchAll(/<outline\b([^>]*?)(\/?)>|<\/outline\s*>/gi)) {
    if (m[0].startsWith('</')) {
      stack.pop();
      continue;
    }
    const a = parseAttributes(m[1] ?? '');
    const selfClosing = m[2] === '/';
    const xmlUrl = Object.entries(a)
      .find(([k]) => k.toLowerCase() === 'xmlurl')?.[1]
      ?.trim();
    if (xmlUrl) {
      const feed = {
        ...(a['iaspn:feed'] ? { id: a['iaspn:feed'] } : {}),
        partnerId: '',
        url: xmlUrl,
        title: a.title ?? (a.text === xmlUrl ? undefined : a.text),
        defaultLanguage: a['iaspn:language'] as never,
        defaultType: a['iaspn:type'] as never,
        defaultTopics: list(a['iaspn:topics']),
        defaultCountries: list(a['iaspn:countries']),
        status: a['iaspn:status'] === 'paused' ? ('paused' as const) : ('active' as const),
      };
      feeds.push(feed);
      stack.findLast((p) => p !== undefined)?.feeds.push(feed);
      if (!selfClosing) stack.push(undefined);
      continue;
    }
    if (/^(rss|atom|feed)$/i.test(a.type ?? '')) {
      noUrl.push(`"${a.text ?? a.title ?? ''}"`);
      if (!selfClosing) stack.push(undefined);
      continue;
    }
    const outline: PartnerOutline = { name: a.text ?? a.title, attributes: a, feeds: [] };
    outlines.push(outline);
    if (!selfClosing) stack.push(outline);
  }
  if (noUrl.length)
    throw new RegistryError(
      'invalid_registry',
      `Nothing imported: outline ${noUrl.join(', ')} is a feed (type rss) without an xmlUrl attribute`,
    );
  const partners = new Map<string, z.input<typeof partnerSchema>>();
  for (const outline of outlines) {
    const a = outline.attributes;
    // An outline that only groups others, or names nothing: no partner.
    if (!a['iaspn:partner'] && outline.feeds.length === 0) continue;
    const website = a['iaspn:website'] ?? a.htmlUrl;
    const id =
      a['iaspn:partner'] ?? slugOf(outline.name) ?? hostSlug(website) ?? hostSlug(outline.feeds[0]?.url);
    if (!id) continue;
    const name = outline.name && /[\p{L}\p{N}]/u.test(outline.name) ? outline.name : id;
    if (!partners.has(id))
      partners.set(id, {
        id,
        name,
        kind: (a['iaspn:kind'] as never) ?? guessPartnerKind(name),
        country: a['iaspn:country'],
        website,
        languages: list(a['iaspn:languages']) as never,
      });
    for (const f of outline.feeds) f.partnerId = id;
  }
  const orphans = feeds.filter((f) => !f.partnerId);
  if (orphans.length && !defaultPartner)
    throw new RegistryError(
      'invalid_registry',
      `Nothing imported: ${orphans.length === 1 ? `feed ${orphans[0]!.url} is` : `${orphans.length} feeds (${orphans.map((f) => f.url).join(', ')}) are`} outside a partner outline: name their partner with --partner`,
    );
  for (const f of orphans) f.partnerId = defaultPartner!;
  return { partners: [...partners.values()], feeds };
}
