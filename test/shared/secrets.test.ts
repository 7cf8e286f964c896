import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requireTokenSecret, signToken, verifyToken } from '#shared/digest/tokens.js';
import { ConfigError } from '#shared/errors.js';
import { loadRelayConfig, powertoolsSecretReader, SECRETS, withFreshSecrets } from '#shared/secrets.js';

const arn = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:iaspn-relay/prod/${name}-AbCdEf`;
const SLACK = arn('slack');
const TOKEN = arn('email-token');
const reader = (values: Record<string, string>) => async (id: string) => values[id];
const KEY1 = 'a'.repeat(64);
const KEY2 = 'b'.repeat(64);

/**
 * A local Secrets Manager: GetSecretValue over the AWS JSON protocol, from `values`, counting calls.
 * The real Powertools SecretsProvider (with its cache) talks to it.
 */
async function startSecretsManager(values: Record<string, string>) {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      calls.push(SecretId);
      const value = values[SecretId];
      res.writeHead(value === undefined ? 400 : 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify(
          value === undefined
            ? { __type: 'ResourceNotFoundException', message: 'not found' }
            : { ARN: SecretId, Name: SecretId, SecretString: value, VersionId: `v${calls.length}` },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    provider: new SecretsProvider({
      clientConfig: {
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      },
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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

describe('withFreshSecrets through the Powertools cache', () => {
  let sm: Awaited<ReturnType<typeof startSecretsManager>>;
  const values: Record<string, string> = {};
  beforeAll(async () => {
    sm = await startSecretsManager(values);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await sm?.close();
  });

  it('uses a rotated token within five minutes, asking Secrets Manager at most once per five minutes', async () => {
    values[SLACK] = JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-old', SLACK_SIGNING_SECRET: 'sign' });
    const builds: string[] = [];
    const current = withFreshSecrets(
      { [SECRETS.slack.env]: SLACK },
      (config) => {
        builds.push(config.slack.botToken!);
        return config.slack.botToken;
      },
      powertoolsSecretReader(sm.provider),
    );
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    expect(await current()).toBe('xoxb-old');
    values[SLACK] = JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-new', SLACK_SIGNING_SECRET: 'sign' });
    // Within the cache's five minutes: the value in hand, no new call, nothing rebuilt.
    vi.setSystemTime(Date.now() + 299_000);
    expect(await current()).toBe('xoxb-old');
    expect(await current()).toBe('xoxb-old');
    expect(sm.calls).toEqual([SLACK]);
    // Past them: one call, the new token, one rebuild; then the same again until the next expiry.
    vi.setSystemTime(Date.now() + 2_000);
    expect(await current()).toBe('xoxb-new');
    expect(await current()).toBe('xoxb-new');
    expect(sm.calls).toEqual([SLACK, SLACK]);
    expect(builds).toEqual(['xoxb-old', 'xoxb-new']);
  });

  it('fails on a secret that cannot be read, naming it', async () => {
    const current = withFreshSecrets(
      { [SECRETS.telegram.env]: arn('missing') },
      () => 'built',
      powertoolsSecretReader(sm.provider),
    );
    await expect(current()).rejects.toThrow(`Could not read secret ${arn('missing')}`);
  });
});
