import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';
import type { RelayFunction } from './relay-function.js';

export interface ScheduledJobProps {
  /** The job's function (give it reservedConcurrentExecutions: 1 so runs never overlap). */
  readonly fn: RelayFunction;
  /** An EventBridge Scheduler expression: `rate(15 minutes)` or `cron(0 7 * * ? *)`. */
  readonly expression: string;
  /** IANA time zone for cron expressions (rates ignore it). */
  readonly timeZone: string;
  readonly description: string;
  /**
   * Send the function's failed asynchronous runs to this job's dead-letter queue. The cycle
   * (cycle.ts) passes false: it sends each job's outcome on to the next job itself.
   * @default true
   */
  readonly deadLetterFunctionFailures?: boolean;
}

/**
 * Runs a job's Lambda on an EventBridge Scheduler schedule, in the deployment's time zone.
 * Nothing is lost silently: if Scheduler cannot invoke the function (throttled, missing), it retries
 * for up to an hour and then drops the event in `deadLetterQueue`; if the function itself fails
 * (Scheduler invokes asynchronously), Lambda retries twice and sends the failed event to the same
 * queue through its on-failure destination. Operations alarms on the queue's depth.
 */
export class ScheduledJob extends Construct {
  public readonly schedule: Schedule;
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    const maxEventAge = Duration.hours(1);
    if (props.deadLetterFunctionFailures !== false) props.fn.sendAsyncFailuresTo(this.deadLetterQueue);
    // A role per schedule (not Scheduler's shared one), so each may invoke only its own function.
    // Confused deputy: only this account's schedules may assume it.
    const stack = Stack.of(this);
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule',
              resourceName: '*',
            }),
          },
        },
      }),
      description: `Scheduler: invoke ${props.fn.node.id}`,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: ScheduleExpression.expression(props.expression, TimeZone.of(props.timeZone)),
      target: new LambdaInvoke(props.fn.function, {
        role,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge,
      }),
    });
    const fnLogicalId = Stack.of(this).getLogicalId(props.fn.function.node.defaultChild as CfnFunction);
    acknowledge(role, [
      {
        id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
        reason:
          "grantInvoke also covers the function's versions and aliases (ARN:*); the role may invoke only this one function.",
      },
    ]);
  }
}
