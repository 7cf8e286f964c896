import http from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { startHttpServer } from '#cli/local/http-server.js';
import { closeServer } from '#cli/local/ports.js';
import { localRoutes } from '#cli/local/routes.js';
import { silentLog } from '#shared/log.js';
import type { Clock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from './local-services.js';

export interface LocalHttp {
  runtime: Runtime;
  /** `http://127.0.0.1:<port>`, the stack's public URL. */
  base: string;
  close(): Promise<void>;
}

/**
 * The local stack's HTTP port as `npm start` serves it (the same server and route table), over
 * the test services' dynalite and aws-ses-v2-local, on a table of its own.
 */
export async function startLocalHttp(
  services: TestServices,
  overrides: Record<string, string> = {},
  clock?: Clock,
): Promise<LocalHttp> {
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLog });
  const base = `http://127.0.0.1:${server.port}`;
  const runtime = await services.newRuntime({ IASPN_PUBLIC_URL: base, ...overrides }, clock);
  server.mount(localRoutes(runtime));
  return { runtime, base, close: () => closeServer(server.server) };
}

/**
 * A test file's local HTTP port over its own test services, started before its tests and closed
 * after them: `const local = useLocalHttp();` then `local.stack.base`, `local.services`.
 */
export function useLocalHttp(options: { ses?: boolean } = {}): { services: TestServices; stack: LocalHttp } {
  const local = {} as { services: TestServices; stack: LocalHttp };
  beforeAll(async () => {
    local.services = await startTestServices(options);
    local.stack = await startLocalHttp(local.services);
  });
  afterAll(async () => {
    await local.stack?.close();
    await local.services?.close();
  });
  return local;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request from a chosen local address (127.0.0.2 is a second client IP on loopback),
 * the body written as given (a string, bytes, or chunks written one by one without a length).
 */
export function request(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | Buffer[];
    from?: string;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (Array.isArray(body)) {
      const write = (i: number): void => {
        if (i >= body.length || req.destroyed) {
          req.end();
          return;
        }
        if (req.write(body[i] as Buffer)) write(i + 1);
        else req.once('drain', () => write(i + 1));
      };
      write(0);
    } else req.end(body);
  });
}
