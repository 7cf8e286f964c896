#!/usr/bin/env node
// The `iaspn` CLI. Runs the TypeScript sources through tsx so that a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every run that Node 20 support ends in 2027; the Lambdas run Node 22+.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'NodeVersionSupportWarning' || String(warning).includes('NodeVersionSupportWarning')) return;
  emitWarning(warning, ...rest);
};

register();
await import('../cli/main.ts');
