import { loadConfig } from '#shared/config.js';
import { recorded } from '#shared/health.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { refreshSearchIndex } from '#shared/search/service.js';

/**
 * The cycle's search-index job (shared/cycle.ts): invoked after each ingest run, it writes a new
 * index snapshot to the table when the library changed. Warm bot containers read the snapshot's
 * head every 30 s and load the new one, so what ingest stored is searchable within a minute of
 * this run. It reads no secret (none is bound to it).
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-search-index', config.logLevel));

/** Logs its result once (refreshSearchIndex does) and returns it: the next job ignores it. */
export const handler = () => recorded(runtime, 'search-index', () => refreshSearchIndex(runtime));
