import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_BATCH_SIZE, INGEST_MAX_RECEIVES, INGEST_WORKERS } from '#shared/ingest/fanout.js';
import { KEY_PREFIX } from '#shared/store/keys.js';
import type { DeploymentConfig } from '../deployment-config.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import { acknowledge } from './nag.js';
import { RelayFunction } from './relay-function.js';

export interface RelayIngestFanoutProps {
  readonly deployment: DeploymentConfig;
  readonly table: ITableV2;
  /** The cycle's ingest function: it plans onto the queue when the feeds do not fit its run. */
  readonly planner: RelayFunction;
  /** Environment of the fetches (deadline, private networks), the same as the planner's inline run. */
  readonly fetchEnvironment: Record<string, string>;
}

/**
 * Ingest fan-out (shared/ingest/fanout.ts): the queue of feed messages the cycle's ingest run plans
 * when its feeds do not fit one run, and the worker that fetches them: at most INGEST_WORKERS
 * invocations at once, INGEST_BATCH_SIZE feeds each, failures reported per feed (partial batch
 * response), a message dead-lettered after INGEST_MAX_RECEIVES deliveries. RelayOperations alarms
 * on the worker's errors and run time and on the dead-letter queue, as on every function and DLQ.
 * The stack lets the worker hand over to the cycle's next job (`RelayCycle.handOverFrom`).
 */
export class RelayIngestFanout extends Construct {
  public readonly queue: Queue;
  /**
   * Where the planner's inline run and the workers report a run with failed feeds
   * (shared/ingest/failure-reports.ts). Nothing consumes it: RelayOperations' FeedsFailing alarm
   * reads its NumberOfMessagesSent, a free metric, in place of a custom metric.
   */
  public readonly failureReports: Queue;
  public readonly deadLetters: Queue;
  public readonly worker: RelayFunction;

  constructor(scope: Construct, id: string, props: RelayIngestFanoutProps) {
    super(scope, id);
    const { deployment, table, planner } = props;
    const workerTimeout = Duration.minutes(5);
    this.deadLetters = deadLetterQueue(this, 'FeedDeadLetters');
    this.queue = new Queue(this, 'Feeds', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout, as AWS advises for Lambda event sources; past a feed claim's lease.
      visibilityTimeout: Duration.minutes(30),
      // A feed not fetched within a few cycles is fetched by a later cycle's own message.
      retentionPeriod: Duration.hours(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: INGEST_MAX_RECEIVES },
    });

    this.failureReports = new Queue(this, 'FeedFailureReports', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Read by hand if at all; the alarm counts what was sent, not what is held.
      retentionPeriod: Duration.days(1),
    });
    acknowledge(this.failureReports, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'No consumer: the queue exists for its NumberOfMessagesSent metric (the FeedsFailing alarm); nothing is received, so nothing can fail to be processed.',
      },
    ]);

    planner.function.addEnvironment('IASPN_INGEST_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(planner.function);

    this.worker = new RelayFunction(this, 'Worker', {
      entry: 'functions/ingest/worker.ts',
      description: 'Fetches one batch of fanned-out feeds (claimed per cycle, polite per host)',
      stage: deployment.stage,
      timeout: workerTimeout,
      memorySize: 1024,
      environment: props.fetchEnvironment,
      // Resources, URL claims, feed health; gives back feed claims and host slots (JOB#) and a moved feed's old URL claim.
    }).bindTable(table, { write: true, batchWrite: 'any', delete: [KEY_PREFIX.feedUrl, KEY_PREFIX.job] });
    for (const fn of [planner, this.worker]) {
      fn.function.addEnvironment('IASPN_FEED_FAILURES_QUEUE_URL', this.failureReports.queueUrl);
      this.failureReports.grantSendMessages(fn.function);
    }
    // Created off: an enabled mapping long-polls the queue all month (US$0.26). The planner switches
    // it on when a cycle fans out and off when one runs inline (shared/ingest/fanout.ts IngestWorkers).
    const workers = new SqsEventSource(this.queue, {
      batchSize: INGEST_BATCH_SIZE,
      reportBatchItemFailures: true,
      maxConcurrency: INGEST_WORKERS,
      enabled: false,
    });
    this.worker.function.addEventSource(workers);
    planner.function.addEnvironment('IASPN_INGEST_WORKERS_MAPPING', workers.eventSourceMappingId);
    planner.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:GetEventSourceMapping', 'lambda:UpdateEventSourceMapping'],
        resources: [workers.eventSourceMappingArn],
      }),
    );
  }
}
