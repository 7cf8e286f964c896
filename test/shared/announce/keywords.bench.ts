import { beforeAll, bench, describe } from 'vitest';
import { matchResources } from '#shared/announce/match.js';
import type { Language, Resource, ResourceType } from '#shared/domain/resource.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { compileKeywords, KeywordMatcher } from '#shared/filters/keywords.js';
import type { ChannelRef, Follow } from '#shared/follows/state.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { benchOptions, benchSize } from '../../helpers/bench.js';
import { seededRandom } from '../../helpers/random.js';
import { generateResources, SAMPLE_PARTNERS, SAMPLE_TOPICS } from '../search/sample-library.js';
import { followOf } from './follows.js';

/**
 * Keyword follows (issue 12.4) against today's taxonomy-only follows: 1,000 new resources (the
 * bilingual sample library: real titles, summaries and content) against the follows of 500
 * channels (one to three each). The baseline is those follows as they are today, topics,
 * countries, types, partners and languages only; in the other run every third follow carries
 * keywords (one or two words or phrases of TERMS, a quarter with an exclusion: `"cash transfers"
 * -pilot`), half of them keywords alone, half keywords on top of the follow's taxonomy fields. Both runs use a fresh KeywordMatcher, as one announcement run does, so the
 * keyword run pays for analysing each resource once. Target: within 1.5x of the baseline.
 *
 * The figures printed first are CPU times, medians of interleaved runs in this process, with where
 * the time goes: the extra comparisons alone, the resource analysis alone, and the keyword tests.
 */

const RESOURCES = benchSize(1000, 100);
const CHANNELS = benchSize(500, 50);
/** Words and phrases members follow, in English and Spanish; a follow's keywords combine one or two and may exclude a word. */
const TERMS = [
  '"cash transfers"',
  'nutrition',
  'registro social',
  '"primera infancia"',
  'impact evaluation',
  'Bolsa Família',
  'cuidado infantil',
  'graduation',
  'transferencias condicionadas',
  'anemia',
  'pensiones no contributivas',
  'school feeding',
  '"social registry"',
  'focalización',
  'disability',
  'migrantes',
  'climate shocks',
  'empleo juvenil',
  'women',
  'digital payments',
  'Peru',
  'Colombia',
  'rural',
  'indígenas',
  'housing',
  'salud',
  'education',
  'pobreza',
  'adolescentes',
  'cuidados',
];
const EXCLUDED = ['-pilot', '-webinar', '-piloto', '-seminario', '-"call for papers"'];
const TYPES: ResourceType[] = ['news', 'document', 'video', 'event'];
const LANGS: Language[] = ['en', 'es'];
const PARTNERS = [...SAMPLE_PARTNERS.keys()];
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const FOLLOWED_AT = '2026-03-01T00:00:00.000Z';

const random = seededRandom(7);
const one = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const some = <T>(values: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => one(values))),
];

const resources: Resource[] = generateResources(RESOURCES, 11).map(({ meta: _meta, ...r }, i) => ({
  ...r,
  firstSeenAt: new Date(NOW - 3_600_000 + i * 3000).toISOString(),
}));
const COUNTRIES = [...new Set(resources.flatMap((r) => r.countries))];

function keywordText(): string {
  const words = [
    one(TERMS),
    ...(random() < 0.4 ? [one(TERMS)] : []),
    ...(random() < 0.25 ? [one(EXCLUDED)] : []),
  ];
  return [...new Set(words)].join(' ');
}

function taxonomyFilter(): ResourceFilter {
  const r = random();
  if (r < 0.3) return { topics: [one(SAMPLE_TOPICS)] };
  if (r < 0.55) return { topics: [one(SAMPLE_TOPICS)], countries: some(COUNTRIES, 2) };
  if (r < 0.75) return { countries: [one(COUNTRIES)], types: [one(TYPES)] };
  if (r < 0.9) return { partners: [one(PARTNERS)], languages: [one(LANGS)] };
  return { types: [one(TYPES)], topics: some(SAMPLE_TOPICS, 2) };
}

/** Today's follows, and the same follows with keywords on every third. */
const taxonomyOnly: Follow[] = [];
const withKeywords: Follow[] = [];
for (let c = 0; c < CHANNELS; c += 1) {
  const channel: ChannelRef = { platform: 'slack', workspaceId: 'T1', channelId: `C${c}` };
  const n = 1 + Math.floor(random() * 3);
  for (let f = 0; f < n; f += 1) {
    const filter = taxonomyFilter();
    taxonomyOnly.push(followOf(channel, filter, FOLLOWED_AT));
    const keywords = taxonomyOnly.length % 3 === 0 ? keywordText() : undefined;
    withKeywords.push(
      followOf(
        channel,
        keywords === undefined ? filter : random() < 0.5 ? { keywords } : { ...filter, keywords },
        FOLLOWED_AT,
      ),
    );
  }
}

/**
 * The search index the cycle's search-index job built just before the announcement run (its cost
 * belongs to that job, not to matching); each run's matcher starts with no query answered.
 */
const index = SearchIndex.build(resources, SAMPLE_PARTNERS, { builtAt: new Date(NOW).toISOString() });
const matchTaxonomy = () =>
  matchResources(resources, taxonomyOnly, new KeywordMatcher(SAMPLE_PARTNERS, index));
