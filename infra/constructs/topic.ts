import { Duration } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * An SNS topic encrypted with its own customer-managed key (rotated yearly) that the named AWS
 * services may publish to. The AWS-managed `alias/aws/sns` key cannot be used here: its policy does
 * not let SES or CloudWatch publish. Subscribers need nothing: SNS decrypts before delivering.
 */
export function encryptedTopic(
  scope: Construct,
  id: string,
  props: { displayName: string; publishers: string[] },
): Topic {
  const key = new Key(scope, `${id}Key`, {
    description: `${props.displayName}: SNS topic encryption`,
    enableKeyRotation: true,
    pendingWindow: Duration.days(7),
  });
  for (const service of props.publishers) {
    key.grant(new ServicePrincipal(service), 'kms:Decrypt', 'kms:GenerateDataKey*');
  }
  return new Topic(scope, id, { displayName: props.displayName, masterKey: key, enforceSSL: true });
}
