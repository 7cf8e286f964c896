import type { SQSEvent } from 'aws-lambda';
import { DIGEST_WORKERS, handleDigestQueue } from '#shared/digest/fanout.js';
import { createSesMailer } from '#shared/email/mailer.js';
import { createLambdaLog } from '#shared/log.js';
import { digestCounts, METRIC_SERVICE, metricsFor, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { loadRelayConfig } from '#shared/secrets.js';

/** The digest worker: one SQS batch of subscribers a record; partial batch failures reported. */
const config = await loadRelayConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-digest-worker', config.logLevel));
// Each of the DIGEST_WORKERS concurrent workers takes its share of the SES rate; one pacer per warm
// container, so the pace holds across the records and invocations it serves.
const mailer = createSesMailer(runtime.ses, config, {
  ratePerSecond: Math.max(1, Math.floor(config.email.ratePerSecond / DIGEST_WORKERS)),
});

const metrics = metricsFor(config.stage, METRIC_SERVICE.digest);

export const handler = (event: SQSEvent) =>
  publishing(metrics, () =>
    handleDigestQueue(runtime, event, {
      mailer,
      onBatch: (outcome) => metrics.countAll(digestCounts(outcome)),
    }),
  );
