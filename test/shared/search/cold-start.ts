import { loadConfig } from '#shared/config.js';
import { type Log, silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import type { SnapshotStore } from '#shared/search/snapshot-store.js';

/**
 * A bot's cold start on the search path, run by snapshot-scale.bench.ts in a fresh Node process from
 * an esbuild bundle (as a Lambda runs its bundle): the search modules imported on the first search
 * (what `lazySearchService` does), then the first search through `createSearchService` against the
 * store: the snapshot head, its chunks, the decode (gunzip, parse, index), the answer. Prints one
 * line of JSON: each phase's wall and CPU time, and the process's peak resident memory. `boot` is
 * Node's start and this bundle's static imports (an ES module's imports evaluate before its body).
 *
 *   node cold-start.mjs <dynamodb endpoint> <table> <query>
 */

const [endpoint, table, query] = process.argv.slice(2) as [string, string, string];

/** Wall and CPU time (all threads: V8's collector too) at each step's end, from the process's start. */
const marks: Record<string, { wallMs: number; cpuMs: number }> = {};
const mark = (step: string) => {
  const { user, system } = process.cpuUsage();
  marks[step] = { wallMs: performance.now(), cpuMs: (user + system) / 1000 };
};
mark('boot');

let load: { resources: number } | undefined;
let bytes = 0;
const log: Log = {
  ...silentLog,
  debug: (message, data) => {
    if (message !== 'search index loaded' || !data) return;
    mark('decode');
    load = data as typeof load;
  },
};
const runtime = createRuntime(
  loadConfig({
    IASPN_TABLE_NAME: table,
    IASPN_DYNAMODB_ENDPOINT: endpoint,
    IASPN_TOKEN_SECRET: 'cold-start',
    IASPN_LOG_LEVEL: 'silent',
  }),
  log,
);

const [{ createSearchService }, { TableSnapshotStore }] = await Promise.all([
  import('#shared/search/service.js'),
  import('#shared/search/snapshot-store.js'),
]);
mark('import');

// The store's two reads marked on their way through: the head, then the chunks.
const store = new TableSnapshotStore(runtime.store);
const timed: SnapshotStore = {
  head: async () => {
    const head = await store.head();
    mark('head');
    return head;
  },
  read: async () => {
    const parts = await store.read();
    mark('read');
    bytes = (parts?.base.byteLength ?? 0) + (parts?.delta?.byteLength ?? 0);
    return parts;
  },
  readDelta: (head) => store.readDelta(head),
  write: (segment, meta, expected) => store.write(segment, meta, expected),
};

const response = await createSearchService(runtime, { snapshots: timed }).search({ query, limit: 10 });
// The first answer (with its event data, read from the store): what the search took beyond the load.
mark('answer');
if (!load) throw new Error('The search did not load a snapshot');

const steps = ['boot', 'import', 'head', 'read', 'decode', 'answer'] as const;
const phases = Object.fromEntries(
  steps.map((step, i) => {
    const end = marks[step];
    const start = i === 0 ? { wallMs: 0, cpuMs: 0 } : marks[steps[i - 1] as string];
    if (!end || !start) throw new Error(`No mark for ${step}`);
    return [step, { wallMs: end.wallMs - start.wallMs, cpuMs: end.cpuMs - start.cpuMs }];
  }),
);
process.stdout.write(
  JSON.stringify({
    resources: load.resources,
    bytes,
    hits: response.hits.length,
    phases,
    total: marks.answer,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
