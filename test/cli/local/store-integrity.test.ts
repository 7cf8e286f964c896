import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynalite } from '#cli/local/services.js';
import { restoreLastGood } from '#cli/local/store-integrity.js';
import { loadConfig } from '#shared/config.js';
import { subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { ensureTable } from '#shared/store/create-table.js';
import { runCli, startCli } from '../../helpers/run-cli.js';

/**
 * Regression (issue 13.5): the local store died or lied. Bytes changed in its files returned 96 of
 * 501 subscriber addresses altered with no error; a data directory deleted under the running stack
 * crashed it 23 s later with a raw LevelDB error; a stale stack.json whose pid the system had
 * given to another process blocked `start` (13.6). Now altered bytes are never served (the seal
 * of the last clean close, then a checksum on every value), a vanished directory stops the stack
 * with a plain message, and a pid is the stack's only if that process started when the stack did.
 */

const ADDRESSES = Array.from({ length: 40 }, (_, i) => `member${String(i).padStart(2, '0')}@example.org`);
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `iaspn-${prefix}-`));
  dirs.push(dir);
  return dir;
}

/**
 * A data directory with 40 confirmed subscribers, closed cleanly (and so sealed). `compacted`:
 * opened and closed once more, so that LevelDB has moved them from its log into a table file.
 */
async function subscribersDir(compacted = false): Promise<string> {
  const dataDir = tempDir('store');
  const dynamo = await startDynalite({ dataDir });
  try {
    const runtime = createRuntime(
      loadConfig({
        IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint,
        IASPN_LOG_LEVEL: 'silent',
        IASPN_TOKEN_SECRET: 'x',
      }),
      silentLog,
    );
    await ensureTable(runtime.store.client, runtime.config.tableName);
    for (const email of ADDRESSES) await subscribeConfirmed(runtime, { email });
  } finally {
    await dynamo.close();
  }
  if (compacted) await (await startDynalite({ dataDir })).close();
  return dataDir;
}

/** Changes one letter of every stored `member` address in LevelDB's files, as a damaged disk would. */
function alterAddresses(dataDir: string): number {
  const store = path.join(dataDir, 'dynamodb');
  let changed = 0;
  for (const file of readdirSync(store).filter((f) => /\.(log|ldb)$/.test(f))) {
    const bytes = readFileSync(path.join(store, file));
    for (let at = bytes.indexOf('member'); at >= 0; at = bytes.indexOf('member', at + 1)) {
      bytes[at] = 'n'.charCodeAt(0);
      changed += 1;
    }
    writeFileSync(path.join(store, file), bytes);
  }
  return changed;
}

const cliEnv = (dataDir: string) => ({ IASPN_DATA_DIR: dataDir, IASPN_TOKEN_SECRET: 'x' });

describe('a store whose files were altered', () => {
  it('is refused before it is opened, when the last close sealed it', async () => {
    const dataDir = await subscribersDir();
    expect(alterAddresses(dataDir)).toBeGreaterThan(0);
    const list = await runCli(['subscribers', 'list', '--json'], cliEnv(dataDir));
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(
      /The local store in .* has a file \(\S+\) that changed since it was last closed/,
    );
    expect(list.stderr).toContain('iaspn start --restore');
    expect(list.stderr).toContain('iaspn start --reset');
    expect(list.stderr).not.toMatch(/\n\s+at /);
    expect(list.stdout).not.toContain('nember');
  });

  it('is put back from the copy its last clean close kept (`start --restore`)', async () => {
    const dataDir = await subscribersDir(true);
    alterAddresses(dataDir);
    restoreLastGood(dataDir);
    const list = await runCli(['subscribers', 'list', '--json'], cliEnv(dataDir));
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { email: string }[]).map((s) => s.email).sort()).toEqual(ADDRESSES);
    expect(existsSync(path.join(dataDir, 'dynamodb.damaged'))).toBe(true);
  });

  it('serves no altered value after a crash left no seal: the checksum stops the command', async () => {
    const dataDir = await subscribersDir(true);
    rmSync(path.join(dataDir, 'dynamodb.sums'));
    alterAddresses(dataDir);
    const list = await runCli(['subscribers', 'list', '--json'], cliEnv(dataDir));
    expect(list.code).toBe(3);
    expect(list.stderr).toMatch(/The local store in .* is damaged: a stored value failed its checksum/);
    expect(list.stderr).not.toMatch(/\n\s+at /);
    expect(list.stdout).not.toContain('nember');
  });

  it('serves nothing after a crash left no seal and LevelDB dropped damaged log records', async () => {
    const dataDir = await subscribersDir();
    rmSync(path.join(dataDir, 'dynamodb.sums'));
    alterAddresses(dataDir);
    const list = await runCli(['subscribers', 'list', '--json'], cliEnv(dataDir));
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(
      /The local store in .* was damaged: LevelDB dropped records while reading it/,
    );
    expect(list.stdout).not.toContain('nember');
  });

  it('an intact store opens, and is sealed again when closed', async () => {
    const dataDir = await subscribersDir();
    const list = await runCli(['subscribers', 'list', '--json'], cliEnv(dataDir));
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { email: string }[]).map((s) => s.email).sort()).toEqual(ADDRESSES);
    expect(existsSync(path.join(dataDir, 'dynamodb.sums'))).toBe(true);
  });
});

/** `iaspn start` on a data directory, with every port chosen by the system. */
function startStack(dataDir: string) {
  const cli = startCli(['start', '--port', '0'], {
    IASPN_DATA_DIR: dataDir,
    IASPN_SES_PORT: '0',
    IASPN_FEEDS_PORT: '0',
  });
  children.push(cli.child);
  const running = new Promise<void>((resolve, reject) => {
    cli.child.stdout.on('data', () => cli.output().stdout.includes('running;') && resolve());
    cli.exited.then(() => reject(new Error(`start exited: ${cli.output().stderr}`)));
  });
  return { ...cli, running };
}

describe('the running stack and its data directory', () => {
  it('starts over a stale stack.json whose pid now belongs to another process', async () => {
    const dataDir = tempDir('stale');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
    children.push(other);
    writeFileSync(
      path.join(dataDir, 'stack.json'),
      JSON.stringify({
        pid: other.pid,
        processStart: '1',
        startedAt: '2026-01-01T00:00:00.000Z',
        dynamoEndpoint: 'http://127.0.0.1:1',
        sesEndpoint: 'http://127.0.0.1:1',
        inboxUrl: 'http://127.0.0.1:1/',
        httpUrl: 'http://127.0.0.1:1',
        feedOrigin: 'http://127.0.0.1:1',
      }),
    );
    const stack = startStack(dataDir);
    await stack.running;
    const written = JSON.parse(readFileSync(path.join(dataDir, 'stack.json'), 'utf8')) as { pid: number };
    expect(written.pid).toBe(stack.child.pid);
    stack.child.kill('SIGKILL');
    other.kill();
  }, 120_000);

  it('stops with a plain message when the directory is deleted under it', async () => {
    const dataDir = tempDir('vanish');
    const stack = startStack(dataDir);
    await stack.running;
    rmSync(dataDir, { recursive: true, force: true });
    expect(await stack.exited).toBe(3);
    const { stderr } = stack.output();
    // The watch may look while rmSync is halfway (the files gone, the directory not yet): either
    // way the stack stops, saying what it saw.
    expect(stderr).toMatch(/The local store in .* (was deleted|lost its files) while the stack was running/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
