import { type Command, InvalidArgumentError } from 'commander';
import { formatEventPlace, formatEventWhen } from '#shared/events/format.js';
import { DEFAULT_TIME_ZONE } from '#shared/events/time-zone.js';
import { searchCatalogue, upcomingEvents } from '#shared/events/upcoming.js';
import { parseFilterText } from '#shared/filters/language.js';
import { problemText } from '#shared/filters/problems.js';
import { getResources } from '#shared/library/resource-store.js';
import { createSearchService } from '#shared/search/service.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println } from '../output.js';
import { timeZoneOption } from '../time-zone-option.js';

/**
 * `iaspn events`: event resources. `upcoming [filters]` lists what has not yet ended, soonest
 * first, in a time zone (shared/events/upcoming.ts, the bots' `upcoming`); `set <id>` is an admin's
 * correction of an event's dates (shared/events/corrections.ts), kept over what the feed says on
 * every later ingest.
 */

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new InvalidArgumentError('must be a whole number from 1 to 500');
  return n;
}

interface SetOptions {
  start: string;
  end?: string;
  tz?: string;
  json?: boolean;
}

interface UpcomingOptions {
  json?: boolean;
  tz: string;
  limit: number;
}

export function registerEvents(program: Command): void {
  const events = program
    .command('events')
    .description('event resources: what is coming up, and corrections of their dates');
  events
    .command('upcoming')
    .description(
      'events not yet ended, soonest first, with their times in a time zone; filters as in search (values that mean nothing are refused, exit 2)',
    )
    .argument('[filters...]', 'e.g. country:colombia topic:cct lang:es')
    .option('--tz <zone>', 'the IANA time zone to show times in', timeZoneOption, DEFAULT_TIME_ZONE)
    .option('--limit <n>', 'how many events at most (1-500)', positiveInt, 20)
    .option('--json', 'print the events as JSON (instants in ISO 8601 UTC, with when and where as text)')
    .action(async (words: string[], options: UpcomingOptions, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const search = createSearchService(runtime);
        const partners = await search.partners();
        const now = runtime.clock();
        const parsed = parseFilterText(words.join(' '), { now, partners });
        for (const problem of parsed.problems)
          process.stderr.write(`iaspn: ${problemText(problem, 'en', partners)}\n`);
        if (parsed.problems.some((p) => p.code !== 'note')) {
          process.exitCode = 2;
          return;
        }
        const catalogue = searchCatalogue(search, (ids) => getResources(runtime.store, ids));
        const found = await upcomingEvents(catalogue, parsed.filter, { now, limit: options.limit });
        const shown = found.map((r) => ({
          id: r.id,
          title: r.title,
          url: r.url,
          partnerId: r.partnerId,
          when: formatEventWhen(r.event, options.tz, 'en'),
          where: formatEventPlace(r.event, 'en'),
          event: r.event,
        }));
        if (options.json) {
          printJson({ timeZone: options.tz, now: now.toISOString(), filter: parsed.filter, events: shown });
          return;
        }
        println(`${shown.length} upcoming event${shown.length === 1 ? '' : 's'} (times in ${options.tz})`);
        for (const [i, e] of shown.entries()) {
          println();
          println(`${i + 1}. ${e.title}`);
          println(`   ${[e.when, e.where].filter(Boolean).join(' · ')}`);
          println(`   ${e.url}`);
          if (e.event.registrationUrl) println(`   register: ${e.event.registrationUrl}`);
        }
      });
    });

  events
    .command('set')
    .description(
      'correct an event’s dates; the correction is kept over what its feed says on every later ingest',
    )
    .argument('<id>', 'the event resource’s id (search --json and events upcoming --json show it)')
    .requiredOption(
      '--start <when>',
      '2027-03-05 (all day), 2027-03-05T14:00 (a time in --tz) or an instant with its offset',
    )
    .option('--end <when>', 'the same forms as --start (an all-day end is the last day)')
    .option('--tz <zone>', 'the IANA time zone of the times given', timeZoneOption)
    .option('--json', 'print the corrected event as JSON')
    .action(async (id: string, options: SetOptions, command: Command) => {
      const { correctedWhen, correctEvent, EventCorrectionError } = await import(
        '#shared/events/corrections.js'
      );
      const correction = { start: options.start, end: options.end, timeZone: options.tz };
      try {
        correctedWhen(correction);
      } catch (error) {
        if (error instanceof EventCorrectionError) throw new InvalidArgumentError(error.message);
        throw error;
      }
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const resource = await correctEvent(runtime.store, id, correction);
        if (options.json) {
          printJson({ id: resource.id, title: resource.title, event: resource.event });
          return;
        }
        println(`${resource.title}`);
        println(`   ${formatEventWhen(resource.event!, options.tz ?? DEFAULT_TIME_ZONE, 'en')}`);
        println('   kept over what the feed says on every later ingest');
      });
    });
}
