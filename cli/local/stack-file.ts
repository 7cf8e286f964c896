import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A running local stack records where its services listen in `<dataDir>/stack.json`, so that CLI
 * commands run beside it use its store (LevelDB allows one process per directory) and its inbox.
 */
export interface StackFile {
  pid: number;
  /**
   * When the process `pid` started, as the system records it (`processStartTime`): a pid the
   * system gave to another process since is then known not to be the stack.
   */
  processStart?: string;
  startedAt: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  inboxUrl: string;
  httpUrl: string;
  feedOrigin: string;
  /**
   * What a CLI command beside the stack sends to ask it through its admin route
   * (`cli/local/admin-route.ts`): a fresh random value each start, readable only by the file's owner.
   * Absent from a file written before the route existed: the CLI then opens the store itself.
   */
  adminToken?: string;
}

/** Where the local stack answers a CLI command's questions (loopback only, with the stack's token). */
export const ADMIN_PREFIX = '/admin';

/** Where a command run beside the stack says it worked (`iaspn status`), however it was answered. */
export const stackWhere = (stack: StackFile, dataDir: string) =>
  `local stack (pid ${stack.pid}) on ${dataDir}`;

/** A fresh admin token for a stack that starts. */
export const newAdminToken = () => randomBytes(32).toString('base64url');

const fileOf = (dataDir: string) => path.resolve(dataDir, 'stack.json');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, as the system records it: on Linux its start time in clock ticks after
 * boot (`/proc/<pid>/stat`, field 22), elsewhere `ps -o lstart=`; undefined when it cannot be read.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: count from its closing one.
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    if (process.platform === 'win32') return undefined;
    return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The running stack on this data directory, or undefined: a stale file from a crash is ignored,
 * and so is one whose pid now belongs to another process (started at another time).
 */
export function readRunningStack(dataDir: string): StackFile | undefined {
  try {
    const stack = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as StackFile;
    if (typeof stack.pid !== 'number' || stack.pid === process.pid || !isAlive(stack.pid)) return undefined;
    if (stack.processStart !== undefined) {
      const now = processStartTime(stack.pid);
      if (now !== undefined && now !== stack.processStart) return undefined;
    }
    return stack;
  } catch {
    return undefined;
  }
}

/**
 * Writes the file readable by its owner only (it holds the admin token): a stale file from a crash
 * is removed first and the new one created with mode 0600, never rewritten in place with the old
 * file's wider mode.
 */
export function writeStackFile(dataDir: string, stack: StackFile): void {
  mkdirSync(path.resolve(dataDir), { recursive: true });
  rmSync(fileOf(dataDir), { force: true });
  writeFileSync(fileOf(dataDir), `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
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
