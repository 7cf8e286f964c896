import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DIGEST_WORKERS } from '#shared/digest/fanout.js';
import { SES_EVENT_DETAIL_TYPES } from '#shared/digest/notifications.js';
import { synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Resource = { Properties: Record<string, any> };

describe('RelayDigests', () => {
  const template = synthStage('dev');

  it('fans the digest run out through SQS to a worker that reports partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: DIGEST_WORKERS },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 1800,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Plans the digest run: due subscribers onto the batch queue',
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ IASPN_DIGEST_QUEUE_URL: Match.anyValue() }) },
    });
  });

  it('sends the configuration set’s bounces, complaints and rejects to the notifications handler through EventBridge', () => {
    const destinations = Object.values(template.findResources('AWS::SES::ConfigurationSetEventDestination'));
    expect(destinations).toHaveLength(1);
    const { EventDestination } = (
      destinations[0] as { Properties: { EventDestination: Record<string, unknown> } }
    ).Properties;
    // Rejects too: the notifications handler logs each at ERROR (the ErrorLines alarm).
    expect(EventDestination.MatchingEventTypes).toEqual(['bounce', 'complaint', 'reject']);
    // SES publishes to the default bus only.
    expect(JSON.stringify(EventDestination.EventBridgeDestination)).toContain(':event-bus/default');
    const [configurationSet] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    // No SNS topic carries subscribers' addresses.
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    expect(Object.keys(template.findResources('AWS::SNS::Topic'))).toHaveLength(1);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': [...SES_EVENT_DETAIL_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: configurationSet }] } } },
      },
      Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue(), RetryPolicy: Match.anyValue() })],
    });
  });

  it('creates the workers’ event source off, and lets the digest run read the queue’s depth and switch that mapping only', () => {
    const mappings = Object.entries(template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      ([, m]) =>
        (m as Resource).Properties.ScalingConfig?.MaximumConcurrency === DIGEST_WORKERS &&
        (m as Resource).Properties.BatchSize === 1,
    );
    expect(mappings).toHaveLength(1);
    const [mappingId, mapping] = mappings[0]!;
    // Off, a mapping polls nothing; on, it long-polls the queue all month (US$0.26).
    expect((mapping as Resource).Properties.Enabled).toBe(false);
    const queueId = (mapping as Resource).Properties.EventSourceArn['Fn::GetAtt'][0];
    const [, planner] = Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, f]) =>
        (f as Resource).Properties.Description ===
        'Plans the digest run: due subscribers onto the batch queue',
    )!;
    const props = (planner as Resource).Properties;
    expect(props.Environment.Variables.IASPN_DIGEST_WORKERS_MAPPING).toEqual({ Ref: mappingId });
    const statements = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: Match.arrayWith([{ Ref: props.Role['Fn::GetAtt'][0] }]) },
      }),
    ).flatMap((p) => (p as Resource).Properties.PolicyDocument.Statement);
    const switching = statements.filter((st) => JSON.stringify(st.Action).includes('EventSourceMapping'));
    expect(switching).toHaveLength(1);
    expect(switching[0].Action).toEqual(['lambda:GetEventSourceMapping', 'lambda:UpdateEventSourceMapping']);
    expect(JSON.stringify(switching[0].Resource)).toContain('event-source-mapping:');
    expect(JSON.stringify(switching[0].Resource)).toContain(mappingId);
    // On the queue: send the batches and read its depth; never receive or delete what the workers own.
    const onQueue = statements.filter(
      (st) => JSON.stringify(st.Resource) === JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] }),
    );
    expect(onQueue.flatMap((st) => [st.Action].flat()).sort()).toEqual([
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
  });

  it('serves the subscription pages on GET and POST under /email', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(routes).toEqual(
      expect.arrayContaining(['GET /email', 'POST /email', 'GET /email/{proxy+}', 'POST /email/{proxy+}']),
    );
  });
});
