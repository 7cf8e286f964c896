import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, bench, describe } from 'vitest';
import { LAMBDA_BUNDLE } from '#infra/bundling.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { gunzipSnapshot } from '#shared/search/service.js';
import { TableSnapshotStore } from '#shared/search/snapshot-store.js';
import { BENCH_SMOKE, benchOptions } from '../../helpers/bench.js';
import { startTestServices } from '../../helpers/local-services.js';
import { SAMPLE_NOW } from './sample-library.js';

/**
 * The search snapshot at scale (issue 20.3, docs/scale.md): for 10k and 100k resources (and 300k
 * with IASPN_BENCH_300K=1, about ten minutes on a shared machine), each step in a fresh Node process
 * running an esbuild bundle, as a Lambda would:
 *
 * - the build (snapshot-build.ts): the library, the index, its gzip snapshot, with the peak memory
 *   of the refresh Lambda's full rebuild;
 * - the snapshot written to dynalite as the refresh writes it (chunks under `SEARCH#snapshot`);
 * - a bot's cold start on the search path (cold-start.ts), COLD_RUNS fresh processes each: import
 *   of the search modules, the head and chunks read from dynalite, the decode, the first answer,
 *   with the process's CPU time and peak resident memory. The median run is printed, and one more
 *   cold start under the V8 limits of the bots' Lambda (BOT_LAMBDA_MB): its time, or V8's error.
 *
 * Wall times depend on the machine's load; CPU time and memory much less. The bench itself times
 * the in-process decode of the smallest snapshot (gunzip, parse, first answer).
 */
const sizes = BENCH_SMOKE
  ? [200]
  : [10_000, 100_000, ...(process.env.IASPN_BENCH_300K === '1' ? [300_000] : [])];
const COLD_RUNS = BENCH_SMOKE ? 1 : 3;
const QUERY = 'cash transfers Brazil';
const run = promisify(execFile);

const dir = mkdtempSync(join(tmpdir(), 'snapshot-scale-'));
// Both scripts bundled as a Lambda's are (ESM, minified, code splitting: the search modules the cold
// start imports on its first search are a chunk of their own, as in the bot's bundle).
await build({
  entryPoints: {
    'cold-start': fileURLToPath(new URL('./cold-start.ts', import.meta.url)),
    'snapshot-build': fileURLToPath(new URL('./snapshot-build.ts', import.meta.url)),
  },
  outdir: dir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: LAMBDA_BUNDLE.format,
  target: 'node20',
  minify: LAMBDA_BUNDLE.minify,
  mainFields: [...LAMBDA_BUNDLE.mainFields],
  charset: LAMBDA_BUNDLE.charset,
  banner: { js: LAMBDA_BUNDLE.banner },
  logLevel: 'error',
});

/**
 * The bots' Lambda memory (infra/stack.ts, `bot`), and the V8 limits the Lambda Node.js runtime's
 * bootstrap derives from it (new space a tenth, old space the rest; from copies of
 * /var/runtime/bootstrap): one cold start per size runs under them, as in the Lambda.
 */
const BOT_LAMBDA_MB = 1024;
const LAMBDA_V8_FLAGS = [
  `--max-semi-space-size=${Math.floor(BOT_LAMBDA_MB / 20)}`,
  `--max-old-space-size=${BOT_LAMBDA_MB - Math.floor(BOT_LAMBDA_MB / 10)}`,
];

