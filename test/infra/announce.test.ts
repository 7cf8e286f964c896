import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS } from '#shared/announce/claims.js';
import { cdkJsonContext, synthStage } from '../helpers/synth.js';

describe('the announcement function and its schedule', () => {
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
      IASPN_SECRETS_ARN: expect.anything(),
    });
  });

  it('is invoked on the stage’s announce schedule', () => {
    const { id } = announceFunction();
    const stages = cdkJsonContext().stages as Record<string, { schedules: { announce: string } }>;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: stages.dev!.schedules.announce,
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } }),
    });
  });
});
