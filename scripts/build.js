#!/usr/bin/env node
// The build: tsc compiles the project (tsconfig.build.json) to dist/, then esbuild bundles the CLI
// from dist/cli/entry.js into dist/bundle/ (a chunk per command, loaded when it runs), so that the
// `iaspn` CLI runs compiled JavaScript instead of transpiling TypeScript on every start, and loads a
// few files instead of the thousand modules of the AWS SDK and the rest. `npm ci` runs it (the
// `prepare` script); bin/iaspn.js and the tests' global setup call `staleSource()` to know whether
// dist/ still matches the sources. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSCONFIG = 'tsconfig.build.json';
/** Written last, with the build's start time: dist/ holds every source older than it. */
const STAMP = 'dist/package.json';
const LOCK = 'dist/.build-lock';

/** Every file the build depends on: the compiled directories and the configuration. */
function* inputs(root) {
  const { include } = JSON.parse(readFileSync(path.join(root, TSCONFIG), 'utf8'));
  for (const file of ['package.json', 'tsconfig.json', TSCONFIG]) yield path.join(root, file);
  const walk = function* (dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(full);
      else yield full;
    }
  };
  for (const dir of include) yield* walk(path.join(root, dir));
}

/**
 * The first input newer than the build (relative to `root`), 'dist/' when there is no build, or
 * undefined when dist/ is up to date.
 */
export function staleSource(root = ROOT) {
  let built;
  try {
    built = statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return 'dist/';
  }
  for (const file of inputs(root)) if (statSync(file).mtimeMs > built) return path.relative(root, file);
  return undefined;
}

/** Files tsc does not emit (sample feeds, templates) go beside the compiled modules that read them. */
function copyAssets(root) {
  const { include } = JSON.parse(readFileSync(path.join(root, TSCONFIG), 'utf8'));
  for (const file of inputs(root)) {
    const relative = path.relative(root, file);
    if (!include.some((dir) => relative.startsWith(`${dir}${path.sep}`)) || file.endsWith('.ts')) continue;
    const target = path.join(root, 'dist', relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/**
 * Packages the CLI bundle leaves to node_modules: native code (dynalite's LevelDB), servers with
 * files of their own (the SES emulator's inbox, Express), the bots, tsx, and iconv-lite (its code
 * page tables load lazily from its own directory). Everything else, the AWS SDK first, is bundled.
 */
const UNBUNDLED = [
  'dynalite',
  'aws-ses-v2-local',
  'express',
  'tsx',
  '@slack/bolt',
  '@slack/socket-mode',
  'telegraf',
  'playwright-core',
  'iconv-lite',
];

/**
 * Bundles dist/cli/entry.js into dist/bundle/, split at each `await import()` so that a command's
 * chunk loads only when it runs. Each module keeps its own `import.meta.url` (the sample feeds are
 * found beside feed-server.js, as in dist/cli/local/).
 */
async function bundleCli(root) {
  const entry = path.join(root, 'dist/cli/entry.js');
  if (!statSync(entry, { throwIfNoEntry: false })) return;
  const esbuild = await import('esbuild');
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: 'js',
      }));
    },
  };
  const next = path.join(root, `dist/bundle-next-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [entry],
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: UNBUNDLED,
    // CommonJS dependencies call require(); give the ES module bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    charset: 'utf8',
    logLevel: 'error',
    plugins: [ownUrl],
  });
  publish(next, path.join(root, 'dist/bundle'));
}

/**
 * Moves a new bundle into place while CLI processes may be running the old one (a test run, a local
 * stack): chunk names carry a hash of their content, so each file is renamed in (atomic), the entry
 * last, and the old chunks a running process may still import are removed only after an hour.
 */
function publish(next, live) {
  mkdirSync(live, { recursive: true });
  const files = readdirSync(next);
  for (const file of files.filter((f) => f !== 'entry.js'))
    renameSync(path.join(next, file), path.join(live, file));
  renameSync(path.join(next, 'entry.js'), path.join(live, 'entry.js'));
  rmSync(next, { recursive: true, force: true });
  const anHourAgo = Date.now() - 3_600_000;
  for (const file of readdirSync(live)) {
    const full = path.join(live, file);
    if (!files.includes(file) && statSync(full).mtimeMs < anHourAgo) rmSync(full, { force: true });
  }
}

/** The package scope of dist/: ES modules, and `#shared/*` and the others mapped inside dist/. */
function writeStamp(root, startedAt) {
  const { imports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const stamp = path.join(root, STAMP);
  writeFileSync(stamp, `${JSON.stringify({ type: 'module', private: true, imports }, null, 2)}\n`);
  utimesSync(stamp, startedAt, startedAt);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One build at a time per tree (two test runs may start together); a lock over 5 minutes old is left over. */
async function withLock(root, body) {
  const lock = path.join(root, LOCK);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Compiles the project into dist/ unless it is up to date. Type errors do not stop the build (tsc
 * still emits, and `npm run typecheck` is where they fail); anything else that stops tsc does.
 * Returns what was stale, or undefined when there was nothing to do.
 */
export function build(root = ROOT, { force = false } = {}) {
  return withLock(root, async () => {
    const stale = force ? 'forced' : staleSource(root);
    if (!stale) return undefined;
    // Sources saved while tsc runs are newer than the stamp, so the next check builds again.
    const startedAt = new Date();
    const tsc = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, TSCONFIG)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
    );
    // tsc exits 2 when it found type errors and emitted anyway, 1 when it emitted nothing.
    if (tsc.status !== 0 && tsc.status !== 2) {
      process.stderr.write(tsc.stdout ?? '');
      throw new Error(`tsc -p ${TSCONFIG} failed (exit ${tsc.status ?? tsc.signal})`);
    }
    if (tsc.status === 2)
      process.stderr.write(
        `${tsc.stdout}build: dist/ is emitted, but the sources have the type errors above (npm run typecheck)\n`,
      );
    copyAssets(root);
    await bundleCli(root);
    writeStamp(root, startedAt);
    return stale;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const stale = await build(ROOT, { force: process.argv.includes('--force') });
    process.stderr.write(
      stale ? `build: dist/ compiled (${stale} was newer)\n` : 'build: dist/ is up to date\n',
    );
  } catch (error) {
    process.stderr.write(`build: failed: ${error.message}\n`);
    // On install (`prepare`), a tree that does not build must not stop `npm ci` from installing:
    // the CLI then runs the sources through tsx, and `npm test` fails on the same errors.
    if (process.env.npm_lifecycle_event === 'prepare')
      process.stderr.write(
        'build: the CLI will run the sources through tsx until `npm run build` succeeds\n',
      );
    else process.exitCode = 1;
  }
}
