import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRETS, type SecretName } from '#shared/secrets.js';
import { synthStage } from '../helpers/synth.js';

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

describe('the stage’s secrets', () => {
  let template: Template;
  beforeAll(() => {
    template = synthStage('prod');
  }, 120_000);

  it('are one per consumer, with no value in the template', () => {
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret')).map(
      (s) => (s as Resource).Properties,
    );
    expect(secrets.map((s) => s.Name).sort()).toEqual([
      'iaspn-relay/prod/email-token',
      'iaspn-relay/prod/slack',
      'iaspn-relay/prod/telegram',
    ]);
    const slack = secrets.find((s) => s.Name.endsWith('/slack'))!;
    expect(JSON.parse(slack.SecretString)).toEqual({ SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' });
    const token = secrets.find((s) => s.Name.endsWith('/email-token'))!;
    expect(JSON.parse(token.GenerateSecretString.SecretStringTemplate)).toEqual({ current: 'k1' });
    expect(token.GenerateSecretString).toMatchObject({ GenerateStringKey: 'k1', PasswordLength: 64 });
  });

  it('are each readable by, and named to, only the functions that use them', () => {
    const secretIds = Object.entries(template.findResources('AWS::SecretsManager::Secret')).map(
      ([id, s]) => ({
        id,
        name: (Object.keys(SECRETS) as SecretName[]).find((n) =>
          (s as Resource).Properties.Name.endsWith(`/${n === 'emailToken' ? 'email-token' : n}`),
        )!,
      }),
    );
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).map(
      (p) => (p as Resource).Properties,
    );
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (f) => (f as Resource).Properties,
    );
    expect(functions.map((f) => f.Description).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const fn of functions) {
      const roleId = fn.Role['Fn::GetAtt'][0];
      const statements = policies
        .filter((p) => p.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap((p) => p.PolicyDocument.Statement);
      const readable = secretIds
        .filter(({ id }) =>
          statements.some(
            (st) =>
              [st.Action].flat().includes('secretsmanager:GetSecretValue') &&
              JSON.stringify(st.Resource).includes(`"${id}"`),
          ),
        )
        .map(({ name }) => name);
      const named = (Object.keys(SECRETS) as SecretName[]).filter(
        (n) => fn.Environment.Variables[SECRETS[n].env],
      );
      expect(readable.sort(), fn.Description).toEqual([...EXPECTED[fn.Description]!].sort());
      expect(named.sort(), fn.Description).toEqual([...EXPECTED[fn.Description]!].sort());
    }
  });
});
