import { CYCLE_JOBS, type JobName } from './cycle.js';
import { describeError } from './errors.js';
import { describeRun, type JobSummary } from './job-summary.js';
import type { Runtime } from './runtime/runtime.js';
import { TableSnapshotStore } from './search/snapshot-store.js';
import { keys } from './store/keys.js';

/**
 * `/health`, the same locally and deployed: whether the store answers, how old the search
 * snapshot is, and each cycle job's last run (when, whether it succeeded, what it did). Every job
 * records its run (`recordRun`) wherever it runs: the local cycle and the job Lambdas.
 */

export interface JobRun {
  at: string;
  ok: boolean;
  /** What the run did, in words ("1 new resource from 3 feeds"), or its error. */
  said: string;
}

export interface HealthReport {
  ok: boolean;
  stage: string;
  store: { reachable: boolean; error?: string };
  search?: { builtAt: string; ageSeconds: number; resources: number };
  jobs: Record<string, (JobRun & { ageSeconds: number }) | null>;
}

/** Records a job's run (never fails the job: a failure to record is logged). */
export async function recordRun(
  runtime: Runtime,
  job: JobName,
  outcome: { summary: JobSummary } | { error: unknown },
): Promise<void> {
  const run: JobRun = {
    at: runtime.clock().toISOString(),
    ok: 'summary' in outcome,
    said: 'summary' in outcome ? describeRun(job, outcome.summary) : describeError(outcome.error),
  };
  await runtime.store
    .put({ ...keys.jobRun(job), ...run })
    .catch((error) => runtime.log.warn('could not record the job run', { job, error: describeError(error) }));
}

/** Runs a job's function and records the run; rethrows its error after recording it. */
export async function recorded<T extends object>(
  runtime: Runtime,
  job: JobName,
  run: () => Promise<T>,
): Promise<T> {
  try {
    const summary = await run();
    await recordRun(runtime, job, { summary: { ...summary } as JobSummary });
    return summary;
  } catch (error) {
    await recordRun(runtime, job, { error });
    throw error;
  }
}

const ageOf = (at: string, now: Date) => Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 1000));

export async function healthReport(runtime: Runtime): Promise<HealthReport> {
  const now = runtime.clock();
  const report: HealthReport = {
    ok: true,
    stage: runtime.config.stage,
    store: { reachable: true },
    jobs: {},
  };
  try {
    const [head, ...runs] = await Promise.all([
      new TableSnapshotStore(runtime.store).head(),
      ...CYCLE_JOBS.map((job) => runtime.store.get(keys.jobRun(job.name))),
    ]);
    if (head)
      report.search = {
        builtAt: head.builtAt,
        ageSeconds: ageOf(head.builtAt, now),
        resources: head.resources,
      };
    CYCLE_JOBS.forEach((job, i) => {
      const run = runs[i] as unknown as JobRun | undefined;
      report.jobs[job.name] = run
        ? { at: run.at, ok: run.ok, said: run.said, ageSeconds: ageOf(run.at, now) }
        : null;
    });
  } catch (error) {
    report.ok = false;
    report.store = { reachable: false, error: describeError(error) };
  }
  return report;
}
