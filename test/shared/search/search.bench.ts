import { bench, describe } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { benchSize } from '../../helpers/bench.js';
import { measureScale, printRelevance, printScale } from './bench-figures.js';
import { measureBlind, printBlind } from './blind-figures.js';
import { measureDev, printDev } from './dev-figures.js';
import { measureDev2, printDev2 } from './dev2-figures.js';
import { compareLibraries } from './libraries-figures.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

// 10k resources; a few hundred in the CI smoke (IASPN_BENCH_SMOKE=1).
const SIZE = benchSize(10_000, 500);

await printRelevance();
printDev(await measureDev());
printDev2(await measureDev2());
printBlind(await measureBlind());
printScale(measureScale(SIZE, benchSize(10, 1)));
await compareLibraries(SIZE);

const index = SearchIndex.build(generateResources(SIZE, 11), SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
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
