import { describe, expect, it } from 'vitest';
import { growth } from '../../scripts/load/growth.js';
import { runLoad } from '../../scripts/load/run.js';

describe('the load run (scripts/load-run.ts), at a small load', () => {
  it('runs every job of the cycle in each phase, fetches each feed once a cycle and sends each digest once', async () => {
    const load = { feeds: 9, itemsPerFeed: 3, subscribers: 30, channels: 8, newPerCycle: 2, newPerWeek: 12 };
    // Past 4 active feeds ingest fans out to the in-process workers, as the deployed stack does to SQS.
    const report = await runLoad(load, { fanOutAbove: 4 });

    const phases = ['first fetch', 'steady cycle', 'digest day'];
    expect(report.jobs.map((j) => `${j.phase}/${j.job}`)).toEqual(
      phases.flatMap((p) => ['ingest', 'search-index', 'announce', 'digest'].map((j) => `${p}/${j}`)),
    );
    for (const job of report.jobs) {
      expect(job.requests, `${job.phase}/${job.job}`).toBeGreaterThan(0);
      expect(job.peakRssMb).toBeGreaterThan(0);
    }
    const said = (phase: string, job: string) =>
      report.jobs.find((j) => j.phase === phase && j.job === job)!.said;
    expect(said('first fetch', 'ingest')).toBe('27 new resources from 9 feeds');
    expect(said('steady cycle', 'ingest')).toBe('2 new resources from 9 feeds');
    expect(said('steady cycle', 'digest')).toBe('no digest due');
    for (const phase of phases) expect(report.fetches[phase]).toEqual({ once: 9, more: 0, never: 0 });

    // Every weekly subscriber is due on digest day; those whose topic had nothing new get none.
    expect(report.emails.repeated).toBe(0);
    expect(report.emails.recipients).toBe(report.emails.emails);
    expect(report.emails.emails).toBeGreaterThan(10);
    expect(said('digest day', 'digest')).toMatch(new RegExp(`^${report.emails.emails} digests sent`));
    expect(report.posts.total).toBeGreaterThan(0);
  }, 180_000);
});

describe('growth against the load', () => {
  it('calls a figure that grows with the load linear, one that grows faster by how much', () => {
    expect(growth(100, 1_000, 10, 50).verdict).toBe('linear');
    expect(growth(100, 3_000, 10, 50).verdict).toBe('3.0× faster than linear');
    expect(growth(100, 120, 10, 50).verdict).toBe('sublinear');
    expect(growth(10, 3_000, 10, 50).verdict).toBe('too small to tell');
  });
});
