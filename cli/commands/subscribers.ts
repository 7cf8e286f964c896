import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  DIGEST_LANGUAGES,
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
import type { Language, ResourceType } from '#shared/domain/resource.js';
import { RelayError } from '#shared/errors.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { printJson, println, printTable } from '../output.js';

const csv = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

interface AddOptions {
  lang: 'en' | 'es';
  frequency: 'daily' | 'weekly';
  topics?: string[];
  countries?: string[];
  types?: string[];
  languages?: string[];
  partners?: string[];
  confirmed?: boolean;
  json?: boolean;
}

function filterOf(options: AddOptions): ResourceFilter {
  return {
    topics: options.topics,
    countries: options.countries?.map((c) => c.toUpperCase()),
    types: options.types as ResourceType[] | undefined,
    languages: options.languages as Language[] | undefined,
    partners: options.partners,
  };
}

function describeFilter(filter: ResourceFilter): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => Array.isArray(v) && v.length > 0)
    .map(([k, v]) => `${k}=${(v as string[]).join(',')}`);
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
    .addOption(new Option('--frequency <f>', 'how often').choices(FREQUENCIES).default('weekly'))
    .option('--topics <ids>', 'taxonomy topic ids, comma-separated', csv)
    .option('--countries <codes>', 'ISO country codes, comma-separated', csv)
    .option('--types <types>', 'resource types, comma-separated', csv)
    .option('--languages <codes>', 'languages of the content (en,es,pt,fr)', csv)
    .option('--partners <ids>', 'partner ids, comma-separated', csv)
    .option('--confirmed', 'skip the opt-in: only when the person agreed elsewhere')
    .option('--json', 'print the result as JSON')
    .action(async (email: string, options: AddOptions, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const input = {
          email,
          language: options.lang,
          frequency: options.frequency,
          filter: filterOf(options),
        };
        if (options.confirmed) {
          const sub = await subscribeConfirmed(runtime, { ...input, source: 'cli' });
          if (options.json) printJson(sub);
          else
            println(
              `${sub.email}: confirmed (${sub.frequency}, ${sub.language}; ${describeFilter(sub.filter)})`,
            );
          return;
        }
        const result = await startSubscription(runtime, { ...input, source: 'cli' });
        if (options.json) printJson(result);
        else if (result.status === 'sent')
          println(`${email}: confirmation email sent (pending until confirmed)`);
        else if (result.status === 'rate_limited')
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
          if (sub.lastDigestAt)
            println(`${'last'.padEnd(10)} ${sub.lastDigestAt} (${sub.lastPeriod ?? 'none sent'})`);
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