async function node<T>(script: string, args: string[], flags: string[] = []): Promise<T> {
  const { stdout } = await run(process.execPath, [...flags, join(dir, script), ...args], {
    env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

interface Built {
  resources: number;
  generateMs: number;
  buildMs: number;
  writeMs: number;
  jsonMb: number;
  gzipMb: number;
  peakRssMb: number;
}

type Step = 'boot' | 'import' | 'head' | 'read' | 'decode' | 'answer';
interface Cold {
  resources: number;
  bytes: number;
  hits: number;
  phases: Record<Step, { wallMs: number; cpuMs: number }>;
  total: { wallMs: number; cpuMs: number };
  peakRssMb: number;
}

const services = await startTestServices({ ses: false });
afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows: { n: number; built: Built; cold: Cold; lambda: Cold | string }[] = [];
let smallest: Uint8Array | undefined;
for (const n of sizes) {
  const file = join(dir, `snapshot-${n}.gz`);
  const built = await node<Built>('snapshot-build.mjs', [String(n), file]);
  const bytes = readFileSync(file);
  smallest ??= bytes;
  const runtime = await services.newRuntime();
  await new TableSnapshotStore(runtime.store).write(
    { base: bytes },
    {
      builtAt: SAMPLE_NOW,
      baseAt: SAMPLE_NOW,
      resources: n,
      baseResources: n,
      deltaResources: 0,
      position: 0,
      partners: '',
    },
    undefined,
  );
  const coldStart = async (flags: string[] = []) => {
    const cold = await node<Cold>(
      'cold-start.mjs',
      [services.dynamoEndpoint, runtime.config.tableName, QUERY],
      flags,
    );
    if (cold.resources !== n || cold.bytes !== bytes.byteLength || cold.hits === 0)
      throw new Error(`Cold start over ${n} resources loaded ${cold.resources} and found ${cold.hits} hits`);
    return cold;
  };
  const colds: Cold[] = [];
  for (let k = 0; k < COLD_RUNS; k++) colds.push(await coldStart());
  colds.sort((a, b) => a.total.wallMs - b.total.wallMs);
  // Under the Lambda's V8 limits: a heap that does not fit is V8's fatal error (the process's stderr).
  const lambda = await coldStart(LAMBDA_V8_FLAGS).catch((error: { stderr?: string; message: string }) => {
    const fatal = /FATAL ERROR: ([^\n]+)/.exec(error.stderr ?? '')?.[1];
    if (!fatal) throw error;
    return fatal;
  });
  rows.push({ n, built, cold: colds[Math.floor(colds.length / 2)] as Cold, lambda });
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const phase = (cold: Cold, step: Step) => `${s(cold.phases[step].wallMs)} (${s(cold.phases[step].cpuMs)})`;
console.log(
  `\nseconds wall (CPU), median of ${COLD_RUNS} cold starts; memory: peak resident set\n` +
    'resources | gzip (JSON) MB | build s (peak MB) | boot | import | head | chunks | decode | answer | total | cold peak MB | ' +
    `under a ${BOT_LAMBDA_MB} MB Lambda's V8 limits`,
);
for (const { n, built, cold, lambda } of rows) {
  console.log(
    [
      n,
      `${built.gzipMb.toFixed(1)} (${built.jsonMb.toFixed(0)})`,
      `${s(built.buildMs + built.writeMs)} (${built.peakRssMb.toFixed(0)})`,
      ...(['boot', 'import', 'head', 'read', 'decode', 'answer'] as const).map((step) => phase(cold, step)),
      `${s(cold.total.wallMs)} (${s(cold.total.cpuMs)})`,
      cold.peakRssMb.toFixed(0),
      typeof lambda === 'string'
        ? `fails: ${lambda}`
        : `${s(lambda.total.wallMs)} (${s(lambda.total.cpuMs)}), peak ${lambda.peakRssMb.toFixed(0)} MB` +
          // Lambda stops a function whose memory passes its size, whatever V8's limits.
          (lambda.peakRssMb > BOT_LAMBDA_MB ? `: over ${BOT_LAMBDA_MB} MB, the Lambda is stopped` : ''),
    ].join(' | '),
  );
}

const now = new Date(SAMPLE_NOW);
describe(`search snapshot at scale: in-process decode of ${sizes[0]} resources`, () => {
  bench(
    'gunzip, parse, first answer',
    () => {
      const index = SearchIndex.fromSnapshotJson(gunzipSnapshot(smallest as Uint8Array));
      if (index.search({ query: QUERY, limit: 10 }, now).hits.length === 0) throw new Error('No hits');
      if (index.size !== sizes[0]) throw new Error(`${index.size} resources loaded`);
    },
    benchOptions,
  );
});
