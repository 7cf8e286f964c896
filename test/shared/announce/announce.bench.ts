import { afterAll, beforeAll, bench, describe } from 'vitest';
import { deliveryKey } from '#shared/announce/claims.js';
import { matchResources, matchResourcesNaively } from '#shared/announce/match.js';
import { runAnnounce } from '#shared/announce/run.js';
import type { ChatSender } from '#shared/announce/senders.js';
import type { Language, Resource, ResourceType } from '#shared/domain/resource.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { matchesFilter } from '#shared/filters/filter.js';
import { addFollow, type Follow, listAllFollows } from '#shared/follows/state.js';
import { listResourcesSeenSince } from '#shared/library/resource-store.js';
import { fixedClock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { benchSize } from '../../helpers/bench.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { seededRandom } from '../../helpers/random.js';
import { NOW, resource, seedResources, slackChannel, telegramChat } from './helpers.js';

/**
 * 1,000 new resources against 500 channels with varied follows (topic, topic and country, country
 * and type, partner and language, type and topic; one to three per channel).
 *
 * Once, before the benches: the real run against dynalite with a sender that only counts (no
 * pacing), for store requests per delivery; and the naive plan (every resource against every
 * follow, one store query each for the delivery's state), measured on a slice of the resources
 * (it is linear in resources) plus the same writes. Then the benches compare matching alone.
 */

const RESOURCES = benchSize(1000, 100);
const CHANNELS = benchSize(500, 20);
const NAIVE_SLICE = 10;
const TOPICS = [
  'conditional-cash-transfers',
  'targeting',
  'graduation',
  'financial-inclusion',
  'early-childhood',
  'food-nutrition',
  'health',
  'education',
  'housing',
  'decent-work',
  'gender',
  'disability',
  'migration',
  'care-systems',
  'youth',
  'older-persons',
  'social-registries',
  'productive-inclusion',
  'shock-responsive',
  'monitoring-evaluation',
];
const COUNTRIES = ['BR', 'PE', 'MX', 'CO', 'CL', 'HT', 'JM', 'AR', 'UY', 'GT', 'HN', 'CR', 'DO', 'PY', 'EC'];
const TYPES: ResourceType[] = ['news', 'document', 'video', 'event'];
const LANGS: Language[] = ['en', 'es'];
const PARTNERS = Array.from({ length: 10 }, (_, i) => `partner-${i}`);

const random = seededRandom(7);
const one = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const some = <T>(values: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => one(values))),
];

function makeResources(): Resource[] {
  return Array.from({ length: RESOURCES }, (_, i) =>
    resource({
      id: `bench-${i}`,
      topics: some(TOPICS, 2),
      countries: some(COUNTRIES, 2),
      type: one(TYPES),
      language: one(LANGS),
      partnerId: one(PARTNERS),
      firstSeenAt: new Date(Date.parse(NOW) - 3_600_000 + i * 3000).toISOString(),
    }),
  );
}

function makeFilter(): ResourceFilter {
  const r = random();
  if (r < 0.3) return { topics: [one(TOPICS)] };
  if (r < 0.55) return { topics: [one(TOPICS)], countries: some(COUNTRIES, 2) };
  if (r < 0.75) return { countries: [one(COUNTRIES)], types: [one(TYPES)] };
  if (r < 0.9) return { partners: [one(PARTNERS)], languages: [one(LANGS)] };
  return { types: [one(TYPES)], topics: some(TOPICS, 2) };
}

let services: TestServices;
let runtime: Runtime;
let resources: Resource[] = [];
let follows: Follow[] = [];

