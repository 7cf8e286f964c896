import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '#shared/config.js';
import { runIngestCycle } from '#shared/ingest/fanout.js';
import { fetchPolicyFrom } from '#shared/ingest/fetcher.js';
import { describeRun, JOBS, type JobSummary } from '#shared/jobs.js';
import type { Log } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { ensureTable } from '#shared/store/create-table.js';
import { type JobUse, probe, storeRequestCounter } from './probe.js';
import { type Load, seed, startPartnerSites, startServices, startSlackStandIn } from './world.js';

/**
 * One load run: the relay's real jobs, in cycle order, on the local stack (dynalite on disk and a
 * counting SES endpoint in a child process, partner sites and Slack's Web API as local stand-ins),
 * for one load. Three phases, each a whole cycle (ingest, search index, announcements, digests):
 *
 * 1. **first fetch**: every feed is new, no channel follows and nobody subscribes yet; ingest fans
 *    out to in-process workers past `fanOutAbove` feeds, as deployed to SQS;
 * 2. **steady cycle**, 30 minutes later: `newPerCycle` new items, every other feed answers 304;
 *    channels follow topics, subscribers are not yet due;
 * 3. **digest day**, a week later: the week's new items arrive in one cycle (the worst case for
 *    ingest and announcements) and every weekly subscriber is due.
 */

export interface JobReport extends JobUse {
  phase: string;
  job: string;
  said: string;
}

export interface LoadReport {
  load: Load;
  jobs: JobReport[];
  /** Per phase: feeds fetched once, more than once, never. */
  fetches: Record<string, { once: number; more: number; never: number }>;
  posts: { total: number; channels: number };
  emails: { emails: number; recipients: number; repeated: number };
  seedMs: number;
}

const ALL_JOBS = JOBS.map((j) => j.name);
const quietLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

export async function runLoad(
  load: Load & { newPerWeek: number },
  options: {
    say?: (line: string) => void;
    keepData?: boolean;
    /** Active feeds past which ingest fans out (the configuration's default: 100). */
    fanOutAbove?: number;
    /** The jobs' log (default: none). */
    log?: Log;
  } = {},
): Promise<LoadReport> {
  const say = options.say ?? (() => {});
  const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-load-'));
  const services = await startServices(dataDir);
  let now = Date.parse('2026-06-01T06:00:00.000Z');
  const sites = await startPartnerSites(load, new Date(now));
  const slack = await startSlackStandIn();
  const config = loadConfig({
    IASPN_TABLE_NAME: 'load-run',
    IASPN_DYNAMODB_ENDPOINT: services.dynamo,
    IASPN_SES_ENDPOINT: services.ses,
    IASPN_TOKEN_SECRET: 'load-run-token-secret-of-32-characters',
    IASPN_PUBLIC_URL: 'https://relay.example.org',
    IASPN_SES_RATE_PER_SECOND: '1000000',
    IASPN_ALLOW_PRIVATE_NETWORKS: 'true',
    SLACK_BOT_TOKEN: 'xoxb-load-run',
    SLACK_API_URL: slack.apiUrl,
    ...(options.fanOutAbove ? { IASPN_INGEST_FAN_OUT_ABOVE: String(options.fanOutAbove) } : {}),
  });
  // Time passes within a phase as it does on the machine, so that what ingest saw is before the
  // announcement run's end; between phases the clock jumps.
  let phaseStart = performance.now();
  const runtime = createRuntime(
    config,
    options.log ?? quietLog,
    () => new Date(now + (performance.now() - phaseStart)),
  );
  const counter = storeRequestCounter(runtime.store.client);
  // Every partner host resolves to the local partner sites.
  const policy = { ...fetchPolicyFrom(config), resolve: async () => [{ address: '127.0.0.1', family: 4 }] };
  const report: LoadReport = {
    load,
    jobs: [],
    fetches: {},
    posts: { total: 0, channels: 0 },
    emails: { emails: 0, recipients: 0, repeated: 0 },
    seedMs: 0,
  };

  const cycle = async (phase: string, jobs: readonly string[]) => {
    say(`${phase}`);
    phaseStart = performance.now();
    for (const name of jobs) {
      const run =
        name === 'ingest'
          ? () => runIngestCycle(runtime, { policy }).then((s) => ({ ...s }) as JobSummary)
          : () => JOBS.find((j) => j.name === name)!.run(runtime);
      const { result, use } = await probe(counter, run);
      const said = describeRun(name, result);
      report.jobs.push({ phase, job: name, said, ...use });
      say(
        `  ${name}: ${(use.ms / 1000).toFixed(1)} s, ${use.requests} store requests, peak RSS ${use.peakRssMb.toFixed(0)} MB, heap +${use.heapGrowthMb.toFixed(0)} MB: ${said}`,
      );
    }
    report.fetches[phase] = sites.takeFetches();
  };

  try {
    await ensureTable(runtime.store.client, config.tableName);
    say('seeding partners and feeds');
    await seed(runtime, { ...load, subscribers: 0, channels: 0 }, sites.urlOf, say);
    await cycle('first fetch', ALL_JOBS);
    say('seeding channels and subscribers');
    const seedStart = performance.now();
    await seed(runtime, { ...load, feeds: 0 }, sites.urlOf, say);
    report.seedMs = performance.now() - seedStart;

    sites.addItems(load.newPerCycle, new Date(now + 10 * 60_000));
    now += 30 * 60_000;
    await cycle('steady cycle', ALL_JOBS);

    sites.addItems(load.newPerWeek, new Date(now), new Date(now + 7 * 24 * 3_600_000 - 60_000));
    now += 7 * 24 * 3_600_000;
    await cycle('digest day', ALL_JOBS);

    report.posts = slack.takePosts();
    report.emails = await services.emails();
    return report;
  } finally {
    await slack.close();
    await sites.close();
    await services.close();
    if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}
