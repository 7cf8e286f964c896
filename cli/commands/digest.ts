import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { previewDigest } from '#shared/digest/preview.js';
import { runDigest } from '#shared/digest/run.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';

export function registerDigest(program: Command): void {
  const digest = program.command('digest').description('email digests');

  digest
    .command('run')
    .description('send the digests that are due now (each at most once per subscriber and period)')
    .option('--dry-run', 'compose but send and record nothing ("sent" counts what would go out)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const summary = await runDigest(runtime, { dryRun: options.dryRun });
        const { due, sent, empty, skipped, failed } = summary;
        if (options.json) printJson({ due, sent, empty, skipped, failed, dryRun: summary.dryRun });
        else
          println(
            `due ${due}, ${summary.dryRun ? 'would send' : 'sent'} ${sent}, empty ${empty}, skipped ${skipped}, failed ${failed}`,
          );
        if (failed > 0) process.exitCode = 1;
      });
    });

  digest
    .command('preview')
    .description('write the digest an address would receive now as .html, .txt and .eml (sends nothing)')
    .argument('<email>')
    .requiredOption('--out <dir>', 'directory for the files')
    .option('--since <iso>', 'include resources first seen since then (default: since the last digest)')
    .action(async (email: string, options: { out: string; since?: string }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const preview = await previewDigest(runtime, email, { since: options.since });
        if (!preview) {
          println(`nothing new for ${email} since the last digest: no digest would be sent`);
          return;
        }
        mkdirSync(options.out, { recursive: true });
        const base = path.join(options.out, 'digest');
        writeFileSync(`${base}.html`, preview.rendered.html);
        writeFileSync(`${base}.txt`, preview.rendered.text);
        writeFileSync(`${base}.eml`, preview.eml);
        println(`${preview.subject}`);
        println(`${preview.total} resources first seen ${preview.since} to ${preview.until}`);
        println(`wrote ${base}.html, ${base}.txt, ${base}.eml`);
      });
    });
}
