import { type Command, Option } from 'commander';
import { listValues, type UiLanguage } from '#shared/filters/values.js';
import { printJson, println } from '../output.js';

/**
 * `iaspn topics`, `iaspn countries`, `iaspn types`: the values filters accept (search, follows,
 * subscriptions), with their names in English or Spanish and a form to type. The same lists the
 * bots' `topics` / `temas`, `countries` / `paises`, `types` / `tipos` show. Reads no store.
 */

type ListedField = Parameters<typeof listValues>[0];

const langOption = () =>
  new Option('--lang <lang>', 'names in this language').choices(['en', 'es']).default('en');

function printValues(fields: { field: ListedField; title: Record<UiLanguage, string> }[], options: Options) {
  const lang = options.lang;
  if (options.json) {
    const lists = Object.fromEntries(fields.map(({ field }) => [field, listValues(field, lang)]));
    printJson(fields.length === 1 ? lists[fields[0]!.field] : lists);
    return;
  }
  fields.forEach(({ field, title }, i) => {
    if (fields.length > 1) {
      if (i > 0) println();
      println(title[lang]);
    }
    const values = listValues(field, lang);
    const width = Math.max(...values.map((v) => v.name.length));
    for (const v of values) println(`${v.name.padEnd(width)}  ${v.typed}`);
  });
}

interface Options {
  json?: boolean;
  lang: UiLanguage;
}

function valuesCommand(
  program: Command,
  name: string,
  description: string,
  fields: { field: ListedField; title: Record<UiLanguage, string> }[],
): void {
  program
    .command(name)
    .description(description)
    .option('--json', 'print the values as JSON: id, name, typed')
    .addOption(langOption())
    .action((options: Options) => printValues(fields, options));
}

export function registerTopics(program: Command): void {
  valuesCommand(program, 'topics', 'the topics filters accept (topic: / tema:), with their names', [
    { field: 'topics', title: { en: 'Topics', es: 'Temas' } },
  ]);
}

export function registerCountries(program: Command): void {
  valuesCommand(
    program,
    'countries',
    'the countries filters accept (country: / pais:), by name; ISO codes and demonyms work too',
    [{ field: 'countries', title: { en: 'Countries', es: 'Países' } }],
  );
}

export function registerTypes(program: Command): void {
  valuesCommand(
    program,
    'types',
    'the resource types (type: / tipo:) and content languages (lang: / idioma:) filters accept',
    [
      { field: 'types', title: { en: 'Types', es: 'Tipos' } },
      { field: 'languages', title: { en: 'Languages', es: 'Idiomas' } },
    ],
  );
}
