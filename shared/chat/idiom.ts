import { BOT_LANGUAGES, COMMAND_NAMES } from './i18n.js';
import type { Reply, ReplyBlock } from './reply.js';

/**
 * Each platform's way of calling the bot, in help and hints: `/iaspn latest` in Slack (the app
 * hears typed words only in direct messages, a slash command everywhere), `/latest@bot` in a
 * Telegram group, `latest` in a Telegram direct chat and in the console. The catalogue writes the
 * plain word; faces give the context a `callCommand` and the core rewrites its replies with it.
 */

export type CallCommand = (word: string) => string;

export const slackCall =
  (slash: string): CallCommand =>
  (word) =>
    `${slash} ${word}`;

/** In a Telegram group: `/latest@iaspn_bot` (a command word with the bot's name reaches only this bot). */
export const telegramGroupCall =
  (botUsername: string): CallCommand =>
  (word) =>
    `/${word}@${botUsername}`;

const WORDS = new Set(
  Object.values(COMMAND_NAMES).flatMap((names) => BOT_LANGUAGES.flatMap((l) => names[l])),
);
const WORD = '([a-z]+)';
// A quoted command ("latest", "follow preview …"), a bulleted usage line (• search <words>), a usage line.
const QUOTED = new RegExp(`"${WORD}(?=[" ])`, 'g');
const BULLET = new RegExp(`^• ${WORD}(?= |$)`, 'gm');
const USAGE = new RegExp(`^${WORD}(?= [<\\[]|:)`, 'g');

/** A text with every command word written the platform's way. */
export function callText(text: string, call: CallCommand): string {
  const swap = (prefix: string) => (all: string, word: string) =>
    WORDS.has(word) ? `${prefix}${call(word)}` : all;
  return text.replace(QUOTED, swap('"')).replace(BULLET, swap('• ')).replace(USAGE, swap(''));
}

/** The reply with its text, hints and headings (never result cards) in the platform's idiom. */
export function inIdiom(reply: Reply, call: CallCommand | undefined): Reply {
  if (!call) return reply;
  const block = (b: ReplyBlock): ReplyBlock =>
    b.kind === 'text' || b.kind === 'muted' || b.kind === 'heading'
      ? { ...b, text: callText(b.text, call) }
      : b;
  return { ...reply, blocks: reply.blocks.map(block), summary: callText(reply.summary, call) };
}
