import type { Command } from 'commander';
import { type AnnounceSummary, runAnnounce } from '#shared/announce/run.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';

/**
 * `iaspn announce run`: one announcement run now, as the schedule would make it (new resources to
 * the channels that follow them, each at most once per channel).
 */
export function registerAnnounce(program: Command): void {
  const announce = program
    .command('announce')
    .description('announcements of new resources in Slack and Telegram');

  announce
    .command('run')
    .description('post the new resources to the channels that follow them (each at most once per channel)')
    .option('--dry-run', 'match and plan, but claim, post and record nothing (counts what would go out)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const summary = await runAnnounce(runtime, { dryRun: options.dryRun });
        const { resources, channels, posted, batched, skipped, failed } = summary;
        if (options.json)
          printJson({
            resources,
            channels,
            posted,
            batched,
            skipped,
            failed,
            batchMessages: summary.batchMessages,
            pausedChannels: summary.pausedChannels,
            dryRun: summary.dryRun,
            since: summary.since,
          });
        else {
          println(announceLine(summary));
          for (const channel of summary.pausedChannels)
            println(`paused ${channel} (the bot can no longer post there)`);
        }
        if (failed > 0) process.exitCode = 1;
      });
    });
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A run in one line that says what happened: what was posted where, then what was read. The run
 * reads every resource first seen in its window (which overlaps the last run's), so "96 resources"
 * read are not 96 new ones: most were posted before and are skipped.
 */
export function announceLine(summary: AnnounceSummary): string {
  const { resources, channels, posted, batched, skipped, failed, dryRun } = summary;
  const announced = posted + batched;
  const head = announced
    ? `${count(announced, 'resource')} ${dryRun ? 'would be posted' : 'posted'} to ${count(channels, 'channel')} (${posted} single, ${batched} in ${count(summary.batchMessages, 'batch message')})`
    : dryRun
      ? 'nothing new would be posted'
      : 'nothing new to post';
  const read = `${count(resources, 'resource')} first seen since ${summary.since.slice(0, 16).replace('T', ' ')} UTC read`;
  const notPosted = skipped ? `, ${skipped} skipped (posted before, or held by another run)` : '';
  const failures = failed ? `, ${failed} failed (retried next run)` : '';
  return `${head}; ${read}${notPosted}${failures}`;
}
