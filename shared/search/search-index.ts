import { createHash } from 'node:crypto';
import { LANGUAGES, type Language, RESOURCE_TYPES, type Resource } from '../domain/resource.js';
import { isEmptyFilter, matchesFilter, type ResourceFilter } from '../filters/filter.js';
import { compileKeywords } from '../filters/keywords.js';
import { type FilterProblem, problemText } from '../filters/problems.js';
import { resolveValue } from '../filters/values.js';
import { DOMAIN_PHRASES } from '../taxonomy/domain-words.js';
import { foldText } from '../taxonomy/fold.js';
import { TAXONOMY_VERSION } from '../taxonomy/version.js';
import {
  ANALYSIS_VERSION,
  analyze,
  fold,
  isNegator,
  isStopWord,
  negatedTerm,
  queryVariants,
  type StemLanguage,
  stem,
  stemLanguageOf,
} from './analysis.js';
import { float64s, uint8s, uint32s } from './arena.js';
import { DocTable } from './doc-table.js';
import {
  decodePostings,
  type EncodedPostings,
  encodePostings,
  type Matches,
  Postings,
  PostingsBuilder,
  type PostingsData,
  type QueryNode,
  type ScorePart,
  type ScoringOptions,
  type TermQuery,
  TF_MAX,
  termCount,
} from './postings.js';
import { type ParsedQuery, parseQuery, QUERY_BOUNDS, type QueryBounds } from './query.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './request.js';
import { resourceTerms, TERM_FIELDS } from './resource-terms.js';
import { containsPhrase, foldedWords, makeSnippet } from './snippet.js';
import type { ScoreExplanation, SearchHit, SearchRequest, SearchResponse } from './types.js';
import {
  correctTaxonomyTypos,
  expandQuery,
  foldWord,
  isCoreDomainWord,
  mainCountryToken,
  type QuerySpan,
  wholePhraseTokens,
  wordTranslations,
} from './vocabulary.js';

/**
 * The in-memory search index: compact postings over pre-analysed fields (postings.ts), plus the
 * columns of display and filter fields (doc-table.ts). Built from the store by `refreshSearchIndex`, saved
 * as a snapshot, loaded by `createSearchService`. Pure: the time comes in as an argument.
 */

/** Tunables of the ranking; the defaults were chosen on the relevance set (README, Search). */
export interface RankingOptions {
  boost: { title: number; partner: number; tags: number; summary: number; content: number };
  /** Weight of a topic matched through the taxonomy (cross-language synonyms) against plain words. */
  topicBoost: number;
  /** Weight of the words of a synonym's expansions (the topic's names) against the words typed. */
  expansionWeight: number;
  /**
   * Weight of a query topic being a resource's main topic (its first), added to what the topic
   * matched: a resource about nutrition ranks above one about early childhood that mentions nutrition.
   */
  mainTopicWeight: number;
  /** Recency blend: score × (1 + recencyWeight × 0.5^(ageDays / recencyHalfLifeDays)). */
  recencyWeight: number;
  recencyHalfLifeDays: number;
  /**
   * A word that this share of the library or more has (in any field, by document frequency) is
   * weak: it adds its (small) score but restricts nothing and does not count in the coordination
   * factor; a query of weak words and filters lists everything the filters allow, those with the
   * weak words first by their small score, the others newest first.
   */
  weakShare: number;
  /**
   * Prior of a document (a report, an evaluation, a guide) over news, events and media of the same
   * relevance: score × (1 + documentWeight). Members look for evidence first.
   */
  documentWeight: number;
  /**
   * Weight, per word typed, of a topic named in a field's text (`#f:`) against the words typed:
   * 1 scores a title naming the topic in another language as a title with each word typed.
   */
  namedTopicWeight: number;
  /**
   * Phrase proximity: score × (1 + proximityWeight × the share of the query's phrases the title
   * has, its words next to each other (or, for a taxonomy phrase, the title naming its topic in
   * any language)). Applied to the best matches only (`PROXIMITY_POOL` more than the page).
   */
  proximityWeight: number;
  /**
   * Weight of a word's translations (`shared/taxonomy/domain-words.ts`) against the word typed:
   * "mujeres" in a Spanish title for "women".
   */
  translationWeight: number;
  /**
   * Weight of a programme's name in a resource's fields when the query names the programme, added
   * to what its topic in its country matched: a resource that names PATH ranks above an overview
   * of conditional cash transfers that mentions Jamaica.
   */
  programmeNameWeight: number;
  /**
   * Weight of a country the query names being one the resource is about (in its title, or its
   * only country), added to what the country matched: Jamaica's strategy above a Caribbean synthesis.
   */
  mainCountryWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  boost: { title: 3, partner: 1.5, tags: 1.5, summary: 1.2, content: 1 },
  topicBoost: 3,
  expansionWeight: 1,
  mainTopicWeight: 8,
  recencyWeight: 0.05,
  recencyHalfLifeDays: 365,
  weakShare: 0.5,
  documentWeight: 0.25,
  namedTopicWeight: 1,
  proximityWeight: 0.5,
  translationWeight: 1,
  programmeNameWeight: 4,
  mainCountryWeight: 4,
};

/**
 * 3: the main topic's token (`#m:`) among the tags. 4: the topics a field's text names (`#f:`) in
 * that field. 5: the main topic is the first that is not a method (`mainTopicOf`). 6: the programmes
 * a title names (`#p:`) and the countries a resource is about (`#n:`) among the tags. 7: school
 * feeding a part of food and nutrition (its `#f:` and `#m:` tokens). 8: unconditional transfers a
 * part of social assistance. 9: social pensions a part of pensions (`#m:` only). 10: the parts a title or summary names
 * tagged as topics of their own (`#t:school-feeding`).
 */
const SNAPSHOT_FORMAT = 10;
/**
 * How many matches beyond the page are re-scored for phrase proximity: a match outside them would
 * need a score within the proximity factor of the page's last to enter it.
 */
const PROXIMITY_POOL = 30;
/** When fewer resources than this have every word, those with some of them are listed after. */
const FILL_BELOW = 30;

let domainPhrases: string[][] | undefined;

/** The positions of the query's words that form the network's domain as a phrase (`DOMAIN_PHRASES`). */
function domainPhraseWords(words: readonly { text: string }[]): Set<number> {
  domainPhrases ??= DOMAIN_PHRASES.map((p) => foldText(p).split(' '));
  const folded = words.map((w) => foldWord(w.text));
  const at = new Set<number>();
  for (let i = 0; i < folded.length; i++)
    for (const phrase of domainPhrases)
      if (phrase.every((w, k) => folded[i + k] === w)) for (let k = 0; k < phrase.length; k++) at.add(i + k);
  return at;
}

/** Publication times count from here in the recency blend (keeps 2^(t / half-life) in range). */
const RECENCY_EPOCH_MS = Date.UTC(2000, 0, 1);

const FIELDS = TERM_FIELDS;

const TAG_TOKEN = /^#/;
/** The tags' tokens (topic, main topic, country): weighed by `topicBoost`, had or not (no length norm). */
const TAG_FIELD_TOKEN = /^#[tmcpn]:/;
/** A topic named in a field's text (`#f:`): scored in that field, as its words are. */
const FIELD_TOPIC_TOKEN = /^#f:/;

/** The doc table's code of the type 'document'. */
const DOCUMENT_TYPE = RESOURCE_TYPES.indexOf('document');
const ENGLISH = LANGUAGES.indexOf('en');
/** The search's own notes, in the member's language (a Spanish reply carried English notes). */
const SEARCH_NOTES: Record<
  'en' | 'es',
  { fuzzyCapped: (n: number) => string; tooCommon: string; nothingToSearch: string; emptyLibrary: string }
