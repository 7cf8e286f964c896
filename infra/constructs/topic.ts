import { Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/** An AWS service that publishes to a topic, and the ARN pattern of what may publish through it. */
export interface TopicPublisher {
  /** e.g. `cloudwatch.amazonaws.com` */
  readonly service: string;
  /** `aws:SourceArn` pattern: the alarms of this stack only. */
  readonly sourceArn: string;
}

/**
 * An SNS topic for operational notices (alarm state changes) that the named AWS services may
 * publish to. `enforceSSL` gives the topic a policy of its own, which replaces SNS's default one:
 * without a statement for each publisher nothing could publish (alarm emails would never be sent).
 * Each statement carries `aws:SourceAccount` and `aws:SourceArn` conditions (confused deputy:
 * another account's alarm cannot publish here).
 *
 * Not encrypted at rest, on purpose: an alarm message holds the alarm's name, description, state
 * and metric values, no personal data and no secret; CloudWatch cannot publish to a topic under
 * the AWS-managed `alias/aws/sns` key (its policy admits no service principal), so encryption
 * would need a customer-managed key at US$1 a month, rising with each yearly rotation (issue 20).
 * Do not use this for messages that carry addresses or tokens.
 */
export function noticeTopic(
  scope: Construct,
  id: string,
  props: { displayName: string; publishers: TopicPublisher[] },
): Topic {
  const account = Stack.of(scope).account;
  const topic = new Topic(scope, id, { displayName: props.displayName, enforceSSL: true });
  for (const { service, sourceArn } of props.publishers) {
    topic.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal(service)],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': sourceArn },
        },
      }),
    );
  }
  acknowledge(topic, [
    {
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notices carry alarm names, states and metric values, no personal data or secrets; CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a customer-managed key for this alone costs US$1+ a month (issue 20). TLS is enforced (AwsSolutions-SNS3).',
    },
  ]);
  return topic;
}
