import { describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';
import { ConfigError } from '#shared/errors.js';

describe('loadConfig', () => {
  it('gives the local stack its defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.local).toMatchObject({ dataDir: '.data', httpPort: 8787, sesPort: 8005 });
    expect(config.publicUrl).toBe('http://localhost:8787');
    expect(config.ingest.allowPrivateNetworks).toBe(false);
  });

  it('parses numbers, booleans and lists', () => {
    const config = loadConfig({
      IASPN_HTTP_PORT: '9000',
      IASPN_ALLOW_PRIVATE_NETWORKS: 'true',
      IASPN_ADMIN_IDS: 'slack:U1, telegram:42',
      IASPN_PUBLIC_URL: 'https://relay.example.org/',
    });
    expect(config.local.httpPort).toBe(9000);
    expect(config.ingest.allowPrivateNetworks).toBe(true);
    expect(config.adminIds).toEqual(['slack:U1', 'telegram:42']);
    expect(config.publicUrl).toBe('https://relay.example.org');
  });

  it('names the variable and the value when one is malformed', () => {
    expect(() => loadConfig({ IASPN_HTTP_PORT: 'eighty' })).toThrow(/IASPN_HTTP_PORT .*"eighty"/);
    expect(() => loadConfig({ IASPN_ALLOW_PRIVATE_NETWORKS: 'maybe' })).toThrow(ConfigError);
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ IASPN_SES_PORT: '-1', IASPN_LOG_LEVEL: 'loud' })).toThrow(
      /IASPN_SES_PORT.*IASPN_LOG_LEVEL|IASPN_LOG_LEVEL.*IASPN_SES_PORT/,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ IASPN_HTTP_PORT: '' }).local.httpPort).toBe(8787);
  });

  it('refuses out-of-range and fractional numbers, relative URLs and unknown options, naming each', () => {
    expect(() => loadConfig({ IASPN_HTTP_PORT: '70000' })).toThrow('IASPN_HTTP_PORT must be from 0 to 65535');
    expect(() => loadConfig({ IASPN_FETCH_TIMEOUT_MS: '1.5' })).toThrow(
      'IASPN_FETCH_TIMEOUT_MS must be a whole number',
    );
    expect(() => loadConfig({ IASPN_FETCH_CONCURRENCY: '0' })).toThrow(
      'IASPN_FETCH_CONCURRENCY must be above 0',
    );
    expect(() => loadConfig({ IASPN_PUBLIC_URL: '/email' })).toThrow(
      'IASPN_PUBLIC_URL must be an absolute URL',
    );
    expect(() => loadConfig({ IASPN_DIGEST_WEEKDAY: 'funday' })).toThrow(
      /IASPN_DIGEST_WEEKDAY must be one of sunday/,
    );
  });

  it('never echoes the value of a secret variable it refuses', () => {
    const secret = 'k1:too-short-to-be-a-key';
    expect(() => loadConfig({ IASPN_TOKEN_KEYS: secret })).toThrow(
      /^Invalid configuration: IASPN_TOKEN_KEYS must be/,
    );
    expect(() => loadConfig({ IASPN_TOKEN_KEYS: secret })).not.toThrow(secret);
  });

  it('keeps a URL as given, without surrounding spaces', () => {
    expect(loadConfig({ IASPN_DYNAMODB_ENDPOINT: ' http://127.0.0.1:9 ' }).aws.dynamoEndpoint).toBe(
      'http://127.0.0.1:9',
    );
  });
});
