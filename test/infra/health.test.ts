import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthStage } from '../helpers/synth.js';

const HEALTH = 'GET /health: store reachability, search snapshot age, last run of each job';

describe('the deployed health endpoint and custom domain', () => {
  it('answers GET /health from a read-only function', () => {
    const template = synthStage('dev');
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /health' });
    const [id] = Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, f]) => (f as { Properties: { Description: string } }).Properties.Description === HEALTH,
    )!;
    const roleId = (
      template.findResources('AWS::Lambda::Function')[id] as {
        Properties: { Role: { 'Fn::GetAtt': string[] } };
      }
    ).Properties.Role['Fn::GetAtt'][0];
    const actions = Object.values(template.findResources('AWS::IAM::Policy'))
      .map(
        (p) =>
          (
            p as {
              Properties: {
                Roles: { Ref: string }[];
                PolicyDocument: { Statement: { Action: string | string[] }[] };
              };
            }
          ).Properties,
      )
      .filter((p) => p.Roles.some((r) => r.Ref === roleId))
      .flatMap((p) => p.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()))
      .filter((a) => a.startsWith('dynamodb:'));
    expect(actions.sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(Object.keys(template.findOutputs('HealthUrl'))).toEqual(['HealthUrl']);
  });

  it('keeps the execute-api host without a domain', () => {
    const template = synthStage('dev');
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: false });
  });

  it('puts the endpoints and every link on a custom domain when cdk.json names one', () => {
    const template = synthStage('dev', {
      stages: JSON.stringify({
        dev: {
          email: { domain: 'dev.relay.example.org', senderAddress: 'digest@dev.relay.example.org' },
          alarmEmail: 'ops@example.org',
          domain: { name: 'relay.example.org' },
        },
      }),
    });
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'relay.example.org',
      ValidationMethod: 'DNS',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'relay.example.org' });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Subscription pages: subscribe, confirm, preferences, one-click unsubscribe',
      Environment: { Variables: Match.objectLike({ IASPN_PUBLIC_URL: 'https://relay.example.org' }) },
    });
    expect(JSON.stringify(template.findOutputs('SubscribeUrl'))).toContain(
      'https://relay.example.org/email/subscribe',
    );
  });

  it('uses a given certificate instead of issuing one', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';
    const template = synthStage('dev', {
      stages: JSON.stringify({
        dev: {
          email: { domain: 'dev.relay.example.org', senderAddress: 'digest@dev.relay.example.org' },
          alarmEmail: 'ops@example.org',
          domain: { name: 'relay.example.org', certificateArn: arn },
        },
      }),
    });
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: arn })],
    });
  });
});
