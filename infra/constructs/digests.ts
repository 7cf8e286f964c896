import { Duration } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IStringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { DIGEST_WORKERS } from '#shared/digest/fanout.js';
import { EMAIL_ROUTE_PREFIX } from '#shared/digest/http.js';
import { KEY_PREFIX } from '#shared/store/keys.js';
import type { DeploymentConfig } from '../deployment-config.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { RelayEmail } from './email.js';
import type { RelayEndpoints } from './endpoints.js';
import { acknowledge } from './nag.js';
import { RelayFunction } from './relay-function.js';

export interface RelayDigestsProps {
  readonly deployment: DeploymentConfig;
  readonly table: ITableV2;
  /** The email-link signing keys: every digest function but the SES notifications signs or checks links. */
  readonly tokenSecret: IStringParameter;
  readonly email: RelayEmail;
  readonly endpoints: RelayEndpoints;
}

/**
 * Email digests: the subscription pages on the HTTP API (`/email/...`), the cycle's digest run that
 * plans and fans out to an SQS queue, the worker that sends each batch (at most DIGEST_WORKERS at
 * once, each at its share of the SES rate, partial batch failures reported), and the handler of
 * SES bounce and complaint events from the configuration set's EventBridge destination.
 */
export class RelayDigests extends Construct {
  public readonly queue: Queue;
  public readonly planner: RelayFunction;
  public readonly worker: RelayFunction;
  public readonly pages: RelayFunction;
  public readonly notifications: RelayFunction;

  constructor(scope: Construct, id: string, props: RelayDigestsProps) {
    super(scope, id);
    const { deployment, table, tokenSecret, email, endpoints } = props;
    const publicUrl = { IASPN_PUBLIC_URL: endpoints.url };

    const workerTimeout = Duration.minutes(5);
    // The digest run and its workers: claims marked sent in batches, given back when a send fails.
    const claimsAccess = { write: true, batchWrite: [KEY_PREFIX.delivery], delete: [KEY_PREFIX.delivery] };
    this.queue = new Queue(this, 'Batches', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout, as AWS advises for Lambda event sources.
      visibilityTimeout: Duration.minutes(30),
      retentionPeriod: Duration.days(2),
      deadLetterQueue: { queue: deadLetterQueue(this, 'BatchDeadLetters'), maxReceiveCount: 5 },
    });

    // The cycle's digest job (RelayCycle invokes it after the announcements).
    this.planner = new RelayFunction(this, 'Digest', {
      entry: 'functions/digest/handler.ts',
      description: 'Plans the digest run: due subscribers onto the batch queue',
      stage: deployment.stage,
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: 1,
      environment: { ...publicUrl, IASPN_DIGEST_QUEUE_URL: this.queue.queueUrl },
    })
      .bindTable(table, claimsAccess)
      .bindSecret(tokenSecret, 'emailToken');
    email.grantSend(this.planner);
    this.queue.grantSendMessages(this.planner.function);
    // Once a cycle it reads the account's sending against its quota (shared/email/quota.ts), in place
    // of an alarm on AWS/SES Send; GetSendQuota takes no resource, so the grant names none.
    this.planner.function.addEnvironment('IASPN_SES_DAILY_QUOTA', String(deployment.email.dailyQuota));
    this.planner.function.addToRolePolicy(
      new PolicyStatement({ actions: ['ses:GetSendQuota'], resources: ['*'] }),
    );
    acknowledge(this.planner, [
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ses:GetSendQuota supports no resource-level permission; it reads the account’s send count and quota only.',
      },
    ]);

    this.worker = new RelayFunction(this, 'DigestWorker', {
      entry: 'functions/digest/worker.ts',
      description: 'Sends one batch of digests (claims first, paced to the SES rate)',
      stage: deployment.stage,
      timeout: workerTimeout,
      memorySize: 1024,
      environment: publicUrl,
    })
      .bindTable(table, claimsAccess)
      .bindSecret(tokenSecret, 'emailToken');
    email.grantSend(this.worker);
    // Created off: an enabled mapping long-polls the queue all month (US$0.26). The digest run switches
    // it on while the queue holds batches and off once it is empty (shared/digest/fanout.ts
    // switchDigestWorkers), reading the queue's depth (sqs:GetQueueAttributes comes with its send
    // grant above) and the mapping's state.
    const workers = new SqsEventSource(this.queue, {
      batchSize: 1,
      reportBatchItemFailures: true,
      maxConcurrency: DIGEST_WORKERS,
      enabled: false,
    });
    this.worker.function.addEventSource(workers);
    this.planner.function.addEnvironment('IASPN_DIGEST_WORKERS_MAPPING', workers.eventSourceMappingId);
    this.planner.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:GetEventSourceMapping', 'lambda:UpdateEventSourceMapping'],
        resources: [workers.eventSourceMappingArn],
      }),
    );

    this.pages = new RelayFunction(this, 'DigestPages', {
      entry: 'functions/digest/http.ts',
      description: 'Subscription pages: subscribe, confirm, preferences, one-click unsubscribe',
      stage: deployment.stage,
      // Well under API Gateway's 30-second integration limit: a slow page fails as itself, not as a 503.
      timeout: Duration.seconds(10),
      environment: publicUrl,
    })
      // Public-facing: writes subscriptions, rate limits and claims; deletes nothing.
      .bindTable(table, { write: true })
      .bindSecret(tokenSecret, 'emailToken');
    email.grantSend(this.pages);
    endpoints.route(EMAIL_ROUTE_PREFIX, this.pages, [HttpMethod.GET, HttpMethod.POST]);

    this.notifications = new RelayFunction(this, 'DigestNotifications', {
      entry: 'functions/digest/notifications.ts',
      description: 'SES bounces and complaints from EventBridge: suppress or count',
      stage: deployment.stage,
      // Suppresses addresses; gives a message's dedupe mark back when handling it failed.
    }).bindTable(table, { write: true, delete: [KEY_PREFIX.dedupe] });
    // EventBridge invokes asynchronously: undeliverable events and failed handlings both end in the DLQ.
    email.sendFeedbackTo(this.notifications, deadLetterQueue(this, 'NotificationDeadLetters'));
  }
}
