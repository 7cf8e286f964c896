import type { CommandName } from '../../chat/i18n.js';
import { bookmark } from './bookmark.js';
import { bookmarks } from './bookmarks.js';
import type { BotCommand } from './command.js';
import { feeds } from './feeds.js';
import { follow } from './follow.js';
import { following } from './following.js';
import { greet } from './greet.js';
import { help } from './help.js';
import { lang } from './lang.js';
import { latest } from './latest.js';
import { matches } from './matches.js';
import { more } from './more.js';
import { offer } from './offer.js';
import { offers } from './offers.js';
import { remind } from './remind.js';
import { request } from './request.js';
import { requests } from './requests.js';
import { search } from './search.js';
import { subscribe } from './subscribe.js';
import { tz } from './tz.js';
import { unbookmark } from './unbookmark.js';
import { unfollow } from './unfollow.js';
import { upcoming } from './upcoming.js';
import { vocabulary } from './vocabulary.js';

/** The bots' commands, in the order help lists them. */
export const COMMANDS: readonly BotCommand[] = [
  search,
  latest,
  upcoming,
  tz,
  remind,
  follow,
  unfollow,
  following,
  subscribe,
  bookmark,
  bookmarks,
  unbookmark,
  lang,
  feeds,
  vocabulary,
  offers,
  requests,
  matches,
  offer,
  request,
  greet,
  more,
  help,
];

/** The command that answers a name; every CommandName has exactly one (commands.test.ts). */
export function commandFor(
  name: CommandName,
  table: readonly BotCommand[] = COMMANDS,
): BotCommand | undefined {
  return table.find((c) => c.commands.includes(name));
}
