import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { LANGUAGES, type Language, RESOURCE_TYPES, type ResourceType } from '#shared/domain/resource.js';
// Types only: the feed reader (check.js) loads in the actions that fetch, not for `feeds list`.
import type { CheckedFeed } from '#shared/ingest/check.js';
import { cutAtWord } from '#shared/ingest/text.js';
import {
  type Feed,
  findFeed,
  type PartnerKind,
  RegistryError,
  removeFeed,
  setFeedStatus,
} from '#shared/library/registry.js';
import type { ImportReport } from '#shared/library/registry-io.js';
import { answer } from '../answers.js';
import type { GlobalOptions } from '../context.js';
import { countryCodes } from '../country-code.js';
import { printJson, println, printTable } from '../output.js';
import { partnerKindOption } from '../partner-kind.js';
import { askYesNo } from '../prompt.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

// `feeds list` beside a running stack asks the stack (answers.ts) and loads no store: the store, the
// configuration schema and the AWS SDK load in the subcommands that open them, as does the
// registry's JSON and OPML reader (registry-io.js) in import and export.
const withCliRuntime: typeof import('../context.js')['withCliRuntime'] = async (options, body) =>
  (await import('../context.js')).withCliRuntime(options, body);

// The taxonomy builds its phrase tables when loaded: only `feeds add` needs it, not `feeds list`.

async function checkTopics(ids: string[] = []): Promise<string[]> {
  const { topicById } = await import('#shared/taxonomy/index.js');
  for (const id of ids) if (!topicById(id)) throw new InvalidArgumentError(`unknown topic ${id}`);
  return ids;
}

/** Why a feed is not fetched as usual: why it was paused, or until when a server asked us to wait. */
function feedNote(feed: Feed, now: Date): string {
  // The whole reason is in `feeds list --json`; the table keeps to a readable width.
  if (feed.status === 'paused') return cutAtWord(`paused: ${feed.health.pausedReason ?? 'by an admin'}`, 70);
  const until = feed.health.retryAfter;
  if (until && Date.parse(until) > now.getTime())
    return `waits until ${until.slice(0, 16).replace('T', ' ')} UTC`;
  // Read, but only after repairs: the partner's feed is broken and should be fixed.
  return feed.health.warning ? cutAtWord(feed.health.warning, 70) : '';
}

/** Prints what a check found: the feed, then each resource (or all of them as JSON). */
function printChecked(
  checked: CheckedFeed,
  json: boolean | undefined,
  limit = Number.POSITIVE_INFINITY,
): void {
  // The feed was read only after repairs: said on stderr, so that --json stays the resources.
  if (checked.feed.recovered)
    process.stderr.write(`warning: ${checked.source}: recovered: ${checked.feed.recovered.join('; ')}\n`);
  if (json) {
    printJson(checked.resources);
    return;
  }
  if (checked.discoveredFrom)
    println(`${checked.discoveredFrom} is a web page; it links to its feed, ${checked.requested}`);
  println(
    `${checked.feed.format.toUpperCase()} feed "${checked.feed.title ?? ''}" from ${checked.source} (${checked.bytes} bytes, ${checked.charset})`,
  );
  println(`${checked.resources.length} resource(s), ${checked.skipped.length} item(s) skipped`);
  for (const s of checked.skipped) println(`  skipped item ${s.index + 1}: ${s.reason}`);
  for (const r of checked.resources.slice(0, limit)) {
    println('');
    println(`  ${r.title}`);
    println(`    ${r.url}`);
    println(
      `    ${r.publishedAt}${r.dateFallback ? ' (no usable date: first-seen time)' : ''}${r.dateDayFirst ? ' (read day first, as the feed’s language writes dates)' : ''} · ${r.language} · ${r.type}`,
    );
    if (r.topics.length || r.countries.length)
      println(`    topics: ${r.topics.join(', ') || '-'} · countries: ${r.countries.join(', ') || '-'}`);
    if (r.enclosures.length) println(`    enclosures: ${r.enclosures.map((e) => e.url).join(' ')}`);
  }
  if (checked.resources.length > limit) println(`  ... and ${checked.resources.length - limit} more`);
}

interface AddOptions {
  partner: string;
  partnerKind?: PartnerKind;
  type?: ResourceType;
  lang?: Language;
  country?: string[];
  topic?: string[];
  id?: string;
  json?: boolean;
}

