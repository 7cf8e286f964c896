import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { SearchIndex } from '#shared/search/search-index.js';
import { gunzipSnapshot } from '#shared/search/service.js';

/**
 * Run by the benchmarks in a fresh `node --expose-gc` process: loads one snapshot (ours or
 * MiniSearch's default), answers one query, and prints the memory the loaded index keeps after a
 * full collection (JS heap plus typed arrays), measured against the same process before loading.
 */

const [file, kind] = process.argv.slice(2) as [string, 'ours' | 'minisearch'];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc');
const bytes = readFileSync(file);

function memory(): number {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers - bytes.byteLength;
}

// Warm the modules the load uses, so that compiled code is not counted as the index.
SearchIndex.build([], new Map(), { builtAt: new Date(0).toISOString() }).search({ query: 'x' }, new Date());
const before = memory();
const index =
  kind === 'ours'
    ? SearchIndex.fromSnapshotJson(gunzipSnapshot(bytes))
    : MiniSearch.loadJSON(gunzipSnapshot(bytes), { fields: ['title', 'summary', 'contentHtml'] });
if (index instanceof SearchIndex) index.search({ query: 'cash transfers Brazil' }, new Date());
else index.search('cash transfers Brazil');
const after = memory();
process.stdout.write(
  JSON.stringify({
    bytes: after - before,
    size: index instanceof SearchIndex ? index.size : index.documentCount,
  }),
);
