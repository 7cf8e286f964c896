/**
 * Query latency of the search index at several commits, measured in one process over the same
 * library and queries, alternating between the versions query by query, each query's fastest of
 * `runs` kept: on a shared, loaded machine the absolute times of two runs of `npm run bench` are not
 * comparable, while versions alternating in one process see the same load. Also says, per version,
 * how many queries answer differently (hits, scores and explanations) from the first version given.
 *
 *   npx tsx scripts/search-latency.ts <size> <runs> <commit> [<commit>…]
 *   npx tsx scripts/search-latency.ts 100000 30 e6ff7b3 HEAD .
 *
 * A commit is read from `git archive` (its shared/ and test/); "." is the working tree, and a
 * directory path a copy of it (with node_modules) where a change is tried. The library
 * is the bench's (`generateResources(size, 11)`; size 0: the tuning library) and the queries the
 * tuning set's, both from the last version given. docs/search.md has the figures.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { versionTrees } from './version-trees.js';

interface Hit {
  id: string;
  score: number;
}
interface Index {
  search(request: { query: string; limit: number; explain?: boolean }, now: Date): { hits: Hit[] };
}

const [sizeArg, runsArg, ...rest] = process.argv.slice(2);
const commits = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--slowest');
if (!sizeArg || !runsArg || commits.length === 0) {
  console.error('usage: npx tsx scripts/search-latency.ts <size> <runs> <commit> [<commit>…]');
  process.exit(2);
}
const size = Number(sizeArg);
const runs = Number(runsArg);
const root = resolve(import.meta.dirname, '..');
const versions = versionTrees(root, ['shared', 'test', 'package.json']);

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

try {
  const trees = commits.map(versions.treeOf);
  const from = (tree: string, path: string) => import(pathToFileURL(join(tree, path)).href);
  const last = trees[trees.length - 1] as string;
  const library = await from(last, 'test/shared/search/sample-library.ts');
  const { RELEVANCE_SET } = await from(last, 'test/shared/search/relevance-set.ts');
  const queries: string[] = RELEVANCE_SET.map((q: { query: string }) => q.query);
  const now = new Date(library.SAMPLE_NOW);
  const resources = size > 0 ? library.generateResources(size, 11) : library.sampleLibrary();
  const indexes: Index[] = [];
  for (const tree of trees) {
    const { SearchIndex } = await from(tree, 'shared/search/search-index.ts');
    const built = SearchIndex.build(resources, library.SAMPLE_PARTNERS, { builtAt: library.SAMPLE_NOW });
    // As the service has it: loaded from a snapshot.
    indexes.push(SearchIndex.fromSnapshotJson(built.toSnapshotJson()));
  }
  const answers = indexes.map((index) =>
    queries.map((query) => JSON.stringify(index.search({ query, limit: 10, explain: true }, now))),
  );
  const fastest = indexes.map(() => queries.map(() => Number.POSITIVE_INFINITY));
  for (let r = 0; r < runs; r++)
    queries.forEach((query, q) => {
      indexes.forEach((index, v) => {
        const t = performance.now();
        index.search({ query, limit: 10 }, now);
        const ms = performance.now() - t;
        const times = fastest[v] as number[];
        if (ms < (times[q] as number)) times[q] = ms;
      });
    });
  console.log(
    `${size || 'tuning library'} resources, ${queries.length} queries, each query's fastest of ${runs}`,
  );
  commits.forEach((commit, v) => {
    const times = fastest[v] as number[];
    const sum = times.reduce((a, b) => a + b, 0);
    const differ = queries.filter((_, q) => answers[v]?.[q] !== answers[0]?.[q]).length;
    console.log(
      `${commit.padEnd(12)} sum ${sum.toFixed(1)} ms  median ${percentile(times, 50).toFixed(3)} ms  ` +
        `p95 ${percentile(times, 95).toFixed(2)} ms  answers differing from ${commits[0]}: ${differ}`,
    );
  });
  // `--slowest N`: the N queries the last version spends most on, beside the first version's times.
  const at = process.argv.indexOf('--slowest');
  if (at >= 0) {
    const last = fastest[fastest.length - 1] as number[];
    const first = fastest[0] as number[];
    const order = queries.map((_, q) => q).sort((a, b) => (last[b] as number) - (last[a] as number));
    for (const q of order.slice(0, Number(process.argv[at + 1] ?? 10)))
      console.log(
        `  ${(last[q] as number).toFixed(3)} ms (${commits[0]} ${(first[q] as number).toFixed(3)})  ${queries[q]}`,
      );
  }
} finally {
  versions.remove();
}
