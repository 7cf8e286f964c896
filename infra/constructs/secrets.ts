import { type IStringParameter, StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { SecretName } from '#shared/secrets.js';

export interface RelaySecretsProps {
  /** Each secret's SSM parameter name (the deployment's `secretParameters`). */
  readonly parameters: Readonly<Record<SecretName, string>>;
}

/**
 * The stage's secrets, one SSM Parameter Store `SecureString` parameter per consumer
 * (shared/secrets.ts: SECRETS), so each function can read only what it uses:
 * `/iaspn-relay/<stage>/slack`, `/telegram` and `/email-token` unless cdk.json names others.
 * Standard parameters cost nothing a month (Secrets Manager: US$0.40 a secret), and their values
 * are encrypted under the account's AWS-managed `aws/ssm` key, whose use through SSM needs no grant.
 * CloudFormation cannot create a SecureString value, so the stack only references the parameters:
 * the admin puts them with `aws ssm put-parameter --type SecureString` (docs/deploy.md), no value is
 * ever in the template, and deleting the stack leaves them. Functions get a parameter's name and
 * `ssm:GetParameter` on it alone with `RelayFunction.bindSecret(secrets.of('slack'), 'slack')`.
 */
export class RelaySecrets extends Construct {
  public readonly parameters: Readonly<Record<SecretName, IStringParameter>>;

  constructor(scope: Construct, id: string, props: RelaySecretsProps) {
    super(scope, id);
    const reference = (name: SecretName, construct: string) =>
      StringParameter.fromSecureStringParameterAttributes(this, construct, {
        parameterName: props.parameters[name],
      });
    this.parameters = {
      slack: reference('slack', 'Slack'),
      telegram: reference('telegram', 'Telegram'),
      emailToken: reference('emailToken', 'EmailToken'),
    };
  }

  of(name: SecretName): IStringParameter {
    return this.parameters[name];
  }
}
