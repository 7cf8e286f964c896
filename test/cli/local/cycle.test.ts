import { describe, expect, it } from 'vitest';
import { type CycleResult, createCycleRunner } from '#cli/local/cycle.js';
import type { Job } from '#shared/jobs.js';
import type { Runtime } from '#shared/runtime/runtime.js';

/** The runner hands the runtime to the jobs untouched; these jobs do not use it. */
const runtime = {} as Runtime;

/** A job that records when it starts and ends, and ends when `release` is called (or at once). */
function recordingJob(name: Job['name'], events: string[], options: { gate?: boolean; fail?: boolean } = {}) {
  let release: () => void = () => undefined;
  const job: Job = {
    name,
    async run() {
      events.push(`${name} start`);
      if (options.gate) await new Promise<void>((resolve) => (release = resolve));
      events.push(`${name} end`);
      if (options.fail) throw new Error(`${name} broke`);
      return name === 'ingest' ? { new: 1, feeds: 3 } : { posted: 1, channels: 3 };
    },
  };
  return { job, release: () => release() };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('the local stack’s cycle', () => {
  it('runs the jobs in order, goes on past a failing one, and reports each result once', async () => {
    const events: string[] = [];
    const results: CycleResult[] = [];
    const cycles: CycleResult[][] = [];
    const runner = createCycleRunner(
      [
        recordingJob('ingest', events).job,
        recordingJob('search-index', events, { fail: true }).job,
        recordingJob('announce', events).job,
      ],
      runtime,
      { onResult: (r) => results.push(r), onCycle: (c) => cycles.push(c) },
    );
    const returned = await runner.run();
    expect(events).toEqual([
      'ingest start',
      'ingest end',
      'search-index start',
      'search-index end',
      'announce start',
      'announce end',
    ]);
    expect(results.map((r) => [r.job, r.ok])).toEqual([
      ['ingest', true],
      ['search-index', false],
      ['announce', true],
    ]);
    expect(results[1]!.error).toMatch(/search-index broke/);
    expect(results[0]!.said).toBe('1 new resource from 3 feeds');
    expect(cycles).toEqual([returned]);
  });

  it('lets a slow ingest delay the announcements, and never starts a cycle over a running one', async () => {
    const events: string[] = [];
    const ingest = recordingJob('ingest', events, { gate: true });
    let skipped = 0;
    const runner = createCycleRunner([ingest.job, recordingJob('announce', events).job], runtime, {
      onSkipped: () => {
        skipped += 1;
      },
    });
    runner.start(1);
    await until(() => events.includes('ingest start'));
    // Scheduled starts come and go while ingest is slow: each is skipped, nothing else runs.
    await until(() => skipped >= 3);
    expect(events).toEqual(['ingest start']);
    // A manual run meanwhile joins the running cycle instead of starting another.
    const joined = runner.run();
    ingest.release();
    const results = await joined;
    expect(results.map((r) => r.job)).toEqual(['ingest', 'announce']);
    await runner.stop();
    expect(events.slice(0, 4)).toEqual(['ingest start', 'ingest end', 'announce start', 'announce end']);
    // Whatever ran after, every job ended before the next one started.
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]!.replace(' start', ' end')).toBe(events[i + 1]);
    }
  });
});
