import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS } from '#shared/announce/claims.js';
import { realTimer } from '#shared/announce/pacing.js';
import { createEntry } from '#shared/coop/store.js';
import { addFollow } from '#shared/follows/state.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { seededRandom } from '../../helpers/random.js';
import { startStandIns } from '../announce/helpers.js';
import { draft } from './notify-fixtures.js';

/**
 * Fault injection for the cooperation notices: runs in child processes (notify-crash-child.ts)
 * killed with SIGKILL at random points while they tell, against a Slack and Telegram stand-in whose
 * calls take 100-400 ms and the SES emulator; a new request arrives before each run; then one
 * clean run. Counted on what the platforms accepted: nothing lost anywhere, nothing twice on Slack,
 * and on Telegram and email at most the one message in flight when a run was killed.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const KILLS = Number(process.env.COOP_CRASH_KILLS ?? 6);
const RUN_STEP_MS = CLAIM_LEASE_MS + 60_000;

let services: TestServices;
let childScript: string;
let buildDir: string | undefined;
beforeAll(async () => {
  services = await startTestServices();
  buildDir = mkdtempSync(path.join(tmpdir(), 'iaspn-coop-crash-'));
  childScript = path.join(buildDir, 'notify-crash-child.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/shared/coop/notify-crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}, 120_000);
afterAll(async () => {
  await services?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one child with its clock `offsetMs` ahead; kills it when `kill` resolves. True when killed. */
async function runChild(args: string[], offsetMs: number, kill?: () => Promise<void>): Promise<boolean> {
  const child = spawn(process.execPath, [childScript, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d;
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  while (!out.includes('loaded\n')) {
    if (child.exitCode !== null) throw new Error(`the run's process exited before loading: ${err}`);
    await wait(20);
  }
  child.stdin.write(`go ${offsetMs}\n`);
  let killed = false;
  void kill?.().then(() => {
    if (child.exitCode !== null) return;
    killed = !out.includes('done\n');
    child.kill('SIGKILL');
  });
  const code = await exited;
  if (!killed && code !== 0) throw new Error(`notify run failed (${code}): ${err}`);
  return killed;
}

describe('cooperation notice runs killed at random points (fault injection)', () => {
  it(`after ${KILLS} kills and a clean run: nothing lost; nothing twice on Slack; on Telegram and email at most one a kill`, async () => {
    const random = seededRandom(1804);
    let offset = 0;
    const stand = await startStandIns(realTimer, undefined, {
      latencyMs: { min: 100, max: 400 },
      random,
      now: () => Date.now() + offset,
    });
    try {
      const t0 = Date.now();
      const runtime = await services.newRuntime({}, () => new Date(Date.now() + offset));
      const at = () => new Date(t0 + offset - 60_000);
      for (const name of ['brazil', 'chile', 'peru'] as const)
        await createEntry(runtime.store, draft(name), { who: 'test', at: at() });
      await addFollow(
        runtime.store,
        { platform: 'slack', workspaceId: 'T1', channelId: 'CREG' },
        { topics: ['social-registries'] },
        { userId: 'U1', at: at() },
      );
      const args = [
        services.dynamoEndpoint,
        services.sesEndpoint,
        runtime.config.tableName,
        stand.url,
        'slack:T0:COPS',
      ];
      const requests: string[] = [];
      const afterFirstCall = (ms: number) => async () => {
        const before = stand.calls.length;
        const gaveUpAt = Date.now() + 15_000;
        while (stand.calls.length === before && Date.now() < gaveUpAt) await wait(10);
        await wait(ms);
      };
      let kills = 0;
      let run = 0;
      for (; kills < KILLS && run < KILLS * 3; run += 1) {
        offset = run * RUN_STEP_MS;
        // A new request arrives before each run (the first run also tells the three offers).
        const { entry } = await createEntry(
          runtime.store,
          draft('request', {
            ref: `CR-${run}`,
            origin: { face: 'telegram', address: '42:700', language: 'es' },
          }),
          { who: 'test', at: at() },
        );
        requests.push(entry.id);
        if (await runChild(args, offset, afterFirstCall(random() * 600))) kills += 1;
      }
      expect(kills).toBe(KILLS);
      offset = run * RUN_STEP_MS;
      expect(await runChild(args, offset)).toBe(false);

      // Slack, from the message metadata: every request to the admin channel, the registries
      // channel and Brazil's member, once.
      const slack = new Map<string, number>();
      for (const m of stand.slackMessages)
        for (const id of String(m.metadata?.event_payload.deliveries ?? '').split(' '))
          slack.set(`${m.channel}|${id}`, (slack.get(`${m.channel}|${id}`) ?? 0) + 1);
      const expectedSlack = requests.flatMap((id) => [
        `COPS|COOP#admin#${id}`,
        `CREG|COOP#topic#${id}`,
        `CBRAZIL|COOP#counterpart#${id}`,
      ]);
      expect(expectedSlack.filter((k) => !slack.has(k))).toEqual([]);
      expect([...slack].filter(([k, n]) => k.includes('R-') && n > 1)).toEqual([]);

      // Telegram: each requester's best three; email: Peru's contact told of each request. A
      // message is a repeat when every request it names was named by an earlier one; at most the
      // one in flight per recipient when a run was killed.
      const telegram = stand.calls
        .filter((c) => c.ok && c.channel === '700')
        .map((c) => String(c.params.text));
      const peru = (await services.sentEmails())
        .filter((e) => e.destination.to.some((to) => to.includes('cooperacion@midis.example')))
        .map((e) => e.body.text ?? '');
      const repeats = (messages: string[]) => {
        const seen = new Set<string>();
        let count = 0;
        for (const text of messages) {
          const named = requests.filter((id) => text.includes(id));
          if (named.length && named.every((id) => seen.has(id))) count += 1;
          for (const id of named) seen.add(id);
        }
        return { count, missing: requests.filter((id) => !seen.has(id)) };
      };
      expect(repeats(telegram).missing).toEqual([]);
      expect(repeats(peru).missing).toEqual([]);
      expect(repeats(telegram).count).toBeLessThanOrEqual(KILLS);
      expect(repeats(peru).count).toBeLessThanOrEqual(KILLS);
      if (process.env.CRASH_REPORT)
        console.log(
          JSON.stringify({
            kills,
            runs: run + 1,
            telegramRepeats: repeats(telegram).count,
            emailRepeats: repeats(peru).count,
            slackDeliveries: expectedSlack.length,
          }),
        );
    } finally {
      await stand.close();
    }
  }, 300_000);
});