> = {
  en: {
    fuzzyCapped: (n) =>
      `Spelling mistakes were forgiven in at most ${n} words; the others were matched as typed.`,
    tooCommon: 'Those words are too common to search for: add a more specific word.',
    nothingToSearch: 'Type a few words to search for, or a filter such as type:document or country:peru.',
    emptyLibrary:
      "The library holds no resources yet: they arrive with the first collection of the partners' feeds.",
  },
  es: {
    fuzzyCapped: (n) =>
      `Se corrigieron errores de ortografía en ${n} palabras como máximo; las demás se buscaron tal como se escribieron.`,
    tooCommon: 'Esas palabras son demasiado comunes para buscarlas: agregue una palabra más específica.',
    nothingToSearch: 'Escriba algunas palabras para buscar, o un filtro como tipo:documento o pais:peru.',
    emptyLibrary:
      'La biblioteca todavía no tiene recursos: llegan con la primera recolección de las fuentes de los socios.',
  },
};

/** A language with fewer resources than this does not decide which words are weak (a share of a few is no domain). */
const WEAK_MIN_LANGUAGE_DOCS = 20;
/** Terms whose weakness in a language is remembered (the index does not change under them). */
const WEAK_CACHE_LIMIT = 10_000;

/** A digest of what the index was built from: an unchanged library need not be written again. */
export function libraryFingerprint(
  resources: readonly Resource[],
  partnerNames: ReadonlyMap<string, string>,
): string {
  const hash = createHash('sha256');
  hash.update(`format ${SNAPSHOT_FORMAT} analysis ${ANALYSIS_VERSION} taxonomy ${TAXONOMY_VERSION}\n`);
  for (const r of [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(
      `${r.id}\u0000${r.contentHash}\u0000${r.updatedAt ?? ''}\u0000${r.publishedAt}\u0000${r.partnerId}\u0000${r.event?.startsAt ?? ''}\u0000${r.event?.endsAt ?? ''}\n`,
    );
  for (const [id, name] of [...partnerNames].sort()) hash.update(`p ${id}\u0000${name}\n`);
  return hash.digest('base64url').slice(0, 22);
}

interface SnapshotJson {
  format: number;
  analysis: number;
  /** The taxonomy the terms were tagged with (programme names, topic phrases): another is rebuilt. */
  taxonomy: number;
  builtAt: string;
  fingerprint: string;
  partners: [string, string][];
  docs: ReturnType<DocTable['toJson']>;
  postings: EncodedPostings;
}

/** An index's content: its postings, documents and partner names (`SearchIndex.parts`). */
export interface IndexParts {
  postings: PostingsData;
  docs: DocTable;
  partnerNames: ReadonlyMap<string, string>;
  builtAt: string;
  fingerprint: string;
}

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

/** A ranked document: its number in the index and its final score. */
interface Ranked {
  n: number;
  score: number;
}

/**
 * The best `k` of a stream of scored documents, best first: higher score, then newer, then by id
 * (the recency rank), so that a page never depends on float noise or arrival order.
 */
class TopK {
  private readonly items: Ranked[] = [];
  constructor(
    private readonly k: number,
    private readonly rank: Uint32Array,
  ) {}

  /** True when a is worse than b. */
  private worse(a: Ranked, b: Ranked): boolean {
    return (
      a.score < b.score || (a.score === b.score && (this.rank[a.n] as number) > (this.rank[b.n] as number))
    );
  }

  push(n: number, score: number): void {
    const { items, k } = this;
    if (k === 0) return;
    if (items.length < k) {
      items.push({ n, score });
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(items[i] as Ranked, items[parent] as Ranked)) break;
        [items[i], items[parent]] = [items[parent] as Ranked, items[i] as Ranked];
        i = parent;
      }
      return;
    }
    const root = items[0] as Ranked;
    // Not better than the worst kept (as `worse(root, { n, score })`, without making the object).
    if (
      !(
        root.score < score ||
        (root.score === score && (this.rank[root.n] as number) > (this.rank[n] as number))
      )
    )
      return;
    root.n = n;
    root.score = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < items.length && this.worse(items[l] as Ranked, items[least] as Ranked)) least = l;
      if (r < items.length && this.worse(items[r] as Ranked, items[least] as Ranked)) least = r;
      if (least === i) break;
      [items[i], items[least]] = [items[least] as Ranked, items[i] as Ranked];
      i = least;
    }
  }

  sorted(): Ranked[] {
    return [...this.items].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }
}

export class SearchIndex {
  private readonly postings: Postings;
  private readonly boosts: number[];
  /** Field boosts that score the tags alone. */
  private readonly tagsOnly: number[];

  private constructor(
    postings: PostingsData,
    readonly docs: DocTable,
    readonly partnerNames: ReadonlyMap<string, string>,
    readonly builtAt: string,
    readonly fingerprint: string,
    private readonly ranking: RankingOptions,
  ) {
    this.postings = new Postings(postings);
    this.boosts = FIELDS.map((f) => ranking.boost[f]);
    this.tagsOnly = FIELDS.map((f) => (f === 'tags' ? ranking.boost.tags : 0));
  }

  get size(): number {
    return this.docs.size;
  }

  private get halfLifeMs(): number {
    return this.ranking.recencyHalfLifeDays * 86_400_000;
  }

  private growth: Float64Array | undefined;

  /** Per document, 2^(published / half-life): the recency blend is then one multiplication. */
  private recencyGrowth(): Float64Array {
    if (!this.growth) {
      const growth = new Float64Array(this.docs.size);
      for (let n = 0; n < growth.length; n++)
        growth[n] = 2 ** ((this.docs.publishedMs(n) - RECENCY_EPOCH_MS) / this.halfLifeMs) || 0;
      this.growth = growth;
    }
    return this.growth;
  }

  static build(
    resources: readonly Resource[],
    partnerNames: ReadonlyMap<string, string>,
    options: { builtAt: string; ranking?: RankingOptions },
  ): SearchIndex {
    const builder = new PostingsBuilder(FIELDS.length);
    for (const resource of resources) builder.add(resourceTerms(resource, partnerNames));
    return new SearchIndex(
      builder.finish(),
      DocTable.build(resources),
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
      taxonomy: TAXONOMY_VERSION,
      builtAt: this.builtAt,
      fingerprint: this.fingerprint,
      partners: [...this.partnerNames],
      docs: this.docs.toJson(),
      postings: encodePostings(this.postings.data),
    };
    return JSON.stringify(snapshot);
  }

  static fromSnapshotJson(json: string, ranking: RankingOptions = DEFAULT_RANKING): SearchIndex {
    return SearchIndex.fromParts(SearchIndex.partsOfSnapshotJson(json), ranking);
  }

  /** A snapshot's content before an index is made of it (segments.ts merges a delta into it first). */
  static partsOfSnapshotJson(json: string): IndexParts {
    const snapshot = JSON.parse(json) as SnapshotJson;
    if (
      snapshot.format !== SNAPSHOT_FORMAT ||
      snapshot.analysis !== ANALYSIS_VERSION ||
      snapshot.taxonomy !== TAXONOMY_VERSION
    )
      throw new SnapshotFormatError(
        `Snapshot format ${snapshot.format}/${snapshot.analysis}/${snapshot.taxonomy} is not ${SNAPSHOT_FORMAT}/${ANALYSIS_VERSION}/${TAXONOMY_VERSION}`,
      );
    return {
      postings: decodePostings(snapshot.postings),
      docs: DocTable.fromJson(snapshot.docs),
      partnerNames: new Map(snapshot.partners),
      builtAt: snapshot.builtAt,
      fingerprint: snapshot.fingerprint,
    };
  }

  static fromParts(parts: IndexParts, ranking: RankingOptions = DEFAULT_RANKING): SearchIndex {
    return new SearchIndex(
      parts.postings,
      parts.docs,
      parts.partnerNames,
      parts.builtAt,
      parts.fingerprint,
      ranking,
    );
  }

