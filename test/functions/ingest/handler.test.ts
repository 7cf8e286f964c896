import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, getFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { captureEmf, publishedIn } from '../../helpers/emf.js';
import { setLambdaEnv } from '../../helpers/lambda-env.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { type LocalSqs, startLocalSqs } from '../../helpers/local-sqs.js';

const FEED =
  '<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>One</title><link>https://n.example.org/1</link></item></channel></rss>';

describe('the ingest Lambda handler', () => {
  let services: TestServices;
  let runtime: Runtime;
  let site: http.Server;
  let sqs: LocalSqs;
  let reports: string;
  let handler: typeof import('#functions/ingest/handler.js').handler;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    sqs = await startLocalSqs();
    // The SDK sends to the queue URL's own host: the stand-in's.
    reports = `${sqs.endpoint}/123456789012/feed-failure-reports`;
    // Feeds a and b serve the same item; c's server fails.
    site = http.createServer((req, res) =>
      req.url === '/c.xml'
        ? res.writeHead(500).end()
        : res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    runtime = await services.newRuntime();
    await putPartner(
      runtime.store,
      { id: 'p', name: 'P', kind: 'ngo', languages: [], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
    for (const id of ['a', 'b', 'c']) {
      await addFeed(runtime.store, {
        id,
        partnerId: 'p',
        url: `${origin}/${id}.xml`,
        defaultTopics: [],
        defaultCountries: [],
        status: 'active',
        health: newFeedHealth(),
        createdAt: '2025-01-01T00:00:00.000Z',
      });
    }
    setLambdaEnv(services, runtime, {
      IASPN_FETCH_ALLOWED_ORIGINS: origin,
      IASPN_FETCH_CONCURRENCY: '1',
      // RelayFunction sets this per function; the metrics keep their own service dimension.
      POWERTOOLS_SERVICE_NAME: 'iaspn-ingest',
      // As RelayIngestFanout sets it, with the role's credentials that Lambda puts in the environment.
      IASPN_FEED_FAILURES_QUEUE_URL: reports,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    ({ handler } = await import('#functions/ingest/handler.js'));
  });

  afterAll(async () => {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    await services.close();
    await sqs.close();
  });

  it('leaves every feed for the next run when the invocation has no time left', async () => {
    const { result: summary, emf } = await captureEmf(() =>
      handler({}, { getRemainingTimeInMillis: () => 5_000 }),
    );
    expect(summary).toMatchObject({ feeds: 3, deferred: 3, new: 0, storeWrites: 0 });
    expect((await getFeed(runtime.store, 'a'))!.health.lastFetchAt).toBeUndefined();
    // The counts line only: no count is a CloudWatch metric.
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ FeedsFetched: 0, FeedsFailed: 0, NewResources: 0 });
    // Nothing failed, so nothing is reported to the feed-failures queue.
    expect(sqs.sent).toEqual([]);
  });

  it('runs the ingest, returns its summary and publishes its metrics once', async () => {
    const { result: summary, emf } = await captureEmf(() =>
      handler({}, { getRemainingTimeInMillis: () => 300_000 }),
    );
    expect(summary).toMatchObject({ feeds: 3, failed: 1, deferred: 0, new: 1, duplicates: 1 });
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ service: 'ingest', FeedsFetched: 2, FeedsFailed: 1, NewResources: 1 });
    expect(publishedIn(emf[0]!)).toEqual([]);
    // Feed c failed: one report to the feed-failures queue, whose sent count the FeedsFailing alarm reads.
    expect(sqs.sent).toHaveLength(1);
    expect(sqs.sent[0]!.queueUrl).toBe(reports);
    expect(JSON.parse(sqs.sent[0]!.body)).toMatchObject({ feeds: 3, failed: 1, pausedNow: [] });
  });
});
