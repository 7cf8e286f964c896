import { problemText } from '../../filters/problems.js';
import { parseFilters, refusal } from '../filter-text.js';
import { resultsReply } from '../results.js';
import { defineCommand } from './command.js';

/** `latest topic:health`: the newest resources, narrowed by the filter language. */
export const latest = defineCommand(['latest'], async ({ env, ctx, args, lang }) => {
  const parsed = await parseFilters(env, args, ctx);
  const refused = refusal(parsed, lang, false);
  if (refused) return refused;
  const response = await env.ports.search.latest(parsed.filter, env.pageSize);
  const notes = parsed.problems.map((p) => problemText(p, lang, parsed.partners));
  return resultsReply(env, {
    kind: 'latest',
    query: '',
    filter: parsed.filter,
    response,
    offset: 0,
    lang,
    extraProblems: notes,
    shownTo: ctx.user,
  });
});
