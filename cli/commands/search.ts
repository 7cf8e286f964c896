import { type Command, InvalidArgumentError } from 'commander';
import { parseSearchLimit, SearchRequestError } from '#shared/search/request.js';
import { answer } from '../answers.js';
import type { GlobalOptions } from '../context.js';
import { printJson, println } from '../output.js';

// What this file imports is what `iaspn search` loads beside a running stack: the index, the store
// and the AWS SDK load only when the command opens the store itself (answers.ts).

/** --limit, read as the stack's admin route reads `limit` (the same parser, the same message). */
function limit(value: string): number {
  try {
    return parseSearchLimit(value);
  } catch (error) {
    if (error instanceof SearchRequestError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description(
      'search the library: free text, "phrases", -word, type: country: topic: lang: partner: since: before:',
    )
    .argument('<query...>', 'the query, e.g. "cash transfers country:BR since:1y"')
    .option('--limit <n>', 'results per page (1-50)', limit, 10)
    .option('--cursor <cursor>', 'the next page, from a previous --json answer')
    .option('--json', 'print the results as JSON, in rank order')
    .action(
      async (
        words: string[],
        options: { limit: number; cursor?: string; json?: boolean },
        command: Command,
      ) => {
        const { answer: response } = await answer(command.optsWithGlobals<GlobalOptions>(), 'search', {
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
          println(`   ${hit.partnerName} · ${hit.publishedAt.slice(0, 10)} · ${hit.type} · ${hit.language}`);
          println(`   ${hit.url}`);
          if (hit.snippet) println(`   ${hit.snippet}`);
        });
        if (response.nextCursor) println(`\nmore: --cursor ${response.nextCursor}`);
      },
    );
}
