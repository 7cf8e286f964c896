import { loadConfig } from '#shared/config.js';
import { runIngest } from '#shared/ingest/run.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/** The scheduled ingest: one run over every active feed (EventBridge Scheduler, reserved concurrency 1). */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-ingest', config.logLevel));

export const handler = async () => (await runIngest(runtime)).summary;
