import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A running local stack records where its services listen in `<dataDir>/stack.json`, so that CLI
 * commands run beside it use its store (LevelDB allows one process per directory) and its inbox.
 */
export interface StackFile {
  pid: number;
  startedAt: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  inboxUrl: string;
  httpUrl: string;
  feedOrigin: string;
}

const fileOf = (dataDir: string) => path.resolve(dataDir, 'stack.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running stack on this data directory, or undefined (a stale file from a crash is ignored). */
export function readRunningStack(dataDir: string): StackFile | undefined {
  try {
    const stack = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as StackFile;
    return typeof stack.pid === 'number' && stack.pid !== process.pid && isAlive(stack.pid)
      ? stack
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeStackFile(dataDir: string, stack: StackFile): void {
  mkdirSync(path.resolve(dataDir), { recursive: true });
  writeFileSync(fileOf(dataDir), `${JSON.stringify(stack, null, 2)}\n`);
}

export function removeStackFile(dataDir: string): void {
  rmSync(fileOf(dataDir), { force: true });
}

/**
 * The HMAC key for email tokens on a data directory: generated once, kept in `<dataDir>/token-secret`,
 * so the local stack and CLI commands beside it sign and check the same links.
 */
export function localTokenSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
