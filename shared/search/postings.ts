import SearchableMap from 'minisearch/SearchableMap';
import { isNegatedForm } from './analysis.js';
import { ARENA_MIN_BYTES, Arena, float64s, int32s, uint32s } from './arena.js';

/**
 * The inverted index behind search, in typed arrays: for each term, the documents that have it
 * (ascending) and, packed in one 32-bit word per document, how often it occurs in each field.
 * Scoring is MiniSearch's BM25+ (same parameters, same weights for prefix and typo matches), but
 * over flat arrays with no per-match objects, so a common word matching most of 100,000 resources
 * costs a loop, not 100,000 allocations. MiniSearch's radix tree (`SearchableMap`) is the term
 * dictionary for typo and prefix lookups; it is built on the first such lookup.
 */

/** Bits per field in a packed term frequency: frequencies saturate at 63 (BM25 has long flattened). */
export const TF_BITS = 6;
export const TF_MAX = (1 << TF_BITS) - 1;
/** Fields a packed word can hold. */
export const MAX_FIELDS = Math.floor(32 / TF_BITS);

/** MiniSearch's defaults: BM25+ parameters and the weights of prefix and fuzzy matches. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A prefix that would expand to more terms than this keeps the most frequent ones. */
export const MAX_PREFIX_TERMS = 64;

const EMPTY_DOCS = new Uint32Array(0);

/**
 * Arena bytes kept per document (240 kB at 10,000 resources): enough for most searches' match
 * lists, and within issue 19's memory budget once publication times were kept as numbers.
 */
const ARENA_BYTES_PER_DOCUMENT = 24;

/**
 * BM25+'s term-frequency part for a field: `d + tf × (k + 1) / (tf + k × norm)`, the norm from the
 * field's length against the average (b = 0: no normalisation). Every score computes it here or
 * reads it from `Postings`' table, which holds this function's values: the same floats either way.
 */
function tfPart(tf: number, length: number, average: number, b: number): number {
  const { k, d } = BM25;
  const norm = 1 - b + (b * length) / average;
  return d + (tf * (k + 1)) / (tf + k * norm);
}

/** The table of `tfPart` covers these frequencies (0 to 3: almost every posting's)… */
const TABLE_TFS = 4;
/** …and field lengths up to this (longer fields are computed). */
const TABLE_MAX_LENGTH = 1024;

export interface PostingsData {
  fields: number;
  documents: number;
  terms: string[];
  /** Postings of term t: `start[t]` to `start[t + 1]`. */
  start: Uint32Array;
  docs: Uint32Array;
  /** Per posting, each field's term frequency in TF_BITS bits (field f at bit f × TF_BITS). */
  tfs: Uint32Array;
  /** Per term and field: how many documents have the term in that field. */
  df: Uint32Array;
  /** Per document and field: the number of distinct terms (MiniSearch's field length). */
  fieldLength: Uint16Array;
}

export class PostingsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly docLists: number[][] = [];
  private readonly tfLists: number[][] = [];
  private readonly lengths: number[] = [];
  private documents = 0;

  constructor(private readonly fields: number) {
    if (fields > MAX_FIELDS) throw new Error(`At most ${MAX_FIELDS} fields`);
  }

  /** Adds the next document (ids are consecutive from 0): its terms per field, in field order. */
  add(fieldTerms: readonly (readonly string[])[]): number {
    const doc = this.documents++;
    const packed = new Map<number, number>();
    for (let f = 0; f < this.fields; f++) {
      const terms = fieldTerms[f] ?? [];
      const distinct = new Set(terms);
      this.lengths.push(Math.min(distinct.size, 0xffff));
      const shift = f * TF_BITS;
      for (const term of terms) {
        let t = this.termIds.get(term);
        if (t === undefined) {
          t = this.terms.length;
          this.termIds.set(term, t);
          this.terms.push(term);
          this.docLists.push([]);
          this.tfLists.push([]);
        }
        const word = packed.get(t) ?? 0;
        const tf = (word >>> shift) & TF_MAX;
        if (tf < TF_MAX) packed.set(t, word + (1 << shift));
        else if (!packed.has(t)) packed.set(t, word);
      }
    }
    for (const [t, word] of packed) {
      (this.docLists[t] as number[]).push(doc);
      (this.tfLists[t] as number[]).push(word >>> 0);
    }
    return doc;
  }

  finish(): PostingsData {
    const { fields } = this;
    const start = new Uint32Array(this.terms.length + 1);
    let total = 0;
    for (let t = 0; t < this.terms.length; t++) {
      start[t] = total;
      total += (this.docLists[t] as number[]).length;
    }
    start[this.terms.length] = total;
    const docs = new Uint32Array(total);
    const tfs = new Uint32Array(total);
    const df = new Uint32Array(this.terms.length * fields);
    for (let t = 0; t < this.terms.length; t++) {
      const list = this.docLists[t] as number[];
      const words = this.tfLists[t] as number[];
      const at = start[t] as number;
      for (let k = 0; k < list.length; k++) {
        docs[at + k] = list[k] as number;
        const word = words[k] as number;
        tfs[at + k] = word;
        for (let f = 0; f < fields; f++) if ((word >>> (f * TF_BITS)) & TF_MAX) df[t * fields + f]! += 1;
      }
    }
    return {
      fields,
      documents: this.documents,
      terms: this.terms,
      start,
      docs,
      tfs,
      df,
      fieldLength: Uint16Array.from(this.lengths),
    };
  }
}

/** A term of a query: exact, or also its typo variants (up to `fuzzy` edits) and words it starts. */
export interface TermQuery {
  kind: 'term';
  term: string;
  fuzzy: number;
  prefix: boolean;
  /**
   * False for a weak term (one most of the library has): it adds its score but does not count as a
   * term matched in the coordination factor.
   */
  counted?: boolean;
  /**
   * The query term this one counts as in MiniSearch's coordination factor (default: itself), so
   * that a booster for a refinement of a term does not count as one more term matched.
   */
  countsAs?: string;
}
export interface GroupQuery {
  kind: 'and' | 'or';
  queries: QueryNode[];
  /** Multiplies the scores of everything inside (expansions weigh less than the words typed). */
  weight?: number;
  /** OR only: alternatives that add to the score of what the others match, but match nothing alone. */
  boosters?: QueryNode[];
  /**
   * OR only: rivals of its first query, scored within what the OR matched: a document scores the
   * best of the first query and its rivals (the words typed, or a topic's names in another
   * language), the first query's score being replaced when a rival's is higher.
   */
  rivals?: QueryNode[];
  /** Field boosts inside this group, in place of the query's. */
  boost?: readonly number[];
  /**
   * AND only, of words (terms, or ORs of a word's stems), run within candidates: a document matches
   * only where every word occurs in one same field, and scores those fields alone. A topic's name is
   * found in a title, not one of its words in the title and the others in the tags every resource of
   * the topic has.
   */
  sameField?: boolean;
}
export interface AndNotQuery {
  kind: 'andNot';
  include: QueryNode;
  exclude: QueryNode;
}
export type QueryNode = TermQuery | GroupQuery | AndNotQuery;

