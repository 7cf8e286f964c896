import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ERROR_LINES_METRIC,
  HTTP_4XX_RATIO,
  heartbeatPeriod,
  NEAR_TIMEOUT_MIN_SECONDS,
  NEAR_TIMEOUT_RATIO,
} from '#infra/constructs/operations.js';
import { CYCLE_JOBS, JOB_ENV } from '#shared/cycle.js';
import { synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Props = Record<string, any>;

const propsOf = (template: Template, type: string): [string, Props][] =>
  Object.entries(template.findResources(type)).map(([id, r]) => [
    id,
    (r as { Properties: Props }).Properties,
  ]);

/** The statements of the topic policy of the topic whose display name contains `name`. */
function topicStatements(template: Template, name: string): Props[] {
  const [topicId] = propsOf(template, 'AWS::SNS::Topic').find(([, p]) => p.DisplayName.includes(name))!;
  const policies = propsOf(template, 'AWS::SNS::TopicPolicy').filter(([, p]) =>
    p.Topics.some((t: Props) => t.Ref === topicId),
  );
  return policies.flatMap(([, p]) => p.PolicyDocument.Statement);
}

const serialised = (value: unknown) => JSON.stringify(value);

describe('operations of a deployed stage', () => {
  let prod: Template;
  let alarms: Props[];
  const alarm = (suffix: string) => alarms.find((a) => a.AlarmName.endsWith(`-${suffix}`));
  beforeAll(() => {
    prod = synthStage('prod');
    alarms = propsOf(prod, 'AWS::CloudWatch::Alarm').map(([, p]) => p);
  }, 120_000);

  it('lets CloudWatch publish to the alarm topic, for this stage’s alarms in this account only', () => {
    const publish = topicStatements(prod, 'alarms').find(
      (st) => st.Principal?.Service === 'cloudwatch.amazonaws.com',
    );
    expect(publish).toMatchObject({ Effect: 'Allow', Action: 'sns:Publish' });
    expect(publish!.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
    expect(serialised(publish!.Condition.ArnLike['aws:SourceArn'])).toContain(':alarm:iaspn-relay-prod-*');
    // Every alarm is named so that the condition matches it.
    for (const a of alarms) expect(a.AlarmName).toMatch(/^iaspn-relay-prod-/);
  });

  it('lets only this stack’s configuration set’s SES events, through one rule, invoke the notifications handler', () => {
    const rules = propsOf(prod, 'AWS::Events::Rule').filter(
      ([, r]) => r.EventPattern?.source?.[0] === 'aws.ses',
    );
    expect(rules).toHaveLength(1);
    const [ruleId, rule] = rules[0]!;
    const [setId, set] = propsOf(prod, 'AWS::SES::ConfigurationSet')[0]!;
    expect(set.Name).toBe('iaspn-relay-prod');
    expect(rule.EventPattern.detail.mail.tags['ses:configuration-set']).toEqual([{ Ref: setId }]);
    const fnId = rule.Targets[0].Arn['Fn::GetAtt'][0];
    const permissions = propsOf(prod, 'AWS::Lambda::Permission').filter(([, p]) =>
      serialised(p.FunctionName).includes(fnId),
    );
    // Invoked by EventBridge for that rule only (SourceArn), and by nothing else.
    expect(permissions.map(([, p]) => p.Principal)).toEqual(['events.amazonaws.com']);
    expect(permissions[0]![1].SourceArn).toEqual({ 'Fn::GetAtt': [ruleId, 'Arn'] });
    // Failures after the retries are kept in a dead-letter queue.
    expect(rule.Targets[0].DeadLetterConfig.Arn).toBeDefined();
  });

  it('counts every function’s failed, timed-out and crashed runs and its ERROR lines into one metric, read by one alarm', () => {
    // Every function's log group has one filter into ErrorLines: its ERROR lines and the Lambda
    // platform's report of an invocation that failed (in place of the AWS/Lambda Errors alarm).
    const filters = propsOf(prod, 'AWS::Logs::MetricFilter').map(([, f]) => f);
    const functions = propsOf(prod, 'AWS::Lambda::Function').map(([, f]) => f);
    const filterOf = (fn: Props) => filters.find((f) => f.LogGroupName.Ref === fn.LoggingConfig.LogGroup.Ref);
    for (const fn of functions) {
      // The platform writes its reports at the INFO system level, pinned on every function.
      expect(fn.LoggingConfig).toMatchObject({ LogFormat: 'JSON', SystemLogLevel: 'INFO' });
      const pattern: string = filterOf(fn)!.FilterPattern;
      expect(pattern).toContain('$.level = "ERROR"');
      for (const status of ['error', 'timeout', 'failure'])
        expect(pattern).toContain(`$.record.status = "${status}"`);
    }
    for (const f of filters) {
      expect(f.MetricTransformations).toEqual([
        { MetricNamespace: 'IaspnRelay/prod', MetricName: ERROR_LINES_METRIC, MetricValue: '1' },
      ]);
    }
    expect(alarm('ErrorLines')).toMatchObject({
      Namespace: 'IaspnRelay/prod',
      MetricName: ERROR_LINES_METRIC,
      Statistic: 'Sum',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
    // No alarm reads AWS/Lambda any more: errors and durations come from the logs.
    expect(alarms.filter((a) => a.Namespace === 'AWS/Lambda')).toEqual([]);
    expect(alarm('Functions-Errors')).toBeUndefined();
    expect(alarm('Table-Errors')).toBeUndefined();
  });

  it('counts a long job’s run past 80% of its own timeout as an error line; a request handler that overruns times out instead', () => {
    const filters = propsOf(prod, 'AWS::Logs::MetricFilter').map(([, f]) => f);
    const functions = propsOf(prod, 'AWS::Lambda::Function').map(([, f]) => f);
    const long = functions.filter((f) => f.Timeout >= NEAR_TIMEOUT_MIN_SECONDS);
    // The cycle's jobs and the workers (5 minutes).
    expect(long.length).toBeGreaterThanOrEqual(CYCLE_JOBS.length);
    for (const fn of functions) {
      const pattern: string = filters.find(
        (f) => f.LogGroupName.Ref === fn.LoggingConfig.LogGroup.Ref,
      )!.FilterPattern;
      if (long.includes(fn)) {
        expect(pattern).toContain(`$.record.metrics.durationMs >= ${fn.Timeout * 1000 * NEAR_TIMEOUT_RATIO}`);
      } else {
        expect(pattern).not.toContain('durationMs');
      }
    }
    expect(alarms.filter((a) => a.AlarmName.includes('-NearTimeout-'))).toEqual([]);
  });

  it('counts the HTTP API’s 5xx answers from its access logs into the error lines', () => {
    const [stageId, stage] = propsOf(prod, 'AWS::ApiGatewayV2::Stage')[0]!;
    expect(stageId).toBeDefined();
    const accessLogs = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    const filter = propsOf(prod, 'AWS::Logs::MetricFilter').find(
      ([, f]) => f.LogGroupName.Ref === accessLogs,
    )!;
    expect(filter[1]).toMatchObject({
      FilterPattern: '{ $.status = "5*" }',
      MetricTransformations: [
        { MetricNamespace: 'IaspnRelay/prod', MetricName: ERROR_LINES_METRIC, MetricValue: '1' },
      ],
    });
    expect(alarm('Endpoints-5xx')).toBeUndefined();
  });

  it('sends SES rejects to the notifications function, which logs each at ERROR, in place of an alarm on AWS/SES Reject', () => {
    const [, destination] = propsOf(prod, 'AWS::SES::ConfigurationSetEventDestination')[0]!;
    expect(destination.EventDestination.MatchingEventTypes).toContain('reject');
    const [, rule] = propsOf(prod, 'AWS::Events::Rule').find(
      ([, r]) => r.EventPattern?.source?.[0] === 'aws.ses',
    )!;
    expect(rule.EventPattern['detail-type']).toContain('Email Rejected');
    expect(alarm('Email-Rejects')).toBeUndefined();
  });

  it('watches the digest queue through the workers’ own check of a batch’s wait (an ERROR line), not an alarm on its age', () => {
    expect(alarms.filter((a) => a.MetricName === 'ApproximateAgeOfOldestMessage')).toEqual([]);
    expect(alarm('DigestQueue-OldestMessage')).toBeUndefined();
    // The error line itself: test/shared/digest/fanout.test.ts.
  });

  it('alarms on 4xx spikes; the SES quota is the digest run’s check (an ERROR line), not an alarm on AWS/SES Send', () => {
    const http = alarm('Endpoints-4xx')!;
    expect(http.Threshold).toBe(HTTP_4XX_RATIO);
    expect(http.Metrics.find((m: Props) => m.Expression).Expression).toMatch(/^IF\(c >= \d+, c \/ n, 0\)$/);
    expect(alarms.filter((a) => a.Namespace === 'AWS/SES' && a.MetricName === 'Send')).toEqual([]);
    expect(alarm('Email-Quota')).toBeUndefined();
    const [plannerId, planner] = propsOf(prod, 'AWS::Lambda::Function').find(
      ([, f]) => f.Description === 'Plans the digest run: due subscribers onto the batch queue',
    )!;
    expect(plannerId).toBeDefined();
    expect(planner.Environment.Variables.IASPN_SES_DAILY_QUOTA).toBe('50000');
    const statements = propsOf(prod, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Roles.some((r: Props) => r.Ref === planner.Role['Fn::GetAtt'][0]))
      .flatMap(([, p]) => p.PolicyDocument.Statement);
    expect(statements).toContainEqual({ Action: 'ses:GetSendQuota', Effect: 'Allow', Resource: '*' });
    // The check itself: test/shared/email/quota.test.ts.
  });

  it('has a heartbeat on the cycle’s last job, which runs only when every job before it was invoked', () => {
    const heartbeat = alarm('Cycle-Heartbeat')!;
    expect(heartbeat).toMatchObject({
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
    });
    const jobOf = new Map(
      propsOf(prod, 'AWS::Lambda::Function').map(([id, f]) => [id, f.Environment?.Variables?.[JOB_ENV]]),
    );
    const watched = heartbeat.Metrics.filter((m: Props) => m.MetricStat).map((m: Props) =>
      jobOf.get(m.MetricStat.Metric.Dimensions[0].Value.Ref),
    );
    expect(watched).toEqual([CYCLE_JOBS.at(-1)!.name]);
    expect(heartbeat.Metrics.find((m: Props) => m.Expression).Expression).toBe('FILL(last, 0)');
    // Each job hands over to the next on failure too, so a failing job does not stop the ones after it.
    for (const [, config] of propsOf(prod, 'AWS::Lambda::EventInvokeConfig')) {
      const { OnSuccess, OnFailure } = config.DestinationConfig ?? {};
      if (OnSuccess) expect(OnFailure).toEqual(OnSuccess);
    }
    expect(heartbeatPeriod('rate(15 minutes)').toMinutes()).toBe(60);
    expect(heartbeatPeriod('rate(30 minutes)').toMinutes()).toBe(90);
    expect(heartbeatPeriod('cron(0 7 * * ? *)').toHours()).toBe(24);
  });

  it('keeps every metric-math alarm within CloudWatch’s 10 metrics, and every alarm on the alarm topic', () => {
    for (const a of alarms) {
      expect((a.Metrics ?? []).filter((m: Props) => m.MetricStat).length).toBeLessThanOrEqual(10);
      expect(a.AlarmActions).toHaveLength(1);
      expect(a.OKActions).toEqual(a.AlarmActions);
    }
    // A fixed handful, not one per function, queue, metric and timeout.
    expect(alarms.length).toBeLessThanOrEqual(10);
  });
});

describe('operations details of a deployed stage', () => {
  let prod: Template;
  beforeAll(() => {
    prod = synthStage('prod');
  }, 120_000);
  const fnId = (description: string) =>
    propsOf(prod, 'AWS::Lambda::Function').find(([, p]) => p.Description === description)![0];

  it('retries a deferred Slack command once, for 15 minutes at most, then keeps it in a dead-letter queue', () => {
    const slack = fnId('Slack bot: /iaspn, mentions, DMs, buttons, App Home');
    const [, config] = propsOf(prod, 'AWS::Lambda::EventInvokeConfig').find(
      ([, p]) => p.FunctionName.Ref === slack,
    )!;
    expect(config).toMatchObject({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 900 });
    const queue = config.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    expect(prod.findResources('AWS::SQS::Queue')[queue]).toBeDefined();
  });

  it('answers the subscription pages well within API Gateway’s 30 seconds', () => {
    const [, pages] = propsOf(prod, 'AWS::Lambda::Function').find(([, p]) =>
      p.Description.startsWith('Subscription pages'),
    )!;
    expect(pages.Timeout).toBeLessThanOrEqual(10);
  });

  it('writes JSON access logs with the route, status, integration latency and integration error', () => {
    const [, stage] = propsOf(prod, 'AWS::ApiGatewayV2::Stage')[0]!;
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({
      routeKey: '$context.routeKey',
      status: '$context.status',
      integrationLatency: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
      requestId: '$context.requestId',
    });
    expect(JSON.stringify(format)).not.toMatch(/sourceIp|querystring/i);
  });

  it('turns tracing off, since no handler is instrumented, and grants no X-Ray', () => {
    for (const [, fn] of propsOf(prod, 'AWS::Lambda::Function')) {
      expect(fn.TracingConfig?.Mode ?? 'PassThrough').toBe('PassThrough');
    }
    const actions = propsOf(prod, 'AWS::IAM::Policy').flatMap(([, p]) =>
      p.PolicyDocument.Statement.flatMap((st: Props) => [st.Action].flat()),
    );
    expect(actions.filter((a: string) => a.startsWith('xray:'))).toEqual([]);
  });

  it('lets Lambda assume a function’s role only on behalf of this account', () => {
    const roles = propsOf(prod, 'AWS::IAM::Role').filter(([, r]) =>
      serialised(r.AssumeRolePolicyDocument).includes('lambda.amazonaws.com'),
    );
    expect(roles).toHaveLength(propsOf(prod, 'AWS::Lambda::Function').length);
    for (const [, role] of roles) {
      for (const trust of role.AssumeRolePolicyDocument.Statement) {
        expect(trust.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
      }
    }
  });

  it('lets only this account’s schedules assume the scheduler roles', () => {
    const roles = propsOf(prod, 'AWS::IAM::Role').filter(([, r]) =>
      serialised(r.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    );
    expect(roles.length).toBeGreaterThan(0);
    for (const [, role] of roles) {
      const [trust] = role.AssumeRolePolicyDocument.Statement;
      expect(trust.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
      expect(serialised(trust.Condition.ArnLike['aws:SourceArn'])).toContain(':schedule/*');
    }
  });
});
