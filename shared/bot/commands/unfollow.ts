import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { removeFollow } from '../../follows/state.js';
import { defineCommand } from './command.js';
import { guardChannel } from './guard.js';

/** `unfollow 3f2a1b`: this conversation stops announcing that follow. */
export const unfollow = defineCommand(['unfollow'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  const id = args.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{6}$/.test(id)) return textReply(m.unfollowNeedsId, { private: true });
  const denied = await guardChannel(ctx, m);
  if (denied) return denied;
  const removed = await removeFollow(env.store, ctx.channel, id);
  return textReply(removed ? m.unfollowed(id) : m.followNotFound(id), { private: !removed });
});
