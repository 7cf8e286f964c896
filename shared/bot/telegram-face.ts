import type { UserFromGetMe } from 'telegraf/types';
import { createTelegramBot } from '../chat/telegram/bot.js';
import { createTelegramWebhookHandler } from '../chat/telegram/http.js';
import { ConfigError } from '../errors.js';
import type { Runtime } from '../runtime/runtime.js';
import type { BotCore } from './core.js';
import { createRuntimeBotCore } from './wiring.js';

/**
 * The Telegram face on a runtime, with the token and webhook secret from the configuration. In a
 * module of its own so the Telegram Lambda's bundle holds Telegraf and not Bolt
 * (functions/bot/telegram.ts imports it directly).
 */
export function createTelegramFace(
  runtime: Runtime,
  options: { core?: BotCore; botInfo?: UserFromGetMe } = {},
) {
  const { telegram } = runtime.config;
  if (!telegram.botToken) throw new ConfigError('The Telegram bot needs TELEGRAM_BOT_TOKEN');
  const bot = createTelegramBot({
    core: options.core ?? createRuntimeBotCore(runtime),
    store: runtime.store,
    log: runtime.log,
    clock: runtime.clock,
    token: telegram.botToken,
    apiRoot: telegram.apiRoot,
    botInfo: options.botInfo,
    adminIds: runtime.config.adminIds,
  });
  const handler = createTelegramWebhookHandler({
    bot,
    store: runtime.store,
    log: runtime.log,
    clock: runtime.clock,
    secret: telegram.webhookSecret,
  });
  return { bot, handler };
}
