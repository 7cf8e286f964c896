import { createHash } from 'node:crypto';
import { decode } from 'html-entities';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Language, Resource, ResourceType } from '../domain/resource.js';
import { isEmptyFilter, matchesFilter, type ResourceFilter } from '../library/filters.js';
import {
  ANALYSIS_VERSION,
  analyze,
  fold,
  isStopWord,
  queryVariants,
  type StemLanguage,
  stem,
  stemLanguageOf,
} from './analysis.js';
import { type ParsedQuery, parseQuery } from './query.js';
import { containsPhrase, foldedWords, makeSnippet } from './snippet.js';
import type { SearchHit, SearchRequest, SearchResponse } from './types.js';
import { countryIndexText, expandQuery, type QuerySpan, topicIndexText, topicToken } from './vocabulary.js';

/**
 * The in-memory search index: MiniSearch over pre-analysed fields, plus a compact record per
 * resource for filters, results and snippets. Built from the store by `refreshSearchIndex`, saved
 * as a snapshot, loaded by `createSearchService`. Pure: the time comes in as an argument.
 */

/** What the index keeps of a resource: enough to filter, rank and show a hit. */
export interface DocRecord {
  id: string;
  title: string;
  url: string;
  partnerId: string;
  /** Every partner whose feeds carry it (first is `partnerId`), for `partner:` filters. */
  sources: { partnerId: string }[];
  publishedAt: string;
  type: ResourceType;
  language: Language;
  topics: string[];
  countries: string[];
  summary: string;
}

/** Tunables of the ranking; the defaults were chosen on the relevance set (README, Search). */
export interface RankingOptions {
  boost: { title: number; partner: number; tags: number; summary: number; content: number };
  /** Weight of a topic matched through the taxonomy (cross-language synonyms) against plain words. */
  topicBoost: number;
  /** Weight of the words of a synonym's expansions (the topic's names) against the words typed. */
  expansionWeight: number;
  /** Recency blend: score × (1 + recencyWeight × 0.5^(ageDays / recencyHalfLifeDays)). */
  recencyWeight: number;
  recencyHalfLifeDays: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  boost: { title: 3, partner: 1.5, tags: 1.5, summary: 1.2, content: 1 },
  topicBoost: 1.5,
  expansionWeight: 0.25,
  recencyWeight: 0.25,
  recencyHalfLifeDays: 365,
};

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;
/** Content past this many characters is not indexed: summaries and openings carry the subject. */
export const CONTENT_INDEX_CHARS = 1_500;
const SNAPSHOT_FORMAT = 1;
/** When fewer resources than this have every word, those with some of them are listed after. */
const FILL_BELOW = 30;

const FIELDS = ['title', 'partner', 'tags', 'summary', 'content'] as const;
type Field = (typeof FIELDS)[number];
type IndexDoc = { id: number } & Record<Field, string>;

function miniSearchOptions() {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    // Fields arrive analysed (space-separated terms), so tokenising is a split and terms are final.
    tokenize: (text: string) => (text === '' ? [] : text.split(' ')),
    processTerm: (term: string) => term,
    searchOptions: {
      tokenize: (text: string) => [text],
      processTerm: (term: string) => term,
    },
  };
}

const TAG_TOKEN = /^#/;

function htmlToText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function toRecord(resource: Resource): DocRecord {
  const partners = [resource.partnerId];
  for (const source of resource.sources ?? [])
    if (!partners.includes(source.partnerId)) partners.push(source.partnerId);
  return {
    sources: partners.map((partnerId) => ({ partnerId })),
    id: resource.id,
    title: resource.title,
    url: resource.url,
    partnerId: resource.partnerId,
    publishedAt: resource.publishedAt,
    type: resource.type,
    language: resource.language,
    topics: resource.topics ?? [],
    countries: resource.countries ?? [],
    summary: resource.summary ?? '',
  };
}

