import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

const DEAD_LETTER_QUEUES = new WeakSet<Queue>();

/** Whether the construct is a queue made by deadLetterQueue() (Operations alarms on each). */
export function isDeadLetterQueue(construct: unknown): construct is Queue {
  return construct instanceof Queue && DEAD_LETTER_QUEUES.has(construct);
}

/**
 * A dead-letter queue: encrypted (SQS-managed keys), TLS only, messages kept 14 days (the
 * maximum) so a failure found after a long weekend can still be inspected and redriven.
 * Operations finds every queue made here and alarms on its depth.
 */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, [
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue (Lambda on-failure destination / Scheduler DLQ).',
    },
  ]);
  DEAD_LETTER_QUEUES.add(queue);
  return queue;
}
