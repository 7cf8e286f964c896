import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '#infra/deployment-config.js';
import { RelayStack } from '#infra/stack.js';
import { loadConfig } from '#shared/config.js';
import type { Usage } from '#shared/cost/model.js';
import type { SwitchedPolling } from '#shared/cost/profile.js';
import { CYCLE_JOBS } from '#shared/cycle.js';
import { PUBLISHED_METRICS } from '#shared/metrics.js';
import { SECRETS, SECRETS_MAX_AGE_SECONDS } from '#shared/secrets.js';

/**
 * What the deployed stack costs by existing, counted from the synthesized template of a stage (no
 * bundling, no AWS account): alarms and the metrics they read, dashboards, keys, the secrets'
 * parameters and their reads, queues polled by Lambda; and each function's memory, which turns
 * measured time into GB-seconds.
 */

export interface StackInventory {
  stage: string;
  /** Memory (MB) of the function that runs each kind of work. */
  memoryMb: Record<string, number>;
  cycleJobs: number;
  fixed: { name: string; unit: string; perUnit: Usage }[];
  /** The mappings switched on only while their queue has work (costed by the load profile). */
  switchedPolling: SwitchedPolling;
  counts: Record<string, number>;
}

/** Lambda's SQS poller: five long polls of 20 s at a time, per event source mapping while it is on. */
const SQS_POLLS_A_MINUTE = 5 * 3;
const SQS_POLLS_A_MONTH = SQS_POLLS_A_MINUTE * 60 * 24 * 30;
/** A warm container re-reads its secrets at most every SECRETS_MAX_AGE_SECONDS (shared/secrets.ts). */
const SECRET_READS_A_MONTH = (30 * 24 * 3600) / SECRETS_MAX_AGE_SECONDS;

type CfnResource = { Type: string; Properties?: Record<string, unknown> };

