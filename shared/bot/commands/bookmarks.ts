import { MESSAGES } from '../../chat/i18n.js';
import { heading, type Reply, type ReplyBlock, textReply } from '../../chat/reply.js';
import { bookmarkCards } from '../bookmarking.js';
import { type CommandRun, defineCommand } from './command.js';

/** The member's bookmarks, each with the resource's partner, date and type and a Remove button. */
export async function bookmarkList({ env, ctx, lang }: CommandRun): Promise<Reply> {
  const m = MESSAGES[lang];
  const cards = await bookmarkCards(env, ctx, m);
  if (cards.length === 0) return textReply(m.bookmarksNone, { private: true });
  const title = m.bookmarksHeading(cards.length);
  return {
    blocks: [heading(title), ...cards.map((card): ReplyBlock => ({ kind: 'card', card }))],
    summary: title,
    private: true,
  };
}

/** `bookmarks`: the member's saved resources. */
export const bookmarks = defineCommand(['bookmarks'], bookmarkList);
