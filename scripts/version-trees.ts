/**
 * The source trees of versions of the project, for scripts that compare them in one run
 * (search-latency.ts, search-throughput.ts): "." is the working tree, a directory holding shared/ a
 * copy of it where a change is tried, anything else a commit read with `git archive` into a
 * temporary directory (node_modules linked from the working tree). `remove()` deletes those.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function versionTrees(root: string, paths: readonly string[]) {
  const made: string[] = [];
  return {
    treeOf(version: string): string {
      if (version === '.') return root;
      if (existsSync(join(version, 'shared'))) return resolve(version);
      const dir = mkdtempSync(join(tmpdir(), 'iaspn-version-'));
      made.push(dir);
      const archive = execFileSync('git', ['archive', version, ...paths], {
        cwd: root,
        maxBuffer: 512 * 1024 * 1024,
      });
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      return dir;
    },
    remove(): void {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}
