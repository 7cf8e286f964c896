import { type Command, InvalidArgumentError } from 'commander';
import { parseSearchLimit, SearchRequestError } from '#shared/search/request.js';
import type { ScoreExplanation } from '#shared/search/types.js';
import { answer } from '../answers.js';
import type { GlobalOptions } from '../context.js';
import { printJson, println } from '../output.js';
import { machineTimeZone, timeZoneOption } from '../time-zone-option.js';

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

const OTHER_CURSOR =
  'That --cursor is not one this search gave, so these are the first results: run the search without --cursor, or give the cursor printed at the end of the previous page of the same search (same words and filters).';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description(
      'search the library: free text, "phrases", -word, type: country: topic: lang: partner: since: before:',
    )
    .argument('<query...>', 'the query, e.g. "cash transfers country:BR since:1y"')
    .option('--limit <n>', 'results per page (1-50)', limit, 10)
    .option('--cursor <cursor>', 'the next page: the cursor printed at the end of the previous page')
    .option(
      '--tz <zone>',
      "the IANA time zone dates in the query are read in (default: this machine's)",
      timeZoneOption,
    )
    .option('--json', 'print the results as JSON, in rank order')
    .option(
      '--explain',
      "show each hit's score parts: terms and fields, topic, coordination, document prior, recency, language",
    )
    .action(
      async (
        words: string[],
        options: { limit: number; cursor?: string; tz?: string; json?: boolean; explain?: boolean },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const { answer: response, where } = await answer(globals, 'search', {
          query: words.join(' '),
          limit: options.limit,
          cursor: options.cursor,
          timeZone: options.tz ?? machineTimeZone(),
          ...(options.explain ? { explain: true } : {}),
        });
        const problems = response.ignoredCursor ? [OTHER_CURSOR, ...response.problems] : response.problems;
        for (const problem of problems) process.stderr.write(`iaspn: ${problem}\n`);
        if (response.libraryEmpty)
          process.stderr.write(`iaspn: searched the ${where}. ${howToFill(globals)}\n`);
        // A page after the first goes on numbering where the previous one ended.
        const offset = response.offset ?? 0;
        if (options.json) {
          printJson({
            total: response.total,
            hits: response.hits.map((hit, i) => ({ rank: offset + i + 1, ...hit })),
            ...(response.nextCursor ? { nextCursor: response.nextCursor } : {}),
            appliedFilter: response.appliedFilter,
            problems,
          });
          return;
        }
        println(`${response.total} result${response.total === 1 ? '' : 's'}`);
        response.hits.forEach((hit, i) => {
          println();
          println(`${offset + i + 1}. ${hit.title}`);
          println(`   ${hit.partnerName} · ${hit.publishedAt.slice(0, 10)} · ${hit.type} · ${hit.language}`);
          println(`   ${hit.url}`);
          if (hit.snippet) println(`   ${hit.snippet}`);
          if (hit.explain) for (const line of explainLines(hit.score, hit.explain)) println(`   ${line}`);
        });
        if (response.nextCursor) println(`\nmore: --cursor ${response.nextCursor}`);
      },
    );
}

/** What fills an empty library, for the store searched. */
function howToFill(globals: GlobalOptions): string {
  return globals.aws
    ? '`iaspn --aws feeds list` shows the registered feeds; `iaspn --aws ingest` collects them now.'
    : '`iaspn start` collects the sample partner feeds into it; or add feeds with `iaspn feeds add` and run `iaspn ingest`.';
}

/** A hit's score parts as lines: score = (terms + topic) × coordination × prior × recency × proximity. */
export function explainLines(score: number, e: ScoreExplanation): string[] {
  const sum = (parts: { score: number }[]) => parts.reduce((s, p) => s + p.score, 0).toFixed(2);
  const lines = [
    `score ${score.toFixed(2)} = (terms ${sum(e.terms)} + topic ${sum(e.topic)}) × coordination ${e.coordination} × prior ${e.prior} × recency ${e.recency} × proximity ${e.proximity} (${e.ranking})`,
  ];
  for (const t of e.terms)
    lines.push(
      `  term ${t.word}${t.term === t.word ? '' : ` → ${t.term}`} in ${t.field}: ${t.score.toFixed(2)}`,
    );
  for (const t of e.topic)
    lines.push(`  topic ${t.token}${t.field ? ` in ${t.field}` : ''}: ${t.score.toFixed(2)}`);
  lines.push(`  language ${e.language.resource}, words matched ${e.language.matched}`);
  if (e.weak.length > 0)
    lines.push(`  weak words (most of the library has them, or they name its domain): ${e.weak.join(', ')}`);
  return lines;
}
