import { ConfigError } from './errors.js';
import type { LogLevel } from './log.js';

/**
 * The relay's configuration, parsed and validated once from the environment. Core functions take
 * the typed result as an argument and never read `process.env` themselves.
 *
 * Every variable has a default fit for the embedded local stack, so `npm start` needs none.
 *
 * Parsed by the small readers below rather than a schema library: every Lambda loads this module
 * at its cold start, and a zod schema of forty variables cost each one its library (90 KB) and the
 * building of the schema before the first line of the handler ran (docs/operations.md, cold starts).
 */

/** A variable's value is not acceptable: `message` completes "<NAME> ...". */
class Invalid {
  constructor(readonly message: string) {}
}

/** Reads one variable: its value (never empty: empty strings count as unset) or undefined. */
type Reader<T> = (value: string | undefined) => T;

function integer(options: {
  type: string;
  min: number;
  minMessage: string;
  max?: number;
  maxMessage?: string;
}) {
  return (fallback: number): Reader<number> =>
    (value) => {
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Invalid(options.type);
      if (!Number.isSafeInteger(n)) throw new Invalid('must be a whole number');
      if (n < options.min) throw new Invalid(options.minMessage);
      if (options.max !== undefined && n > options.max) throw new Invalid(options.maxMessage!);
      return n;
    };
}

const port = integer({
  type: 'must be a port number',
  min: 0,
  minMessage: 'must be from 0 to 65535',
  max: 65535,
  maxMessage: 'must be from 0 to 65535',
});

const positiveInt = integer({ type: 'must be a number', min: 1, minMessage: 'must be above 0' });

function oneOf<const T extends string>(values: readonly T[], message?: string) {
  const error =
    message ?? `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join('|')}`;
  function read(fallback: T): Reader<T>;
  function read(): Reader<T | undefined>;
  function read(fallback?: T): Reader<T | undefined> {
    return (value) => {
      if (value === undefined) return fallback;
      if (!(values as readonly string[]).includes(value)) throw new Invalid(error);
      return value as T;
    };
  }
  return read;
}

const bool = (fallback: boolean): Reader<boolean> => {
  const read = oneOf(
    ['true', 'false', '1', '0', 'yes', 'no'],
    'must be true or false',
  )(fallback ? 'true' : 'false');
  return (value) => {
    const v = read(value);
    return v === 'true' || v === '1' || v === 'yes';
  };
};

/** A string, optionally matching `pattern` (else `message`), of `minLength` characters or more. */
function text(
  fallback: string,
  check?: { pattern?: RegExp; message?: string; minLength?: number },
): Reader<string>;
function text(
  fallback: undefined,
  check?: { pattern?: RegExp; message?: string; minLength?: number },
): Reader<string | undefined>;
function text(
  fallback: string | undefined,
  check: { pattern?: RegExp; message?: string; minLength?: number } = {},
): Reader<string | undefined> {
  return (value) => {
    if (value === undefined) return fallback;
    if (check.minLength !== undefined && value.length < check.minLength)
      throw new Invalid(`Too small: expected string to have >=${check.minLength} characters`);
    if (check.pattern && !check.pattern.test(value)) throw new Invalid(check.message ?? 'Invalid string');
    return value;
  };
}

/** An absolute URL (surrounding spaces, and tabs and newlines inside, dropped). */
const optionalUrl: Reader<string | undefined> = (value) => {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) throw new Invalid('must be an absolute URL');
  return trimmed.replace(/[\t\n\r]/g, '');
};

