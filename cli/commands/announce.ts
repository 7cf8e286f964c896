import type { Command } from 'commander';
import { runAnnounce } from '#shared/announce/run.js';
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
          });
        else {
          const verb = summary.dryRun ? 'would post' : 'posted';
          println(
            `${resources} new resources, ${channels} channels: ${verb} ${posted} single, ${batched} in ${summary.batchMessages} batch message(s), skipped ${skipped}, failed ${failed}`,
          );
          for (const channel of summary.pausedChannels)
            println(`paused ${channel} (the bot can no longer post there)`);
        }
        if (failed > 0) process.exitCode = 1;
      });
    });
}
