import type { Job } from '../jobs.js';
import { runAnnounce } from './run.js';

/** Announcements as a scheduled job: after ingest (and the search refresh) in each cycle. */
export const announceJob: Job = {
  name: 'announce',
  run: (runtime) => runAnnounce(runtime).then((summary) => ({ ...summary })),
};
