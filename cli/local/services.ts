import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import dynalite from 'dynalite';
import { assertPortFree, closeServer, listen } from './ports.js';

export interface RunningService {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * dynalite, the DynamoDB-compatible server, in this process. With `dataDir` it persists to LevelDB
 * under `<dataDir>/dynamodb`; without, it keeps everything in memory (tests).
 */
export async function startDynalite(options: {
  dataDir?: string;
  host?: string;
  port?: number;
}): Promise<RunningService> {
  const host = options.host ?? '127.0.0.1';
  let dbPath: string | undefined;
  if (options.dataDir) {
    dbPath = path.resolve(options.dataDir, 'dynamodb');
    mkdirSync(dbPath, { recursive: true });
  }
  const server = dynalite({ path: dbPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
  const port = await listen(server, host, options.port ?? 0, 'IASPN_DYNAMODB_PORT');
  return {
    endpoint: `http://${host}:${port}`,
    // dynalite's close() also waits for LevelDB to close, which releases the directory's lock.
    close: () => closeServer(server),
  };
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