export function stackInventory(stage = 'prod'): StackInventory {
  const app = new App({ context: { ...cdkContext(), 'aws:cdk:bundling-stacks': [], stage } });
  const deployment = loadDeploymentConfig((key) => app.node.tryGetContext(key));
  const stack = new RelayStack(app, `IaspnRelay-${stage}`, { deployment });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, CfnResource>;
  const all = Object.entries(resources);
  const ofType = (type: string) => all.filter(([, r]) => r.Type === type);

  const memoryMb: Record<string, number> = {};
  for (const [id, fn] of ofType('AWS::Lambda::Function')) {
    const props = fn.Properties ?? {};
    const env = ((props.Environment as { Variables?: Record<string, unknown> })?.Variables ?? {}) as Record<
      string,
      unknown
    >;
    const memory = Number(props.MemorySize ?? 128);
    if (typeof env.IASPN_JOB === 'string') memoryMb[env.IASPN_JOB] = memory;
    if (/SlackBot/.test(id)) memoryMb.bot = memory;
  }
  // Digests are composed and sent by the queue's worker in AWS.
  const worker = ofType('AWS::Lambda::Function').find(([id]) => /DigestWorker/.test(id));
  if (worker) memoryMb.digest = Number(worker[1].Properties?.MemorySize ?? memoryMb.digest);

  const alarmMetrics = ofType('AWS::CloudWatch::Alarm').reduce((sum, [, alarm]) => {
    const metrics = alarm.Properties?.Metrics as { MetricStat?: unknown }[] | undefined;
    return sum + (metrics ? metrics.filter((m) => m.MetricStat).length : 1);
  }, 0);
  // Each function's bound secrets: one SSM parameter name in an `IASPN_*_PARAMETER` variable each
  // (RelayFunction.bindSecret), and the parameters themselves are the distinct names.
  const bound = ofType('AWS::Lambda::Function').flatMap(([, fn]) => {
    const env = (fn.Properties?.Environment as { Variables?: Record<string, unknown> })?.Variables ?? {};
    return Object.values(SECRETS)
      .map((secret) => env[secret.env])
      .filter((name) => name !== undefined);
  });
  const secretGrants = bound.length;
  // A metric filter's metric is a custom metric like an EMF one; filters writing the same
  // namespace and name (one per log group) make one metric.
  const filterMetrics = new Set(
    ofType('AWS::Logs::MetricFilter').flatMap(([, filter]) =>
      (
        (filter.Properties?.MetricTransformations ?? []) as { MetricNamespace: string; MetricName: string }[]
      ).map((t) => `${t.MetricNamespace}/${t.MetricName}`),
    ),
  );
  const counts = {
    alarms: ofType('AWS::CloudWatch::Alarm').length,
    alarmMetrics,
    dashboards: ofType('AWS::CloudWatch::Dashboard').length,
    customMetrics: PUBLISHED_METRICS.length + filterMetrics.size,
    filterMetrics: filterMetrics.size,
    kmsKeys: ofType('AWS::KMS::Key').length,
    secretsManagerSecrets: ofType('AWS::SecretsManager::Secret').length,
    secretParameters: new Set(bound.map((name) => JSON.stringify(name))).size,
    secretGrants,
    // A mapping created off (the ingest and digest workers') is switched on by its planner only while
    // it has work: `switchedPolling` below, costed by the load profile (shared/cost/profile.ts).
    polledQueues: ofType('AWS::Lambda::EventSourceMapping').filter(([, m]) => m.Properties?.Enabled !== false)
      .length,
    switchedQueues: ofType('AWS::Lambda::EventSourceMapping').filter(
      ([, m]) => m.Properties?.Enabled === false,
    ).length,
    functions: ofType('AWS::Lambda::Function').length,
  };
  const fixed: StackInventory['fixed'] = [
    {
      name: 'alarms',
      unit: `${counts.alarms} alarms reading ${alarmMetrics} metrics`,
      perUnit: { alarmMetrics },
    },
    {
      name: 'dashboards',
      unit: `${counts.dashboards} dashboards`,
      perUnit: { dashboards: counts.dashboards },
    },
    {
      name: 'custom metrics',
      unit: `${counts.customMetrics} custom metrics: ${PUBLISHED_METRICS.length} published by the handlers (EMF; the other counts are logged only), ${filterMetrics.size} counted from log lines`,
      perUnit: { customMetrics: counts.customMetrics },
    },
    {
      name: 'KMS keys',
      unit: `${counts.kmsKeys} customer-managed keys`,
      perUnit: { kmsKeyMonths: counts.kmsKeys },
    },
    {
      name: 'secrets',
      unit: `${counts.secretParameters} SSM SecureString standard parameters (US$0 a month, standard throughput free), read by ${secretGrants} function grants; each read decrypts: a KMS request under aws/ssm`,
      perUnit: {
        parameterMonths: counts.secretParameters,
        parameterCalls: secretGrants * SECRET_READS_A_MONTH,
        kmsRequests: secretGrants * SECRET_READS_A_MONTH,
      },
    },
    {
      name: 'queue polling',
      unit: `${counts.polledQueues} queues Lambda polls all month; ${counts.switchedQueues} polled only while they have work (switched on by their planner: the queue polling drivers)`,
      perUnit: { sqsRequests: counts.polledQueues * SQS_POLLS_A_MONTH },
    },
  ];
  // The planners that switch a mapping name it in their environment; their thresholds are the
  // configuration's (the ingest one from the planner's environment or its default).
  const envOf = (variable: string) =>
    ofType('AWS::Lambda::Function')
      .map(
        ([, fn]) => (fn.Properties?.Environment as { Variables?: Record<string, unknown> })?.Variables ?? {},
      )
      .find((env) => env[variable] !== undefined);
  const ingestPlanner = envOf('IASPN_INGEST_WORKERS_MAPPING');
  const switchedPolling: SwitchedPolling = { requestsPerMinute: SQS_POLLS_A_MINUTE };
  if (ingestPlanner) {
    const threshold = ingestPlanner.IASPN_INGEST_FAN_OUT_ABOVE;
    switchedPolling.ingestFanOutAbove = loadConfig(
      typeof threshold === 'string' ? { IASPN_INGEST_FAN_OUT_ABOVE: threshold } : {},
    ).ingest.fanOutAbove;
  }
  if (envOf('IASPN_DIGEST_WORKERS_MAPPING'))
    switchedPolling.digestRatePerSecond = deployment.email.sendRatePerSecond;
  return { stage, memoryMb, cycleJobs: CYCLE_JOBS.length, fixed, switchedPolling, counts };
}

/** cdk.json's context (the stages), as `cdk synth` reads it. */
function cdkContext(): Record<string, unknown> {
  const text = readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { context?: Record<string, unknown> }).context ?? {};
}
