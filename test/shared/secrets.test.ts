import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requireTokenSecret, signToken, verifyToken } from '#shared/digest/tokens.js';
import { ConfigError } from '#shared/errors.js';
import {
  defaultParameterName,
  loadRelayConfig,
  parameterStoreReader,
  SECRETS,
  SECRETS_MAX_AGE_SECONDS,
  withFreshSecrets,
} from '#shared/secrets.js';
import { type LocalSsm, startLocalSsm } from '../helpers/local-ssm.js';

const SLACK = defaultParameterName('prod', 'slack');
const TOKEN = defaultParameterName('prod', 'emailToken');
const reader = (values: Record<string, string>) => async (name: string) => values[name];
const KEY1 = 'a'.repeat(64);
const KEY2 = 'b'.repeat(64);

describe('loadRelayConfig', () => {
  it('is loadConfig when no secret is bound (local stack, CLI, tests)', async () => {
    const config = await loadRelayConfig({ SLACK_BOT_TOKEN: 'xoxb-local' }, () => {
      throw new Error('must not be called');
    });
    expect(config.slack.botToken).toBe('xoxb-local');
  });

  it('merges each bound secret into the configuration; empty strings stay unset', async () => {
    const config = await loadRelayConfig(
      { [SECRETS.slack.env]: SLACK, [SECRETS.emailToken.env]: TOKEN, IASPN_STAGE: 'prod' },
      reader({
        [SLACK]: JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '' }),
        [TOKEN]: JSON.stringify({ current: 'k1', k1: KEY1 }),
      }),
    );
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: undefined });
    expect(config.email.tokenKeys).toEqual({ current: 'k1', keys: { k1: KEY1 } });
    expect(config.stage).toBe('prod');
  });

  it('refuses another consumer’s keys in a secret, so a secret cannot redirect the table either', async () => {
    const env = { [SECRETS.slack.env]: SLACK };
    await expect(
      loadRelayConfig(env, reader({ [SLACK]: JSON.stringify({ TELEGRAM_BOT_TOKEN: 'x' }) })),
    ).rejects.toThrow(/unknown keys TELEGRAM_BOT_TOKEN \(allowed: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN\)/);
    await expect(
      loadRelayConfig(env, reader({ [SLACK]: JSON.stringify({ IASPN_TABLE_NAME: 'elsewhere' }) })),
    ).rejects.toThrow(/unknown keys IASPN_TABLE_NAME/);
  });

  it('fails with a ConfigError that never echoes a value', async () => {
    const attempt = loadRelayConfig(
      { [SECRETS.slack.env]: SLACK },
      reader({ [SLACK]: 'xoxb-secret-not-json' }),
    );
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.not.toThrow(/xoxb-secret/);
    const short = loadRelayConfig(
      { [SECRETS.emailToken.env]: TOKEN },
      reader({ [TOKEN]: JSON.stringify({ current: 'k2', k1: 'short-key-value' }) }),
    );
    await expect(short).rejects.toThrow(
      /"current" must name one of its key ids; keys must be 32\+ characters/,
    );
    await expect(short).rejects.not.toThrow(/short-key-value/);
    await expect(
      loadRelayConfig({ [SECRETS.slack.env]: SLACK }, async () => {
        throw new Error('AccessDenied');
      }),
    ).rejects.toThrow(`Could not read secret ${SLACK}`);
  });
});

