import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SECRETS } from '#shared/secrets.js';
import { synthStage } from '../helpers/synth.js';

describe('chat bots in the stack', () => {
  const template = synthStage('dev');

  it('runs each bot as a Lambda reading its tokens from its platform’s secret, not from the template', () => {
    for (const [description, platform] of [
      ['Slack bot: /iaspn, mentions, DMs, buttons, App Home', 'slack'],
      ['Telegram bot webhook', 'telegram'],
    ] as const) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: description,
        Timeout: 15,
        Environment: {
          Variables: Match.objectLike({
            [SECRETS[platform].env]: Match.anyValue(),
            IASPN_TABLE_NAME: Match.anyValue(),
          }),
        },
      });
    }
    const json = JSON.stringify(template.toJSON());
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_WEBHOOK_SECRET',
    ])
      expect(json).not.toMatch(new RegExp(`"${name}"\\s*:`));
  });

  it('lets the Slack function invoke itself (deferred commands) and nothing else, on its own ARN only', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const logicalIdOf = (description: string) =>
      Object.entries(functions).find(
        ([, r]) => (r as { Properties: { Description?: string } }).Properties.Description === description,
      )![0];
    const slack = functions[logicalIdOf('Slack bot: /iaspn, mentions, DMs, buttons, App Home')] as {
      Properties: { Role: { 'Fn::GetAtt': [string, string] } };
    };
    const slackRole = slack.Properties.Role['Fn::GetAtt'][0];
    type Statement = { Action: string | string[]; Resource: unknown };
    const slackPolicies = Object.values(template.findResources('AWS::IAM::Policy'))
      .map(
        (p) =>
          (p as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } })
            .Properties,
      )
      .filter((props) => props.Roles.some((r) => r.Ref === slackRole));
    const invokes = slackPolicies.flatMap((props) => {
      return props.PolicyDocument.Statement.filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('lambda:Invoke') || a === 'lambda:*' || a === '*'),
      ).map((s) => ({ roles: props.Roles.map((r) => r.Ref), statement: s }));
    });
    expect(invokes).toEqual([
      {
        roles: [slackRole],
        statement: expect.objectContaining({
          Action: 'lambda:InvokeFunction',
          Resource: {
            'Fn::GetAtt': [logicalIdOf('Slack bot: /iaspn, mentions, DMs, buttons, App Home'), 'Arn'],
          },
        }),
      },
    ]);
    expect(JSON.stringify(invokes)).not.toContain('*');
  });

  it('serves /slack/events and /telegram/webhook on POST over HTTPS and outputs their URLs', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(routes).toEqual(expect.arrayContaining(['POST /slack/events', 'POST /telegram/webhook']));
    expect(routes.filter((r) => r.startsWith('GET /slack') || r.startsWith('GET /telegram'))).toEqual([]);
    template.hasOutput('SlackEventsUrl', Match.anyValue());
    template.hasOutput('TelegramWebhookUrl', Match.anyValue());
  });
});

describe('the Slack app manifest', () => {
  it('points every Slack URL at /slack/events and asks for the scopes the bot uses', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = readFileSync(new URL('../../infra/slack-manifest.yaml', import.meta.url), 'utf8');
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toBe('https://RELAY_API_URL/slack/events');
    for (const scope of [
      'commands',
      'app_mentions:read',
      'chat:write',
      'im:history',
      'users:read',
      'channels:read',
    ])
      expect(manifest).toMatch(new RegExp(`- ${scope}\\b`));
    for (const event of ['app_mention', 'message.im', 'app_home_opened'])
      expect(manifest).toContain(`- ${event}`);
    expect(manifest).toContain('command: /iaspn');
  });
});
