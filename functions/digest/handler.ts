import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '#shared/config.js';
import { createSqsEnqueue, sqsDigestQueueDepth, switchDigestWorkers } from '#shared/digest/fanout.js';
import { runDigest } from '#shared/digest/run.js';
import { checkSendQuota } from '#shared/email/quota.js';
import { describeError } from '#shared/errors.js';
import { recorded } from '#shared/health.js';
import { createLambdaLog } from '#shared/log.js';
import { digestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { lambdaEventSourceSwitch } from '#shared/runtime/event-source-switch.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { withFreshSecrets } from '#shared/secrets.js';

/**
 * The cycle's digest job (last; reserved concurrency 1). With IASPN_DIGEST_QUEUE_URL it only
 * plans: due subscribers go to the queue in batches for the worker; without, it sends inline. Then
 * it switches the workers' event source on while the queue holds batches and off once it is empty
 * (IASPN_DIGEST_WORKERS_MAPPING; shared/digest/fanout.ts switchDigestWorkers), and checks the
 * account's SES sending against its daily quota (shared/email/quota.ts). The email-link key is read
 * through the secrets cache on each run.
 */
const base = loadConfig(process.env);
const log = createLambdaLog('iaspn-digest', base.logLevel);
const sqs = new SQSClient({ region: base.aws.region });
const workers = base.email.digestWorkersMapping
  ? lambdaEventSourceSwitch(base.email.digestWorkersMapping, log)
  : undefined;
const metrics = metricsFor(base.stage, METRIC_SERVICE.digest);
const runtimeNow = withFreshSecrets(process.env, (config) => createRuntime(config, log));
await runtimeNow();

async function run() {
  const runtime = await runtimeNow();
  const queueUrl = runtime.config.email.digestQueueUrl;
  if (!queueUrl) return runDigest(runtime);
  const queue = createSqsEnqueue(sqs, queueUrl);
  const summary = await runDigest(runtime, { enqueue: queue.enqueue });
  await queue.flush();
  if (workers) await switchDigestWorkers(summary.batches, sqsDigestQueueDepth(sqs, queueUrl), workers);
  // Once a cycle: the account's sends in the last 24 hours against its quota (an ERROR line past 80%).
  await checkSendQuota(await runtime.ses(), runtime.log, runtime.config.email.dailyQuota).catch((error) =>
    runtime.log.error('could not read the SES sending quota', { error: describeError(error) }),
  );
  return summary;
}

/** Sent and failed counts come from inline sends; with a queue, the workers count theirs. */
export const handler = async () =>
  publishing(metrics, async () => recorded(await runtimeNow(), 'digest', run), digestCounts);
