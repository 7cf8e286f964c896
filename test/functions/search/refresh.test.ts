import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpEvent } from '#shared/http/types.js';
import { addFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import { setLambdaEnv } from '../../helpers/lambda-env.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { httpEvent, signSlack, startRecorder } from '../../shared/bot/fixtures.js';

const SECRET = 'sequence-signing-secret';

const rss = (items: { guid: string; title: string }[]) =>
  `<rss version="2.0"><channel><title>Partner news</title>${items
    .map(
      (i) =>
        `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://partner.example.org/${i.guid}</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;

/**
 * The deployed cycle's handlers in the order the stack chains them (ingest → search index), with
 * the Slack bot handler searching in between, each imported as its Lambda would load it, against
 * dynalite: a resource ingested after the bot's first search is found by the same warm container.
 */
describe('search kept fresh by the deployed cycle', () => {
  let services: TestServices;
  let site: http.Server;
  let slackApi: Awaited<ReturnType<typeof startRecorder>>;
  const items = [{ guid: 'cct-1', title: 'Conditional cash transfers in Paraguay' }];
  let ingest: typeof import('#functions/ingest/handler.js').handler;
  let refresh: typeof import('#functions/search/refresh.js').handler;
  let slack: typeof import('#functions/bot/slack.js').handler;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    site = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    slackApi = await startRecorder(() => ({ body: { ok: true, user: { id: 'U1', locale: 'en-US' } } }));
    const runtime = await services.newRuntime();
    await putPartner(
      runtime.store,
      { id: 'p', name: 'Partner', kind: 'ngo', languages: [], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
    await addFeed(runtime.store, {
      id: 'news',
      partnerId: 'p',
      url: `${origin}/news.xml`,
      defaultTopics: [],
      defaultCountries: [],
      status: 'active',
      health: newFeedHealth(),
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    setLambdaEnv(services, runtime, {
      IASPN_FETCH_ALLOWED_ORIGINS: origin,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-sequence',
      SLACK_API_URL: `${slackApi.url}/api/`,
    });
    ({ handler: ingest } = await import('#functions/ingest/handler.js'));
    ({ handler: refresh } = await import('#functions/search/refresh.js'));
    ({ handler: slack } = await import('#functions/bot/slack.js'));
  });

  afterAll(async () => {
    vi.useRealTimers();
    site?.closeAllConnections();
    await new Promise((resolve) => site?.close(resolve));
    await slackApi?.close();
    await services?.close();
  });

  const search = async (text: string): Promise<string> => {
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'D1',
      channel_name: 'directmessage',
      user_id: 'U1',
      command: '/iaspn',
      text: `search ${text}`,
      response_url: `${slackApi.url}/response`,
      trigger_id: '1',
    }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    const event: HttpEvent = httpEvent(body, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signSlack(SECRET, ts, body),
    });
    const res = (await slack(event as never)) as { statusCode: number; body?: string };
    expect(res.statusCode).toBe(200);
    return res.body ?? '';
  };

  it('finds a resource ingested after the first search, once the index job has run', async () => {
    expect(await ingest({}, { getRemainingTimeInMillis: () => 300_000 })).toMatchObject({ new: 1 });
    expect(await refresh()).toMatchObject({ written: 'base', resources: 1 });
    expect(await search('cash transfers')).toContain('Paraguay');
    expect(await search('graduation Honduras')).not.toContain('Graduation programme results');

    items.push({ guid: 'grad-2', title: 'Graduation programme results in Honduras' });
    expect(await ingest({}, { getRemainingTimeInMillis: () => 300_000 })).toMatchObject({ new: 1 });
    // Only the new resource is read and written, as a delta segment beside the base.
    expect(await refresh()).toMatchObject({ written: 'delta', changed: 1, resources: 2 });

    // The warm container trusts its index for 30 s, then sees the new snapshot's head.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 31_000);
    expect(await search('graduation Honduras')).toContain('Graduation programme results in Honduras');
    expect(await search('cash transfers')).toContain('Paraguay');
  });

  it('writes nothing when ingest changed nothing', async () => {
    await ingest({}, { getRemainingTimeInMillis: () => 300_000 });
    expect(await refresh()).toMatchObject({ written: false, resources: 2 });
  });

  it('shows each job’s last run on the deployed /health', async () => {
    const { handler: health } = await import('#functions/health/handler.js');
    const res = await health();
    expect(res.statusCode).toBe(200);
    const report = JSON.parse(res.body ?? '{}');
    expect(report.store).toEqual({ reachable: true });
    expect(report.search.resources).toBe(2);
    expect(report.jobs.ingest).toMatchObject({ ok: true, said: '0 new resources from 1 feed' });
    expect(report.jobs['search-index']).toMatchObject({ ok: true, said: 'index unchanged (2 resources)' });
    expect(report.jobs.announce).toBeNull();
  });
});
