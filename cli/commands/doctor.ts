import { type Command, Option } from 'commander';
import {
  countActions,
  type Finding,
  filterAsTyped,
  migrateStoredFilters,
  needsAdmin,
} from '#shared/filters/migrate.js';
import { problemText } from '#shared/filters/problems.js';
import type { PartnerNames, UiLanguage } from '#shared/filters/values.js';
import { listPartners } from '#shared/library/registry.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';

/**
 * `iaspn doctor`: stored data that no longer means what it was meant to. Today: follows and digest
 * subscriptions stored before the filter language resolved every value (shared/filters/migrate.ts).
 * Lists those whose values are not canonical (and what they would become) and those with values
 * that resolve to nothing (with the closest valid ones); `--fix` rewrites the first kind, as the
 * next ingest or announcement run does once. Exits 1 while some need an admin: those are never
 * changed or deleted by the relay itself.
 */

interface Options {
  fix?: boolean;
  json?: boolean;
  lang: UiLanguage;
}

const ACTION_TEXT = {
  dry: { rewrite: 'to rewrite', merge: 'to merge', 'needs-admin': 'NEEDS AN ADMIN', failed: 'FAILED' },
  fixed: { rewrite: 'rewritten', merge: 'merged', 'needs-admin': 'NEEDS AN ADMIN', failed: 'FAILED' },
} as const;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function subject(f: Finding): string {
  return f.kind === 'follow'
    ? `follow ${f.channel.platform} ${f.channel.workspaceId} ${f.channel.channelId} ${f.followId}`
    : `subscription ${f.email} (${f.status})`;
}

function findingLines(f: Finding, applied: boolean, lang: UiLanguage, partners: PartnerNames): string[] {
  const action = ACTION_TEXT[applied ? 'fixed' : 'dry'][f.action];
  const stored = filterAsTyped(f.repair.stored, lang);
  const lines = [`${subject(f)}: ${action}`, `  stored:    ${stored}`];
  if (f.action === 'rewrite' || f.action === 'merge') {
    const into = f.kind === 'follow' && f.newFollowId !== f.followId ? ` (follow ${f.newFollowId})` : '';
    lines.push(`  canonical: ${filterAsTyped(f.repair.canonical, lang)}${into}`);
  }
  for (const p of f.repair.problems) lines.push(`  ${problemText(p, lang, partners)}`);
  if (f.error) lines.push(`  ${f.error}`);
  return lines;
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'stored follows and subscriptions whose filter values are not canonical or mean nothing; --fix rewrites those that resolve (exit 1 while some need an admin)',
    )
    .option('--fix', 'rewrite the stored filters whose values all resolve (what the next ingest does once)')
    .option('--json', 'print the findings as JSON')
    .addOption(new Option('--lang <lang>', 'language of the suggestions').choices(['en', 'es']).default('en'))
    .action(async (options: Options, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime, where }) => {
        const report = await migrateStoredFilters(runtime, { apply: options.fix ?? false });
        const partners = new Map((await listPartners(runtime.store)).map((p) => [p.id, p.name]));
        const admin = needsAdmin(report);
        if (admin.length > 0) process.exitCode = 1;
        if (options.json) {
          printJson({
            ...report,
            findings: report.findings.map((f) => ({
              ...f,
              problems: f.repair.problems.map((p) => problemText(p, options.lang, partners)),
            })),
          });
          return;
        }
        process.stderr.write(`doctor on ${where}\n`);
        for (const f of report.findings) {
          for (const line of findingLines(f, report.applied, options.lang, partners)) println(line);
          println();
        }
        const counts = countActions(report);
        const fixable = counts.rewrite + counts.merge;
        println(
          `${plural(report.follows, 'follow')} and ${plural(report.subscriptions, 'subscription')} checked: ` +
            `${fixable} ${report.applied ? 'rewritten' : 'to rewrite'}, ${admin.length} need an admin`,
        );
        if (!report.applied && fixable > 0) println('run `iaspn doctor --fix` to rewrite them');
        if (admin.length > 0)
          println(
            'those that need an admin are left as they are: change them (follow/unfollow in the channel, `iaspn subscribers`) or remove them',
          );
      });
    });
}
