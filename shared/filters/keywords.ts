import type { Resource } from '../domain/resource.js';
import { fold, isStopWord, queryVariants } from '../search/analysis.js';
import { parseQuery } from '../search/query.js';
import { resourceTerms } from '../search/resource-terms.js';
import { containsPhrase, foldedWords } from '../search/snippet.js';
import { expandQuery, wholePhraseTokens } from '../search/vocabulary.js';
import { matchesFilter, type ResourceFilter } from './filter.js';

/**
 * Keyword follows and subscriptions: a resource matches `"cash transfers" -pilot` when a search
 * for the same words would find it among its full matches. The same analysis as the search index
 * (resource-terms.ts, stems in English and Spanish, accents folded), the same units (a run of
 * words the taxonomy knows also matches the resources tagged with its topic or country: "cash
 * transfers" finds "transferencias monetarias condicionadas"), the same phrase and exclusion rules.
 * Unlike a search, nothing is forgiven: no typo tolerance and no prefixes, since a follow is read
 * once and then matched for months (the preview shows a member what it finds before they keep it).
 */

/** One word: any of its stems. */
type Word = string[];

interface Unit {
  /** Tag tokens (`#t:`, `#c:`) that match the unit alone. */
  tokens: string[];
  /** Else every word must be present... */
  words: Word[];
  /** ...and, for a quoted phrase, in this order in the title and summary. */
  phrase?: string[];
}

export interface CompiledKeywords {
  units: Unit[];
  /** A resource with every word of any of these is left out. */
  excluded: Word[][];
}

function word(text: string): Word | undefined {
  const folded = fold(text);
  if (isStopWord(folded) || (folded.length < 2 && !/\d/.test(folded))) return undefined;
  return queryVariants(text);
}

const wordsOf = (texts: readonly string[]): Word[] => texts.map(word).filter((w) => w !== undefined);

/** Keywords in the query language, compiled once (a follow's are compiled once per run). */
export function compileKeywords(text: string): CompiledKeywords {
  let out = COMPILED.get(text);
  if (!out) {
    if (COMPILED.size >= COMPILED_MAX) COMPILED.clear();
    out = compile(text);
    COMPILED.set(text, out);
  }
  return out;
}

/**
 * Compiled keywords, kept per process: the follows' and subscriptions' words change rarely, so a
 * warm container or the local stack compiles each text once, not once per run (compiling is the
 * taxonomy's phrase scan, about 50 µs a text). Bounded; the compiled form is never changed.
 */
const COMPILED = new Map<string, CompiledKeywords>();
const COMPILED_MAX = 20_000;

function compile(text: string): CompiledKeywords {
  // Dates play no part in keywords; any fixed instant will do.
  const parsed = parseQuery(text, new Date(0));
  const units: Unit[] = [];
  const free = parsed.words.map((w) => w.text);
  const spans = expandQuery(parsed.words);
  let i = 0;
  while (i < free.length) {
    const span = spans.find((s) => s.start === i);
    if (span) {
      units.push({ tokens: span.tokens, words: wordsOf(free.slice(span.start, span.end)) });
      i = span.end;
      continue;
    }
    const one = word(free[i]!);
    if (one) units.push({ tokens: [], words: [one] });
    i += 1;
  }
  for (const phrase of parsed.phrases) {
    const words = wordsOf(phrase);
    if (words.length > 0) units.push({ tokens: wholePhraseTokens(phrase), words, phrase });
  }
  const excluded = parsed.excluded.map(wordsOf).filter((group) => group.length > 0);
  return { units, excluded };
}

/** True when keywords can match anything at all (not only stop words). */
export const isMeaningful = (compiled: CompiledKeywords) =>
  compiled.units.length > 0 || compiled.excluded.length > 0;

interface AnalysedResource {
  terms: Set<string>;
  /** Folded words of the title and summary, for phrases; made when a phrase first needs them. */
  text?: string[];
}

/**
 * The search index, as keyword matching uses it: the cycle refreshes it right before announcements
 * and digests, so it already holds every new resource's analysed terms (SearchIndex implements it).
 */
export interface KeywordIndex {
  /** The document number of a resource, when the index holds it. */
  docNumber(id: string): number | undefined;
  /** The documents keywords match, exactly as `KeywordMatcher.matches` reads them. */
  keywordMatches(keywords: string): ReadonlySet<number>;
}

