import { MESSAGES } from '../../chat/i18n.js';
import { heading, paragraph, type Reply, textReply } from '../../chat/reply.js';
import { describeFilter } from '../../filters/describe.js';
import { isEmptyFilter } from '../../filters/filter.js';
import { addFollow, type Follow } from '../../follows/state.js';
import { parseFilters, previewLine, refusal } from '../filter-text.js';
import { type CommandRun, defineCommand } from './command.js';
import { guardChannel } from './guard.js';

const EVERYTHING = new Set(['everything', 'all', 'todo', 'todos']);
const PREVIEW_WORDS = new Set(['preview', 'vista', 'previa']);

/** `follow topic:health country:kenya` (this conversation announces matches); `follow preview …` only shows. */
export const follow = defineCommand(['follow'], async (input) => {
  const [first = '', ...others] = input.args.trim().split(/\s+/);
  if (PREVIEW_WORDS.has(first.toLowerCase())) return followPreview({ ...input, args: others.join(' ') });
  return (await followFrom(input)).reply;
});

/**
 * What `follow <words>` does, for the command and the App Home's form alike: refused (the filter
 * words, or the member may not change this conversation's follows) with nothing saved, or saved.
 */
export type FollowOutcome =
  | { saved: false; refused: 'filter' | 'conversation'; reply: Reply }
  | { saved: true; follow: Follow; reply: Reply };

export async function followFrom({ env, ctx, args, lang }: CommandRun): Promise<FollowOutcome> {
  const m = MESSAGES[lang];
  const refuse = (reply: Reply, refused: 'filter' | 'conversation' = 'filter') =>
    ({ saved: false, refused, reply }) as const;
  const everything = EVERYTHING.has(args.trim().toLowerCase());
  const parsed = await parseFilters(env, everything ? '' : args);
  const refused = refusal(parsed, lang);
  if (refused) return refuse(refused);
  const { filter } = parsed;
  if (filter.since || filter.before) return refuse(textReply(m.noDatesInFollows, { private: true }));
  if (isEmptyFilter(filter) && !everything) return refuse(textReply(m.followNeedsFilter, { private: true }));
  const denied = await guardChannel(ctx, m);
  if (denied) return refuse(denied, 'conversation');
  const { follow: f, created } = await addFollow(env.store, ctx.channel, filter, {
    userId: ctx.user.userId,
    at: env.now(),
  });
  const d = describeFilter(f.filter, lang, parsed.partners);
  env.log.info('follow added', { channelId: ctx.channel.channelId, followId: f.followId, created });
  const said = created ? m.followed(f.followId, d) : m.alreadyFollowed(f.followId, d);
  return { saved: true, follow: f, reply: textReply(`${said}\n${await previewLine(env, f.filter, lang)}`) };
}

async function followPreview({ env, args, lang }: CommandRun): Promise<Reply> {
  const m = MESSAGES[lang];
  const parsed = await parseFilters(env, args);
  const refused = refusal(parsed, lang);
  if (refused) return refused;
  if (isEmptyFilter(parsed.filter)) return textReply(m.followNeedsFilter, { private: true });
  const d = describeFilter(parsed.filter, lang, parsed.partners);
  return {
    blocks: [heading(m.previewHeading), paragraph(d), paragraph(await previewLine(env, parsed.filter, lang))],
    summary: m.previewHeading,
    private: true,
  };
}
