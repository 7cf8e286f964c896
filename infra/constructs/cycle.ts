import { Duration, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LambdaDestination, SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CYCLE_JOBS, JOB_ENV, type JobName } from '#shared/cycle.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';
import type { RelayFunction } from './relay-function.js';
import { ScheduledJob } from './scheduled-job.js';

export interface RelayCycleProps {
  /** The function that runs each job of the cycle (shared/cycle.ts): every job must have one. */
  readonly jobs: Readonly<Record<JobName, RelayFunction>>;
  /** How often a cycle starts: `schedules.cycle` in cdk.json. */
  readonly expression: string;
  readonly timeZone: string;
}

/** Time a job's run may wait for its turn (a previous run still holding the reserved concurrency). */
const MAX_EVENT_AGE = Duration.hours(1);

/**
 * The deployed cycle, built from the table the local stack runs (shared/cycle.ts): one
 * EventBridge schedule invokes the first job; each job's Lambda then invokes the next
 * asynchronously, on success and on failure alike (a Lambda destination), so one cycle runs ingest,
 * search index, announcements and digests in that order, and a failing job does not stop the
 * ones after it (its Errors alarm reports it). A failed run is not retried within the cycle: the
 * next cycle runs it again. The last job's failures go to a dead-letter queue. A job marked
 * `handsOver` (ingest, which may fan out to workers) starts the next job itself on success
 * (`handOverFrom` lets its workers do so too); its failures hand over as any job's. Each job's function
 * has a reserved concurrency of 1, so a job's runs never overlap: a late one waits its turn.
 */
export class RelayCycle extends Construct {
  public readonly schedule: ScheduledJob;
  public readonly deadLetterQueue: Queue;
  /** The jobs' functions in cycle order. */
  public readonly functions: readonly { name: JobName; fn: RelayFunction }[];
  /** The schedule expression that starts each cycle. */
  public readonly expression: string;

  constructor(scope: Construct, id: string, props: RelayCycleProps) {
    super(scope, id);
    this.expression = props.expression;
    this.functions = CYCLE_JOBS.map((def) => {
      const fn = props.jobs[def.name];
      if (fn.entry !== def.handler) {
        throw new Error(
          `The cycle's ${def.name} job runs ${def.handler} (shared/cycle.ts), but the function given for it runs ${fn.entry}`,
        );
      }
      fn.function.addEnvironment(JOB_ENV, def.name);
      return { name: def.name, fn };
    });
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    this.functions.forEach(({ name, fn }, index) => {
      const next = this.functions[index + 1]?.fn;
      const destination = next ? new LambdaDestination(next.function) : undefined;
      const def = CYCLE_JOBS[index]!;
      const handsOver = 'handsOver' in def && def.handsOver;
      if (handsOver && next) this.handOverFrom(fn, name);
      else if (next) this.acknowledgeInvoke(fn, index + 1);
      fn.function.configureAsyncInvoke({
        retryAttempts: 0,
        maxEventAge: MAX_EVENT_AGE,
        // A job that hands over itself starts the next one when its work is done, not when its invocation returns.
        onSuccess: handsOver ? undefined : destination,
        onFailure: destination ?? new SqsDestination(this.deadLetterQueue),
      });
    });
    const first = this.functions[0]!.fn;
    this.schedule = new ScheduledJob(this, 'Schedule', {
      fn: first,
      expression: props.expression,
      timeZone: props.timeZone,
      description: `iaspn-relay cycle: ${CYCLE_JOBS.map((j) => j.name).join(' → ')}`,
      deadLetterFunctionFailures: false,
    });
  }

  /**
   * Lets `fn` start the job after `job` (a job marked `handsOver` in shared/cycle.ts, or a worker
   * finishing that job's work): the next job's function name in IASPN_CYCLE_NEXT_FUNCTION, and
   * the right to invoke that one function.
   */
  handOverFrom(fn: RelayFunction, job: JobName): void {
    const index = this.functions.findIndex((f) => f.name === job);
    const next = this.functions[index + 1];
    if (index < 0 || !next) throw new Error(`The cycle has no job after ${job} to hand over to`);
    fn.function.addEnvironment('IASPN_CYCLE_NEXT_FUNCTION', next.fn.function.functionName);
    next.fn.function.grantInvoke(fn.function);
    this.acknowledgeInvoke(fn, index + 1);
  }

  private acknowledgeInvoke(fn: RelayFunction, nextIndex: number): void {
    const next = this.functions[nextIndex]!;
    const nextId = Stack.of(this).getLogicalId(next.fn.function.node.defaultChild as CfnFunction);
    acknowledge(fn.function.role!, [
      {
        id: `AwsSolutions-IAM5[Resource::<${nextId}.Arn>:*]`,
        reason: `The invoke grant covers the next cycle job's versions and aliases (ARN:*): the role may invoke only that one function (${next.name}).`,
      },
    ]);
  }
}