  /** What the index is made of (segments.ts merges indexes at this level). */
  parts(): IndexParts {
    return {
      postings: this.postings.data,
      docs: this.docs,
      partnerNames: this.partnerNames,
      builtAt: this.builtAt,
      fingerprint: this.fingerprint,
    };
  }

  partnerName(id: string): string {
    return this.partnerNames.get(id) ?? id;
  }

  /** Every partner the library knows (those without a registry name under their id). */
  partners(): ReadonlyMap<string, string> {
    this.knownPartners ??= new Map([
      ...[...this.docs.partnerIds()].map((id): [string, string] => [id, id]),
      ...this.partnerNames,
    ]);
    return this.knownPartners;
  }

  private knownPartners: Map<string, string> | undefined;

  /** Runs a query within `bounds` (what a bound left out is said in `problems`). */
  search(request: SearchRequest, now: Date, bounds: QueryBounds = QUERY_BOUNDS): SearchResponse {
    // Its match lists are cut from buffers the next search reuses: none outlives the answer.
    const response = this.postings.searching(() => this.answer(request, now, bounds));
    // Nothing collected yet (a new deployment, a new data directory): said, not a bare "no results".
    if (this.size > 0) return response;
    const said = SEARCH_NOTES[request.language ?? 'en'];
    return { ...response, libraryEmpty: true, problems: [...response.problems, said.emptyLibrary] };
  }

  private answer(request: SearchRequest, now: Date, bounds: QueryBounds): SearchResponse {
    // The words that go on with a partner's name join it (socio:prosperidad social), as in a follow.
    const parsed = parseQuery(request.query ?? '', now, bounds, {
      partners: this.partners(),
      ...(request.timeZone ? { timeZone: request.timeZone } : {}),
    });
    const applied: ResourceFilter = { ...parsed.filter };
    const notes: FilterProblem[] = [...parsed.problems];
    for (const typed of parsed.partners) {
      const resolved = resolveValue('partners', typed, this.partners());
      if (resolved.ok) applied.partners = [...new Set([...(applied.partners ?? []), ...resolved.values])];
      else notes.push({ code: 'unknown', field: 'partners', typed, suggestions: resolved.suggestions });
    }
    const problems = notes.map((p) => problemText(p, request.language ?? 'en', this.partners()));
    const limit = clampLimit(request.limit);
    // The part of the query that was read: a 100 kB query costs no more to key than 500 characters.
    const key = keyOf((request.query ?? '').slice(0, bounds.maxQueryChars), request.filter ?? {}, applied);
    let offset = 0;
    let ignoredCursor = false;
    if (request.cursor) {
      const cursor = decodeCursor(request.cursor);
      if (cursor && cursor.k === key) offset = cursor.o;
      else ignoredCursor = true;
    }
    const matcher = this.matcher(applied, request.filter);

    const fuzzy: FuzzyBudget = { lookups: 0, bounds, skipped: 0 };
    const tree = this.withFilterCountries(
      this.buildQuery(parsed, fuzzy),
      new Set([...(applied.countries ?? []), ...(request.filter?.countries ?? [])]),
    );
    const said = SEARCH_NOTES[request.language ?? 'en'];
    if (fuzzy.skipped > 0) problems.push(said.fuzzyCapped(bounds.maxFuzzyWords));
    if (!tree.positive && !matcher && parsed.excluded.length === 0) {
      if (problems.length === 0)
        problems.push(parsed.words.length > 0 ? said.tooCommon : said.nothingToSearch);
      return {
        hits: [],
        total: 0,
        matched: 0,
        offset: 0,
        ...(ignoredCursor ? { ignoredCursor } : {}),
        appliedFilter: applied,
        problems,
      };
    }

    const wanted = offset + limit;
    const marks = new Set<string>();
    const options: ScoringOptions = {
      boost: this.boosts,
      termBoost: (term) => (TAG_FIELD_TOKEN.test(term) ? this.ranking.topicBoost : 1),
      // A tag is had or not: a resource with fewer tags does not get more of its topic's weight.
      unnormalised: (term: string) => TAG_FIELD_TOKEN.test(term),
      reached: marks,
      maxFuzzyTerms: bounds.maxFuzzyTerms,
      expansions: new Map(),
    };
    let page: Ranked[];
    let total: number;
    let matched: number;
    const weakOnly = !!tree.positive && !tree.strong && (!!matcher || parsed.excluded.length > 0);
    if (!tree.positive || weakOnly) {
      // Filters or exclusions alone: everything they allow, newest first; with weak words only, those
      // with the words first.
      const excluded = tree.negative ? this.postings.run(tree.negative, options).ids : new Uint32Array(0);
      marks.clear();
      const skip = new Set(excluded);
      if (weakOnly && tree.positive) {
        // The filters first: words most of the library has are scored only where they allow.
        const allowed = this.allowed(matcher, skip);
        const found = this.postings.run(tree.positive, options, allowed.ids);
        page = this.weakFirst(found, allowed.mask, wanted, now).slice(offset, wanted);
        total = allowed.ids.length;
      } else {
        const listed = this.newest(matcher, skip, offset, limit);
        page = listed.page.map((n) => ({ n, score: 0 }));
        total = listed.total;
      }
      matched = total;
    } else {
      const withoutExcluded = (q: QueryNode): QueryNode =>
        tree.negative ? { kind: 'andNot', include: q, exclude: tree.negative } : q;
      const all = this.postings.run(withoutExcluded(tree.positive), options);
      const proximity = this.proximity(tree.phrases);
      const first = this.rank(all, matcher, parsed, now, wanted, undefined, proximity);
      const ranked = first.top;
      total = first.count;
      matched = first.count;
      if (first.matched < FILL_BELOW && tree.relaxed) {
        // Few resources have every word: the ones with some of them follow, best first.
        const some = this.postings.run(withoutExcluded(tree.relaxed), options);
        const rest = this.rank(
          some,
          matcher,
          parsed,
          now,
          Math.max(0, wanted - ranked.length),
          all.ids,
          proximity,
        );
        ranked.push(...rest.top);
        total += rest.count;
      }
      page = ranked.slice(offset, wanted);
    }
    const marked = snippetMarks(marks, new Set(parsed.phrases.flat().map(fold)));
    const explained =
      request.explain && page.length > 0
        ? this.explain(page, tree, parsed, options, now, weakOnly)
        : undefined;
    return {
      hits: page.map((r) => {
        const hit = this.hit(r.n, r.score, marked);
        return explained ? { ...hit, explain: explained.get(r.n) as ScoreExplanation } : hit;
      }),
      total,
      matched,
      offset,
      ...(ignoredCursor ? { ignoredCursor } : {}),
      ...(wanted < total ? { nextCursor: encodeCursor({ o: wanted, k: key }) } : {}),
      appliedFilter: applied,
      problems,
    };
  }

  /**
   * A country filter ranks the resources about the country (`#n:`) above those that only mention
   * it: `cash transfers country:PE` puts Juntos before a regional brief that names Peru.
   */
  private withFilterCountries(tree: BuiltQuery, countries: ReadonlySet<string>): BuiltQuery {
    if (!tree.positive || countries.size === 0 || this.ranking.mainCountryWeight <= 0) return tree;
    const about: QueryNode = {
      kind: 'or',
      queries: [...countries].map((c) => exactTerm(mainCountryToken(c))),
      weight: this.ranking.mainCountryWeight,
    };
    const boosted = (q: QueryNode): QueryNode => ({ kind: 'or', queries: [q], boosters: [about] });
    return {
      ...tree,
      positive: boosted(tree.positive),
      ...(tree.relaxed ? { relaxed: boosted(tree.relaxed) } : {}),
    };
  }

