import { bench, describe } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { measureScale, printRelevance, printScale } from './bench-figures.js';
import { compareLibraries } from './libraries-figures.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

await printRelevance();
printScale(measureScale(10_000, 10));
await compareLibraries(10_000);

const index = SearchIndex.build(generateResources(10_000, 11), SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
const now = new Date(SAMPLE_NOW);

describe('warm queries at 10k', () => {
  bench('cross-language topic and country', () => {
    index.search({ query: 'cash transfers Brasil', limit: 10 }, now);
  });
  bench('filters only (newest first)', () => {
    index.search({ query: 'type:video lang:es', limit: 10 }, now);
  });
  bench('typo and prefix', () => {
    index.search({ query: 'condtional cash tran', limit: 10 }, now);
  });
});
