import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNCE_RATE_ALARM, COMPLAINT_RATE_ALARM } from '#infra/constructs/operations.js';
import { JOB_ENV } from '#shared/cycle.js';
import { SECRETS } from '#shared/secrets.js';
import { cdkJsonContext, synthStage } from '../helpers/synth.js';
import { synthWiredStage } from './fixtures/wired-stack.js';

type Resource = { Type: string; Properties: Record<string, unknown> };

const stages = cdkJsonContext().stages as Record<string, { schedules: Record<string, string> }>;

/** The function whose description starts with `prefix`, and its logical id. */
function fnId(template: Template, prefix: string): string {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, r]) =>
    String((r as Resource).Properties.Description).startsWith(prefix),
  );
  if (!found) throw new Error(`no function described "${prefix}"`);
  return found[0];
}

/** Every IAM statement attached to the role of the function `id`. */
function statementsOf(template: Template, id: string): Record<string, unknown>[] {
  const fn = template.findResources('AWS::Lambda::Function')[id] as Resource;
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) =>
      ((p as Resource).Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
    )
    .flatMap((p) => ((p as Resource).Properties.PolicyDocument as { Statement: [] }).Statement);
}

const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

describe('the deployment platform (functions wired through the house constructs)', () => {
  let dev: Template;
  let prod: Template;
  beforeAll(() => {
    dev = synthWiredStage('dev');
    prod = synthWiredStage('prod');
    // Two full syntheses: slow on a busy machine.
  }, 120_000);

  it('runs each job on EventBridge Scheduler in the stage time zone, retrying into a DLQ', () => {
    prod.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: stages.prod!.schedules.cycle,
      ScheduleExpressionTimezone: stages.prod!.schedules.timeZone,
      State: 'ENABLED',
      Target: Match.objectLike({
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }),
      }),
    });
    dev.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: stages.dev!.schedules.cycle,
    });
  });

  it('sends failed asynchronous invocations to a dead-letter queue', () => {
    const configs = prod.findResources('AWS::Lambda::EventInvokeConfig');
    expect(Object.keys(configs).length).toBeGreaterThanOrEqual(2);
    const queues = prod.findResources('AWS::SQS::Queue');
    const functions = prod.findResources('AWS::Lambda::Function');
    for (const config of Object.values(configs)) {
      const props = (config as Resource).Properties as {
        FunctionName: { Ref: string };
        MaximumRetryAttempts: number;
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [string, string] } } };
      };
      const target = props.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      const fn = functions[props.FunctionName.Ref] as { Properties: { Environment: { Variables: object } } };
      // A cycle job is not retried within the cycle (test/infra/cycle.test.ts), a deferred Slack
      // command once (test/infra/operations.test.ts); others twice.
      const cycleJob = JOB_ENV in fn.Properties.Environment.Variables;
      const slackSelf = props.FunctionName.Ref === fnId(prod, 'Slack bot');
      expect(props.MaximumRetryAttempts).toBe(cycleJob ? 0 : slackSelf ? 1 : 2);
      // A failure goes to a dead-letter queue, or (a cycle job's) on to the next job of the cycle.
      expect(queues[target] ?? (cycleJob && functions[target])).toBeDefined();
    }
    prod.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
  });

  it('serves the webhooks and pages on a throttled, access-logged HTTP API with URL outputs', () => {
    prod.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    dev.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
    for (const key of ['POST /fixture/hook', 'POST /fixture/hook/{proxy+}', 'GET /fixture/pages/{proxy+}']) {
      prod.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    }
    expect(Object.keys(prod.findOutputs('ApiUrl'))).toEqual(['ApiUrl']);
  });

  it('alarms on errors, dead letters, failing feeds and SES reputation, to the alarm email', () => {
    const alarms = Object.values(prod.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => (a as Resource).Properties,
    );
    const named = (suffix: string) => alarms.filter((a) => String(a.AlarmName).endsWith(suffix));
    const functions = Object.keys(prod.findResources('AWS::Lambda::Function')).length;
    // One alarm on every function's errors (the error lines: each function's log group counts its
    // failed invocations and ERROR lines into one metric; throttles: see operations.ts), and one on
    // the stack's one dead-letter queue, which every asynchronous path shares.
    expect(functions).toBeGreaterThan(1);
    expect(named('-ErrorLines')).toEqual([
      expect.objectContaining({ Namespace: 'IaspnRelay/prod', MetricName: 'ErrorLines', Statistic: 'Sum' }),
    ]);
    const filtered = Object.values(prod.findResources('AWS::Logs::MetricFilter')).map(
      (f) => (f as Resource).Properties.LogGroupName,
    );
    for (const fn of Object.values(prod.findResources('AWS::Lambda::Function'))) {
      const logGroup = ((fn as Resource).Properties.LoggingConfig as { LogGroup: unknown }).LogGroup;
      expect(filtered).toContainEqual(logGroup);
    }
    expect(named('-Throttles')).toHaveLength(0);
    const queues = Object.entries(prod.findResources('AWS::SQS::Queue'));
    const redriven = queues.filter(([, q]) => (q as Resource).Properties.RedrivePolicy);
    // Every queue but the feed-failure reports (nothing consumes them) is redriven or is the dead letters.
    const deadLetters = queues.filter(
      ([id, q]) => !(q as Resource).Properties.RedrivePolicy && !id.includes('FeedFailureReports'),
    );
    expect(deadLetters).toHaveLength(1);
    const [dlqId] = deadLetters[0]!;
    for (const [, q] of redriven) {
      const redrive = (q as Resource).Properties.RedrivePolicy as { deadLetterTargetArn: unknown };
      expect(redrive.deadLetterTargetArn).toEqual({
        'Fn::GetAtt': [dlqId, 'Arn'],
      });
    }
    expect(named('-DeadLetters')).toEqual([
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      }),
    ]);
    // Feeds failing: the ingest runs' failure reports, counted by a free SQS metric.
    const reports = queues.find(([id]) => id.includes('FeedFailureReports'))!;
    expect(named('-FeedsFailing')[0]).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'NumberOfMessagesSent',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [reports[0], 'QueueName'] } }],
      EvaluationPeriods: 3,
    });
    expect(named('-BounceRate')[0]).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: BOUNCE_RATE_ALARM,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(named('-ComplaintRate')[0]).toMatchObject({ Threshold: COMPLAINT_RATE_ALARM });
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
    prod.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'relay-alarms@iaspn.example.org',
    });
    // No dashboard (US$3 a month): saved Logs Insights queries over every function's logs instead.
    prod.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    const queries = Object.values(prod.findResources('AWS::Logs::QueryDefinition')).map(
      (q) => (q as Resource).Properties,
    );
    const logGroups = Object.keys(prod.findResources('AWS::Logs::LogGroup'));
    const errors = queries.find((q) => q.Name === 'iaspn-relay/prod/errors')!;
    expect(errors.LogGroupNames).toHaveLength(functions);
    for (const group of errors.LogGroupNames as { Ref: string }[]) expect(logGroups).toContain(group.Ref);
  });

  it('gives functions a secret’s parameter name, never a value, and only those that bind it may read it', () => {
    const functions = Object.entries(prod.findResources('AWS::Lambda::Function'));
    const readers = functions
      .filter(([id]) => statementsOf(prod, id).some((s) => asList(s.Action).includes('ssm:GetParameter')))
      .map(([id]) => id);
    expect(readers).toEqual(
      expect.arrayContaining([fnId(prod, 'fixture: webhook'), fnId(prod, 'fixture: email sender')]),
    );
    expect(readers).not.toContain(fnId(prod, 'fixture: scheduled job'));
    prod.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'fixture: webhook',
      Environment: { Variables: Match.objectLike({ [SECRETS.slack.env]: '/iaspn-relay/prod/slack' }) },
    });
    prod.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'fixture: email sender',
      Environment: {
        Variables: Match.objectLike({ [SECRETS.emailToken.env]: '/iaspn-relay/prod/email-token' }),
      },
    });
    const hookReads = statementsOf(prod, fnId(prod, 'fixture: webhook')).filter((s) =>
      asList(s.Action).includes('ssm:GetParameter'),
    );
    expect(JSON.stringify(hookReads)).toMatch(/:parameter\/iaspn-relay\/prod\/slack"\]\]\}\}\]$/);
  });

  it('scopes IAM: no "*" resource but X-Ray and the SES quota read, SES sending only through the identity and configuration set', () => {
    // ses:GetSendQuota (the digest run's quota check) has no resource-level permission.
    const accountReads = (a: string) => a.startsWith('xray:') || a === 'ses:GetSendQuota';
    for (const policy of Object.values(prod.findResources('AWS::IAM::Policy'))) {
      const statements = ((policy as Resource).Properties.PolicyDocument as { Statement: [] }).Statement;
      for (const s of statements as Record<string, unknown>[]) {
        if (asList(s.Resource).includes('*')) {
          expect(asList(s.Action).every(accountReads)).toBe(true);
        }
      }
    }
    const ses = statementsOf(prod, fnId(prod, 'fixture: email sender')).find((s) =>
      asList(s.Action).includes('ses:SendRawEmail'),
    );
    expect(ses).toMatchObject({
      Condition: { StringEquals: { 'ses:FromAddress': 'digest@relay.iaspn.example.org' } },
    });
    expect(asList(ses!.Resource)).toHaveLength(2);
    const hookActions = statementsOf(prod, fnId(prod, 'fixture: webhook')).flatMap((s) => asList(s.Action));
    expect(hookActions).not.toContain('ses:SendRawEmail');
    expect(hookActions).not.toContain('dynamodb:PutItem');
    expect(hookActions).toContain('dynamodb:Query');
    const jobActions = statementsOf(prod, fnId(prod, 'fixture: scheduled job')).flatMap((s) =>
      asList(s.Action),
    );
    expect(jobActions).not.toContain('ssm:GetParameter');
    expect(jobActions).toContain('dynamodb:PutItem');
  });

  it('sets up SES: Easy DKIM, custom MAIL FROM, bounces and complaints to EventBridge', () => {
    prod.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'relay.iaspn.example.org',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: Match.objectLike({ MailFromDomain: 'bounce.relay.iaspn.example.org' }),
    });
    prod.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    prod.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    expect(Object.keys(prod.findOutputs('*')).filter((k) => k.startsWith('DkimRecord'))).toHaveLength(3);
  });

  it('keeps logs with the data in prod and lets dev go', () => {
    prod.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 90 },
    });
    dev.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete', Properties: { RetentionInDays: 14 } });
  });
});

describe('the RelayStack endpoints', () => {
  it('outputs the Slack, Telegram and subscription URLs, and leaves out a disabled bot', () => {
    const all = synthStage('prod');
    for (const key of ['SlackEventsUrl', 'TelegramWebhookUrl', 'SubscribeUrl']) {
      expect(Object.keys(all.findOutputs(key))).toEqual([key]);
    }
    const stages = cdkJsonContext().stages as Record<string, Record<string, unknown>>;
    const slackOnly = synthStage('prod', {
      stages: { prod: { ...stages.prod, bots: { slack: true, telegram: false } } },
    });
    expect(Object.keys(slackOnly.findOutputs('TelegramWebhookUrl'))).toEqual([]);
    expect(() =>
      slackOnly.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /telegram/webhook' }),
    ).toThrow();
    slackOnly.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /slack/events' });
  });
});
