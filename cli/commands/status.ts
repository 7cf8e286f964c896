import type { Command } from 'commander';
import { answer } from '../answers.js';
import type { GlobalOptions } from '../context.js';
import { printJson, println } from '../output.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('check that the store is reachable and count what it holds')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      // Beside a running stack, the stack answers (answers.ts): this file loads no store.
      const { answer: status, where } = await answer(command.optsWithGlobals<GlobalOptions>(), 'status', {});
      if (options.json) printJson({ where, ...status });
      else {
        println(`store: ${where}`);
        println(
          `table: ${status.table} (${status.reachable ? 'reachable' : `unreachable: ${status.error}`})`,
        );
        for (const [kind, count] of Object.entries(status.counts)) println(`  ${kind.padEnd(14)} ${count}`);
      }
      if (!status.reachable) process.exitCode = 1;
    });
}