/**
 * Matches resources against keywords (a matcher lives for one announcement or digest run). With
 * the search index, a resource it holds is looked up there: one query per distinct keyword text,
 * no analysis. A resource the index does not hold (ingested after it was built) is analysed here,
 * once however many follows ask; both give the same answer (keywords.test.ts).
 */
export class KeywordMatcher {
  private readonly analysed = new Map<string, AnalysedResource>();

  constructor(
    private readonly partnerNames: ReadonlyMap<string, string> = new Map(),
    private readonly index?: KeywordIndex,
  ) {}

  /**
   * The resources among `resources` that keywords match, when the index answers for every one of
   * them (the announcement run files a keyword-only follow under these); undefined otherwise.
   */
  matchingAmong(keywords: string, resources: readonly Resource[]): Resource[] | undefined {
    const byDoc = this.documentsOf(resources);
    if (!byDoc) return undefined;
    const out: Resource[] = [];
    for (const n of this.indexed(keywords)) {
      const resource = byDoc.get(n);
      if (resource) out.push(resource);
    }
    return out;
  }

  /** A run's resources by document number (made once per run), or undefined when one is not indexed. */
  private documentsOf(resources: readonly Resource[]): Map<number, Resource> | undefined {
    if (!this.index) return undefined;
    if (this.runDocs?.resources === resources) return this.runDocs.byDoc;
    let byDoc: Map<number, Resource> | undefined = new Map();
    for (const resource of resources) {
      const n = this.index.docNumber(resource.id);
      if (n === undefined) {
        byDoc = undefined;
        break;
      }
      byDoc.set(n, resource);
    }
    this.runDocs = { resources, byDoc };
    return byDoc;
  }

  private runDocs: { resources: readonly Resource[]; byDoc: Map<number, Resource> | undefined } | undefined;

  /** One index query per distinct text in this run. */
  private readonly queried = new Map<string, ReadonlySet<number>>();

  private indexed(keywords: string): ReadonlySet<number> {
    let out = this.queried.get(keywords);
    if (!out) {
      out = this.index!.keywordMatches(keywords);
      this.queried.set(keywords, out);
    }
    return out;
  }

  compile(text: string): CompiledKeywords {
    return compileKeywords(text);
  }

  matches(resource: Resource, keywords: string | CompiledKeywords): boolean {
    if (this.index && typeof keywords === 'string') {
      const n = this.index.docNumber(resource.id);
      if (n !== undefined) return this.indexed(keywords).has(n);
    }
    const { units, excluded } = typeof keywords === 'string' ? this.compile(keywords) : keywords;
    const analysed = this.analyse(resource);
    const terms = analysed.terms;
    // Plain loops and no closures: this runs once per (resource, keyword follow) pair of a run, and
    // the closures cost more than the set lookups they wrapped (keywords.bench.ts).
    for (const unit of units) {
      if (hasAny(terms, unit.tokens)) continue;
      if (!hasEvery(terms, unit.words)) return false;
      if (unit.phrase) {
        analysed.text ??= foldedWords(`${resource.title} ${resource.summary ?? ''}`);
        if (!containsPhrase(analysed.text, unit.phrase)) return false;
      }
    }
    for (const group of excluded) if (hasEvery(terms, group)) return false;
    return true;
  }

  /** The resource asked about last: the announcement run asks about one resource for every follow in turn. */
  private last: { resource: Resource; analysed: AnalysedResource } | undefined;

  private analyse(resource: Resource): AnalysedResource {
    if (this.last?.resource === resource) return this.last.analysed;
    let out = this.analysed.get(resource.id);
    if (!out) {
      const terms = new Set<string>();
      for (const field of resourceTerms(resource, this.partnerNames))
        for (const term of field) terms.add(term);
      out = { terms };
      this.analysed.set(resource.id, out);
    }
    this.last = { resource, analysed: out };
    return out;
  }
}

/** True when the resource has any of these terms (a word's stems, a unit's tag tokens). */
function hasAny(terms: ReadonlySet<string>, values: readonly string[]): boolean {
  for (const value of values) if (terms.has(value)) return true;
  return false;
}

/** True when the resource has every word (each by any of its stems). */
function hasEvery(terms: ReadonlySet<string>, words: readonly Word[]): boolean {
  for (const word of words) if (!hasAny(terms, word)) return false;
  return true;
}

/** The whole filter: its ids and dates (`matchesFilter`), then its keywords. */
export function matchesResource(
  resource: Resource,
  filter: ResourceFilter,
  keywords: KeywordMatcher,
): boolean {
  return matchesFilter(resource, filter) && (!filter.keywords || keywords.matches(resource, filter.keywords));
}
