import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  esbuildOptions,
  LAMBDA_BUNDLE,
  OMITTED_MODULE,
  PROJECT_ROOT,
  staticOutputs,
} from '#infra/bundling.js';
import { RelayFunction } from '#infra/constructs/relay-function.js';

const ENTRIES = [
  'functions/bot/slack.ts',
  'functions/bot/telegram.ts',
  'functions/bot/announce.ts',
  'functions/ingest/handler.ts',
  'functions/health/handler.ts',
];

/**
 * The npm packages whose code a cold start loads (bytes in `index.mjs` and the chunks it imports
 * statically: a package esbuild read but tree-shook away ships nothing, and one reached only through
 * `await import(...)` sits in a chunk read on first use), and the packages that resolved to the
 * omitted module.
 */
function contents(metafile: Metafile): { packages: Set<string>; sources: Set<string>; omitted: Set<string> } {
  const packages = new Set<string>();
  const sources = new Set<string>();
  const omitted = new Set<string>();
  for (const output of staticOutputs(metafile).map((file) => metafile.outputs[file]!)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      if (input.bytesInOutput === 0) continue;
      const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      if (pkg) packages.add(pkg);
      else sources.add(file);
    }
  }
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.original && path.resolve(PROJECT_ROOT, imported.path) === OMITTED_MODULE)
        omitted.add(imported.original);
    }
  }
  return { packages, sources, omitted };
}

describe('the Lambda bundles (infra/bundling.ts)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'iaspn-bundling-test-'));
  const bundles = new Map<string, ReturnType<typeof contents>>();

  beforeAll(async () => {
    for (const entry of ENTRIES) {
      const result = await build({
        ...esbuildOptions(path.join(PROJECT_ROOT, entry), path.join(out, entry.replace(/\W+/g, '-'))),
        write: false,
      });
      bundles.set(entry, contents(result.metafile!));
    }
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('gives each bot Lambda its own chat library only', () => {
    const slack = bundles.get('functions/bot/slack.ts')!.packages;
    const telegram = bundles.get('functions/bot/telegram.ts')!.packages;
    expect(slack.has('@slack/bolt')).toBe(true);
    expect(slack.has('telegraf')).toBe(false);
    expect(telegram.has('telegraf')).toBe(true);
    expect([...telegram].filter((p) => p.startsWith('@slack/'))).toEqual([]);
  });

  it('loads at cold start only what every request needs: SES on the first email, bot commands on first use', () => {
    const has = (entry: string, prefix: string) =>
      [...bundles.get(entry)!.sources].filter((file) => file.startsWith(prefix));
    for (const [entry, { packages }] of bundles)
      expect(packages.has('@aws-sdk/client-ses'), `SES client in ${entry}`).toBe(false);
    for (const bot of ['functions/bot/slack.ts', 'functions/bot/telegram.ts']) {
      // The dispatch and the table's names, not the commands' code, the taxonomy or search.
      expect(has(bot, 'shared/bot/commands/').sort()).toEqual([
        'shared/bot/commands/command.ts',
        'shared/bot/commands/index.ts',
      ]);
      expect(has(bot, 'shared/taxonomy/topics.ts'), bot).toEqual([]);
      // The search service's loader only (lazy-service.ts imports the index on the first search).
      expect(has(bot, 'shared/search/'), bot).toEqual(['shared/search/lazy-service.ts']);
      expect(has(bot, 'shared/coop/'), bot).toEqual([]);
    }
    // Announcements: the matcher, search, messages and reminder posts load when there is work.
    const announce = 'functions/bot/announce.ts';
    expect(bundles.get(announce)!.packages.has('entities')).toBe(false);
    expect(has(announce, 'shared/search/').filter((f) => f !== 'shared/search/snapshot-store.ts')).toEqual(
      [],
    );
    expect(has(announce, 'shared/taxonomy/topics.ts')).toEqual([]);
    expect(has(announce, 'shared/events/reminder-posts.ts')).toEqual([]);
  });

  it('leaves the omitted packages out of every bundle, and each one is still required somewhere', () => {
    const replaced = new Set<string>();
    for (const [entry, { packages, omitted }] of bundles) {
      for (const name of LAMBDA_BUNDLE.omittedModules)
        expect(packages.has(name), `${name} in ${entry}`).toBe(false);
      for (const name of omitted) replaced.add(name);
    }
    // A package nothing requires any more should leave the list (it would hide nothing).
    expect([...replaced].sort()).toEqual([...LAMBDA_BUNDLE.omittedModules].sort());
  });

  it('the omitted module loads and names can be read from it, but using one throws a clear error', () => {
    const omitted = createRequire(import.meta.url)(OMITTED_MODULE);
    const { parse } = omitted;
    expect(omitted.__esModule).toBeUndefined();
    expect(() => parse('a {}')).toThrow(/"module\.parse" was used.*omittedModules in infra\/bundling\.ts/);
    expect(() => new omitted.default.Router()).toThrow(/"module\.default\.Router" was used/);
  });
});

/** An esbuild metafile by its name (`index.meta.json`, `metafile.json`) or by its shape. */
function isMetafile(file: string): boolean {
  if (/meta(file)?\.json$/i.test(path.basename(file))) return true;
  if (!file.endsWith('.json')) return false;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return 'inputs' in parsed && 'outputs' in parsed;
}

describe('RelayFunction bundles with the same settings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'iaspn-relay-function-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes UTF-8, resolves omitted packages to the stand-in as the bundle report measures, and ships no metafile', async () => {
    const app = new App({ outdir: dir });
    const stack = new Stack(app, 'BundlingTest');
    new RelayFunction(stack, 'Fixture', {
      entry: 'test/infra/fixtures/omitting-handler.ts',
      description: 'bundling fixture',
      stage: 'test',
    });
    app.synth();
    // No build metafile in any asset: it lists every source path and would ship with the code.
    const assets = readdirSync(dir).filter((name) => name.startsWith('asset.'));
    expect(assets.length).toBeGreaterThan(0);
    for (const name of assets) {
      for (const file of readdirSync(path.join(dir, name))) {
        expect(isMetafile(path.join(dir, name, file)), `${name}/${file}`).toBe(false);
      }
    }
    const asset = assets[0]!;
    const bundle = path.join(dir, asset, 'index.mjs');
    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('Protección social, ação, café');
    expect(code).toContain('omittedModules in infra/bundling.ts');
    const script = `const { handler } = await import(${JSON.stringify(`file://${bundle}`)}); console.log(JSON.stringify(await handler()));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      greeting: 'Protección social, ação, café',
      error: expect.stringMatching(/^"module\.SocketModeClient" was used, but its package is left out/),
    });
  }, 60_000);
});
