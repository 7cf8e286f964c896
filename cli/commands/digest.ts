import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
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
    .description(
      'the digest an address would receive now: .html, .txt and .eml files with --out, or --json (sends nothing)',
    )
    .argument('<email>')
    .option('--out <dir>', 'directory for the files')
    .option(
      '--since <date>',
      'include resources first seen since then (ISO date or time; default: since the last digest)',
      isoDate,
    )
    .option('--json', 'print the preview as JSON (subject, count, window, plain text)')
    .action(
      async (email: string, options: { out?: string; since?: string; json?: boolean }, command: Command) => {
        if (!options.out && !options.json)
          throw new InvalidArgumentError('give --out <dir> for the files, or --json');
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const preview = await previewDigest(runtime, email, { since: options.since });
          const { digest } = preview;
          let files: string[] = [];
          if (digest && options.out) {
            mkdirSync(options.out, { recursive: true });
            const base = path.join(options.out, 'digest');
            files = [`${base}.html`, `${base}.txt`, `${base}.eml`];
            writeFileSync(files[0]!, digest.rendered.html);
            writeFileSync(files[1]!, digest.rendered.text);
            writeFileSync(files[2]!, digest.eml);
          }
          if (options.json) {
            printJson({
              email,
              since: preview.since,
              until: preview.until,
              wouldSend: Boolean(digest),
              ...(digest ? { subject: digest.subject, total: digest.total, text: digest.rendered.text } : {}),
              ...(files.length ? { files } : {}),
            });
            return;
          }
          const since = preview.sinceGiven
            ? `since ${preview.since}`
            : `since the last digest (${preview.since})`;
          if (!digest) {
            println(`nothing new for ${email} ${since}: no digest would be sent`);
            return;
          }
          println(digest.subject);
          println(`${digest.total} resources first seen ${preview.since} to ${preview.until}`);
          println(`wrote ${files.join(', ')}`);
        });
      },
    );
}

/** A date or time as given (`2026-01-01`, `2026-01-01T08:00:00Z`), as an ISO instant. */
function isoDate(value: string): string {
  const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new InvalidArgumentError('must be an ISO date, e.g. 2026-01-01');
  return new Date(time).toISOString();
}
