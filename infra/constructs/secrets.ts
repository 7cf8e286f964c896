import { RemovalPolicy } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { SECRET_KEYS } from '#shared/secrets.js';
import { acknowledge } from './nag.js';

export interface RelaySecretsProps {
  readonly stage: string;
  /** Keep the secret when the stack is deleted. @default true */
  readonly retain?: boolean;
}

/**
 * The stage's one Secrets Manager secret (`iaspn-relay/<stage>`): a JSON object with the keys of
 * SECRET_KEYS (shared/secrets.ts). Secrets Manager generates the email-token HMAC key at creation;
 * the Slack and Telegram credentials start empty (= not set) and the admin fills them in with
 * `aws secretsmanager put-secret-value` (README, Deploy to AWS). No value is ever in the template:
 * the placeholders are empty strings. Functions get the ARN and read access via
 * `RelayFunction.bindSecret(secrets.secret)`.
 */
export class RelaySecrets extends Construct {
  public readonly secret: Secret;

  constructor(scope: Construct, id: string, props: RelaySecretsProps) {
    super(scope, id);
    const placeholders = Object.fromEntries(
      SECRET_KEYS.filter((key) => key !== 'IASPN_TOKEN_SECRET').map((key) => [key, '']),
    );
    this.secret = new Secret(this, 'Secret', {
      secretName: `iaspn-relay/${props.stage}`,
      description: `iaspn-relay ${props.stage}: Slack, Telegram and email-token credentials (JSON; keys ${SECRET_KEYS.join(', ')})`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify(placeholders),
        generateStringKey: 'IASPN_TOKEN_SECRET',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: props.retain === false ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    acknowledge(this.secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Slack and Telegram issue these tokens; they are rotated in those consoles and put with put-secret-value (no rotation Lambda can mint them). Functions re-read the secret every 5 minutes, so a put takes effect without a deploy.',
      },
    ]);
  }
}
