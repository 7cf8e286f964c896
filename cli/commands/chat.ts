import { createInterface } from 'node:readline';
import { type Command, InvalidArgumentError } from 'commander';
import type { ChatContext } from '#shared/bot/core.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import { createConsoleChat } from '#shared/chat/console.js';
import { isBotLanguage } from '#shared/chat/i18n.js';
import { type GlobalOptions, withCliRuntime } from '../context.js';
import { println } from '../output.js';

interface ChatOptions {
  user: string;
  channel?: string;
  lang?: 'en' | 'es';
}

function idOption(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value))
    throw new InvalidArgumentError('must be a short id (letters, digits, . _ -)');
  return value;
}

/**
 * `iaspn chat`: the bots' command core in the terminal, on the local store (or --aws), with no
 * Slack or Telegram token. Lines in on stdin, replies out on stdout; a button's number presses it.
 */
export function registerChat(program: Command): void {
  program
    .command('chat')
    .description(
      'talk to the chat bot in the terminal: the same commands as in Slack and Telegram, no tokens needed',
    )
    .option('--user <id>', 'who you are (bookmarks and language are per user)', idOption, 'you')
    .option(
      '--channel <id>',
      'talk in a group channel (follows are per channel) instead of a direct chat',
      idOption,
    )
    .option('--lang <lang>', 'your locale when you have not chosen one with "lang" (en or es)', (v) => {
      if (!isBotLanguage(v)) throw new InvalidArgumentError('must be en or es');
      return v;
    })
    .action(async (options: ChatOptions, command: Command) => {
      await withCliRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ runtime, where }) => {
        const interactive = Boolean(process.stdin.isTTY);
        const core = createRuntimeBotCore(runtime);
        const ctx: ChatContext = {
          channel: {
            platform: 'console',
            workspaceId: 'local',
            channelId: options.channel ?? `dm-${options.user}`,
          },
          user: { platform: 'console', workspaceId: 'local', userId: options.user },
          conversation: options.channel ? 'group' : 'direct',
          locale: options.lang ?? process.env.LANG,
          // Whoever runs the CLI already holds the store: the console is an operator's seat.
          canManageChannel: async () => true,
          isRelayAdmin: true,
        };
        const chat = createConsoleChat(core, ctx);
        if (interactive) {
          process.stderr.write(`iaspn chat on ${where}. Type "help" (or "ayuda"); Ctrl-D ends.\n`);
          process.stderr.write('> ');
        }
        const lines = createInterface({ input: process.stdin, terminal: false });
        for await (const line of lines) {
          if (line.trim()) {
            println(await chat.say(line));
            println();
          }
          if (interactive) process.stderr.write('> ');
        }
      });
    });
}
