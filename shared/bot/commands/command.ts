import type { ChatContext } from '../../chat/context.js';
import { type BotLanguage, COMMAND_NAMES, type CommandName, MESSAGES } from '../../chat/i18n.js';
import type { Reply } from '../../chat/reply.js';
import type { Log } from '../../log.js';
import type { Store } from '../../store/store.js';
import type { BotPorts } from '../ports.js';

/**
 * One command of the bots: the words that call it (from the catalogue, per language), its help
 * line, and `run`. The core (core.ts) is a dispatcher over a table of these (commands/index.ts).
 */

/** What every command may use: the store, the ports, the clock, the page size and the table. */
export interface CommandEnv {
  store: Store;
  log: Log;
  ports: BotPorts;
  now(): Date;
  pageSize: number;
  /** The whole table, for `help`. */
  commands: readonly BotCommand[];
}

export interface CommandRun {
  env: CommandEnv;
  ctx: ChatContext;
  /** The words after the command's name (or the whole message for an implicit search). */
  args: string;
  lang: BotLanguage;
  /** The command name the member typed resolved to (one file may answer several: `feed`/`feeds`). */
  command: CommandName;
  /** No command word was typed: the whole message is the args (a search). */
  implicit?: boolean;
}

export interface BotCommand {
  /** The command names this file answers (`topics`, `countries`, ... share one file). */
  commands: readonly CommandName[];
  /** Every spelling of each name, per language (the catalogue's COMMAND_NAMES). */
  names: Record<BotLanguage, string[]>;
  /** Usage and one line of help, per language (the catalogue's help). */
  help(lang: BotLanguage): { usage: string; text: string }[];
  /** True for commands shown only to relay admins. */
  admin?: boolean;
  run(input: CommandRun): Promise<Reply>;
}

/** A command whose names and help come from the message catalogue. */
export function defineCommand(
  commands: readonly CommandName[],
  run: BotCommand['run'],
  options: { admin?: boolean } = {},
): BotCommand {
  return {
    commands,
    names: {
      en: commands.flatMap((c) => COMMAND_NAMES[c].en),
      es: commands.flatMap((c) => COMMAND_NAMES[c].es),
    },
    help: (lang) => commands.map((c) => MESSAGES[lang].help.commands[c]),
    ...options,
    run,
  };
}
