import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  DIGEST_LANGUAGES,
  type DigestLanguage,
  FREQUENCIES,
  SUBSCRIPTION_STATUSES,
  type Subscription,
} from '#shared/digest/model.js';
import {
  getSubscription,
  listSubscriptions,
  startSubscription,
  subscribeConfirmed,
  suppress,
  unsubscribe,
} from '#shared/digest/subscriptions.js';
import { RelayError } from '#shared/errors.js';
import { canonicalFilter, type ResourceFilter } from '#shared/filters/filter.js';
import { parseFilterText } from '#shared/filters/language.js';
import { previewFilter } from '#shared/filters/preview.js';
import { problemText } from '#shared/filters/problems.js';
import { FILTER_FIELDS, type FilterField, type PartnerNames, resolveValue } from '#shared/filters/values.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService, loadPartnerNames } from '#shared/search/service.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println, printTable } from '../output.js';
import { previewLines } from '../preview-text.js';

const csv = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A flag given once or more, each time a value or a comma-separated list. */
const collect = (value: string, previous: string[] = []) => [...previous, ...csv(value)];

interface AddOptions {
  lang: 'en' | 'es';
  frequency: 'daily' | 'weekly';
  topic?: string[];
  country?: string[];
  type?: string[];
  contentLanguage?: string[];
  partner?: string[];
  keywords?: string;
  confirmed?: boolean;
  json?: boolean;
}

const FLAG_OF: Record<FilterField, keyof AddOptions> = {
  topics: 'topic',
  countries: 'country',
  types: 'type',
  languages: 'contentLanguage',
  partners: 'partner',
};

/**
 * The filter of `subscribers add`: each value resolved as the bots and pages resolve it (ids,
 * names in English or Spanish, acronyms, ISO codes, partner names), `--keywords` in the filter
 * language. A value that names nothing stops the command (exit 2) with the closest valid values.
 */
/** What the subscription would have brought in the last 30 days (the same preview as follows). */
async function printPreview(runtime: Runtime, filter: ResourceFilter, lang: DigestLanguage): Promise<void> {
  const preview = await previewFilter(createSearchService(runtime), filter, runtime.clock());
  for (const line of previewLines(preview, lang)) println(line);
}

export function filterOf(options: AddOptions, partners: PartnerNames, now: Date): ResourceFilter {
  const filter: ResourceFilter = {};
  const problems: string[] = [];
  for (const field of FILTER_FIELDS) {
    const typed = (options[FLAG_OF[field]] as string[] | undefined) ?? [];
    const ids = new Set<string>();
    for (const value of typed) {
      const resolved = resolveValue(field, value, partners);
      if (resolved.ok) for (const id of resolved.values) ids.add(id);
      else
        problems.push(
          problemText(
            { code: 'unknown', field, typed: value, suggestions: resolved.suggestions },
            'en',
            partners,
          ),
        );
    }
    if (ids.size > 0) filter[field] = [...ids] as never;
  }
  if (options.keywords?.trim()) {
    const parsed = parseFilterText(options.keywords, { now, partners });
    problems.push(...parsed.problems.map((p) => problemText(p, 'en', partners)));
    if (parsed.filter.since || parsed.filter.before)
      problems.push('--keywords: a digest always brings what is new, so dates have no place in it.');
    for (const field of FILTER_FIELDS) {
      const values = parsed.filter[field];
      if (values?.length) filter[field] = [...(filter[field] ?? []), ...values] as never;
    }
    if (parsed.filter.keywords) filter.keywords = parsed.filter.keywords;
  }
  if (problems.length > 0) throw new InvalidArgumentError(problems.join('\n'));
  return canonicalFilter(filter);
}

function describeFilter(filter: ResourceFilter): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v !== ''))
    .map(([k, v]) => (Array.isArray(v) ? `${k}=${v.join(',')}` : `${k}=${JSON.stringify(v)}`));
  return parts.length ? parts.join(' ') : 'everything';
}

