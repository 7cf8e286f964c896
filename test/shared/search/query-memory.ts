import { UNBOUNDED } from '#shared/search/query.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

/**
 * Run by query-bounds.bench.ts in a fresh `node --expose-gc` process: builds a 2,000-resource index,
 * then answers one query of a word of `length` letters, bounded or not, and prints how far the
 * query raised the process's peak resident memory (maxRSS) above what the index had needed, and
 * what the query threw, if it threw.
 */

const [lengthArg, mode] = process.argv.slice(2) as [string, 'bounded' | 'unbounded'];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc');
const now = new Date(SAMPLE_NOW);
const index = SearchIndex.build(generateResources(2_000, 11), SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
index.search({ query: 'condtional cash tran' }, now);
gc();
const before = process.resourceUsage().maxRSS;
const word = 'qwrtzx'.repeat(Math.ceil(Number(lengthArg) / 6)).slice(0, Number(lengthArg));
let threw: string | undefined;
try {
  index.search({ query: word }, now, mode === 'unbounded' ? UNBOUNDED : undefined);
} catch (error) {
  threw = (error as Error).message;
}
const peakKb = process.resourceUsage().maxRSS - before;
process.stdout.write(JSON.stringify({ peakBytes: peakKb * 1024, threw }));
