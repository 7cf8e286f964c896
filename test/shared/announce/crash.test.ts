import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS, deliveryKey } from '#shared/announce/claims.js';
import { realTimer } from '#shared/announce/pacing.js';
import type { Resource } from '#shared/domain/resource.js';
import { type ChannelRef, channelKeyOf } from '#shared/follows/state.js';
import { readClaims } from '#shared/store/claims.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { seededRandom } from '../../helpers/random.js';
import {
  follow,
  pairCounts,
  resource,
  type StandInCall,
  seedResources,
  slackChannel,
  startStandIns,
  telegramChat,
} from './helpers.js';

/**
 * Fault injection (issue 13.4): announcement runs in child processes (crash-child.ts) killed with
 * SIGKILL at random points while they post to the Slack and Telegram stand-in, whose every call
 * takes 200-800 ms (half before it accepts, half before it answers), then one clean run. Counted on
 * what the stand-in accepted: on Slack, nothing lost and nothing twice; on Telegram, nothing lost,
 * and a delivery posted twice only when a kill fell inside its window (accepted, not yet marked).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const LATENCY = { min: 200, max: 800 };
/** Each run's clock is this far ahead of the last: the dead run's leases have passed. */
const RUN_STEP_MS = CLAIM_LEASE_MS + 60_000;

let services: TestServices;
let childScript: string;
let buildDir: string | undefined;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
  // Bundled once, so that each of the 21 runs starts in a few hundred milliseconds.
  buildDir = mkdtempSync(path.join(tmpdir(), 'iaspn-crash-'));
  childScript = path.join(buildDir, 'crash-child.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/shared/announce/crash-child.ts')],
    outfile: childScript,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // The CommonJS packages inside an ES module bundle still call require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}, 60_000);
