import { type Command, Option } from 'commander';
import { LANGUAGES, type Language } from '#shared/domain/resource.js';
import { newPartner } from '#shared/library/new-records.js';
import { partnerNamed } from '#shared/library/partner-lookup.js';
import {
  feedsOfPartner,
  listPartners,
  type PartnerKind,
  putPartner,
  RegistryError,
  removePartner,
} from '#shared/library/registry.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { countryCodes } from '../country-code.js';
import { printJson, println, printTable } from '../output.js';
import { partnerKindOption } from '../partner-kind.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerPartners(program: Command): void {
  const partners = program.command('partners').description('the partners who contribute feeds');

  partners
    .command('list')
    .description('every partner, by name')
    .option('--json', 'print the partners as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const all = await listPartners(runtime.store);
        if (options.json) printJson(all);
        else
          printTable(
            all.map((p) => ({ ...p, languages: p.languages.join(',') })),
            ['id', 'name', 'kind', 'country', 'languages', 'website'],
          );
      });
    });

  partners
    .command('add')
    .description('register a partner')
    .argument('<name>', 'the partner’s name')
    .addOption(partnerKindOption('--kind <kind>', 'kind of partner (default: read from its name, else ngo)'))
    .option('--id <id>', 'short id (default: from the name)')
    .option('--country <country>', 'its country: ISO code or name (none for regional bodies)')
    .option('--website <url>', 'the partner’s website')
    .addOption(
      new Option('--lang <lang>', 'a language it publishes in (repeatable)')
        .choices(LANGUAGES)
        .argParser(collect),
    )
    .option('--json', 'print the partner as JSON')
    .action(
      async (
        name: string,
        options: {
          kind?: PartnerKind;
          id?: string;
          country?: string;
          website?: string;
          lang?: Language[];
          json?: boolean;
        },
        command: Command,
      ) => {
        const [country] = await countryCodes(options.country ? [options.country] : []);
        await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
          const { partner, kindGuessed } = newPartner(
            {
              name,
              kind: options.kind,
              id: options.id,
              country,
              website: options.website,
              languages: options.lang,
            },
            runtime.clock(),
          );
          if (!(await putPartner(runtime.store, partner, 'create'))) {
            throw new RegistryError('partner_exists', `A partner with id ${partner.id} already exists`);
          }
          if (options.json) printJson(partner);
          else
            println(
              `added partner ${partner.id} (${partner.kind}${kindGuessed ? ', from its name: --kind to choose' : ''})`,
            );
        });
      },
    );

  partners
    .command('show')
    .description('a partner and its feeds')
    .argument('<partner>', 'id or name')
    .option('--json', 'print as JSON')
    .action(async (idOrName: string, options: { json?: boolean }, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        const partner = await partnerNamed(runtime.store, idOrName, { loose: true });
        const feeds = await feedsOfPartner(runtime.store, partner.id);
        if (options.json) {
          printJson({ ...partner, feeds });
          return;
        }
        println(`${partner.name} (${partner.id})`);
        println(`  kind: ${partner.kind}${partner.country ? ` · country: ${partner.country}` : ''}`);
        if (partner.website) println(`  website: ${partner.website}`);
        if (partner.languages.length) println(`  languages: ${partner.languages.join(', ')}`);
        println(`  feeds: ${feeds.length}`);
        for (const f of feeds) println(`    ${f.id} [${f.status}] ${f.url}`);
      });
    });

  partners
    .command('remove')
    .description('remove a partner that has no feeds left')
    .argument('<partner>', 'id or name')
    .action(async (idOrName: string, _options: unknown, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime }) => {
        // Exactly as named: a close spelling is only suggested before anything is removed.
        const partner = await partnerNamed(runtime.store, idOrName);
        await removePartner(runtime.store, partner.id);
        println(`removed partner ${partner.id}`);
      });
    });
}
