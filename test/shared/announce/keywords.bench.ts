import { beforeAll, bench, describe } from 'vitest';
import { matchResources } from '#shared/announce/match.js';
import type { ChannelRef, Follow } from '#shared/bot/state.js';
import type { Language, Resource, ResourceType } from '#shared/domain/resource.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { KeywordMatcher } from '#shared/filters/keywords.js';
import { resourceTerms } from '#shared/search/resource-terms.js';
import { seededRandom } from '../../helpers/random.js';
import { generateResources, SAMPLE_PARTNERS, SAMPLE_TOPICS } from '../search/sample-library.js';
import { followOf } from './follows.js';

/**
 * Keyword follows (issue 12.4) against today's taxonomy-only follows: 1,000 new resources (the
 * bilingual sample library: real titles, summaries and content) against the follows of 500
 * channels (one to three each). The baseline is those follows as they are today, topics,
 * countries, types, partners and languages only; in the other run every third follow carries
 * keywords, half of them keywords alone (`"cash transfers" -pilot`), half keywords on top of its
 * taxonomy fields. Both runs use a fresh KeywordMatcher, as one announcement run does, so the
 * keyword run pays for analysing each resource once. Target: within 1.5x of the baseline.
 *
 * The figures printed first are medians of interleaved runs in this process (the machine is
 * shared: interleaving makes the ratio fair), with the cost of the resource analysis alone.
 */

const RESOURCES = 1000;
const CHANNELS = 500;
const KEYWORDS = [
  '"cash transfers" -pilot',
  'nutrition',
  'registro social',
  '"primera infancia"',
  'impact evaluation',
  'Bolsa Família',
  'cuidado infantil',
  'graduation -webinar',
  'transferencias condicionadas',
  'anemia',
  'pensiones no contributivas',
  'school feeding',
  '"social registry"',
  'focalización -piloto',
  'disability benefits',
  'migrantes venezolanos',
  'climate shocks',
  'empleo juvenil',
  'women economic empowerment',
  'digital payments',
];
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
    const keywords = taxonomyOnly.length % 3 === 0 ? one(KEYWORDS) : undefined;
    withKeywords.push(
      followOf(
        channel,
        keywords === undefined ? filter : random() < 0.5 ? { keywords } : { ...filter, keywords },
        FOLLOWED_AT,
      ),
    );
  }
}

const matchTaxonomy = () => matchResources(resources, taxonomyOnly, new KeywordMatcher(SAMPLE_PARTNERS));
const matchKeywords = () => matchResources(resources, withKeywords, new KeywordMatcher(SAMPLE_PARTNERS));

beforeAll(() => {
  const times = { taxonomy: [] as number[], keywords: [] as number[], analysis: [] as number[] };
  const time = (list: number[], fn: () => unknown) => {
    const started = performance.now();
    fn();
    list.push(performance.now() - started);
  };
  for (let i = 0; i < 3; i += 1) matchKeywords();
  for (let i = 0; i < 15; i += 1) {
    time(times.taxonomy, matchTaxonomy);
    time(times.keywords, matchKeywords);
    time(times.analysis, () => {
      for (const r of resources) resourceTerms(r, SAMPLE_PARTNERS);
    });
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const taxonomy = matchTaxonomy();
  const keywords = matchKeywords();
  const figures = {
    resources: resources.length,
    channels: CHANNELS,
    follows: withKeywords.length,
    keywordFollows: withKeywords.filter((f) => f.filter.keywords).length,
    keywordOnlyFollows: withKeywords.filter((f) => f.filter.keywords && Object.keys(f.filter).length === 1)
      .length,
    taxonomyOnlyMs: +median(times.taxonomy).toFixed(1),
    withKeywordsMs: +median(times.keywords).toFixed(1),
    ratio: +(median(times.keywords) / median(times.taxonomy)).toFixed(2),
    target: 1.5,
    analysingEveryResourceMs: +median(times.analysis).toFixed(1),
    comparisons: { taxonomyOnly: taxonomy.comparisons, withKeywords: keywords.comparisons },
    deliveries: { taxonomyOnly: taxonomy.deliveries, withKeywords: keywords.deliveries },
  };
  process.stdout.write(`\nkeyword follows benchmark figures:\n${JSON.stringify(figures, null, 2)}\n`);
}, 600_000);

describe(`match ${RESOURCES} resources against the follows of ${CHANNELS} channels, a third with keywords`, () => {
  bench('taxonomy-only follows (the baseline: today)', () => {
    matchTaxonomy();
  });
  bench('a third of the follows with keywords', () => {
    matchKeywords();
  });
});
