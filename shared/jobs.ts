import { announceJob } from './announce/job.js';
import type { RelayConfig } from './config.js';
import { digestJob } from './digest/job.js';
import { ingestJob } from './ingest/job.js';
import type { Runtime } from './runtime/runtime.js';
import { searchIndexJob } from './search/service.js';

/** What a run reports: counts and figures, logged and printed as JSON. */
export type JobSummary = Record<string, unknown>;

/**
 * A scheduled job. The deployed stack runs each on an EventBridge schedule through its Lambda
 * handler; the local stack runs the same `run` on an interval. Order matters in one cycle:
 * ingest stores what is new, then announcements and digests pick it up from the store.
 */
export interface Job {
  readonly name: string;
  intervalMinutes(config: RelayConfig): number;
  run(runtime: Runtime): Promise<JobSummary>;
}

/** The jobs in cycle order. Each capability adds its own here. */
export const JOBS: Job[] = [ingestJob, searchIndexJob, announceJob, digestJob];