const optionalSecret = text(undefined);

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const ENV = {
  IASPN_STAGE: text('local', {
    pattern: /^[a-z][a-z0-9-]{0,20}$/,
    message: 'must be a short lower-case name',
  }),
  IASPN_LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error', 'silent'])('info'),
  IASPN_TABLE_NAME: text('iaspn-relay', {
    pattern: /^[A-Za-z0-9_.-]{3,255}$/,
    message: 'must be a DynamoDB table name',
  }),
  AWS_REGION: text('us-east-1'),
  IASPN_DYNAMODB_ENDPOINT: optionalUrl,
  IASPN_SES_ENDPOINT: optionalUrl,
  IASPN_DATA_DIR: text('.data'),
  IASPN_HOST: text('127.0.0.1'),
  IASPN_HTTP_PORT: port(8787),
  IASPN_SES_PORT: port(8005),
  IASPN_FEEDS_PORT: port(8788),
  IASPN_DYNAMODB_PORT: port(0),
  IASPN_PUBLIC_URL: optionalUrl,
  IASPN_ALLOW_PRIVATE_NETWORKS: bool(false),
  IASPN_FETCH_ALLOWED_ORIGINS: text(''),
  IASPN_CYCLE_INTERVAL_MINUTES: positiveInt(15),
  IASPN_FETCH_TIMEOUT_MS: positiveInt(20_000),
  IASPN_FETCH_MAX_BYTES: positiveInt(15 * 1024 * 1024),
  IASPN_FETCH_CONCURRENCY: positiveInt(8),
  IASPN_FETCH_PER_HOST: positiveInt(2),
  IASPN_INGEST_FAN_OUT_ABOVE: positiveInt(100),
  IASPN_INGEST_QUEUE_URL: optionalUrl,
  IASPN_FEED_FAILURES_QUEUE_URL: optionalUrl,
  IASPN_INGEST_WORKERS_MAPPING: text(undefined),
  IASPN_CYCLE_NEXT_FUNCTION: text(undefined),
  IASPN_MAX_NEW_ITEMS_PER_FEED: positiveInt(200),
  IASPN_FEED_FAILURES_BEFORE_PAUSE: positiveInt(10),
  IASPN_SENDER_EMAIL: text('IASPN Knowledge Portal <digest@iaspn.local>', { minLength: 3 }),
  IASPN_SES_CONFIGURATION_SET: text(undefined),
  IASPN_SES_RATE_PER_SECOND: positiveInt(14),
  IASPN_SES_DAILY_QUOTA: positiveInt(50_000),
  IASPN_DIGEST_MAX_ITEMS: positiveInt(20),
  IASPN_DIGEST_WEEKDAY: oneOf(WEEKDAYS, `must be one of ${WEEKDAYS.join(', ')}`)('monday'),
  IASPN_TOKEN_SECRET: optionalSecret,
  IASPN_TOKEN_KEYS: text(undefined, {
    pattern: /^[A-Za-z0-9_-]{1,32}:[^,:\s]{32,}(,[A-Za-z0-9_-]{1,32}:[^,:\s]{32,})*$/,
    message: 'must be id:key pairs separated by commas, the current key first (keys of 32+ characters)',
  }),
  IASPN_DIGEST_QUEUE_URL: optionalUrl,
  IASPN_DIGEST_WORKERS_MAPPING: text(undefined),
  IASPN_ANNOUNCE_MAX_SINGLE_POSTS: positiveInt(5),
  IASPN_ADMIN_CHANNEL: text(undefined, {
    pattern: /^(slack|telegram|console):[^:\s]+:[^\s]+$/,
    message: 'must be platform:workspace:channel, e.g. slack:T0123:C0456 or telegram:bot:-100123',
  }),
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_API_URL: optionalUrl,
  TELEGRAM_BOT_TOKEN: optionalSecret,
  TELEGRAM_WEBHOOK_SECRET: optionalSecret,
  TELEGRAM_API_ROOT: optionalUrl,
  IASPN_ADMIN_IDS: text(''),
} satisfies Record<string, Reader<unknown>>;

type ParsedEnv = { [K in keyof typeof ENV]: ReturnType<(typeof ENV)[K]> };

/** Never echoed in an error message. */
const SECRET_VARIABLES = new Set([
  'IASPN_TOKEN_SECRET',
  'IASPN_TOKEN_KEYS',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
]);

/**
 * The email-link signing keys: IASPN_TOKEN_KEYS (`id:key,...`, deployed: from the email-token
 * secret) with the first current, and IASPN_TOKEN_SECRET (local stack, CLI) as the key without an
 * id, current when there is no IASPN_TOKEN_KEYS.
 */
