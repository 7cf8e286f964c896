import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type DigestPreview, previewDigest } from '#shared/digest/preview.js';
import { runDigest } from '#shared/digest/run.js';
import { readDate } from '#shared/filters/dates.js';
import { problemText } from '#shared/filters/problems.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';
import { machineTimeZone } from '../time-zone-option.js';

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
      'include resources first seen since then, as since: reads it: a date (2026-01-01, 15/01/2026, "January 2026", 2026), a time, or a time back from now ("last week", "2 weeks ago", 7d), in this machine\'s zone (TZ); default: since the last digest',
      sinceValue,
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
          if (preview.status !== 'confirmed')
            process.stderr.write(
              `note: ${email} is ${preview.status}: digests go only to confirmed addresses, so none is sent to it; this is what it would get if it were confirmed\n`,
            );
          if (options.json) {
            printJson({
              email,
              status: preview.status,
              since: preview.since,
              sinceFrom: preview.sinceFrom,
              until: preview.until,
              wouldSend: Boolean(digest) && preview.status === 'confirmed',
              ...(digest ? { subject: digest.subject, total: digest.total, text: digest.rendered.text } : {}),
              ...(files.length ? { files } : {}),
            });
            return;
          }
          const since = sinceWords(preview);
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

/**
 * --since as the filter language reads `since:` (shared/filters/dates.ts: `2026-01-01`, `15/01/2026`,
 * `January 2026`, `last week`, `2 weeks ago`, `30d`...), as an ISO instant. A day that does not
 * exist (2026-02-30) is refused rather than rolled over, and so is a time to come: a digest looks
 * back. The refusal is the filter language's own sentence.
 */
function sinceValue(value: string): string {
  const read = readDate(value, new Date(), { timeZone: machineTimeZone() });
  if (read.ok) return read.iso;
  throw new InvalidArgumentError(
    problemText({ code: 'date', key: 'since', typed: `since:${value}`, reason: read.reason }, 'en'),
  );
}

/** Where the window starts, in words: "since the last digest (…)", "since it was confirmed (…)". */
function sinceWords(preview: DigestPreview): string {
  switch (preview.sinceFrom) {
    case 'given':
      return `since ${preview.since}`;
    case 'last-digest':
      return `since the last digest (${preview.since})`;
    case 'confirmed':
      return `since it was confirmed (${preview.since}; no digest sent yet)`;
    case 'subscribed':
      return `since it subscribed (${preview.since}; no digest sent yet)`;
  }
}
