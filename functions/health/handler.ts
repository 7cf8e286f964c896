import { loadConfig } from '#shared/config.js';
import { healthReport } from '#shared/health.js';
import { jsonResult } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * GET /health on the deployed HTTP API, as the local stack answers it: whether the store answers,
 * the search snapshot's age and each cycle job's last run; 503 when the store does not answer.
 * It reads no secret and writes nothing.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-health', config.logLevel));

export const handler = async () => {
  const report = await healthReport(runtime);
  return jsonResult(report.ok ? 200 : 503, report, { 'cache-control': 'no-store' });
};
