import { describe, expect, it } from 'vitest';
import type { AnnounceSummary } from '#shared/announce/run.js';
import type { BotCore } from '#shared/bot/core.js';
import type { IngestSummary } from '#shared/ingest/run.js';
import type { Log } from '#shared/log.js';
import {
  announceCounts,
  COUNTS_MESSAGE,
  countingCommands,
  countingErrors,
  createMetrics,
  digestCounts,
  ingestCounts,
  METRIC,
  METRIC_SERVICE,
  metricsNamespace,
  PUBLISHED_METRICS,
  publishing,
  publishingBotRequests,
} from '#shared/metrics.js';
import { captureEmf, type EmfLine, publishedIn } from '../helpers/emf.js';

const testMetrics = () => createMetrics(metricsNamespace('test'), METRIC_SERVICE.bot);

describe('createMetrics', () => {
  it('logs every count in one line, and publishes only the counts named as published in one EMF line', async () => {
    const { emf } = await captureEmf(() => {
      const metrics = createMetrics(metricsNamespace('prod'), METRIC_SERVICE.ingest, undefined, [
        METRIC.feedsFailed,
      ]);
      metrics.countAll({ [METRIC.feedsFetched]: 7, [METRIC.feedsFailed]: 2, [METRIC.newResources]: 'n/a' });
      metrics.count(METRIC.newResources);
      metrics.publish();
    });
    expect(emf).toHaveLength(2);
    const [counts, published] = emf as [EmfLine, EmfLine];
    expect(counts).toMatchObject({
      message: COUNTS_MESSAGE,
      namespace: 'IaspnRelay/prod',
      service: 'ingest',
      FeedsFetched: 7,
      FeedsFailed: 2,
      NewResources: 1,
    });
    expect(publishedIn(counts)).toEqual([]);
    expect(published._aws!.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'IaspnRelay/prod',
      Dimensions: [['service']],
    });
    expect(publishedIn(published)).toEqual([METRIC.feedsFailed]);
    expect(published).toMatchObject({ service: 'ingest', FeedsFailed: 2 });
    expect(published).not.toHaveProperty('FeedsFetched');
  });

  it('publishes no CloudWatch metric by default: no alarm reads one (feeds failing are reported to SQS)', async () => {
    expect(PUBLISHED_METRICS).toEqual([]);
    const { emf } = await captureEmf(() => {
      const metrics = createMetrics(metricsNamespace('prod'), METRIC_SERVICE.ingest);
      metrics.countAll({ [METRIC.feedsFetched]: 7, [METRIC.feedsFailed]: 2 });
      metrics.publish();
    });
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ message: COUNTS_MESSAGE, FeedsFailed: 2 });
    expect(publishedIn(emf[0]!)).toEqual([]);
  });

  it('writes nothing when nothing was counted', async () => {
    const { emf } = await captureEmf(() => testMetrics().publish());
    expect(emf).toEqual([]);
  });
});

describe('publishing', () => {
  it('publishes the result’s counts once per invocation, and what was counted when the run throws', async () => {
    const metrics = testMetrics();
    const ok = await captureEmf(() =>
      publishing(
        metrics,
        async () => ({ sent: 3, failed: 1 }),
        (r) => digestCounts(r),
      ),
    );
    expect(ok.result).toEqual({ sent: 3, failed: 1 });
    expect(ok.emf).toHaveLength(1);
    expect(ok.emf[0]).toMatchObject({ DigestsSent: 3, DigestsFailed: 1 });

    const failed = await captureEmf(() =>
      publishing(metrics, async () => {
        metrics.count(METRIC.botCommands);
        throw new Error('boom');
      }).catch((error: Error) => error.message),
    );
    expect(failed.result).toBe('boom');
    expect(failed.emf).toHaveLength(1);
    expect(failed.emf[0]).toMatchObject({ BotCommands: 1 });
    expect(failed.emf[0]).not.toHaveProperty('DigestsSent');
  });
});

describe('run summaries to metrics', () => {
  it('ingest: fetched excludes failed, deferred and paused feeds; failed and new as counted', () => {
    const summary = {
      feeds: 10,
      failed: 2,
      deferred: 1,
      paused: 3,
      pausedNow: ['f1'],
      notModified: 4,
      new: 5,
    } as IngestSummary;
    // 10 feeds: 2 failed (1 of them paused now), 1 deferred, 2 paused before the run: 5 fetched.
    expect(ingestCounts(summary)).toEqual({ FeedsFetched: 5, FeedsFailed: 2, NewResources: 5 });
  });

  it('announcements: single posts and batch messages are posts; a dry run posts nothing', () => {
    const summary = { posted: 3, batchMessages: 2, batched: 9, failed: 1, dryRun: false } as AnnounceSummary;
    expect(announceCounts(summary)).toEqual({ AnnouncementsPosted: 5, AnnouncementsFailed: 1 });
    expect(announceCounts({ ...summary, dryRun: true })).toEqual({});
  });
});

describe('bot metrics', () => {
  it('counts commands, button presses and inline queries, and every logged error', async () => {
    const metrics = testMetrics();
    const logged: string[] = [];
    const base: Log = {
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (message) => logged.push(message),
    };
    const log = countingErrors(base, metrics);
    const core = countingCommands(
      {
        handleText: async () => ({ blocks: [], summary: 'ok' }),
        handleAction: async () => ({}),
        home: async () => ({ blocks: [], summary: 'home' }),
        followFromForm: async () => ({}),
        coopForm: async () => ({}) as never,
        coopFromForm: async () => ({}),
        inline: async () => [],
        language: async () => 'en',
        languageOfText: async () => 'en',
      } as BotCore,
      metrics,
    );
    const ctx = {} as Parameters<BotCore['handleText']>[0];
    const { emf } = await captureEmf(async () => {
      await core.handleText(ctx, '/search water');
      await core.handleAction(ctx, 'p:2');
      await core.inline(ctx, 'water', 5);
      await core.home(ctx);
      await core.language(ctx);
      log.warn('slow');
      log.error('bot command failed');
      metrics.publish();
    });
    expect(logged).toEqual(['bot command failed']);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ service: 'bot', BotCommands: 3, BotErrors: 1 });
  });

  it('counts a refused request as an error and publishes once per request', async () => {
    const metrics = testMetrics();
    let status = 401;
    const handler = publishingBotRequests(async () => ({ statusCode: status, body: '' }), metrics);
    const refused = await captureEmf(() => handler({} as never));
    expect(refused.result.statusCode).toBe(401);
    expect(refused.emf).toHaveLength(1);
    expect(refused.emf[0]).toMatchObject({ BotErrors: 1 });
    status = 200;
    const answered = await captureEmf(() => handler({} as never));
    expect(answered.emf).toEqual([]);
  });
});
