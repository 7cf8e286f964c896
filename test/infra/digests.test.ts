import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DIGEST_WORKERS } from '#shared/digest/fanout.js';
import { SES_EVENT_DETAIL_TYPES } from '#shared/digest/notifications.js';
import { synthStage } from '../helpers/synth.js';

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

  it('sends the configuration set’s bounces and complaints to the notifications handler through EventBridge', () => {
    const destinations = Object.values(template.findResources('AWS::SES::ConfigurationSetEventDestination'));
    expect(destinations).toHaveLength(1);
    const { EventDestination } = (
      destinations[0] as { Properties: { EventDestination: Record<string, unknown> } }
    ).Properties;
    expect(EventDestination.MatchingEventTypes).toEqual(['bounce', 'complaint']);
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

  it('serves the subscription pages on GET and POST under /email', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(routes).toEqual(
      expect.arrayContaining(['GET /email', 'POST /email', 'GET /email/{proxy+}', 'POST /email/{proxy+}']),
    );
  });
});
