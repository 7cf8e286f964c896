import { describe, expect, it } from 'vitest';
import { CYCLE_JOBS } from '#shared/cycle.js';
import { describeCycle, describeRun, JOBS } from '#shared/jobs.js';

describe('the jobs of the cycle', () => {
  it('are the jobs of the cycle table, in its order', () => {
    expect(JOBS.map((j) => j.name)).toEqual(CYCLE_JOBS.map((j) => j.name));
    expect(JOBS.map((j) => j.name)).toEqual(['ingest', 'search-index', 'announce', 'digest']);
  });

  it('say what a run did, not its raw counters', () => {
    expect(describeRun('ingest', { feeds: 31, new: 1, updated: 0, failed: 2, itemsSeen: 86 })).toBe(
      '1 new resource from 31 feeds (2 failing)',
    );
    expect(describeRun('search-index', { written: true, resources: 87 })).toBe(
      'index rebuilt over 87 resources',
    );
    expect(describeRun('search-index', { written: false, resources: 87 })).toBe(
      'index unchanged (87 resources)',
    );
    // The announcement run re-reads an overlap window (86 resources) but posted one to 3 channels.
    expect(describeRun('announce', { resources: 86, posted: 1, batched: 0, channels: 3, failed: 0 })).toBe(
      '1 resource posted to 3 channels',
    );
    expect(describeRun('announce', { resources: 86, posted: 0, batched: 0, channels: 0 })).toBe(
      'nothing new to post',
    );
    // The same job posts the event reminders that are due.
    expect(describeRun('announce', { posted: 0, batched: 0, channels: 0, reminders: { sent: 2 } })).toBe(
      'nothing new to post, 2 event reminders sent',
    );
    expect(describeRun('digest', { due: 0, sent: 0 })).toBe('no digest due');
    expect(describeRun('digest', { due: 3, sent: 2, empty: 1, failed: 0 })).toBe(
      '2 digests sent, 1 with nothing new',
    );
  });

  it('sum a cycle up in one line', () => {
    const line = describeCycle([
      { job: 'ingest', ok: true, summary: { new: 1, itemsSeen: 86 } },
      { job: 'search-index', ok: true, summary: { written: true } },
      { job: 'announce', ok: true, summary: { resources: 86, posted: 1, channels: 3 } },
      { job: 'digest', ok: false },
    ]);
    expect(line).toBe('1 new resource, posted to 3 channels, failed: digest');
  });
});
