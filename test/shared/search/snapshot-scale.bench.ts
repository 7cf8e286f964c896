import { bench, describe } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { gunzipSnapshot, gzipSnapshot } from '#shared/search/service.js';
import { BENCH_SMOKE } from '../../helpers/bench.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

/**
 * The search snapshot at scale (issue 20.3): for 10k and 100k resources (and 300k with
 * IASPN_BENCH_300K=1, several minutes), the gzip snapshot's size, and the cold path a bot's first
 * query takes after its Lambda starts: gunzip, parse into the index, first answer. Printed as figures,
 * with the ratio of each size's load to the 10k load (growth, not wall-clock, is what the run compares).
 */
const sizes = BENCH_SMOKE
  ? [200]
  : [10_000, 100_000, ...(process.env.IASPN_BENCH_300K === '1' ? [300_000] : [])];
const now = new Date(SAMPLE_NOW);

const rows = sizes.map((n) => {
  let resources: ReturnType<typeof generateResources> | undefined = generateResources(n, 11);
  let t = performance.now();
  const bytes = gzipSnapshot(
    SearchIndex.build(resources, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW }).toSnapshotJson(),
  );
  const buildMs = performance.now() - t;
  resources = undefined;
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const loaded = SearchIndex.fromSnapshotJson(gunzipSnapshot(bytes));
  loaded.search({ query: 'cash transfers Brazil', limit: 10 }, now);
  const loadMs = performance.now() - t;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  return { n, buildMs, mb: bytes.byteLength / 1e6, loadMs, heapMb };
});
console.log(
  '\nresources | build | snapshot (gzip) | load → first answer | heap after load | load ÷ 10k load',
);
for (const r of rows) {
  console.log(
    `${r.n} | ${(r.buildMs / 1000).toFixed(1)} s | ${r.mb.toFixed(1)} MB | ${r.loadMs.toFixed(0)} ms | ${r.heapMb.toFixed(0)} MB | ${(r.loadMs / rows[0]!.loadMs).toFixed(1)}`,
  );
}

describe('search snapshot at scale', () => {
  bench('figures printed above', () => {
    rows[0]!.loadMs.toFixed(1);
  });
});
