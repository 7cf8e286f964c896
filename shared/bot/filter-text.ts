import type { ChatContext } from '../chat/context.js';
import type { BotLanguage } from '../chat/i18n.js';
import { formatDay, MESSAGES } from '../chat/i18n.js';
import { type Reply, textReply } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import { memberTimeZone } from '../events/time-zone.js';
import type { ResourceFilter } from '../filters/filter.js';
import { type ParsedFilterText, parseFilterText } from '../filters/language.js';
import { previewFilter } from '../filters/preview.js';
import { problemText } from '../filters/problems.js';
import type { PartnerNames } from '../filters/values.js';
import { mentionsDate } from '../search/query.js';
import type { CommandEnv } from './commands/command.js';

/** The member's filter words as the commands read them: one filter language, one refusal, one preview. */

export type ParsedFilters = ParsedFilterText & { partners: PartnerNames };

/**
 * The member's filter text in the one filter language, resolved against the library's partners;
 * given the member (`ctx`), a date is read in their zone (`desde:hoy` is their today).
 */
export async function parseFilters(env: CommandEnv, args: string, ctx?: ChatContext): Promise<ParsedFilters> {
  const [partners, timeZone] = await Promise.all([
    env.ports.search.partners(),
    ctx ? dateZone(env, ctx, args) : undefined,
  ]);
  return {
    ...parseFilterText(args, { now: env.now(), partners, ...(timeZone ? { timeZone } : {}) }),
    partners,
  };
}

/**
 * The zone a member's dates are read in (`tz`, else the platform's, else the conversation's), asked
 * only when the text names a date key: a search without one reads nothing more.
 */
export async function dateZone(env: CommandEnv, ctx: ChatContext, text: string): Promise<string | undefined> {
  if (!mentionsDate(text)) return undefined;
  return memberTimeZone(env.store, ctx, ctx.timeZone);
}

/** The problems of a parse as one reply: nothing is stored or listed for a value that means nothing. */
export function refusal(
  parsed: ParsedFilters,
  lang: BotLanguage,
  /** A command that stores the filter (follow, subscribe) says nothing was saved; a list only refuses. */
  saves = true,
): Reply | undefined {
  const refused = parsed.problems.filter((p) => p.code !== 'note');
  if (refused.length === 0) return undefined;
  const text = refused.map((p) => problemText(p, lang, parsed.partners)).join(' ');
  return textReply(saves ? MESSAGES[lang].refused(text) : text, { private: true });
}

/** "In the last 30 days this would have brought 6 resources, e.g. …". */
export async function previewLine(
  env: CommandEnv,
  filter: ResourceFilter,
  lang: BotLanguage,
): Promise<string> {
  const m = MESSAGES[lang];
  const preview = await previewFilter(env.ports.search, filter, env.now());
  if (preview.total === 0) return m.previewNone;
  return m.preview(
    preview.total,
    preview.examples.map((e) => `"${cutText(cleanText(e.title), 80)}" (${formatDay(e.publishedAt, lang)})`),
  );
}
