import { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RelayCycle } from '#infra/constructs/cycle.js';
import { RelayFunction } from '#infra/constructs/relay-function.js';
import { CYCLE_JOBS, JOB_ENV } from '#shared/cycle.js';
import { JOBS } from '#shared/jobs.js';
import { cdkJsonContext, synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Resource = { Type: string; Properties: Record<string, any> };
type Destination = { Destination?: { 'Fn::GetAtt'?: [string, string] } } | undefined;

/** Logical id of the function running each cycle job (its IASPN_JOB variable). */
function jobFunctions(template: Template): Map<string, string> {
  const byJob = new Map<string, string>();
  for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
    const job = (fn as Resource).Properties.Environment?.Variables?.[JOB_ENV];
    if (job) {
      expect(byJob.has(job), `two functions run ${job}`).toBe(false);
      byJob.set(job, id);
    }
  }
  return byJob;
}

/** What each function's asynchronous invocations go on to, on success and on failure. */
function destinations(template: Template): Map<string, { onSuccess?: string; onFailure?: string }> {
  const out = new Map<string, { onSuccess?: string; onFailure?: string }>();
  for (const config of Object.values(template.findResources('AWS::Lambda::EventInvokeConfig'))) {
    const props = (config as Resource).Properties;
    const target = (d: Destination) => d?.Destination?.['Fn::GetAtt']?.[0];
    out.set(props.FunctionName.Ref, {
      onSuccess: target(props.DestinationConfig?.OnSuccess),
      onFailure: target(props.DestinationConfig?.OnFailure),
    });
  }
  return out;
}

/** The jobs a cycle runs in the template: the scheduled function, then each one's next. */
function deployedCycle(template: Template): string[] {
  const byId = new Map([...jobFunctions(template)].map(([job, id]) => [id, job]));
  const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map(
    (s) => (s as Resource).Properties.Target.Arn['Fn::GetAtt'][0] as string,
  );
  const scheduledJobs = schedules.filter((id) => byId.has(id));
  expect(scheduledJobs, 'one schedule starts the cycle').toHaveLength(1);
  const next = destinations(template);
  const order: string[] = [];
  for (let id: string | undefined = scheduledJobs[0]; id && byId.has(id); ) {
    const current = id;
    order.push(byId.get(current)!);
    const after = next.get(id);
    // Success and failure go on alike: a failing job does not stop the ones after it.
    if (after?.onSuccess) expect(after.onFailure).toBe(after.onSuccess);
    // A job that hands over itself (ingest, which may fan out) has no success destination: it
    // invokes the next job by name, the one its failures go to.
    const def = CYCLE_JOBS.find((job) => job.name === byId.get(current));
    if (def && 'handsOver' in def) {
      expect(after?.onSuccess).toBeUndefined();
      const env = (template.findResources('AWS::Lambda::Function')[current] as Resource).Properties
        .Environment;
      expect(env.Variables.IASPN_CYCLE_NEXT_FUNCTION).toEqual({ Ref: after?.onFailure });
    }
    id = after?.onSuccess ?? after?.onFailure;
  }
  return order;
}

describe('the deployed cycle', () => {
  const templates = new Map<string, Template>();
  // Full syntheses: slow on a busy machine.
  beforeAll(() => {
    for (const stage of ['dev', 'prod']) templates.set(stage, synthStage(stage));
  }, 120_000);

  for (const stage of ['dev', 'prod']) {
    it(`runs every job the local stack runs, in the same order, from one schedule (${stage})`, () => {
      const template = templates.get(stage)!;
      // JOBS is what the local stack runs: a job added there and not deployed fails here.
      expect(deployedCycle(template)).toEqual(JOBS.map((job) => job.name));
      const { schedules } = (
        cdkJsonContext().stages as Record<string, { schedules: Record<string, string> }>
      )[stage]!;
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: schedules.cycle,
        ScheduleExpressionTimezone: schedules.timeZone,
      });
    });
  }

  it('runs each job one at a time', () => {
    const template = templates.get('dev')!;
    const byJob = jobFunctions(template);
    for (const job of CYCLE_JOBS) {
      const fn = template.findResources('AWS::Lambda::Function')[byJob.get(job.name)!] as Resource;
      expect(fn.Properties.ReservedConcurrentExecutions, `${job.name} runs one at a time`).toBe(1);
    }
  });

  it('does not retry a job within the cycle, and dead-letters the last job’s failures', () => {
    const template = templates.get('dev')!;
    const byJob = jobFunctions(template);
    const configs = destinations(template);
    const last = byJob.get(CYCLE_JOBS.at(-1)!.name)!;
    const failure = configs.get(last)!.onFailure!;
    expect(template.findResources('AWS::SQS::Queue')[failure]).toBeDefined();
    for (const id of byJob.values()) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        MaximumRetryAttempts: 0,
      });
    }
  });

  it('refuses a function whose handler is not the job’s', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'S');
    const fn = (id: string, entry: string) =>
      new RelayFunction(stack, id, { entry, description: id, stage: 'dev' });
    const jobs = Object.fromEntries(CYCLE_JOBS.map((job) => [job.name, fn(job.name, job.handler)]));
    jobs.announce = fn('Wrong', 'functions/bot/slack.ts');
    expect(
      () =>
        new RelayCycle(stack, 'Cycle', {
          jobs: jobs as never,
          expression: 'rate(15 minutes)',
          timeZone: 'UTC',
        }),
    ).toThrow(
      /announce job runs functions\/bot\/announce.ts .* but the function given for it runs functions\/bot\/slack.ts/,
    );
  });
});
