import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthlyBill } from '#shared/cost/model.js';
import { PRICES } from '#shared/cost/prices.js';
import { defaultParameterName, SECRETS, SECRETS_MAX_AGE_SECONDS, type SecretName } from '#shared/secrets.js';
import { stackInventory } from '../../scripts/cost/inventory.js';
import { cdkJsonContext, synthStage } from '../helpers/synth.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by path in assertions
type Resource = { Properties: Record<string, any> };

/** What each function needs: its platform's credentials, and the email-link key if it signs or checks links. */
const EXPECTED: Record<string, SecretName[]> = {
  'Fetches the partner feeds into the library': [],
  'Writes the search index snapshot when the library changed': [],
  'Posts new resources to the channels that follow them': ['slack', 'telegram'],
  'Slack bot: /iaspn, mentions, DMs, buttons, App Home': ['slack', 'emailToken'],
  'Telegram bot webhook': ['telegram', 'emailToken'],
  'Plans the digest run: due subscribers onto the batch queue': ['emailToken'],
  'Sends one batch of digests (claims first, paced to the SES rate)': ['emailToken'],
  'Subscription pages: subscribe, confirm, preferences, one-click unsubscribe': ['emailToken'],
  'Cooperation exchange pages: portfolio, email-verified submission, report': ['emailToken'],
  'SES bounces and complaints from EventBridge: suppress or count': [],
  'GET /health: store reachability, search snapshot age, last run of each job': [],
  'GET /calendar.ics (filters as query parameters) and /calendar/<id>.ics': [],
  'Fetches one batch of fanned-out feeds (claimed per cycle, polite per host)': [],
};

const policyStatementsOf = (template: Template, roleId: string) =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .map((p) => (p as Resource).Properties)
    .filter((p) => p.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap((p) => p.PolicyDocument.Statement);

describe('the stage’s secrets', () => {
  let template: Template;
  beforeAll(() => {
    template = synthStage('prod');
  }, 120_000);

  it('are SSM SecureString parameters the stack only names: no value, no resource, nothing of Secrets Manager', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    template.resourceCountIs('AWS::SSM::Parameter', 0);
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/secretsmanager|SECRET_ARN/i);
    const outputs = template.findOutputs('*');
    expect(
      ['SlackSecretParameter', 'TelegramSecretParameter', 'EmailTokenSecretParameter'].map(
        (key) => outputs[key]?.Value,
      ),
    ).toEqual(['/iaspn-relay/prod/slack', '/iaspn-relay/prod/telegram', '/iaspn-relay/prod/email-token']);
  });

  it('are each readable by, and named to, only the functions that use them: ssm:GetParameter on that one ARN', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (f) => (f as Resource).Properties,
    );
    expect(functions.map((f) => f.Description).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const fn of functions) {
      const statements = policyStatementsOf(template, fn.Role['Fn::GetAtt'][0]);
      const ssm = statements.filter((st) => JSON.stringify(st.Action).includes('ssm:'));
      // One statement per parameter, the one action, the one ARN; nothing on KMS (aws/ssm needs no grant).
      for (const st of ssm) expect(st.Action, fn.Description).toBe('ssm:GetParameter');
      expect(statements.some((st) => JSON.stringify(st.Action).includes('kms:'))).toBe(false);
      const readable = ssm.map((st) => {
        const arn = JSON.stringify(st.Resource);
        expect(arn).toMatch(/:ssm:.*:parameter\/iaspn-relay\/prod\/[a-z-]+"/);
        return (Object.keys(SECRETS) as SecretName[]).find((n) =>
          arn.endsWith(`/${SECRETS[n].parameter}"]]}`),
        )!;
      });
      const named = (Object.keys(SECRETS) as SecretName[]).filter((n) => {
        const value = fn.Environment.Variables[SECRETS[n].env];
        if (value !== undefined) expect(value).toBe(defaultParameterName('prod', n));
        return value !== undefined;
      });
      expect(readable.sort(), fn.Description).toEqual([...EXPECTED[fn.Description]!].sort());
      expect(named.sort(), fn.Description).toEqual([...EXPECTED[fn.Description]!].sort());
    }
  });

  it('are the parameters a stage’s cdk.json block names, each consumer its own', () => {
    const stages = cdkJsonContext().stages as Record<string, Record<string, unknown>>;
    const renamed = synthStage('prod', {
      stages: { ...stages, prod: { ...stages.prod, secretParameters: { slack: '/relay/slack-app' } } },
    });
    renamed.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Slack bot: /iaspn, mentions, DMs, buttons, App Home',
      Environment: {
        Variables: Match.objectLike({
          [SECRETS.slack.env]: '/relay/slack-app',
          [SECRETS.emailToken.env]: '/iaspn-relay/prod/email-token',
        }),
      },
    });
    expect(JSON.stringify(renamed.toJSON())).toContain(':parameter/relay/slack-app');
    expect(() =>
      synthStage('prod', {
        stages: { prod: { ...stages.prod, secretParameters: { telegram: '/iaspn-relay/prod/slack' } } },
      }),
    ).toThrow(/secretParameters: each consumer needs a parameter of its own/);
    expect(() =>
      synthStage('prod', { stages: { prod: { ...stages.prod, secretParameters: { slack: 'slack' } } } }),
    ).toThrow(/secretParameters.slack: must be an SSM parameter path/);
  });

  it('cost no monthly fee: `npm run cost` counts standard parameters at US$0, and each read’s KMS decrypt', () => {
    const inventory = stackInventory('prod');
    const grants = Object.values(EXPECTED).flat().length;
    expect(inventory.counts).toMatchObject({
      secretsManagerSecrets: 0,
      secretParameters: 3,
      secretGrants: grants,
    });
    const secrets = inventory.fixed.find((item) => item.name === 'secrets')!;
    expect(secrets.unit).toMatch(/^3 SSM SecureString standard parameters \(US\$0 a month/);
    const bill = monthlyBill([{ ...secrets, unitsPerMonth: 1, fixed: true }], PRICES);
    const service = (name: string) => bill.byService.find((s) => s.service === name)!;
    // Shown in the by-service table at US$0, not left out.
    expect(service('SSM Parameter Store')).toMatchObject({ list: 0, withFreeTier: 0, used: true });
    // A warm container of each bound function re-reads every 15 minutes (SECRETS_MAX_AGE_SECONDS), and
    // each read is a KMS Decrypt under aws/ssm (charged per request, an AWS-managed key included;
    // 20,000 a month free).
    expect(SECRETS_MAX_AGE_SECONDS).toBe(900);
    const reads = grants * 4 * 24 * 30;
    expect(service('KMS').list).toBeCloseTo((reads * PRICES.kms.perTenThousandRequests) / 1e4, 10);
    expect(service('KMS').withFreeTier).toBeCloseTo(
      (Math.max(0, reads - PRICES.kms.free.requests) * PRICES.kms.perTenThousandRequests) / 1e4,
      10,
    );
  }, 120_000);
});
