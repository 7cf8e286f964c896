/**
 * Bundle report: builds every Lambda entry (`functions/<name>/*.ts`) twice with esbuild, once exactly
 * as RelayFunction deploys it (infra/bundling.ts: minified, tree-shaken, ESM, source maps, AWS SDK
 * bundled) and once without minification and tree-shaking as the baseline, then imports each
 * bundle in a fresh Node process (a proxy for a Lambda cold start's init) and prints size and
 * import time side by side. Exits non-zero when a deployed bundle misses its target.
 *
 * Bundles are split as deployed (infra/bundling.ts, SPLITTING): `index.mjs` plus chunk files.
 * What is measured is what a cold start pays: the import time of `index.mjs` (chunks it does not
 * import statically are not loaded, so not counted: that is the point of splitting), and as size
 * the entry plus every chunk it imports statically, directly or through another chunk (source maps
 * not counted). Chunks reached only through `await import(...)` are left out of both, and listed.
 *
 *   npm run bundle:report            # table
 *   npm run bundle:report -- --json  # the figures as JSON
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, OMITTED_MODULE, staticOutputs } from '../infra/bundling.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
/** Targets from the deployment issue: every bundle under 1 MB except the bot's (2 MB); import under 200 ms. */
const SIZE_LIMIT = (name: string) => (name.startsWith('bot') ? 2 * MB : MB);
const IMPORT_LIMIT_MS = 200;
const IMPORT_RUNS = 3;

interface Figures {
  /** index.mjs plus the chunks it imports statically (what a cold start reads). */
  bytes: number;
  /** Bytes in chunks reached only through dynamic imports (read on first use, not at cold start). */
  lazyBytes: number;
  /** Milliseconds, or the error that stopped the import. */
  importMs: number | string;
  /** The packages (or source folders) that weigh most in the bundle, largest first. */
  largest: { source: string; bytes: number }[];
  /** Packages required only on code paths a Lambda never takes, resolved to the omitted module. */
  omitted: string[];
}

interface Row {
  name: string;
  entry: string;
  optimised: Figures;
  baseline: Figures;
  limitBytes: number;
  ok: boolean;
}

/** Lambda entries: every .ts file directly under functions/<name>/. */
export function lambdaEntries(root = ROOT): { name: string; entry: string }[] {
  const dir = path.join(root, 'functions');
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .flatMap((name) =>
      readdirSync(path.join(dir, name))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
        .map((file) => ({
          name: file === 'handler.ts' ? name : `${name}/${file.replace(/\.ts$/, '')}`,
          entry: path.join(dir, name, file),
        })),
    );
}

/**
 * The environment of the import: dummy credentials so handlers that need them initialise, and AWS
 * pointed at a closed local port with one attempt, so a handler that touches the store at init
 * fails fast instead of waiting on the network (the Lambda would reach DynamoDB in a few ms).
 */
const IMPORT_ENV = {
  PATH: process.env.PATH,
  IASPN_LOG_LEVEL: 'silent',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bundle-report',
  AWS_SECRET_ACCESS_KEY: 'bundle-report',
  AWS_MAX_ATTEMPTS: '1',
  AWS_EC2_METADATA_DISABLED: 'true',
  IASPN_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  IASPN_SES_ENDPOINT: 'http://127.0.0.1:9',
  SLACK_BOT_TOKEN: 'xoxb-bundle-report',
  SLACK_SIGNING_SECRET: 'bundle-report',
  TELEGRAM_BOT_TOKEN: '123456:bundle-report',
  TELEGRAM_WEBHOOK_SECRET: 'bundle-report',
  IASPN_TOKEN_SECRET: 'bundle-report-token-secret-bundle-report',
};

/**
 * Milliseconds to import the bundle in a fresh Node process, the median of IMPORT_RUNS runs.
 * Measured inside the child from just before `import()` to just after, so Node's own start-up is
 * not counted.
 */
