import type { DateReading } from './dates.js';
import {
  type FilterField,
  type FilterKey,
  KEY_LABELS,
  type PartnerNames,
  typedValue,
  type UiLanguage,
  valueName,
} from './values.js';

/**
 * What was wrong with a filter, kept as data so that each face says it in the member's language,
 * with the closest valid values and where to find the list.
 */
export type FilterProblem =
  | { code: 'unknown'; field: FilterField; typed: string; suggestions: string[] }
  | { code: 'empty'; key: FilterKey; typed: string }
  | { code: 'negated'; typed: string }
  /** No date form (no reason given), no such day (`impossible`), or a start still to come (`future`). */
  | { code: 'date'; key: 'since' | 'before'; typed: string; reason?: 'unknown' | 'impossible' | 'future' }
  | { code: 'dateOrder'; since: string; before: string }
  /** `tips:ahorro`: not a key, but one letter off one (`tipo:`), and its value means nothing there. */
  | { code: 'nearKey'; typed: string; key: string }
  /** A note already in words (the query bounds' notes), in English and, when given, in Spanish. */
  | { code: 'note'; text: string; es?: string };

const FIELD_NOUN: Record<UiLanguage, Record<FilterField, string>> = {
  en: { topics: 'topic', countries: 'country', types: 'type', languages: 'language', partners: 'partner' },
  es: { topics: 'tema', countries: 'país', types: 'tipo', languages: 'idioma', partners: 'socio' },
};

/** The command that lists a field's values, in the member's language. */
export const LIST_COMMAND: Record<UiLanguage, Record<FilterField, string>> = {
  en: { topics: 'topics', countries: 'countries', types: 'types', languages: 'types', partners: 'partners' },
  es: { topics: 'temas', countries: 'paises', types: 'tipos', languages: 'tipos', partners: 'socios' },
};

const EXAMPLES: Record<UiLanguage, Record<FilterKey, string>> = {
  en: {
    topics: 'topic:early-childhood',
    countries: 'country:peru',
    types: 'type:document',
    languages: 'lang:es',
    partners: 'partner:iaspn',
    since: 'since:2025-01-01',
    before: 'before:2025-06',
  },
  es: {
    topics: 'tema:primera-infancia',
    countries: 'pais:peru',
    types: 'tipo:documento',
    languages: 'idioma:es',
    partners: 'socio:iaspn',
    since: 'desde:2025-01-01',
    before: 'antes:2025-06',
  },
};

const DATE_HELP: Record<UiLanguage, string> = {
  en: 'use a date like 2025-03-15, 15/03/2025, March 2025 or 2025, or a time back from today like yesterday, last week, last month, this year, 2 weeks ago or 7d',
  es: 'use una fecha como 2025-03-15, 15/03/2025, marzo de 2025 o 2025, o un tiempo atrás como ayer, la semana pasada, el mes pasado, este año, hace 2 semanas o 7d',
};

function orList(items: string[], lang: UiLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'es' ? 'o' : 'or'} ${items.at(-1)}`;
}

/** One problem as a sentence for the member. */
export function problemText(problem: FilterProblem, lang: UiLanguage, partners?: PartnerNames): string {
  const es = lang === 'es';
  switch (problem.code) {
    case 'unknown': {
      const { field, typed, suggestions } = problem;
      const noun = FIELD_NOUN[lang][field];
      const head = es ? `"${typed}": no hay ningún ${noun} con ese nombre.` : `"${typed}": no such ${noun}.`;
      const options = suggestions.map(
        (id) => `${valueName(field, id, lang, partners)} (${typedValue(field, id, lang)})`,
      );
      const did = options.length
        ? es
          ? ` ¿Quiso decir ${orList(options, lang)}?`
          : ` Did you mean ${orList(options, lang)}?`
        : '';
      const list = es
        ? ` Escriba "${LIST_COMMAND.es[field]}" para ver la lista.`
        : ` Type "${LIST_COMMAND.en[field]}" for the list.`;
      return `${head}${did}${list}`;
    }
    case 'empty':
      return es
        ? `${problem.typed} necesita un valor, por ejemplo ${EXAMPLES.es[problem.key]}.`
        : `${problem.typed} needs a value, for example ${EXAMPLES.en[problem.key]}.`;
    case 'negated':
      return es
        ? `-${problem.typed} no se puede usar: los filtros solo incluyen; para excluir palabras escriba -palabra.`
        : `-${problem.typed} is not supported: filters only include; to leave out words, type -word.`;
    case 'date': {
      const { typed, reason } = problem;
      if (reason === 'future')
        return es
          ? `${typed} es una fecha futura: ${KEY_LABELS.es.since}: mira hacia atrás desde hoy; ${DATE_HELP.es}.`
          : `${typed} is still to come: ${KEY_LABELS.en.since}: looks back from today; ${DATE_HELP.en}.`;
      const why = reason !== 'impossible' ? '' : es ? ' ese día no existe;' : ' there is no such day;';
      return `${typed} ${es ? 'no es una fecha' : 'is not a date'}:${why} ${DATE_HELP[lang]}.`;
    }
    case 'dateOrder': {
      const [since, before] = [problem.since.slice(0, 10), problem.before.slice(0, 10)];
      const k = KEY_LABELS[lang];
      return es
        ? `${k.since}:${since} no es anterior a ${k.before}:${before}, así que nada coincidiría; se ignoraron ambas fechas.`
        : `${k.since}:${since} is not before ${k.before}:${before}, so nothing could match; both dates were ignored.`;
    }
    case 'nearKey':
      return es
        ? `"${problem.typed}:" no es un filtro, así que se leyó como palabras; ¿quiso decir ${problem.key}:?`
        : `"${problem.typed}:" is not a filter, so it was read as words; did you mean ${problem.key}:?`;
    case 'note':
      return (es && problem.es) || problem.text;
  }
}

const longDay = (iso: string, lang: UiLanguage) =>
  new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));

/**
 * How a date of two numbers was read, as a note in both languages (none when only one reading
 * exists): `03/15/2026` month first (there is no month 15); `03/04/2026` day first, with how to
 * write the other reading. `typed` is the key and the value as typed (`desde:03/04/2026`).
 */
export function dateOrderNote(
  typed: string,
  read: Extract<DateReading, { ok: true }>,
): FilterProblem | undefined {
  if (read.order === 'month-first') {
    const month = Number(read.iso.slice(8, 10));
    return {
      code: 'note',
      text: `${typed} was read month first: ${longDay(read.iso, 'en')} (there is no month ${month}).`,
      es: `${typed} se leyó con el mes primero: ${longDay(read.iso, 'es')} (no hay mes ${month}).`,
    };
  }
  if (read.order !== 'day-first' || !read.other) return undefined;
  const key = typed.slice(0, typed.indexOf(':') + 1);
  const other = `${key}${read.other.slice(0, 10)}`;
  return {
    code: 'note',
    text: `${typed} was read day first: ${longDay(read.iso, 'en')}; for ${longDay(read.other, 'en')} type ${other}.`,
    es: `${typed} se leyó con el día primero: ${longDay(read.iso, 'es')}; para el ${longDay(read.other, 'es')} escriba ${other}.`,
  };
}

/** The example of a key in the member's language (help texts, usage lines). */
export const filterExample = (key: FilterKey, lang: UiLanguage) => EXAMPLES[lang][key];
