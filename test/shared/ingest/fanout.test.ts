import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  handleIngestQueue,
  INGEST_BATCH_SIZE,
  INGEST_WORKERS,
  type IngestFeedMessage,
  planIngest,
  runIngestCycle,
} from '#shared/ingest/fanout.js';
import { fetchPolicyFrom } from '#shared/ingest/fetcher.js';
import { addFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { claim } from '#shared/store/claims.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

/**
 * Ingest fanned out to 3 in-process workers (the local stack's path, the deployed worker's code)
 * over 300 feeds on 30 partner hosts, served by a local feed stand-in that records each request.
 * Host h0 answers every request 429 with Retry-After: politeness holds it off across workers.
 */

const HOSTS = 30;
const FEEDS = 300;
const PER_HOST = 2;

let services: TestServices;
let site: http.Server;
let port: number;
const requests = new Map<string, number>();
const inFlight = new Map<string, number>();
const maxInFlight = new Map<string, number>();

const feedXml = (id: string) =>
  `<rss version="2.0"><channel><title>${id}</title>${[1, 2]
    .map(
      (i) =>
        `<item><guid>${id}-${i}</guid><title>Story ${i} of ${id}</title><link>https://news.example.org/${id}/${i}</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  site = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]!;
    const id = `${host}${req.url}`;
    requests.set(id, (requests.get(id) ?? 0) + 1);
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, inFlight.get(host)!));
    // A little latency, so that fetches of one host overlap unless politeness stops them.
    setTimeout(() => {
      inFlight.set(host, inFlight.get(host)! - 1);
      if (host === 'h0.partners.example') res.writeHead(429, { 'retry-after': '3600' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(id));
    }, 15);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as AddressInfo).port;
});
afterAll(async () => {
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
  await services.close();
});

const feedUrl = (n: number) => `http://h${n % HOSTS}.partners.example:${port}/feed-${n}.xml`;

async function registry(): Promise<Runtime> {
  const runtime = await services.newRuntime({
    IASPN_INGEST_FAN_OUT_ABOVE: '50',
    IASPN_FETCH_PER_HOST: String(PER_HOST),
    IASPN_ALLOW_PRIVATE_NETWORKS: 'true',
  });
  const createdAt = '2025-06-01T00:00:00.000Z';
  await putPartner(
    runtime.store,
    { id: 'p', name: 'P', kind: 'ngo', languages: ['en'], createdAt },
    'create',
  );
  for (let n = 0; n < FEEDS; n += 1) {
    await addFeed(runtime.store, {
      id: `f${n}`,
      partnerId: 'p',
      url: feedUrl(n),
      defaultLanguage: 'en',
      defaultTopics: [],
      defaultCountries: [],
      status: 'active',
      health: newFeedHealth(),
      createdAt,
    });
  }
  requests.clear();
  maxInFlight.clear();
  return runtime;
}

/** Every partner name resolves to the stand-in. */
const policyOf = (runtime: Runtime) => ({
  ...fetchPolicyFrom(runtime.config),
  resolve: async () => [{ address: '127.0.0.1', family: 4 }],
});

