import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { ConfigError } from '#shared/errors.js';
import { assertPortFree, closeServer, listen } from './ports.js';
import {
  installChecksummedLevel,
  openedLevel,
  StoreDamagedError,
  sealStore,
  storeFaults,
  verifyStoreSeal,
  watchStoreDirectory,
} from './store-integrity.js';

/**
 * The store's directory, made if missing; a `--data-dir` that names a file (`--data-dir notes.txt`)
 * or a place that cannot be written is refused by name, not with Node's stack trace.
 */
function makeDataDirectory(dataDir: string, dbPath: string): void {
  try {
    mkdirSync(dbPath, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'it, or a folder on its path, is a file'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'it cannot be written here'
          : (error as Error).message;
    throw new ConfigError(
      `The data directory ${dataDir} cannot hold the local store: ${why}. Give --data-dir (or IASPN_DATA_DIR) a directory.`,
      { cause: error },
    );
  }
}

export interface RunningService {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * dynalite, the DynamoDB-compatible server, in this process. With `dataDir` it persists to LevelDB
 * under `<dataDir>/dynamodb`, checked as store-integrity.ts says (the seal of the last clean close
 * before opening, LevelDB's recovery after, a checksum on every value read, a new seal on close),
 * and a store that fails a check is a `StoreDamagedError`; without, it keeps everything in memory
 * (tests).
 */
export async function startDynalite(options: {
  dataDir?: string;
  host?: string;
  port?: number;
  /**
   * Called once when the store proves damaged while in use: a value failed its checksum, LevelDB
   * failed (dynalite throws its errors out of the request), or, with `watch`, the directory
   * vanished. It must not return: the default prints the plain message and exits with code 3.
   */
  onDamaged?: (error: StoreDamagedError) => void;
  /** Watch the data directory for deletion or replacement (a long-running stack). */
  watch?: boolean;
}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir && path.resolve(options.dataDir);
  const dbPath = dataDir && path.join(dataDir, 'dynamodb');
  if (dataDir && dbPath) {
    makeDataDirectory(dataDir, dbPath);
    verifyStoreSeal(dataDir, dbPath);
  }
  // Before dynalite loads: it takes LevelDB's class when its module loads.
  installChecksummedLevel();
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({ path: dbPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
  let faulted = false;
  const damaged = (error: StoreDamagedError) => {
    if (faulted) return;
    faulted = true;
    (options.onDamaged ?? exitDamaged)(error);
  };
  const onFault = (location: string, detail: string) => {
    if (dataDir && location === dbPath) damaged(new StoreDamagedError(dataDir, `is damaged: ${detail}`));
  };
  // dynalite rethrows a LevelDB error out of its request handler, where nothing can catch it.
  const onUncaught = (error: Error & { code?: string; cause?: Error }) => {
    if (!dataDir || !/^LEVEL_/.test(error.code ?? '')) {
      // Not the store's: what Node does without a handler, unless another handler is there for it.
      if (process.listenerCount('uncaughtException') > 1) return;
      process.stderr.write(`Uncaught ${error.stack ?? String(error)}\n`);
      process.exit(1);
    }
    damaged(
      new StoreDamagedError(dataDir, `failed: ${error.cause?.message ?? error.message}`, { cause: error }),
    );
  };
  storeFaults.on('corrupt', onFault);
  if (dataDir) process.on('uncaughtException', onUncaught);
  const stopWatching =
    dataDir && dbPath && options.watch ? watchStoreDirectory(dataDir, dbPath, damaged) : () => {};
  const unhook = () => {
    stopWatching();
    storeFaults.off('corrupt', onFault);
    process.off('uncaughtException', onUncaught);
  };
  const identity = dbPath && statSync(dbPath).ino;
  try {
    if (dataDir && dbPath) await openedLevel(dataDir, dbPath);
    const port = await listen(server, host, options.port ?? 0, 'IASPN_DYNAMODB_PORT');
    return {
      endpoint: `http://${host}:${port}`,
      close: async () => {
        // dynalite's close() also waits for LevelDB to close, which releases the directory's lock.
        unhook();
        await closeServer(server);
        // Sealed only when whole: never a store that failed a check or a directory made anew.
        if (dataDir && dbPath && !faulted && existsSync(dbPath) && statSync(dbPath).ino === identity)
          sealStore(dataDir, dbPath);
      },
    };
  } catch (error) {
    unhook();
    await closeServer(server).catch(() => undefined);
    throw error;
  }
}

/** The default for a store found damaged in use: the plain message, and exit code 3. */
export function exitDamaged(error: StoreDamagedError): never {
  process.stderr.write(`iaspn: ${error.message}\n`);
  process.exit(3);
}

/**
 * aws-ses-v2-local, the SES-compatible server with a web inbox, in this process. Loaded on the
 * first call: it is the slowest module to load, and a CLI command on a data directory rarely sends.
 */
export async function startSesEmulator(options: {
  host?: string;
  port?: number;
}): Promise<RunningService & { inboxUrl: string }> {
  const { default: sesLocal } = await import('aws-ses-v2-local');
  // A CommonJS module with `exports.default`: Node's ESM loader hands us the exports object, while
  // Vite's interop (tests) hands over `exports.default` itself.
  const sesServer = (typeof sesLocal === 'function' ? sesLocal : sesLocal.default) as typeof sesLocal.default;
  const host = options.host ?? '127.0.0.1';
  const requested = options.port ?? 0;
  await assertPortFree(host, requested, 'IASPN_SES_PORT');
  const server = await sesServer({ host, port: requested });
  const address = server.address();
  const port = address && typeof address !== 'string' ? address.port : requested;
  const endpoint = `http://${host}:${port}`;
  return { endpoint, inboxUrl: `${endpoint}/`, close: () => closeServer(server) };
}
