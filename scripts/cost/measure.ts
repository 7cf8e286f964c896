import { createHash } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type AttributeValue, DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { startDynalite, startSesEmulator } from '#cli/local/services.js';
import { runAnnounce } from '#shared/announce/run.js';
import type { ChatSender } from '#shared/announce/senders.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import { createConsoleChat } from '#shared/chat/console.js';
import { loadConfig } from '#shared/config.js';
import type { Usage } from '#shared/cost/model.js';
import type { MeasuredUnits } from '#shared/cost/profile.js';
import { DIGEST_BATCH_SIZE, runDigest } from '#shared/digest/run.js';
import { subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { addFollow } from '#shared/follows/state.js';
import { runIngest } from '#shared/ingest/run.js';
import { addFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import type { Log } from '#shared/log.js';
import { createRuntime, type Runtime } from '#shared/runtime/runtime.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { TableSnapshotStore } from '#shared/search/snapshot-store.js';
import { ensureTable } from '#shared/store/create-table.js';
import { INDEX_LIST, TABLE } from '#shared/store/table.js';
import type { StackInventory } from './inventory.js';
import { meterDynamo } from './meter.js';

/**
 * Measures, on the local stack (dynalite, the SES emulator, a feed stand-in), what one unit of each
 * cost driver uses: store request units (index writes included), Lambda time, log bytes, emails.
 * Lambda time is the in-process time of the same code the handlers run, plus, for feed fetches, the
 * partner's response time (`ASSUMED`), which the loopback stand-in does not have.
 */

export const ASSUMED = {
  /** A partner site's response time; the ingest Lambda waits for it `fetch concurrency` at a time. */
  partnerLatencyMs: 400,
  /** Share of bot queries that meet a cold container and load the search snapshot. */
  botColdStartShare: 0.2,
  /** Lambda's START, END and REPORT lines for each invocation, and Powertools' fields on each line. */
  logBytesPerInvocation: 350,
  logBytesPerLine: 220,
  /**
   * A Slack or Telegram request beyond the command itself (shared/chat/slack/deferred.ts,
   * functions/bot/*): one HTTP API request, the ack and the deferred self-invocation (about half of
   * requests defer), and the once-records written for the delivery id and the signature.
   */
  botInvocationsPerQuery: 1.5,
  botDedupeWritesPerQuery: 2,
} as const;

export interface MeasureOptions {
  /** Feeds in the measured library (more: steadier per-unit figures, slower). */
  feeds: number;
  itemsPerFeed: number;
  subscribers: number;
  channels: number;
  inventory: StackInventory;
  log?: (line: string) => void;
}

interface Run {
  readUnits: number;
  writeUnits: number;
  requests: number;
  ms: number;
  logBytes: number;
}

const GB = 1e9;

/** The feeds a partner site serves, each with an ETag; a conditional request for the same one gets 304. */
function feedSite() {
  const feeds = new Map<string, { body: string; etag: string }>();
  const server = http.createServer((req, res) => {
    const feed = feeds.get(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (!feed) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag }).end(feed.body);
  });
  return {
    server,
    /** Publishes a feed's items; `revision` changes the ETag without changing the content. */
    publish(name: string, items: string[], revision = 0) {
      const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name}.example.org/</link><language>en</language>${items.join('')}</channel></rss>`;
      const etag = `"${createHash('sha1').update(`${body}${revision}`).digest('hex')}"`;
      feeds.set(name, { body, etag });
    },
  };
}

/** What the measured items are about (each new item in the announcement step is a cash transfer one). */
const TOPICS = ['conditional cash transfers', 'social pensions', 'school feeding', 'social registries'];

function item(feed: number, i: number): string {
  const topic = TOPICS[i % 2 === 0 ? 0 : (feed + i) % TOPICS.length];
  const text = `The ministry published new results on ${topic}, with evidence from household surveys and administrative records on coverage, targeting and effects on school attendance and labour income.`;
  return `<item><guid isPermaLink="false">f${feed}-i${i}</guid><title>Feed ${feed}, item ${i}: ${topic}</title><link>https://partner${feed}.example.org/news/${i}</link><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>${text}</p><p>${text}</p>]]></description><category>Social protection</category></item>`;
}

/** A log that only counts the bytes its lines would take in CloudWatch Logs. */
function countingLog(): Log & { bytes: number } {
  const counter = {
    bytes: 0,
    debug() {},
    info: (m: string, d?: Record<string, unknown>) => count(m, d),
    warn: (m: string, d?: Record<string, unknown>) => count(m, d),
    error: (m: string, d?: Record<string, unknown>) => count(m, d),
  };
  const count = (message: string, data?: Record<string, unknown>) => {
    counter.bytes += ASSUMED.logBytesPerLine + JSON.stringify({ message, ...data }).length;
  };
  return counter;
}

export async function measureUnits(options: MeasureOptions): Promise<MeasuredUnits> {
  const say = options.log ?? (() => {});
  const dynamo = await startDynalite({});
  const ses = await startSesEmulator({});
  const site = feedSite();
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  let now = Date.parse('2026-06-02T00:00:00.000Z');
  const log = countingLog();
  const config = loadConfig({
    IASPN_TABLE_NAME: 'cost-model',
    IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint,
    IASPN_SES_ENDPOINT: ses.endpoint,
    IASPN_TOKEN_SECRET: 'cost-model-token-secret',
    IASPN_FETCH_ALLOWED_ORIGINS: origin,
    IASPN_PUBLIC_URL: 'https://relay.example.org',
    IASPN_SES_RATE_PER_SECOND: '1000000',
    IASPN_LOG_LEVEL: 'info',
  });
  const runtime: Runtime = createRuntime(config, log, () => new Date(now));
  await ensureTable(runtime.store.client, config.tableName);
  const require = createRequire(import.meta.url);
  const { itemSize } = require('dynalite/db/index.js') as { itemSize: (item: unknown) => number };
  const meter = meterDynamo(runtime.store.client, {
    tableName: config.tableName,
    indexes: INDEX_LIST,
    tableKeys: [TABLE.partitionKey, TABLE.sortKey],
    itemSize,
  });
  const measured = async (what: string, body: () => Promise<unknown>): Promise<Run> => {
    meter.reset();
    log.bytes = 0;
    const started = performance.now();
    await body();
    const { meterMs, ...usage } = meter.usage;
    const run = { ...usage, ms: performance.now() - started - meterMs, logBytes: log.bytes };
    say(
      `  ${what}: ${run.requests} requests, ${run.readUnits} RRU, ${run.writeUnits} WRU, ${run.ms.toFixed(0)} ms`,
    );
    return run;
  };
  const memoryGb = (job: string) => (options.inventory.memoryMb[job] ?? 512) / 1024;
  /** A run's usage, per `units` units, as the named function would bill it. */
  const per = (run: Run, units: number, job: string, extra: Usage = {}): Usage => ({
    dynamoReadUnits: run.readUnits / units,
    dynamoWriteUnits: run.writeUnits / units,
    lambdaGbSeconds: ((run.ms / 1000) * memoryGb(job)) / units,
    logGbIngested: run.logBytes / GB / units,
    ...extra,
  });
  const fetchGbSeconds = (job: string) =>
    ((ASSUMED.partnerLatencyMs / 1000) * memoryGb(job)) / config.ingest.concurrency;

  try {
    // The library: feeds of a few partners, each with its first items.
    const at = () => new Date(now).toISOString();
    for (let p = 0; p < 5; p += 1)
      await putPartner(
        runtime.store,
        { id: `p${p}`, name: `Partner ${p}`, kind: 'ngo', languages: ['en'], createdAt: at() },
        'create',
      );
    const published = new Map<number, number>();
    /** Adds `n` items at the top of every feed. */
    const publishMore = (n: number) => {
      for (let f = 0; f < options.feeds; f += 1) {
        published.set(f, published.get(f)! + n);
        site.publish(
          `f${f}`,
          Array.from({ length: published.get(f)! }, (_, i) => item(f, i)),
        );
      }
    };
    for (let f = 0; f < options.feeds; f += 1) {
      published.set(f, options.itemsPerFeed);
      site.publish(
        `f${f}`,
        Array.from({ length: options.itemsPerFeed }, (_, i) => item(f, i)),
      );
      await addFeed(runtime.store, {
        id: `f${f}`,
        partnerId: `p${f % 5}`,
        url: `${origin}/f${f}`,
        defaultLanguage: 'en',
        defaultTopics: [],
        defaultCountries: [],
        status: 'active',
        health: newFeedHealth(),
        createdAt: at(),
      });
    }
    say('measuring on the local stack');
    await measured('first ingest (library seeded)', () => runIngest(runtime));
    await refreshSearchIndex(runtime);
    const libraryBefore = options.feeds * options.itemsPerFeed;

    now += 30 * 60_000;
    const notModified = await measured('ingest, every feed answers 304', () => runIngest(runtime));
    for (let f = 0; f < options.feeds; f += 1)
      site.publish(
        `f${f}`,
        Array.from({ length: published.get(f)! }, (_, i) => item(f, i)),
        1,
      );
    now += 30 * 60_000;
    const unchanged = await measured('ingest, every feed answers 200, nothing new', () => runIngest(runtime));

    // The cycle's other jobs with nothing new: fixed work, plus the refresh's read of the library.
    const senders = countingSenders();
    const idleRefresh = await measured('search refresh, library unchanged', () =>
      refreshSearchIndex(runtime),
    );
    const idleAnnounce = await measured('announcements, nothing new', () =>
      runAnnounce(runtime, { senders }),
    );
    const idleDigest = await measured('digests, none due', () => runDigest(runtime));

    // New items: two per feed. The ingest's increment over an unchanged fetch, then what the
    // cycle's refresh and announcement window add for them (no channel follows them yet).
    const fresh = 2;
    publishMore(fresh);
    now += 30 * 60_000;
    const newCount = options.feeds * fresh;
    const withNew = await measured(`ingest, ${newCount} new items`, () => runIngest(runtime));
    const snapshots = new TableSnapshotStore(runtime.store);
    const baseHead = await snapshots.head();
    const changedRefresh = await measured('search refresh, library changed', () =>
      refreshSearchIndex(runtime),
    );
    const deltaHead = await snapshots.head();
    const windowAnnounce = await measured('announcements, new items, no follower', () =>
      runAnnounce(runtime, { senders }),
    );
    const library = libraryBefore + newCount;

    // Announcements: every channel follows the topic of the next new items.
    for (let c = 0; c < options.channels; c += 1)
      await addFollow(
        runtime.store,
        { platform: 'slack', workspaceId: 'T1', channelId: `C${c}` },
        { topics: ['conditional-cash-transfers'] },
        { userId: 'U1', at: new Date(now) },
      );
    publishMore(fresh);
    now += 30 * 60_000;
    await runIngest(runtime);
    await refreshSearchIndex(runtime);
    senders.slack.posts = 0;
    const announcing = await measured('announcements to following channels', () =>
      runAnnounce(runtime, { senders }),
    );
    const posts = Math.max(1, senders.slack.posts);

    // Digests: weekly subscribers, due a week later.
    for (let s = 0; s < options.subscribers; s += 1)
      await subscribeConfirmed(runtime, {
        email: `reader${s}@example.org`,
        language: s % 2 ? 'es' : 'en',
        frequency: 'weekly',
        filter: s % 3 ? { topics: ['conditional-cash-transfers'] } : {},
      });
    now += 8 * 24 * 3_600_000;
    const digestRun = await measured('digests, every subscriber due', () => runDigest(runtime));
    const emails = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: unknown[] };
    const digests = Math.max(1, emails.emails.length);

    // Bot queries: the first loads the snapshot (a cold container), the rest are warm.
    const core = createRuntimeBotCore(runtime);
    const chat = createConsoleChat(core, {
      channel: { platform: 'console', workspaceId: 'local', channelId: 'cost' },
      user: { platform: 'console', workspaceId: 'local', userId: 'cost' },
      conversation: 'direct',
      canManageChannel: async () => true,
      isRelayAdmin: false,
    });
    const cold = await measured('bot query, cold (snapshot load)', () =>
      chat.say('search cash transfers peru'),
    );
    const queries = ['search pensiones jamaica', 'latest topic:targeting', 'search early childhood', 'help'];
    const warm = await measured(`bot queries, warm (${queries.length})`, async () => {
      for (const q of queries) await chat.say(q);
    });

    const storage = await storedBytes(runtime.store.client, config.tableName, itemSize);
    const perInvocationLog = ASSUMED.logBytesPerInvocation / GB;
    const sqsPerDigest = 3 / DIGEST_BATCH_SIZE; // send, receive, delete: one message per batch
    const coldShare = ASSUMED.botColdStartShare;
    const warmPer = per(warm, queries.length, 'bot');
    const coldPer = per(cold, 1, 'bot');
    const mix = (line: keyof Usage) =>
      (1 - coldShare) * (warmPer[line] ?? 0) + coldShare * (coldPer[line] ?? 0);
    const increment = (a: Run, b: Run): Run => ({
      readUnits: Math.max(0, a.readUnits - b.readUnits),
      writeUnits: Math.max(0, a.writeUnits - b.writeUnits),
      requests: Math.max(0, a.requests - b.requests),
      ms: Math.max(0, a.ms - b.ms),
      logBytes: Math.max(0, a.logBytes - b.logBytes),
    });
    const newResourceRun = [increment(withNew, unchanged), increment(windowAnnounce, idleAnnounce)].reduce(
      (s, r) => ({
        readUnits: s.readUnits + r.readUnits,
        writeUnits: s.writeUnits + r.writeUnits,
        requests: s.requests + r.requests,
        ms: s.ms + r.ms,
        logBytes: s.logBytes + r.logBytes,
      }),
    );
    const snapshotRun = increment(changedRefresh, idleRefresh);
    // Compressed bytes a document takes in a base and in a delta segment, from the heads.
    const baseBytesPerResource = (baseHead?.bytes ?? 0) / Math.max(1, baseHead?.resources ?? 0);
    const deltaBytesPerDoc = ((deltaHead?.bytes ?? 0) - (baseHead?.bytes ?? 0)) / newCount;
    say(
      `snapshot: base ${baseHead?.bytes} bytes for ${baseHead?.resources} resources, delta ${deltaBytesPerDoc.toFixed(0)} bytes a document`,
    );

    return {
      feedNotModified: {
        ...per(notModified, options.feeds, 'ingest'),
        lambdaGbSeconds:
          per(notModified, options.feeds, 'ingest').lambdaGbSeconds! + fetchGbSeconds('ingest'),
      },
      feedUnchanged: {
        ...per(unchanged, options.feeds, 'ingest'),
        lambdaGbSeconds: per(unchanged, options.feeds, 'ingest').lambdaGbSeconds! + fetchGbSeconds('ingest'),
      },
      newResource: per(newResourceRun, newCount, 'ingest'),
      cycle: {
        // The refresh of an unchanged library: one read of the snapshot head.
        dynamoReadUnits: idleRefresh.readUnits + idleAnnounce.readUnits + idleDigest.readUnits,
        dynamoWriteUnits: idleRefresh.writeUnits + idleAnnounce.writeUnits + idleDigest.writeUnits,
        lambdaInvocations: options.inventory.cycleJobs,
        lambdaGbSeconds:
          (idleRefresh.ms / 1000) * memoryGb('search-index') +
          (idleAnnounce.ms / 1000) * memoryGb('announce') +
          (idleDigest.ms / 1000) * memoryGb('digest'),
        schedulerInvocations: 1,
        logGbIngested:
          (idleRefresh.logBytes + idleAnnounce.logBytes + idleDigest.logBytes) / GB +
          options.inventory.cycleJobs * perInvocationLog,
      },
      refreshPerChange: per(snapshotRun, newCount, 'search-index'),
      // A delta document carried: read back (a query, eventually consistent) and written again.
      deltaCarryPerDoc: {
        dynamoReadUnits: deltaBytesPerDoc / 4096 / 2,
        dynamoWriteUnits: deltaBytesPerDoc / 1024,
      },
      // A new base: the old base read back (a query), the new one written.
      basePerResource: {
        dynamoReadUnits: baseBytesPerResource / 4096 / 2,
        dynamoWriteUnits: baseBytesPerResource / 1024,
      },
      botQuery: {
        dynamoReadUnits: mix('dynamoReadUnits'),
        dynamoWriteUnits: mix('dynamoWriteUnits') + ASSUMED.botDedupeWritesPerQuery,
        lambdaGbSeconds: mix('lambdaGbSeconds'),
        lambdaInvocations: ASSUMED.botInvocationsPerQuery,
        apiRequests: 1,
        logGbIngested: mix('logGbIngested') + ASSUMED.botInvocationsPerQuery * perInvocationLog,
      },
      announcement: per(increment(announcing, idleAnnounce), posts, 'announce'),
      digest: {
        ...per(digestRun, digests, 'digest'),
        sesEmails: emails.emails.length / digests,
        sqsRequests: sqsPerDigest,
        lambdaInvocations: 1 / DIGEST_BATCH_SIZE,
      },
      storedResource: { dynamoGbMonths: storage.resourceBytes / library / GB },
      storedSubscriber: { dynamoGbMonths: storage.subscriberBytes / Math.max(1, options.subscribers) / GB },
      fixed: options.inventory.fixed,
      switchedPolling: options.inventory.switchedPolling,
    };
  } finally {
    site.server.closeAllConnections();
    await new Promise((resolve) => site.server.close(resolve));
    await ses.close();
    await dynamo.close();
  }
}

function countingSenders() {
  const slack: ChatSender & { posts: number } = {
    platform: 'slack',
    pace: { perChannelMs: () => 0, globalMs: 0 },
    describe: 'counting',
    posts: 0,
    async post() {
      this.posts += 1;
    },
  };
  return { slack };
}

/**
 * Bytes DynamoDB would store, by what they serve: each item's size plus its 100 bytes of overhead,
 * and the same again for each index it is projected into (keys only: the keys).
 */
async function storedBytes(client: DynamoDBClient, tableName: string, itemSize: (item: unknown) => number) {
  let resourceBytes = 0;
  let subscriberBytes = 0;
  const inspect = new DynamoDBClient({
    region: 'local',
    endpoint: client.config.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  for await (const page of paginateScan({ client: inspect }, { TableName: tableName })) {
    for (const item of (page.Items ?? []) as Record<string, AttributeValue>[]) {
      let bytes = itemSize(item) + 100;
      for (const index of INDEX_LIST) {
        if (!item[index.partitionKey] || !item[index.sortKey]) continue;
        const keyNames = [TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey];
        const projected =
          index.projection.type === 'ALL'
            ? item
            : Object.fromEntries(Object.entries(item).filter(([name]) => keyNames.includes(name)));
        bytes += itemSize(projected) + 100;
      }
      const pk = item.pk?.S ?? '';
      // Resources, their URL claims and the search snapshot grow with the library.
      if (['RES#', 'URL#', 'SEARCH#', 'LIBLOG#'].some((p) => pk.startsWith(p))) resourceBytes += bytes;
      else if (pk.startsWith('SUB#') || pk.startsWith('DELIVERY#digest#')) subscriberBytes += bytes;
    }
  }
  return { resourceBytes, subscriberBytes };
}
