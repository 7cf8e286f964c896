import { type Command, InvalidArgumentError } from 'commander';
import { createSearchService } from '#shared/search/service.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new InvalidArgumentError('must be a whole number from 1 to 50');
  return n;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description(
      'search the library: free text, "phrases", -word, type: country: topic: lang: partner: since: before:',
    )
    .argument('<query...>', 'the query, e.g. "cash transfers country:BR since:1y"')
    .option('--limit <n>', 'results per page (1-50)', positiveInt, 10)
    .option('--cursor <cursor>', 'the next page, from a previous --json answer')
    .option('--json', 'print the results as JSON, in rank order')
    .action(
      async (
        words: string[],
        options: { limit: number; cursor?: string; json?: boolean },
        command: Command,
      ) => {
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const search = createSearchService(runtime);
          const response = await search.search({
            query: words.join(' '),
            limit: options.limit,
            cursor: options.cursor,
          });
          for (const problem of response.problems) process.stderr.write(`iaspn: ${problem}\n`);
          if (options.json) {
            printJson({
              total: response.total,
              hits: response.hits.map((hit, i) => ({ rank: i + 1, ...hit })),
              ...(response.nextCursor ? { nextCursor: response.nextCursor } : {}),
              appliedFilter: response.appliedFilter,
              problems: response.problems,
            });
            return;
          }
          println(`${response.total} result${response.total === 1 ? '' : 's'}`);
          response.hits.forEach((hit, i) => {
            println();
            println(`${i + 1}. ${hit.title}`);
            println(
              `   ${hit.partnerName} · ${hit.publishedAt.slice(0, 10)} · ${hit.type} · ${hit.language}`,
            );
            println(`   ${hit.url}`);
            if (hit.snippet) println(`   ${hit.snippet}`);
          });
          if (response.nextCursor) println(`\nmore: --cursor ${response.nextCursor}`);
        });
      },
    );
}
