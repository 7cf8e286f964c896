import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Env, loadConfig, type RelayConfig } from '#shared/config.js';
import type { JobName } from '#shared/cycle.js';
import { ConfigError, describeError } from '#shared/errors.js';
import { recordRun } from '#shared/health.js';
import { JOBS, type Job } from '#shared/jobs.js';
import type { Log } from '#shared/log.js';
import { createRuntime, type Runtime } from '#shared/runtime/runtime.js';
import { ensureTable } from '#shared/store/create-table.js';
import { type CycleHooks, type CycleResult, createCycleRunner } from './cycle.js';
import { startFeedServer } from './feed-server.js';
import { startHttpServer } from './http-server.js';
import { closeServer } from './ports.js';
import { localRoutes } from './routes.js';
import { LOCAL_SEEDS } from './seeds.js';
import { exitDamaged, startDynalite, startSesEmulator } from './services.js';
import {
  localTokenSecret,
  newAdminToken,
  processStartTime,
  readRunningStack,
  removeStackFile,
  writeStackFile,
} from './stack-file.js';
import { restoreLastGood } from './store-integrity.js';

export type { CycleResult };

export interface LocalStack {
  runtime: Runtime;
  urls: { http: string; inbox: string; dynamo: string; ses: string; feeds: string };
  routes: { path: string; describe: string }[];
  /**
   * One cycle of every job, in order (shared/cycle.ts); a failing job is reported and the next
   * still runs. Called while a cycle runs, it returns that cycle's results: cycles never overlap.
   */
  runCycle(): Promise<CycleResult[]>;
  /** Starts a cycle every IASPN_CYCLE_INTERVAL_MINUTES until close(), never two at once. */
  schedule(hooks: CycleHooks): void;
  close(): Promise<void>;
}

/**
 * The embedded local stack: dynalite on the data directory, the SES emulator with its web inbox,
 * a server for the sample partner feeds, the HTTP endpoints on one port, and the scheduled jobs.
 */
export async function startLocalStack(
  env: Env,
  log: Log,
  options: { reset?: boolean; restore?: boolean; jobs?: Job[] } = {},
): Promise<LocalStack> {
  const base: RelayConfig = loadConfig(env);
  const dataDir = path.resolve(base.local.dataDir);
  const running = readRunningStack(dataDir);
  if (running) {
    throw new ConfigError(
      `A local stack (pid ${running.pid}) is already running on ${dataDir} at ${running.httpUrl}: stop it, or choose another data directory with --data-dir or IASPN_DATA_DIR`,
    );
  }
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  else if (options.restore) restoreLastGood(dataDir);
  mkdirSync(dataDir, { recursive: true });

  const { host } = base.local;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
    closers.length = 0;
  };
  try {
    // A store damaged or deleted under the running stack stops it with a plain message (exit 3).
    const dynamo = await startDynalite({
      dataDir,
      host,
      port: base.local.dynamoPort,
      watch: true,
      onDamaged: (error) => {
        removeStackFile(dataDir);
        exitDamaged(error);
      },
    });
    closers.push(dynamo.close);
    const ses = await startSesEmulator({ host, port: base.local.sesPort });
    closers.push(ses.close);
    const feeds = await startFeedServer({ host, port: base.local.feedsPort });
    closers.push(feeds.close);

    const http = await startHttpServer({ host, port: base.local.httpPort, log });
    closers.push(() => closeServer(http.server));
    const httpPort = http.port;

    const config = loadConfig({
      ...env,
      IASPN_DATA_DIR: dataDir,
      IASPN_HTTP_PORT: String(httpPort),
      IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint,
      IASPN_SES_ENDPOINT: ses.endpoint,
      IASPN_PUBLIC_URL: env.IASPN_PUBLIC_URL || `http://localhost:${httpPort}`,
      IASPN_TOKEN_SECRET: env.IASPN_TOKEN_SECRET || localTokenSecret(dataDir),
      // The local stack may fetch its own sample-feed server and nothing else private.
      IASPN_FETCH_ALLOWED_ORIGINS: [env.IASPN_FETCH_ALLOWED_ORIGINS, feeds.origin].filter(Boolean).join(','),
    });
    const runtime = createRuntime(config, log);
    const adminToken = newAdminToken();
    const routes = localRoutes(runtime, { adminToken });

    try {
      await ensureTable(runtime.store.client, config.tableName);
    } catch (error) {
      throw new ConfigError(
        `The local store in ${dataDir} could not be opened (${describeError(error)}); another process may hold it: stop it or choose --data-dir`,
        { cause: error },
      );
    }
    for (const { name, seed } of LOCAL_SEEDS) {
      await seed(runtime, { feedOrigin: feeds.origin, sampleDir: feeds.dir }).catch((error) =>
        log.warn('local seed failed', { seed: name, error: describeError(error) }),
      );
    }

    http.mount(routes);
    const urls = {
      http: `http://${host}:${httpPort}`,
      inbox: ses.inboxUrl,
      dynamo: dynamo.endpoint,
      ses: ses.endpoint,
      feeds: feeds.origin,
    };
    writeStackFile(dataDir, {
      pid: process.pid,
      processStart: processStartTime(process.pid),
      startedAt: new Date().toISOString(),
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      inboxUrl: ses.inboxUrl,
      httpUrl: urls.http,
      feedOrigin: feeds.origin,
      adminToken,
    });
    closers.unshift(async () => removeStackFile(dataDir));

    let hooks: CycleHooks = {};
    const cycle = createCycleRunner(options.jobs ?? JOBS, runtime, {
      onResult: (r) => hooks.onResult?.(r),
      onCycle: (r) => hooks.onCycle?.(r),
      onSkipped: () => hooks.onSkipped?.(),
      record: (r) =>
        recordRun(runtime, r.job as JobName, r.ok ? { summary: r.summary ?? {} } : { error: r.error }),
    });
    closers.push(() => cycle.stop());
    return {
      runtime,
      urls,
      routes: routes.map((r) => ({ path: r.prefix, describe: r.describe })),
      runCycle: () => cycle.run(),
      schedule(scheduled) {
        hooks = scheduled;
        cycle.start(config.schedule.cycleMinutes * 60_000);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
