import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files wait on child processes, local servers and timers much of the time, so two run at once
// even on 2 cores (vitest's default there is one: CI took 24 minutes). Benchmarks run one file at a
// time so that their ratios are not measured beside another file's work.
const benchmarking = process.argv.includes('bench');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the compiled CLI: dist/ is built first when a source is newer.
    globalSetup: ['test/helpers/build-cli.ts'],
    benchmark: { include: ['test/**/*.bench.ts'] },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: benchmarking ? 1 : Math.max(2, availableParallelism() - 1),
  },
});
