import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askRunningStack } from '#cli/answers.js';
import { closeServer } from '#cli/local/ports.js';
import type { StackFile } from '#cli/local/stack-file.js';

/**
 * When the CLI asks a stack file's stack and when it gives up on it (and opens the store itself, as
 * test/cli/answers.test.ts shows through the built CLI): every way a stack can fail to answer gives
 * no answer, never an error. The "stack" here is a local HTTP stand-in beside a live process.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-ask-'));
const TOKEN = 'token-of-the-file';
let live: ChildProcess;
let server: http.Server;
let origin: string;
const asked: { url: string; authorization?: string }[] = [];

/** What the stand-in answers, by path. */
const ANSWERS: Record<string, (res: http.ServerResponse) => void> = {
  '/admin/status': (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"reachable":true,"counts":{}}'),
  '/admin/feeds': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>a proxy</html>'),
  '/admin/search': (res) => res.writeHead(400).end('{"error":"limit must be a whole number from 1 to 50"}'),
};

function writeStack(changes: Partial<StackFile>): void {
  const stack: StackFile = {
    pid: live.pid!,
    startedAt: '2026-12-06T00:00:00.000Z',
    dynamoEndpoint: 'http://127.0.0.1:1',
    sesEndpoint: 'http://127.0.0.1:1',
    inboxUrl: 'http://127.0.0.1:1/',
    httpUrl: origin,
    feedOrigin: 'http://127.0.0.1:1',
    adminToken: TOKEN,
    ...changes,
  };
  writeFileSync(path.join(dataDir, 'stack.json'), JSON.stringify(stack));
}

const ask = (question: 'search' | 'feeds' | 'status') =>
  askRunningStack({ dataDir }, question, question === 'search' ? { query: 'x' } : {}, {});

beforeAll(async () => {
  live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
  server = http.createServer((req, res) => {
    asked.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const answer = ANSWERS[new URL(req.url ?? '/', 'http://x').pathname];
    if (answer) answer(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  live?.kill();
  await closeServer(server);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('askRunningStack', () => {
  it("takes the stack's JSON answer, sent with the file's token, and says where it worked", async () => {
    writeStack({});
    const answered = await ask('status');
    expect(answered).toEqual({
      answer: { reachable: true, counts: {} },
      where: `local stack (pid ${live.pid}) on ${dataDir}`,
    });
    expect(asked.at(-1)).toEqual({ url: '/admin/status', authorization: `Bearer ${TOKEN}` });
  });

  it('gives no answer, and no error, for anything else', async () => {
    writeStack({});
    expect(await ask('feeds')).toBeUndefined(); // 200, but not JSON
    expect(await ask('search')).toBeUndefined(); // refused: the CLI then answers as it would alone
    const before = asked.length;
    for (const changes of [
      { adminToken: undefined }, // a file from a stack without the route
      { httpUrl: 'http://127.0.0.1:1' }, // nothing listens
      { httpUrl: 'http://:::8787' }, // IASPN_HOST=:: wrote a URL that does not parse
      { pid: spawnSync(process.execPath, ['-e', '0']).pid }, // a stale file: its process is gone
    ]) {
      writeStack(changes);
      expect(await ask('status'), JSON.stringify(changes)).toBeUndefined();
    }
    expect(asked.length).toBe(before);
    writeStack({});
    expect(await askRunningStack({ dataDir, aws: true }, 'status', {}, {})).toBeUndefined();
    rmSync(path.join(dataDir, 'stack.json'));
    expect(await ask('status')).toBeUndefined();
  });

  it('finds the data directory as the configuration does: flag, then IASPN_DATA_DIR', async () => {
    writeStack({});
    const viaEnv = await askRunningStack({}, 'status', {}, { IASPN_DATA_DIR: dataDir });
    expect(viaEnv?.answer).toEqual({ reachable: true, counts: {} });
    // An empty variable is the configuration's to refuse: no answer from a stack.
    expect(await askRunningStack({}, 'status', {}, { IASPN_DATA_DIR: '' })).toBeUndefined();
  });
});
