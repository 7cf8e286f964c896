import { describe, expect, it } from 'vitest';
import { announceLine } from '#cli/commands/announce.js';
import type { AnnounceSummary } from '#shared/announce/run.js';

const summary = (over: Partial<AnnounceSummary>): AnnounceSummary => ({
  resources: 96,
  channels: 3,
  posted: 0,
  batched: 0,
  batchMessages: 0,
  skipped: 0,
  recovered: 0,
  failed: 0,
  feedAlerts: 0,
  filterAlerts: 0,
  pausedChannels: [],
  postedTo: 'outbox',
  comparisons: 0,
  follows: 2,
  dryRun: false,
  since: '2026-12-06T01:02:13.102Z',
  cursor: '2026-12-07T00:32:13.102Z',
  storeRequests: 0,
  ms: 0,
  ...over,
});

describe('iaspn announce run, in words', () => {
  it('says what was posted where, and that the resources read are not all new', () => {
    expect(announceLine(summary({ posted: 1, skipped: 40 }))).toBe(
      '1 resource posted to 3 channels (1 single, 0 in 0 batch messages); 96 resources first seen since 2026-12-06 01:02 UTC read, 40 skipped (posted before, or held by another run)',
    );
  });

  it('says a dry run would post, and a run with nothing new that it posted nothing', () => {
    expect(announceLine(summary({ posted: 5, batched: 28, batchMessages: 1, dryRun: true }))).toMatch(
      /^33 resources would be posted to 3 channels \(5 single, 28 in 1 batch message\); 96 resources/,
    );
    expect(announceLine(summary({ resources: 1, channels: 1, skipped: 1, failed: 2 }))).toBe(
      'nothing new to post; 1 resource first seen since 2026-12-06 01:02 UTC read, 1 skipped (posted before, or held by another run), 2 failed (retried next run)',
    );
  });
});
