import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { shownResults } from '../../follows/state.js';
import { dateZone } from '../filter-text.js';
import { resultsReply, shownReply } from '../results.js';
import { defineCommand } from './command.js';

/**
 * `search cash transfers` (or any words that are not a command): the library's best matches. A bare
 * number typed after a list ("2") is that result again, as `bookmark 2` reads it; `search 2` and a
 * number with no list shown search the number.
 */
export const search = defineCommand(['search'], async ({ env, ctx, args, lang, implicit }) => {
  if (!args.trim()) return textReply(MESSAGES[lang].searchNeedsQuery, { private: true });
  const number = implicit ? /^\s*#?(\d{1,3})\.?\s*$/.exec(args) : null;
  const shown = number ? await shownResults(env.store, ctx.user) : undefined;
  if (number && shown && shown.ids.length > 0) {
    const [n, shownLang] = [Number(number[1]), shown.language ?? lang];
    const id = shown.ids[n - shown.from];
    if (id) return shownReply(env, id, n, shownLang);
    const m = MESSAGES[shownLang];
    const to = shown.from + shown.ids.length - 1;
    return textReply(`${m.notShown(n, shown.from, to)} ${m.searchNumber(n)}`, { private: true });
  }
  const timeZone = await dateZone(env, ctx, args);
  const response = await env.ports.search.search({
    query: args,
    limit: env.pageSize,
    language: lang,
    ...(timeZone ? { timeZone } : {}),
  });
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
