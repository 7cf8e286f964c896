import type { CommandName } from '../../chat/i18n.js';
import { type BotCommand, defineCommand } from './command.js';

/**
 * A command of the table: its names and help from the catalogue now (what the dispatch and `help`
 * read), its file imported on the first call (`load`; Node caches the module after that).
 */
export interface LazyBotCommand extends BotCommand {
  load(): Promise<BotCommand>;
}

function lazy(
  commands: readonly CommandName[],
  load: () => Promise<BotCommand>,
  options: { admin?: boolean } = {},
): LazyBotCommand {
  return { ...defineCommand(commands, async (input) => (await load()).run(input), options), load };
}

/**
 * The bots' commands, in the order help lists them. Each file is imported when its command is
 * first run, so a bot's cold start loads the platform framework and the dispatch, not search,
 * follows, cooperation, events, subscriptions or the admin commands (and what they import: the
 * taxonomy, the filter language, language detection). commands.test.ts checks that each entry
 * names the same commands, with the same admin flag, as the file it loads.
 */
export const COMMANDS: readonly LazyBotCommand[] = [
  lazy(['search'], async () => (await import('./search.js')).search),
  lazy(['latest'], async () => (await import('./latest.js')).latest),
  lazy(['upcoming'], async () => (await import('./upcoming.js')).upcoming),
  lazy(['tz'], async () => (await import('./tz.js')).tz),
  lazy(['remind'], async () => (await import('./remind.js')).remind),
  lazy(['follow'], async () => (await import('./follow.js')).follow),
  lazy(['unfollow'], async () => (await import('./unfollow.js')).unfollow),
  lazy(['following'], async () => (await import('./following.js')).following),
  lazy(['subscribe'], async () => (await import('./subscribe.js')).subscribe),
  lazy(['bookmark'], async () => (await import('./bookmark.js')).bookmark),
  lazy(['bookmarks'], async () => (await import('./bookmarks.js')).bookmarks),
  lazy(['unbookmark'], async () => (await import('./unbookmark.js')).unbookmark),
  lazy(['lang'], async () => (await import('./lang.js')).lang),
  lazy(['feeds', 'feed'], async () => (await import('./feeds.js')).feeds, { admin: true }),
  lazy(
    ['topics', 'countries', 'types', 'partners'],
    async () => (await import('./vocabulary.js')).vocabulary,
  ),
  lazy(['offers'], async () => (await import('./offers.js')).offers),
  lazy(['requests'], async () => (await import('./requests.js')).requests),
  lazy(['matches'], async () => (await import('./matches.js')).matches),
  lazy(['offer'], async () => (await import('./offer.js')).offer),
  lazy(['request'], async () => (await import('./request.js')).request),
  lazy(['greet'], async () => (await import('./greet.js')).greet),
  lazy(['more'], async () => (await import('./more.js')).more),
  lazy(['help'], async () => (await import('./help.js')).help),
];

/** The command that answers a name; every CommandName has exactly one (commands.test.ts). */
export function commandFor(
  name: CommandName,
  table: readonly BotCommand[] = COMMANDS,
): BotCommand | undefined {
  return table.find((c) => c.commands.includes(name));
}
