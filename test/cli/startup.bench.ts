import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { build, ROOT } from '../../scripts/build.js';
import { benchOptions, benchSize } from '../helpers/bench.js';

/**
 * How long an admin waits for `iaspn`: each command as a fresh process through bin/iaspn.js (the
 * compiled CLI in dist/), against a bare `node -e 0` measured in the same rounds, so the ratios hold
 * on a busy machine as on an idle one. Targets (issue 16): --help and --version within 3x; search,
 * feeds list and status within 5x against a running local stack, and within 10x against a data
 * directory the CLI opens itself.
 */

const ROUNDS = benchSize(7, 1);
const BIN = path.join(ROOT, 'bin/iaspn.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-startup-'));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', IASPN_LOG_LEVEL: 'warn' };

interface Case {
  name: string;
  args: string[];
  target?: number;
}
const BASELINE: Case = { name: 'node -e 0 (baseline)', args: ['-e', '0'] };
const cli = (name: string, args: string[], target: number): Case => ({
  name,
  args: [BIN, '--data-dir', dataDir, ...args],
  target,
});
const QUICK = [cli('iaspn --version', ['--version'], 3), cli('iaspn --help', ['--help'], 3)];
const STORE_COMMANDS = (target: number, where: string) => [
  cli(`iaspn search (${where})`, ['search', 'cash transfers', '--limit', '5'], target),
  cli(`iaspn feeds list (${where})`, ['feeds', 'list'], target),
  cli(`iaspn status (${where})`, ['status'], target),
];

class SourcesChanged extends Error {}

/**
 * Runs one case as a fresh process; fails on a non-zero exit. A source saved meanwhile (a tree
 * others edit) sends bin/iaspn.js to the tsx fallback: then the build is brought up to date and the
 * sample taken again, so every figure is the compiled CLI's.
 */
async function runOnce(c: Case): Promise<number> {
  for (;;) {
    try {
      return await spawnOnce(c);
    } catch (error) {
      if (!(error instanceof SourcesChanged)) throw error;
      await build();
    }
  }
}

function spawnOnce(c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, c.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (stderr.includes('running the sources through tsx')) reject(new SourcesChanged());
      else if (code !== 0) reject(new Error(`${c.name}: exit ${code}, ${stderr || 'no output'}`));
      else resolve(ms);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rounds of every case in turn (load shifts hit all of them alike); each case's median. */
async function measure(cases: Case[]): Promise<Map<Case, number>> {
  const samples = new Map<Case, number[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round += 1)
    for (const c of cases) samples.get(c)!.push(await runOnce(c));
  return new Map(cases.map((c) => [c, median(samples.get(c)!)]));
}

function report(title: string, medians: Map<Case, number>): string[] {
  const base = medians.get(BASELINE)!;
  return [
    title,
    ...[...medians].map(([c, ms]) => {
      const ratio = ms / base;
      const verdict = c.target ? `target ${c.target}x: ${ratio <= c.target ? 'met' : 'NOT MET'}` : '';
      return `  ${c.name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(1).padStart(5)}x  ${verdict}`;
    }),
  ];
}

let stack: ChildProcess | undefined;

async function startStack(): Promise<void> {
  stack = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'start', '--port', '0'], {
    env: { ...env, IASPN_LOG_LEVEL: 'info', IASPN_SES_PORT: '0', IASPN_FEEDS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Ready once its first cycle has ended (the digest job is the last), so that the stack's own work
  // does not run beside the measurements; and the library holds the sample feeds' resources.
  let log = '';
  for (const stream of [stack.stdout!, stack.stderr!])
    stream.on('data', (d) => {
      log += d;
    });
  for (let i = 0; i < 600; i += 1) {
    if (/cycle done|digest run done/.test(log) && existsSync(path.join(dataDir, 'stack.json'))) {
      const probe = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'status', '--json'], { env });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.on('close', () => resolve(out));
      });
      if (/"resources": [1-9]/.test(probe)) {
        await new Promise((r) => setTimeout(r, 2000));
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the local stack did not finish its first cycle in 10 minutes');
}

async function stopStack(): Promise<void> {
  if (!stack || stack.exitCode !== null) return;
  const exited = new Promise((resolve) => stack!.once('exit', resolve));
  stack.kill('SIGINT');
  await exited;
}

beforeAll(async () => {
  await build();
  await startStack();
  const onStack = await measure([BASELINE, ...QUICK, ...STORE_COMMANDS(5, 'running stack')]);
  await stopStack();
  const onDataDir = await measure([BASELINE, ...STORE_COMMANDS(10, 'data dir')]);
  console.log(
    [
      ...report(
        `iaspn start-up, median of ${ROUNDS} fresh processes, against node -e 0 in the same rounds`,
        onStack,
      ),
      ...report('  the same, on a data directory the CLI opens itself (no stack running)', onDataDir),
    ].join('\n'),
  );
}, 900_000);

afterAll(async () => {
  await stopStack();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('iaspn start-up (a fresh process each time; data directory, no stack)', () => {
  bench(BASELINE.name, async () => void (await runOnce(BASELINE)), benchOptions);
  for (const c of [...QUICK, ...STORE_COMMANDS(10, 'data dir')])
    bench(c.name, async () => void (await runOnce(c)), benchOptions);
});
