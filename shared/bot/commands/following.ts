import { MESSAGES } from '../../chat/i18n.js';
import { heading, paragraph, textReply } from '../../chat/reply.js';
import { describeFilter } from '../../filters/describe.js';
import { listFollows } from '../../follows/state.js';
import { defineCommand } from './command.js';

/** `following`: what this conversation follows, each with the id `unfollow` takes. */
export const following = defineCommand(['following'], async ({ env, ctx, lang }) => {
  const m = MESSAGES[lang];
  const follows = await listFollows(env.store, ctx.channel);
  if (follows.length === 0) return textReply(m.followingNone, { private: true });
  const partners = await env.ports.search.partners();
  const lines = follows.map((f) => `• ${m.followLine(f.followId, describeFilter(f.filter, lang, partners))}`);
  return {
    blocks: [heading(m.followingList), paragraph(lines.join('\n'))],
    summary: m.followingList,
    private: true,
  };
});