function row(sub: Subscription) {
  return {
    email: sub.email,
    status: sub.status,
    lang: sub.language,
    frequency: sub.frequency,
    filter: describeFilter(sub.filter),
    next: sub.nextDueAt ?? '',
  };
}

export function registerSubscribers(program: Command): void {
  const subscribers = program.command('subscribers').description('email digest subscribers');

  subscribers
    .command('add')
    .description('start a subscription: sends the confirmation email (double opt-in) unless --confirmed')
    .argument('<email>', 'the address')
    .addOption(new Option('--lang <lang>', 'language of the digest').choices(DIGEST_LANGUAGES).default('en'))
    .addOption(frequencyOption())
    .option(
      '--topic <topic>',
      'a topic: id, name in English or Spanish, or acronym (repeat, or commas)',
      collect,
    )
    .option(
      '--country <country>',
      'a country: name (EN/ES/PT/FR), demonym or ISO code (repeat, or commas)',
      collect,
    )
    .option('--type <type>', 'a resource type: document, news, event, video... (repeat, or commas)', collect)
    .option('--content-language <lang>', 'a language of the content: en, es, pt, fr or its name', collect)
    .option('--partner <partner>', 'a partner: id or name (repeat, or commas)', collect)
    .option('--keywords <text>', 'words, "phrases" and -exclusions; key:value filters are taken too')
    .addOption(new Option('--topics <list>').argParser(collect).hideHelp())
    .addOption(new Option('--countries <list>').argParser(collect).hideHelp())
    .addOption(new Option('--types <list>').argParser(collect).hideHelp())
    .addOption(new Option('--languages <list>').argParser(collect).hideHelp())
    .addOption(new Option('--partners <list>').argParser(collect).hideHelp())
    .option('--confirmed', 'skip the opt-in: only when the person agreed elsewhere')
    .option('--json', 'print the result as JSON')
    // Words after the address ("tema:salud", "weekly"): refused with where they go, below.
    .allowExcessArguments(true)
    .action(async (email: string, options: AddOptions, command: Command) => {
      const extra = command.args.slice(1);
      if (extra.length > 0) command.error(extraArgumentsError(extra), { exitCode: 2 });
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const plural = options as AddOptions & Record<string, string[] | undefined>;
        const merged: AddOptions = {
          ...options,
          topic: [...(options.topic ?? []), ...(plural.topics ?? [])],
          country: [...(options.country ?? []), ...(plural.countries ?? [])],
          type: [...(options.type ?? []), ...(plural.types ?? [])],
          contentLanguage: [...(options.contentLanguage ?? []), ...(plural.languages ?? [])],
          partner: [...(options.partner ?? []), ...(plural.partners ?? [])],
        };
        const partners = await loadPartnerNames(runtime.store);
        const input = {
          email,
          language: options.lang,
          frequency: options.frequency,
          filter: filterOf(merged, partners, runtime.clock()),
        };
        if (options.confirmed) {
          const sub = await subscribeConfirmed(runtime, { ...input, source: 'cli' });
          if (options.json) printJson(sub);
          else {
            println(
              `${sub.email}: confirmed (${sub.frequency}, ${sub.language}; ${describeFilter(sub.filter)})`,
            );
            await printPreview(runtime, sub.filter, options.lang);
          }
          return;
        }
        const result = await startSubscription(runtime, { ...input, source: 'cli' });
        if (options.json) printJson(result);
        else if (result.status === 'sent') {
          println(`${email}: confirmation email sent (pending until confirmed)`);
          await printPreview(runtime, input.filter, options.lang);
        } else if (result.status === 'rate_limited')
          println(`${email}: rate-limited, try again in ${result.retryAfterSeconds} s`);
        else println(`${email}: invalid: ${result.problems.join('; ')}`);
        if (result.status !== 'sent') process.exitCode = 1;
      });
    });

  subscribers
    .command('list')
    .description('list subscriptions')
    .addOption(new Option('--status <status>', 'only this state').choices(SUBSCRIPTION_STATUSES))
    .option('--json', 'print as JSON')
    .action(async (options: { status?: Subscription['status']; json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const { subscriptions } = await listSubscriptions(runtime, { status: options.status });
        if (options.json) printJson(subscriptions);
        else if (subscriptions.length === 0) println('no subscriptions');
        else printTable(subscriptions.map(row), ['email', 'status', 'lang', 'frequency', 'filter', 'next']);
      });
    });

  subscribers
    .command('show')
    .description('show one subscription')
    .argument('<email>')
    .option('--json', 'print as JSON')
    .action(async (email: string, options: { json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const sub = await getSubscription(runtime, email);
        if (!sub) throw new RelayError('not_found', `No subscription for ${email}`);
        if (options.json) printJson(sub);
        else for (const [k, v] of Object.entries(row(sub))) println(`${k.padEnd(10)} ${v}`);
        if (!options.json) {
          println(`${'bounces'.padEnd(10)} ${sub.transientBounces} transient`);
          println(
            `${'last'.padEnd(10)} ${sub.lastPeriod && sub.lastDigestAt ? `${sub.lastDigestAt} (${sub.lastPeriod})` : 'no digest sent yet'}`,
          );
          if (sub.suppressReason) println(`${'reason'.padEnd(10)} ${sub.suppressReason}`);
        }
      });
    });

  subscribers
    .command('remove')
    .description('unsubscribe an address (kept as unsubscribed, so the history stays)')
    .argument('<email>')
    .action(async (email: string, _options: unknown, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const sub = await unsubscribe(runtime, { email });
        if (!sub) throw new RelayError('not_found', `No subscription for ${email}`);
        println(`${sub.email}: ${sub.status}`);
      });
    });

  subscribers
    .command('suppress')
    .description('never email this address again (as a bounce or complaint would)')
    .argument('<email>')
    .option('--reason <reason>', 'why', 'admin')
    .action(async (email: string, options: { reason: string }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        if (!email.includes('@')) throw new InvalidArgumentError('not an email address');
        const sub = await suppress(runtime, email, options.reason);
        println(`${sub.email}: suppressed (${sub.suppressReason})`);
      });
    });
}