describe('the email-link keys', () => {
  const configWith = (secret: object) =>
    loadRelayConfig({ [SECRETS.emailToken.env]: TOKEN }, reader({ [TOKEN]: JSON.stringify(secret) })).then(
      requireTokenSecret,
    );
  const now = new Date('2026-12-06T12:00:00Z');

  it('sign new links with the current key and verify old links until their key is dropped', async () => {
    const before = await configWith({ current: 'k1', k1: KEY1 });
    const oldLink = signToken(before, 'unsubscribe', { sub: 's1' }, now);
    expect(oldLink).toMatch(/\.k1$/);

    const rotated = await configWith({ current: 'k2', k1: KEY1, k2: KEY2 });
    const newLink = signToken(rotated, 'unsubscribe', { sub: 's1' }, now);
    expect(newLink).toMatch(/\.k2$/);
    expect(verifyToken(rotated, 'unsubscribe', oldLink, now)).toMatchObject({ ok: true });
    expect(verifyToken(rotated, 'unsubscribe', newLink, now)).toMatchObject({ ok: true });
    // The key id selects the key; it cannot make a link signed with one key pass for another.
    expect(verifyToken(rotated, 'unsubscribe', newLink.replace(/\.k2$/, '.k1'), now)).toEqual({
      ok: false,
      reason: 'invalid',
    });

    const dropped = await configWith({ current: 'k2', k2: KEY2 });
    expect(verifyToken(dropped, 'unsubscribe', oldLink, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken(dropped, 'unsubscribe', newLink, now)).toMatchObject({ ok: true });
  });

  it('keep verifying links signed before keys had ids (IASPN_TOKEN_SECRET) while it is set', async () => {
    const legacy = signToken(KEY1, 'confirm', { sub: 's1' }, now);
    const config = await loadRelayConfig({ IASPN_TOKEN_SECRET: KEY1, IASPN_TOKEN_KEYS: `k2:${KEY2}` });
    const keys = requireTokenSecret(config);
    expect(verifyToken(keys, 'confirm', legacy, now)).toMatchObject({ ok: true });
    expect(signToken(keys, 'confirm', { sub: 's1' }, now)).toMatch(/\.k2$/);
  });
});

describe('withFreshSecrets through the Powertools cache, against a local Parameter Store', () => {
  let ssm: LocalSsm;
  beforeAll(async () => {
    ssm = await startLocalSsm();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await ssm?.close();
  });

  it('names one parameter per consumer under /iaspn-relay/<stage>/', () => {
    expect([SLACK, defaultParameterName('prod', 'telegram'), TOKEN]).toEqual([
      '/iaspn-relay/prod/slack',
      '/iaspn-relay/prod/telegram',
      '/iaspn-relay/prod/email-token',
    ]);
  });

  it('uses a rotated token within SECRETS_MAX_AGE_SECONDS (15 minutes), asking Parameter Store at most once in that time', async () => {
    ssm.put(SLACK, JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-old', SLACK_SIGNING_SECRET: 'sign' }));
    const calls = ssm.calls.length;
    const builds: string[] = [];
    const current = withFreshSecrets(
      { [SECRETS.slack.env]: SLACK },
      (config) => {
        builds.push(config.slack.botToken!);
        return config.slack.botToken;
      },
      parameterStoreReader(ssm.provider()),
    );
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    expect(await current()).toBe('xoxb-old');
    ssm.put(SLACK, JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-new', SLACK_SIGNING_SECRET: 'sign' }));
    expect(SECRETS_MAX_AGE_SECONDS).toBe(900);
    // Within the cache's 15 minutes: the value in hand, no new call, nothing rebuilt.
    vi.setSystemTime(Date.now() + SECRETS_MAX_AGE_SECONDS * 1000 - 1_000);
    expect(await current()).toBe('xoxb-old');
    expect(await current()).toBe('xoxb-old');
    expect(ssm.calls.slice(calls)).toEqual([{ name: SLACK, withDecryption: true }]);
    // Past them: one call, the new token, one rebuild; then the same again until the next expiry.
    vi.setSystemTime(Date.now() + 2_000);
    expect(await current()).toBe('xoxb-new');
    expect(await current()).toBe('xoxb-new');
    expect(ssm.calls.slice(calls)).toEqual([
      { name: SLACK, withDecryption: true },
      { name: SLACK, withDecryption: true },
    ]);
    expect(builds).toEqual(['xoxb-old', 'xoxb-new']);
  });

  it('reads each consumer’s parameter, the email-link keys with their ids, decrypted', async () => {
    const telegram = defaultParameterName('prod', 'telegram');
    ssm.put(telegram, JSON.stringify({ TELEGRAM_BOT_TOKEN: '42:abc', TELEGRAM_WEBHOOK_SECRET: 'hook' }));
    ssm.put(TOKEN, JSON.stringify({ current: 'k2', k1: KEY1, k2: KEY2 }));
    const config = await loadRelayConfig(
      { [SECRETS.telegram.env]: telegram, [SECRETS.emailToken.env]: TOKEN },
      parameterStoreReader(ssm.provider()),
    );
    expect(config.telegram).toMatchObject({ botToken: '42:abc', webhookSecret: 'hook' });
    expect(config.email.tokenKeys).toEqual({ current: 'k2', keys: { k1: KEY1, k2: KEY2 } });
    expect(config.slack.botToken).toBeUndefined();
  });

  it('fails on a parameter that cannot be read, naming it', async () => {
    const missing = defaultParameterName('prod', 'telegram').replace('prod', 'missing');
    const current = withFreshSecrets(
      { [SECRETS.telegram.env]: missing },
      () => 'built',
      parameterStoreReader(ssm.provider()),
    );
    await expect(current()).rejects.toThrow(`Could not read secret ${missing} from SSM Parameter Store`);
  });
});