  /** The newest resources matching a filter, newest first (no query). */
  latest(filter: ResourceFilter, limit: number, cursor?: string): SearchResponse {
    const size = clampLimit(limit);
    const key = keyOf('latest', filter);
    let offset = 0;
    let ignoredCursor = false;
    if (cursor) {
      const c = decodeCursor(cursor);
      if (c && c.k === key) offset = c.o;
      else ignoredCursor = true;
    }
    const byFilter = this.matcher(filter);
    const byWords = filter.keywords ? this.keywordMatches(filter.keywords) : undefined;
    const matcher =
      byWords && byFilter
        ? (n: number) => byWords.has(n) && byFilter(n)
        : byWords
          ? (n: number) => byWords.has(n)
          : byFilter;
    const { page, total } = this.newest(matcher, new Set(), offset, size);
    return {
      hits: page.map((n) => this.hit(n, 0, () => false)),
      total,
      matched: total,
      offset,
      ...(ignoredCursor ? { ignoredCursor } : {}),
      ...(offset + size < total ? { nextCursor: encodeCursor({ o: offset + size, k: key }) } : {}),
      appliedFilter: filter,
      problems: [],
    };
  }

  /**
   * The documents keywords match as a follow reads them (shared/filters/keywords.ts): every unit,
   * no exclusion, phrases in order; nothing forgiven (no typo tolerance, no prefixes).
   */
  keywordMatches(keywords: string): ReadonlySet<number> {
    const { units, excluded } = compileKeywords(keywords);
    const size = this.docs.size;
    // One byte per document: membership only, no scores (a follow's words match or do not).
    const words = (list: readonly (readonly string[])[]): Uint8Array => {
      const all = new Uint8Array(size).fill(1);
      for (const variants of list) {
        const any = new Uint8Array(size);
        for (const v of variants) for (const d of this.postings.termDocs(v)) any[d] = 1;
        for (let d = 0; d < size; d++) all[d]! &= any[d]!;
      }
      return all;
    };
    const acc = new Uint8Array(size).fill(1);
    const { titles, summaries } = this.docs.columns;
    for (const unit of units) {
      const hit = new Uint8Array(size);
      for (const token of unit.tokens) for (const d of this.postings.termDocs(token)) hit[d] = 1;
      const byWords = words(unit.words);
      for (let d = 0; d < size; d++) {
        if (hit[d] || !byWords[d] || !acc[d]) continue;
        if (!unit.phrase || containsPhrase(foldedWords(`${titles[d]} ${summaries[d]}`), unit.phrase))
          hit[d] = 1;
      }
      for (let d = 0; d < size; d++) acc[d]! &= hit[d]!;
    }
    for (const group of excluded) {
      const out = words(group);
      for (let d = 0; d < size; d++) if (out[d]) acc[d] = 0;
    }
    const matched = new Set<number>();
    for (let d = 0; d < size; d++) if (acc[d]) matched.add(d);
    return matched;
  }

  /** The document number of a resource id, if the index holds it. */
  docNumber(id: string): number | undefined {
    this.docNumbers ??= new Map(this.docs.columns.ids.map((docId, n) => [docId, n]));
    return this.docNumbers.get(id);
  }

  private docNumbers: Map<string, number> | undefined;

  /** True when a document has each quoted phrase in order, or the tag of a phrase the taxonomy knows. */
  private hasPhrases(n: number, parsed: ParsedQuery): boolean {
    if (parsed.phrases.length === 0) return true;
    const { titles, summaries } = this.docs.columns;
    let text: string[] | undefined;
    return parsed.phrases.every((p) => {
      if (wholePhraseTokens(p).some((t) => this.docHasToken(n, t))) return true;
      text ??= foldedWords(`${titles[n]} ${summaries[n]}`);
      return containsPhrase(text, p);
    });
  }

  private docHasToken(n: number, token: string): boolean {
    const view = this.docs.filterView(n);
    if (token.startsWith('#t:')) return view.topics.includes(token.slice(3));
    if (token.startsWith('#c:')) return view.countries.includes(token.slice(3));
    return false;
  }

  /** A document-number predicate for the filters, or undefined when nothing is filtered. */
  private matcher(applied: ResourceFilter, extra?: ResourceFilter): ((n: number) => boolean) | undefined {
    const filters = [applied, extra].filter((f): f is ResourceFilter => !!f && !isEmptyFilter(f));
    if (filters.length === 0) return undefined;
    return (n) => {
      const view = this.docs.filterView(n);
      return filters.every((f) => matchesFilter(view, f));
    };
  }

  /** One page of the documents a filter allows, newest first, and how many there are. */
  private newest(
    matcher: ((n: number) => boolean) | undefined,
    skip: ReadonlySet<number>,
    offset: number,
    limit: number,
  ): { page: number[]; total: number } {
    const page: number[] = [];
    let total = 0;
    for (const n of this.docs.columns.order) {
      if (skip.has(n) || (matcher && !matcher(n))) continue;
      if (total >= offset && total < offset + limit) page.push(n);
      total += 1;
    }
    return { page, total };
  }

  /** The documents the filters allow and `skip` does not hold: ascending, and as a mask. */
  private allowed(
    matcher: ((n: number) => boolean) | undefined,
    skip: ReadonlySet<number>,
  ): { ids: Uint32Array; mask: Uint8Array } {
    const mask = uint8s(this.docs.size);
    let count = 0;
    for (let n = 0; n < mask.length; n++)
      if (!skip.has(n) && (!matcher || matcher(n))) {
        mask[n] = 1;
        count += 1;
      }
    const ids = uint32s(count);
    for (let n = 0, i = 0; i < count; n++) if (mask[n] === 1) ids[i++] = n;
    return { ids, mask };
  }

  /**
   * Every document the filters allow (`allowed`), those with the query's weak words first by their
   * (small) score, the others after them newest first: weak words weigh little, but a member who
   * asks for "social protection country:JM" sees the resources about it before a webinar that only
   * says it.
   */
  private weakFirst(found: Matches, allowed: Uint8Array, k: number, now: Date): Ranked[] {
    const finalScore = this.finalScorer(this.decayAt(now));
    const scores = float64s(this.docs.size);
    for (let i = 0; i < found.ids.length; i++) {
      const n = found.ids[i] as number;
      // Weak words do not count in the coordination: each weighs its own small score.
      scores[n] = finalScore(n, found.scores[i] as number, 1);
    }
    const top = new TopK(k, this.docs.recencyRank);
    for (const n of this.docs.columns.order) if (allowed[n] === 1) top.push(n, scores[n] as number);
    return top.sorted();
  }

  /**
   * The phrase-proximity factor of a document, or undefined when the query has no phrase: 1 +
   * proximityWeight × the share of the query's phrases whose words its title has next to each other
   * (stop words aside), or, for a taxonomy phrase, whose topic its title names in any language
   * ("conditional cash transfers" in a title, or "transferencias condicionadas", but not
   * "unconditional cash transfers versus conditional designs").
   */
  private proximity(phrases: readonly ProximityPhrase[]): ((n: number) => number) | undefined {
    const weight = this.ranking.proximityWeight;
    if (phrases.length === 0 || weight === 0) return undefined;
    const { titles, languages } = this.docs.columns;
    return (n) => {
      let stems: string[] | undefined;
      let had = 0;
      for (const phrase of phrases) {
        if (phrase.named?.some((t) => this.titleHas(t, n))) had += 1;
        // The title's index terms are its analysis: without a stem of each word it has no run of
        // them, and is not analysed again (most of the best matches, for most phrases).
        else if (phrase.words.every((variants) => variants.some((v) => this.titleHas(v, n)))) {
          stems ??= analyze(
            titles[n] as string,
            stemLanguageOf(LANGUAGES[languages[n] as number] as Language),
          );
          if (hasRun(stems, phrase.words)) had += 1;
        }
      }
      return 1 + (weight * had) / phrases.length;
    };
  }

