import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type CoopEntry,
  type CoopKind,
  MODALITY_NAMES,
  NEXT_STATUSES,
  resolveDraft,
  resolveKind,
  resolveStatus,
  STATUS_NAMES,
} from '#shared/coop/entry.js';
import type { Match } from '#shared/coop/match.js';
import { type FilterField, resolveValue } from '#shared/filters/values.js';
import { displayCountry, displayLanguage, displayTopic } from '#shared/taxonomy/index.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println, printTable } from '../output.js';

/**
 * `iaspn coop`: the cooperation exchange (shared/coop/). Offers and requests are added one by one
 * or imported from a workshop's CSV or JSON (every row checked before anything is written), listed,
 * shown with their history, matched (best first, with the reasons), moved along their lifecycle,
 * exported, and counted as the Network's newsletters count them.
 */

const fail = (message: string, code = 1) => {
  process.stderr.write(`iaspn: ${message}\n`);
  process.exitCode = code;
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

function year(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 2000 || n > 2100)
    throw new InvalidArgumentError('must be a year like 2026');
  return n;
}

/** A filter value of `list`, through the filter language (refused with the closest). */
function filterValue(field: FilterField, label: string) {
  return (value: string): string => {
    const resolved = resolveValue(field, value);
    if (resolved.ok) return resolved.values[0]!;
    const hint = resolved.suggestions.length ? `: did you mean ${resolved.suggestions.join(', ')}?` : '';
    throw new InvalidArgumentError(`unknown ${label} "${value}"${hint}`);
  };
}

/** `offer` or `request`, also in Spanish (`oferta`, `solicitud`), as the import reads a row's kind. */
function kindOption(value: string): CoopKind {
  const kind = resolveKind(value);
  if (!kind) throw new InvalidArgumentError('must be offer or request (oferta, solicitud)');
  return kind;
}

/** An id or ref that names nothing: exit 2, and where to find the ids. */
const unknownEntry = (idOrRef: string) =>
  fail(`no offer or request ${idOrRef}: \`iaspn coop list\` shows their ids and refs`, 2);

const who = (options: { by?: string }) => `cli:${options.by ?? process.env.USER ?? 'admin'}`;

function entryLines(e: CoopEntry): string[] {
  const lines = [
    `${e.id}${e.ref ? ` (${e.ref})` : ''}  ${e.kind}  ${STATUS_NAMES[e.status].en}`,
    e.title,
    `  ${e.institution}, ${displayCountry(e.country)} · ${e.contact}`,
    `  topics: ${e.topics.map((t) => displayTopic(t)).join(', ')}`,
    `  modalities: ${e.modalities.map((m) => MODALITY_NAMES[m].en).join(', ') || '—'} · languages: ${e.languages.map((l) => displayLanguage(l)).join(', ')}`,
  ];
  if (e.timeFrame) lines.push(`  time frame: ${e.timeFrame}`);
  if (e.counterpart) lines.push(`  with: ${e.counterpart}`);
  lines.push(`  ${e.summary}`);
  return lines;
}

const matchJson = (m: Match, lang: 'en' | 'es') => ({
  id: m.entry.id,
  ref: m.entry.ref ?? null,
  score: m.score,
  reasons: m.reasons.map((r) => r[lang]),
});

interface AddOptions {
  kind: CoopKind;
  title: string;
  summary: string;
  topic: string[];
  country: string;
  institution: string;
  contact: string;
  modality?: string[];
  lang: string[];
  timeFrame?: string;
  ref?: string;
  by?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(/[;,]/)];

