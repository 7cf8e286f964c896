import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, RelayError } from '#shared/errors.js';
import { addExamples } from './examples.js';

/**
 * The `iaspn` command line: the everyday tasks of admins and partners.
 *
 * ## Commands load lazily
 *
 * An admin who types `iaspn feeds list` waits for every module the process loads, so this file
 * imports only commander and the error classes. Each command is a file in `cli/commands/` that
 * exports `register<Name>(program)`, and is listed in COMMANDS below with its one-line summary (what
 * `iaspn --help` shows) and a `load` that imports the file. Only the command being run is loaded:
 * `iaspn --help` loads none, `iaspn feeds list` loads `feeds.ts` and what it imports.
 *
 * To add a command: write `cli/commands/<name>.ts` with `register<Name>` and add one line to
 * COMMANDS. Never import a command file (or the bots, dynalite, the SES emulator, Express, the AWS
 * SDK) at the top of this file. Inside a command file, import at the top what every subcommand
 * needs and `await import()` inside an action what only one of them needs (as `feeds check` does).
 * Each command's `--help` ends with examples, from the table in `cli/examples.ts`.
 * `test/cli/main.test.ts` checks that every command is listed, loads, and has examples.
 */
interface LazyCommand {
  /** The command's name, as typed. */
  name: string;
  /** Its line in `iaspn --help` (the command's own `--help` shows its fuller description). */
  summary: string;
  load(): Promise<(program: Command) => void>;
}

export const COMMANDS: readonly LazyCommand[] = [
  {
    name: 'start',
    summary: 'the embedded local stack: store, inbox, sample feeds, HTTP endpoints and the jobs',
    load: async () => (await import('./commands/start.js')).registerStart,
  },
  {
    name: 'partners',
    summary: 'the partners who contribute feeds',
    load: async () => (await import('./commands/partners.js')).registerPartners,
  },
  {
    name: 'feeds',
    summary: 'partner feeds: add, check, list, pause, resume, remove, import, export',
    load: async () => (await import('./commands/feeds.js')).registerFeeds,
  },
  {
    name: 'ingest',
    summary: 'fetch every active feed once and store what is new',
    load: async () => (await import('./commands/ingest.js')).registerIngest,
  },
  {
    name: 'search',
    summary: 'search the library',
    load: async () => (await import('./commands/search.js')).registerSearch,
  },
  {
    name: 'events',
    summary: 'event resources: what is coming up (upcoming), corrections (set)',
    load: async () => (await import('./commands/events.js')).registerEvents,
  },
  {
    name: 'coop',
    summary: 'the cooperation exchange: offers and requests, matched',
    load: async () => (await import('./commands/coop.js')).registerCoop,
  },
  {
    name: 'chat',
    summary: 'talk to the bot in this terminal',
    load: async () => (await import('./commands/chat.js')).registerChat,
  },
  {
    name: 'telegram',
    summary: 'Telegram bot administration',
    load: async () => (await import('./commands/telegram.js')).registerTelegram,
  },
  {
    name: 'status',
    summary: 'check that the store is reachable and count what it holds',
    load: async () => (await import('./commands/status.js')).registerStatus,
  },
  {
    name: 'subscribers',
    summary: 'email digest subscriptions',
    load: async () => (await import('./commands/subscribers.js')).registerSubscribers,
  },
  {
    name: 'digest',
    summary: 'email digests: send the due ones, preview one',
    load: async () => (await import('./commands/digest.js')).registerDigest,
  },
  {
    name: 'announce',
    summary: 'post new resources to the channels that follow them',
    load: async () => (await import('./commands/announce.js')).registerAnnounce,
  },
  {
    name: 'follows',
    summary: "the channels' follows: list them, preview what a follow would bring",
    load: async () => (await import('./commands/follows.js')).registerFollows,
  },
  {
    name: 'topics',
    summary: 'the topics filters accept, with their names (--lang es)',
    load: async () => (await import('./commands/vocabulary.js')).registerTopics,
  },
  {
    name: 'countries',
    summary: 'the countries filters accept, with their names (--lang es)',
    load: async () => (await import('./commands/vocabulary.js')).registerCountries,
  },
  {
    name: 'types',
    summary: 'the resource types and content languages filters accept (--lang es)',
    load: async () => (await import('./commands/vocabulary.js')).registerTypes,
  },
  {
    name: 'doctor',
    summary: 'stored follows and subscriptions whose filters mean nothing or are not canonical; --fix',
    load: async () => (await import('./commands/doctor.js')).registerDoctor,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash or zsh)',
    load: async () => (await import('./commands/completion.js')).registerCompletion,
  },
];

