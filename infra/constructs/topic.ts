import { Duration, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** An AWS service that publishes to a topic, and the ARN pattern of what may publish through it. */
export interface TopicPublisher {
  /** e.g. `cloudwatch.amazonaws.com` */
  readonly service: string;
  /** `aws:SourceArn` pattern: the alarms, or the configuration set, of this stack only. */
  readonly sourceArn: string;
}

/**
 * The stage's one customer-managed key for its SNS topics (alarms; SES bounces and complaints),
 * rotated yearly. One key, not one per topic: a key costs US$1 a month (plus US$1 for each of its
 * first two rotations), and two keys protected nothing one does not, since each publisher's use of it
 * is scoped by its own conditions. The AWS-managed `alias/aws/sns` key cannot be used: its policy
 * does not let SES or CloudWatch publish.
 */
function topicKey(scope: Construct): Key {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('TopicKey');
  if (existing instanceof Key) return existing;
  return new Key(stack, 'TopicKey', {
    description: `${stack.stackName}: SNS topic encryption (alarms, SES bounces and complaints)`,
    enableKeyRotation: true,
    pendingWindow: Duration.days(7),
  });
}

/**
 * An SNS topic encrypted with the stack's topic key (topicKey above) that the named AWS services may
 * publish to. `enforceSSL` gives the topic a policy of its own, which replaces SNS's default one:
 * without a statement for each publisher nothing could publish (alarm emails would never be sent).
 * Both the topic statement and the key statement carry `aws:SourceAccount` and `aws:SourceArn`
 * conditions (confused deputy: another account's alarm or configuration set cannot publish here,
 * nor use the key). Subscribers need nothing: SNS decrypts before delivering.
 */
export function encryptedTopic(
  scope: Construct,
  id: string,
  props: { displayName: string; publishers: TopicPublisher[] },
): Topic {
  const account = Stack.of(scope).account;
  const key = topicKey(scope);
  const topic = new Topic(scope, id, { displayName: props.displayName, masterKey: key, enforceSSL: true });
  for (const { service, sourceArn } of props.publishers) {
    const conditions = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: { 'aws:SourceArn': sourceArn },
    };
    const principals = [new ServicePrincipal(service)];
    key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals,
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions,
      }),
    );
    topic.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals,
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions,
      }),
    );
  }
  return topic;
}
