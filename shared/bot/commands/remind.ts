import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { addReminder, listReminders, removeReminder } from '../../events/reminders.js';
import { describeFilter } from '../../filters/describe.js';
import { isEmptyFilter } from '../../filters/filter.js';
import { parseFilters, refusal } from '../filter-text.js';
import { defineCommand } from './command.js';
import { guardChannel } from './guard.js';

const EVENTS_WORDS = new Set(['events', 'event', 'eventos', 'evento']);
const STOP_WORDS = new Set(['stop', 'remove', 'quitar', 'parar', 'detener']);
const EVERYTHING = new Set(['everything', 'all', 'todo', 'todos']);

/**
 * `remind events country:colombia` / `recordar eventos …`: this conversation gets a post the day
 * before and one hour before each matching event (shared/events/reminders.ts); `remind` lists
 * them, `remind stop <id>` ends one. In groups only admins change them, as follows.
 */
export const remind = defineCommand(['remind'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  const words = args.trim().split(/\s+/).filter(Boolean);
  const first = (words[0] ?? '').toLowerCase();
  if (words.length === 0) {
    const reminders = await listReminders(env.store, ctx.channel);
    if (reminders.length === 0) return textReply(m.remindingNone, { private: true });
    const partners = await env.ports.search.partners();
    const lines = reminders.map(
      (r) =>
        `• ${m.followLine(r.reminderId, isEmptyFilter(r.filter) ? m.everything : describeFilter(r.filter, lang, partners))}`,
    );
    return textReply(`${m.remindingList}\n${lines.join('\n')}`, { private: true });
  }
  if (STOP_WORDS.has(first)) {
    const id = words[1] ?? '';
    const denied = await guardChannel(ctx, m);
    if (denied) return denied;
    if (!id || !(await removeReminder(env.store, ctx.channel, id)))
      return textReply(m.remindNotFound(id), { private: true });
    return textReply(m.remindStopped(id.toLowerCase()));
  }
  const rest = (EVENTS_WORDS.has(first) ? words.slice(1) : words).join(' ');
  const everything = EVERYTHING.has(rest.toLowerCase());
  if (!rest) return textReply(m.remindNeedsFilter, { private: true });
  const parsed = await parseFilters(env, everything ? '' : rest);
  const refused = refusal(parsed, lang);
  if (refused) return refused;
  if (parsed.filter.since || parsed.filter.before) return textReply(m.noDatesInFollows, { private: true });
  if (isEmptyFilter(parsed.filter) && !everything) return textReply(m.remindNeedsFilter, { private: true });
  const denied = await guardChannel(ctx, m);
  if (denied) return denied;
  const { reminder, created } = await addReminder(env.store, ctx.channel, parsed.filter, {
    userId: ctx.user.userId,
    at: env.now(),
  });
  const d = isEmptyFilter(reminder.filter)
    ? m.everything
    : describeFilter(reminder.filter, lang, parsed.partners);
  env.log.info('event reminder added', {
    channelId: ctx.channel.channelId,
    reminderId: reminder.reminderId,
    created,
  });
  return textReply(
    created ? m.reminding(reminder.reminderId, d) : m.alreadyReminding(reminder.reminderId, d),
  );
});