  /** True when a document's title has an index term (a seek in the term's postings). */
  private titleHas(term: string, n: number): boolean {
    const t = this.postings.termId(term);
    if (t === undefined) return false;
    const { start, docs, tfs } = this.postings.data;
    let lo = start[t] as number;
    let hi = start[t + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((docs[mid] as number) < n) lo = mid + 1;
      else hi = mid;
    }
    return lo < (start[t + 1] as number) && docs[lo] === n && ((tfs[lo] as number) & TF_MAX) !== 0;
  }

  /**
   * The best `k` matches after the filters, phrases and the recency blend, with the count of
   * those allowed (`count`) and of those the filters allowed before the phrase check (`matched`).
   */
  private rank(
    found: Matches,
    matcher: ((n: number) => boolean) | undefined,
    parsed: ParsedQuery,
    now: Date,
    k: number,
    skip?: Uint32Array,
    /** A document's phrase-proximity factor, applied to the best `k` + PROXIMITY_POOL. */
    proximity?: (n: number) => number,
  ): { top: Ranked[]; count: number; matched: number } {
    const finalScore = this.finalScorer(this.decayAt(now));
    const { recencyRank } = this.docs;
    const skipped = skip && skip.length > 0 ? new Set(skip) : undefined;
    const top = new TopK(proximity && k > 0 ? k + PROXIMITY_POOL : k, recencyRank);
    let count = 0;
    let matched = 0;
    for (let i = 0; i < found.ids.length; i++) {
      const n = found.ids[i] as number;
      if (skipped?.has(n) || (matcher && !matcher(n))) continue;
      matched += 1;
      if (!this.hasPhrases(n, parsed)) continue;
      count += 1;
      top.push(n, finalScore(n, found.scores[i] as number, found.terms[i] as number));
    }
    if (!proximity || k === 0) return { top: top.sorted(), count, matched };
    const rescored = new TopK(k, recencyRank);
    for (const r of top.sorted()) rescored.push(r.n, Math.round(r.score * proximity(r.n) * 1e6) / 1e6);
    return { top: rescored.sorted(), count, matched };
  }

  /** 2^(−now / half-life): 0.5^(age / halfLife) = 2^(published / halfLife) × this, at most 1 (no future). */
  private decayAt(now: Date): number {
    return 2 ** (-(now.getTime() - RECENCY_EPOCH_MS) / this.halfLifeMs);
  }

  /**
   * The recency blend of a document. Events (issue 17) count by when they happen, not when they
   * were posted: one not yet over is as fresh as can be, one that is over gets no freshness, so an
   * upcoming event ranks above a past one of the same relevance.
   */
  private recencyFactor(n: number, decayNow: number): number {
    const end = this.docs.eventEndMs(n);
    if (!Number.isNaN(end)) {
      return end > this.nowMsOf(decayNow) ? 1 + this.ranking.recencyWeight : 1;
    }
    return 1 + this.ranking.recencyWeight * Math.min(1, (this.recencyGrowth()[n] as number) * decayNow);
  }

  /**
   * The document prior: 1 + documentWeight for a document or an event not yet over (what a member
   * can still attend weighs as evidence does), 1 for anything else.
   */
  private priorOf(n: number, decayNow: number): number {
    if (this.docs.columns.types[n] === DOCUMENT_TYPE) return 1 + this.ranking.documentWeight;
    const end = this.docs.eventEndMs(n);
    return !Number.isNaN(end) && end > this.nowMsOf(decayNow) ? 1 + this.ranking.documentWeight : 1;
  }

  private nowMsOf(decayNow: number): number {
    return RECENCY_EPOCH_MS - Math.log2(decayNow) * this.halfLifeMs;
  }

  /**
   * A match's score as ranked, for one query's matches: MiniSearch's coordination (the score times
   * the number of distinct query terms matched), times the document prior and the recency blend,
   * rounded so that float noise never decides between equal results. `priorOf` and
   * `recencyFactor` (which explain shows) inlined as they are, their columns and weights read once.
   */
  private finalScorer(decayNow: number): (n: number, score: number, terms: number) => number {
    const { types } = this.docs.columns;
    const { docs } = this;
    const growth = this.recencyGrowth();
    const { documentWeight, recencyWeight } = this.ranking;
    const nowMs = this.nowMsOf(decayNow);
    return (n, score, terms) => {
      const end = docs.eventEndMs(n);
      const isEvent = !Number.isNaN(end);
      // An event not yet over: as fresh as can be, and weighed as a document is.
      const upcoming = isEvent && end > nowMs;
      const prior = types[n] === DOCUMENT_TYPE || upcoming ? 1 + documentWeight : 1;
      const recency = isEvent
        ? upcoming
          ? 1 + recencyWeight
          : 1
        : 1 + recencyWeight * Math.min(1, (growth[n] as number) * decayNow);
      return Math.round(score * termCount(terms) * prior * recency * 1e6) / 1e6;
    };
  }

  /**
   * The parts of the scores of a page: its documents run again through the query that ranked
   * them (the full query, or the relaxed one for those listed after), keeping each match's parts.
   */
  private explain(
    page: readonly Ranked[],
    tree: BuiltQuery,
    parsed: ParsedQuery,
    options: ScoringOptions,
    now: Date,
    weakOnly: boolean,
  ): Map<number, ScoreExplanation> {
    const out = new Map<number, ScoreExplanation>();
    const decayNow = this.decayAt(now);
    const typed = new Set(
      [...parsed.words.map((w) => w.text), ...parsed.phrases.flat()].flatMap((w) => queryVariants(w)),
    );
    const traced: ScoringOptions = { ...options, reached: undefined, explain: true };
    const withoutExcluded = (q: QueryNode): QueryNode =>
      tree.negative ? { kind: 'andNot', include: q, exclude: tree.negative } : q;
    let left = Uint32Array.from(page.map((r) => r.n)).sort();
    for (const [node, ranking] of [
      [tree.positive, weakOnly ? 'common words' : 'all words'],
      [weakOnly ? undefined : tree.relaxed, 'some words'],
    ] as const) {
      if (!node || left.length === 0) continue;
      const found = this.postings.run(withoutExcluded(node), traced);
      const done = new Set<number>();
      found.ids.forEach((n, i) => {
        if (!left.includes(n)) return;
        done.add(n);
        out.set(
          n,
          this.explanation(
            n,
            ranking,
            found.parts?.[i] ?? [],
            found.terms[i] as number,
            decayNow,
            typed,
            tree.weak,
          ),
        );
      });
      left = left.filter((n) => !done.has(n));
    }
    for (const n of left) out.set(n, this.explanation(n, 'newest first', [], 0, decayNow, typed, tree.weak));
    const near = weakOnly ? undefined : this.proximity(tree.phrases);
    if (near)
      for (const [n, e] of out)
        if (e.ranking !== 'newest first') e.proximity = Math.round(near(n) * 1000) / 1000;
    return out;
  }

