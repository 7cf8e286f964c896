import { type DocColumns, DocTable } from './doc-table.js';
import { type PostingsData, TF_BITS, TF_MAX } from './postings.js';
import type { IndexParts } from './search-index.js';
import { TimeColumn } from './time-column.js';

/**
 * A snapshot as a base segment and a small delta segment (docs/scale.md): the delta holds the
 * documents written since the base (new and updated resources, analysed as the base's were) and
 * the ids of the base documents it replaces or removes. `mergeParts` makes the one index a build
 * over the same resources would make: the base's kept documents in their order, then the delta's;
 * postings, document frequencies and field lengths of both, so every score is a whole-library score.
 * One pass over the base's postings, no analysis: what loading a base with a delta adds.
 */
export function mergeParts(base: IndexParts, drop: ReadonlySet<string>, delta: IndexParts): IndexParts {
  const baseIds = base.docs.columns.ids;
  // The base's document numbers in the merged index (-1: dropped).
  const renumber = new Int32Array(baseIds.length);
  let kept = 0;
  for (let d = 0; d < baseIds.length; d++) renumber[d] = drop.has(baseIds[d] as string) ? -1 : kept++;
  return {
    postings: mergePostings(base.postings, renumber, kept, delta.postings),
    docs: mergeDocs(base.docs, renumber, kept, delta.docs),
    partnerNames: delta.partnerNames,
    builtAt: delta.builtAt,
    fingerprint: delta.fingerprint,
  };
}

export function mergePostings(
  a: PostingsData,
  renumber: Int32Array,
  kept: number,
  b: PostingsData,
): PostingsData {
  const fields = a.fields;
  // Module bindings read in a hot loop cost a lookup each under some loaders: locals.
  const bits = TF_BITS;
  const max = TF_MAX;
  if (b.fields !== fields) throw new Error(`Segments of ${a.fields} and ${b.fields} fields`);
  const bTerm = new Map(b.terms.map((term, t) => [term, t]));
  const bUsed = new Uint8Array(b.terms.length);
  // One pass: each term's kept postings, renumbered, then the delta's; document frequencies are
  // the base's less the dropped postings' plus the delta's. A term no document keeps is left out.
  const terms: string[] = [];
  const starts: number[] = [];
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const tfs = new Uint32Array(a.docs.length + b.docs.length);
  const df = new Uint32Array((a.terms.length + b.terms.length) * fields);
  let q = 0;
  const addB = (bt: number, m: number) => {
    for (let p = b.start[bt] as number; p < (b.start[bt + 1] as number); p++) {
      docs[q] = kept + (b.docs[p] as number);
      tfs[q++] = b.tfs[p] as number;
    }
    for (let f = 0; f < fields; f++) df[m * fields + f]! += b.df[bt * fields + f] as number;
  };
  for (let t = 0; t < a.terms.length; t++) {
    const m = terms.length;
    const from = q;
    df.set(a.df.subarray(t * fields, (t + 1) * fields), m * fields);
    for (let p = a.start[t] as number; p < (a.start[t + 1] as number); p++) {
      const doc = renumber[a.docs[p] as number] as number;
      if (doc >= 0) {
        docs[q] = doc;
        tfs[q++] = a.tfs[p] as number;
        continue;
      }
      const word = a.tfs[p] as number;
      for (let f = 0; f < fields; f++) if ((word >>> (f * bits)) & max) df[m * fields + f]! -= 1;
    }
    const term = a.terms[t] as string;
    const bt = bTerm.get(term);
    if (bt !== undefined) {
      bUsed[bt] = 1;
      addB(bt, m);
    }
    if (q === from) {
      df.fill(0, m * fields, (m + 1) * fields);
      continue;
    }
    terms.push(term);
    starts.push(from);
  }
  for (let bt = 0; bt < b.terms.length; bt++) {
    if (bUsed[bt]) continue;
    const m = terms.length;
    terms.push(b.terms[bt] as string);
    starts.push(q);
    addB(bt, m);
  }
  starts.push(q);
  const fieldLength = new Uint16Array((kept + b.documents) * fields);
  for (let d = 0; d < renumber.length; d++) {
    const to = renumber[d] as number;
    if (to >= 0) fieldLength.set(a.fieldLength.subarray(d * fields, (d + 1) * fields), to * fields);
  }
  fieldLength.set(b.fieldLength, kept * fields);
  return {
    fields,
    documents: kept + b.documents,
    terms,
    start: Uint32Array.from(starts),
    docs: docs.slice(0, q),
    tfs: tfs.slice(0, q),
    df: df.slice(0, terms.length * fields),
    fieldLength,
  };
}

