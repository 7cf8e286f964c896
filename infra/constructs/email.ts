import { CfnOutput, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { type DeploymentConfig, senderHeader } from '../deployment-config.js';
import type { RelayFunction } from './relay-function.js';
import { encryptedTopic } from './topic.js';

export interface RelayEmailProps {
  readonly deployment: DeploymentConfig;
}

/**
 * Sending email through SES: the domain identity with Easy DKIM (three CNAME records), a custom
 * MAIL FROM subdomain (MX + SPF TXT) so SPF aligns for DMARC, and a configuration set that
 * publishes reputation metrics and sends bounce and complaint events to `feedbackTopic`. The
 * account-level suppression list keeps hard-bounced and complaining addresses from being mailed
 * again. The DNS records to create are stack outputs (README: Deploy to AWS).
 */
export class RelayEmail extends Construct {
  public readonly identity: EmailIdentity;
  public readonly configurationSet: ConfigurationSet;
  /** Bounce and complaint events (SES event publishing JSON). */
  public readonly feedbackTopic: Topic;
  public readonly mailFromDomain: string;
  private readonly deployment: DeploymentConfig;

  constructor(scope: Construct, id: string, props: RelayEmailProps) {
    super(scope, id);
    const { deployment } = props;
    this.deployment = deployment;
    const { domain, mailFromSubdomain } = deployment.email;
    this.mailFromDomain = `${mailFromSubdomain}.${domain}`;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `iaspn-relay-${deployment.stage}`,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.feedbackTopic = encryptedTopic(this, 'Feedback', {
      displayName: `iaspn-relay ${deployment.stage} SES bounces and complaints`,
      // Only this stack's configuration set (the event destination adds the same grant to the topic).
      publishers: [
        {
          service: 'ses.amazonaws.com',
          sourceArn: Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        },
      ],
    });
    new ConfigurationSetEventDestination(this, 'BouncesAndComplaints', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(domain),
      // Easy DKIM with 2048-bit keys that SES rotates itself: three CNAME records, set once.
      dkimSigning: true,
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      configurationSet: this.configurationSet,
      mailFromDomain: this.mailFromDomain,
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });

    // Outputs at stack level keep their names readable: IaspnRelay-prod.DkimRecord1, ...
    const stack = Stack.of(this);
    const region = stack.region;
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(stack, `DkimRecord${index + 1}`, {
        description: `DNS: CNAME record ${index + 1} of 3 for Easy DKIM (name -> value)`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
    new CfnOutput(stack, 'MailFromMxRecord', {
      description: 'DNS: MX record for the custom MAIL FROM domain',
      value: `${this.mailFromDomain} MX 10 feedback-smtp.${region}.amazonses.com`,
    });
    new CfnOutput(stack, 'MailFromSpfRecord', {
      description: 'DNS: SPF TXT record for the custom MAIL FROM domain',
      value: `${this.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
    });
  }

  /**
   * Lets a function send as the configured sender: its environment gets the sender, the
   * configuration set and the send rate; its role may send raw or formatted email only through
   * this identity and configuration set, only from the sender address.
   */
  grantSend(fn: RelayFunction): void {
    const { deployment } = this;
    fn.function.addEnvironment('IASPN_SENDER_EMAIL', senderHeader(deployment));
    fn.function.addEnvironment('IASPN_SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    fn.function.addEnvironment('IASPN_SES_RATE_PER_SECOND', String(deployment.email.sendRatePerSecond));
    const stack = Stack.of(this);
    fn.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendRawEmail', 'ses:SendEmail'],
        resources: [
          this.identity.emailIdentityArn,
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': deployment.email.senderAddress } },
      }),
    );
  }
}