/**
 * Matches: document ids ascending, with their scores and which of the query's terms each matched
 * (bit i for the i-th distinct term, modulo 31; bit 31 for uncounted terms), for MiniSearch's
 * coordination factor.
 */
export interface Matches {
  ids: Uint32Array;
  scores: Float64Array;
  terms: Uint32Array;
  /** When explaining: per match, the parts its score is the sum of. */
  parts?: ScorePart[][];
}

/** One index term's contribution, in one field, to a document's score (before coordination and recency). */
export interface ScorePart {
  /** The index term matched (a typo or prefix variant of the query's term, or the term itself). */
  term: string;
  /** The query term it was reached from. */
  queryTerm: string;
  /** The field's number (in the order the index was built with). */
  field: number;
  score: number;
}

/** The bit of the terms that do not count in the coordination factor (weak terms). */
const UNCOUNTED_BIT = 1 << 31;

const EMPTY: Matches = { ids: new Uint32Array(0), scores: new Float64Array(0), terms: new Uint32Array(0) };

/** How many of the query's distinct terms a match has: MiniSearch multiplies its score by this. */
export function termCount(mask: number): number {
  const counted = mask & ~UNCOUNTED_BIT;
  let m = counted - ((counted >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export interface ScoringOptions {
  /** Field boosts, in field order. */
  boost: readonly number[];
  /** Extra weight of a term (the taxonomy's tokens). */
  termBoost: (term: string) => number;
  /**
   * True for a term scored without length normalisation (BM25's b = 0): a tag a resource has or
   * has not, whose weight should not grow because the resource has fewer other tags.
   */
  unnormalised?: (term: string) => boolean;
  /** Collects the index terms the query reached (typo and prefix variants included), for marking. */
  reached?: Set<string>;
  /** Index terms one typo lookup may reach: the closest, then the most frequent, are kept. */
  maxFuzzyTerms?: number;
  /** Expansions shared by the runs of one search (its full and relaxed queries look a term up once). */
  expansions?: Map<TermQuery, [number, number][]>;
  /** Keeps each match's score parts (`Matches.parts`): for explaining a page, never for ranking a library. */
  explain?: boolean;
}

/**
 * Field boosts under which `scoreTerm` also scores its matches, and where it puts those scores
 * (in match order): a topic's typed words are scored once for the query's boosts and the tags'.
 */
export interface SecondScoring {
  boost: readonly number[];
  scores?: Float64Array;
}

export class Postings {
  private readonly termIds: Map<string, number>;
  private dictionary: SearchableMap<number> | undefined;
  private readonly avgLength: Float64Array;
  /** Scratch accumulator for unions, one slot per document, zero between uses. */
  private readonly scratch: Float64Array;
  /** Scratch term masks for unions (non-zero marks a document seen: every match has a term bit). */
  private readonly seen: Uint32Array;
  /**
   * `tfPart` of the library's fields, computed once: field f, length l, frequency tf at
   * `partStart[f] + l × TABLE_TFS + tf`, for lengths below `partLengths[f]` and tf below
   * TABLE_TFS; b = 0 (no length norm) at `flatStart[f] + tf`. A few kB: lengths stop at the
   * longest field the library has.
   */
  private readonly parts: Float64Array;
  private readonly partStart: Uint32Array;
  private readonly partLengths: Uint32Array;
  private readonly flatStart: Uint32Array;
  /**
   * Where a search's match lists are cut from (`searching`): ARENA_BYTES_PER_DOCUMENT kept between
   * searches (32 kB at least). A search at 10,000 resources cuts 50-860 kB (median 220 kB, 90 % under
   * 420 kB); what it needs past the kept buffers is made for it and let go, which in back-to-back
   * searches costs a quarter of their time (fresh buffers and the collections they bring).
   */
  private readonly arena: Arena;

  constructor(readonly data: PostingsData) {
    this.termIds = new Map(data.terms.map((t, i) => [t, i]));
    const { fields, documents, fieldLength } = data;
    this.avgLength = new Float64Array(fields);
    const longest = new Uint32Array(fields);
    for (let d = 0; d < documents; d++)
      for (let f = 0; f < fields; f++) {
        const length = fieldLength[d * fields + f] as number;
        this.avgLength[f]! += length;
        if (length > (longest[f] as number)) longest[f] = length;
      }
    for (let f = 0; f < fields; f++) this.avgLength[f] = documents ? this.avgLength[f]! / documents : 0;
    this.scratch = new Float64Array(documents);
    this.seen = new Uint32Array(documents);
    this.arena = new Arena(Math.max(ARENA_MIN_BYTES, documents * ARENA_BYTES_PER_DOCUMENT));
    this.partLengths = longest.map((l) => Math.min(l, TABLE_MAX_LENGTH) + 1);
    this.partStart = new Uint32Array(fields);
    this.flatStart = new Uint32Array(fields);
    let size = 0;
    for (let f = 0; f < fields; f++) {
      this.partStart[f] = size;
      size += (this.partLengths[f] as number) * TABLE_TFS;
      this.flatStart[f] = size;
      size += TABLE_TFS;
    }
    this.parts = new Float64Array(size);
    for (let f = 0; f < fields; f++) {
      const average = this.avgLength[f] as number;
      for (let tf = 0; tf < TABLE_TFS; tf++) {
        for (let l = 0; l < (this.partLengths[f] as number); l++)
          this.parts[(this.partStart[f] as number) + l * TABLE_TFS + tf] = tfPart(tf, l, average, BM25.b);
        this.parts[(this.flatStart[f] as number) + tf] = tfPart(tf, 0, average, 0);
      }
    }
  }

  /**
   * Runs one search: the match lists its runs make are cut from buffers reused by the next search,
   * so they must not outlive `work`.
   */
  searching<T>(work: () => T): T {
    return this.arena.during(work);
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** True when some index term starts with this one (or is it). */
  hasPrefix(prefix: string): boolean {
    if (this.termIds.has(prefix)) return true;
    for (const _ of this.radix().atPrefix(prefix).keys()) return true;
    return false;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** The documents that have a term (ascending), without scores: for membership tests. */
  termDocs(term: string): Uint32Array {
    const t = this.termIds.get(term);
    if (t === undefined) return EMPTY_DOCS;
    return this.data.docs.subarray(this.data.start[t], this.data.start[t + 1]);
  }

  postingCount(t: number): number {
    return (this.data.start[t + 1] as number) - (this.data.start[t] as number);
  }

  /** How many documents have the term (in any field). */
  frequency(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.postingCount(t);
  }

  private radix(): SearchableMap<number> {
    if (!this.dictionary) {
      const map = new SearchableMap<number>();
      this.data.terms.forEach((term, t) => {
        map.set(term, t);
      });
      this.dictionary = map;
    }
    return this.dictionary;
  }

  /** The index terms a term query reaches, with their weights (1 for the term itself). */
  expand(query: TermQuery, maxFuzzyTerms = Number.POSITIVE_INFINITY): Map<string, number> {
    const out = new Map<string, number>();
    if (this.termIds.has(query.term)) out.set(query.term, 1);
    if (query.prefix) {
      const found: [string, number][] = [];
      for (const [term] of this.radix().atPrefix(query.term)) {
        if (term.length === query.term.length) continue;
        found.push([term, this.frequency(term)]);
      }
      if (found.length > MAX_PREFIX_TERMS)
        found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).length = MAX_PREFIX_TERMS;
      for (const [term] of found) {
        const distance = term.length - query.term.length;
        out.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (query.fuzzy > 0) {
      const found: [string, number, number][] = [];
      for (const [term, [, distance]] of this.radix().fuzzyGet(query.term, query.fuzzy)) {
        if (distance === 0 || out.has(term) || isNegatedForm(term, query.term)) continue;
        found.push([term, distance, this.frequency(term)]);
      }
      if (found.length > maxFuzzyTerms)
        found.sort((a, b) => a[1] - b[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : 1)).length = maxFuzzyTerms;
      for (const [term, distance] of found)
        out.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
    }
    return out;
  }

  /**
   * Runs a query: every matching document with its score; only the candidates (ascending), when
   * given, each scored as in a run over the whole library.
   */
  run(node: QueryNode, options: ScoringOptions, within?: Uint32Array): Matches {
    return new Run(this, options).all(node, 1, within);
  }

  /** The postings of term t, scored (BM25+ per field, summed, times the weight): MiniSearch's `termResults`. */
  scoreTerm(
    t: number,
    weight: number,
    boost: readonly number[],
    within: Uint32Array | undefined,
    bit: number,
    /** When explaining: the query term, and the parts of each match in order. */
    trace?: { queryTerm: string; parts: ScorePart[][] },
    /** No length normalisation (b = 0). */
    flat = false,
    /** Also scores each match under other boosts (not when explaining). */
    second?: SecondScoring,
  ): Matches {
    const { start, docs, tfs, fieldLength, fields } = this.data;
    const from = start[t] as number;
    const to = start[t + 1] as number;
    const idf = this.idf(t, boost);
    const b = flat ? 0 : BM25.b;
    const { parts, avgLength, partLengths } = this;
    const partStart = flat ? this.flatStart : this.partStart;
    // Without a length norm every length reads the same row.
    const stride = flat ? 0 : TABLE_TFS;
    // Past the table's lengths (none without a length norm), tfPart is computed: the same float.
    const lengths = flat ? FLAT_LENGTHS : partLengths;
    // Only the candidates: at most as many matches as the shorter list.
    const size = within ? Math.min(within.length, to - from) : to - from;
    const ids = within ? uint32s(size, false) : docs.subarray(from, to);
    const scores = float64s(size, false);
    // Under the second boosts (the IDFs carry them), in the same pass: each field's tfPart serves both.
    const idf2 = second && !trace ? this.idf(t, second.boost) : idf;
    const seconds = second && !trace ? float64s(size, false) : undefined;
    // The fields that have the term and weigh (a field boosted 0 adds 0), in field order.
    const weighed = weighedFields(idf);
    const weighed2 = seconds ? weighedFields(idf2) : 0;
    const either = weighed | weighed2;
    // Posting p's score (and second score) into match n.
    // Without a length norm a posting's scores follow from its packed frequencies alone: a tag's
    // postings (nearly all alike) reuse the last ones computed, the same floats.
    let lastWord = -1;
    let lastScore = 0;
    let lastSecond = 0;
    const scoreInto = (p: number, n: number): void => {
      const word = tfs[p] as number;
      if (flat && word === lastWord) {
        scores[n] = lastScore;
        if (seconds) seconds[n] = lastSecond;
        return;
      }
      const doc = docs[p] as number;
      let sum = 0;
      let sum2 = 0;
      for (let rest = nonZeroFields(word) & either; rest !== 0; rest &= rest - 1) {
        const low = rest & -rest;
        const shift = 31 - Math.clz32(low);
        const f = FIELD_AT[shift] as number;
        const tf = (word >>> shift) & TF_MAX;
        const length = fieldLength[doc * fields + f] as number;
        const x =
          tf < TABLE_TFS && length < (lengths[f] as number)
            ? (parts[(partStart[f] as number) + length * stride + tf] as number)
            : tfPart(tf, length, avgLength[f] as number, b);
        if ((low & weighed) !== 0) sum += (idf[f] as number) * x;
        if ((low & weighed2) !== 0) sum2 += (idf2[f] as number) * x;
      }
      scores[n] = sum * weight;
      if (seconds) seconds[n] = sum2 * weight;
      if (flat) {
        lastWord = word;
        lastScore = sum * weight;
        lastSecond = sum2 * weight;
      }
    };
    // Explaining: the same sum, field by field (a page's documents only, so the ranking's loop stays as it is).
    const tracedInto = (p: number, n: number): void => {
      const doc = docs[p] as number;
      const word = tfs[p] as number;
      const docParts: ScorePart[] = [];
      let sum = 0;
      for (let f = 0; f < fields; f++) {
        const tf = (word >>> (f * TF_BITS)) & TF_MAX;
        if (tf === 0) continue;
        const length = fieldLength[doc * fields + f] as number;
        const x =
          (idf[f] as number) *
          (tf < TABLE_TFS && length < (lengths[f] as number)
            ? (parts[(partStart[f] as number) + length * stride + tf] as number)
            : tfPart(tf, length, avgLength[f] as number, b));
        sum += x;
        docParts.push({
          term: this.data.terms[t] as string,
          queryTerm: trace?.queryTerm ?? '',
          field: f,
          score: x * weight,
        });
      }
      trace?.parts.push(docParts);
      scores[n] = sum * weight;
    };
    const into = trace ? tracedInto : scoreInto;
    let n = 0;
    if (!within) {
      for (let p = from; p < to; p++) into(p, n++);
    } else {
      // A merge of the two lists, each side skipping ahead (galloping) past what the other lacks.
      const count = within.length;
      let i = 0;
      let p = from;
      while (i < count && p < to) {
        const candidate = within[i] as number;
        const doc = docs[p] as number;
        if (candidate === doc) {
          ids[n] = doc;
          into(p, n++);
          i += 1;
          p += 1;
        } else if (candidate < doc) i = seek(within, doc, i + 1, count);
        else p = seek(docs, candidate, p + 1, to);
      }
    }
    if (second && seconds) second.scores = n === size ? seconds : seconds.subarray(0, n);
    return {
      ids: n === size ? ids : ids.subarray(0, n),
      scores: n === size ? scores : scores.subarray(0, n),
      terms: uint32s(n, false).fill(bit),
      ...(trace ? { parts: trace.parts } : {}),
    };
  }

  /** Per field, the term's inverse document frequency times the field's boost. */
  private idf(t: number, boost: readonly number[]): Float64Array {
    const { df, fields, documents } = this.data;
    const idf = new Float64Array(fields);
    for (let f = 0; f < fields; f++) {
      const n = df[t * fields + f] as number;
      idf[f] = (boost[f] ?? 1) * Math.log(1 + (documents - n + 0.5) / (n + 0.5));
    }
    return idf;
  }

  /**
   * The candidates (`within`, ascending) that have every word in one same field, each scored on
   * the fields where all the words are (BM25+ as `scoreTerm`). A word is the index terms it reaches
   * (its stems, with their weights); `bit` is what it counts as in the coordination factor.
   */
  scoreTogether(
    given: readonly { terms: readonly [number, number][]; weight: number; bit: number; queryTerm: string }[],
    within: Uint32Array,
    boost: readonly number[],
    explain = false,
  ): Matches {
    const { start, docs, tfs, fieldLength, fields } = this.data;
    const { parts: table, partStart, partLengths } = this;
    // The rarest word first: most candidates are out after one look-up.
    const size = (w: (typeof given)[number]) => w.terms.reduce((sum, [t]) => sum + this.postingCount(t), 0);
    const words = [...given].sort((a, c) => size(a) - size(c));
    const flat = words.flatMap((w) =>
      w.terms.map(([t, weight]) => ({ t, weight: weight * w.weight, idf: this.idf(t, boost), word: w })),
    );
    // Typed arrays filled by loops (`from` with a map function takes V8's slow path).
    const cursor = new Uint32Array(flat.length);
    const ends = new Uint32Array(flat.length);
    const flatWeight = new Float64Array(flat.length);
    const flatBit = new Uint32Array(flat.length);
    const flatIdf = float64s(flat.length * fields, false);
    // Every term's bit: the mask of a candidate that has them all.
    let allBits = 0;
    for (let y = 0; y < flat.length; y++) {
      const { t, weight, idf, word } = flat[y] as (typeof flat)[number];
      cursor[y] = start[t] as number;
      ends[y] = start[t + 1] as number;
      flatWeight[y] = weight;
      flatBit[y] = word.bit;
      allBits |= word.bit;
      flatIdf.set(idf, y * fields);
    }
    // Word w's index terms are flat[wordStart[w]] to flat[wordStart[w + 1]].
    const wordStart = new Uint32Array(words.length + 1);
    for (let w = 0; w < words.length; w++)
      wordStart[w + 1] = (wordStart[w] as number) + (words[w] as (typeof given)[number]).terms.length;
    const allFields = lowBits(fields);
    // A field boosted 0 adds 0 to a score: only the others are scored (all of them when explaining).
    const weighed = explain ? allFields : weighedFields(boost.map((x) => x ?? 1));
    const avgLength = this.avgLength;
    const count = within.length;
    // Term by term, a merge of its postings with the candidates: where each candidate's posting of
    // term y is (at[y × count + i], -1 when it has none), and the fields every word is in so far.
    const at = int32s(flat.length * count, false).fill(-1);
    const together = uint32s(count, false).fill(allFields);
    const present = uint32s(count, false);
    for (let w = 0, y = 0; w < words.length; w++) {
      present.fill(0);
      for (const last = wordStart[w + 1] as number; y < last; y++) {
        const end = ends[y] as number;
        const row = y * count;
        let p = cursor[y] as number;
        let i = 0;
        while (i < count && p < end) {
          const candidate = within[i] as number;
          const doc = docs[p] as number;
          if (candidate === doc) {
            at[row + i] = p;
            present[i] = (present[i] as number) | nonZeroFields(tfs[p] as number);
            i += 1;
            p += 1;
          } else if (candidate < doc) i = seek(within, doc, i + 1, count);
          else p = seek(docs, candidate, p + 1, end);
        }
      }
      for (let i = 0; i < count; i++) together[i] = (together[i] as number) & (present[i] as number);
    }
    // The candidate's row of the tfPart table per field (-1: past the table), and its length.
    const rows = new Int32Array(fields);
    const lengths = new Uint32Array(fields);
    const ids = uint32s(count, false);
    const scores = float64s(count, false);
    const terms = uint32s(count, false);
    const parts: ScorePart[][] | undefined = explain ? [] : undefined;
    // The score of a candidate whose words are together in one weighed field only, each term there
    // once: a sum of the same products in the same order, so a function of the field's table row
    // (its length), kept once computed (NaN: not yet). Most candidates are so: a topic's names
    // are in the tags of every resource tagged with it.
    const once = explain ? undefined : float64s(table.length / TABLE_TFS, false).fill(Number.NaN);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const both = together[i] as number;
      if (both === 0) continue;
      const doc = within[i] as number;
      const only = both & weighed;
      if (once && only !== 0 && (only & (only - 1)) === 0) {
        const shift = 31 - Math.clz32(only);
        const f = FIELD_AT[shift] as number;
        const length = fieldLength[doc * fields + f] as number;
        let each = length < (partLengths[f] as number);
        for (let y = 0; each && y < flat.length; y++) {
          const p = at[y * count + i] as number;
          each = p >= 0 && (((tfs[p] as number) >>> shift) & TF_MAX) === 1;
        }
        if (each) {
          const key = ((partStart[f] as number) + length * TABLE_TFS) / TABLE_TFS;
          let score = once[key] as number;
          if (Number.isNaN(score)) {
            score = 0;
            const x = table[(partStart[f] as number) + length * TABLE_TFS + 1] as number;
            for (let y = 0; y < flat.length; y++)
              score += (flatIdf[y * fields + f] as number) * x * (flatWeight[y] as number);
            once[key] = score;
          }
          ids[n] = doc;
          scores[n] = score;
          terms[n++] = allBits;
          continue;
        }
      }
      for (let rest = both & weighed; rest !== 0; rest &= rest - 1) {
        const f = FIELD_AT[31 - Math.clz32(rest & -rest)] as number;
        const length = fieldLength[doc * fields + f] as number;
        lengths[f] = length;
        rows[f] = length < (partLengths[f] as number) ? (partStart[f] as number) + length * TABLE_TFS : -1;
      }
      let score = 0;
      let mask = 0;
      const docParts: ScorePart[] | undefined = parts ? [] : undefined;
      for (let y = 0; y < flat.length; y++) {
        const p = at[y * count + i] as number;
        if (p < 0) continue;
        const weight = flatWeight[y] as number;
        const tfWord = tfs[p] as number;
        // The fields shared by every word where this term is, in field order (lowest bit first).
        for (let rest = both & nonZeroFields(tfWord) & weighed; rest !== 0; rest &= rest - 1) {
          const shift = 31 - Math.clz32(rest & -rest);
          const f = FIELD_AT[shift] as number;
          const tf = (tfWord >>> shift) & TF_MAX;
          const row = rows[f] as number;
          const x =
            tf < TABLE_TFS && row >= 0
              ? (table[row + tf] as number)
              : tfPart(tf, lengths[f] as number, avgLength[f] as number, BM25.b);
          const part = (flatIdf[y * fields + f] as number) * x * weight;
          score += part;
          if (docParts)
            docParts.push({
              term: this.data.terms[flat[y]!.t] as string,
              queryTerm: flat[y]!.word.queryTerm,
              field: f,
              score: part,
            });
        }
        mask |= flatBit[y] as number;
      }
      ids[n] = doc;
      scores[n] = score;
      terms[n++] = mask;
      if (docParts) parts?.push(docParts);
    }
    return {
      ids: ids.subarray(0, n),
      scores: scores.subarray(0, n),
      terms: terms.subarray(0, n),
      ...(parts ? { parts } : {}),
    };
  }

  /** The union of sorted matches, scores summed (or the best score kept, with its parts). */
  union(parts: readonly Matches[], best = false): Matches {
    const nonEmpty = parts.filter((p) => p.ids.length > 0);
    if (nonEmpty.length === 0) return EMPTY;
    if (nonEmpty.length === 1) return nonEmpty[0] as Matches;
    const traced = nonEmpty.some((p) => p.parts) ? new Map<number, ScorePart[]>() : undefined;
    // Two or three lists (a word's stems, a topic's alternatives): merged in order, the same sums.
    if (!traced && nonEmpty.length <= 3) return nonEmpty.reduce((a, b) => unionOfTwo(a, b, best));
    const { scratch, seen } = this;
    const touched: number[] = [];
    for (const { ids, scores, terms, parts } of nonEmpty) {
      for (let i = 0; i < ids.length; i++) {
        const doc = ids[i] as number;
        const score = scores[i] as number;
        if (best) {
          if (seen[doc] !== 0 && score <= (scratch[doc] as number)) {
            seen[doc] = (seen[doc] as number) | (terms[i] as number);
            continue;
          }
          scratch[doc] = score;
          traced?.set(doc, parts?.[i] ?? []);
        } else {
          scratch[doc]! += score;
          if (traced) traced.set(doc, [...(traced.get(doc) ?? []), ...(parts?.[i] ?? [])]);
        }
        if (seen[doc] === 0) touched.push(doc);
        seen[doc] = (seen[doc] as number) | (terms[i] as number);
      }
    }
    const count = touched.length;
    const ids = uint32s(count, false);
    const scores = float64s(count, false);
    const terms = uint32s(count, false);
    if (count * 16 < seen.length) {
      // Few: sort them.
      ids.set(touched);
      ids.sort();
      for (let i = 0; i < count; i++) {
        const doc = ids[i] as number;
        scores[i] = scratch[doc] as number;
        terms[i] = seen[doc] as number;
        scratch[doc] = 0;
        seen[doc] = 0;
      }
    } else {
      // Many: one pass over every document is cheaper than sorting, and comes out in order.
      let i = 0;
      for (let doc = 0; doc < seen.length; doc++) {
        if (seen[doc] === 0) continue;
        ids[i] = doc;
        terms[i] = seen[doc] as number;
        scores[i++] = scratch[doc] as number;
        scratch[doc] = 0;
        seen[doc] = 0;
      }
    }
    if (traced) return { ids, scores, terms, parts: [...ids].map((doc) => traced.get(doc) ?? []) };
    return { ids, scores, terms };
  }
}

/**
 * One query's evaluation. An AND starts from its most selective part and scores the others only
 * on the documents still in the running, so a common word costs a seek per candidate, not a pass
 * over its postings; an OR's boosters score only what the OR already matched.
 */
class Run {
  private readonly expansions: Map<TermQuery, [number, number][]>;
  /** Each distinct query term's bit in the match masks. */
  private readonly bits = new Map<string, number>();
  /**
   * Per match list asked for them (`all`'s `secondBoost`), its scores under the second boosts, in
   * match order. Kept beside the lists so that every list keeps one shape.
   */
  private readonly secondScores = new Map<Matches, Float64Array>();
  /**
   * Boosters already scored: one that is an OR's first query under other field boosts
   * (`rescoredFirst`), with the first query's matches and their second scores, the booster's.
   */
  private readonly scoredBoosters = new Map<QueryNode, { matches: Matches; scores: Float64Array }>();

  constructor(
    private readonly postings: Postings,
    private readonly options: ScoringOptions,
  ) {
    this.expansions = options.expansions ?? new Map();
  }

  private expanded(query: TermQuery): [number, number][] {
    let found = this.expansions.get(query);
    if (!found && !query.prefix && query.fuzzy <= 0) {
      // A term matched as typed reaches itself, if the index has it (what `expand` gives it).
      const t = this.postings.termId(query.term);
      found = t === undefined ? [] : [[t, 1]];
      if (t !== undefined) this.options.reached?.add(query.term);
      this.expansions.set(query, found);
    }
    if (!found) {
      const terms = this.postings.expand(query, this.options.maxFuzzyTerms);
      if (this.options.reached) for (const term of terms.keys()) this.options.reached.add(term);
      found = [...terms].map(([term, w]) => [this.postings.termId(term) as number, w]);
      this.expansions.set(query, found);
    }
    return found;
  }

  /** A `sameField` AND: each query is a word (a term, or an OR of its stems). */
  private together(
    queries: readonly QueryNode[],
    weight: number,
    within: Uint32Array,
    boost: readonly number[],
  ): Matches {
    const words = queries.map((q) => {
      const stems =
        q.kind === 'term' ? [q] : q.kind === 'or' ? q.queries.filter((x) => x.kind === 'term') : [];
      const first = stems[0] as TermQuery | undefined;
      const counted = first?.countsAs ?? first?.term ?? '';
      if (first && first.counted !== false && !this.bits.has(counted))
        this.bits.set(counted, 1 << (this.bits.size % 31));
      return {
        terms: stems.flatMap((s) => this.expanded(s)),
        weight: weight * (first ? this.options.termBoost(first.term) : 1),
        bit: first?.counted === false ? UNCOUNTED_BIT : (this.bits.get(counted) ?? 0),
        queryTerm: first?.term ?? '',
      };
    });
    if (words.some((w) => w.terms.length === 0)) return EMPTY;
    return this.postings.scoreTogether(words, within, boost, this.options.explain);
  }

  /** An upper bound of how many documents a query matches, to order an AND. */
  private estimate(node: QueryNode): number {
    if (node.kind === 'term')
      return this.expanded(node).reduce((sum, [t]) => sum + this.postings.postingCount(t), 0);
    if (node.kind === 'andNot') return this.estimate(node.include);
    const sizes = node.queries.map((q) => this.estimate(q));
    return node.kind === 'and' ? Math.min(...sizes) : sizes.reduce((a, b) => a + b, 0);
  }

  /**
   * Every document the query matches (within the candidates, when given), with its score; and,
   * when `secondBoost` is given, its score under those field boosts (`secondScores`) where the
   * query allows both in one pass: a term, a word's stems, an AND of them.
   */
  all(
    node: QueryNode,
    weight: number,
    within?: Uint32Array,
    fieldBoost = this.options.boost,
    secondBoost?: readonly number[],
  ): Matches {
    if (within && within.length === 0) return EMPTY;
    if (node.kind === 'term') {
      const boost = this.options.termBoost(node.term) * weight;
      const counted = node.countsAs ?? node.term;
      if (node.counted !== false && !this.bits.has(counted))
        this.bits.set(counted, 1 << (this.bits.size % 31));
      const bit = node.counted === false ? UNCOUNTED_BIT : (this.bits.get(counted) as number);
      const seconds: SecondScoring[] = [];
      const parts = this.expanded(node).map(([t, w]) => {
        const second = secondBoost && !this.options.explain ? { boost: secondBoost } : undefined;
        if (second) seconds.push(second);
        return this.postings.scoreTerm(
          t,
          w * boost,
          fieldBoost,
          within,
          bit,
          this.options.explain ? { queryTerm: node.term, parts: [] } : undefined,
          this.options.unnormalised?.(node.term) ?? false,
          second,
        );
      });
      const united = parts.length === 1 ? (parts[0] as Matches) : this.postings.union(parts);
      if (seconds.length > 0 && seconds.length === parts.length)
        this.keepSecond(
          united,
          parts,
          seconds.map((second) => second.scores),
          (lists) => this.postings.union(lists).scores,
        );
      return united;
    }
    if (node.kind === 'andNot') {
      const included = this.all(node.include, weight, within, fieldBoost);
      const unmarked = new Run(this.postings, { ...this.options, reached: undefined });
      return merge(included, unmarked.all(node.exclude, 1, included.ids), 'andNot');
    }
    const w = weight * (node.weight ?? 1);
    const fb = node.boost ?? fieldBoost;
    // What this node's boosts replace, they replace under the second boosts too.
    const secondFb = secondBoost && (node.boost ?? secondBoost);
    if (node.queries.length === 0) return EMPTY;
    if (node.kind === 'and' && node.sameField && within) return this.together(node.queries, w, within, fb);
    if (node.kind === 'or') {
      // A word's stems (an OR with no rivals or boosters) are scored under the second boosts too.
      const stems = !node.rivals?.length && !node.boosters?.length;
      // A rival's booster that scores the first query again under other boosts is scored with it.
      const rescored = stems || this.options.explain ? undefined : rescoredFirst(node);
      const matched = node.queries.map((q, i) =>
        this.all(q, w, within, fb, stems ? secondFb : i === 0 ? rescored?.boost : undefined),
      );
      const first = matched[0];
      let base = this.postings.union(matched);
      if (stems) {
        if (secondFb)
          this.keepSecond(
            base,
            matched,
            matched.map((m) => this.secondScores.get(m)),
            (lists) => this.postings.union(lists).scores,
          );
        return base;
      }
      const firstSecond = rescored && first && this.secondScores.get(first);
      // Other ORs pass no second scores on (the union may be their first query's matches).
      this.secondScores.delete(base);
      if (node.rivals && node.rivals.length > 0 && first) {
        if (rescored && firstSecond)
          this.scoredBoosters.set(rescored.booster, { matches: first, scores: firstSecond });
        const rivals = node.rivals.map((q) => this.all(q, w, base.ids, fb));
        if (rescored) this.scoredBoosters.delete(rescored.booster);
        base = promote(base, first, this.postings.union(rivals, true));
      }
      if (!node.boosters || node.boosters.length === 0) return base;
      return addScores(
        base,
        node.boosters.map((q) => {
          const scored = this.scoredBoosters.get(q);
          return scored
            ? matchesWithin(scored.matches, scored.scores, base.ids)
            : this.all(q, w, base.ids, fb);
        }),
      );
    }
    // Each part's estimate once (a comparison would compute both again), the same stable order.
    const ordered =
      node.queries.length < 2
        ? node.queries
        : node.queries
            .map((query) => ({ query, size: this.estimate(query) }))
            .sort((a, b) => a.size - b.size)
            .map((x) => x.query);
    let current = this.all(ordered[0] as QueryNode, w, within, fb, secondFb);
    for (let k = 1; k < ordered.length && current.ids.length > 0; k++) {
      const next = this.all(ordered[k] as QueryNode, w, current.ids, fb, secondFb);
      const both = merge(current, next, 'and');
      if (secondFb)
        this.keepSecond(
          both,
          [current, next],
          [this.secondScores.get(current), this.secondScores.get(next)],
          ([a, b]) => bothScores(a as Matches, b as Matches),
        );
      current = both;
    }
    return current;
  }

  /**
   * Keeps the second scores of `combined`, made of `lists` by `combine`: the same function over
   * the lists with their second scores as scores gives them, in the same order and the same sums.
   * Nothing is kept unless every list has them.
   */
  private keepSecond(
    combined: Matches,
    lists: readonly Matches[],
    /** Each list's second scores, if it has them. */
    seconds: readonly (Float64Array | undefined)[],
    /** The scores `combined`'s function gives those lists. */
    combine: (lists: Matches[]) => Float64Array,
  ): void {
    if (combined.ids.length === 0 || seconds.some((s) => !s)) return;
    const asScores = lists.map((m, i) => ({
      ids: m.ids,
      scores: seconds[i] as Float64Array,
      terms: m.terms,
    }));
    this.secondScores.set(combined, combine(asScores));
  }
}

/**
 * The booster of one of an OR's rivals that scores the OR's first query again under other field
 * boosts, if there is one: a topic's `#f:` rival adds the typed words' part in the tags
 * (`buildQuery` gives both the one array of words), an AND of the first query's words with only
 * the tags weighed. Both are then scored in one pass over the words' postings. Only when nothing
 * else differs: no weight or same-field rule on either, and no weight on the rival (the booster
 * runs at the OR's weight, as the first query does).
 */
function rescoredFirst(node: GroupQuery): { booster: QueryNode; boost: readonly number[] } | undefined {
  const first = node.queries[0];
  if (!node.rivals || first?.kind !== 'and' || !isPlainAnd(first) || first.boost) return undefined;
  for (const rival of node.rivals) {
    if (rival.kind !== 'or' || rival.weight !== undefined) continue;
    for (const booster of rival.boosters ?? [])
      if (booster.kind === 'and' && booster.queries === first.queries && isPlainAnd(booster) && booster.boost)
        return { booster, boost: booster.boost };
  }
  return undefined;
}

/** An AND with no weight, no same-field rule, no boosters or rivals. */
const isPlainAnd = (node: GroupQuery): boolean =>
  node.weight === undefined && !node.sameField && !node.boosters?.length && !node.rivals?.length;

/**
 * The matches among the candidates, with other scores (`scores`, in match order) and the same terms:
 * what a booster scored in its OR's first query's pass (`rescoredFirst`) matches there.
 */
function matchesWithin(matches: Matches, scores: Float64Array, within: Uint32Array): Matches {
  const ids = uint32s(Math.min(within.length, matches.ids.length), false);
  const kept = float64s(ids.length, false);
  const terms = uint32s(ids.length, false);
  let n = 0;
  let i = 0;
  for (let j = 0; j < within.length && i < matches.ids.length; j++) {
    const doc = within[j] as number;
    i = seek(matches.ids, doc, i);
    if (i < matches.ids.length && matches.ids[i] === doc) {
      ids[n] = doc;
      kept[n] = scores[i] as number;
      terms[n++] = matches.terms[i] as number;
    }
  }
  return { ids: ids.subarray(0, n), scores: kept.subarray(0, n), terms: terms.subarray(0, n) };
}

/**
 * Where `rival` (a subset of `base`) scores higher than `first` (a part of `base`), the difference
 * is added, so the document scores the best of the two; its parts are first's replaced by rival's.
 * In place: `base` is the union just made (or `first` itself, whose score is read before it is raised).
 */
function promote(base: Matches, first: Matches, rival: Matches): Matches {
  if (rival.ids.length === 0) return base;
  const { scores, terms, parts } = base;
  let i = 0;
  let f = 0;
  for (let j = 0; j < rival.ids.length; j++) {
    const doc = rival.ids[j] as number;
    i = seek(base.ids, doc, i);
    f = seek(first.ids, doc, f);
    const inFirst = f < first.ids.length && first.ids[f] === doc;
    const own = inFirst ? (first.scores[f] as number) : 0;
    const better = (rival.scores[j] as number) - own;
    terms[i] = (terms[i] as number) | (rival.terms[j] as number);
    if (better <= 0) continue;
    scores[i]! += better;
    if (parts) {
      const replaced = new Set(inFirst ? (first.parts?.[f] ?? []) : []);
      parts[i] = [...(parts[i] ?? []).filter((p) => !replaced.has(p)), ...(rival.parts?.[j] ?? [])];
    }
  }
  return base;
}

/** Adds the scores of subsets of `base` (each sorted) to it. */
function addScores(base: Matches, extras: readonly Matches[]): Matches {
  const scores = float64s(base.scores.length, false);
  scores.set(base.scores);
  const terms = uint32s(base.terms.length, false);
  terms.set(base.terms);
  const parts = base.parts?.map((p) => [...p]);
  for (const extra of extras) {
    let i = 0;
    for (let j = 0; j < extra.ids.length; j++) {
      i = seek(base.ids, extra.ids[j] as number, i);
      scores[i]! += extra.scores[j] as number;
      terms[i] = (terms[i] as number) | (extra.terms[j] as number);
      if (parts && extra.parts) parts[i]!.push(...(extra.parts[j] ?? []));
    }
  }
  return { ids: base.ids, scores, terms, ...(parts ? { parts } : {}) };
}

/**
 * The union of two sorted matches as `Postings.union` makes it: scores summed in order (the first's
 * plus the second's), or the best kept (the first's on a tie); term masks joined.
 */
function unionOfTwo(a: Matches, b: Matches, best: boolean): Matches {
  const size = a.ids.length + b.ids.length;
  const ids = uint32s(size, false);
  const scores = float64s(size, false);
  const terms = uint32s(size, false);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x < y) {
      ids[n] = x;
      scores[n] = a.scores[i] as number;
      terms[n++] = a.terms[i++] as number;
    } else if (y < x) {
      ids[n] = y;
      scores[n] = b.scores[j] as number;
      terms[n++] = b.terms[j++] as number;
    } else {
      const first = a.scores[i] as number;
      const second = b.scores[j] as number;
      ids[n] = x;
      scores[n] = best ? Math.max(first, second) : first + second;
      terms[n++] = (a.terms[i++] as number) | (b.terms[j++] as number);
    }
  }
  for (; i < a.ids.length; i++, n++) {
    ids[n] = a.ids[i] as number;
    scores[n] = a.scores[i] as number;
    terms[n] = a.terms[i] as number;
  }
  for (; j < b.ids.length; j++, n++) {
    ids[n] = b.ids[j] as number;
    scores[n] = b.scores[j] as number;
    terms[n] = b.terms[j] as number;
  }
  return { ids: ids.subarray(0, n), scores: scores.subarray(0, n), terms: terms.subarray(0, n) };
}

/** The scores of `merge(a, b, 'and')` alone (the same sums), without its ids and masks. */
function bothScores(a: Matches, b: Matches): Float64Array {
  const scores = float64s(a.ids.length, false);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const doc = a.ids[i] as number;
    j = seek(b.ids, doc, j);
    if (j < b.ids.length && b.ids[j] === doc) scores[n++] = (a.scores[i] as number) + (b.scores[j] as number);
  }
  return scores.subarray(0, n);
}

/**
 * Walks `a` against `b` (both ascending): 'and' keeps the documents in both, scores summed;
 * 'andNot' keeps those of `a` not in `b`, with their scores.
 */
function merge(a: Matches, b: Matches, mode: 'and' | 'andNot'): Matches {
  if (mode === 'andNot' && (b.ids.length === 0 || a.ids.length === 0)) return a;
  const ids = uint32s(a.ids.length, false);
  const scores = float64s(a.ids.length, false);
  const terms = uint32s(a.ids.length, false);
  const parts: ScorePart[][] | undefined = a.parts ? [] : undefined;
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const doc = a.ids[i] as number;
    j = seek(b.ids, doc, j);
    const inB = j < b.ids.length && b.ids[j] === doc;
    if (inB !== (mode === 'and')) continue;
    ids[n] = doc;
    scores[n] = (a.scores[i] as number) + (inB ? (b.scores[j] as number) : 0);
    terms[n] = (a.terms[i] as number) | (inB ? (b.terms[j] as number) : 0);
    parts?.push([...(a.parts?.[i] ?? []), ...(inB ? (b.parts?.[j] ?? []) : [])]);
    n += 1;
  }
  return {
    ids: ids.subarray(0, n),
    scores: scores.subarray(0, n),
    terms: terms.subarray(0, n),
    ...(parts ? { parts } : {}),
  };
}

/**
 * The fields in which a packed term frequency is not zero, each as the low bit of its TF_BITS (6)
 * bits; bits above the fields' are noise, to be masked with `lowBits`.
 */
function nonZeroFields(word: number): number {
  return (word | (word >>> 1) | (word >>> 2) | (word >>> 3) | (word >>> 4) | (word >>> 5)) & LOW_BITS;
}

/** The fields (as `nonZeroFields` marks them) whose weight is not zero. */
function weighedFields(weights: ArrayLike<number>): number {
  let out = 0;
  for (let f = 0; f < weights.length && f < MAX_FIELDS; f++) if (weights[f] !== 0) out |= 1 << (f * TF_BITS);
  return out;
}

/** Lengths the table covers without a length norm: all (a field's length is below 2^16). */
const FLAT_LENGTHS = new Uint32Array(MAX_FIELDS).fill(1 << 16);

/** The field whose low bit (as `nonZeroFields` marks it) is at this bit position. */
const FIELD_AT = Uint8Array.from({ length: 32 }, (_, bit) => Math.floor(bit / TF_BITS));

/** The low bit of each field's bits in a packed term frequency. */
const LOW_BITS = Array.from({ length: MAX_FIELDS }, (_, f) => 1 << (f * TF_BITS)).reduce((a, b) => a | b, 0);

/** The low bits of the first `fields` fields. */
const lowBits = (fields: number): number => LOW_BITS & (2 ** (fields * TF_BITS) - 1);

/** The first position at or after `from` whose id is ≥ doc (galloping, then binary search). */
function seek(ids: Uint32Array, doc: number, from: number, end = ids.length): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < end && (ids[hi] as number) < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, end);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A typed array as base64 (little-endian, as every Lambda and laptop is). */
export const encodeArray = (a: ArrayBufferView): string => bytesOf(a).toString('base64');

