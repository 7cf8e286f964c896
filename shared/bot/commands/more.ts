import { decodeAction } from '../../chat/actions.js';
import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { shownResults } from '../../follows/state.js';
import { nextPage } from '../results.js';
import { defineCommand } from './command.js';

/** `more` / `más`: the next page of the last search or list shown to this member. */
export const more = defineCommand(['more'], async ({ env, ctx, lang }) => {
  const shown = await shownResults(env.store, ctx.user);
  const action = shown?.more ? await decodeAction(env.store, shown.more) : undefined;
  if (action?.type !== 'page') return textReply(MESSAGES[lang].noMore, { private: true });
  return nextPage(env, ctx, action, lang);
});
