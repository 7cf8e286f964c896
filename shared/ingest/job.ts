import type { Job } from '../jobs.js';
import { runIngestCycle } from './fanout.js';

/**
 * The scheduled ingest: first in the cycle, so announcements and digests see what it stored. Above
 * `config.ingest.fanOutAbove` active feeds it fans out to the in-process queue, as deployed to SQS.
 */
export const ingestJob: Job = {
  name: 'ingest',
  async run(runtime) {
    return { ...(await runIngestCycle(runtime)) };
  },
};