export function registerCoop(program: Command): void {
  const coop = program
    .command('coop')
    .description('the cooperation exchange: offers and requests of programmes, matched across the Network');

  coop
    .command('add')
    .description('add an offer or a request (open); topics, country and languages as in search filters')
    .addOption(
      new Option('--kind <kind>', 'offer or request (oferta, solicitud)')
        .argParser(kindOption)
        .makeOptionMandatory(),
    )
    .requiredOption('--title <text>', 'a short title')
    .requiredOption('--summary <text>', 'what is offered or needed, in a few sentences')
    .requiredOption('--topic <topic>', 'a topic (repeatable, or comma-separated)', collect)
    .requiredOption('--country <country>', 'the institution’s country (a name or code)')
    .requiredOption('--institution <name>', 'the institution offering or asking')
    .requiredOption('--contact <contact>', 'who to write to')
    .option(
      '--modality <m>',
      'technical visit, workshop, virtual exchange, documentation, secondment',
      collect,
    )
    .requiredOption('--lang <language>', 'a language it can work in (repeatable)', collect)
    .option('--time-frame <text>', 'a request’s time frame ("first half of 2027")')
    .option('--ref <ref>', 'a workshop’s own id for it')
    .option('--by <name>', 'who is adding it (for the history)')
    .option('--json', 'print the entry as JSON')
    .action(async (options: AddOptions, command: Command) => {
      const resolved = resolveDraft({
        kind: options.kind,
        title: options.title,
        summary: options.summary,
        topics: options.topic,
        country: options.country,
        institution: options.institution,
        contact: options.contact,
        modalities: options.modality ?? [],
        languages: options.lang,
        timeFrame: options.timeFrame,
        ref: options.ref,
      });
      if (!resolved.ok) {
        for (const p of resolved.problems) fail(p, 2);
        return;
      }
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { createEntry } = await import('#shared/coop/store.js');
        const { entry, created } = await createEntry(runtime.store, resolved.draft, {
          who: who(options),
          at: runtime.clock(),
        });
        if (!created) process.stderr.write(`iaspn: ref ${entry.ref} is already ${entry.id}; nothing added\n`);
        if (options.json) printJson(entry);
        else for (const line of entryLines(entry)) println(line);
      });
    });

  coop
    .command('list')
    .description('offers and requests, oldest first, filtered by kind, status, topic or country')
    .addOption(new Option('--kind <kind>', 'offer or request (oferta, solicitud)').argParser(kindOption))
    .option('--status <status>', 'open, matched, in progress, done or withdrawn', (v: string) => {
      const s = resolveStatus(v);
      if (!s) throw new InvalidArgumentError('must be open, matched, in-progress, done or withdrawn');
      return s;
    })
    .option('--topic <topic>', 'a topic, as in search filters', filterValue('topics', 'topic'))
    .option('--country <country>', 'a country, as in search filters', filterValue('countries', 'country'))
    .option('--json', 'print the entries as JSON')
    .action(
      async (
        options: { kind?: CoopKind; status?: string; topic?: string; country?: string; json?: boolean },
        command: Command,
      ) => {
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const { listAllEntries } = await import('#shared/coop/store.js');
          const all = (await listAllEntries(runtime.store)).filter(
            (e) =>
              (!options.kind || e.kind === options.kind) &&
              (!options.status || e.status === options.status) &&
              (!options.topic || e.topics.includes(options.topic)) &&
              (!options.country || e.country === options.country),
          );
          if (options.json) {
            printJson(all);
            return;
          }
          printTable(
            all.map((e) => ({ ...e, ref: e.ref ?? '', status: STATUS_NAMES[e.status].en })),
            ['id', 'ref', 'kind', 'status', 'country', 'title'],
          );
        });
      },
    );

  coop
    .command('show')
    .description('one offer or request with its history')
    .argument('<id-or-ref>', 'its id (O-… or R-…) or the workshop’s ref')
    .option('--json', 'print it as JSON')
    .action(async (idOrRef: string, options: { json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { findEntry } = await import('#shared/coop/store.js');
        const entry = await findEntry(runtime.store, idOrRef);
        if (!entry) return unknownEntry(idOrRef);
        if (options.json) return printJson(entry);
        for (const line of entryLines(entry)) println(line);
        println();
        println('history:');
        for (const h of entry.history)
          println(
            `  ${h.at}  ${h.change}${h.with ? ` with ${h.with}` : ''}  by ${h.by}${h.note ? ` (${h.note})` : ''}`,
          );
      });
    });

  coop
    .command('match')
    .description('the offers that fit a request, or the requests that fit an offer, best first, with why')
    .argument('<id-or-ref>', 'its id or ref')
    .option('--limit <n>', 'how many at most (1-100)', positiveInt, 5)
    .addOption(new Option('--lang <lang>', 'the language of the reasons').choices(['en', 'es']).default('en'))
    .option('--json', 'print { matches: [{ id, ref, score, reasons }] }, best first')
    .action(
      async (
        idOrRef: string,
        options: { limit: number; lang: 'en' | 'es'; json?: boolean },
        command: Command,
      ) => {
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const { matchesOf } = await import('#shared/coop/exchange.js');
          const found = await matchesOf(runtime.store, idOrRef, options.limit);
          if (!found) return unknownEntry(idOrRef);
          if (options.json)
            return printJson({ matches: found.matches.map((m) => matchJson(m, options.lang)) });
          const other = found.entry.kind === 'offer' ? 'request' : 'offer';
          const n = found.matches.length;
          println(`${n} ${other}${n === 1 ? '' : 's'} for ${found.entry.id}: ${found.entry.title}`);
          for (const [i, m] of found.matches.entries()) {
            println();
            println(
              `${i + 1}. ${m.entry.id}${m.entry.ref ? ` (${m.entry.ref})` : ''}  ${m.entry.title}  [${m.score}]`,
            );
            println(`   ${m.entry.institution}, ${displayCountry(m.entry.country, options.lang)}`);
            println(`   ${m.reasons.map((r) => r[options.lang]).join('; ')}`);
          }
        });
      },
    );

  coop
    .command('status')
    .description('move an offer or request along open → matched → in progress → done, or withdraw it')
    .argument('<id-or-ref>', 'its id or ref')
    .argument('<status>', 'matched, in-progress, done, withdrawn or open (a match undone)')
    .option('--with <id-or-ref>', 'the other side (matched with, done with)')
    .option('--from <status>', 'the status you saw it in (default: as read now)')
    .option('--note <text>', 'a note for the history')
    .option('--by <name>', 'who changes it (for the history)')
    .option('--json', 'print the entry as JSON')
    .action(
      async (
        idOrRef: string,
        statusText: string,
        options: { with?: string; from?: string; note?: string; by?: string; json?: boolean },
        command: Command,
      ) => {
        const to = resolveStatus(statusText);
        if (!to)
          return fail(`"${statusText}" is no status: open, matched, in-progress, done or withdrawn`, 2);
        const from = options.from === undefined ? undefined : resolveStatus(options.from);
        if (options.from !== undefined && !from) return fail(`--from "${options.from}" is no status`, 2);
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const { changeStatus, CoopChangeError, findEntry } = await import('#shared/coop/store.js');
          const entry = await findEntry(runtime.store, idOrRef);
          if (!entry) return unknownEntry(idOrRef);
          const otherKind = entry.kind === 'offer' ? 'request' : 'offer';
          let counterpart: string | undefined;
          if (options.with) {
            const other = await findEntry(runtime.store, options.with);
            if (!other || other.kind === entry.kind)
              return fail(
                `no ${otherKind} ${options.with}: \`iaspn coop match ${entry.id}\` shows the ${otherKind}s that fit`,
                2,
              );
            if (to === 'matched' && (other.status === 'withdrawn' || other.status === 'done'))
              return fail(
                `${other.id} is ${STATUS_NAMES[other.status].en}: it can be matched no more; \`iaspn coop match ${entry.id}\` shows the open ${otherKind}s that fit`,
                2,
              );
            counterpart = other.id;
          }
          // A match is with someone: the report counts each exchange between two countries.
          if (to === 'matched' && !counterpart && NEXT_STATUSES[entry.status].includes('matched')) {
            const { matchesOf } = await import('#shared/coop/exchange.js');
            const best = (await matchesOf(runtime.store, entry.id, 1))?.matches[0]?.entry;
            return fail(
              `matched with which ${otherKind}? add --with <id or ref>${best ? `: its best fit is ${best.id}${best.ref ? ` (${best.ref})` : ''}, \`iaspn coop match ${entry.id}\` shows the others` : ''}`,
              2,
            );
          }
          try {
            const changed = await changeStatus(runtime.store, entry.id, {
              to,
              expected: from ?? entry.status,
              by: who(options),
              at: runtime.clock(),
              counterpart,
              note: options.note,
            });
            if (options.json) printJson(changed);
            else println(`${changed.id} is now ${STATUS_NAMES[changed.status].en}`);
          } catch (error) {
            if (!(error instanceof CoopChangeError)) throw error;
            // A step out of order is the user's to fix (exit 2, with the step that comes next);
            // a change that lost to another is worth trying again (exit 1).
            if (error.code !== 'transition_refused') return fail(error.message);
            const next = NEXT_STATUSES[entry.status].filter((s) => s !== 'withdrawn' && s !== 'open')[0];
            const step =
              next === 'matched'
                ? `iaspn coop status ${entry.id} matched --with <${otherKind}>`
                : `iaspn coop status ${entry.id} ${next === 'in-progress' ? '"in progress"' : next}`;
            return fail(`${error.message}${next ? `; next: ${step}` : ''}`, 2);
          }
        });
      },
    );

  coop
    .command('import')
    .description(
      'import a workshop’s offers and requests from CSV or JSON; nothing is written unless every row is good',
    )
    .argument('<file>', 'a .csv or .json file, or - for standard input')
    .addOption(
      new Option('--format <format>', 'csv or json (default: from the content)').choices(['csv', 'json']),
    )
    .option('--by <name>', 'who is importing (for the history)')
    .option('--json', 'print what was added (or the refused rows) as JSON')
    .action(
      async (
        file: string,
        options: { format?: 'csv' | 'json'; by?: string; json?: boolean },
        command: Command,
      ) => {
        const { ImportFormatError, importEntries, readImportRows } = await import('#shared/coop/exchange.js');
        let rows: ReturnType<typeof readImportRows>;
        // A file's extension says what it is, so that a broken .json is told as JSON, not as a CSV.
        const format =
          options.format ?? (/\.json$/i.test(file) ? 'json' : /\.csv$/i.test(file) ? 'csv' : 'auto');
        try {
          rows = readImportRows(readFileSync(file === '-' ? 0 : file, 'utf8'), format);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            return fail(`${file}: no such file (a .json or .csv file, or - for standard input)`, 2);
          if (error instanceof ImportFormatError) return fail(`${file}: ${(error as Error).message}`, 2);
          throw error;
        }
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const result = await importEntries(runtime.store, rows, { who: who(options), at: runtime.clock() });
          if (!result.ok) {
            if (options.json) printJson({ imported: 0, refused: result.problems });
            for (const p of result.problems)
              process.stderr.write(
                `iaspn: row ${p.row}${p.ref ? ` (${p.ref})` : ''}: ${p.problems.join('; ')}\n`,
              );
            fail(`nothing imported: ${result.problems.length} of ${rows.length} rows refused`, 2);
            return;
          }
          if (options.json) {
            printJson({
              created: result.created.map((e) => ({ id: e.id, ref: e.ref ?? null })),
              existing: result.existing.map((e) => ({ id: e.id, ref: e.ref ?? null })),
            });
            return;
          }
          println(`${result.created.length} added, ${result.existing.length} already there (same ref)`);
          for (const e of result.created)
            println(`  ${e.id}${e.ref ? ` (${e.ref})` : ''}  ${e.kind}  ${e.title}`);
        });
      },
    );

  coop
    .command('export')
    .description('every offer and request, in the import shape (with id, status and history)')
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'))
    .action(async (options: { format: 'json' | 'csv' }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { listAllEntries } = await import('#shared/coop/store.js');
        const { exportShape, toCsv } = await import('#shared/coop/exchange.js');
        const all = await listAllEntries(runtime.store);
        if (options.format === 'csv') process.stdout.write(toCsv(all));
        else printJson(all.map(exportShape));
      });
    });

  coop
    .command('report')
    .description(
      'cooperation in numbers: open offers and requests by topic and country, matches, exchanges done',
    )
    .option('--year <year>', 'matches and exchanges of one year', year)
    .option('--json', 'print the figures as JSON')
    .action(async (options: { year?: number; json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { listAllEntries } = await import('#shared/coop/store.js');
        const { coopReport, reportLines } = await import('#shared/coop/exchange.js');
        const report = coopReport(await listAllEntries(runtime.store), options.year);
        if (options.json) printJson(report);
        else for (const line of reportLines(report)) println(line);
      });
    });

  coop
    .command('notify')
    .description(
      'tell the new offers and requests now, each once: their institutions the best three, the matched institutions, the admin channel, the channels following their topics (the announcement job does it every cycle)',
    )
    .option('--dry-run', 'plan, but claim, send and record nothing (lists what would be told)')
    .option('--json', 'print the summary and what was told as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { runCoopNotify } = await import('#shared/coop/notify.js');
        const summary = await runCoopNotify(runtime, { dryRun: options.dryRun });
        if (options.json) printJson(summary);
        else {
          const verb = summary.dryRun ? 'would tell' : 'told';
          println(
            `${summary.entries} new entries, ${summary.notices} notices: ${verb} ${summary.sent} in ${summary.messages} message(s), skipped ${summary.skipped}, failed ${summary.failed}`,
          );
          for (const t of summary.told)
            println(
              `  ${t.entry} ${t.role} → ${t.to}${t.matches.length ? ` (${t.matches.join(', ')})` : ''}`,
            );
        }
        if (summary.failed > 0) process.exitCode = 1;
      });
    });
}