  private explanation(
    n: number,
    ranking: ScoreExplanation['ranking'],
    parts: readonly ScorePart[],
    terms: number,
    decayNow: number,
    typed: ReadonlySet<string>,
    weak: readonly string[],
  ): ScoreExplanation {
    const words = parts.filter((p) => !TAG_TOKEN.test(p.term) && p.score !== 0);
    const byTags = words.length > 0 && words.every((p) => FIELDS[p.field] === 'tags');
    const ownWords = words.filter((p) => FIELDS[p.field] !== 'tags');
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      ranking,
      terms: words.map((p) => ({
        word: p.queryTerm,
        term: p.term,
        field: FIELDS[p.field] as string,
        score: round(p.score),
      })),
      topic: parts
        .filter((p) => TAG_TOKEN.test(p.term))
        .map((p) => ({
          token: p.term,
          score: round(p.score),
          ...(FIELD_TOPIC_TOKEN.test(p.term) ? { field: FIELDS[p.field] as string } : {}),
        })),
      // Weak words alone are not coordinated: each weighs its own small score (`weakFirst`).
      coordination: ranking === 'common words' ? 1 : termCount(terms),
      prior: ranking === 'newest first' ? 1 : round(this.priorOf(n, decayNow)),
      recency: round(ranking === 'newest first' ? 1 : this.recencyFactor(n, decayNow)),
      proximity: 1,
      language: {
        resource: this.docs.record(n).language,
        matched:
          ownWords.length > 0
            ? ownWords.some((p) => typed.has(p.queryTerm))
              ? 'as typed'
              : 'through the taxonomy'
            : parts.some((p) => FIELD_TOPIC_TOKEN.test(p.term))
              ? 'through the taxonomy'
              : byTags
                ? 'tags only'
                : 'none',
      },
      weak: [...weak],
    };
  }

  private hit(n: number, score: number, marked: SnippetMarks): SearchHit {
    const doc = this.docs.record(n);
    const lang: StemLanguage = stemLanguageOf(doc.language);
    const isMatch = (word: string) => marked(word, lang);
    return {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      partnerId: doc.partnerId,
      partnerName: this.partnerName(doc.partnerId),
      publishedAt: doc.publishedAt,
      type: doc.type,
      language: doc.language,
      topics: [...doc.topics],
      countries: [...doc.countries],
      snippet: makeSnippet(doc.summary || doc.title, isMatch),
      score,
    };
  }

  /**
   * The query for a parsed query: each word (or each phrase of the taxonomy, with its
   * cross-language expansions) is a unit; units are ANDed, with an OR of them as the fallback.
   */
  private buildQuery(
    parsed: ParsedQuery,
    /** Without a budget every word is matched as typed (keyword follows). */
    fuzzy?: FuzzyBudget,
  ): BuiltQuery {
    const units: QueryNode[] = [];
    /** A multiword phrase's unit, and the same or any of its words: what the relaxed query asks. */
    const partial = new Map<QueryNode, QueryNode>();
    const weakUnits: QueryNode[] = [];
    const weak: string[] = [];
    // A typo in a topic's or a country's words is read as the word meant: the topic is recognised
    // and the word searched as corrected.
    const lastIndex = parsed.words.length - 1;
    const words = fuzzy
      ? correctTaxonomyTypos(
          parsed.words,
          (w) =>
            this.hasWord(w) ||
            // The word being typed is left as it is while it starts a word of the library.
            (parsed.lastWordIsPrefix &&
              w === parsed.words[lastIndex]?.text &&
              this.postings.hasPrefix(fold(w))),
          (folded) => spendTypoLookup(fuzzy, folded),
        )
      : parsed.words;
    const spans: QuerySpan[] = expandQuery(words);
    const inDomainPhrase = domainPhraseWords(words);
    let i = 0;
    while (i < words.length) {
      const span = spans.find((s) => s.start === i);
      if (span) {
        const inner: QueryNode[] = [];
        const someWords: QueryNode[] = [];
        for (let k = span.start; k < span.end; k++) {
          const unit = this.wordQuery(
            words[k]!.text,
            parsed.lastWordIsPrefix && k === lastIndex,
            fuzzy,
            negatedAt(words, k),
          );
          if (!unit) continue;
          inner.push(unit);
          if (!negatedAt(words, k)) someWords.push(this.withTranslations(words[k]!.text, unit));
        }
        const typed = words
          .slice(span.start, span.end)
          .map((w) => fold(w.text))
          .join(' ');
        // The words as typed, or the names in English or Spanish, whichever the resource matches best:
        // a resource in the other language scores on its own words, as one in the query's would.
        // The names only score within what the words or the tag matched (a resource that has their
        // words but not the tag is not about the topic: "transferencias monetarias no condicionadas").
        const counted = span.tokens[0];
        // One array for the words typed, where they are the first alternative and where the tags'
        // part of them boosts the `#f:` rival: Run then scores them once for both (postings.ts).
        const typedWords = inner.map((q) => countedAs(q, counted));
        const rivals: QueryNode[] = [];
        for (const phrase of span.phrases) {
          // A name the member typed as it is adds nothing but work.
          if (phrase.words.join(' ') === typed) continue;
          const names = this.exactWords(phrase.words).map((q) => countedAs(q, counted));
          // A name scores where its words are together in one field: "Seguridad social y pensiones"
          // is not found in "Seguro de desempleo" because the other words are in its tags.
          if (names.length > 0)
            rivals.push({
              kind: 'and',
              queries: names,
              sameField: true,
              weight: this.ranking.expansionWeight,
            });
        }
        // The fields whose text names the topic, in any language, weigh as the words typed would
        // there: a Spanish title about CCTs scores for "conditional cash transfers" as an English one.
        // The words' part in the tags (the topic's names, there in both languages) is kept: a booster,
        // looked up only where a field names the topic.
        // Only the languages the library has a field naming the topic in (no empty lookups).
        const named = span.named?.filter((token) => this.postings.has(token)) ?? [];
        if (named.length > 0 && inner.length > 0 && this.ranking.namedTopicWeight > 0)
          rivals.push({
            kind: 'or',
            queries: [
              {
                kind: 'or',
                queries: named.map((token) => ({ ...exactTerm(token), countsAs: counted })),
                weight: inner.length * this.ranking.namedTopicWeight,
              },
            ],
            boosters: [{ kind: 'and', queries: typedWords, boost: this.tagsOnly }],
          });
        // A programme's name matches by its words, or its topic's tag together with its country's.
        const country = span.programmeCountry;
        const alternatives: QueryNode[] = country
          ? [
              {
                kind: 'and',
                queries: [...span.tokens.map(exactTerm), { ...exactTerm(country), countsAs: counted }],
              },
            ]
          : span.tokens.map(exactTerm);
        // The words first: the rivals compete with them (with nothing when there are none). The span
        // is one unit of the query however it is matched: its words count as its tag in the
        // coordination factor, so "sistema de pensiones" written out does not count three times
        // what the topic's tag on a Portuguese or English resource counts.
        alternatives.unshift(
          inner.length > 0 ? { kind: 'and', queries: typedWords } : { kind: 'or', queries: [] },
        );
        const boosters: QueryNode[] = [];
        if (span.programme && counted && this.ranking.programmeNameWeight > 0)
          boosters.push({
            kind: 'or',
            queries: [{ ...exactTerm(span.programme), countsAs: counted }],
            weight: this.ranking.programmeNameWeight,
          });
        if (span.mainCountry && counted && this.ranking.mainCountryWeight > 0)
          boosters.push({
            kind: 'or',
            queries: [{ ...exactTerm(span.mainCountry), countsAs: counted }],
            weight: this.ranking.mainCountryWeight,
          });
        if (span.main && counted)
          boosters.push({
            kind: 'or',
            queries: [{ ...exactTerm(span.main), countsAs: counted }],
            weight: this.ranking.mainTopicWeight,
          });
        const unit: QueryNode = {
          kind: 'or',
          queries: alternatives,
          boosters,
          ...(rivals.length > 0 ? { rivals } : {}),
        };
        units.push(unit);
        // Few resources with the whole phrase: those with some of its words follow ("evaluación" of
        // "evaluaciones de impacto"), as they do for the words of a query.
        if (someWords.length > 1)
          partial.set(unit, {
            kind: 'or',
            queries: [unit, ...someWords],
          });
        i = span.end;
        continue;
      }
      const word = words[i] as { text: string };
      const prefix = parsed.lastWordIsPrefix && i === lastIndex;
      const negated = negatedAt(words, i);
      const unit = this.wordQuery(word.text, prefix, fuzzy, negated);
      if (unit && !prefix && !negated && (inDomainPhrase.has(i) || this.isWeak(word.text))) {
        // Weak words weigh in every language, as strong ones do: "protección social" orders
        // English resources by "social protection" as the English query would.
        weakUnits.push(uncounted(this.withTranslations(word.text, unit)));
        weak.push(word.text);
      } else if (unit) units.push(negated ? unit : this.withTranslations(word.text, unit));
      i += 1;
    }
    for (const phrase of parsed.phrases) {
      const inner = this.exactWords(phrase);
      if (inner.length === 0) continue;
      // A phrase the taxonomy knows also finds what is tagged with it, in any language.
      const tokens = wholePhraseTokens(phrase).map(exactTerm);
      const words: QueryNode = { kind: 'and', queries: inner };
      units.push(tokens.length > 0 ? { kind: 'or', queries: [words, ...tokens] } : words);
    }
    const negatives = parsed.excluded.flatMap((group): QueryNode[] => {
      const inner = this.exactWords(group);
      return inner.length === 0 ? [] : [{ kind: 'and', queries: inner }];
    });
    // Weak words add to the score of what the others match; alone, any of them matches.
    const withWeak = (q: QueryNode): QueryNode =>
      weakUnits.length > 0 ? { kind: 'or', queries: [q], boosters: weakUnits } : q;
    const positive: QueryNode | undefined =
      units.length > 0
        ? withWeak({ kind: 'and', queries: units })
        : weakUnits.length > 0
          ? { kind: 'or', queries: weakUnits }
          : undefined;
    return {
      ...(positive ? { positive } : {}),
      strong: units.length > 0,
      weak,
      phrases: proximityPhrases(words, spans),
      // With several units, those with some of them follow; with one phrase alone, those with some
      // of its words ("evaluación" of "evaluaciones de impacto").
      ...(units.length > 1
        ? { relaxed: withWeak({ kind: 'or', queries: units }) }
        : partial.size > 0
          ? { relaxed: withWeak({ kind: 'or', queries: units.map((u) => partial.get(u) ?? u) }) }
          : {}),
      ...(negatives.length > 0 ? { negative: { kind: 'or', queries: negatives } } : {}),
    };
  }

  /**
   * True for a word most of the library has (every stem of it in at least `weakShare` of the
   * documents): "social" in a library of social protection. Or most of the resources of its
   * language have it: a bilingual library splits a domain word ("protection" in most English
   * resources, "protección" in most Spanish ones) so that neither stem reaches the share of the
   * whole library. A language of fewer than `WEAK_MIN_LANGUAGE_DOCS` resources decides nothing.
   */
  private isWeak(word: string): boolean {
    const known = this.weakWords.get(word);
    if (known !== undefined) return known;
    // A domain word is weak in every language when it is in one: "protección social" in a library
    // whose English resources all say "social protection" and whose Spanish ones mostly do not.
    const weak =
      isCoreDomainWord(word) ||
      this.isWeakAsTyped(word) ||
      wordTranslations(word).some((t) => this.isWeakTerm(t.term, t.language));
    if (this.weakWords.size >= WEAK_CACHE_LIMIT) this.weakWords.clear();
    this.weakWords.set(word, weak);
    return weak;
  }

  /** `isWeak` by word typed: it depends only on the word and this (immutable) index. */
  private weakWords = new Map<string, boolean>();

  private isWeakAsTyped(word: string): boolean {
    const variants = queryVariants(word).filter((v) => this.postings.has(v));
    if (variants.length === 0) return false;
    if (variants.every((v) => this.inMostOfLibrary(v))) return true;
    return (['en', 'es'] as const).some((language) => this.weakIn(stem(word, language), language));
  }

  /** A translation's index term, in the language whose resources have it: weak as a typed word's stem. */
  private isWeakTerm(term: string, language: StemLanguage): boolean {
    return this.postings.has(term) && (this.inMostOfLibrary(term) || this.weakIn(term, language));
  }

  /** At least `weakShare` of the whole library has the term. */
  private inMostOfLibrary(term: string): boolean {
    return this.postings.frequency(term) >= this.ranking.weakShare * this.docs.size;
  }

  private weakTerms = new Map<string, boolean>();
  private stemLanguageDocs: Record<StemLanguage, number> | undefined;

  /** True when at least `weakShare` of the resources analysed in `language` have the term. */
  private weakIn(term: string, language: StemLanguage): boolean {
    const key = `${language}:${term}`;
    const known = this.weakTerms.get(key);
    if (known !== undefined) return known;
    const { languages } = this.docs.columns;
    if (!this.stemLanguageDocs) {
      this.stemLanguageDocs = { en: 0, es: 0 };
      for (const l of languages) this.stemLanguageDocs[l === ENGLISH ? 'en' : 'es'] += 1;
    }
    const size = this.stemLanguageDocs[language];
    const least = this.ranking.weakShare * size;
    let weak = false;
    // The whole library's count bounds the language's: most words stop here, without a scan.
    if (size >= WEAK_MIN_LANGUAGE_DOCS && this.postings.frequency(term) >= least) {
      let n = 0;
      for (const doc of this.postings.termDocs(term))
        if ((languages[doc] === ENGLISH) === (language === 'en')) n++;
      weak = n >= least;
    }
    if (this.weakTerms.size >= WEAK_CACHE_LIMIT) this.weakTerms.clear();
    this.weakTerms.set(key, weak);
    return weak;
  }

  /**
   * A word, or its translations ("women", "mujeres", "mulheres"), whichever a resource has: a word
   * the taxonomy does not cover still finds the resources in the other languages, weighed as the
   * word typed (`translationWeight`) and counted as it in the coordination factor.
   */
  private withTranslations(word: string, unit: QueryNode): QueryNode {
    const weight = this.ranking.translationWeight;
    if (weight === 0) return unit;
    const stems = this.translationTerms(word);
    if (stems.length === 0) return unit;
    const counted = firstTerm(unit);
    const others = stems.map((term): QueryNode => ({ ...exactTerm(term), countsAs: counted }));
    return { kind: 'or', queries: [unit, { kind: 'or', queries: others, weight }] };
  }

  /** Whether the library has a stem of the word: by word, as it depends only on it and this index. */
  private hasWord(word: string): boolean {
    let known = this.knownWords.get(word);
    if (known === undefined) {
      known = queryVariants(word).some((v) => this.postings.has(v));
      if (this.knownWords.size >= WEAK_CACHE_LIMIT) this.knownWords.clear();
      this.knownWords.set(word, known);
    }
    return known;
  }

  private knownWords = new Map<string, boolean>();

  /** The index terms of a word's translations the library has, each once: by word, as `hasWord`. */
  private translationTerms(word: string): readonly string[] {
    let terms = this.translations.get(word);
    if (!terms) {
      // Each term once: "mujeres" and "mujer" are one, and "rurales" adds nothing to "rural".
      terms = [
        ...new Set(
          wordTranslations(word)
            .map((t) => t.term)
            .filter((term) => this.postings.has(term)),
        ),
      ];
      if (this.translations.size >= WEAK_CACHE_LIMIT) this.translations.clear();
      this.translations.set(word, terms);
    }
    return terms;
  }

  private translations = new Map<string, readonly string[]>();

  /** Words matched as typed (stemmed, folded), without typo tolerance or prefixes: phrases, exclusions. */
  private exactWords(words: readonly string[]): QueryNode[] {
    const out: QueryNode[] = [];
    words.forEach((w, k) => {
      const unit = this.wordQuery(w, false, undefined, k > 0 && isNegator(fold(words[k - 1] as string)));
      if (unit) out.push(unit);
    });
    return out;
  }

  /**
   * One word: its English and Spanish stems; as a prefix when last; with typo tolerance when long
   * and only when neither stem is a word of the library (a known word is taken as meant), the word
   * is no longer than the bounds allow and the query's budget of typo lookups is not spent.
   * Without a budget the word is matched as typed: phrases, exclusions.
   */
  private wordQuery(
    word: string,
    prefix: boolean,
    budget?: FuzzyBudget,
    /** After a negating word ("no", "sin", "non"): only its negated term, as typed. */
    negated = false,
  ): QueryNode | undefined {
    const exact = !budget;
    const folded = fold(word);
    if (isStopWord(folded) || (folded.length < 2 && !/\d/.test(folded))) return undefined;
    if (negated && !isNegator(folded)) {
      const terms = queryVariants(word).map((v) => exactTerm(negatedTerm(v)));
      return terms.length === 1 ? terms[0] : { kind: 'or', queries: terms };
    }
    const variants = queryVariants(word);
    const known = variants.some((v) => this.postings.has(v));
    let fuzzy = exact || known ? 0 : folded.length >= 8 ? 2 : folded.length >= 5 ? 1 : 0;
    if (budget && fuzzy > 0 && !spendTypoLookup(budget, folded)) fuzzy = 0;
    // The word being typed is a prefix as typed, not as stemmed ("chile" is no prefix of "children").
    const typing = prefix && !exact;
    const terms = variants.map(
      (term): QueryNode => ({ kind: 'term', term, fuzzy, prefix: typing && term === folded }),
    );
    if (typing && !variants.includes(folded))
      terms.push({ kind: 'term', term: folded, fuzzy: 0, prefix: true });
    return terms.length === 1 ? terms[0] : { kind: 'or', queries: terms };
  }
}

