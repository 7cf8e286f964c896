import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { SECRETS, SECRETS_MAX_AGE_SECONDS, type SecretName } from '#shared/secrets.js';
import { acknowledge } from './nag.js';

export interface RelaySecretsProps {
  readonly stage: string;
  /** Keep the secrets when the stack is deleted. @default true */
  readonly retain?: boolean;
}

const minutes = SECRETS_MAX_AGE_SECONDS / 60;

/**
 * The stage's secrets, one per consumer (shared/secrets.ts: SECRETS), so each function can read only
 * what it uses: `iaspn-relay/<stage>/slack`, `/telegram` and `/email-token`. No value is ever in the
 * template: the Slack and Telegram keys start empty (= not set) and the admin fills them in with
 * `aws secretsmanager put-secret-value`; Secrets Manager generates the first email-link key
 * (`{"current":"k1","k1":"…"}`). Functions get an ARN and read access with
 * `RelayFunction.bindSecret(secrets.of('slack'), 'slack')`.
 */
export class RelaySecrets extends Construct {
  public readonly secrets: Readonly<Record<SecretName, Secret>>;

  constructor(scope: Construct, id: string, props: RelaySecretsProps) {
    super(scope, id);
    const removalPolicy = props.retain === false ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const description = (name: SecretName) =>
      `iaspn-relay ${props.stage}: ${SECRETS[name].holds} (read by the functions every ${minutes} minutes at most)`;
    const placeholders = (name: 'slack' | 'telegram') =>
      Object.fromEntries(SECRETS[name].keys.map((key) => [key, SecretValue.unsafePlainText('')]));
    const platform = (name: 'slack' | 'telegram', construct: string) => {
      const secret = new Secret(this, construct, {
        secretName: `iaspn-relay/${props.stage}/${name}`,
        description: description(name),
        // Empty placeholders, not credentials: the admin puts the values after the deploy.
        secretObjectValue: placeholders(name),
        removalPolicy,
      });
      acknowledge(secret, [
        {
          id: 'AwsSolutions-SMG4',
          reason: `${name === 'slack' ? 'Slack' : 'Telegram'} issues these credentials: they are rotated in its console and put with put-secret-value (no rotation Lambda can mint them). Functions re-read the secret through a ${minutes}-minute cache on each invocation, so a put takes effect without a deploy.`,
        },
      ]);
      return secret;
    };
    const emailToken = new Secret(this, 'EmailToken', {
      secretName: `iaspn-relay/${props.stage}/email-token`,
      description: description('emailToken'),
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ current: 'k1' }),
        generateStringKey: 'k1',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy,
    });
    acknowledge(emailToken, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotating the email-link key must keep the old keys listed until the links they signed expire (a year for unsubscribe links): the admin adds a key and makes it current (README, Deploy to AWS), and functions pick it up within 5 minutes; a rotation Lambda replacing the value would break every link already sent.',
      },
    ]);
    this.secrets = {
      slack: platform('slack', 'Slack'),
      telegram: platform('telegram', 'Telegram'),
      emailToken,
    };
  }

  of(name: SecretName): Secret {
    return this.secrets[name];
  }
}