afterAll(async () => {
  await services?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

interface RunResult {
  killed: boolean;
  /** `<pk>|<sk>` of each `sent` mark with the wall-clock ms it was stored. */
  marks: { at: number; key: string }[];
}

/** A run's process, started ahead of its turn: it loads, then waits for `go`. */
interface Runner {
  loaded: Promise<void>;
  /** Starts the run with its clock `offsetMs` ahead; kills it when `kill` resolves, if given. */
  go(offsetMs: number, kill?: Promise<void>): Promise<RunResult>;
  stop(): void;
}

function startRunner(args: string[]): Runner {
  const child = spawn(process.execPath, [childScript, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onOutput = () => {};
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    onOutput();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.split('\n').includes(word)) resolve();
      };
      const previous = onOutput;
      onOutput = () => {
        previous();
        check();
      };
      check();
      void exited.then(() => reject(new Error(`the run's process exited before "${word}": ${err}`)));
    });
  const loaded = seen('loaded');
  loaded.catch(() => {});
  return {
    loaded,
    async go(offsetMs, kill) {
      await loaded;
      child.stdin.write(`go ${offsetMs}\n`);
      let killed = false;
      void kill?.then(() => {
        if (child.exitCode !== null) return;
        killed = !out.includes('done\n');
        child.kill('SIGKILL');
      });
      const code = await exited;
      if (!killed && code !== 0) throw new Error(`announce run failed (${code}): ${err}`);
      const marks = out
        .split('\n')
        .filter((line) => line.startsWith('sent '))
        .flatMap((line) => {
          const [, at, ...keys] = line.split(' ');
          return keys.map((key) => ({ at: Number(at), key }));
        });
      return { killed, marks };
    },
    stop: () => child.kill('SIGKILL'),
  };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const key = (channel: ChannelRef, resourceId: string) =>
  `DELIVERY#announce#CHAN#${channel.platform}#${channel.workspaceId}#${channel.channelId}|${resourceId}`;

describe('announcement runs killed at random points (fault injection)', () => {
  it(`after ${KILLS} kills and a clean run: on Slack 0 lost and 0 duplicated deliveries; on Telegram 0 lost`, async () => {
    const random = seededRandom(1304);
    let offset = 0;
    const t0 = Date.now();
    const stand = await startStandIns(realTimer, undefined, {
      latencyMs: LATENCY,
      random,
      now: () => Date.now() + offset,
    });
    try {
      const runtime = await services.newRuntime();
      const slack = Array.from({ length: 4 }, (_, i) => slackChannel(`C${i}`));
      const telegram = Array.from({ length: 2 }, (_, i) => telegramChat(`${700 + i}`));
      const channels = [...slack, ...telegram];
      for (const channel of channels)
        await follow(runtime, channel, { topics: ['education'] }, new Date(t0 - 3_600_000).toISOString());
      const seeded: Resource[] = [];
      // New resources keep arriving between runs, as ingest goes on: every run has work to be killed in.
      const arrive = async (run: number, n: number) => {
        const at = new Date(t0 + run * RUN_STEP_MS - 60_000).toISOString();
        const batch = Array.from({ length: n }, (_, i) =>
          resource({ id: `r${run}x${i}`, topics: ['education'], firstSeenAt: at, publishedAt: at }),
        );
        seeded.push(...batch);
        await seedResources(runtime, batch);
      };
      // Every delivery a post of its own, so that the stand-in's messages name every delivery.
      const args = [services.dynamoEndpoint, runtime.config.tableName, stand.url, '100'];
      const afterFirstPost = async (ms: number) => {
        const before = stand.calls.length;
        const gaveUpAt = Date.now() + 15_000;
        while (stand.calls.length === before && Date.now() < gaveUpAt) await wait(10);
        await wait(ms);
      };

      let kills = 0;
      let run = 0;
      const marks: RunResult['marks'] = [];
      // The next runs' processes load while this one runs.
      const ahead = [startRunner(args), startRunner(args)];
      try {
        for (; kills < KILLS && run < KILLS * 2; run += 1) {
          await arrive(run, run === 0 ? 3 : 1);
          offset = run * RUN_STEP_MS;
          const current = ahead.shift()!;
          ahead.push(startRunner(args));
          // Killed at a random point after the run's first post reached the platform.
          const result = await current.go(offset, afterFirstPost(random() * 800));
          marks.push(...result.marks);
          if (result.killed) kills += 1;
        }
        expect(kills).toBe(KILLS);
        offset = run * RUN_STEP_MS;
        const clean = await ahead.shift()!.go(offset);
        expect(clean.killed).toBe(false);
        marks.push(...clean.marks);
      } finally {
        for (const runner of ahead) runner.stop();
      }

      const counts = pairCounts(stand.calls);
      const expected = channels.flatMap((c) => seeded.map((r) => `${c.channelId}|${r.id}`));
      const lost = expected.filter((pair) => !counts.has(pair));
      const twice = (chats: ChannelRef[]) =>
        chats.flatMap((c) => seeded.filter((r) => (counts.get(`${c.channelId}|${r.id}`) ?? 0) > 1));
      expect(lost).toEqual([]);
      expect(twice(slack)).toEqual([]);
      // On Telegram only a post in flight when its run was killed may go out twice: one per chat per kill at most.
      expect(twice(telegram).length).toBeLessThanOrEqual(KILLS * telegram.length);
      // Telegram's window, measured: from the platform accepting a post to its `sent` mark stored
      // (`total`), and the part after the platform's answer left it (`ours`). Written out on request.
      const windows = telegram.flatMap((chat) =>
        stand.calls
          .filter((call: StandInCall) => call.ok && call.channel === chat.channelId && call.acceptedAt)
          .flatMap((call) => {
            const mark = marks.find(
              (m) => m.key === key(chat, call.ids[0] ?? '') && m.at >= call.acceptedAt!,
            );
            // A mark from a later run (this run's line was lost with the process) says nothing.
            if (!mark || mark.at - call.acceptedAt! > 5000) return [];
            return [
              { total: mark.at - call.acceptedAt!, ours: mark.at - (call.answeredAt ?? call.acceptedAt!) },
            ];
          }),
      );
      expect(windows.length).toBeGreaterThan(0);
      if (process.env.CRASH_REPORT)
        writeFileSync(
          process.env.CRASH_REPORT,
          JSON.stringify(
            {
              kills,
              runs: run + 1,
              deliveries: { slack: slack.length * seeded.length, telegram: telegram.length * seeded.length },
              duplicates: { slack: twice(slack).length, telegram: twice(telegram).length },
              windowMs: {
                total: percentiles(windows.map((w) => w.total)),
                ours: percentiles(windows.map((w) => w.ours)),
              },
            },
            null,
            2,
          ),
        );

      // Every delivery is marked sent in the store: no later run posts any of them again.
      const records = await readClaims(
        runtime.store,
        channels.flatMap((c) => seeded.map((r) => deliveryKey(channelKeyOf(c), r.id))),
      );
      expect([...records.values()].filter((r) => r.state === 'sent')).toHaveLength(expected.length);
    } finally {
      await stand.close();
    }
  }, 240_000);
});
