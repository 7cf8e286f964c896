import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAnswers } from '#cli/local/admin-answers.js';
import { adminRoute } from '#cli/local/admin-route.js';
import { startHttpServer } from '#cli/local/http-server.js';
import { closeServer } from '#cli/local/ports.js';
import type { HttpEvent } from '#shared/http/types.js';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import { silentLog } from '#shared/log.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { parseSearchLimit } from '#shared/search/request.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { request } from '../../helpers/local-http.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { makeResource } from '../../helpers/resources.js';

/**
 * The local stack's admin route: what `iaspn search`, `feeds list` and `status` ask a running stack
 * (test/cli/answers.test.ts runs them through the CLI). Served on the stack's real HTTP server here.
 */

const TOKEN = 'the-token-of-the-stack-file';
let services: TestServices;
let runtime: Runtime;
let base: string;
let route: ReturnType<typeof adminRoute>;
let close: () => Promise<void>;

/** Asks the route as the CLI does; `token` null sends no authorization header. */
const ask = (pathAndQuery: string, token: string | null = TOKEN, from?: string) =>
  request(`${base}/admin/${pathAndQuery}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    from,
  });

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  runtime = await services.newRuntime();
  await putPartner(
    runtime.store,
    {
      id: 'midis-pe',
      name: 'MIDIS',
      kind: 'ministry',
      languages: ['es'],
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    'create',
  );
  await runtime.store.batchWrite({
    puts: [
      resourceToItem(makeResource({ id: 'r1', partnerId: 'midis-pe', title: 'Cash transfers in Peru' })),
      resourceToItem(makeResource({ id: 'r2', partnerId: 'midis-pe', title: 'Early childhood in Peru' })),
    ],
  });
  await refreshSearchIndex(runtime);
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLog });
  route = adminRoute(adminAnswers(runtime), TOKEN, silentLog);
  server.mount([route]);
  base = `http://127.0.0.1:${server.port}`;
  close = () => closeServer(server.server);
}, 60_000);

afterAll(async () => {
  await close?.();
  await services?.close();
});

describe('the admin route of the local stack', () => {
  it('answers a question with what the command would compute on the store itself', async () => {
    const answers = adminAnswers(runtime);
    const search = await ask('search?query=cash%20transfers&limit=1');
    expect(search.status).toBe(200);
    const body = JSON.parse(search.body);
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['r1']);
    const direct = JSON.parse(JSON.stringify(await answers.search({ query: 'cash transfers', limit: 1 })));
    // A score weighs the resource's age at the moment of the search: the two differ in the 6th decimal.
    const unscored = (r: { hits: { score: number }[] }) => ({
      ...r,
      hits: r.hits.map(({ score: _, ...h }) => h),
    });
    expect(unscored(body)).toEqual(unscored(direct));
    expect(body.hits[0].score).toBeCloseTo(direct.hits[0].score, 3);
    expect(JSON.parse((await ask('feeds')).body)).toEqual(await answers.feeds({}));
    expect(JSON.parse((await ask('status')).body)).toMatchObject({
      reachable: true,
      counts: { resources: 2 },
    });
  });

  it('refuses a caller without the stack file token, or with another', async () => {
    for (const token of [null, '', 'wrong', `${TOKEN}x`, TOKEN.slice(1)]) {
      const answer = await ask('status', token);
      expect(answer.status, String(token)).toBe(401);
      expect(answer.body).not.toMatch(/partners|resources/);
    }
  });

  it('refuses a caller that is not on loopback, even with the token (IASPN_HOST=0.0.0.0)', async () => {
    const event = (sourceIp: string): HttpEvent => ({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/status',
      rawQueryString: '',
      headers: { authorization: `Bearer ${TOKEN}` },
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'local',
        http: { method: 'GET', path: '/status', protocol: 'HTTP/1.1', sourceIp, userAgent: '' },
        requestId: 'r',
        routeKey: '$default',
        stage: '$default',
        time: '',
        timeEpoch: 0,
      },
    });
    for (const sourceIp of ['192.0.2.7', '10.0.0.2', 'fd00::2', '::ffff:192.0.2.7', 'not-an-ip'])
      expect((await route.handler(event(sourceIp))).statusCode, sourceIp).toBe(403);
    for (const sourceIp of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])
      expect((await route.handler(event(sourceIp))).statusCode, sourceIp).toBe(200);
    // A second loopback address over a real connection is still loopback.
    expect((await ask('status', TOKEN, '127.0.0.2')).status).toBe(200);
  });

  it('refuses what the CLI refuses, in the words of the same parser', async () => {
    const limitMessage = (() => {
      try {
        parseSearchLimit('0');
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(limitMessage).toBe('must be a whole number from 1 to 50');
    for (const [query, error] of [
      ['search?query=x&limit=0', `limit ${limitMessage}`],
      ['search?query=x&limit=51', `limit ${limitMessage}`],
      ['search?query=x&limit=2.5', `limit ${limitMessage}`],
      ['search?query=x&limit=', `limit ${limitMessage}`],
      ['search?limit=3', 'missing parameter query'],
      ['search?query=x&sort=date', /^unknown parameter sort \(expected query, limit, cursor\b/],
      ['feeds?all=1', 'unknown parameter all (expected none)'],
      [
        'search?query=x&timeZone=Mars%2FOlympus',
        'timeZone "Mars/Olympus" is not an IANA time zone (like America/Bogota)',
      ],
    ] as const) {
      const answer = await ask(query);
      expect(answer.status, query).toBe(400);
      expect(JSON.parse(answer.body).error, query).toMatch(error);
    }
    expect((await ask('subscribers')).status).toBe(404);
    expect(
      (
        await request(`${base}/admin/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(405);
  });

  it('reads filters inside the query as the CLI does, and says what it could not read', async () => {
    const answer = JSON.parse((await ask('search?query=peru%20country%3Anarnia')).body);
    expect(answer.problems).toEqual([expect.stringMatching(/"narnia": no such country/)]);
  });

  it("reads a date typed in the query in the zone the CLI gives (its machine's, or --tz)", async () => {
    const since = async (zone: string) =>
      JSON.parse(
        (await ask(`search?query=x%20desde%3A15%2F03%2F2026&timeZone=${encodeURIComponent(zone)}`)).body,
      ).appliedFilter.since;
    expect(await since('america/lima')).toBe('2026-03-15T05:00:00.000Z');
    expect(await since('UTC')).toBe('2026-03-15T00:00:00.000Z');
  });
});
