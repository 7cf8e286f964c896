import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { UNBOUNDED } from '#shared/search/query.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

/**
 * Issue 13.1: the query layer's cost for one word of 10 to 100,000 letters, with the bounds
 * (QUERY_BOUNDS) against the same code with them off (UNBOUNDED: what the query layer did before,
 * a typo lookup whose matrix grows with the square of the word). Time is vitest's; memory is the
 * rise of peak RSS the query causes, in a fresh process per case (query-memory.ts).
 */

const LENGTHS = [10, 100, 1_000, 10_000, 100_000];
const now = new Date(SAMPLE_NOW);
const index = SearchIndex.build(generateResources(2_000, 11), SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
const wordOf = (length: number) => 'qwrtzx'.repeat(Math.ceil(length / 6)).slice(0, length);

function peak(length: number, mode: 'bounded' | 'unbounded'): string {
  const script = fileURLToPath(new URL('./query-memory.ts', import.meta.url));
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, String(length), mode],
    { encoding: 'utf8' },
  );
  const { peakBytes, threw } = JSON.parse(out) as { peakBytes: number; threw?: string };
  const mb = `${(peakBytes / 1024 / 1024).toFixed(1)} MB`;
  return threw ? `${mb}, threw ${threw}` : mb;
}

// Warm both paths, so that the first case does not time the compiler.
for (let i = 0; i < 200; i++) {
  index.search({ query: wordOf(10) }, now);
  index.search({ query: wordOf(10) }, now, UNBOUNDED);
}

const rows = LENGTHS.map((length) => ({
  letters: length,
  bounded: peak(length, 'bounded'),
  unbounded: peak(length, 'unbounded'),
}));
console.log('\nSearch query layer, peak memory a one-word query adds (2,000 resources):');
console.table(rows);

for (const length of LENGTHS) {
  const query = wordOf(length);
  describe(`one word of ${length.toLocaleString('en')} letters`, () => {
    bench('bounded (QUERY_BOUNDS)', () => {
      index.search({ query }, now);
    });
    // Without bounds, 100,000 letters ask for a 10 GB matrix and throw at once: nothing to time.
    if (length <= 10_000)
      bench('unbounded (before the bounds)', () => {
        index.search({ query }, now, UNBOUNDED);
      });
  });
}
