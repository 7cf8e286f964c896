import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCli, runCli, startCli } from '../helpers/run-cli.js';

/**
 * The README's walk-through ("What `npm start` shows"), run as a newcomer would type it: every
 * `npx iaspn …` of that section, in order, against a running local stack on free ports (the
 * README's fixed sample-feed port is the one this stack got). A command the README shows that stops
 * working, or that no longer says what the README says it does, fails here.
 */

const README = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## What `npm start` shows'), README.indexOf('## The CLI'));

/** Each bullet's backticked snippets, `npx iaspn …` first: the command and what is typed into it. */
function walkthrough(): { args: string[]; typed: string[] }[] {
  const steps: { args: string[]; typed: string[] }[] = [];
  for (const bullet of SECTION.split(/\n- /).slice(1)) {
    const snippets = [...bullet.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    for (const [i, snippet] of snippets.entries()) {
      if (!snippet.startsWith('npx iaspn ')) continue;
      const args = [...snippet.slice('npx iaspn '.length).matchAll(/"([^"]*)"|(\S+)/g)].map(
        (m) => m[1] ?? m[2]!,
      );
      // `npx iaspn chat`, then what the member types (the bullet's other snippets).
      const typed = args[0] === 'chat' ? snippets.slice(i + 1).filter((s) => !s.startsWith('npx ')) : [];
      steps.push({ args, typed });
    }
  }
  return steps;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-readme-'));
const outDir = mkdtempSync(path.join(tmpdir(), 'iaspn-readme-out-'));
const env = { IASPN_DATA_DIR: dataDir, IASPN_SES_PORT: '0', IASPN_FEEDS_PORT: '0' };
let stack: RunningCli;
let feedOrigin = '';

beforeAll(async () => {
  stack = startCli(['start', '--port', '0'], env);
  await new Promise<void>((resolve, reject) => {
    stack.child.stdout.on('data', () => stack.output().stdout.includes('cycle done') && resolve());
    stack.exited.then(() => reject(new Error(`start exited: ${stack.output().stderr}`)));
  });
  feedOrigin = /sample feeds\s+(http:\/\/\S+?)\/?\s/.exec(stack.output().stdout)![1]!;
}, 180_000);

afterAll(async () => {
  stack.child.kill('SIGINT');
  await stack.exited;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe("the README's walk-through", () => {
  it('ingests on the first cycle as many resources as it says', () => {
    const said = /The first cycle ingests the sample feeds \((\d+) new resources/.exec(SECTION);
    expect(said, 'the README says how many resources the first cycle brings').not.toBeNull();
    expect(stack.output().stdout).toContain(`cycle done: ${said![1]} new resources`);
  });

  it('finds the commands it shows', () => {
    const commands = walkthrough().map((s) => s.args[0]);
    expect(commands).toEqual(expect.arrayContaining(['chat', 'search', 'digest', 'feeds', 'ingest']));
  });

  it('runs every command it shows, in order, each doing what the README says', async () => {
    const address = 'reader@example.org';
    const added = await runCli(['subscribers', 'add', address, '--confirmed'], env);
    expect(added.code, added.stderr).toBe(0);
    for (const { args, typed } of walkthrough()) {
      const argv = args.map((a) =>
        a
          .replace('http://127.0.0.1:8788', feedOrigin)
          .replace('<address>', address)
          .replace('/tmp/digest', outDir),
      );
      const result = await runCli(argv, env, typed.map((line) => `${line}\n`).join(''));
      const shown = `iaspn ${argv.join(' ')}\n${result.stdout}\n${result.stderr}`;
      expect(result.code, shown).toBe(0);
      expect(result.stdout.trim(), shown).not.toBe('');
      if (args[0] === 'chat') {
        // Each typed line answered, none "not understood" and no search that found nothing.
        expect(result.stdout, shown).not.toMatch(/not understood|No results|Sin resultados/i);
      }
      if (args[0] === 'search') expect(result.stdout, shown).toMatch(/^\s*1[.)]/m);
      // A query of words most resources have, plus a filter: every resource the filter allows.
      if (
        args[0] === 'search' &&
        /^(social protection country|protección social país):/.test(args[1] ?? '')
      ) {
        const filter = args[1]!.split(' ').at(-1)!;
        const ids = async (query: string) =>
          JSON.parse((await runCli(['search', query, '--limit', '50', '--json'], env)).stdout).hits.map(
            (h: { id: string }) => h.id,
          );
        const filtered = await ids(filter);
        expect(filtered.length, shown).toBeGreaterThan(1);
        expect(new Set(await ids(args[1]!)), shown).toEqual(new Set(filtered));
      }
      if (args[0] === 'ingest') {
        // The README: the re-added feed's 5 items are in the library already.
        expect(result.stdout, shown).toMatch(/^new\s+0$/m);
        expect(result.stdout, shown).toMatch(/^unchanged\s+5$/m);
      }
      if (args[0] === 'digest') expect(readdirSync(outDir).some((f) => f.endsWith('.html'))).toBe(true);
      // The seeded request on co-responsibilities: Juntos' offer fits it, with its reasons.
      if (args[0] === 'coop') expect(result.stdout, shown).toMatch(/Juntos[\s\S]*same topic/);
    }
    expect(existsSync(path.join(dataDir, 'outbox.log'))).toBe(true);
  }, 240_000);
});
