import { type Command, Option } from 'commander';
import { parseFilterText } from '#shared/filters/language.js';
import { filterAsTyped } from '#shared/filters/migrate.js';
import { PREVIEW_DAYS, previewFilter } from '#shared/filters/preview.js';
import { problemText } from '#shared/filters/problems.js';
import type { UiLanguage } from '#shared/filters/values.js';
import { listAllFollows } from '#shared/follows/state.js';
import { createSearchService } from '#shared/search/service.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';
import { previewLines } from '../preview-text.js';

/**
 * `iaspn follows`: the channels' follows as the announcement run reads them, and `preview`, what a
 * follow would have brought in the last 30 days (the bots' `follow preview`, through the same
 * `previewFilter`), refusing values that mean nothing as `follow` does.
 */

interface Options {
  json?: boolean;
  lang: UiLanguage;
}

const langOption = () =>
  new Option('--lang <lang>', 'language of the messages and names').choices(['en', 'es']).default('en');

const SAYS = {
  en: { filter: 'Filter', none: 'No channel follows anything yet.', everything: 'everything' },
  es: { filter: 'Filtro', none: 'Ningún canal sigue nada todavía.', everything: 'todo' },
};

export function registerFollows(program: Command): void {
  const follows = program
    .command('follows')
    .description("the channels' follows: list them, preview what a follow would bring");

  follows
    .command('list')
    .description('every follow of every channel, as the announcement run reads them')
    .option('--json', 'print the follows as JSON')
    .addOption(langOption())
    .action(async (options: Options, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const all = await listAllFollows(runtime.store);
        if (options.json) {
          printJson(all);
          return;
        }
        if (all.length === 0) println(SAYS[options.lang].none);
        for (const f of all)
          println(
            `${f.platform} ${f.workspaceId} ${f.channelId}  ${f.followId}  ${filterAsTyped(f.filter, options.lang)}`,
          );
      });
    });

  follows
    .command('preview')
    .description(
      `what a follow would have brought in the last ${PREVIEW_DAYS} days, without saving it; values that mean nothing are refused (exit 2)`,
    )
    .argument(
      '<filters...>',
      `what would be followed, e.g. topic:cct country:peru; quote what has a -exclusion: '"cash transfers" -pilot'`,
    )
    .option('--json', 'print the preview as JSON')
    .addOption(langOption())
    .action(async (words: string[], options: Options, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const search = createSearchService(runtime);
        const partners = await search.partners();
        const now = runtime.clock();
        const parsed = parseFilterText(words.join(' '), { now, partners });
        const refused = parsed.problems.filter((p) => p.code !== 'note');
        for (const problem of parsed.problems)
          process.stderr.write(`iaspn: ${problemText(problem, options.lang, partners)}\n`);
        if (refused.length > 0) {
          process.exitCode = 2;
          return;
        }
        const preview = await previewFilter(search, parsed.filter, now);
        if (options.json) {
          printJson({ filter: parsed.filter, ...preview });
          return;
        }
        const says = SAYS[options.lang];
        println(`${says.filter}: ${filterAsTyped(parsed.filter, options.lang) || says.everything}`);
        for (const line of previewLines(preview, options.lang)) println(line);
      });
    });
}