function importMs(file: string): number | string {
  // Exits once measured: a handler may start work at init that outlives the import (the Slack bot
  // asks auth.test in the background, and with no network here the Web API client keeps retrying).
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t));process.exit(0);`;
  const run = () =>
    Number(
      execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
        cwd: path.dirname(file),
        env: IMPORT_ENV,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  try {
    const runs = Array.from({ length: IMPORT_RUNS }, run).sort((a, b) => a - b);
    return runs[Math.floor(runs.length / 2)]!;
  } catch (error) {
    // A bundle that cannot even be imported would fail every cold start: report why.
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return /^\w*Error: .*$/m.exec(stderr)?.[0] ?? stderr.split('\n')[0]!;
  }
}

/** Bytes in the output per npm package (or per top-level source folder for our own code). */
function largestSources(metafile: Metafile, outputs: string[], top = 5): { source: string; bytes: number }[] {
  const bySource = new Map<string, number>();
  for (const output of outputs.map((file) => metafile.outputs[file]!)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const source = pkg ?? file.split('/').slice(0, 2).join('/');
      bySource.set(source, (bySource.get(source) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bySource]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

/** The packages that resolved to infra/omitted-module.cjs (LAMBDA_BUNDLE.omittedModules). */
function omittedPackages(metafile: Metafile): string[] {
  const omitted = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.original && path.resolve(ROOT, imported.path) === OMITTED_MODULE)
        omitted.add(imported.original);
    }
  }
  return [...omitted].sort();
}

async function measure(entry: string, outdir: string, optimised: boolean): Promise<Figures> {
  const result = await build(esbuildOptions(entry, outdir, optimised));
  const metafile = result.metafile!;
  const code = Object.keys(metafile.outputs).filter((file) => !file.endsWith('.map'));
  const loaded = staticOutputs(metafile);
  const sizeOf = (files: string[]) => files.reduce((sum, file) => sum + metafile.outputs[file]!.bytes, 0);
  return {
    bytes: sizeOf(loaded),
    lazyBytes: sizeOf(code.filter((file) => !loaded.includes(file))),
    importMs: importMs(path.join(outdir, 'index.mjs')),
    largest: largestSources(metafile, loaded),
    omitted: omittedPackages(metafile),
  };
}

export async function bundleReport(root = ROOT): Promise<Row[]> {
  const out = mkdtempSync(path.join(tmpdir(), 'iaspn-bundles-'));
  try {
    const rows: Row[] = [];
    for (const { name, entry } of lambdaEntries(root)) {
      const slug = name.replace(/\W+/g, '-');
      const optimised = await measure(entry, path.join(out, slug), true);
      const baseline = await measure(entry, path.join(out, `${slug}-baseline`), false);
      const limitBytes = SIZE_LIMIT(name);
      rows.push({
        name,
        entry: path.relative(root, entry),
        optimised,
        baseline,
        limitBytes,
        ok:
          optimised.bytes < limitBytes &&
          typeof optimised.importMs === 'number' &&
          optimised.importMs < IMPORT_LIMIT_MS,
      });
    }
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number | string) => (typeof value === 'number' ? `${value.toFixed(0)} ms` : 'FAILED');
const ratio = (a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? `${(a / b).toFixed(2)}x` : '-';

/**
 * The yardstick for a loaded machine: the health bundle, measured in the same run. It is the
 * smallest (the store client, the logger, Node's http and crypto: what every bundle pays), so an
 * import time as a multiple of health's says how much a bundle adds to that floor, which holds
 * when a busy machine (CI, shared cores) scales every figure up together.
 */
const YARDSTICK = 'health';

function printTable(rows: Row[]): void {
  const header = [
    'lambda',
    'bundle',
    'baseline',
    'size ratio',
    'lazy chunks',
    'import',
    'baseline',
    'import ratio',
    `x ${YARDSTICK}`,
    'target',
  ];
  const yardstick = rows.find((r) => r.name === YARDSTICK)?.optimised.importMs ?? '-';
  const lines = rows.map((r) => [
    r.name,
    kb(r.optimised.bytes),
    kb(r.baseline.bytes),
    ratio(r.optimised.bytes, r.baseline.bytes),
    kb(r.optimised.lazyBytes),
    ms(r.optimised.importMs),
    ms(r.baseline.importMs),
    ratio(r.optimised.importMs, r.baseline.importMs),
    ratio(r.optimised.importMs, yardstick),
    `${r.ok ? 'ok' : 'MISSED'} (< ${kb(r.limitBytes)}, < ${IMPORT_LIMIT_MS} ms)`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  for (const line of [header, ...lines]) {
    console.log(line.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  }
  for (const r of rows.filter((row) => typeof row.optimised.importMs === 'string')) {
    console.log(`\n${r.name}: the deployed bundle fails to import: ${r.optimised.importMs}`);
  }
  console.log('\nlargest parts of each deployed bundle (entry and its static chunks):');
  for (const r of rows) {
    const omitted = r.optimised.omitted.length ? `; left out: ${r.optimised.omitted.join(', ')}` : '';
    console.log(
      `  ${r.name}: ${r.optimised.largest.map((l) => `${l.source} ${kb(l.bytes)}`).join(', ')}${omitted}`,
    );
  }
  console.log(
    `\nbundle = as deployed (minified, tree-shaken, ESM, AWS SDK bundled, split): index.mjs plus the chunks it imports statically (source maps not counted); lazy chunks = chunks reached only by dynamic import, loaded on first use and not counted; baseline = same without minification and tree-shaking; import = median of ${IMPORT_RUNS} fresh Node ${process.version} processes; x ${YARDSTICK} = import time over the ${YARDSTICK} bundle's in this run (what a bundle adds to the floor every bundle pays, comparable across machines and load; the target stays absolute).`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = await bundleReport();
  if (rows.length === 0) {
    console.error('No Lambda entries under functions/.');
    process.exitCode = 1;
  } else if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    printTable(rows);
  }
  // The CI smoke (IASPN_BENCH_SMOKE=1) fails on what is not a wall-clock figure: a bundle over its
  // size or one that does not import. Import times are reported, and enforced by `npm run bench`.
  const smoke = process.env.IASPN_BENCH_SMOKE === '1';
  const failed = rows.filter((r) =>
    smoke ? r.optimised.bytes >= r.limitBytes || typeof r.optimised.importMs !== 'number' : !r.ok,
  );
  if (failed.length > 0) process.exitCode = 1;
}