/** Spanish for a frequency, as the subscription pages and the bots offer it. */
const SPANISH_FREQUENCIES: Readonly<Record<string, (typeof FREQUENCIES)[number]>> = {
  diario: 'daily',
  diaria: 'daily',
  semanal: 'weekly',
};

/** --frequency: daily or weekly, or in Spanish diario or semanal. */
/** Words typed after the address, and the options they belong in: a frequency, else filters. */
function extraArgumentsError(extra: readonly string[]): string {
  const frequencyOf = (word: string) => {
    const typed = word.trim().toLowerCase();
    return FREQUENCIES.find((f) => f === typed) ?? SPANISH_FREQUENCIES[typed];
  };
  const frequency = extra.map(frequencyOf).find(Boolean);
  const rest = extra
    .filter((word) => !frequencyOf(word))
    .join(' ')
    .replace(/"/g, "'");
  const fixes = [
    ...(frequency ? [`--frequency ${frequency}`] : []),
    ...(rest ? [`--keywords "${rest}"`] : []),
  ];
  return `error: "${extra.join(' ')}" after the address: the frequency and the filters are options, here ${fixes.join(' ')} (see --help for --topic, --country, --type, --partner)`;
}

function frequencyOption(): Option {
  const option = new Option('--frequency <f>', 'how often (or in Spanish: diario, semanal)')
    .argParser((value: string) => {
      const typed = value.trim().toLowerCase();
      const frequency = FREQUENCIES.find((f) => f === typed) ?? SPANISH_FREQUENCIES[typed];
      if (!frequency)
        throw new InvalidArgumentError(`"${value}" is no frequency: daily or weekly (diario, semanal)`);
      return frequency;
    })
    .default('weekly');
  // Shown in --help and completed by `iaspn completion`; the parser above is what checks a value.
  option.argChoices = [...FREQUENCIES];
  return option;
}
