import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { INGEST_BATCH_SIZE, INGEST_MAX_RECEIVES, INGEST_WORKERS } from '#shared/ingest/fanout.js';
import { synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Resource = { Properties: Record<string, any> };

describe('RelayIngestFanout', () => {
  const template = synthStage('dev');
  const only = (type: string, props: Record<string, unknown>) => {
    const found = Object.entries(template.findResources(type, { Properties: props }));
    expect(found, `${type} ${JSON.stringify(props)}`).toHaveLength(1);
    return { id: found[0]![0], props: (found[0]![1] as Resource).Properties };
  };
  const functionBy = (description: string) => only('AWS::Lambda::Function', { Description: description });
  const worker = () =>
    functionBy('Fetches one batch of fanned-out feeds (claimed per cycle, polite per host)');
  const planner = () => functionBy('Fetches the partner feeds into the library');
  const searchIndex = () => functionBy('Writes the search index snapshot when the library changed');
  const mapping = () => only('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: worker().id } });
  const queueOf = () => mapping().props.EventSourceArn['Fn::GetAtt'][0] as string;

  it(`feeds the worker ${INGEST_BATCH_SIZE} feeds at a time, at most ${INGEST_WORKERS} at once, failures per feed`, () => {
    expect(mapping().props).toMatchObject({
      BatchSize: INGEST_BATCH_SIZE,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: INGEST_WORKERS },
    });
    expect(worker().props).toMatchObject({ Timeout: 300, MemorySize: 1024 });
    expect(worker().props.Environment.Variables).toMatchObject({
      IASPN_FETCH_TIMEOUT_MS: '20000',
      IASPN_ALLOW_PRIVATE_NETWORKS: 'false',
    });
  });

  it('creates the workers’ event source off, and lets the planner switch that mapping only, on and off', () => {
    // Off, an event source mapping polls nothing; on, it long-polls the queue all month.
    expect(mapping().props.Enabled).toBe(false);
    expect(planner().props.Environment.Variables.IASPN_INGEST_WORKERS_MAPPING).toEqual({ Ref: mapping().id });
    const statements = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: Match.arrayWith([{ Ref: planner().props.Role['Fn::GetAtt'][0] }]) },
      }),
    ).flatMap((p) => (p as Resource).Properties.PolicyDocument.Statement);
    const switching = statements.filter((st) => JSON.stringify(st.Action).includes('EventSourceMapping'));
    expect(switching).toHaveLength(1);
    expect(switching[0].Action).toEqual(['lambda:GetEventSourceMapping', 'lambda:UpdateEventSourceMapping']);
    expect(JSON.stringify(switching[0].Resource)).toContain(`event-source-mapping:`);
    expect(JSON.stringify(switching[0].Resource)).toContain(mapping().id);
  });

  it(`dead-letters a feed's message after ${INGEST_MAX_RECEIVES} deliveries; the queue hides a message past the worker's timeout`, () => {
    const queue = template.findResources('AWS::SQS::Queue')[queueOf()] as Resource;
    expect(queue.Properties).toMatchObject({
      VisibilityTimeout: 1800,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { maxReceiveCount: INGEST_MAX_RECEIVES, deadLetterTargetArn: expect.anything() },
    });
    const dlq = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
    expect(template.findResources('AWS::SQS::Queue')[dlq]).toBeDefined();
  });

  it('alarms on the dead letters and on the worker’s errors', () => {
    const queue = template.findResources('AWS::SQS::Queue')[queueOf()] as Resource;
    const dlq = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
    const alarms = JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toContain(JSON.stringify({ 'Fn::GetAtt': [dlq, 'QueueName'] }));
    // The worker's errors: its log group's filter counts its failed invocations and ERROR lines into
    // the metric the ErrorLines alarm reads (infra/constructs/operations.ts).
    const logGroup = worker().props.LoggingConfig.LogGroup;
    const filter = only('AWS::Logs::MetricFilter', { LogGroupName: logGroup }).props;
    expect(filter.FilterPattern).toContain('$.record.status = "error"');
    const metric = filter.MetricTransformations[0].MetricName;
    expect(alarms).toContain(`"MetricName":"${metric}"`);
  });

  it('lets the planner send to the queue, and the planner and the worker start the search index', () => {
    expect(planner().props.Environment.Variables).toMatchObject({
      IASPN_INGEST_QUEUE_URL: { Ref: queueOf() },
      IASPN_CYCLE_NEXT_FUNCTION: { Ref: searchIndex().id },
    });
    expect(worker().props.Environment.Variables.IASPN_CYCLE_NEXT_FUNCTION).toEqual({ Ref: searchIndex().id });
    const policiesOf = (fn: { props: Resource['Properties'] }) =>
      JSON.stringify(
        template.findResources('AWS::IAM::Policy', {
          Properties: { Roles: Match.arrayWith([{ Ref: fn.props.Role['Fn::GetAtt'][0] }]) },
        }),
      );
    expect(policiesOf(worker())).toContain('lambda:InvokeFunction');
    expect(policiesOf(worker())).toContain(searchIndex().id);
    expect(policiesOf(planner())).toContain('sqs:SendMessage');
  });
});
