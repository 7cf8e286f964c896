import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { cdkJsonContext, synthStage } from '../helpers/synth.js';

describe('the ingest function and its schedule', () => {
  const template = synthStage('dev');
  const ingestFunction = () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'Fetches the partner feeds into the library' },
    });
    const ids = Object.keys(functions);
    expect(ids).toHaveLength(1);
    return { id: ids[0]!, props: functions[ids[0]!]!.Properties };
  };

  it('runs one at a time, with a timeout above the fetch deadline, and never allows private networks', () => {
    const { props } = ingestFunction();
    expect(props).toMatchObject({ ReservedConcurrentExecutions: 1, Timeout: 300, Runtime: 'nodejs22.x' });
    expect(props.Environment.Variables).toMatchObject({
      IASPN_ALLOW_PRIVATE_NETWORKS: 'false',
      IASPN_FETCH_TIMEOUT_MS: '20000',
      IASPN_TABLE_NAME: { Ref: expect.any(String) },
    });
    expect(Number(props.Environment.Variables.IASPN_FETCH_TIMEOUT_MS) / 1000).toBeLessThan(props.Timeout / 5);
  });

  it('starts each cycle, on the stage’s configured EventBridge schedule', () => {
    const { id } = ingestFunction();
    const stages = cdkJsonContext().stages as Record<string, { schedules: { cycle: string } }>;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: stages.dev!.schedules.cycle,
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } }),
    });
  });

  it('may read and write the table through its own role', () => {
    const { props } = ingestFunction();
    const roleId = props.Role['Fn::GetAtt'][0] as string;
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
    });
    const statements = JSON.stringify(policies);
    for (const action of [
      'dynamodb:BatchWriteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:Query',
    ]) {
      expect(statements).toContain(action);
    }
  });
});
