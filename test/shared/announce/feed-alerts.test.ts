import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPausedFeeds } from '#shared/announce/feed-alerts.js';
import { addFeed, newFeedHealth, putPartner, updateFeed } from '#shared/library/registry.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { recordingSender } from './helpers.js';

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

const NOW = '2026-11-25T10:00:00.000Z';

/** The admin channel: records what it is told, or fails as an unreachable channel would. */
function adminSender(fail = false) {
  const sender = recordingSender();
  const record = sender.post.bind(sender);
  sender.post = async (channel, reply) => {
    if (fail) throw new Error('admin channel unreachable');
    await record(channel, reply);
  };
  return sender;
}

async function pausedFeed(
  runtime: Awaited<ReturnType<TestServices['newRuntime']>>,
  id: string,
  fetchedAt: string,
) {
  await putPartner(
    runtime.store,
    { id: 'midis-pe', name: 'MIDIS', kind: 'ministry', country: 'PE', languages: ['es'], createdAt: NOW },
    'create',
  );
  await addFeed(runtime.store, {
    id,
    partnerId: 'midis-pe',
    url: `https://midis.example.gob.pe/${id}.xml`,
    defaultTopics: [],
    defaultCountries: [],
    status: 'active',
    health: newFeedHealth(),
    createdAt: NOW,
  });
  await updateFeed(runtime.store, id, {
    status: 'paused',
    health: {
      ...newFeedHealth(),
      consecutiveFailures: 10,
      lastFetchAt: fetchedAt,
      lastErrorKind: 'http_5xx',
      pausedReason: '10 failures in a row (http_5xx)',
    },
  });
}

describe('reporting paused feeds to the admin channel', () => {
  it('tells the admins once about a feed ingest paused, in the admin channel', async () => {
    const runtime = await services.newRuntime(
      { IASPN_ADMIN_CHANNEL: 'console:local:admins' },
      () => new Date(NOW),
    );
    await pausedFeed(runtime, 'noticias', '2026-11-25T09:45:00.000Z');
    const admins = adminSender();
    expect(await reportPausedFeeds(runtime, { console: admins })).toEqual(['noticias']);
    expect(admins.posts[0]!.reply.summary).toMatch(/noticias of MIDIS is paused: 10 failures in a row/);
    // A second run (or a concurrent one) says nothing more.
    expect(await reportPausedFeeds(runtime, { console: admins })).toEqual([]);
    expect(admins.posts).toHaveLength(1);
  });

  it('tries again on the next run when the admin channel could not be reached', async () => {
    const runtime = await services.newRuntime(
      { IASPN_ADMIN_CHANNEL: 'console:local:admins' },
      () => new Date(NOW),
    );
    await pausedFeed(runtime, 'boletin', '2026-11-25T09:45:00.000Z');
    expect(await reportPausedFeeds(runtime, { console: adminSender(true) })).toEqual([]);
    const admins = adminSender();
    expect(await reportPausedFeeds(runtime, { console: admins })).toEqual(['boletin']);
  });

  it('stays quiet about old pauses and when no admin channel is configured', async () => {
    const configured = await services.newRuntime(
      { IASPN_ADMIN_CHANNEL: 'console:local:admins' },
      () => new Date(NOW),
    );
    await pausedFeed(configured, 'viejo', '2026-11-01T00:00:00.000Z');
    expect(await reportPausedFeeds(configured, { console: adminSender() })).toEqual([]);
    const unconfigured = await services.newRuntime({}, () => new Date(NOW));
    await pausedFeed(unconfigured, 'nuevo', '2026-11-25T09:45:00.000Z');
    expect(await reportPausedFeeds(unconfigured, { console: adminSender() })).toEqual([]);
  });
});
