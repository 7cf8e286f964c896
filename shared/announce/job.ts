import type { CoopNotifySummary } from '../coop/notify.js';
import { runReminders } from '../events/reminders.js';
import type { Job } from '../jobs.js';
import { type AnnounceOptions, type AnnounceSummary, runAnnounce } from './run.js';

/**
 * The cycle's announcement job, one definition for the local stack and the deployed Lambda
 * (functions/bot/announce.ts): new resources to the channels that follow them, then the event
 * reminders that are due (shared/events/reminders.ts), then the cooperation exchange's new offers
 * and requests to those they concern (shared/coop/notify.ts), with the same senders, pacing and
 * claims. A failure of a later step is logged and leaves the earlier steps' summary as it is.
 */
export async function runAnnouncementJob(
  runtime: Parameters<typeof runAnnounce>[0],
  options: AnnounceOptions = {},
): Promise<
  AnnounceSummary & { reminders?: Awaited<ReturnType<typeof runReminders>>; coop?: CoopNotifySummary }
> {
  const summary: AnnounceSummary & {
    reminders?: Awaited<ReturnType<typeof runReminders>>;
    coop?: CoopNotifySummary;
  } = await runAnnounce(runtime, options);
  if (summary.dryRun) return summary;
  const step = { senders: options.senders, timer: options.timer, runId: options.runId };
  try {
    summary.reminders = await runReminders(runtime, step);
  } catch (error) {
    runtime.log.error('event reminders failed; the next run retries them', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  try {
    // Imported on first use: the matcher and the notices' templates stay out of the cold start.
    const { runCoopNotify } = await import('../coop/notify.js');
    summary.coop = await runCoopNotify(runtime, step);
  } catch (error) {
    runtime.log.error('cooperation notices failed; the next run retries them', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return summary;
}

/** Announcements as a scheduled job: after ingest (and the search refresh) in each cycle. */
export const announceJob: Job = {
  name: 'announce',
  run: (runtime) => runAnnouncementJob(runtime).then((summary) => ({ ...summary })),
};
