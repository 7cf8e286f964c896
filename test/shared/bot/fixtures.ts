import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBotCore } from '#shared/bot/core.js';
import type { BotPorts, SubscribeInput } from '#shared/bot/ports.js';
import { createBotPorts } from '#shared/bot/wiring.js';
import type { Resource } from '#shared/domain/resource.js';
import type { HttpEvent } from '#shared/http/types.js';
import { partnerToItem } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import { fixedClock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService, refreshSearchIndex } from '#shared/search/service.js';
import type { TestServices } from '../../helpers/local-services.js';
import { generateResources, SAMPLE_PARTNERS } from '../search/sample-library.js';

/** Test fixtures for the bots: a library in the store, fake platform APIs, signed requests. */

export const HOSTILE_TITLE = `<!channel> <@U123> <a href="javascript:alert(1)">click</a> <b>unbalanced & "quoted" ${'x'.repeat(10_000)}`;

/** A resource whose every text field is an attack: mentions, tags, entities, 10,000 characters. */
export function hostileResource(): Resource {
  return {
    id: 'hostile-1',
    feedId: 'evil-feed',
    partnerId: 'iaspn-oas',
    sources: [{ feedId: 'evil-feed', partnerId: 'iaspn-oas' }],
    url: 'https://evil.example/a?x=1&y=<2>|"3"',
    title: `Hostile cash transfers ${HOSTILE_TITLE}`,
    summary:
      '<!here> <@U999|boss> <https://evil.example|Click me> </i></b> &amp; &lt;script&gt; cash transfers',
    publishedAt: '2025-05-30T00:00:00.000Z',
    firstSeenAt: '2025-05-30T00:00:00.000Z',
    language: 'en',
    type: 'news',
    topics: [],
    countries: [],
    authors: [],
    categories: [],
    enclosures: [],
    contentHash: 'h',
  };
}

/** Writes resources and the sample partners into the runtime's store. */
export async function seedLibrary(runtime: Runtime, resources: Resource[]): Promise<void> {
  const partners = [...SAMPLE_PARTNERS].map(([id, name]) =>
    partnerToItem({ id, name, kind: 'ngo', languages: ['en', 'es'], createdAt: '2025-01-01T00:00:00.000Z' }),
  );
  await runtime.store.batchWrite({ puts: [...partners, ...resources.map(resourceToItem)] });
}

/** A runtime over the test services with the test library stored and indexed, its clock at the newest resource. */
export async function libraryRuntime(
  services: TestServices,
  count: number,
): Promise<{ runtime: Runtime; library: Resource[] }> {
  const library = testLibrary(count);
  const newest = library
    .map((r) => r.publishedAt)
    .sort()
    .at(-1)!;
  const runtime = await services.newRuntime({}, fixedClock(newest));
  await seedLibrary(runtime, library);
  await refreshSearchIndex(runtime);
  return { runtime, library };
}

/** The sample library (`count` resources, plain Resource objects) plus the hostile one. */
export function testLibrary(count = 60): Resource[] {
  return [...generateResources(count).map(({ meta: _meta, ...r }) => r as Resource), hostileResource()];
}

export interface Recorded {
  method: string;
  path: string;
  params: Record<string, unknown>;
}

export type RecorderAnswer = { status?: number; body: unknown; headers?: Record<string, string> };

/**
 * A local HTTP server that records every request and answers through `respond` (which may take
 * its time: a slow or rate-limited platform).
 */
export async function startRecorder(
  respond: (call: Recorded) => RecorderAnswer | Promise<RecorderAnswer>,
): Promise<{ url: string; calls: Recorded[]; close(): Promise<void> }> {
  const calls: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let params: Record<string, unknown> = {};
      const type = req.headers['content-type'] ?? '';
      if (type.includes('json')) params = raw ? JSON.parse(raw) : {};
      else if (type.includes('x-www-form-urlencoded')) {
        for (const [k, v] of new URLSearchParams(raw)) {
          params[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
        }
      }
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const call = { method: path.split('/').at(-1) ?? '', path, params };
      calls.push(call);
      void Promise.resolve(respond(call)).then((out) => {
        if (res.destroyed) return;
        res
          .writeHead(out.status ?? 200, { 'content-type': 'application/json', ...out.headers })
          .end(JSON.stringify(out.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Ports over the real search service and registry, with subscriptions recorded. */
export function recordingPorts(runtime: Runtime): { ports: BotPorts; subscriptions: SubscribeInput[] } {
  const subscriptions: SubscribeInput[] = [];
  const ports = createBotPorts(runtime, {
    search: createSearchService(runtime),
    subscribe: async (input) => {
      subscriptions.push(input);
      return { status: 'sent' };
    },
  });
  return { ports, subscriptions };
}

export function coreFor(runtime: Runtime, ports: BotPorts) {
  return createBotCore({ store: runtime.store, log: runtime.log, clock: runtime.clock, ports });
}

export const signSlack = (secret: string, timestamp: string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** An API Gateway v2 event as a Function URL delivers it (base64 body). */
export function httpEvent(body: string, headers: Record<string, string>, method = 'POST'): HttpEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: { method, path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body: Buffer.from(body, 'utf8').toString('base64'),
    isBase64Encoded: true,
  };
}
