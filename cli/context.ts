import path from 'node:path';
import type { SESClient } from '@aws-sdk/client-ses';
import { type Env, loadConfig, type RelayConfig } from '#shared/config.js';
import { ConfigError, describeError } from '#shared/errors.js';
import { createConsoleLog, type Log, type LogLevel } from '#shared/log.js';
import { systemClock } from '#shared/runtime/clock.js';
import { createRuntime, type Runtime } from '#shared/runtime/runtime.js';
import { ensureTable } from '#shared/store/create-table.js';
import type { RunningService } from './local/services.js';
import { localTokenSecret, readRunningStack, stackWhere } from './local/stack-file.js';

/** Options every command accepts (declared once on the program in main.ts). */
export interface GlobalOptions {
  dataDir?: string;
  aws?: boolean;
  logLevel?: LogLevel;
}

/** The environment with the global flags applied on top: flags win over variables. */
export function envWithFlags(options: GlobalOptions, env: Env = process.env): Env {
  return {
    ...env,
    ...(options.dataDir ? { IASPN_DATA_DIR: options.dataDir } : {}),
    ...(options.logLevel ? { IASPN_LOG_LEVEL: options.logLevel } : {}),
  };
}

export function cliLog(config: Pick<RelayConfig, 'logLevel'>): Log {
  return createConsoleLog(config.logLevel);
}

export interface CliRuntime {
  runtime: Runtime;
  /** Where the store is: the running local stack, the data directory opened here, or AWS. */
  where: string;
  close(): Promise<void>;
}

/**
 * The runtime a CLI command works on. With `--aws`, the deployed table (AWS credentials from the
 * usual chain, IASPN_TABLE_NAME). Otherwise the running local stack's store if one is up on the
 * data directory, else the data directory opened in this process for the command's duration.
 */
/**
 * The configuration of a command that needs no store (`feeds check`): the environment and flags,
 * and, when a local stack runs on the data directory, its sample-feed server allowed like `ingest`.
 */
export function cliConfig(options: GlobalOptions, env: Env = process.env): RelayConfig {
  const baseEnv = envWithFlags(options, env);
  const stack = options.aws ? undefined : readRunningStack(path.resolve(loadConfig(baseEnv).local.dataDir));
  return loadConfig(
    stack ? { ...baseEnv, IASPN_FETCH_ALLOWED_ORIGINS: withStackFeeds(baseEnv, stack) } : baseEnv,
  );
}

/** The allowed origins plus the running stack's sample-feed server (on loopback, refused otherwise). */
const withStackFeeds = (env: Env, stack: { feedOrigin: string }) =>
  [env.IASPN_FETCH_ALLOWED_ORIGINS, stack.feedOrigin].filter(Boolean).join(',');

export async function openCliRuntime(options: GlobalOptions, env: Env = process.env): Promise<CliRuntime> {
  const baseEnv = envWithFlags(options, env);
  const base = loadConfig(baseEnv);
  const log = cliLog(base);
  if (options.aws) {
    if (!baseEnv.IASPN_TABLE_NAME)
      throw new ConfigError('IASPN_TABLE_NAME is required with --aws (see the stack outputs)');
    const config = loadConfig({
      ...baseEnv,
      IASPN_DYNAMODB_ENDPOINT: undefined,
      IASPN_SES_ENDPOINT: undefined,
    });
    return {
      runtime: createRuntime(config, log),
      where: `AWS table ${config.tableName} (${config.aws.region})`,
      close: async () => {},
    };
  }
  const dataDir = path.resolve(base.local.dataDir);
  const stack = readRunningStack(dataDir);
  if (stack) {
    const config = loadConfig({
      ...baseEnv,
      IASPN_DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      IASPN_SES_ENDPOINT: stack.sesEndpoint,
      IASPN_TOKEN_SECRET: baseEnv.IASPN_TOKEN_SECRET || localTokenSecret(dataDir),
      IASPN_PUBLIC_URL: baseEnv.IASPN_PUBLIC_URL || stack.httpUrl.replace('127.0.0.1', 'localhost'),
      IASPN_FETCH_ALLOWED_ORIGINS: withStackFeeds(baseEnv, stack),
    });
    return {
      runtime: createRuntime(config, log),
      where: stackWhere(stack, dataDir),
      close: async () => {},
    };
  }
  // Loaded here, not at the top: commands on a running stack or on AWS never load dynalite.
  const { startDynalite } = await import('./local/services.js');
  const dynamo = await startDynalite({ dataDir, host: '127.0.0.1', port: 0 });
  const config = loadConfig({
    ...baseEnv,
    IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint,
    // Where the SES emulator will listen once the first email starts it (see sesOnFirstSend).
    IASPN_SES_ENDPOINT: 'http://127.0.0.1:1',
    IASPN_TOKEN_SECRET: baseEnv.IASPN_TOKEN_SECRET || localTokenSecret(dataDir),
  });
  const ses = sesOnFirstSend();
  const runtime = createRuntime(config, log, systemClock, { onSesClient: ses.attach });
  const close = async () => {
    await ses.close();
    await dynamo.close();
  };
  try {
    await ensureTable(runtime.store.client, config.tableName);
  } catch (error) {
    await close();
    throw new ConfigError(`The local store in ${dataDir} could not be opened: ${describeError(error)}`, {
      cause: error,
    });
  }
  return { runtime, where: `data directory ${dataDir}`, close };
}

/**
 * Starts the SES emulator when a command on a data directory sends its first email (most send
 * none, and the emulator is the slowest piece to load), and points the request at it: `attach`
 * takes the runtime's SES client when it is made (on that first email), `close` stops the emulator.
 */
function sesOnFirstSend(): { attach: (ses: SESClient) => void; close: () => Promise<void> } {
  let emulator: Promise<RunningService> | undefined;
  const attach = (ses: SESClient) =>
    ses.middlewareStack.add(
      (next) => async (args) => {
        emulator ??= import('./local/services.js').then((s) =>
          s.startSesEmulator({ host: '127.0.0.1', port: 0 }),
        );
        const { hostname, port } = new URL((await emulator).endpoint);
        Object.assign(args.request as object, { hostname, port: Number(port) });
        return next(args);
      },
      { step: 'build', name: 'localSesEmulator' },
    );
  return {
    attach,
    close: async () => {
      if (emulator) await (await emulator).close();
    },
  };
}

/** Runs a command's body on a CLI runtime and always releases it. */
export async function withCliRuntime<T>(
  options: GlobalOptions,
  body: (cli: CliRuntime) => Promise<T>,
): Promise<T> {
  const cli = await openCliRuntime(options);
  try {
    return await body(cli);
  } finally {
    await cli.close();
  }
}
