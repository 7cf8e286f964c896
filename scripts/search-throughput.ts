/**
 * Searches back to back, as a busy bot or `search.bench.ts`' tasks run them: the tuning set's
 * queries, `rounds` times over, in a fresh process per version, the versions alternating `pairs`
 * times. Unlike search-latency.ts (each query's fastest), this counts what a search leaves behind:
 * the buffers it makes and the collections they bring. Prints each run's time per round, and the
 * median of each pair's ratio to the first version.
 *
 *   npx tsx scripts/search-throughput.ts <size> <rounds> <pairs> <commit|.|dir>…
 *   npx tsx scripts/search-throughput.ts 10000 60 3 e6ff7b3 .
 *
 * Versions are read as search-latency.ts reads them; the library is `generateResources(size, 11)`
 * and the queries the tuning set's, both from the working tree.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { versionTrees } from './version-trees.js';

const root = resolve(import.meta.dirname, '..');
const [mode, ...args] = process.argv.slice(2);

if (mode === '--child') {
  // One version's run: args are its tree, the size and the rounds.
  const [tree, size, rounds] = args as [string, string, string];
  const from = (base: string, path: string) => import(pathToFileURL(join(base, path)).href);
  const library = await from(root, 'test/shared/search/sample-library.ts');
  const { RELEVANCE_SET } = await from(root, 'test/shared/search/relevance-set.ts');
  const { SearchIndex } = await from(tree, 'shared/search/search-index.ts');
  const built = SearchIndex.build(library.generateResources(Number(size), 11), library.SAMPLE_PARTNERS, {
    builtAt: library.SAMPLE_NOW,
  });
  const index = SearchIndex.fromSnapshotJson(built.toSnapshotJson());
  const now = new Date(library.SAMPLE_NOW);
  const queries: string[] = RELEVANCE_SET.map((q: { query: string }) => q.query);
  const round = () => {
    for (const query of queries) index.search({ query, limit: 10 }, now);
  };
  round(); // warm
  const start = performance.now();
  for (let r = 0; r < Number(rounds); r++) round();
  process.stdout.write(((performance.now() - start) / Number(rounds)).toFixed(1));
} else {
  const [size, rounds, pairs, ...versions] = [mode, ...args];
  if (!size || !rounds || !pairs || versions.length === 0) {
    console.error('usage: npx tsx scripts/search-throughput.ts <size> <rounds> <pairs> <commit|.|dir>…');
    process.exit(2);
  }
  const trees = versionTrees(root, ['shared', 'package.json']);
  try {
    const dirs = versions.map(trees.treeOf);
    const times: string[][] = versions.map(() => []);
    for (let p = 0; p < Number(pairs); p++)
      dirs.forEach((tree, v) => {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', import.meta.filename, '--child', tree, size, rounds],
          { cwd: root, encoding: 'utf8' },
        );
        times[v]?.push(out.trim());
      });
    console.log(`${size} resources, the tuning queries ${rounds} times back to back; ms a round, per run:`);
    versions.forEach((version, v) => {
      console.log(`${version.padEnd(12)} ${times[v]?.join(' / ')}`);
    });
    // A loaded machine slows whole runs at a time: each pair's ratio, their median, says more.
    versions.slice(1).forEach((version, w) => {
      const ratios = (times[w + 1] ?? [])
        .map((t, p) => Number(t) / Number(times[0]?.[p]))
        .sort((a, b) => a - b);
      const median = ratios[Math.floor(ratios.length / 2)] as number;
      console.log(
        `${version.padEnd(12)} against ${versions[0]}: median of the pairs' ratios ${median.toFixed(2)}`,
      );
    });
  } finally {
    trees.remove();
  }
}
