import { describe, expect, it } from 'vitest';
import { ConfigError } from '#shared/errors.js';
import { loadRelayConfig, powertoolsSecretReader, SECRETS_ENV } from '#shared/secrets.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:iaspn-relay/prod-AbCdEf';
const reader = (value: string | undefined) => async () => value;

describe('loadRelayConfig', () => {
  it('is loadConfig when no secret is configured (local stack, CLI, tests)', async () => {
    const config = await loadRelayConfig({ SLACK_BOT_TOKEN: 'xoxb-local' }, () => {
      throw new Error('must not be called');
    });
    expect(config.slack.botToken).toBe('xoxb-local');
  });

  it('merges the secret JSON into the configuration; empty strings stay unset', async () => {
    const secret = JSON.stringify({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'sign',
      TELEGRAM_BOT_TOKEN: '',
      IASPN_TOKEN_SECRET: 'k'.repeat(64),
    });
    const config = await loadRelayConfig({ [SECRETS_ENV]: ARN, IASPN_STAGE: 'prod' }, reader(secret));
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: 'sign' });
    expect(config.telegram.botToken).toBeUndefined();
    expect(config.email.tokenSecret).toBe('k'.repeat(64));
    expect(config.stage).toBe('prod');
  });

  it('refuses keys outside the credential list, so the secret cannot redirect the table', async () => {
    const secret = JSON.stringify({ IASPN_TABLE_NAME: 'elsewhere', SLACK_BOT_TOKEN: 'x' });
    await expect(loadRelayConfig({ [SECRETS_ENV]: ARN }, reader(secret))).rejects.toThrow(
      /unknown keys IASPN_TABLE_NAME/,
    );
  });

  it('fails the cold start with a ConfigError that never echoes the value', async () => {
    const attempt = loadRelayConfig({ [SECRETS_ENV]: ARN }, reader('xoxb-secret-not-json'));
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.not.toThrow(/xoxb-secret/);
    await expect(
      loadRelayConfig({ [SECRETS_ENV]: ARN }, reader(JSON.stringify({ SLACK_BOT_TOKEN: 7 }))),
    ).rejects.toThrow(/non-string values for SLACK_BOT_TOKEN/);
    await expect(
      loadRelayConfig({ [SECRETS_ENV]: ARN }, async () => {
        throw new Error('AccessDenied');
      }),
    ).rejects.toThrow(`Could not read secret ${ARN}`);
  });
});

describe('powertoolsSecretReader', () => {
  it('asks the provider with the cache age and decodes binary secrets', async () => {
    const calls: unknown[] = [];
    const provider = {
      get: async (name: string, options?: unknown) => {
        calls.push([name, options]);
        return new TextEncoder().encode('{"SLACK_BOT_TOKEN":"b"}');
      },
    };
    const read = powertoolsSecretReader(provider as never, 120);
    expect(await read(ARN)).toBe('{"SLACK_BOT_TOKEN":"b"}');
    expect(calls).toEqual([[ARN, { maxAge: 120 }]]);
  });
});
