import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importEntries } from '#shared/coop/exchange.js';
import { addFollow } from '#shared/follows/state.js';
import { getFeed, moveFeedUrl } from '#shared/library/registry.js';
import { importRegistry } from '#shared/library/registry-io.js';
import type { Runtime } from '#shared/runtime/runtime.js';

export interface SeedContext {
  /** Origin of the local sample-feed server, e.g. http://127.0.0.1:8788. */
  feedOrigin: string;
  /** Folder holding the sample feeds and partners.json. */
  sampleDir: string;
}

/**
 * What the local stack puts in a new store on its first start (the sample partners and their
 * feeds, a followed demo channel, ...). Each seed must be idempotent: it runs on every start and
 * only adds what is missing.
 */
export type LocalSeed = (runtime: Runtime, context: SeedContext) => Promise<void>;

/** The sample partners and their feeds (partners.json), served by the local feed server. */
const seedPartnersAndFeeds: LocalSeed = async (runtime, { feedOrigin, sampleDir }) => {
  const sample = JSON.parse(readFileSync(path.join(sampleDir, 'partners.json'), 'utf8')) as {
    partners: unknown[];
    feeds: { file: string; id: string; [field: string]: unknown }[];
  };
  const feeds = sample.feeds.map(({ file, ...feed }) => ({ ...feed, url: `${feedOrigin}/${file}` }));
  const report = await importRegistry(runtime.store, { partners: sample.partners, feeds }, runtime.clock);
  // A data directory started before with the feed server on another port: follow it.
  for (const feed of feeds) {
    const existing = report.feedsAdded.includes(String(feed.id))
      ? undefined
      : await getFeed(runtime.store, String(feed.id));
    if (existing && existing.url !== feed.url && existing.url.endsWith(new URL(feed.url).pathname)) {
      await moveFeedUrl(runtime.store, existing.id, feed.url);
    }
  }
};

/** The console chat's demo channel (`iaspn chat --channel demo`), which announcements post to. */
export const DEMO_CHANNEL = { platform: 'console', workspaceId: 'local', channelId: 'demo' } as const;

/**
 * The demo channel follows two topics, so the first cycle's announcements show up in the local
 * outbox (`<data dir>/outbox.log`) and the log. addFollow is a conditional put: idempotent.
 */
const seedDemoFollows: LocalSeed = async (runtime) => {
  for (const topic of ['conditional-cash-transfers', 'financial-inclusion'])
    await addFollow(
      runtime.store,
      DEMO_CHANNEL,
      { topics: [topic] },
      { userId: 'local-seed', at: runtime.clock() },
    );
};

/** Where the sample offers and requests are, beside this file (cli/local/sample-coop/). */
const SAMPLE_COOP = fileURLToPath(new URL('./sample-coop/exchange.json', import.meta.url));

/**
 * A few offers and requests of the cooperation exchange, so that `iaspn chat` then `requests`
 * shows a match. Imported by their refs: a second start finds them and adds nothing.
 */
const seedCoop: LocalSeed = async (runtime) => {
  const rows = JSON.parse(readFileSync(SAMPLE_COOP, 'utf8')) as Record<string, unknown>[];
  const result = await importEntries(runtime.store, rows, { who: 'local-seed', at: runtime.clock() });
  if (!result.ok) throw new Error(`sample exchange refused: ${JSON.stringify(result.problems)}`);
};

export const LOCAL_SEEDS: { name: string; seed: LocalSeed }[] = [
  { name: 'sample partners and feeds', seed: seedPartnersAndFeeds },
  { name: 'demo channel follows', seed: seedDemoFollows },
  { name: 'cooperation exchange', seed: seedCoop },
];
