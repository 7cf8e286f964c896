// vitest global setup: compiles the project into dist/ when a source is newer than the build, so
// that the CLI tests run the compiled CLI that `iaspn` runs (see scripts/build.js and runCli).
import { build } from '../../scripts/build.js';

export default async function setup(): Promise<void> {
  try {
    await build();
  } catch (error) {
    // In CI a tree that does not build fails the run. In a working tree others are editing, a
    // half-made change elsewhere must not stop every test: the CLI tests run the last good build.
    if (process.env.CI) throw error;
    process.stderr.write(
      `\nbuild-cli: ${(error as Error).message}; the CLI tests run the previous build\n\n`,
    );
  }
}
