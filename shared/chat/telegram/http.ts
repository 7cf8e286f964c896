import { createHash, timingSafeEqual } from 'node:crypto';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { describeError } from '../../errors.js';
import { claimDelivery } from '../../follows/state.js';
import { bodyBytes, bodyText, type HttpHandler, header } from '../../http/types.js';
import type { Log } from '../../log.js';
import type { Clock } from '../../runtime/clock.js';
import type { Store } from '../../store/store.js';

/**
 * The Telegram webhook (SECURITY.md 22). Telegraf skips the secret check when `handleUpdate` is
 * called directly, so it is done here, in constant time; each `update_id` is handled once; and the
 * answer is 200 even when handling failed, because Telegram retries a failed update before any
 * newer one and one bad update would block the chat.
 */

/** Compares digests, so neither the length nor the content of the secret leaks through timing. */
export function secretMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/**
 * No genuine update comes near this: a message is at most 4,096 characters, with its entities and
 * the message it replies to a few tens of kilobytes. A larger body is skipped before it is decoded
 * or parsed (a 900 KB one once took 15.8 s to handle).
 */
export const MAX_UPDATE_BYTES = 256 * 1024;

export function createTelegramWebhookHandler(deps: {
  bot: Telegraf;
  store: Store;
  log: Log;
  clock: Clock;
  secret: string | undefined;
}): HttpHandler {
  const { bot, store, log } = deps;
  const ok = { statusCode: 200, body: '' };
  return async (event) => {
    if (!deps.secret) {
      log.error('telegram webhook refused: TELEGRAM_WEBHOOK_SECRET is not set');
      return { statusCode: 401, body: '' };
    }
    if (!secretMatches(deps.secret, header(event, 'x-telegram-bot-api-secret-token'))) {
      log.warn('telegram webhook refused: wrong secret token');
      return { statusCode: 401, body: '' };
    }
    const bytes = bodyBytes(event);
    if (bytes > MAX_UPDATE_BYTES) {
      // 200, not 413: Telegram retries a refused update before any newer one (SECURITY.md 22).
      log.warn('telegram webhook: oversized update skipped', { bytes });
      return ok;
    }
    let update: Update;
    try {
      update = JSON.parse(bodyText(event)) as Update;
    } catch {
      log.warn('telegram webhook: unreadable body skipped');
      return ok;
    }
    if (typeof update?.update_id !== 'number') {
      log.warn('telegram webhook: update without update_id skipped');
      return ok;
    }
    try {
      if (!(await claimDelivery(store, 'telegram', String(update.update_id), deps.clock()))) {
        log.info('telegram retry skipped', { updateId: update.update_id });
        return ok;
      }
      await bot.handleUpdate(update);
    } catch (error) {
      log.error('telegram update failed', { updateId: update.update_id, error: describeError(error) });
    }
    return ok;
  };
}
