import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
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
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SES_EVENT_DETAIL_TYPES } from '#shared/digest/notifications.js';
import { type DeploymentConfig, senderHeader } from '../deployment-config.js';
import type { RelayFunction } from './relay-function.js';

export interface RelayEmailProps {
  readonly deployment: DeploymentConfig;
}

/**
 * Sending email through SES: the domain identity with Easy DKIM (three CNAME records), a custom
 * MAIL FROM subdomain (MX + SPF TXT) so SPF aligns for DMARC, and a configuration set that
 * publishes reputation metrics and sends bounce, complaint and reject events to the account's default
 * EventBridge bus (the only bus SES publishes to), where `sendFeedbackTo` routes this configuration
 * set's events to a function. No SNS topic carries subscribers' addresses, so none needs a
 * customer-managed key (US$1 a month and more after each rotation; the AWS-managed SNS key's policy
 * lets no service publish). The account-level suppression list keeps hard-bounced and complaining
 * addresses from being mailed again. The DNS records to create are stack outputs (README: Deploy to
 * AWS).
 */
export class RelayEmail extends Construct {
  public readonly identity: EmailIdentity;
  public readonly configurationSet: ConfigurationSet;
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
    // Rejects too: the notifications function logs each at ERROR, which the ErrorLines alarm reads
    // (no alarm on AWS/SES Reject, US$0.10 a month). No address is at fault, so nothing is suppressed.
    new ConfigurationSetEventDestination(this, 'BouncesAndComplaints', {
      configurationSet: this.configurationSet,
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
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
   * Routes this configuration set's bounce, complaint and reject events (SES adds the set's name to every
   * event's `mail.tags`) from the default bus to `fn`: one rule, the only principal allowed to invoke
   * it (the permission names the rule's ARN). EventBridge retries a failed invocation for up to a
   * day; an event it cannot deliver, and one the function fails on after Lambda's own retries, lands
   * in `deadLetters`.
   */
  sendFeedbackTo(fn: RelayFunction, deadLetters: IQueue): Rule {
    fn.sendAsyncFailuresTo(deadLetters);
    return new Rule(this, 'Feedback', {
      description: `SES bounces, complaints and rejects of ${this.configurationSet.configurationSetName} to the notifications function`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...SES_EVENT_DETAIL_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(fn.function, {
          deadLetterQueue: deadLetters,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
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
