import { Duration, Stack } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/** The stack's dead-letter queue, and the paths (construct path / purpose) that send to it. */
const USERS = new WeakMap<Queue, string[]>();

/** Whether the construct is the queue made by deadLetterQueue() (Operations alarms on its depth). */
export function isDeadLetterQueue(construct: unknown): construct is Queue {
  return construct instanceof Queue && USERS.has(construct);
}

/** The asynchronous paths that dead-letter into `queue`, e.g. `Digests/BatchDeadLetters`. */
export function deadLetterUsers(queue: Queue): readonly string[] {
  return USERS.get(queue) ?? [];
}

/**
 * The stack's one dead-letter queue, shared by every asynchronous path (SQS redrive, Lambda
 * on-failure destinations, Scheduler and EventBridge target DLQs): `user` names the path for the
 * alarm's description. One queue, not one per path, because CloudWatch bills each metric an alarm
 * reads (US$0.10 a month): one depth metric watches them all. A message tells its origin (a Lambda
 * destination record names the function, a redriven SQS message keeps its source queue and
 * `aws sqs start-message-move-task` returns it there; a Scheduler or EventBridge message carries
 * the rule or schedule ARN in its attributes). Encrypted (SQS-managed keys), TLS only, messages kept
 * 14 days (the maximum) so a failure found after a long weekend can still be inspected and redriven.
 */
export function deadLetterQueue(scope: Construct, user: string): Queue {
  const stack = Stack.of(scope);
  const path = scope === stack ? user : `${scope.node.path.slice(stack.node.path.length + 1)}/${user}`;
  const existing = stack.node.tryFindChild('DeadLetters');
  if (existing instanceof Queue && USERS.has(existing)) {
    USERS.get(existing)!.push(path);
    return existing;
  }
  const queue = new Queue(stack, 'DeadLetters', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, [
    {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue (SQS redrive, Lambda on-failure destinations, Scheduler and EventBridge DLQs).',
    },
  ]);
  USERS.set(queue, [path]);
  return queue;
}
