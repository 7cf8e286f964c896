import { createHash } from 'node:crypto';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { type Env, loadConfig, type RelayConfig } from './config.js';
import { ConfigError } from './errors.js';

/**
 * Secrets in the deployed stack: three Secrets Manager secrets, one per consumer, each granted
 * only to the functions that use it (infra/constructs/secrets.ts). A Lambda's environment holds
 * only the ARNs of the secrets it may read; the values are read through Powertools parameters,
 * whose cache keeps each for SECRETS_MAX_AGE_SECONDS, on every invocation (`withFreshSecrets`),
 * and merged into the environment that `loadConfig` parses, so `loadConfig` stays the one parser
 * and validator. A value put in Secrets Manager is in use within five minutes, without a deploy.
 * Without the ARNs (the local stack, the CLI, tests) nothing changes: the environment is all.
 */

export interface SecretDefinition {
  /** The environment variable that carries the secret's ARN (or name). */
  readonly env: string;
  /** What it holds, for descriptions and errors. */
  readonly holds: string;
  /** The keys of its JSON object: configuration variables (empty string = not set). */
  readonly keys: readonly string[];
}

/**
 * The secrets by consumer. The email-token secret is different: its JSON maps key ids to HMAC keys
 * and names the `current` one, `{"current":"k2","k1":"…","k2":"…"}`: links are signed with the
 * current key and carry its id; links signed with any key still listed keep verifying until they
 * expire (a year for unsubscribe links), so a rotation adds a key and makes it current, and the old
 * key is dropped a year later.
 */
export const SECRETS = {
  slack: {
    env: 'IASPN_SLACK_SECRET_ARN',
    holds: 'Slack signing secret and bot token',
    keys: ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'],
  },
  telegram: {
    env: 'IASPN_TELEGRAM_SECRET_ARN',
    holds: 'Telegram bot token and webhook secret',
    keys: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'],
  },
  emailToken: {
    env: 'IASPN_TOKEN_SECRET_ARN',
    holds: 'email link signing keys (key id → HMAC key, and the current key id)',
    keys: ['current'],
  },
} as const satisfies Record<string, SecretDefinition>;

export type SecretName = keyof typeof SECRETS;

/** How long a warm Lambda reuses a value before asking Secrets Manager again (rotation pickup). */
export const SECRETS_MAX_AGE_SECONDS = 300;

/** A key id of the email-token secret: short, and safe in a URL. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** HMAC keys shorter than this are refused (Secrets Manager generates 64 characters). */
const MIN_KEY_LENGTH = 32;

/** Returns the secret's string value: Powertools' SecretsProvider in Lambda, a stand-in in tests. */
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

function parseObject(secretId: string, definition: SecretDefinition, text: string | undefined) {
  const shape = `a JSON object (${definition.holds})`;
  if (text === undefined) throw new ConfigError(`Secret ${secretId} has no string value`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`Secret ${secretId} is not ${shape}`, { cause });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`Secret ${secretId} is not ${shape}`);
  }
  const notStrings = Object.entries(data)
    .filter(([, value]) => typeof value !== 'string')
    .map(([key]) => key);
  if (notStrings.length) {
    throw new ConfigError(`Secret ${secretId} is malformed: non-string values for ${notStrings.join(', ')}`);
  }
  return data as Record<string, string>;
}

/** The email-token secret as IASPN_TOKEN_KEYS (`id:key,...`, the current key first). */
function tokenKeysEnv(secretId: string, data: Record<string, string>): Env {
  const { current, ...keys } = data;
  const problems: string[] = [];
  if (!current || !(current in keys)) problems.push('"current" must name one of its key ids');
  const badIds = Object.keys(keys).filter((id) => !KEY_ID.test(id));
  if (badIds.length) problems.push(`key ids must be 1-32 letters, digits, - or _ (got ${badIds.join(', ')})`);
  const short = Object.entries(keys)
    .filter(([, key]) => key.length < MIN_KEY_LENGTH || /[,:\s]/.test(key))
    .map(([id]) => id);
  if (short.length) {
    problems.push(`keys must be ${MIN_KEY_LENGTH}+ characters without , : or spaces (${short.join(', ')})`);
  }
  if (problems.length) throw new ConfigError(`Secret ${secretId} is malformed: ${problems.join('; ')}`);
  const ordered = [current!, ...Object.keys(keys).filter((id) => id !== current)];
  return { IASPN_TOKEN_KEYS: ordered.map((id) => `${id}:${keys[id]}`).join(',') };
}

/** Parses one secret's JSON into environment entries; throws a ConfigError that never echoes values. */
export function parseSecretEnv(name: SecretName, secretId: string, text: string | undefined): Env {
  const definition: SecretDefinition = SECRETS[name];
  const data = parseObject(secretId, definition, text);
  if (name === 'emailToken') return tokenKeysEnv(secretId, data);
  const unknown = Object.keys(data).filter((key) => !definition.keys.includes(key));
  if (unknown.length) {
    throw new ConfigError(
      `Secret ${secretId} is malformed: unknown keys ${unknown.join(', ')} (allowed: ${definition.keys.join(', ')})`,
    );
  }
  return data;
}

/** Every secret the environment names, read (through the cache) and parsed; `version` changes with any value. */
async function readSecrets(env: Env, readSecret: SecretReader): Promise<{ env: Env; version: string }> {
  const bound = (Object.keys(SECRETS) as SecretName[]).filter((name) => env[SECRETS[name].env]);
  const texts = await Promise.all(
    bound.map(async (name) => {
      const secretId = env[SECRETS[name].env]!;
      try {
        return { name, secretId, text: await readSecret(secretId) };
      } catch (cause) {
        throw new ConfigError(`Could not read secret ${secretId} from Secrets Manager`, { cause });
      }
    }),
  );
  const merged: Env = {};
  const hash = createHash('sha256');
  for (const { name, secretId, text } of texts) {
    Object.assign(merged, parseSecretEnv(name, secretId, text));
    hash.update(`${name}\0${text}\0`);
  }
  return { env: merged, version: hash.digest('hex') };
}

/**
 * The relay's configuration with the deployed secrets merged in, read once (the CLI, scripts).
 * Handlers use `withFreshSecrets`, which re-reads them on each invocation.
 */
export async function loadRelayConfig(
  env: Env,
  readSecret: SecretReader = powertoolsSecretReader(),
): Promise<RelayConfig> {
  const secrets = await readSecrets(env, readSecret);
  return loadConfig({ ...env, ...secrets.env });
}

/**
 * What a handler builds from its configuration (a runtime, a bot), kept while the secrets stay
 * the same: call the returned function on every invocation. It reads the secrets through the
 * cache (a Secrets Manager call at most every SECRETS_MAX_AGE_SECONDS per container) and builds
 * again when a value changed, so a rotated token or key is used within five minutes. Await it
 * once at module scope too: a missing or malformed secret then fails the cold start.
 */
export function withFreshSecrets<T>(
  env: Env,
  build: (config: RelayConfig) => T,
  readSecret: SecretReader = powertoolsSecretReader(),
): () => Promise<T> {
  let built: { version: string; value: T } | undefined;
  return async () => {
    const secrets = await readSecrets(env, readSecret);
    if (built?.version === secrets.version) return built.value;
    const value = build(loadConfig({ ...env, ...secrets.env }));
    built = { version: secrets.version, value };
    return value;
  };
}