function indexDoc(
  n: number,
  resource: Resource,
  record: DocRecord,
  partnerNames: ReadonlyMap<string, string>,
): IndexDoc {
  const lang = stemLanguageOf(record.language);
  const join = (terms: string[]) => terms.join(' ');
  const partnerText = record.sources.map(({ partnerId: p }) => `${partnerNames.get(p) ?? ''} ${p}`).join(' ');
  const tags = [
    ...record.topics.map(topicToken),
    ...record.topics.flatMap((t) => topicIndexText(t)),
    ...record.countries.flatMap((c) => countryIndexText(c)),
    ...analyze((resource.categories ?? []).join(' '), lang),
  ];
  const content = resource.contentHtml ? htmlToText(resource.contentHtml).slice(0, CONTENT_INDEX_CHARS) : '';
  return {
    id: n,
    title: join(analyze(record.title, lang)),
    partner: join(analyze(partnerText, lang)),
    tags: join(tags),
    summary: join(analyze(record.summary, lang)),
    content: join(analyze(content, lang)),
  };
}

/** A digest of what the index was built from: an unchanged library need not be written again. */
export function libraryFingerprint(
  resources: readonly Resource[],
  partnerNames: ReadonlyMap<string, string>,
): string {
  const hash = createHash('sha256');
  hash.update(`format ${SNAPSHOT_FORMAT} analysis ${ANALYSIS_VERSION}\n`);
  for (const r of [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(
      `${r.id}\u0000${r.contentHash}\u0000${r.updatedAt ?? ''}\u0000${r.publishedAt}\u0000${r.partnerId}\n`,
    );
  for (const [id, name] of [...partnerNames].sort()) hash.update(`p ${id}\u0000${name}\n`);
  return hash.digest('base64url').slice(0, 22);
}

type DocTuple = [string, string, string, string, string, string, string, string, string, string];

interface SnapshotJson {
  format: number;
  analysis: number;
  builtAt: string;
  fingerprint: string;
  partners: [string, string][];
  docs: DocTuple[];
  index: ReturnType<MiniSearch['toJSON']>;
}

const encodeTuple = (d: DocRecord): DocTuple => [
  d.id,
  d.title,
  d.url,
  d.sources.map((s) => s.partnerId).join(' '),
  d.publishedAt,
  d.type,
  d.language,
  d.topics.join(' '),
  d.countries.join(' '),
  d.summary,
];

const splitList = (s: string) => (s === '' ? [] : s.split(' '));

const decodeTuple = (t: DocTuple): DocRecord => {
  const partners = splitList(t[3]);
  return {
    id: t[0],
    title: t[1],
    url: t[2],
    partnerId: partners[0] ?? '',
    sources: partners.map((partnerId) => ({ partnerId })),
    publishedAt: t[4],
    type: t[5] as ResourceType,
    language: t[6] as Language,
    topics: splitList(t[7]),
    countries: splitList(t[8]),
    summary: t[9],
  };
};

export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

interface Cursor {
  /** Offset of the next page. */
  o: number;
  /** A digest of the query and filters the cursor belongs to. */
  k: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(cursor: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    return Number.isInteger(c.o) && c.o >= 0 && typeof c.k === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}

const keyOf = (...parts: unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/** Newest first, then by id: the order of `latest` and of equal scores. */
function compareRecency(a: DocRecord, b: DocRecord): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class SearchIndex {
  private readonly partnerWords: Map<string, string[]>;
  /** Field weights for the words a synonym expands to: below the words typed. */
  private readonly expansionBoost: Record<Field, number>;

  private constructor(
    private readonly mini: MiniSearch<IndexDoc>,
    readonly docs: DocRecord[],
    readonly partnerNames: ReadonlyMap<string, string>,
    readonly builtAt: string,
    readonly fingerprint: string,
    private readonly ranking: RankingOptions,
  ) {
    const { boost, expansionWeight } = ranking;
    this.expansionBoost = {
      title: boost.title * expansionWeight,
      partner: boost.partner * expansionWeight,
      tags: boost.tags * expansionWeight,
      summary: boost.summary * expansionWeight,
      content: boost.content * expansionWeight,
    };
    this.partnerWords = new Map([...partnerNames].map(([id, name]) => [id, foldedWords(name)]));
  }

  /** Publication times in epoch ms, parsed once per index on first use. */
  private times: Float64Array | undefined;

  private publishedMs(n: number): number {
    if (!this.times) this.times = Float64Array.from(this.docs, (d) => Date.parse(d.publishedAt));
    return this.times[n] as number;
  }

  get size(): number {
    return this.docs.length;
  }

  static build(
    resources: readonly Resource[],
    partnerNames: ReadonlyMap<string, string>,
    options: { builtAt: string; ranking?: RankingOptions },
  ): SearchIndex {
    const mini = new MiniSearch<IndexDoc>(miniSearchOptions());
    const docs: DocRecord[] = [];
    for (const resource of resources) {
      const record = toRecord(resource);
      mini.add(indexDoc(docs.length, resource, record, partnerNames));
      docs.push(record);
    }
    return new SearchIndex(
      mini,
      docs,
      partnerNames,
      options.builtAt,
      libraryFingerprint(resources, partnerNames),
      options.ranking ?? DEFAULT_RANKING,
    );
  }

  /** The index as plain JSON (what a snapshot holds, before compression). */
  toSnapshotJson(): string {
    const snapshot: SnapshotJson = {
      format: SNAPSHOT_FORMAT,
      analysis: ANALYSIS_VERSION,
      builtAt: this.builtAt,
      fingerprint: this.fingerprint,
      partners: [...this.partnerNames],
      docs: this.docs.map(encodeTuple),
      index: this.mini.toJSON(),
    };
    return JSON.stringify(snapshot);
  }

  static fromSnapshotJson(json: string, ranking: RankingOptions = DEFAULT_RANKING): SearchIndex {
    const snapshot = JSON.parse(json) as SnapshotJson;
    if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.analysis !== ANALYSIS_VERSION)
      throw new SnapshotFormatError(
        `Snapshot format ${snapshot.format}/${snapshot.analysis} is not ${SNAPSHOT_FORMAT}/${ANALYSIS_VERSION}`,
      );
    const mini = MiniSearch.loadJS<IndexDoc>(snapshot.index, miniSearchOptions());
    return new SearchIndex(
      mini,
      snapshot.docs.map(decodeTuple),
      new Map(snapshot.partners),
      snapshot.builtAt,
      snapshot.fingerprint,
      ranking,
    );
  }

  partnerName(id: string): string {
    return this.partnerNames.get(id) ?? id;
  }

  /** `partner:` values to partner ids: an id, a name, or words of a name ("cispr", "prosperidad social"). */
  resolvePartners(values: readonly string[]): { ids: string[]; problems: string[] } {
    const ids: string[] = [];
    const problems: string[] = [];
    const known = new Set([
      ...this.partnerNames.keys(),
      ...this.docs.flatMap((d) => d.sources.map((s) => s.partnerId)),
    ]);
    for (const value of values) {
      const folded = fold(value.toLowerCase());
      const wanted = foldedWords(value);
      const found = [...known].filter(
        (id) => fold(id.toLowerCase()) === folded || containsPhrase(this.partnerWords.get(id) ?? [], wanted),
      );
      if (found.length === 0) {
        const sample = [...known].sort().slice(0, 3).join(', ');
        problems.push(`Unknown partner "${value}"${sample ? `: try one of ${sample}` : ''}.`);
      }
      for (const id of found.sort()) if (!ids.includes(id)) ids.push(id);
    }
    return { ids, problems };
  }

  search(request: SearchRequest, now: Date): SearchResponse {
    const parsed = parseQuery(request.query ?? '', now);
    const problems = [...parsed.problems];
    const applied: ResourceFilter = { ...parsed.filter };
    if (parsed.partners.length > 0) {
      const partners = this.resolvePartners(parsed.partners);
      problems.push(...partners.problems);
      if (partners.ids.length > 0) applied.partners = partners.ids;
    }
    const limit = clampLimit(request.limit);
    const key = keyOf(request.query, request.filter ?? {}, applied);
    let offset = 0;
    if (request.cursor) {
      const cursor = decodeCursor(request.cursor);
      if (cursor && cursor.k === key) offset = cursor.o;
      else problems.push('That "more results" link belongs to another search; here is the first page.');
    }
    const requestFilter = request.filter && !isEmptyFilter(request.filter) ? request.filter : undefined;
    const matcher =
      isEmptyFilter(applied) && !requestFilter
        ? undefined
        : (doc: DocRecord) =>
            matchesFilter(doc, applied) && (!requestFilter || matchesFilter(doc, requestFilter));

    const tree = this.buildQuery(parsed);
    const hasFilter = matcher !== undefined;
    if (!tree.positive && !hasFilter && parsed.excluded.length === 0) {
      if (problems.length === 0)
        problems.push(
          parsed.words.length > 0
            ? 'Those words are too common to search for: add a more specific word.'
            : 'Type a few words to search for, or a filter such as type:document or country:peru.',
        );
      return { hits: [], total: 0, appliedFilter: applied, problems };
    }

    let ranked: { doc: DocRecord; score: number; terms: string[] }[];
    if (!tree.positive) {
      // Filters or exclusions alone: everything they allow, newest first.
      const excluded = tree.negative
        ? new Set(this.run(tree.negative, matcher).map((r) => r.id as number))
        : undefined;
      ranked = this.docs
        .filter((doc, n) => (!matcher || matcher(doc)) && !excluded?.has(n))
        .sort(compareRecency)
        .map((doc) => ({ doc, score: 0, terms: [] }));
    } else {
      let query: Query = tree.positive;
      if (tree.negative) query = { combineWith: 'AND_NOT', queries: [query, tree.negative] };
      const results = this.run(query, matcher);
      ranked = this.rank(results, parsed, now);
      if (results.length < FILL_BELOW && tree.relaxed) {
        // Few resources have every word: the ones with some of them follow, best first.
        let relaxed: Query = tree.relaxed;
        if (tree.negative) relaxed = { combineWith: 'AND_NOT', queries: [relaxed, tree.negative] };
        const seen = new Set(results.map((r) => r.id));
        const rest = this.run(relaxed, matcher).filter((r) => !seen.has(r.id));
        ranked.push(...this.rank(rest, parsed, now));
      }
    }
    const page = ranked.slice(offset, offset + limit);
    const markTerms = new Set<string>(page.flatMap((r) => r.terms));
    const phraseWords = new Set(parsed.phrases.flat().map(fold));
    return {
      hits: page.map((r) => this.hit(r.doc, r.score, markTerms, phraseWords)),
      total: ranked.length,
      ...(offset + limit < ranked.length ? { nextCursor: encodeCursor({ o: offset + limit, k: key }) } : {}),
      appliedFilter: applied,
      problems,
    };
  }

  /** The newest resources matching a filter, newest first (no query). */
  latest(filter: ResourceFilter, limit: number, cursor?: string): SearchResponse {
    const size = clampLimit(limit);
    const key = keyOf('latest', filter);
    const problems: string[] = [];
    let offset = 0;
    if (cursor) {
      const c = decodeCursor(cursor);
      if (c && c.k === key) offset = c.o;
      else problems.push('That "more results" link belongs to another list; here is the first page.');
    }
    const all = this.docs.filter((d) => matchesFilter(d, filter)).sort(compareRecency);
    const page = all.slice(offset, offset + size);
    return {
      hits: page.map((doc) => this.hit(doc, 0, new Set(), new Set())),
      total: all.length,
      ...(offset + size < all.length ? { nextCursor: encodeCursor({ o: offset + size, k: key }) } : {}),
      appliedFilter: filter,
      problems,
    };
  }

  private run(query: Query, matcher: ((doc: DocRecord) => boolean) | undefined): SearchResult[] {
    const boostTerm = (term: string) => (TAG_TOKEN.test(term) ? this.ranking.topicBoost : 1);
    return this.mini.search(query, {
      boost: this.ranking.boost,
      boostTerm,
      maxFuzzy: 2,
      ...(matcher ? { filter: (result) => matcher(this.docs[result.id as number] as DocRecord) } : {}),
    });
  }

  private rank(results: SearchResult[], parsed: ParsedQuery, now: Date) {
    const nowMs = now.getTime();
    const { recencyWeight, recencyHalfLifeDays } = this.ranking;
    const out: { doc: DocRecord; score: number; terms: string[] }[] = [];
    for (const result of results) {
      const doc = this.docs[result.id as number] as DocRecord;
      if (parsed.phrases.length > 0) {
        const text = foldedWords(`${doc.title} ${doc.summary}`);
        if (!parsed.phrases.every((p) => containsPhrase(text, p))) continue;
      }
      const ageDays = Math.max(0, (nowMs - this.publishedMs(result.id as number)) / 86_400_000);
      const recency = 1 + recencyWeight * 0.5 ** (ageDays / recencyHalfLifeDays);
      // Rounded so that float noise never decides between equal results.
      const score = Math.round(result.score * recency * 1e6) / 1e6;
      out.push({ doc, score, terms: result.terms });
    }
    return out.sort((a, b) => b.score - a.score || compareRecency(a.doc, b.doc));
  }

  private hit(
    doc: DocRecord,
    score: number,
    terms: ReadonlySet<string>,
    phraseWords: ReadonlySet<string>,
  ): SearchHit {
    const lang: StemLanguage = stemLanguageOf(doc.language);
    const isMatch = (word: string) => {
      const folded = fold(word);
      return !isStopWord(folded) && (terms.has(stem(word, lang)) || phraseWords.has(folded));
    };
    return {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      partnerId: doc.partnerId,
      partnerName: this.partnerName(doc.partnerId),
      publishedAt: doc.publishedAt,
      type: doc.type,
      language: doc.language,
      topics: doc.topics,
      countries: doc.countries,
      snippet: makeSnippet(doc.summary || doc.title, isMatch),
      score,
    };
  }

  /**
   * The MiniSearch query for a parsed query: each word (or each phrase of the taxonomy, with its
   * cross-language expansions) is a unit; units are ANDed, with an OR of them as the fallback.
   */
  private buildQuery(parsed: ParsedQuery): { positive?: Query; relaxed?: Query; negative?: Query } {
    const units: Query[] = [];
    const spans: QuerySpan[] = expandQuery(parsed.words);
    const lastIndex = parsed.words.length - 1;
    let i = 0;
    while (i < parsed.words.length) {
      const span = spans.find((s) => s.start === i);
      if (span) {
        const inner: Query[] = [];
        for (let k = span.start; k < span.end; k++) {
          const unit = this.wordQuery(parsed.words[k]!.text, parsed.lastWordIsPrefix && k === lastIndex);
          if (unit) inner.push(unit);
        }
        const alternatives: Query[] = [...span.tokens];
        if (inner.length > 0) alternatives.unshift({ combineWith: 'AND', queries: inner });
        const typed = parsed.words
          .slice(span.start, span.end)
          .map((w) => fold(w.text))
          .join(' ');
        for (const phrase of span.phrases) {
          // A name the member typed as it is adds nothing but work.
          if (phrase.words.join(' ') === typed) continue;
          const words = this.exactWords(phrase.words);
          if (words.length > 0)
            alternatives.push({ combineWith: 'AND', queries: words, boost: this.expansionBoost });
        }
        units.push({ combineWith: 'OR', queries: alternatives, fuzzy: false, prefix: false });
        i = span.end;
        continue;
      }
      const word = parsed.words[i] as { text: string };
      const unit = this.wordQuery(word.text, parsed.lastWordIsPrefix && i === lastIndex);
      if (unit) units.push(unit);
      i += 1;
    }
    for (const phrase of parsed.phrases) {
      const inner = this.exactWords(phrase);
      if (inner.length > 0) units.push({ combineWith: 'AND', queries: inner });
    }
    const negatives = parsed.excluded.flatMap((group) => {
      const inner = this.exactWords(group);
      return inner.length === 0 ? [] : [{ combineWith: 'AND', queries: inner } as Query];
    });
    return {
      ...(units.length > 0 ? { positive: { combineWith: 'AND', queries: units } } : {}),
      ...(units.length > 1 ? { relaxed: { combineWith: 'OR', queries: units } } : {}),
      ...(negatives.length > 0 ? { negative: { combineWith: 'OR', queries: negatives } } : {}),
    };
  }

  /** Words matched as typed (stemmed, folded), without typo tolerance or prefixes: phrases, exclusions. */
  private exactWords(words: readonly string[]): Query[] {
    const out: Query[] = [];
    for (const w of words) {
      const unit = this.wordQuery(w, false, true);
      if (unit) out.push(unit);
    }
    return out;
  }

  /** One word: its English and Spanish stems, with typo tolerance when long, as a prefix when last. */
  private wordQuery(word: string, prefix: boolean, exact = false): Query | undefined {
    const folded = fold(word);
    if (isStopWord(folded) || (folded.length < 2 && !/\d/.test(folded))) return undefined;
    const variants = queryVariants(word);
    if (prefix && !variants.includes(folded)) variants.push(folded);
    const fuzzy = exact ? 0 : folded.length >= 8 ? 2 : folded.length >= 5 ? 1 : 0;
    return { combineWith: 'OR', queries: variants, fuzzy, prefix: prefix && !exact };
  }
}
