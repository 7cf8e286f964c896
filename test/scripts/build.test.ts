import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, ROOT, staleSource } from '../../scripts/build.js';

/** A small project laid out like this one: its sources, its configuration, this project's tsc. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'iaspn-build-'));
  mkdirSync(path.join(root, 'src/feeds'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ type: 'module', imports: { '#src/*': './src/*' } }),
  );
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2023', module: 'NodeNext', strict: true, types: [], noEmit: true },
    }),
  );
  writeFileSync(
    path.join(root, 'tsconfig.build.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { noEmit: false, outDir: 'dist', rootDir: '.' },
      include: ['src'],
    }),
  );
  writeFileSync(path.join(root, 'src/main.ts'), "export { greeting } from '#src/feeds/greeting.js';\n");
  writeFileSync(path.join(root, 'src/feeds/greeting.ts'), "export const greeting: string = 'hello';\n");
  writeFileSync(path.join(root, 'src/feeds/sample.xml'), '<rss/>\n');
  return root;
}

/** The sources as if saved three minutes ago and the build as if made two minutes ago. */
const ageBuild = () => {
  const saved = new Date(Date.now() - 180_000);
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src/main.ts'])
    utimesSync(path.join(root, file), saved, saved);
  for (const file of readdirSync(path.join(root, 'src/feeds')))
    utimesSync(path.join(root, 'src/feeds', file), saved, saved);
  const built = new Date(Date.now() - 120_000);
  utimesSync(path.join(root, 'dist/package.json'), built, built);
};
// One project through the tests, in order: tsc takes seconds to start on a busy machine.
const root = project();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the build (scripts/build.js)', { timeout: 120_000 }, () => {
  it('compiles the sources into dist/, copies the files tsc does not emit, and maps #imports inside dist/', async () => {
    expect(staleSource(root)).toBe('dist/');
    expect(await build(root)).toBe('dist/');
    expect(staleSource(root)).toBeUndefined();
    expect(readFileSync(path.join(root, 'dist/src/feeds/sample.xml'), 'utf8')).toBe('<rss/>\n');
    expect(JSON.parse(readFileSync(path.join(root, 'dist/package.json'), 'utf8')).imports).toEqual({
      '#src/*': './src/*',
    });
    // The compiled module resolves '#src/…' to dist/src/…, not to the TypeScript sources.
    const compiled = await import(path.join(root, 'dist/src/main.js'));
    expect(compiled.greeting).toBe('hello');
    expect(await build(root)).toBeUndefined();
  });

  it('sees a source saved after the build, and builds again', async () => {
    ageBuild();
    const source = path.join(root, 'src/feeds/greeting.ts');
    writeFileSync(source, "export const greeting: string = 'hola';\n");
    expect(staleSource(root)).toBe(path.join('src', 'feeds', 'greeting.ts'));
    expect(await build(root)).toBe(path.join('src', 'feeds', 'greeting.ts'));
    expect(readFileSync(path.join(root, 'dist/src/feeds/greeting.js'), 'utf8')).toContain("'hola'");
  });

  it('sees a new source file and a changed configuration', () => {
    ageBuild();
    const added = path.join(root, 'src/feeds/new.ts');
    writeFileSync(added, 'export const n = 1;\n');
    expect(staleSource(root)).toBe(path.join('src', 'feeds', 'new.ts'));
    rmSync(added);
    expect(staleSource(root)).toBeUndefined();
    writeFileSync(path.join(root, 'package.json'), readFileSync(path.join(root, 'package.json')));
    expect(staleSource(root)).toBe('package.json');
  });

  it('still emits when the sources have type errors (the typecheck fails on them, not the install)', async () => {
    writeFileSync(path.join(root, 'src/feeds/greeting.ts'), 'export const greeting: number = "hello";\n');
    expect(await build(root, { force: true })).toBe('forced');
    expect(readFileSync(path.join(root, 'dist/src/feeds/greeting.js'), 'utf8')).toContain('"hello"');
  });
});
