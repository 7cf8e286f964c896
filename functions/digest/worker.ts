import type { SQSEvent } from 'aws-lambda';
import { loadConfig } from '#shared/config.js';
import { DIGEST_WORKERS, handleDigestQueue } from '#shared/digest/fanout.js';
import { createSesMailer } from '#shared/email/mailer.js';
import { createLambdaLog } from '#shared/log.js';
import { digestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { withFreshSecrets } from '#shared/secrets.js';

/** The digest worker: one SQS batch of subscribers a record; partial batch failures reported. */
const base = loadConfig(process.env);
const log = createLambdaLog('iaspn-digest-worker', base.logLevel);
const metrics = metricsFor(base.stage, METRIC_SERVICE.digest);
// The email-link key through the secrets cache, per batch. Each of the DIGEST_WORKERS concurrent
// workers takes its share of the SES rate; one pacer per warm container (rebuilt only with a new
// key), so the pace holds across the records and invocations it serves.
const workerNow = withFreshSecrets(process.env, (config) => {
  const runtime = createRuntime(config, log);
  const mailer = createSesMailer(runtime.ses, config, {
    ratePerSecond: Math.max(1, Math.floor(config.email.ratePerSecond / DIGEST_WORKERS)),
  });
  return { runtime, mailer };
});
await workerNow();

export const handler = async (event: SQSEvent) => {
  const { runtime, mailer } = await workerNow();
  return publishing(metrics, () =>
    handleDigestQueue(runtime, event, {
      mailer,
      onBatch: (outcome) => metrics.countAll(digestCounts(outcome)),
    }),
  );
};