export function decodeArray<T>(text: string, make: (buffer: ArrayBuffer) => T): T {
  const bytes = Buffer.from(text, 'base64');
  // A copy, aligned for the typed array (small Buffers share a pool at any offset).
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return make(buffer);
}

/** The postings as JSON-ready values; doc ids are delta-encoded so that the snapshot compresses. */
export function encodePostings(data: PostingsData) {
  const deltas = new Uint32Array(data.docs.length);
  for (let t = 0; t < data.terms.length; t++) {
    let previous = 0;
    for (let p = data.start[t] as number; p < (data.start[t + 1] as number); p++) {
      deltas[p] = (data.docs[p] as number) - previous;
      previous = data.docs[p] as number;
    }
  }
  return {
    fields: data.fields,
    documents: data.documents,
    terms: data.terms,
    start: encodeArray(data.start),
    docs: encodeArray(deltas),
    tfs: encodeArray(data.tfs),
    df: encodeArray(data.df),
    fieldLength: encodeArray(data.fieldLength),
  };
}

export type EncodedPostings = ReturnType<typeof encodePostings>;

export function decodePostings(json: EncodedPostings): PostingsData {
  const start = decodeArray(json.start, (b) => new Uint32Array(b));
  const docs = decodeArray(json.docs, (b) => new Uint32Array(b));
  for (let t = 0; t < json.terms.length; t++) {
    let previous = 0;
    for (let p = start[t] as number; p < (start[t + 1] as number); p++) {
      previous += docs[p] as number;
      docs[p] = previous;
    }
  }
  return {
    fields: json.fields,
    documents: json.documents,
    terms: json.terms,
    start,
    docs,
    tfs: decodeArray(json.tfs, (b) => new Uint32Array(b)),
    df: decodeArray(json.df, (b) => new Uint32Array(b)),
    fieldLength: decodeArray(json.fieldLength, (b) => new Uint16Array(b)),
  };
}
