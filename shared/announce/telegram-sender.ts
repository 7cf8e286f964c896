import { Telegram, TelegramError } from 'telegraf';
import { sendReply } from '../chat/telegram/bot.js';
import { describeError } from '../errors.js';
import type { Log } from '../log.js';
import { type ChatSender, SendError, TELEGRAM_PACE } from './senders.js';

/**
 * The Telegram sender, in a module of its own: `defaultSenders` imports it when a Telegram post is
 * first made, so the Slack bot's Lambda (which bundles the senders for reminders) never loads
 * Telegraf at its cold start.
 */

export function classifyTelegramError(error: unknown): SendError {
  if (error instanceof TelegramError) {
    if (error.code === 429)
      return new SendError('rate_limited', 'telegram asked us to slow down', {
        retryAfterMs: Math.max(1, error.parameters?.retry_after ?? 1) * 1000,
        cause: error,
      });
    // 403: the bot was kicked from the group, blocked by the user, or may not post in the channel.
    if (error.code === 403 || /chat not found/i.test(error.description))
      return new SendError('broken', `telegram: ${error.description}`, {
        reason: error.description,
        cause: error,
      });
    return new SendError('failed', `telegram: ${error.code} ${error.description}`, { cause: error });
  }
  return new SendError('failed', `telegram: ${describeError(error)}`, { cause: error });
}

export function createTelegramSender(options: { token: string; apiRoot?: string; log: Log }): ChatSender {
  const telegram = new Telegram(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
  return {
    platform: 'telegram',
    pace: TELEGRAM_PACE,
    describe: 'telegram',
    async post(channel, reply) {
      try {
        // HTML with the link preview off, falling back to plain text if Telegram cannot parse it.
        await sendReply(telegram, channel.channelId, reply, options.log);
      } catch (error) {
        throw classifyTelegramError(error);
      }
    },
  };
}
