import type { Command } from 'commander';
import { recorded } from '#shared/health.js';
import { type FeedOutcome, runIngest } from '#shared/ingest/run.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';

function describeOutcome(o: FeedOutcome): string {
  const moved = 'movedTo' in o && o.movedTo ? `; moved permanently, URL now ${o.movedTo}` : '';
  switch (o.status) {
    case 'ok': {
      const more = [
        o.duplicates ? `${o.duplicates} already in the library from another feed` : '',
        o.skipped ? `${o.skipped} skipped` : '',
        o.capped ? `${o.capped} over the cap (next run)` : '',
      ].filter(Boolean);
      return `${o.new} new, ${o.updated} updated, ${o.unchanged} unchanged${more.map((m) => `, ${m}`).join('')}${moved}`;
    }
    case 'not_modified':
      return `not modified${moved}`;
    case 'deferred':
      return 'deferred (Retry-After, or the run ran out of time)';
    case 'failed':
      return `FAILED (${o.kind}) ${o.message}${o.pausedNow ? ' — feed paused' : ''}`;
    default:
      return o.status;
  }
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('fetch every active feed once into the library and print the summary')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime, where }) => {
        process.stderr.write(`ingest on ${where}\n`);
        // Recorded as the cycle records its runs, so /health's "last run" counts a run by hand too.
        const summary = await recorded(
          runtime,
          'ingest',
          async () =>
            (
              await runIngest({
                ...runtime,
                onFeedDone: (outcome, done, total) =>
                  process.stderr.write(`[${done}/${total}] ${outcome.feedId}: ${describeOutcome(outcome)}\n`),
              })
            ).summary,
        );
        if (options.json) printJson(summary);
        else
          for (const [key, value] of Object.entries(summary)) {
            println(`${key.padEnd(14)} ${Array.isArray(value) ? value.join(', ') || '-' : value}`);
          }
      });
    });
}
