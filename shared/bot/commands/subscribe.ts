import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { cutText } from '../../chat/text.js';
import { isValidEmailAddress } from '../../email/address.js';
import { RelayError } from '../../errors.js';
import { parseFilters, previewLine, refusal } from '../filter-text.js';
import { defineCommand } from './command.js';

const FREQUENCIES: Record<string, 'daily' | 'weekly'> = {
  daily: 'daily',
  diario: 'daily',
  diaria: 'daily',
  weekly: 'weekly',
  semanal: 'weekly',
};

/** `subscribe me@example.org weekly topic:health`: starts the digests' double opt-in. */
export const subscribe = defineCommand(['subscribe'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  // The address and the frequency are words of their own; the rest is the filter language.
  const words = args.trim().split(/\s+/).filter(Boolean);
  const email = words.find((w) => w.includes('@') && !w.includes(':') && !w.startsWith('"'));
  const frequencies = words.filter((w) => FREQUENCIES[w.toLowerCase()]);
  const filterText = words.filter((w) => w !== email && !FREQUENCIES[w.toLowerCase()]).join(' ');
  if (!email) return textReply(m.subscribeUsage, { private: true });
  if (!isValidEmailAddress(email))
    return textReply(m.subscribeBadEmail(cutText(email, 80)), { private: true });
  const parsed = await parseFilters(env, filterText);
  const refused = refusal(parsed, lang);
  if (refused) return refused;
  const { filter } = parsed;
  if (filter.since || filter.before) return textReply(m.noDatesInFollows, { private: true });
  const frequency = FREQUENCIES[frequencies.at(-1)?.toLowerCase() ?? ''] ?? 'weekly';
  try {
    await env.ports.subscribe({
      email,
      language: lang,
      frequency,
      filter,
      source: `${ctx.user.platform}:${ctx.user.workspaceId}:${ctx.user.userId}`,
    });
  } catch (error) {
    if (error instanceof RelayError) return textReply(m.subscribeFailed(error.message), { private: true });
    throw error;
  }
  return textReply(
    `${m.subscribeStarted(email, m.frequency[frequency])}\n${await previewLine(env, filter, lang)}`,
    {
      private: true,
    },
  );
});
