import { describeError } from '#shared/errors.js';
import { describeRun, type JobSummary } from '#shared/job-summary.js';
import type { Job } from '#shared/jobs.js';
import type { Runtime } from '#shared/runtime/runtime.js';

/** One job's run in a cycle: its summary (and what it did, in words) or its error. */
export interface CycleResult {
  job: string;
  ok: boolean;
  summary?: JobSummary;
  /** What the run did, in words: "1 new resource from 3 feeds". */
  said?: string;
  error?: string;
  ms: number;
}

async function runJob(job: Job, runtime: Runtime): Promise<CycleResult> {
  const started = Date.now();
  try {
    const summary = await job.run(runtime);
    return {
      job: job.name,
      ok: true,
      summary,
      said: describeRun(job.name, summary),
      ms: Date.now() - started,
    };
  } catch (error) {
    return { job: job.name, ok: false, error: describeError(error), ms: Date.now() - started };
  }
}

export interface CycleRunner {
  /**
   * Runs every job once, in order; a failing job is reported and the next still runs. A call while
   * a cycle is running gets that cycle's results: cycles never overlap.
   */
  run(): Promise<CycleResult[]>;
  /** Starts a cycle every `intervalMs` until stop(); a start that finds one still running is skipped. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface CycleHooks {
  /** Each job's result, once, as soon as the job ends. */
  onResult?: (result: CycleResult) => void;
  /** A whole cycle's results, once it ends. */
  onCycle?: (results: CycleResult[]) => void;
  /** A scheduled start skipped because the previous cycle was still running. */
  onSkipped?: () => void;
  /** Records each result before the next job starts (the local stack: for /health). */
  record?: (result: CycleResult) => Promise<void>;
}

/**
 * The local stack's scheduler: the jobs of shared/cycle.ts one after the other (ingest, search
 * index, announcements, digests), as the deployed chain of Lambdas runs them, one cycle at a time.
 */
export function createCycleRunner(
  jobs: readonly Job[],
  runtime: Runtime,
  hooks: CycleHooks = {},
): CycleRunner {
  let running: Promise<CycleResult[]> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function cycle(): Promise<CycleResult[]> {
    const results: CycleResult[] = [];
    for (const job of jobs) {
      const result = await runJob(job, runtime);
      await hooks.record?.(result);
      results.push(result);
      hooks.onResult?.(result);
    }
    hooks.onCycle?.(results);
    return results;
  }

  function run(): Promise<CycleResult[]> {
    running ??= cycle().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    run,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        if (running) hooks.onSkipped?.();
        else void run();
      }, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
