/**
 * The relay under load, measured on this machine (issue 20.4): the real jobs in cycle order against
 * the local stack, at a baseline load and at a multiple of it, each job's time, store requests and
 * peak memory, and how each grows against the load (linear, or faster, and by how much).
 *
 *   npm run load-run                      # the IASPN's load (×1) and ten times it (×10)
 *   npm run load-run -- --scale 2 --baseline 0.5
 *   npm run load-run -- --json            # both reports as JSON
 *
 * ×1 is 100 feeds of 10 items, 10,000 weekly subscribers, 500 channels following a topic, one new
 * resource a cycle and 230 a week; ×10 is 1,000 feeds, 100,000 subscribers and 5,000 channels.
 */
import { parseArgs } from 'node:util';
import { growth } from './load/growth.js';
import { type LoadReport, runLoad } from './load/run.js';
import { IASPN_LOAD, scaleLoad } from './load/world.js';

const USAGE = 'usage: npm run load-run -- [--scale 10] [--baseline 1] [--json]';
const NEW_PER_WEEK = 230;

function scale(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${flag} must be a number above 0, not ${JSON.stringify(value)}`);
  return n;
}

const loadAt = (k: number) => ({
  ...scaleLoad(IASPN_LOAD, k),
  newPerWeek: Math.max(1, Math.round(NEW_PER_WEEK * k)),
});

function print(report: LoadReport, k: number) {
  const { load } = report;
  console.log(
    `\n×${k}: ${load.feeds} feeds (${load.feeds * load.itemsPerFeed} first items), ${load.subscribers} subscribers, ${load.channels} channels; seeding channels and subscribers took ${(report.seedMs / 1000).toFixed(0)} s`,
  );
  console.log('phase           job            time     store req  peak RSS  heap+   what it did');
  for (const j of report.jobs)
    console.log(
      `${j.phase.padEnd(15)} ${j.job.padEnd(13)} ${`${(j.ms / 1000).toFixed(1)} s`.padStart(8)} ${String(j.requests).padStart(11)} ${`${j.peakRssMb.toFixed(0)} MB`.padStart(9)} ${`${j.heapGrowthMb.toFixed(0)} MB`.padStart(7)}   ${j.said}`,
    );
  for (const [phase, f] of Object.entries(report.fetches))
    console.log(`${phase}: feeds fetched once ${f.once}, more than once ${f.more}, never ${f.never}`);
  console.log(
    `posts to Slack: ${report.posts.total} in ${report.posts.channels} channels; digests: ${report.emails.emails} emails to ${report.emails.recipients} subscribers, ${report.emails.repeated} received twice`,
  );
}

function printGrowth(base: LoadReport, big: LoadReport, ratio: number) {
  console.log(`\ngrowth from the baseline to ${ratio}× its load (1.0 = linear)`);
  console.log(
    'phase           job            time                          store requests                 peak RSS',
  );
  for (const j of big.jobs) {
    const b = base.jobs.find((x) => x.phase === j.phase && x.job === j.job);
    if (!b) continue;
    const t = growth(b.ms, j.ms, ratio, 500);
    const r = growth(b.requests, j.requests, ratio, 50);
    const m = growth(b.peakRssMb, j.peakRssMb, ratio, 0);
    const cell = (g: { ratio: number; verdict: string }) =>
      `${g.ratio.toFixed(1)}× (${g.verdict})`.padEnd(30);
    console.log(`${j.phase.padEnd(15)} ${j.job.padEnd(13)}  ${cell(t)} ${cell(r)} ${m.ratio.toFixed(2)}×`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      baseline: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const big = scale('scale', values.scale, 10);
  const small = scale('baseline', values.baseline, 1);
  if (small >= big) throw new Error('--baseline must be below --scale');
  const say = values.json ? () => {} : (line: string) => console.log(line);
  say(`load run at ×${small} (baseline)`);
  const base = await runLoad(loadAt(small), { say });
  say(`\nload run at ×${big}`);
  const heavy = await runLoad(loadAt(big), { say });
  if (values.json) return void console.log(JSON.stringify({ baseline: base, scaled: heavy }, null, 2));
  print(base, small);
  print(heavy, big);
  printGrowth(base, heavy, big / small);
}

main().catch((error: Error) => {
  console.error(`load-run: ${error.message}\n${USAGE}`);
  process.exit(2);
});
