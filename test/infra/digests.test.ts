import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DIGEST_WORKERS } from '#shared/digest/fanout.js';
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

  it('subscribes the notifications handler to the configuration set feedback topic', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ SnsDestination: Match.anyValue() }),
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
