import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '#cli/local/stack.js';
import type { StackFile } from '#cli/local/stack-file.js';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Log } from '#shared/log.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { CLI_ENTRY, type CliResult, runCli } from '../helpers/run-cli.js';
import { SAMPLE_PARTNERS, sampleLibrary } from '../shared/search/sample-library.js';

/**
 * `iaspn search`, `feeds list` and `status` beside a running local stack: the stack answers over its
 * admin route (cli/answers.ts, cli/local/admin-route.ts), and what the CLI prints is what it prints
 * when it opens the store itself. The stack runs in this process, so its log shows which questions
 * it answered.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-answers-'));
const stackFile = path.join(dataDir, 'stack.json');
const env = { IASPN_DATA_DIR: dataDir };
const answered: string[] = [];
const log: Log = {
  debug: (message, data) => {
    if (message === 'admin question answered') answered.push(String(data?.question));
  },
  info: () => {},
  warn: () => {},
  error: () => {},
};
let stack: LocalStack;
let written: StackFile;

/** Each command's cases: what an admin types, text and --json, a bad filter, a foreign cursor. */
const CASES: { question: string; args: string[] }[] = [
  { question: 'search', args: ['search', 'cash transfers', '--limit', '3'] },
  { question: 'search', args: ['search', 'cash transfers', 'country:brasil', '--limit', '4', '--json'] },
  { question: 'search', args: ['search', 'primera infancia country:narnia'] },
  { question: 'search', args: ['search', 'housing', '--cursor', 'eyJvIjozLCJrIjoiTFhJU0VjeWpSbllvIn0'] },
  { question: 'search', args: ['search', 'conditional cash transfers', '--limit', '2', '--explain'] },
  { question: 'feeds', args: ['feeds', 'list'] },
  { question: 'feeds', args: ['feeds', 'list', '--json'] },
  { question: 'status', args: ['status'] },
  { question: 'status', args: ['status', '--json'] },
];
/** What each case printed when the stack answered. */
const fromStack = new Map<string, CliResult>();

const SCORE = /"score": (-?[\d.e+-]+)/g;

/**
 * Expects `result` to print what `expected` printed. A hit's score weighs the resource's age at the
 * moment of the search, so two searches seconds apart differ in its sixth decimal whoever answers:
 * scores are compared to three decimals, everything else exactly.
 */
function expectSamePrint(result: CliResult, expected: CliResult, label: string): void {
  const printed = ({ code, stdout, stderr }: CliResult) => ({
    code,
    stdout: stdout.replace(SCORE, '"score": ~'),
    stderr,
  });
  expect(printed(result), label).toEqual(printed(expected));
  const scores = (r: CliResult) => [...r.stdout.matchAll(SCORE)].map((m) => Number(m[1]));
  const want = scores(expected);
  for (const [i, score] of scores(result).entries())
    expect(score, `${label}: score ${i}`).toBeCloseTo(want[i]!, 3);
}

const rewriteStackFile = (changes: Partial<StackFile>) =>
  writeFileSync(stackFile, JSON.stringify({ ...written, ...changes }));

