import net from 'node:net';
import { ConfigError } from '#shared/errors.js';

/**
 * Fails with a clear message when a fixed port is taken, before a server library gets the chance
 * to crash the process with an unhandled EADDRINUSE. Port 0 (any free port) always passes.
 */
export async function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${error.code})`;
      reject(
        new ConfigError(
          `Port ${port} on ${host} ${reason}: stop whatever holds it, or choose another with ${variable} (0 picks a free port)`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Starts listening, turning a bind failure into a ConfigError that names the variable. */
export async function listen(
  server: net.Server,
  host: string,
  port: number,
  variable: string,
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new ConfigError(
          `Port ${port} on ${host} ${error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${error.code})`}: choose another with ${variable}`,
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

export function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open; the process owns them all.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
