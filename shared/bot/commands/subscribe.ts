import { distance } from 'fastest-levenshtein';
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
  diariamente: 'daily',
  weekly: 'weekly',
  semanal: 'weekly',
  semanalmente: 'weekly',
};

/**
 * Frequencies people ask for that the digests do not have. Kept as a keyword, "fortnightly" would
 * be a subscription that never matches: refused instead, with the two there are.
 */
const OTHER_FREQUENCIES = new Set([
  'hourly',
  'fortnightly',
  'biweekly',
  'bi-weekly',
  'monthly',
  'bimonthly',
  'quarterly',
  'yearly',
  'annually',
  'quincenal',
  'quincenalmente',
  'mensual',
  'mensualmente',
  'bimestral',
  'trimestral',
  'semestral',
  'anual',
  'anualmente',
]);

/** A word folded as frequencies are compared: case, accents and a trailing comma or stop do not matter. */
const folded = (word: string) =>
  word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[.,;!?]+$/, '');

const frequencyOf = (word: string) => FREQUENCIES[folded(word)];

/** A frequency the digests do not have, or "weekly"/"semanal" one letter off ("weekley", "semnal"). */
function isOtherFrequency(word: string): boolean {
  const f = folded(word);
  if (OTHER_FREQUENCIES.has(f)) return true;
  return f.length >= 5 && ['weekly', 'semanal'].some((known) => distance(f, known) === 1);
}

/** `subscribe me@example.org weekly topic:health`: starts the digests' double opt-in. */
export const subscribe = defineCommand(['subscribe'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  // The address and the frequency are words of their own; the rest is the filter language.
  const words = args.trim().split(/\s+/).filter(Boolean);
  const email = words.find((w) => w.includes('@') && !w.includes(':') && !w.startsWith('"'));
  const frequencies = words.filter((w) => frequencyOf(w));
  const filterText = words.filter((w) => w !== email && !frequencyOf(w)).join(' ');
  if (!email) return textReply(m.subscribeUsage, { private: true });
  if (!isValidEmailAddress(email))
    return textReply(m.subscribeBadEmail(cutText(email, 80)), { private: true });
  const unknownFrequency = words.find((w) => w !== email && !w.includes(':') && isOtherFrequency(w));
  if (unknownFrequency)
    return textReply(m.subscribeBadFrequency(cutText(unknownFrequency, 40)), { private: true });
  const parsed = await parseFilters(env, filterText);
  const refused = refusal(parsed, lang);
  if (refused) return refused;
  const { filter } = parsed;
  if (filter.since || filter.before) return textReply(m.noDatesInFollows, { private: true });
  const frequency = frequencyOf(frequencies.at(-1) ?? '') ?? 'weekly';
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