const fetchesOf = (n: number) =>
  requests.get(
    feedUrl(n)
      .replace(/^http:\/\//, '')
      .replace(`:${port}`, ''),
  ) ?? 0;
const throttled = (n: number) => n % HOSTS === 0;

describe('ingest fanned out to workers', () => {
  it(`fetches each of ${FEEDS} feeds exactly once a cycle with ${INGEST_WORKERS} workers, a host's fetches at most ${PER_HOST} at once, and hands over once`, async () => {
    const runtime = await registry();
    const deliveries: number[] = [];
    const switched: boolean[] = [];
    const summary = await runIngestCycle(runtime, {
      policy: policyOf(runtime),
      onDelivery: (event) => deliveries.push(event.Records.length),
      workers: { poll: async (on) => void switched.push(on) },
    });
    expect(summary).toMatchObject({ fannedOut: true, handedOver: true, deadLetters: 0 });
    // The plan switched the workers' consumer on (deployed: the event source mapping, created off).
    expect(switched).toEqual([true]);
    expect(deliveries.length).toBeGreaterThanOrEqual(FEEDS / INGEST_BATCH_SIZE);
    expect(Math.max(...deliveries)).toBeLessThanOrEqual(INGEST_BATCH_SIZE);
    for (let n = 0; n < FEEDS; n += 1) if (!throttled(n)) expect(fetchesOf(n), `feed ${n}`).toBe(1);
    for (const [host, max] of maxInFlight) expect(max, host).toBeLessThanOrEqual(PER_HOST);
    // Host h0 said 429 with Retry-After: its first answers are recorded and no other fetch of it starts.
    const h0 = [...requests].filter(([id]) => id.startsWith('h0.')).reduce((sum, [, c]) => sum + c, 0);
    expect(h0).toBeGreaterThan(0);
    expect(h0).toBeLessThanOrEqual(PER_HOST);
    expect(summary.failed + summary.deferred).toBe(FEEDS / HOSTS);
    expect(summary.new).toBe((FEEDS - FEEDS / HOSTS) * 2);

    // The next cycle fetches every feed once more; h0 is still held off, so none of its feeds.
    requests.clear();
    const next = await runIngestCycle(runtime, { policy: policyOf(runtime) });
    expect(next).toMatchObject({ fannedOut: true, handedOver: true, deferred: FEEDS / HOSTS, new: 0 });
    for (let n = 0; n < FEEDS; n += 1) expect(fetchesOf(n), `feed ${n}`).toBe(throttled(n) ? 0 : 1);
  }, 120_000);

  it('redelivers only the batch of a worker that crashed, and still fetches every feed once', async () => {
    const runtime = await registry();
    const delivered = new Map<string, number>();
    let crashBatch: Set<string> | undefined;
    let crashFeeds: Set<string> | undefined;
    let doneInCrashBatch = 0;
    const summary = await runIngestCycle(runtime, {
      policy: policyOf(runtime),
      visibilityMs: 300,
      onDelivery: (event, invocation) => {
        for (const r of event.Records) delivered.set(r.messageId, (delivered.get(r.messageId) ?? 0) + 1);
        if (invocation === 4) {
          crashBatch = new Set(event.Records.map((r) => r.messageId));
          crashFeeds = new Set(event.Records.map((r) => (JSON.parse(r.body) as IngestFeedMessage).feedId));
        }
      },
      onFeedDone: (outcome) => {
        // The fourth worker invocation dies after its third feed.
        if (crashFeeds?.has(outcome.feedId) && ++doneInCrashBatch === 3) throw new Error('worker crashed');
      },
    });
    expect(summary).toMatchObject({ fannedOut: true, handedOver: true, deadLetters: 0 });
    const redelivered = new Set([...delivered].filter(([, times]) => times > 1).map(([id]) => id));
    expect(crashBatch?.size).toBe(INGEST_BATCH_SIZE);
    expect(redelivered).toEqual(crashBatch);
    for (let n = 0; n < FEEDS; n += 1) if (!throttled(n)) expect(fetchesOf(n), `feed ${n}`).toBe(1);
    const cycle = await runtime.store.query({ partition: 'JOB#ingest', sortBeginsWith: 'CYCLE#' });
    expect(cycle.items[0]).toMatchObject({ total: FEEDS, done: FEEDS, handedOver: expect.any(String) });
  }, 120_000);

  it('runs a cycle inline below the fan-out threshold, and switches the workers’ consumer off', async () => {
    const runtime = await services.newRuntime({ IASPN_ALLOW_PRIVATE_NETWORKS: 'true' });
    const createdAt = '2025-06-01T00:00:00.000Z';
    await putPartner(runtime.store, { id: 'p', name: 'P', kind: 'ngo', languages: [], createdAt }, 'create');
    for (const n of [1, 2])
      await addFeed(runtime.store, {
        id: `f${n}`,
        partnerId: 'p',
        url: feedUrl(n),
        defaultTopics: [],
        defaultCountries: [],
        status: 'active',
        health: newFeedHealth(),
        createdAt,
      });
    const sent: IngestFeedMessage[] = [];
    const switched: boolean[] = [];
    const plan = await planIngest(
      runtime,
      { send: async (messages) => void sent.push(...messages) },
      { policy: policyOf(runtime), workers: { poll: async (on) => void switched.push(on) } },
    );
    expect(plan.mode).toBe('inline');
    expect(sent).toEqual([]);
    // Nothing polls the queue while cycles run inline.
    expect(switched).toEqual([false]);
  });

  it("reports a feed held by another worker's live claim as that record's failure only", async () => {
    const runtime = await services.newRuntime({ IASPN_ALLOW_PRIVATE_NETWORKS: 'true' });
    const createdAt = '2025-06-01T00:00:00.000Z';
    await putPartner(runtime.store, { id: 'p', name: 'P', kind: 'ngo', languages: [], createdAt }, 'create');
    for (const n of [1, 2, 3])
      await addFeed(runtime.store, {
        id: `f${n}`,
        partnerId: 'p',
        url: feedUrl(n),
        defaultTopics: [],
        defaultCountries: [],
        status: 'active',
        health: newFeedHealth(),
        createdAt,
      });
    await runtime.store.put({ ...keys.ingestCycle('c1'), cycle: 'c1', total: 3, done: 0 });
    await claim(runtime.store, keys.ingestFeedClaim('c1', 'f2'), {
      owner: 'another-worker',
      now: new Date(),
      leaseMs: 60_000,
      ttlSeconds: 3600,
    });
    const handedOver: string[] = [];
    const record = (n: number) =>
      ({
        messageId: `m${n}`,
        body: JSON.stringify({ cycle: 'c1', feedId: `f${n}`, host: `h${n}`, hostFeeds: 1 }),
      }) as SQSRecord;
    const event = { Records: [record(1), record(2), record(3)] };
    const first = await handleIngestQueue(runtime, event, {
      policy: policyOf(runtime),
      handOver: async (cycle) => void handedOver.push(cycle),
    });
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }]);
    expect(handedOver).toEqual([]);
    // The other worker finishes f2 (its claim released, as a worker's failure does); the redelivery fetches it.
    await runtime.store.delete(keys.ingestFeedClaim('c1', 'f2'));
    const again = await handleIngestQueue(runtime, event, {
      policy: policyOf(runtime),
      handOver: async (cycle) => void handedOver.push(cycle),
    });
    expect(again.batchItemFailures).toEqual([]);
    expect(handedOver).toEqual(['c1']);
  });
});
