import { writeFileSync } from 'node:fs';
import { SearchIndex } from '#shared/search/search-index.js';
import { gzipSnapshot } from '#shared/search/service.js';
import { generateResources, SAMPLE_NOW, SAMPLE_PARTNERS } from './sample-library.js';

/**
 * The base snapshot of n sample resources, built in a fresh Node process (run by
 * snapshot-scale.bench.ts) so that its peak memory is the build's alone: the library in memory, the
 * index built over it, its JSON and the gzip, as the refresh Lambda's full rebuild holds them.
 * Writes the gzip snapshot to a file and prints one line of JSON with the times and sizes.
 *
 *   node snapshot-build.mjs <resources> <out file>
 */

const [count, file] = process.argv.slice(2) as [string, string];
let t = performance.now();
const resources = generateResources(Number(count), 11);
const generateMs = performance.now() - t;
t = performance.now();
const index = SearchIndex.build(resources, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
const buildMs = performance.now() - t;
t = performance.now();
const json = index.toSnapshotJson();
const bytes = gzipSnapshot(json);
const writeMs = performance.now() - t;
writeFileSync(file, bytes);

process.stdout.write(
  JSON.stringify({
    resources: index.size,
    generateMs,
    buildMs,
    writeMs,
    jsonMb: Buffer.byteLength(json) / 1e6,
    gzipMb: bytes.byteLength / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
