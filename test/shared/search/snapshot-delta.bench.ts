import { bench, describe } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { gzipSnapshot, indexOfSnapshot } from '#shared/search/service.js';
import { deltaLimit, type SnapshotHead } from '#shared/search/snapshot-store.js';
import { BENCH_SMOKE } from '../../helpers/bench.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

/**
 * The bot's cold load with a delta segment (docs/scale.md, "The search refresh"): a base of n
 * resources and a delta at its largest (`deltaLimit(n)` new and updated documents, the base's
 * copies dropped), against one snapshot of the same library (what the refresh wrote before
 * segments). Gunzip, parse, merge, first answer; the two alternate in one process, and the ratio is
 * what the run compares. Target: within 1.10 of the single snapshot.
 */
const n = BENCH_SMOKE ? 300 : 12_000;
const limit = deltaLimit(n);
const now = new Date(SAMPLE_NOW);
const library = generateResources(n + limit, 13);
const build = (resources: typeof library) =>
  SearchIndex.build(resources, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });

// The delta: half new resources, half updates of base resources.
const base = library.slice(0, n);
const added = library.slice(n, n + limit / 2);
const updated = base.slice(0, limit - added.length).map((r) => ({ ...r, title: `${r.title} (revised)` }));
const deltaDocs = [...updated, ...added];
const drop = new Set(deltaDocs.map((r) => r.id));
const head = {} as SnapshotHead;
const segmented = {
  head,
  base: gzipSnapshot(build(base).toSnapshotJson()),
  delta: gzipSnapshot(
    `${JSON.stringify({ drop: [...drop], added: added.map((r) => r.id) })}\n${build(deltaDocs).toSnapshotJson()}`,
  ),
};
const single = {
  head,
  base: gzipSnapshot(build([...base.filter((r) => !drop.has(r.id)), ...deltaDocs]).toSnapshotJson()),
};

const coldLoad = (snapshot: typeof single) => {
  const index = indexOfSnapshot(snapshot);
  index.search({ query: 'cash transfers Brazil', limit: 10 }, now);
  return index;
};

// Alternating, so that the shared machine's load falls on both alike.
const times = { single: [] as number[], segmented: [] as number[] };
for (let round = 0; round < (BENCH_SMOKE ? 2 : 15); round++) {
  for (const [name, snapshot] of [
    ['single', single],
    ['segmented', segmented],
  ] as const) {
    const t = performance.now();
    coldLoad(snapshot);
    times[name].push(performance.now() - t);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(
  `\n${n} resources, delta ${limit} documents (${segmented.delta.byteLength} bytes gzip, base ${segmented.base.byteLength}):` +
    ` single snapshot ${median(times.single).toFixed(1)} ms, base + delta ${median(times.segmented).toFixed(1)} ms,` +
    ` ratio ${(median(times.segmented) / median(times.single)).toFixed(3)}`,
);

describe('cold load: base + largest delta against one snapshot', () => {
  bench('one snapshot', () => {
    coldLoad(single);
  });
  bench('base + delta', () => {
    coldLoad(segmented);
  });
});