function tokenKeys(list: string | undefined, legacy: string | undefined): RelayConfig['email']['tokenKeys'] {
  const pairs = (list ? list.split(',') : []).map((pair) => {
    const at = pair.indexOf(':');
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  if (legacy) pairs.push(['', legacy]);
  if (!pairs.length) return undefined;
  return { current: pairs[0]![0], keys: Object.fromEntries(pairs) };
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `slack:T0123:C0456` → its parts (the format is checked by the schema). */
function parseChannel(value: string | undefined): RelayConfig['announce']['adminChannel'] {
  if (!value) return undefined;
  const [platform, workspaceId, ...rest] = value.split(':');
  return {
    platform: platform as 'slack' | 'telegram' | 'console',
    workspaceId: workspaceId!,
    channelId: rest.join(':'),
  };
}

export type Env = Record<string, string | undefined>;

export interface RelayConfig {
  stage: string;
  logLevel: LogLevel;
  aws: { region: string; dynamoEndpoint?: string; sesEndpoint?: string };
  tableName: string;
  local: {
    dataDir: string;
    host: string;
    httpPort: number;
    sesPort: number;
    feedsPort: number;
    dynamoPort: number;
  };
  /** Base URL of the HTTP endpoints (subscription pages, webhooks) as users reach them. */
  publicUrl: string;
  /**
   * `cycleMinutes`: how often the local stack starts a cycle (shared/cycle.ts; deployed: `schedules.cycle`
   * in cdk.json); `nextFunction`: the deployed function of
   * the job after this one, for a job that hands over itself (shared/cycle.ts `handsOver`).
   */
  schedule: { cycleMinutes: number; nextFunction?: string };
  ingest: {
    allowPrivateNetworks: boolean;
    /** Origins (`http://127.0.0.1:8788`) fetched even though private: the local stack's feed server. */
    allowedOrigins: string[];
    fetchTimeoutMs: number;
    fetchMaxBytes: number;
    concurrency: number;
    /** Fetches of one host in flight at once, across every worker (shared/ingest/politeness.ts). */
    perHost: number;
    /**
     * Active feeds one run fetches itself; above, it fans out to the ingest queue (shared/ingest/fanout.ts).
     * 100: at 8 fetches in flight and a 20 s deadline, what a 5-minute run finishes if every fetch takes its whole deadline.
     */
    fanOutAbove: number;
    /** The ingest fan-out queue (deployed); without it the local stack's in-process queue serves. */
    queueUrl?: string;
    /** The workers' event source mapping (deployed): on only while ingest fans out. */
    workersMapping?: string;
    /** Where a run that had failed feeds reports them (deployed: the FeedsFailing alarm counts the reports). */
    failureReportsUrl?: string;
    maxNewItemsPerFeed: number;
    failuresBeforePause: number;
  };
  email: {
    sender: string;
    configurationSet?: string;
    ratePerSecond: number;
    /** The SES daily quota to warn at 80% of (when lower than SES's own; email.dailyQuota in cdk.json). */
    dailyQuota: number;
    digestMaxItems: number;
    weeklyDigestDay: (typeof WEEKDAYS)[number];
    /** HMAC key for confirmation and unsubscribe tokens; the local stack derives one per data dir. */
    tokenSecret?: string;
    /**
     * Every key that verifies email links, by key id (`''`: IASPN_TOKEN_SECRET), and the id of the
     * one that signs new links.
     */
    tokenKeys?: { current: string; keys: Readonly<Record<string, string>> };
    /** SQS queue the scheduled digest run fans out to (deployed stack); unset: batches run inline. */
    digestQueueUrl?: string;
    /** The digest workers' event source mapping (deployed: created off), switched by the digest run. */
    digestWorkersMapping?: string;
  };
  announce: {
    maxSinglePostsPerChannel: number;
    /** Where the relay tells admins that a channel was paused (IASPN_ADMIN_CHANNEL), if anywhere. */
    adminChannel?: { platform: 'slack' | 'telegram' | 'console'; workspaceId: string; channelId: string };
  };
  slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  telegram: { botToken?: string; webhookSecret?: string; apiRoot?: string };
  /** Platform user ids (`slack:U123`, `telegram:42`) allowed to run admin commands. */
  adminIds: string[];
}

/** Parses and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env): RelayConfig {
  // Empty strings count as unset, as in most twelve-factor tools.
  const present = (name: string) => (env[name] === '' ? undefined : env[name]);
  const problems: string[] = [];
  const e = {} as Record<string, unknown>;
  for (const [name, read] of Object.entries(ENV) as [string, Reader<unknown>][]) {
    const got = present(name);
    try {
      e[name] = read(got);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const shown = got === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(got)})`;
      problems.push(`${name} ${error.message}${shown}`);
    }
  }
  if (problems.length) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return toConfig(e as ParsedEnv);
}

function toConfig(e: ParsedEnv): RelayConfig {
  return {
    stage: e.IASPN_STAGE,
    logLevel: e.IASPN_LOG_LEVEL,
    aws: {
      region: e.AWS_REGION,
      dynamoEndpoint: e.IASPN_DYNAMODB_ENDPOINT,
      sesEndpoint: e.IASPN_SES_ENDPOINT,
    },
    tableName: e.IASPN_TABLE_NAME,
    local: {
      dataDir: e.IASPN_DATA_DIR,
      host: e.IASPN_HOST,
      httpPort: e.IASPN_HTTP_PORT,
      sesPort: e.IASPN_SES_PORT,
      feedsPort: e.IASPN_FEEDS_PORT,
      dynamoPort: e.IASPN_DYNAMODB_PORT,
    },
    publicUrl: (e.IASPN_PUBLIC_URL ?? `http://localhost:${e.IASPN_HTTP_PORT}`).replace(/\/+$/, ''),
    schedule: { cycleMinutes: e.IASPN_CYCLE_INTERVAL_MINUTES, nextFunction: e.IASPN_CYCLE_NEXT_FUNCTION },
    ingest: {
      allowPrivateNetworks: e.IASPN_ALLOW_PRIVATE_NETWORKS,
      allowedOrigins: splitList(e.IASPN_FETCH_ALLOWED_ORIGINS),
      fetchTimeoutMs: e.IASPN_FETCH_TIMEOUT_MS,
      fetchMaxBytes: e.IASPN_FETCH_MAX_BYTES,
      concurrency: e.IASPN_FETCH_CONCURRENCY,
      perHost: e.IASPN_FETCH_PER_HOST,
      fanOutAbove: e.IASPN_INGEST_FAN_OUT_ABOVE,
      queueUrl: e.IASPN_INGEST_QUEUE_URL,
      failureReportsUrl: e.IASPN_FEED_FAILURES_QUEUE_URL,
      workersMapping: e.IASPN_INGEST_WORKERS_MAPPING,
      maxNewItemsPerFeed: e.IASPN_MAX_NEW_ITEMS_PER_FEED,
      failuresBeforePause: e.IASPN_FEED_FAILURES_BEFORE_PAUSE,
    },
    email: {
      sender: e.IASPN_SENDER_EMAIL,
      configurationSet: e.IASPN_SES_CONFIGURATION_SET,
      ratePerSecond: e.IASPN_SES_RATE_PER_SECOND,
      dailyQuota: e.IASPN_SES_DAILY_QUOTA,
      digestMaxItems: e.IASPN_DIGEST_MAX_ITEMS,
      weeklyDigestDay: e.IASPN_DIGEST_WEEKDAY,
      tokenSecret: e.IASPN_TOKEN_SECRET,
      tokenKeys: tokenKeys(e.IASPN_TOKEN_KEYS, e.IASPN_TOKEN_SECRET),
      digestQueueUrl: e.IASPN_DIGEST_QUEUE_URL,
      digestWorkersMapping: e.IASPN_DIGEST_WORKERS_MAPPING,
    },
    announce: {
      maxSinglePostsPerChannel: e.IASPN_ANNOUNCE_MAX_SINGLE_POSTS,
      adminChannel: parseChannel(e.IASPN_ADMIN_CHANNEL),
    },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    },
    telegram: {
      botToken: e.TELEGRAM_BOT_TOKEN,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      apiRoot: e.TELEGRAM_API_ROOT,
    },
    adminIds: splitList(e.IASPN_ADMIN_IDS),
  };
}

/** The variables the schema knows, with their defaults: the README's configuration table. */
export const CONFIG_VARIABLES = Object.keys(ENV);
