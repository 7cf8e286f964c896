import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS } from '#shared/announce/claims.js';
import { SECRETS } from '#shared/secrets.js';
import { cdkJsonContext, synthStage } from '../helpers/synth.js';

describe('the announcement function', () => {
  const template = synthStage('dev');
  const announceFunction = () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'Posts new resources to the channels that follow them' },
    });
    const ids = Object.keys(functions);
    expect(ids).toHaveLength(1);
    return { id: ids[0]!, props: functions[ids[0]!]!.Properties };
  };

  it('runs one at a time, and its timeout is shorter than a claim lease', () => {
    const { props } = announceFunction();
    expect(props).toMatchObject({ ReservedConcurrentExecutions: 1, Runtime: 'nodejs22.x' });
    expect(props.Timeout * 1000).toBeLessThan(CLAIM_LEASE_MS);
    expect(props.Environment.Variables).toMatchObject({
      IASPN_TABLE_NAME: { Ref: expect.any(String) },
      [SECRETS.slack.env]: expect.anything(),
      [SECRETS.telegram.env]: expect.anything(),
    });
  });
});

describe('the announcement function sends the cooperation notices by email', () => {
  it('as the stage sender, through its configuration set, and nothing else of SES', () => {
    const template = synthStage('dev');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Posts new resources to the channels that follow them',
      Environment: {
        Variables: Match.objectLike({
          IASPN_SENDER_EMAIL: Match.stringLikeRegexp('digest@dev\\.relay\\.iaspn\\.example\\.org'),
          IASPN_SES_CONFIGURATION_SET: Match.anyValue(),
        }),
      },
    });
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'Posts new resources to the channels that follow them' },
    });
    const role = (Object.values(functions)[0]!.Properties.Role as { 'Fn::GetAtt': string[] })[
      'Fn::GetAtt'
    ][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role),
    );
    const sesStatements = policies
      .flatMap(
        (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Condition?: unknown }[],
      )
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(sesStatements).toHaveLength(1);
    expect([sesStatements[0]!.Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(sesStatements[0]!.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'digest@dev.relay.iaspn.example.org' },
    });
  });
});

describe('the relay admins of a stage', () => {
  it('reach the bots as admin ids and the announcement run as the admin channel', () => {
    const template = synthStage('prod');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Posts new resources to the channels that follow them',
      Environment: { Variables: Match.objectLike({ IASPN_ADMIN_CHANNEL: 'slack:T0IASPN:C0RELAYOPS' }) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Telegram bot webhook',
      Environment: { Variables: Match.objectLike({ IASPN_ADMIN_IDS: 'slack:U0ADMIN01' }) },
    });
  });

  it('rejects an admin channel that names no platform', () => {
    const stages = cdkJsonContext().stages as Record<string, Record<string, unknown>>;
    const broken = { ...stages, prod: { ...stages.prod, admins: { channel: 'C0RELAYOPS' } } };
    expect(() => synthStage('prod', { stages: broken })).toThrow(
      /admins\.channel: must be platform:workspace:channel/,
    );
  });
});