/** Whether a snippet's word (lower-cased, accents kept) is marked, in a resource's stemming language. */
type SnippetMarks = (word: string, lang: StemLanguage) => boolean;

/**
 * A snippet's word is marked when its stem is an index term the query reached, or it is a word of
 * a quoted phrase (not a stop word). Each answer is kept for the page: its summaries share most
 * of their words, and folding and stemming each occurrence was a tenth of a search.
 */
function snippetMarks(terms: ReadonlySet<string>, phraseWords: ReadonlySet<string>): SnippetMarks {
  // Per language, by word: no key made per occurrence.
  const known = new Map<StemLanguage, Map<string, boolean>>();
  return (word, lang) => {
    let marks = known.get(lang);
    if (!marks) {
      marks = new Map();
      known.set(lang, marks);
    }
    let marked = marks.get(word);
    if (marked === undefined) {
      const folded = fold(word);
      marked = !isStopWord(folded) && (terms.has(stem(word, lang)) || phraseWords.has(folded));
      marks.set(word, marked);
    }
    return marked;
  };
}

/** True when the word at `k` follows a negating word ("no", "sin", "non"; stop words between). */
function negatedAt(words: readonly { text: string }[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const folded = fold((words[j] as { text: string }).text);
    if (isNegator(folded)) return !isNegator(fold((words[k] as { text: string }).text));
    if (!isStopWord(folded)) return false;
  }
  return false;
}

