import { describe, expect, it } from 'vitest';
import type { PostingsData } from '#shared/search/postings.js';
import { type IndexParts, SearchIndex } from '#shared/search/search-index.js';
import { mergeParts } from '#shared/search/segments.js';
import { SAMPLE_NOW, SAMPLE_PARTNERS, type SampleResource, sampleLibrary } from './sample-library.js';

const NOW = new Date(SAMPLE_NOW);
const build = (resources: readonly SampleResource[]) =>
  SearchIndex.build(resources, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });

/** Postings by term (the merged index may number terms in another order than a build). */
function byTerm(p: PostingsData) {
  const out = new Map<string, { docs: number[]; tfs: number[]; df: number[] }>();
  p.terms.forEach((term, t) => {
    const from = p.start[t] as number;
    const to = p.start[t + 1] as number;
    out.set(term, {
      docs: [...p.docs.subarray(from, to)],
      tfs: [...p.tfs.subarray(from, to)],
      df: [...p.df.subarray(t * p.fields, (t + 1) * p.fields)],
    });
  });
  return out;
}

function expectSameIndex(merged: IndexParts, built: IndexParts) {
  expect(merged.postings.documents).toBe(built.postings.documents);
  expect([...merged.postings.fieldLength]).toEqual([...built.postings.fieldLength]);
  expect(byTerm(merged.postings)).toEqual(byTerm(built.postings));
  const records = (p: IndexParts) => Array.from({ length: p.docs.size }, (_, n) => p.docs.record(n));
  expect(records(merged)).toEqual(records(built));
  expect([...merged.docs.columns.order]).toEqual([...built.docs.columns.order]);
  expect(merged.docs.columns.eventEnds).toEqual(built.docs.columns.eventEnds);
}

describe('mergeParts: a base segment and a delta make the index a build would', () => {
  const library = sampleLibrary().slice(0, 200);
  const base = library.slice(0, 150);

  it('adds new resources, replaces updated ones and drops removed ones', () => {
    const updated = {
      ...(base[10] as SampleResource),
      title: 'Zanzibar-style resilience bonds',
      contentHash: 'u',
    };
    const removed = base[20] as SampleResource;
    const added = library.slice(150);
    const delta = [updated, ...added];
    const drop = new Set([updated.id, removed.id]);
    const merged = mergeParts(build(base).parts(), drop, build(delta).parts());
    const expected = build([...base.filter((r) => !drop.has(r.id)), ...delta]);
    expectSameIndex(merged, expected.parts());

    // And it ranks as the build does: same hits, same scores.
    const index = SearchIndex.fromParts(merged);
    for (const query of ['cash transfers', 'pensión no contributiva', 'Zanzibar', 'nutrition -stunting']) {
      const got = index.search({ query, limit: 20 }, NOW).hits.map((h) => [h.id, h.score]);
      const want = expected.search({ query, limit: 20 }, NOW).hits.map((h) => [h.id, h.score]);
      expect(got).toEqual(want);
    }
    expect(index.search({ query: `"${removed.title}"`, limit: 50 }, NOW).hits.map((h) => h.id)).not.toContain(
      removed.id,
    );
  });

  it('drops a term no kept document has', () => {
    const lone = { ...(base[0] as SampleResource), id: 'lone', title: 'Quetzalcoatlus', contentHash: 'q' };
    const merged = mergeParts(build([...base, lone]).parts(), new Set(['lone']), build([]).parts());
    expect(merged.postings.terms).not.toContain('quetzalcoatlus');
    expectSameIndex(merged, build(base).parts());
  });

  it('an empty delta with nothing dropped leaves the base as it was', () => {
    const merged = mergeParts(build(base).parts(), new Set(), build([]).parts());
    expectSameIndex(merged, build(base).parts());
  });
});
