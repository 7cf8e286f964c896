import { type BotLanguage, type CommandName, commandOf } from './i18n.js';

/**
 * A member's message as an intent: which command, its arguments, and the language the command
 * word was written in. The faces strip their own addressing first (Slack's `<@U…>` mention,
 * Telegram's `/search@our_bot`); a leading slash is accepted everywhere.
 */
export interface Intent {
  command: CommandName;
  args: string;
  /** The language of the command word (`buscar`: es); for free text, of its first filter key (`pais:`: es), if any. */
  wordLanguage?: BotLanguage;
  /** The first word did not name a command: the whole text is a search. */
  implicit: boolean;
}

/** Greetings and thanks, folded: answered with a hello and the useful commands, never searched. */
const GREETINGS: Record<string, BotLanguage> = {
  hi: 'en',
  hello: 'en',
  hey: 'en',
  thanks: 'en',
  'thank you': 'en',
  'good morning': 'en',
  'good afternoon': 'en',
  hola: 'es',
  gracias: 'es',
  'muchas gracias': 'es',
  'buenos dias': 'es',
  'buenas tardes': 'es',
  'buenas noches': 'es',
  buenas: 'es',
  saludos: 'es',
};

/** The language of a message that is only a greeting or thanks ("¡Hola!", "gracias 🙏"), if it is one. */
export function greetingLanguage(text: string): BotLanguage | undefined {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length <= 20 ? GREETINGS[folded] : undefined;
}

export function parseIntent(text: string): Intent {
  const trimmed = text.trim().replace(/^\/+/, '');
  if (!trimmed) return { command: 'help', args: '', implicit: false };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed)!;
  const word = match[1]!;
  let rest = match[2]!.trim();
  // "¿ayuda?", "¡buscar pobreza!", "Buscar: pobreza", "help!": the marks Spanish opens a question
  // or an exclamation with, and a question mark, stop or colon after the word, are not the command's.
  const opened = /^[¿¡]/.test(word);
  const found = commandOf(word) ?? commandOf(bareCommandWord(word));
  if (found && opened) rest = rest.replace(/[?!]+$/, '').trim();
  if (!found) {
    const greeting = greetingLanguage(trimmed);
    if (greeting) return { command: 'greet', args: '', wordLanguage: greeting, implicit: true };
    // "hola, quiero buscar transferencias en perú": a search that opens with a greeting is in its
    // language; one that opens with ¿ or ¡ ("¿Qué hay de nuevo?") is Spanish.
    const keyLanguage = filterKeyLanguage(trimmed) ?? greetingLanguage(word) ?? (opened ? 'es' : undefined);
    return {
      command: 'search',
      args: trimmed,
      implicit: true,
      ...(keyLanguage ? { wordLanguage: keyLanguage } : {}),
    };
  }
  if (found.command === 'feed') {
    // `feed status <partner>` / `fuente estado <socio>`: the middle word is optional.
    const args = rest.replace(/^(status|estado)\b\s*/i, '');
    return { command: 'feed', args, wordLanguage: found.language, implicit: false };
  }
  // The words members add after the command word: "dejar de seguir 3f2a1b" (dejar alone is the
  // command), "próximos eventos" / "upcoming events" (every upcoming item is an event; kept as a
  // search word it would narrow the list to events that say "event").
  const filler = FILLER[found.command];
  const args = filler ? rest.replace(filler, '') : rest;
  return { command: found.command, args, wordLanguage: found.language, implicit: false };
}

/**
 * A command word without the punctuation around it; a filter key's colon stays (`lang: es`,
 * `idioma: español` are a search's filter, not the lang command).
 */
function bareCommandWord(word: string): string {
  const bare = word.replace(/^[¿¡]+/, '').replace(/[?!.:,;]+$/, '');
  const key = bare.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return word.endsWith(':') && (SPANISH_KEYS.has(key) || ENGLISH_KEYS.has(key)) ? word : bare;
}

/** Filter keys only Spanish writes ("tema:primera infancia pais:peru" typed with no command word). */
const SPANISH_KEYS = new Set([
  'tema',
  'temas',
  'pais',
  'paises',
  'tipo',
  'tipos',
  'idioma',
  'idiomas',
  'lengua',
  'socio',
  'socios',
  'fuente',
  'desde',
  'antes',
  'hasta',
]);
/** Filter keys only English writes. */
const ENGLISH_KEYS = new Set([
  'topic',
  'topics',
  'country',
  'countries',
  'type',
  'types',
  'lang',
  'language',
  'languages',
  'partner',
  'partners',
  'source',
  'since',
  'before',
]);

/** The language of a free-text search's first filter key, if it has one: the member's language. */
function filterKeyLanguage(text: string): BotLanguage | undefined {
  for (const m of text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .matchAll(/(?:^|\s)-?([a-z]+):/g)) {
    if (SPANISH_KEYS.has(m[1]!)) return 'es';
    if (ENGLISH_KEYS.has(m[1]!)) return 'en';
  }
  return undefined;
}

/** Words after a command word that belong to the command, not to its arguments. */
const FILLER: Partial<Record<CommandName, RegExp>> = {
  unfollow: /^de\s+seguir(\s+|$)/i,
  upcoming: /^(eventos?|events?)(\s+|$)/i,
};
