import { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsEnqueue } from '#shared/digest/fanout.js';
import { runDigest } from '#shared/digest/run.js';
import { createLambdaLog } from '#shared/log.js';
import { digestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { loadRelayConfig } from '#shared/secrets.js';

/**
 * The scheduled digest run (EventBridge, reserved concurrency 1). With IASPN_DIGEST_QUEUE_URL it
 * only plans: due subscribers go to the queue in batches for the worker; without, it sends inline.
 */
const config = await loadRelayConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-digest', config.logLevel));
const sqs = new SQSClient({ region: config.aws.region });
const metrics = metricsFor(config.stage, METRIC_SERVICE.digest);

async function run() {
  const queueUrl = config.email.digestQueueUrl;
  if (!queueUrl) return runDigest(runtime);
  const queue = createSqsEnqueue(sqs, queueUrl);
  const summary = await runDigest(runtime, { enqueue: queue.enqueue });
  await queue.flush();
  return summary;
}

/** Sent and failed counts come from inline sends; with a queue, the workers count theirs. */
export const handler = () => publishing(metrics, run, digestCounts);
