import type { Job } from '../jobs.js';
import { runIngest } from './run.js';

/** The scheduled ingest: first in the cycle, so announcements and digests see what it stored. */
export const ingestJob: Job = {
  name: 'ingest',
  async run(runtime) {
    const { summary } = await runIngest(runtime);
    return { ...summary };
  },
};
