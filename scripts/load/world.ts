import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { addFollow } from '#shared/follows/state.js';
import { addFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { COUNTRIES } from '#shared/taxonomy/countries.js';
import { TOPICS } from '#shared/taxonomy/topics.js';

/**
 * The load run's world: partner sites serving many feeds, the store and mail server in a child
 * process, a Slack Web API stand-in, and the seeding of partners, feeds, subscribers and channels.
 */

/** A load: how many of each the run seeds. */
export interface Load {
  feeds: number;
  /** Items each feed serves at first: the library is feeds × this. */
  itemsPerFeed: number;
  subscribers: number;
  channels: number;
  /** New items a steady cycle brings (the IASPN: about 1,000 a month, 1,440 cycles of 30 minutes). */
  newPerCycle: number;
}

/** The IASPN's own load; the load run's default is ten times it. */
export const IASPN_LOAD: Load = {
  feeds: 100,
  itemsPerFeed: 10,
  subscribers: 10_000,
  channels: 500,
  newPerCycle: 1,
};

export const scaleLoad = (load: Load, k: number): Load => ({
  feeds: Math.max(1, Math.round(load.feeds * k)),
  itemsPerFeed: load.itemsPerFeed,
  subscribers: Math.max(1, Math.round(load.subscribers * k)),
  channels: Math.max(1, Math.round(load.channels * k)),
  newPerCycle: Math.max(1, Math.round(load.newPerCycle * k)),
});

/** Feeds per partner host: most ministries publish one or two feeds, a few publish many. */
const hostOf = (feed: number) => `p${Math.floor(feed / 3)}.partners.example`;

const ITEM_TOPICS = TOPICS.map((t) => t.names);
const ITEM_COUNTRIES = COUNTRIES.map((c) => c.names.en);

function item(feed: number, i: number, published: Date): string {
  const topic = ITEM_TOPICS[(feed * 7 + i) % ITEM_TOPICS.length]!;
  const country = ITEM_COUNTRIES[(feed + i * 3) % ITEM_COUNTRIES.length]!;
  const spanish = feed % 3 === 0;
  const title = spanish
    ? `${topic.es}: resultados en ${country} (${feed}-${i})`
    : `${topic.en}: results in ${country} (${feed}-${i})`;
  const text = spanish
    ? `El ministerio publicó nuevos resultados sobre ${topic.es.toLowerCase()} en ${country}, con evidencia de encuestas de hogares y registros administrativos.`
    : `The ministry published new results on ${topic.en.toLowerCase()} in ${country}, with evidence from household surveys and administrative records.`;
  return `<item><guid isPermaLink="false">f${feed}-i${i}</guid><title>${title}</title><link>https://${hostOf(feed)}/news/${feed}/${i}</link><pubDate>${published.toUTCString()}</pubDate><description><![CDATA[<p>${text}</p><p>${text}</p>]]></description></item>`;
}

/**
 * Partner sites: every feed answers with an ETag and a 304 to a request that names it; each request
 * is counted, so the run can show that every feed was fetched exactly once a cycle.
 */
export async function startPartnerSites(load: Load, start: Date) {
  const feeds = new Map<string, { dates: Date[]; body: string; etag: string }>();
  const fetches = new Map<string, number>();
  const keyOf = (feed: number) => `${hostOf(feed)}/feeds/${feed}.xml`;
  /** A feed lists its newest 20 items, newest first, as partners' CMSs do. */
  const publish = (feed: number, dates: Date[]) => {
    const shown = dates
      .map((d, i) => item(feed, i, d))
      .slice(-20)
      .reverse();
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Partner feed ${feed}</title><link>https://${hostOf(feed)}/</link><language>${feed % 3 === 0 ? 'es' : 'en'}</language>${shown.join('')}</channel></rss>`;
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    feeds.set(keyOf(feed), { dates, body, etag });
  };
  // The first items were published in the days before the run starts, a few hours apart.
  for (let f = 0; f < load.feeds; f += 1)
    publish(
      f,
      Array.from(
        { length: load.itemsPerFeed },
        (_, i) => new Date(start.getTime() - (load.itemsPerFeed - i) * 7 * 3_600_000 - f * 60_000),
      ),
    );
  const server = http.createServer((req, res) => {
    const id = `${(req.headers.host ?? '').split(':')[0]}${req.url}`;
    fetches.set(id, (fetches.get(id) ?? 0) + 1);
    const feed = feeds.get(id);
    if (!feed) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let next = 0;
  return {
    urlOf: (feed: number) => `http://${hostOf(feed)}:${port}/feeds/${feed}.xml`,
    /** Adds `n` new items published at `from`..`to`, one to each of the next `n` feeds in turn. */
    addItems(n: number, from: Date, to: Date = from) {
      for (let k = 0; k < n; k += 1) {
        const feed = next++ % load.feeds;
        const at = new Date(from.getTime() + ((to.getTime() - from.getTime()) * k) / n);
        publish(feed, [...feeds.get(keyOf(feed))!.dates, at]);
      }
    },
    /** Fetches since the last call: how many feeds were fetched once, more than once, never. */
    takeFetches() {
      let once = 0;
      let more = 0;
      for (const key of feeds.keys()) {
        const n = fetches.get(key) ?? 0;
        if (n === 1) once += 1;
        else if (n > 1) more += 1;
      }
      const never = feeds.size - once - more;
      fetches.clear();
      return { once, more, never };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** dynalite (persisted under `dataDir`) and the SES emulator in a child process. */
export async function startServices(dataDir: string) {
  const child: ChildProcess = fork(fileURLToPath(new URL('./services.ts', import.meta.url)), [dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      child.once('exit', (code) => reject(new Error(`the services process exited (${code})`)));
    });
  const { dynamo, ses } = await reply<{ dynamo: string; ses: string }>();
  return {
    dynamo,
    ses,
    async emails() {
      child.send({ ask: 'emails' });
      return reply<{ emails: number; recipients: number; repeated: number }>();
    },
    async close() {
      child.send({ ask: 'close' });
      await reply();
    },
  };
}

/** Slack's Web API, as far as announcements use it: every post is accepted and counted by channel. */
export async function startSlackStandIn() {
  const posts = new Map<string, number>();
  let ts = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const params = req.headers['content-type']?.includes('json')
        ? (JSON.parse(body || '{}') as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(body));
      const channel = params.channel ?? '';
      if (req.url?.startsWith('/api/chat.postMessage')) posts.set(channel, (posts.get(channel) ?? 0) + 1);
      ts += 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, channel, ts: `1780000000.${String(ts).padStart(6, '0')}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    takePosts() {
      const total = [...posts.values()].reduce((s, n) => s + n, 0);
      const channels = posts.size;
      posts.clear();
      return { total, channels };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Partners, feeds, subscribers and channels with follows, written as the CLI and bots write them. */
export async function seed(
  runtime: Runtime,
  load: Load,
  urlOf: (feed: number) => string,
  say: (line: string) => void,
) {
  const at = runtime.clock().toISOString();
  const limit = pLimit(16);
  const partners = Math.ceil(load.feeds / 3);
  await Promise.all(
    Array.from({ length: partners }, (_, p) =>
      limit(() =>
        putPartner(
          runtime.store,
          {
            id: `partner-${p}`,
            name: `Partner ${p}`,
            kind: 'ministry',
            languages: ['en', 'es'],
            createdAt: at,
          },
          'create',
        ),
      ),
    ),
  );
  await Promise.all(
    Array.from({ length: load.feeds }, (_, f) =>
      limit(() =>
        addFeed(runtime.store, {
          id: `feed-${f}`,
          partnerId: `partner-${Math.floor(f / 3)}`,
          url: urlOf(f),
          defaultTopics: [],
          defaultCountries: [],
          status: 'active',
          health: newFeedHealth(),
          createdAt: at,
        }),
      ),
    ),
  );
  say(`  ${partners} partners, ${load.feeds} feeds`);
  const topicIds = TOPICS.map((t) => t.id);
  const countryCodes = COUNTRIES.map((c) => c.code);
  await Promise.all(
    Array.from({ length: load.channels }, (_, c) =>
      limit(() =>
        addFollow(
          runtime.store,
          { platform: 'slack', workspaceId: 'T-LOAD', channelId: `C${String(c).padStart(6, '0')}` },
          c % 4 === 3
            ? {
                topics: [topicIds[c % topicIds.length]!],
                countries: [countryCodes[c % countryCodes.length]!],
              }
            : { topics: [topicIds[c % topicIds.length]!] },
          { userId: 'U-LOAD', at: runtime.clock() },
        ),
      ),
    ),
  );
  say(`  ${load.channels} channels following a topic`);
  let done = 0;
  await Promise.all(
    Array.from({ length: load.subscribers }, (_, s) =>
      limit(async () => {
        await subscribeConfirmed(runtime, {
          email: `reader${s}@load.example.org`,
          language: s % 2 ? 'es' : 'en',
          frequency: 'weekly',
          filter: s % 3 === 0 ? {} : { topics: [topicIds[s % topicIds.length]!] },
        });
        done += 1;
        if (done % 10_000 === 0) say(`  ${done} subscribers`);
      }),
    ),
  );
  say(`  ${load.subscribers} weekly subscribers`);
}
