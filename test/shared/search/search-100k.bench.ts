import { bench, describe } from 'vitest';
import { benchSize } from '../../helpers/bench.js';
import { measureScale, printScale } from './bench-figures.js';

// 100k resources: only in `npm run bench`, never in `npm test`.
const figures = measureScale(benchSize(100_000, 1_000), benchSize(3, 1));
printScale(figures);

describe('100k', () => {
  bench('figures printed above', () => {
    figures.ours.p95.toFixed(1);
  });
});