beforeAll(async () => {
  stack = await startLocalStack(
    { ...env, IASPN_HTTP_PORT: '0', IASPN_SES_PORT: '0', IASPN_FEEDS_PORT: '0', IASPN_LOG_LEVEL: 'silent' },
    log,
    { jobs: [] },
  );
  const { runtime } = stack;
  for (const [id, name] of SAMPLE_PARTNERS)
    await putPartner(
      runtime.store,
      { id, name, kind: 'ministry', languages: ['en'], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
  await runtime.store.batchWrite({ puts: sampleLibrary().map(({ meta: _meta, ...r }) => resourceToItem(r)) });
  await refreshSearchIndex(runtime);
  written = JSON.parse(readFileSync(stackFile, 'utf8')) as StackFile;
}, 120_000);

afterAll(async () => {
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('iaspn search, feeds list and status beside a running local stack', () => {
  it('keeps the admin token in a stack file only its owner can read', () => {
    expect(written.adminToken).toMatch(/^[\w-]{43}$/);
    if (process.platform !== 'win32') expect(statSync(stackFile).mode & 0o777).toBe(0o600);
  });

  it('are answered by the stack', async () => {
    for (const { question, args } of CASES) {
      const before = answered.length;
      const result = await runCli(args, env);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(answered.slice(before), args.join(' ')).toEqual([question]);
      fromStack.set(args.join(' '), result);
    }
    const search = fromStack.get(CASES[1]!.args.join(' '))!;
    expect(JSON.parse(search.stdout).hits.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3, 4]);
    expect(fromStack.get(CASES[2]!.args.join(' '))!.stderr).toMatch(/"narnia": no such country/);
    expect(fromStack.get(CASES[3]!.args.join(' '))!.stderr).toMatch(/not one this search gave/);
    expect(fromStack.get('status')!.stdout).toMatch(/^store: local stack \(pid \d+\) on /);
  }, 120_000);

  it('print the same when the stack refuses them and the CLI opens its store (another token)', async () => {
    rewriteStackFile({ adminToken: 'not-the-stack-token' });
    try {
      for (const { args } of CASES) {
        const before = answered.length;
        const result = await runCli(args, env);
        expect(answered.length, args.join(' ')).toBe(before);
        expectSamePrint(result, fromStack.get(args.join(' '))!, args.join(' '));
      }
    } finally {
      rewriteStackFile({});
    }
  }, 120_000);

  it('fall back to the store, with no error, when the stack port does not answer', async () => {
    rewriteStackFile({ httpUrl: 'http://127.0.0.1:1' });
    try {
      const result = await runCli(['status', '--json'], env);
      expectSamePrint(result, fromStack.get('status --json')!, 'status --json');
    } finally {
      rewriteStackFile({});
    }
  }, 60_000);

  it('open the data directory itself when the stack file is stale (its process gone)', async () => {
    await stack.close();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(stackFile, JSON.stringify({ ...written, pid: gone }));
    for (const { args } of CASES.filter((c) => c.question !== 'status')) {
      const result = await runCli(args, env);
      expectSamePrint(result, fromStack.get(args.join(' '))!, args.join(' '));
    }
    const status = await runCli(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    const { where, ...counts } = JSON.parse(status.stdout);
    const { where: stackWhere, ...stackCounts } = JSON.parse(fromStack.get('status --json')!.stdout);
    expect(where).toBe(`data directory ${dataDir}`);
    expect(stackWhere).toMatch(/^local stack/);
    expect(counts).toEqual(stackCounts);
  }, 120_000);
});

const BUNDLE = path.dirname(CLI_ENTRY);
const bundled = (file: string) => readFileSync(path.join(BUNDLE, file), 'utf8');

/**
 * The modules a file of the built bundle loads before it runs, as the source paths esbuild notes
 * above each module: its own and those of the files it imports statically, transitively, leaving
 * out the files in `seen` (which it adds to). An `import()` loads later, only when reached.
 */
function loadedModules(file: string, seen: Set<string>): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = bundled(file);
  return [
    ...[...source.matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1]!),
    ...[...source.matchAll(/^import\s[^;]*?["']\.\/([^"']+)["'];?$/gm)].flatMap((m) =>
      loadedModules(m[1]!, seen),
    ),
  ];
}

/** What a command beside a running stack has no use for: the store, the configuration schema, the index. */
const HEAVY =
  /node_modules\/(@aws-sdk|@smithy|zod|dynalite)\/|dist\/shared\/(config|runtime\/runtime|store\/store|search\/(search-index|service)|taxonomy\/index)\.js|dist\/cli\/context\.js/;

describe('what search, feeds list and status load beside a running stack', () => {
  it('their command, node:http and the renderer: no store, configuration schema, AWS SDK or index', () => {
    const seen = new Set<string>();
    const program = loadedModules('entry.js', seen);
    expect(program).toContain('dist/cli/main.js');
    expect(program.filter((m) => HEAVY.test(m))).toEqual([]);
    // The commands main.js loads lazily: import("./search-<hash>.js").
    const lazy = [...seen].flatMap((f) =>
      [...bundled(f).matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]!),
    );
    for (const command of ['search', 'feeds', 'status']) {
      const chunk = lazy.find((f) => f.startsWith(`${command}-`));
      expect(chunk, command).toBeDefined();
      const loaded = loadedModules(chunk!, new Set(seen));
      expect(loaded, command).toContain(`dist/cli/commands/${command}.js`);
      expect(loaded, command).toContain('dist/cli/answers.js');
      expect(
        loaded.filter((m) => HEAVY.test(m)),
        command,
      ).toEqual([]);
    }
    // The scan sees them where they are: `partners` opens the store as it loads.
    const partners = loadedModules(lazy.find((f) => f.startsWith('partners-'))!, new Set(seen));
    const heavy = partners.filter((m) => HEAVY.test(m));
    expect(heavy).toContain('dist/cli/context.js');
    expect(heavy.some((m) => m.startsWith('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true);
  });
});
