import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { resultsReply } from '../results.js';
import { defineCommand } from './command.js';

/** `search cash transfers` (or any words that are not a command): the library's best matches. */
export const search = defineCommand(['search'], async ({ env, ctx, args, lang }) => {
  if (!args.trim()) return textReply(MESSAGES[lang].searchNeedsQuery, { private: true });
  const response = await env.ports.search.search({ query: args, limit: env.pageSize, language: lang });
  return resultsReply(env, {
    kind: 'search',
    query: args,
    filter: {},
    response,
    offset: 0,
    lang,
    shownTo: ctx.user,
  });
});
