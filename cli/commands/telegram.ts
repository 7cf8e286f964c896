import { type Command, InvalidArgumentError } from 'commander';
import { Telegraf } from 'telegraf';
import { registerTelegramWebhook } from '#shared/chat/telegram/bot.js';
import { loadConfig } from '#shared/config.js';
import { ConfigError } from '#shared/errors.js';
import { envWithFlags, type GlobalOptions } from '../context.js';
import { printJson, println } from '../output.js';

function httpsUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('must be an absolute URL');
  }
  if (url.protocol !== 'https:')
    throw new InvalidArgumentError('must be https (Telegram only calls https webhooks)');
  return url.href;
}

/** `iaspn telegram set-webhook <url>`: points the bot at the deployed webhook, with its secret token. */
export function registerTelegram(program: Command): void {
  const telegram = program.command('telegram').description('Telegram bot administration');
  telegram
    .command('set-webhook')
    .description('register the webhook URL (the stack output TelegramWebhookUrl) and the command menus')
    .argument(
      '[url]',
      'https URL of /telegram/webhook (default: IASPN_PUBLIC_URL/telegram/webhook)',
      httpsUrl,
    )
    .option('--json', 'print the webhook info Telegram reports as JSON')
    .action(async (url: string | undefined, options: { json?: boolean }, command: Command) => {
      const config = loadConfig(envWithFlags(command.optsWithGlobals<GlobalOptions>()));
      const { botToken, webhookSecret, apiRoot } = config.telegram;
      if (!botToken) throw new ConfigError('TELEGRAM_BOT_TOKEN is required to register the webhook');
      if (!webhookSecret)
        throw new ConfigError(
          'TELEGRAM_WEBHOOK_SECRET is required: Telegram sends it back and the webhook checks it',
        );
      const target = url ?? httpsUrl(`${config.publicUrl}/telegram/webhook`);
      const bot = new Telegraf(botToken, { telegram: apiRoot ? { apiRoot } : {} });
      await registerTelegramWebhook(bot, { url: target, secretToken: webhookSecret });
      const info = await bot.telegram.getWebhookInfo();
      if (options.json) printJson(info);
      else println(`webhook set: ${info.url} (pending updates: ${info.pending_update_count})`);
    });
}