export function registerFeeds(program: Command): void {
  const feeds = program
    .command('feeds')
    .description('partner feeds: add, check, list, pause, resume, remove, import, export');

  feeds
    .command('check')
    .description('fetch (or read a file), parse and normalise a feed and print what it holds; writes nothing')
    .argument(
      '<url-or-path...>',
      'an http(s) URL or a local file; several are checked one after the other (JSON: an object by source)',
    )
    .option('--json', 'print the resources as a JSON array')
    .option('--base <url>', 'base URL for relative links in a local file')
    .addOption(new Option('--type <type>', 'default resource type').choices(RESOURCE_TYPES))
    .addOption(new Option('--lang <lang>', 'default language').choices(LANGUAGES))
    .action(
      async (
        sources: string[],
        options: { json?: boolean; base?: string; type?: ResourceType; lang?: Language },
        command: Command,
      ) => {
        const { checkFeed, UnusableFeedError } = await import('#shared/ingest/check.js');
        const { cliConfig } = await import('../context.js');
        const config = cliConfig(command.optsWithGlobals<GlobalOptions>());
        const check = (source: string) =>
          checkFeed(source, {
            config,
            now: new Date(),
            baseUrl: options.base,
            feed: { defaultType: options.type, defaultLanguage: options.lang },
          });
        if (sources.length === 1) {
          printChecked(await check(sources[0]!), options.json);
          return;
        }
        // Several feeds (a partner's set, a test corpus): one failing does not stop the others.
        const report: Record<string, unknown> = {};
        for (const source of sources) {
          try {
            const checked = await check(source);
            report[source] = {
              title: checked.feed.title,
              ...(checked.feed.recovered ? { recovered: checked.feed.recovered } : {}),
              skipped: checked.skipped,
              resources: checked.resources,
            };
            if (!options.json) printChecked(checked, false);
          } catch (error) {
            if (!(error instanceof UnusableFeedError)) throw error;
            report[source] = { error: { kind: error.kind, message: error.message } };
            process.stderr.write(`${source}: ${error.message}\n`);
            process.exitCode = 1;
          }
          if (!options.json) println('');
        }
        if (options.json) printJson(report);
      },
    );

  feeds
    .command('add')
    .description('register a partner feed: fetches and validates it first (creates the partner if new)')
    .argument('<url>', 'the feed URL')
    .requiredOption('--partner <name>', 'partner id or name (created if new)')
    .addOption(
      partnerKindOption(
        '--partner-kind <kind>',
        'kind of a new partner (default: read from its name, else ngo)',
      ),
    )
    .addOption(new Option('--type <type>', 'default resource type').choices(RESOURCE_TYPES))
    .addOption(new Option('--lang <lang>', 'default language').choices(LANGUAGES))
    .option('--country <country>', 'default country: ISO code or name (repeatable)', collect)
    .option('--topic <id>', 'default topic id (repeatable)', collect)
    .option('--id <id>', "feed id (default: from the feed's title, after the partner's id)")
    .option('--json', 'print the saved feed as JSON')
    .action(async (url: string, options: AddOptions, command: Command) => {
      const countries = await countryCodes(options.country);
      const topics = await checkTopics(options.topic);
      const { registerFeed } = await import('#shared/library/register-feed.js');
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { feed, partner, checked } = await registerFeed(runtime, {
          url,
          partner: options.partner,
          partnerKind: options.partnerKind,
          defaultType: options.type,
          defaultLanguage: options.lang,
          defaultCountries: countries,
          defaultTopics: topics,
          id: options.id,
        });
        if (partner.created) {
          const guessed = partner.kindGuessed ? ', from its name: --partner-kind to choose' : '';
          process.stderr.write(`created partner ${partner.partner.id} (${partner.partner.kind}${guessed})\n`);
          // "MIDIS Perú" made a new partner beside midis-pe: say so while it is one command to undo.
          const { partnersAlsoNamed } = await import('#shared/library/partner-lookup.js');
          for (const other of await partnersAlsoNamed(runtime.store, options.partner, partner.partner.id))
            process.stderr.write(
              `note: ${other.id} (${other.name}) has a close name: if the feed is theirs, iaspn feeds remove ${feed.id} --yes, iaspn partners remove ${partner.partner.id}, and add it again with --partner ${other.id}\n`,
            );
        }
        if (options.json) printJson(feed);
        else {
          println(`added feed ${feed.id} for ${partner.partner.name}`);
          printChecked(checked, false, 3);
        }
      });
    });

  feeds
    .command('list')
    .description('the registered feeds with their health')
    .option('--json', 'print the feeds as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { answer: all } = await answer(command.optsWithGlobals<GlobalOptions>(), 'feeds', {});
      if (options.json) {
        printJson(all);
        return;
      }
      const now = new Date();
      printTable(
        all.map((f) => ({
          id: f.id,
          partner: f.partnerId,
          status: f.status,
          fetched: f.health.lastFetchAt?.slice(0, 16).replace('T', ' '),
          http: f.health.lastStatus,
          failures: f.health.consecutiveFailures || '',
          error: f.health.lastErrorKind,
          'new item': f.health.lastNewItemAt?.slice(0, 10),
          note: feedNote(f, now),
          url: f.url,
        })),
        ['id', 'partner', 'status', 'fetched', 'http', 'failures', 'error', 'new item', 'note', 'url'],
      );
    });

  for (const [name, status, verb] of [
    ['pause', 'paused', 'paused'],
    ['resume', 'active', 'resumed'],
  ] as const) {
    feeds
      .command(name)
      .description(`${name} a feed (by id or URL)`)
      .argument('<feed>', 'feed id or URL')
      .action(async (idOrUrl: string, _options: unknown, command: Command) => {
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const feed = await findFeed(runtime.store, idOrUrl);
          if (!feed) throw new RegistryError('feed_not_found', `No feed ${idOrUrl}`);
          await setFeedStatus(runtime.store, feed.id, status);
          println(`${verb} ${feed.id}`);
        });
      });
  }

  feeds
    .command('remove')
    .description('remove a feed (its resources stay in the library); asks first unless --yes')
    .argument('<feed>', 'feed id or URL')
    .option('-y, --yes', 'remove without asking (needed when there is no terminal to ask)')
    .action(async (idOrUrl: string, options: { yes?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const feed = await findFeed(runtime.store, idOrUrl);
        if (!feed) throw new RegistryError('feed_not_found', `No feed ${idOrUrl}`);
        if (!options.yes) {
          const answer = await askYesNo(`Remove feed ${feed.id} (${feed.url}) of partner ${feed.partnerId}?`);
          if (answer === undefined)
            throw new InvalidArgumentError(
              `not removing ${feed.id} without confirmation: no terminal to ask, pass --yes`,
            );
          if (!answer) {
            println(`kept ${feed.id}`);
            return;
          }
        }
        await removeFeed(runtime.store, feed.id);
        println(`removed ${feed.id}`);
      });
    });

  feeds
    .command('import')
    .description('add the partners and feeds of a JSON or OPML file (existing ones are left as they are)')
    .argument('<file>', 'a JSON registry ({ partners, feeds }) or an OPML file; - for stdin')
    .option(
      '--partner <name>',
      'partner (id or name) of OPML feeds outside a partner outline; created from the name when new',
    )
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { partner?: string; json?: boolean }, command: Command) => {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (cause) {
        throw new RegistryError(
          'invalid_registry',
          `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
          { cause },
        );
      }
      let document: unknown;
      if (text.trimStart().startsWith('{')) {
        try {
          document = JSON.parse(text);
        } catch (cause) {
          throw new RegistryError(
            'invalid_registry',
            `${file} is not valid JSON: ${(cause as Error).message}`,
          );
        }
      }
      const { importOpml, importRegistry } = await import('#shared/library/registry-io.js');
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { store, clock } = runtime;
        const report: ImportReport = document
          ? await importRegistry(store, document, clock)
          : await importOpml(store, text, clock, options.partner);
        if (options.json) printJson(report);
        else {
          println(
            `partners added: ${report.partnersAdded.length}${report.partnersAdded.length ? ` (${report.partnersAdded.join(', ')})` : ''}, feeds added: ${report.feedsAdded.length}`,
          );
          for (const s of report.feedsSkipped) println(`  skipped ${s.url}: ${s.reason}`);
          for (const f of report.feedsFailed)
            process.stderr.write(`iaspn: not added ${f.url}: ${f.reason}\n`);
        }
        if (report.feedsFailed.length) process.exitCode = 1;
      });
    });

  feeds
    .command('export')
    .description('print the registry as JSON or OPML')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'opml']).default('json'))
    .action(async (options: { format: 'json' | 'opml' }, command: Command) => {
      const { exportRegistry, registryToOpml } = await import('#shared/library/registry-io.js');
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const document = await exportRegistry(runtime.store);
        if (options.format === 'opml') process.stdout.write(registryToOpml(document));
        else printJson(document);
      });
    });
}
