#!/usr/bin/env node
// The `iaspn` CLI. Runs the compiled and bundled JavaScript in dist/bundle/ (built by `npm ci`
// through the `prepare` script, or `npm run build`) when it is newer than every source; otherwise
// runs the TypeScript sources through tsx, with a warning, so an edited tree never runs an outdated
// build. On Node 22 and later, V8's compile cache (in the OS temp directory) also saves reparsing.
import module from 'node:module';
import { staleSource } from '../scripts/build.js';

const stale = staleSource();
if (stale === undefined) {
  module.enableCompileCache?.();
  await import('../dist/bundle/entry.js');
} else {
  process.stderr.write(
    `iaspn: ${stale === 'dist/' ? 'dist/ is not built' : `${stale} is newer than the build in dist/`}; ` +
      'running the sources through tsx, which starts slower (npm run build compiles them)\n',
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/entry.ts');
}
