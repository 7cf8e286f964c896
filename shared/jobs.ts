import { announceJob } from './announce/job.js';
import { CYCLE_JOBS, type JobName } from './cycle.js';
import { digestJob } from './digest/job.js';
import { ingestJob } from './ingest/job.js';
import type { JobSummary } from './job-summary.js';
import type { Runtime } from './runtime/runtime.js';
import { searchIndexJob } from './search/service.js';

export type { JobSummary };

/**
 * A job of the cycle (shared/cycle.ts): the local stack calls `run`; the deployed stack runs the
 * same function through the job's Lambda handler.
 */
export interface Job {
  readonly name: JobName;
  run(runtime: Runtime): Promise<JobSummary>;
}

/** Every job of the cycle must have its run here: a missing one does not compile. */
const JOB_BY_NAME: Record<JobName, Job> = {
  ingest: ingestJob,
  'search-index': searchIndexJob,
  announce: announceJob,
  digest: digestJob,
};

/** The jobs in cycle order, as shared/cycle.ts lists them. */
export const JOBS: readonly Job[] = CYCLE_JOBS.map((def) => JOB_BY_NAME[def.name]);

export { describeCycle, describeRun } from './job-summary.js';
