import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { SearchIndex } from '#shared/search/search-index.js';
import { gunzipSnapshot, gzipSnapshot } from '#shared/search/service.js';
import { measureRelevance, otherLanguageShare } from './metrics.js';
import { MINISEARCH_DEFAULT_OPTIONS, miniSearchDefault, oursOver } from './rankers.js';
import { RELEVANCE_SET } from './relevance-set.js';
import {
  generateResources,
  SAMPLE_NOW,
  SAMPLE_PARTNERS,
  type SampleResource,
  sampleLibrary,
} from './sample-library.js';

/**
 * The figures of `npm run bench`: ours (the configured index) against MiniSearch's default
 * configuration over the same resources, measured in the same run.
 */

const QUERIES = RELEVANCE_SET.map((q) => q.query);
const now = new Date(SAMPLE_NOW);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function latencies(run: (q: string) => unknown, rounds: number): { p50: number; p95: number } {
  for (const q of QUERIES) run(q); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of QUERIES) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const plainOptions = MINISEARCH_DEFAULT_OPTIONS;

/**
 * The memory a loaded snapshot keeps (JS heap plus typed arrays, after a full collection),
 * measured in a fresh process so that nothing of the benchmark itself is counted.
 */
function loadedMemory(bytes: Uint8Array, kind: 'ours' | 'minisearch'): number {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  try {
    const file = join(dir, 'snapshot.gz');
    writeFileSync(file, bytes);
    const script = fileURLToPath(new URL('./load-memory.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, file, kind], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    return (JSON.parse(out) as { bytes: number }).bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Figures {
  buildMs: number;
  snapshotBytes: number;
  coldMs: number;
  p50: number;
  p95: number;
  heapBytes: number;
}

export interface ScaleFigures {
  n: number;
  ours: Figures;
  baseline: Figures;
}

/**
 * Build, snapshot, cold load (gunzip, parse, first answer) and warm latency over the 64 queries
 * of the relevance set (English, Spanish, mixed, typos, prefixes, filters, exclusions), for ours
 * and for MiniSearch's default configuration; memory is what the loaded index keeps after a full
 * collection (JS heap plus typed arrays), measured in a fresh process.
 */
export function measureScale(n: number, rounds: number): ScaleFigures {
  let resources: SampleResource[] | undefined = generateResources(n, 11);
  let t = performance.now();
  let built: SearchIndex | undefined = SearchIndex.build(resources, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
  const buildMs = performance.now() - t;
  const bytes = gzipSnapshot(built.toSnapshotJson());
  built = undefined;

  t = performance.now();
  let plainBuilt: MiniSearch | undefined = new MiniSearch(plainOptions);
  plainBuilt.addAll(resources);
  const plainBuild = performance.now() - t;
  const plainBytes = gzipSnapshot(JSON.stringify(plainBuilt));
  plainBuilt = undefined;
  resources = undefined;

  t = performance.now();
  const loaded = SearchIndex.fromSnapshotJson(gunzipSnapshot(bytes));
  loaded.search({ query: 'cash transfers Brazil' }, now);
  const coldMs = performance.now() - t;
  const heapBytes = loadedMemory(bytes, 'ours');
  const ours = latencies((q) => loaded.search({ query: q, limit: 10 }, now), rounds);

  t = performance.now();
  const plainLoaded = MiniSearch.loadJSON(gunzipSnapshot(plainBytes), plainOptions);
  plainLoaded.search('cash transfers Brazil');
  const plainCold = performance.now() - t;
  const plainHeap = loadedMemory(plainBytes, 'minisearch');
  const base = latencies((q) => plainLoaded.search(q).slice(0, 10), rounds);
  return {
    n,
    ours: { buildMs, snapshotBytes: bytes.byteLength, coldMs, heapBytes, ...ours },
    baseline: {
      buildMs: plainBuild,
      snapshotBytes: plainBytes.byteLength,
      coldMs: plainCold,
      heapBytes: plainHeap,
      ...base,
    },
  };
}

export function printScale(f: ScaleFigures): void {
  const rows = [
    ['', 'ours', 'MiniSearch default', 'ratio'],
    ['build', ms(f.ours.buildMs), ms(f.baseline.buildMs), (f.ours.buildMs / f.baseline.buildMs).toFixed(2)],
    [
      'snapshot (gzip)',
      mb(f.ours.snapshotBytes),
      mb(f.baseline.snapshotBytes),
      (f.ours.snapshotBytes / f.baseline.snapshotBytes).toFixed(2),
    ],
    [
      'cold load → first answer',
      ms(f.ours.coldMs),
      ms(f.baseline.coldMs),
      (f.ours.coldMs / f.baseline.coldMs).toFixed(2),
    ],
    ['warm p50', ms(f.ours.p50), ms(f.baseline.p50), (f.ours.p50 / f.baseline.p50).toFixed(2)],
    ['warm p95', ms(f.ours.p95), ms(f.baseline.p95), (f.ours.p95 / f.baseline.p95).toFixed(2)],
    [
      'memory (loaded, after GC)',
      mb(f.ours.heapBytes),
      mb(f.baseline.heapBytes),
      (f.ours.heapBytes / f.baseline.heapBytes).toFixed(2),
    ],
  ];
  console.log(`\nsearch at ${f.n.toLocaleString('en')} synthetic resources (${QUERIES.length} queries)`);
  for (const r of rows)
    console.log(
      `  ${(r[0] as string).padEnd(28)}${(r[1] as string).padStart(12)}${(r[2] as string).padStart(20)}${(r[3] as string).padStart(8)}`,
    );
  const target = f.n >= 100_000 ? { p95: 50, memory: 512 * 1024 * 1024 } : { p95: 10, cold: 300 };
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const checks = [`warm p95 < ${target.p95} ms ${verdict(f.ours.p95 < target.p95)}`];
  if (target.cold) checks.push(`cold < ${target.cold} ms ${verdict(f.ours.coldMs < target.cold)}`);
  if (target.memory) checks.push(`memory < 512 MB ${verdict(f.ours.heapBytes < target.memory)}`);
  console.log(`  targets: ${checks.join('; ')}`);
}

export async function printRelevance(): Promise<{ ours: number; baseline: number }> {
  const library: SampleResource[] = sampleLibrary();
  const ours = await measureRelevance(library, RELEVANCE_SET, oursOver(library, SAMPLE_PARTNERS, SAMPLE_NOW));
  const base = await measureRelevance(library, RELEVANCE_SET, miniSearchDefault(library));
  console.log(`\nrelevance set: ${RELEVANCE_SET.length} queries over ${library.length} resources`);
  console.log(`  ours:               nDCG@5 ${ours.ndcg5.toFixed(3)}  recall@10 ${ours.recall10.toFixed(3)}`);
  console.log(`  MiniSearch default: nDCG@5 ${base.ndcg5.toFixed(3)}  recall@10 ${base.recall10.toFixed(3)}`);
  console.log(
    `  difference:         nDCG@5 +${(ours.ndcg5 - base.ndcg5).toFixed(3)}  recall@10 +${(ours.recall10 - base.recall10).toFixed(3)}`,
  );
  const ranker = oursOver(library, SAMPLE_PARTNERS, SAMPLE_NOW);
  const share = await otherLanguageShare(library, RELEVANCE_SET, ranker);
  console.log(
    `  other-language share of the top 5 (${share.queries} queries judged in any language): ours ${share.ranked.toFixed(3)}, judged best 5 ${share.judged.toFixed(3)}`,
  );
  const gain = ours.ndcg5 - base.ndcg5;
  console.log(
    `  targets: nDCG@5 ≥ 0.85 ${ours.ndcg5 >= 0.85 ? 'met' : 'NOT met'}; ≥ +0.2 over the default ${gain >= 0.2 ? 'met' : 'NOT met'}`,
  );
  return { ours: ours.ndcg5, baseline: base.ndcg5 };
}
