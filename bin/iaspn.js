#!/usr/bin/env node
// The `iaspn` CLI. Runs the compiled JavaScript in dist/ (built by `npm ci` through the `prepare`
// script, or `npm run build`) when it is newer than every source; otherwise runs the TypeScript
// sources through tsx, with a warning, so that an edited tree never runs an outdated build.
import { staleSource } from '../scripts/build.js';

const stale = staleSource();
if (stale === undefined) {
  await import('../dist/cli/entry.js');
} else {
  process.stderr.write(
    `iaspn: ${stale === 'dist/' ? 'dist/ is not built' : `${stale} is newer than the build in dist/`}; ` +
      'running the sources through tsx, which starts slower (npm run build compiles them)\n',
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/entry.ts');
}
