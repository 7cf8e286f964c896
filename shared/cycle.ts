/**
 * The relay's cycle: its scheduled jobs, in the order one cycle runs them. This table is the one
 * definition both places read:
 *
 * - the local stack (`shared/jobs.ts` gives each job its `run`; `cli/local/stack.ts` runs them in
 *   this order, one cycle at a time, every `IASPN_CYCLE_INTERVAL_MINUTES`);
 * - the CDK stack (`infra/constructs/cycle.ts`): one EventBridge schedule (`schedules.cycle` in
 *   cdk.json) invokes the first job's handler, and each job's success or failure invokes the next,
 *   so the deployed cycle runs the same jobs in the same order. A job marked `handsOver` starts the
 *   next one itself when its work is done (its work may outlive its own invocation).
 *
 * It imports nothing, so the CDK app can read it without loading the jobs themselves.
 */
export const CYCLE_JOBS = [
  {
    name: 'ingest',
    handler: 'functions/ingest/handler.ts',
    does: 'fetches the partner feeds into the library',
    // Its success starts the next job itself: after an inline run, its handler; after a fan-out,
    // the worker that finished the cycle's last feed (shared/ingest/fanout.ts). A failure hands over
    // as any job's does.
    handsOver: true,
  },
  {
    name: 'search-index',
    handler: 'functions/search/refresh.ts',
    does: 'writes a new search snapshot when the library changed (the bots reload it)',
  },
  {
    name: 'announce',
    handler: 'functions/bot/announce.ts',
    does: 'posts new resources to the channels that follow them',
  },
  {
    name: 'digest',
    handler: 'functions/digest/handler.ts',
    does: 'sends the digests that are due',
  },
] as const;

export type JobName = (typeof CYCLE_JOBS)[number]['name'];

/** Set on each job's Lambda by the CDK stack: which cycle job the function runs. */
export const JOB_ENV = 'IASPN_JOB';