/** Interns a list of values the way DocTable.build does (equal lists share one slot). */
function pool<T>(lists: T[][], keyOf: (list: T[]) => string) {
  const byKey = new Map(lists.map((l, n) => [keyOf(l), n]));
  return (list: T[]): number => {
    const key = keyOf(list);
    let n = byKey.get(key);
    if (n === undefined) {
      n = lists.length;
      byKey.set(key, n);
      lists.push(list);
    }
    return n;
  };
}

export function mergeDocs(a: DocTable, renumber: Int32Array, kept: number, b: DocTable): DocTable {
  const ac = a.columns;
  const bc = b.columns;
  const n = kept + bc.ids.length;
  const keep = <T>(values: readonly T[], more: readonly T[]): T[] => {
    const out: T[] = [];
    for (let d = 0; d < values.length; d++) if ((renumber[d] as number) >= 0) out.push(values[d] as T);
    return out.concat(more);
  };
  const bytes = (x: Uint8Array, y: Uint8Array) => {
    const out = new Uint8Array(n);
    for (let d = 0; d < renumber.length; d++) if ((renumber[d] as number) >= 0) out[renumber[d]!] = x[d]!;
    out.set(y, kept);
    return out;
  };
  const topicLists = [...ac.topicLists];
  const countryLists = [...ac.countryLists];
  const sourceLists = [...ac.sourceLists];
  const topicOf = listColumn(ac.topicOf, renumber, n, bc.topicOf, bc.topicLists, pool(topicLists, joinWords));
  const countryOf = listColumn(
    ac.countryOf,
    renumber,
    n,
    bc.countryOf,
    bc.countryLists,
    pool(countryLists, joinWords),
  );
  const sourceOf = listColumn(
    ac.sourceOf,
    renumber,
    n,
    bc.sourceOf,
    bc.sourceLists,
    pool(sourceLists, (l) => l.map((s) => s.partnerId).join(' ')),
  );
  const columns: DocColumns = {
    ids: keep(ac.ids, bc.ids),
    titles: keep(ac.titles, bc.titles),
    urls: keep(ac.urls, bc.urls),
    summaries: keep(ac.summaries, bc.summaries),
    published: TimeColumn.merge(ac.published, renumber, kept, bc.published),
    types: bytes(ac.types, bc.types),
    languages: bytes(ac.languages, bc.languages),
    topicLists,
    topicOf,
    countryLists,
    countryOf,
    sourceLists,
    sourceOf,
    order: new Uint32Array(0),
    eventEnds: TimeColumn.merge(ac.eventEnds, renumber, kept, bc.eventEnds),
  };
  columns.order = mergeOrder(ac.order, renumber, bc.order, kept, columns);
  return new DocTable(columns);
}

const joinWords = (l: string[]) => l.join(' ');

function listColumn<T>(
  a: Uint32Array,
  renumber: Int32Array,
  n: number,
  b: Uint32Array,
  bLists: T[][],
  intern: (list: T[]) => number,
): Uint32Array {
  const out = new Uint32Array(n);
  for (let d = 0; d < renumber.length; d++) if ((renumber[d] as number) >= 0) out[renumber[d]!] = a[d]!;
  const bSlot = bLists.map((list) => intern(list));
  const kept = n - b.length;
  for (let d = 0; d < b.length; d++) out[kept + d] = bSlot[b[d] as number] as number;
  return out;
}

/** Newest first, ties by id (DocTable.build's order): the two segments' orders merged. */
function mergeOrder(
  aOrder: Uint32Array,
  renumber: Int32Array,
  bOrder: Uint32Array,
  kept: number,
  columns: DocColumns,
): Uint32Array {
  const { published, ids } = columns;
  const before = (x: number, y: number): boolean => {
    const newer = published.compare(x, y);
    if (newer !== 0) return newer > 0;
    return (ids[x] as string) < (ids[y] as string);
  };
  const out = new Uint32Array(published.length);
  let i = 0;
  let j = 0;
  let k = 0;
  const nextA = (): number => {
    while (i < aOrder.length) {
      const to = renumber[aOrder[i] as number] as number;
      if (to >= 0) return to;
      i += 1;
    }
    return -1;
  };
  for (;;) {
    const x = nextA();
    const y = j < bOrder.length ? kept + (bOrder[j] as number) : -1;
    if (x < 0 && y < 0) break;
    if (y < 0 || (x >= 0 && before(x, y))) {
      out[k++] = x;
      i += 1;
    } else {
      out[k++] = y;
      j += 1;
    }
  }
  return out;
}
