import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.js';

/**
 * bin/iaspn.js and scripts/build.js copied into a small project whose CLI says which form ran: the
 * compiled one in dist/ or the TypeScript sources through tsx.
 */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'iaspn-bin-'));
  for (const dir of ['bin', 'scripts', 'cli', 'dist/bundle'])
    mkdirSync(path.join(root, dir), { recursive: true });
  for (const file of ['bin/iaspn.js', 'scripts/build.js'])
    copyFileSync(path.join(ROOT, file), path.join(root, file));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(path.join(root, 'tsconfig.json'), '{}');
  writeFileSync(path.join(root, 'tsconfig.build.json'), JSON.stringify({ include: ['cli'] }));
  writeFileSync(path.join(root, 'cli/entry.ts'), "const from: string = 'sources';\nconsole.log(from);\n");
  writeFileSync(path.join(root, 'dist/bundle/entry.js'), "console.log('dist');\n");
  writeFileSync(path.join(root, 'dist/package.json'), JSON.stringify({ type: 'module' }));
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(root, 'dist/package.json'), later, later);
  return root;
}

const run = (root: string) =>
  spawnSync(process.execPath, [path.join(root, 'bin/iaspn.js')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bin/iaspn.js', () => {
  it('runs the compiled CLI when the build is newer than every source', () => {
    root = project();
    const result = run(root);
    expect(result.stdout).toBe('dist\n');
    expect(result.stderr).toBe('');
  });

  it('runs the sources through tsx when nothing is built', () => {
    root = project();
    rmSync(path.join(root, 'dist'), { recursive: true });
    const result = run(root);
    expect(result.stdout).toBe('sources\n');
    expect(result.stderr).toMatch(/^iaspn: dist\/ is not built; running the sources through tsx/);
  });

  it('runs the sources through tsx, saying why, when a source is newer than the build', () => {
    root = project();
    const later = new Date(Date.now() + 120_000);
    utimesSync(path.join(root, 'cli/entry.ts'), later, later);
    const result = run(root);
    expect(result.stdout).toBe('sources\n');
    expect(result.stderr).toBe(
      'iaspn: cli/entry.ts is newer than the build in dist/; running the sources through tsx, which starts slower (npm run build compiles them)\n',
    );
  });
});