const countingSender = (platform: 'slack' | 'telegram'): ChatSender & { posts: number } => ({
  platform,
  pace: { perChannelMs: () => 0, globalMs: 0 },
  describe: 'counting',
  posts: 0,
  async post() {
    this.posts += 1;
  },
});

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  runtime = await services.newRuntime({ IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '5' }, fixedClock(NOW));
  await seedResources(runtime, makeResources());
  for (let c = 0; c < CHANNELS; c += 1) {
    const channel = c % 5 === 0 ? telegramChat(`-100${c}`) : slackChannel(`C${c}`);
    const n = 1 + Math.floor(random() * 3);
    for (let f = 0; f < n; f += 1)
      await addFollow(runtime.store, channel, makeFilter(), { userId: 'U1', at: new Date('2026-03-01') });
  }
  resources = await listResourcesSeenSince(runtime.store, '2026-03-09T00:00:00.000Z', NOW);
  follows = await listAllFollows(runtime.store);

  // Matching alone, best of five each (the benches below give the distribution).
  const best = (fn: () => unknown) => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      fn();
      min = Math.min(min, performance.now() - started);
    }
    return min;
  };
  const match = matchResources(resources, follows);
  const matchMs = best(() => matchResources(resources, follows));
  const naiveMatchMs = best(() => matchResourcesNaively(resources, follows));

  // The real run: reads, claims, posts (counted only), sent marks, cursor.
  const slack = countingSender('slack');
  const telegram = countingSender('telegram');
  runtime.store.resetStats();
  const runStarted = performance.now();
  const summary = await runAnnounce(runtime, { senders: { slack, telegram } });
  const runMs = performance.now() - runStarted;
  const deliveries = summary.posted + summary.batched;
  const writes = runtime.store.stats.itemsWritten;

  // The naive plan's reads: for every resource, for every follow, one query of that delivery's
  // claim (and the match decided per pair), on a slice of the resources.
  runtime.store.resetStats();
  const sliceStarted = performance.now();
  let sliceMatches = 0;
  for (const r of resources.slice(0, NAIVE_SLICE))
    for (const f of follows) {
      await runtime.store.get(deliveryKey(f.channelKey, r.id));
      if (matchesFilter(r, f.filter)) sliceMatches += 1;
    }
  const sliceMs = performance.now() - sliceStarted;
  const naiveReads = (runtime.store.stats.requests / NAIVE_SLICE) * resources.length;
  // Writes: a claim and a sent mark for every delivery (one request each, no batching).
  const naiveWrites = 2 * deliveries;

  const figures = {
    resources: resources.length,
    channels: CHANNELS,
    follows: follows.length,
    deliveries,
    run: {
      ...summary,
      seconds: +(runMs / 1000).toFixed(2),
      messages: slack.posts + telegram.posts,
      itemsWritten: writes,
    },
    storeRequestsPerDelivery: +(summary.storeRequests / deliveries).toFixed(3),
    matching: {
      indexedMs: +matchMs.toFixed(1),
      naiveMs: +naiveMatchMs.toFixed(1),
      speedup: +(naiveMatchMs / matchMs).toFixed(1),
      indexedComparisons: match.comparisons,
      naiveComparisons: resources.length * follows.length,
    },
    naive: {
      measuredOnResources: NAIVE_SLICE,
      sliceMatchingPairs: sliceMatches,
      readRequests: Math.round(naiveReads),
      storeRequestsPerDelivery: +((naiveReads + naiveWrites) / deliveries).toFixed(2),
      estimatedReadSeconds: +(((sliceMs / NAIVE_SLICE) * resources.length) / 1000).toFixed(1),
    },
    ratio: {
      storeRequestsNaiveOverPlanned: +((naiveReads + naiveWrites) / summary.storeRequests).toFixed(1),
    },
  };
  process.stdout.write(`\nannouncement benchmark figures:\n${JSON.stringify(figures, null, 2)}\n`);
}, 600_000);

afterAll(() => services?.close());

describe(`match ${RESOURCES} resources against the follows of ${CHANNELS} channels`, () => {
  bench('indexed: follows filed under their most selective field', () => {
    matchResources(resources, follows);
  });

  bench(
    'naive: every resource against every follow',
    () => {
      matchResourcesNaively(resources, follows);
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
