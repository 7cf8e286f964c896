import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { type Env, loadConfig, type RelayConfig } from './config.js';
import { ConfigError } from './errors.js';

/**
 * Secrets in the deployed stack. A Lambda's environment holds only the ARN of the stage's Secrets
 * Manager secret (IASPN_SECRETS_ARN); the values are read at cold start through Powertools
 * parameters (cached for SECRETS_MAX_AGE_SECONDS) and merged into the environment that
 * `loadConfig` parses, so `loadConfig` stays the one parser and validator. Without the ARN (the
 * local stack, the CLI, tests) nothing changes: `loadRelayConfig(env)` is `loadConfig(env)`.
 *
 * The secret is a JSON object whose keys are the variables below; an empty string means "not set".
 */

/** The environment variable that carries the secret's ARN (or name). */
export const SECRETS_ENV = 'IASPN_SECRETS_ARN';

/** The only keys the secret may hold: it can set credentials, never redirect the table or endpoints. */
export const SECRET_KEYS = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'IASPN_TOKEN_SECRET',
] as const;

export type SecretKey = (typeof SECRET_KEYS)[number];

/** How long a warm Lambda reuses the values before asking Secrets Manager again (rotation pickup). */
export const SECRETS_MAX_AGE_SECONDS = 300;

/** Returns the secret's string value: Powertools' SecretsProvider in Lambda, a fake in tests. */
export type SecretReader = (secretId: string) => Promise<string | undefined>;

let defaultProvider: SecretsProvider | undefined;

/** Reads through Powertools' SecretsProvider, which caches each value for `maxAge` seconds. */
export function powertoolsSecretReader(
  provider?: Pick<SecretsProvider, 'get'>,
  maxAge = SECRETS_MAX_AGE_SECONDS,
): SecretReader {
  return async (secretId) => {
    if (!provider && !defaultProvider) defaultProvider = new SecretsProvider();
    const source = provider ?? defaultProvider!;
    const value = await source.get(secretId, { maxAge });
    if (value === undefined || typeof value === 'string') return value;
    return Buffer.from(value).toString('utf8');
  };
}

/** Parses the secret's JSON into environment entries; throws a ConfigError that never echoes values. */
export function parseSecretEnv(secretId: string, text: string | undefined): Env {
  if (text === undefined) throw new ConfigError(`Secret ${secretId} has no string value`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`Secret ${secretId} is not a JSON object (keys: ${SECRET_KEYS.join(', ')})`, {
      cause,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`Secret ${secretId} is not a JSON object (keys: ${SECRET_KEYS.join(', ')})`);
  }
  const allowed = new Set<string>(SECRET_KEYS);
  const unknown = Object.keys(data).filter((key) => !allowed.has(key));
  const notStrings = Object.entries(data)
    .filter(([, value]) => typeof value !== 'string')
    .map(([key]) => key);
  if (unknown.length || notStrings.length) {
    const problems = [
      unknown.length ? `unknown keys ${unknown.join(', ')} (allowed: ${SECRET_KEYS.join(', ')})` : '',
      notStrings.length ? `non-string values for ${notStrings.join(', ')}` : '',
    ].filter(Boolean);
    throw new ConfigError(`Secret ${secretId} is malformed: ${problems.join('; ')}`);
  }
  return data as Env;
}

/**
 * The relay's configuration with the deployed secrets merged in. Call it once at module scope
 * in a handler (`const config = await loadRelayConfig(process.env)`: top-level await in the ESM
 * bundle), so a missing or malformed secret fails the cold start, not a request.
 */
export async function loadRelayConfig(
  env: Env,
  readSecret: SecretReader = powertoolsSecretReader(),
): Promise<RelayConfig> {
  const secretId = env[SECRETS_ENV];
  if (!secretId) return loadConfig(env);
  let text: string | undefined;
  try {
    text = await readSecret(secretId);
  } catch (cause) {
    throw new ConfigError(`Could not read secret ${secretId} from Secrets Manager`, { cause });
  }
  return loadConfig({ ...env, ...parseSecretEnv(secretId, text) });
}
