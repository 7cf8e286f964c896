import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import {
  channelSettingsKey,
  memberTimeZone,
  resolveTimeZone,
  setStoredTimeZone,
  userSettingsKey,
} from '../../events/time-zone.js';
import { defineCommand } from './command.js';
import { guardChannel } from './guard.js';

/**
 * `tz America/Bogota` / `zona …`: the member's zone for event times in a direct message, the
 * conversation's (its reminders, and members who chose none) in a group, by its admins. An unknown
 * zone is refused with the closest ones; `tz` alone says which zone is in use.
 */
export const tz = defineCommand(['tz'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  const typed = args.trim();
  if (!typed)
    return textReply(m.tzShow(await memberTimeZone(env.store, ctx, ctx.timeZone)), { private: true });
  const choice = resolveTimeZone(typed);
  if (!choice.ok) return textReply(m.tzUnknown(typed.slice(0, 64), choice.suggestions), { private: true });
  if (ctx.conversation === 'group') {
    const denied = await guardChannel(ctx, m);
    if (denied) return denied;
    await setStoredTimeZone(env.store, channelSettingsKey(ctx.channel), { ...ctx.channel }, choice.timeZone);
    return textReply(m.tzSetChannel(choice.timeZone));
  }
  await setStoredTimeZone(env.store, userSettingsKey(ctx.user), { ...ctx.user }, choice.timeZone);
  return textReply(m.tzSetUser(choice.timeZone), { private: true });
});
