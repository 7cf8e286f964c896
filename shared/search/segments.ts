import { type DocColumns, DocTable } from './doc-table.js';
import { type PostingsData, TF_BITS, TF_MAX } from './postings.js';
import type { IndexParts } from './search-index.js';

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

function mergePostings(a: PostingsData, renumber: Int32Array, kept: number, b: PostingsData): PostingsData {
  const fields = a.fields;
  if (b.fields !== fields) throw new Error(`Segments of ${a.fields} and ${b.fields} fields`);
  const bTerm = new Map(b.terms.map((term, t) => [term, t]));
  const dropsAny = kept < renumber.length;
  // Merged terms: the base's that keep a posting, in order, then the delta's new ones.
  const terms: string[] = [];
  const fromA: number[] = [];
  const fromB: number[] = [];
  const counts: number[] = [];
  const bUsed = new Uint8Array(b.terms.length);
  for (let t = 0; t < a.terms.length; t++) {
    const from = a.start[t] as number;
    const to = a.start[t + 1] as number;
    let n = to - from;
    if (dropsAny) for (let p = from; p < to; p++) if ((renumber[a.docs[p] as number] as number) < 0) n -= 1;
    const term = a.terms[t] as string;
    const bt = bTerm.get(term) ?? -1;
    if (bt >= 0) {
      bUsed[bt] = 1;
      n += (b.start[bt + 1] as number) - (b.start[bt] as number);
    }
    if (n === 0) continue;
    terms.push(term);
    fromA.push(t);
    fromB.push(bt);
    counts.push(n);
  }
  for (let bt = 0; bt < b.terms.length; bt++) {
    if (bUsed[bt]) continue;
    terms.push(b.terms[bt] as string);
    fromA.push(-1);
    fromB.push(bt);
    counts.push((b.start[bt + 1] as number) - (b.start[bt] as number));
  }
  const start = new Uint32Array(terms.length + 1);
  let total = 0;
  for (let m = 0; m < terms.length; m++) {
    start[m] = total;
    total += counts[m] as number;
  }
  start[terms.length] = total;
  const docs = new Uint32Array(total);
  const tfs = new Uint32Array(total);
  const df = new Uint32Array(terms.length * fields);
  let q = 0;
  for (let m = 0; m < terms.length; m++) {
    const at = fromA[m] as number;
    if (at >= 0) {
      for (let p = a.start[at] as number; p < (a.start[at + 1] as number); p++) {
        const doc = renumber[a.docs[p] as number] as number;
        if (doc < 0) continue;
        docs[q] = doc;
        tfs[q++] = a.tfs[p] as number;
      }
    }
    const bt = fromB[m] as number;
    if (bt >= 0) {
      for (let p = b.start[bt] as number; p < (b.start[bt + 1] as number); p++) {
        docs[q] = kept + (b.docs[p] as number);
        tfs[q++] = b.tfs[p] as number;
      }
    }
    if (at >= 0 && bt < 0 && !dropsAny) {
      df.set(a.df.subarray(at * fields, (at + 1) * fields), m * fields);
      continue;
    }
    for (let p = start[m] as number; p < (start[m + 1] as number); p++) {
      const word = tfs[p] as number;
      for (let f = 0; f < fields; f++) if ((word >>> (f * TF_BITS)) & TF_MAX) df[m * fields + f]! += 1;
    }
  }
  const fieldLength = new Uint16Array((kept + b.documents) * fields);
  for (let d = 0; d < renumber.length; d++) {
    const to = renumber[d] as number;
    if (to >= 0) fieldLength.set(a.fieldLength.subarray(d * fields, (d + 1) * fields), to * fields);
  }
  fieldLength.set(b.fieldLength, kept * fields);
  return { fields, documents: kept + b.documents, terms, start, docs, tfs, df, fieldLength };
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

function mergeDocs(a: DocTable, renumber: Int32Array, kept: number, b: DocTable): DocTable {
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
    published: keep(ac.published, bc.published),
    types: bytes(ac.types, bc.types),
    languages: bytes(ac.languages, bc.languages),
    topicLists,
    topicOf,
    countryLists,
    countryOf,
    sourceLists,
    sourceOf,
    order: new Uint32Array(0),
    eventEnds: keep(ac.eventEnds, bc.eventEnds),
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
    const px = published[x] as string;
    const py = published[y] as string;
    if (px !== py) return px > py;
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