const matchKeywords = () =>
  matchResources(resources, withKeywords, new KeywordMatcher(SAMPLE_PARTNERS, index));
/** Without the index (no snapshot): each resource analysed once by the run's matcher. */
const matchKeywordsAnalysing = () =>
  matchResources(resources, withKeywords, new KeywordMatcher(SAMPLE_PARTNERS));

/** A keyword test that costs nothing: what matching keyword follows costs before any keyword is read. */
const freeKeywords = { matches: () => false, matchingAmong: () => undefined } as unknown as KeywordMatcher;

/**
 * Where the time goes, in CPU milliseconds of this process (`process.cpuUsage`: on a shared machine
 * wall time counts the other processes' turns too), medians of interleaved runs.
 */
beforeAll(() => {
  const steps: Record<string, () => unknown> = {
    taxonomyOnly: matchTaxonomy,
    withKeywords: matchKeywords,
    // The follows with keywords, each keyword test answered at once: the extra comparisons alone.
    withKeywordsWithoutIndex: matchKeywordsAnalysing,
    comparisonsOnly: () => matchResources(resources, withKeywords, freeKeywords),
    // Analysing the 1,000 resources once, as one run's matcher does (resourceTerms into a set).
    analysisOnly: () => {
      const matcher = new KeywordMatcher(SAMPLE_PARTNERS);
      for (const r of resources) matcher.matches(r, 'x');
    },
    // The follows with keywords against resources analysed beforehand: comparisons and keyword tests.
    withKeywordsAnalysed: () => matchResources(resources, withKeywords, analysed),
  };
  let analysed = new KeywordMatcher(SAMPLE_PARTNERS);
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  // What a process's first run pays once on top: compiling each distinct text (kept per process).
  const cpuNow = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const distinct = [...new Set(withKeywords.map((f) => f.filter.keywords).filter((k) => k !== undefined))];
  const compileStarted = cpuNow();
  for (const text of distinct) compileKeywords(text);
  const compileOnceMs = cpuNow() - compileStarted;
  for (let i = 0; i < benchSize(3, 1); i += 1) matchKeywords();
  // The index gives every delivery the analysis gives, pair for pair.
  const viaIndex = matchKeywords();
  const viaAnalysis = matchKeywordsAnalysing();
  const pairs = (m: ReturnType<typeof matchKeywords>) =>
    [...m.channels].flatMap(([k, c]) => c.resources.map((r) => `${k} ${r.id}`)).sort();
  if (pairs(viaIndex).join() !== pairs(viaAnalysis).join())
    throw new Error('keyword matching through the index and through analysis disagree');
  for (let i = 0; i < benchSize(15, 1); i += 1) {
    analysed = new KeywordMatcher(SAMPLE_PARTNERS);
    for (const r of resources) analysed.matches(r, 'x');
    for (const [name, step] of Object.entries(steps)) {
      const started = cpuMs();
      step();
      times[name]!.push(cpuMs() - started);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const cpu = Object.fromEntries(Object.entries(times).map(([k, list]) => [k, +median(list).toFixed(1)]));
  const taxonomy = matchTaxonomy();
  const keywords = matchKeywords();
  const figures = {
    resources: resources.length,
    channels: CHANNELS,
    follows: withKeywords.length,
    keywordFollows: withKeywords.filter((f) => f.filter.keywords).length,
    distinctKeywords: new Set(withKeywords.map((f) => f.filter.keywords).filter(Boolean)).size,
    keywordOnlyFollows: withKeywords.filter((f) => f.filter.keywords && Object.keys(f.filter).length === 1)
      .length,
    cpuMs: cpu,
    ratio: +(median(times.withKeywords!) / median(times.taxonomyOnly!)).toFixed(2),
    /** A process's first run: the ratio with every distinct text compiled on top. */
    ratioFirstRun: +((median(times.withKeywords!) + compileOnceMs) / median(times.taxonomyOnly!)).toFixed(2),
    compileOnceMs: +compileOnceMs.toFixed(1),
    ratioWithoutIndex: +(median(times.withKeywordsWithoutIndex!) / median(times.taxonomyOnly!)).toFixed(2),
    target: 1.5,
    ofTaxonomyOnly: Object.fromEntries(
      Object.entries(cpu).map(([k, ms]) => [k, +(ms / cpu.taxonomyOnly!).toFixed(2)]),
    ),
    comparisons: { taxonomyOnly: taxonomy.comparisons, withKeywords: keywords.comparisons },
    deliveries: { taxonomyOnly: taxonomy.deliveries, withKeywords: keywords.deliveries },
  };
  process.stdout.write(`\nkeyword follows benchmark figures:\n${JSON.stringify(figures, null, 2)}\n`);
}, 600_000);

describe(`match ${RESOURCES} resources against the follows of ${CHANNELS} channels, a third with keywords`, () => {
  bench(
    'taxonomy-only follows (the baseline: today)',
    () => {
      matchTaxonomy();
    },
    benchOptions,
  );
  bench(
    'a third of the follows with keywords (search index)',
    () => {
      matchKeywords();
    },
    benchOptions,
  );
  bench(
    'a third of the follows with keywords, no snapshot (each resource analysed)',
    () => {
      matchKeywordsAnalysing();
    },
    benchOptions,
  );
});
