import type { Job } from '../jobs.js';
import { runDigest } from './run.js';

/** The digest run as a scheduled job: after ingest and announcements in each cycle. */
export const digestJob: Job = {
  name: 'digest',
  run: (runtime) => runDigest(runtime).then((summary) => ({ ...summary })),
};
