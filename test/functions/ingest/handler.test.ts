import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, getFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

const FEED =
  '<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>One</title><link>https://n.example.org/1</link></item></channel></rss>';

describe('the ingest Lambda handler', () => {
  let services: TestServices;
  let runtime: Runtime;
  let site: http.Server;
  let handler: typeof import('#functions/ingest/handler.js').handler;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    site = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    runtime = await services.newRuntime();
    await putPartner(
      runtime.store,
      { id: 'p', name: 'P', kind: 'ngo', languages: [], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
    for (const id of ['a', 'b']) {
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
    // The handler reads its configuration from the environment at cold start, as in Lambda.
    Object.assign(process.env, {
      IASPN_TABLE_NAME: runtime.config.tableName,
      IASPN_DYNAMODB_ENDPOINT: services.dynamoEndpoint,
      IASPN_FETCH_ALLOWED_ORIGINS: origin,
      IASPN_FETCH_CONCURRENCY: '1',
      IASPN_LOG_LEVEL: 'silent',
    });
    ({ handler } = await import('#functions/ingest/handler.js'));
  });

  afterAll(async () => {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    await services.close();
  });

  it('leaves every feed for the next run when the invocation has no time left', async () => {
    const summary = await handler({}, { getRemainingTimeInMillis: () => 5_000 });
    expect(summary).toMatchObject({ feeds: 2, deferred: 2, new: 0, storeWrites: 0 });
    expect((await getFeed(runtime.store, 'a'))!.health.lastFetchAt).toBeUndefined();
  });

  it('runs the ingest and returns its summary', async () => {
    const summary = await handler({}, { getRemainingTimeInMillis: () => 300_000 });
    expect(summary).toMatchObject({ feeds: 2, failed: 0, deferred: 0, new: 1, duplicates: 1 });
  });
});
