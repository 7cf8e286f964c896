// vitest global setup: compiles the project into dist/ when a source is newer than the build, so
// that the CLI tests run the compiled CLI that `iaspn` runs (see scripts/build.js and runCli).
import { build } from '../../scripts/build.js';

export default async function setup(): Promise<void> {
  await build();
}