/**
 * Commands typed in Spanish (as the bots take them: `buscar`, `temas`): the CLI's commands are
 * English, so the Spanish word is answered with the command it means, as a typo is.
 */
const SPANISH_COMMANDS: Readonly<Record<string, string>> = {
  buscar: 'search',
  busqueda: 'search',
  temas: 'topics',
  paises: 'countries',
  tipos: 'types',
  socios: 'partners',
  fuentes: 'feeds',
  suscriptores: 'subscribers',
  suscripciones: 'subscribers',
  estado: 'status',
  seguimientos: 'follows',
  seguir: 'follows',
  resumen: 'digest',
  anuncios: 'announce',
  anunciar: 'announce',
  eventos: 'events',
  proximos: 'events upcoming',
  ingesta: 'ingest',
  cooperacion: 'coop',
  ofertas: 'coop list --kind offer',
  solicitudes: 'coop list --kind request',
  diagnostico: 'doctor',
  iniciar: 'start',
  ayuda: 'help',
};

/** The English command a Spanish word means (`búsqueda` → search), if it is one. */
export function spanishCommand(word: string): string | undefined {
  const folded = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return Object.hasOwn(SPANISH_COMMANDS, folded) ? SPANISH_COMMANDS[folded] : undefined;
}

/** Global options that take a value: their value is not the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir', '--log-level']);

/**
 * The command `argv` runs (`iaspn --data-dir x feeds list` runs `feeds`; `iaspn help feeds` shows
 * `feeds`), or undefined for the program's own help and version.
 */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.slice(2);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') return words[i + 1];
    if (word.startsWith('-')) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(word)) i++;
      continue;
    }
    return word === 'help' ? words.slice(i + 1).find((w) => !w.startsWith('-')) : word;
  }
  return undefined;
}

/**
 * The program with `load`ed commands registered in full and the others as their summary line only.
 * `only` names the command to load (undefined: none; `'*'`: all of them, for completion scripts).
 */
export async function buildProgram(only: string | undefined): Promise<Command> {
  const program = new Command('iaspn')
    .description('iaspn-relay: partner feeds into the IASPN library, search, announcements and email digests')
    .version('0.1.0')
    .option('--data-dir <dir>', 'data directory of the local store (IASPN_DATA_DIR, default .data)')
    .option(
      '--aws',
      'work on the deployed stack (AWS credentials, IASPN_TABLE_NAME) instead of the local store',
    )
    .addOption(
      new Option('--log-level <level>', 'log detail (IASPN_LOG_LEVEL)').choices([
        'debug',
        'info',
        'warn',
        'error',
        'silent',
      ]),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of COMMANDS) {
    if (only === '*' || only === command.name) (await command.load())(program);
    else program.command(command.name).summary(command.summary);
  }
  addExamples(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const requested = requestedCommand(argv);
    const meant = requested && !COMMANDS.some((c) => c.name === requested) && spanishCommand(requested);
    if (meant) {
      process.stderr.write(
        `error: unknown command '${requested}'\n(Did you mean ${meant}? ¿Quiso decir ${meant}? The commands are in English; queries and filters take Spanish: iaspn search "pobreza tema:IPM pais:peru")\n`,
      );
      return 2;
    }
    const program = await buildProgram(requested);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      // Thrown by a command's own checks (Commander prints only those of its argument parsers).
      process.stderr.write(`iaspn: ${error.message}\n(run with --help for usage)\n`);
      return 2;
    }
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help/version text); a usage error exits 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`iaspn: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RelayError) {
      process.stderr.write(`iaspn: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`iaspn: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

/** Runs the CLI on this process's arguments (bin/iaspn.js calls it). */
export async function run(): Promise<void> {
  // A reader that stops early (`iaspn feeds check feed.xml | head`) ends the output, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
  process.exitCode = await main(process.argv);
}
