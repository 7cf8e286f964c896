#!/usr/bin/env node
// The build: tsc compiles the project (tsconfig.build.json) to dist/, so that the `iaspn` CLI runs
// compiled JavaScript instead of transpiling TypeScript on every start. `npm ci` runs it (the
// `prepare` script); bin/iaspn.js and the tests' global setup call `staleSource()` to know whether
// dist/ still matches the sources. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** The package scope of dist/: ES modules, and `#shared/*` and the others mapped inside dist/. */
function writeStamp(root, startedAt) {
  const { imports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const stamp = path.join(root, STAMP);
  writeFileSync(stamp, `${JSON.stringify({ type: 'module', private: true, imports }, null, 2)}\n`);
  utimesSync(stamp, startedAt, startedAt);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One build at a time per tree (two test runs may start together); a lock over 5 minutes old is left over. */
function withLock(root, body) {
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
    return body();
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
  return withLock(root, () => {
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
    writeStamp(root, startedAt);
    return stale;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stale = build(ROOT, { force: process.argv.includes('--force') });
  process.stderr.write(
    stale ? `build: dist/ compiled (${stale} was newer)\n` : 'build: dist/ is up to date\n',
  );
}
