import { runReminders } from '../events/reminders.js';
import type { Job } from '../jobs.js';
import { type AnnounceOptions, type AnnounceSummary, runAnnounce } from './run.js';

/**
 * The cycle's announcement job, one definition for the local stack and the deployed Lambda
 * (functions/bot/announce.ts): new resources to the channels that follow them, then the event
 * reminders that are due (shared/events/reminders.ts), with the same senders, pacing and claims.
 * A reminder failure is logged and leaves the announcements' summary as it is.
 */
export async function runAnnouncementJob(
  runtime: Parameters<typeof runAnnounce>[0],
  options: AnnounceOptions = {},
): Promise<AnnounceSummary & { reminders?: Awaited<ReturnType<typeof runReminders>> }> {
  const summary = await runAnnounce(runtime, options);
  if (summary.dryRun) return summary;
  try {
    const reminders = await runReminders(runtime, {
      senders: options.senders,
      timer: options.timer,
      runId: options.runId,
    });
    return { ...summary, reminders };
  } catch (error) {
    runtime.log.error('event reminders failed; the next run retries them', {
      error: error instanceof Error ? error.message : String(error),
    });
    return summary;
  }
}

/** Announcements as a scheduled job: after ingest (and the search refresh) in each cycle. */
export const announceJob: Job = {
  name: 'announce',
  run: (runtime) => runAnnouncementJob(runtime).then((summary) => ({ ...summary })),
};