/**
 * The query's phrases for proximity: each taxonomy phrase of two or more words, and each two words
 * next to each other outside them (stop words aside); never a negated word. The word being typed
 * counts as typed so far (a title has it whole or not).
 */
function proximityPhrases(
  words: readonly { text: string }[],
  spans: readonly QuerySpan[],
): ProximityPhrase[] {
  const folded = words.map((w) => fold(w.text.toLowerCase()));
  const usable = (k: number) =>
    !isStopWord(folded[k] as string) && !negatedAt(words, k) && !isNegator(folded[k] as string);
  const stems = (k: number) => queryVariants((words[k] as { text: string }).text.toLowerCase());
  const spanOf = (k: number) => spans.find((s) => s.start <= k && k < s.end);
  const out: ProximityPhrase[] = [];
  for (const span of spans) {
    const inside: number[] = [];
    for (let k = span.start; k < span.end; k++) if (!isStopWord(folded[k] as string)) inside.push(k);
    if (inside.length < 2 || !inside.every(usable)) continue;
    out.push({ words: inside.map(stems), ...(span.named ? { named: span.named } : {}) });
  }
  const free = words.map((_, k) => k).filter((k) => !isStopWord(folded[k] as string));
  for (let j = 0; j + 1 < free.length; j++) {
    const a = free[j] as number;
    const b = free[j + 1] as number;
    if (spanOf(a) || spanOf(b) || !usable(a) || !usable(b)) continue;
    out.push({ words: [stems(a), stems(b)] });
  }
  return out;
}

/** True when `terms` has one of each word's stems, in order, next to each other. */
function hasRun(terms: readonly string[], words: readonly (readonly string[])[]): boolean {
  for (let i = 0; i + words.length <= terms.length; i++)
    if (words.every((stems, k) => stems.includes(terms[i + k] as string))) return true;
  return false;
}

/** A query as run: what ranks (`positive`), the fallback with some words, and what is excluded. */
interface BuiltQuery {
  positive?: QueryNode;
  relaxed?: QueryNode;
  negative?: QueryNode;
  /** False when every word searched is weak. */
  strong: boolean;
  /** The weak words, as typed. */
  weak: string[];
  /** The query's phrases, for the proximity factor. */
  phrases: ProximityPhrase[];
}

/**
 * A run of query words a title may have next to each other: each word's stems (English and
 * Spanish), and for a taxonomy phrase its field tokens (a title naming the topic in any language).
 */
interface ProximityPhrase {
  words: string[][];
  named?: string[];
}

/** A weak word's query: it does not count as a term matched. */
function uncounted(node: QueryNode): QueryNode {
  if (node.kind === 'term') return { ...node, counted: false };
  if (node.kind === 'andNot') return { ...node, include: uncounted(node.include) };
  return { ...node, queries: node.queries.map(uncounted) };
}

/** One query's typo lookups: how many were made, and how many words went without for the budget. */
interface FuzzyBudget {
  lookups: number;
  skipped: number;
  readonly bounds: QueryBounds;
}

/** True when a typo lookup of this (folded) word is allowed, and then counted against the budget. */
function spendTypoLookup(budget: FuzzyBudget, folded: string): boolean {
  if (folded.length > budget.bounds.maxFuzzyWordChars) return false;
  if (budget.lookups >= budget.bounds.maxFuzzyWords) {
    budget.skipped += 1;
    return false;
  }
  budget.lookups += 1;
  return true;
}

const exactTerm = (term: string): TermQuery => ({ kind: 'term', term, fuzzy: 0, prefix: false });

/** The first term of a query (what a word's stems count as in the coordination factor). */
function firstTerm(node: QueryNode): string | undefined {
  if (node.kind === 'term') return node.countsAs ?? node.term;
  if (node.kind === 'andNot') return firstTerm(node.include);
  return node.queries.length > 0 ? firstTerm(node.queries[0] as QueryNode) : undefined;
}

/** The same query, its terms counting as one (`token`) in the coordination factor. */
function countedAs(node: QueryNode, token: string | undefined): QueryNode {
  if (!token) return node;
  if (node.kind === 'term') {
    // Field by field (a spread here was a hot spot of building a query): every field of TermQuery.
    const out: TermQuery = { kind: 'term', term: node.term, fuzzy: node.fuzzy, prefix: node.prefix };
    if (node.counted !== undefined) out.counted = node.counted;
    out.countsAs = token;
    return out;
  }
  if (node.kind === 'andNot') return { ...node, include: countedAs(node.include, token) };
  return { ...node, queries: node.queries.map((q) => countedAs(q, token)) };
}
