import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the compiled CLI: dist/ is built first when a source is newer.
    globalSetup: ['test/helpers/build-cli.ts'],
    benchmark: { include: ['test/**/*.bench.ts'] },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
