import type { ChatContext } from '../../chat/context.js';
import type { Messages } from '../../chat/i18n.js';
import { type Reply, textReply } from '../../chat/reply.js';

/** In a channel or group only its admins change follows and language; a direct message is the member's own. */
export async function guardChannel(ctx: ChatContext, m: Messages): Promise<Reply | undefined> {
  if (ctx.conversation === 'direct') return undefined;
  return (await ctx.canManageChannel()) ? undefined : textReply(m.notChannelAdmin, { private: true });
}
