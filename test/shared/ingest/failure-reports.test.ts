import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedFailureReport, sqsFeedFailureReports } from '#shared/ingest/failure-reports.js';
import { type IngestSummary, summariseOutcomes } from '#shared/ingest/run.js';
import type { Log } from '#shared/log.js';
import { type LocalSqs, startLocalSqs } from '../../helpers/local-sqs.js';

const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/feed-failure-reports';
const AT = new Date('2026-12-06T22:00:00.000Z');

const summary = (failed: number): IngestSummary =>
  summariseOutcomes(3, [
    { feedId: 'a', status: 'not_modified' },
    ...Array.from({ length: failed }, (_, i) => ({
      feedId: `f${i}`,
      status: 'failed' as const,
      kind: 'timeout' as const,
      message: 'no answer in 20 s',
      pausedNow: i === 0,
    })),
  ]);

describe('feed failure reports (the FeedsFailing alarm counts them)', () => {
  let sqs: LocalSqs;
  const errors: { message: string; data?: Record<string, unknown> }[] = [];
  const log = { error: (message: string, data?: Record<string, unknown>) => errors.push({ message, data }) };
  const client = (endpoint: string) =>
    new SQSClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });

  beforeAll(async () => {
    sqs = await startLocalSqs();
  });
  afterAll(() => sqs.close());

  it('sends one report for a run whose feeds failed, and none for a run without failures', async () => {
    const report = sqsFeedFailureReports(client(sqs.endpoint), QUEUE, log as Pick<Log, 'error'>, () => AT);
    await report(summary(0));
    expect(sqs.sent).toEqual([]);
    await report(summary(2));
    expect(sqs.sent).toHaveLength(1);
    expect(sqs.sent[0]!.queueUrl).toBe(QUEUE);
    expect(JSON.parse(sqs.sent[0]!.body) as FeedFailureReport).toEqual({
      at: AT.toISOString(),
      feeds: 3,
      failed: 2,
      pausedNow: ['f0'],
    });
    expect(errors).toEqual([]);
  });

  it('logs an error, which the ErrorLines alarm counts, when the report cannot be sent', async () => {
    const closed = await startLocalSqs();
    await closed.close();
    const report = sqsFeedFailureReports(client(closed.endpoint), QUEUE, log as Pick<Log, 'error'>, () => AT);
    await expect(report(summary(1))).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'feed failures not reported', data: { failed: 1 } });
  });
});
