import { textReply } from '../../chat/reply.js';
import { unbookmarkRef } from '../bookmarking.js';
import { bookmarkList } from './bookmarks.js';
import { defineCommand } from './command.js';

/** `unbookmark 2` (the second bookmark, or a resource id); alone, the list to choose from. */
export const unbookmark = defineCommand(['unbookmark'], async (input) => {
  const ref = input.args.trim().split(/\s+/)[0] ?? '';
  if (!ref) return bookmarkList(input);
  return textReply(await unbookmarkRef(input.env, input.ctx, ref, input.lang), { private: true });
});
