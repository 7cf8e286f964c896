import { createHash } from 'node:crypto';
import { type Env, loadConfig, type RelayConfig } from './config.js';
import { ConfigError } from './errors.js';

/**
 * Secrets in the deployed stack: three SSM Parameter Store `SecureString` parameters, one per
 * consumer (`/iaspn-relay/<stage>/slack`, `/telegram`, `/email-token`), each readable only by the
 * functions that use it (infra/constructs/secrets.ts). A Lambda's environment holds only the names
 * of the parameters it may read; the values are read through Powertools parameters (decrypted with
 * the account's `aws/ssm` key), whose cache keeps each for SECRETS_MAX_AGE_SECONDS, on every
 * invocation (`withFreshSecrets`), and merged into the environment that `loadConfig` parses, so
 * `loadConfig` stays the one parser and validator. A value put with `aws ssm put-parameter` is in
 * use within fifteen minutes, without a deploy. Without the names (the local stack, the CLI, tests)
 * nothing changes: the environment is all, and no AWS client is loaded.
 */

export interface SecretDefinition {
  /** The environment variable that carries the parameter's name. */
  readonly env: string;
  /** The last segment of the parameter's default name, `/iaspn-relay/<stage>/<this>`. */
  readonly parameter: string;
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
    env: 'IASPN_SLACK_PARAMETER',
    parameter: 'slack',
    holds: 'Slack signing secret and bot token',
    keys: ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'],
  },
  telegram: {
    env: 'IASPN_TELEGRAM_PARAMETER',
    parameter: 'telegram',
    holds: 'Telegram bot token and webhook secret',
    keys: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'],
  },
  emailToken: {
    env: 'IASPN_TOKEN_PARAMETER',
    parameter: 'email-token',
    holds: 'email link signing keys (key id → HMAC key, and the current key id)',
    keys: ['current'],
  },
} as const satisfies Record<string, SecretDefinition>;

export type SecretName = keyof typeof SECRETS;

/** The parameter a stage reads for a secret unless its cdk.json block names another. */
export function defaultParameterName(stage: string, name: SecretName): string {
  return `/iaspn-relay/${stage}/${SECRETS[name].parameter}`;
}

/**
 * How long a warm Lambda reuses a value before asking Parameter Store again (rotation pickup). Each
 * read is a KMS decrypt (US$0.03 per 10,000): 15 minutes makes a third of the 5 minutes' requests
 * (docs/operations.md, issue 20's cuts), at the price of a rotated value taking up to 15 minutes to
 * reach every warm container (docs/deploy.md).
 */
export const SECRETS_MAX_AGE_SECONDS = 900;

/** A key id of the email-token secret: short, and safe in a URL. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** HMAC keys shorter than this are refused (`openssl rand -hex 32`, as docs/deploy.md makes them, gives 64). */
const MIN_KEY_LENGTH = 32;

/** Returns a secret parameter's decrypted value: Powertools' SSMProvider in Lambda, a stand-in in tests. */
export type SecretReader = (parameterName: string) => Promise<string | undefined>;

/** What the reader needs of Powertools' SSMProvider. */
export interface ParameterSource {
  get(name: string, options: { decrypt: true; maxAge: number }): Promise<string | undefined>;
}

let defaultSource: Promise<ParameterSource> | undefined;

/** One SSMProvider per container (its cache is the SECRETS_MAX_AGE_SECONDS re-read), loaded on first use. */
function ssmProvider(): Promise<ParameterSource> {
  defaultSource ??= import('@aws-lambda-powertools/parameters/ssm').then(
    ({ SSMProvider }) => new SSMProvider(),
  );
  return defaultSource;
}

/**
 * Reads `SecureString` parameters through Powertools' SSMProvider, decrypted, each cached for
 * `maxAge` seconds. Without a `source`, the provider (and the SSM client under it) is loaded on the
 * first read, so what binds no parameter never loads them.
 */
export function parameterStoreReader(
  source?: ParameterSource,
  maxAge = SECRETS_MAX_AGE_SECONDS,
): SecretReader {
  return async (parameterName) => {
    const from = source ?? (await ssmProvider());
    return from.get(parameterName, { decrypt: true, maxAge });
  };
}

function parseObject(parameterName: string, definition: SecretDefinition, text: string | undefined) {
  const shape = `a JSON object (${definition.holds})`;
  if (text === undefined) throw new ConfigError(`Secret ${parameterName} has no string value`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`Secret ${parameterName} is not ${shape}`, { cause });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`Secret ${parameterName} is not ${shape}`);
  }
  const notStrings = Object.entries(data)
    .filter(([, value]) => typeof value !== 'string')
    .map(([key]) => key);
  if (notStrings.length) {
    throw new ConfigError(
      `Secret ${parameterName} is malformed: non-string values for ${notStrings.join(', ')}`,
    );
  }
  return data as Record<string, string>;
}

/** The email-token secret as IASPN_TOKEN_KEYS (`id:key,...`, the current key first). */
function tokenKeysEnv(parameterName: string, data: Record<string, string>): Env {
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
  if (problems.length) throw new ConfigError(`Secret ${parameterName} is malformed: ${problems.join('; ')}`);
  const ordered = [current!, ...Object.keys(keys).filter((id) => id !== current)];
  return { IASPN_TOKEN_KEYS: ordered.map((id) => `${id}:${keys[id]}`).join(',') };
}

/** Parses one secret's JSON into environment entries; throws a ConfigError that never echoes values. */
export function parseSecretEnv(name: SecretName, parameterName: string, text: string | undefined): Env {
  const definition: SecretDefinition = SECRETS[name];
  const data = parseObject(parameterName, definition, text);
  if (name === 'emailToken') return tokenKeysEnv(parameterName, data);
  const unknown = Object.keys(data).filter((key) => !definition.keys.includes(key));
  if (unknown.length) {
    throw new ConfigError(
      `Secret ${parameterName} is malformed: unknown keys ${unknown.join(', ')} (allowed: ${definition.keys.join(', ')})`,
    );
  }
  return data;
}

/** Every secret the environment names, read (through the cache) and parsed; `version` changes with any value. */
async function readSecrets(env: Env, readSecret: SecretReader): Promise<{ env: Env; version: string }> {
  const bound = (Object.keys(SECRETS) as SecretName[]).filter((name) => env[SECRETS[name].env]);
  const texts = await Promise.all(
    bound.map(async (name) => {
      const parameterName = env[SECRETS[name].env]!;
      try {
        return { name, parameterName, text: await readSecret(parameterName) };
      } catch (cause) {
        throw new ConfigError(`Could not read secret ${parameterName} from SSM Parameter Store`, { cause });
      }
    }),
  );
  const merged: Env = {};
  const hash = createHash('sha256');
  for (const { name, parameterName, text } of texts) {
    Object.assign(merged, parseSecretEnv(name, parameterName, text));
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
  readSecret: SecretReader = parameterStoreReader(),
): Promise<RelayConfig> {
  const secrets = await readSecrets(env, readSecret);
  return loadConfig({ ...env, ...secrets.env });
}

/**
 * What a handler builds from its configuration (a runtime, a bot), kept while the secrets stay
 * the same: call the returned function on every invocation. It reads the secrets through the
 * cache (a Parameter Store call at most every SECRETS_MAX_AGE_SECONDS per container) and builds
 * again when a value changed, so a rotated token or key is used within fifteen minutes. Await it
 * once at module scope too: a missing or malformed secret then fails the cold start.
 */
export function withFreshSecrets<T>(
  env: Env,
  build: (config: RelayConfig) => T,
  readSecret: SecretReader = parameterStoreReader(),
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
