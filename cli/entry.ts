// The CLI's entry point: bin/iaspn.js runs its compiled form (dist/cli/entry.js), or this file
// through tsx when the build is older than the sources.
import { run } from './main.js';

await run();
