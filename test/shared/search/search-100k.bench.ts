import { bench, describe } from 'vitest';
import { measureScale, printScale } from './bench-figures.js';

// 100k resources: only in `npm run bench`, never in `npm test`.
const figures = measureScale(100_000, 3);
printScale(figures);

describe('100k', () => {
  bench('figures printed above', () => {
    figures.ours.p95.toFixed(1);
  });
});
