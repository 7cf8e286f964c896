import { type BotLanguage, isBotLanguage, MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { setChannelLanguage, setUserLanguage } from '../../follows/state.js';
import { defineCommand } from './command.js';
import { guardChannel } from './guard.js';

const ALIASES: Record<string, BotLanguage> = { en: 'en', es: 'es', in: 'en', sp: 'es' };

/** `lang es`: the member's language in a direct message, the conversation's in a channel (its admins). */
export const lang = defineCommand(['lang'], async ({ env, ctx, args, lang: current }) => {
  const wanted = ALIASES[args.trim().toLowerCase().slice(0, 2)];
  if (!wanted || !isBotLanguage(wanted)) return textReply(MESSAGES[current].langUsage, { private: true });
  const m = MESSAGES[wanted];
  if (ctx.conversation === 'group') {
    const denied = await guardChannel(ctx, MESSAGES[current]);
    if (denied) return denied;
    await setChannelLanguage(env.store, ctx.channel, wanted);
    return textReply(m.langSetChannel(wanted));
  }
  await setUserLanguage(env.store, ctx.user, wanted);
  return textReply(m.langSetUser(wanted), { private: true });
});
