import { createHash } from 'node:crypto';
import { type Context, Telegraf, TelegramError } from 'telegraf';
import type { InlineQueryResultArticle, UserFromGetMe } from 'telegraf/types';
import { describeError } from '../../errors.js';
import type { Log } from '../../log.js';
import type { Clock } from '../../runtime/clock.js';
import type { Store } from '../../store/store.js';
import type { BotCore, ChatContext } from '../context.js';

import { BOT_LANGUAGES, commandWords } from '../i18n.js';
import { telegramGroupCall } from '../idiom.js';
import type { Reply } from '../reply.js';
import { plainSnippet } from '../reply.js';
import { cutText } from '../text.js';
import { cardHtml, type InlineKeyboardButton, renderTelegram, TELEGRAM_LIMITS } from './render.js';

/**
 * The Telegram face: one Telegraf bot whose handlers turn messages, button presses and inline
 * queries into calls on the command core. Webhooks (http.ts) and long polling (local) both feed
 * it through `handleUpdate`.
 */

export interface TelegramFaceDeps {
  core: BotCore;
  store: Store;
  log: Log;
  clock: Clock;
  token: string;
  /** The Bot API root (a local stand-in in tests). @default https://api.telegram.org */
  apiRoot?: string;
  /** Preset bot identity: no getMe call is needed (tests; a known username in config). */
  botInfo?: UserFromGetMe;
  /** Relay admins (`telegram:42`). */
  adminIds: readonly string[];
}

const INLINE_RESULTS = 10;

/** `/search@our_bot words` → `search words`; undefined when the command is for another bot. */
export function commandText(text: string, botUsername: string | undefined): string | undefined {
  const m = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return text;
  if (m[2] && botUsername && m[2].toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return `${m[1]} ${m[3] ?? ''}`.trim();
}

function telegramContext(ctx: Context, deps: TelegramFaceDeps): ChatContext | undefined {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from) return undefined;
  const workspaceId = String(ctx.botInfo?.id ?? 'bot');
  const chatId = chat ? String(chat.id) : `user:${from.id}`;
  const direct = !chat || chat.type === 'private';
  return {
    channel: { platform: 'telegram', workspaceId, channelId: chatId },
    user: { platform: 'telegram', workspaceId, userId: String(from.id) },
    conversation: direct ? 'direct' : 'group',
    locale: from.language_code,
    isRelayAdmin: deps.adminIds.includes(`telegram:${from.id}`),
    ...(!direct && ctx.botInfo?.username ? { callCommand: telegramGroupCall(ctx.botInfo.username) } : {}),
    async canManageChannel() {
      if (direct || !chat) return true;
      try {
        const member = await ctx.telegram.getChatMember(chat.id, from.id);
        return member.status === 'creator' || member.status === 'administrator';
      } catch (error) {
        deps.log.warn('telegram getChatMember failed', { channelId: chatId, error: describeError(error) });
        return false;
      }
    },
  };
}

const cannotParse = (error: unknown) =>
  error instanceof TelegramError && /can't parse entities/i.test(error.description);

/** Sends a reply as HTML; if Telegram cannot parse the entities, sends the plain-text version. */
export async function sendReply(
  telegram: Telegraf['telegram'],
  chatId: number | string,
  reply: Reply,
  log: Log,
  extra: { replyTo?: number } = {},
): Promise<void> {
  const message = renderTelegram(reply);
  const markup = message.keyboard.length ? { reply_markup: { inline_keyboard: message.keyboard } } : {};
  const base = {
    ...markup,
    link_preview_options: { is_disabled: true },
    ...(extra.replyTo
      ? { reply_parameters: { message_id: extra.replyTo, allow_sending_without_reply: true } }
      : {}),
  };
  try {
    await telegram.sendMessage(chatId, message.html, { ...base, parse_mode: 'HTML' });
  } catch (error) {
    if (!cannotParse(error)) throw error;
    log.warn('telegram could not parse our HTML; sent plain text', { error: describeError(error) });
    await telegram.sendMessage(chatId, message.plain, base);
  }
}

function article(card: Parameters<typeof cardHtml>[0]): InlineQueryResultArticle {
  const html = cardHtml(card);
  return {
    type: 'article',
    // Result ids are at most 64 bytes: a digest of the resource id.
    id: createHash('sha256').update(card.resourceId).digest('base64url').slice(0, 32),
    title: cutText(card.title, TELEGRAM_LIMITS.inlineTitle),
    description: cutText([card.meta, plainSnippet(card.snippet)].filter(Boolean).join('\n'), 200),
    url: /^https?:\/\//i.test(card.url) ? card.url : undefined,
    input_message_content: {
      message_text: html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    },
    reply_markup: card.buttons.length
      ? {
          inline_keyboard: [
            card.buttons.map((b): InlineKeyboardButton => ({ text: b.label, callback_data: b.action })),
          ],
        }
      : undefined,
  };
}

export function createTelegramBot(deps: TelegramFaceDeps): Telegraf {
  const bot = new Telegraf(deps.token, {
    telegram: { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), webhookReply: false },
    // Webhook handling must finish well inside Telegram's patience and the Lambda's timeout.
    handlerTimeout: 25_000,
  });
  if (deps.botInfo) bot.botInfo = deps.botInfo;

  bot.on('message', async (ctx, next) => {
    const msg = ctx.message as { text?: string; message_id: number };
    if (typeof msg.text !== 'string') return next();
    const chat = ctx.chat;
    const direct = chat.type === 'private';
    // In groups the bot answers its commands only (privacy mode delivers little else anyway).
    if (!direct && !msg.text.startsWith('/')) return next();
    const text = commandText(msg.text, ctx.botInfo?.username);
    if (text === undefined) return next();
    const chatCtx = telegramContext(ctx, deps);
    if (!chatCtx) return next();
    const reply = await deps.core.handleText(chatCtx, text);
    await sendReply(ctx.telegram, chat.id, reply, deps.log, { replyTo: direct ? undefined : msg.message_id });
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery as {
      data?: string;
      message?: { message_id: number; chat: { id: number } };
    };
    const chatCtx = telegramContext(ctx, deps);
    if (!chatCtx || typeof query.data !== 'string') {
      await ctx.answerCbQuery();
      return;
    }
    const outcome = await deps.core.handleAction(chatCtx, query.data);
    await ctx.answerCbQuery(outcome.toast ? cutText(outcome.toast, 200) : undefined);
    if (!outcome.reply) return;
    const message = renderTelegram(outcome.reply);
    const target = query.message;
    if (outcome.replace && target) {
      try {
        await ctx.telegram.editMessageText(target.chat.id, target.message_id, undefined, message.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: { inline_keyboard: message.keyboard },
        });
        return;
      } catch (error) {
        deps.log.warn('telegram edit failed; sending a new message', { error: describeError(error) });
      }
    }
    const chatId = target?.chat.id ?? ctx.from?.id;
    if (chatId !== undefined) await sendReply(ctx.telegram, chatId, outcome.reply, deps.log);
  });

  bot.on('inline_query', async (ctx) => {
    const chatCtx = telegramContext(ctx, deps);
    if (!chatCtx) return;
    const cards = await deps.core.inline(chatCtx, ctx.inlineQuery.query, INLINE_RESULTS);
    await ctx.answerInlineQuery(cards.map(article), { cache_time: 60 });
  });

  bot.catch((error) => {
    deps.log.error('telegram handler failed', { error: describeError(error) });
  });
  return bot;
}

/** Points Telegram at our webhook, with the secret token it must send back, and sets the command menus. */
export async function registerTelegramWebhook(
  bot: Telegraf,
  options: { url: string; secretToken: string },
): Promise<void> {
  await bot.telegram.setWebhook(options.url, {
    secret_token: options.secretToken,
    allowed_updates: ['message', 'callback_query', 'inline_query'],
  });
  await registerCommandMenus(bot);
}

/** The command menus, in English by default and in Spanish for Spanish-speaking members. */
export async function registerCommandMenus(bot: Telegraf): Promise<void> {
  for (const language of BOT_LANGUAGES) {
    const commands = commandWords(language)
      .filter((c) => c.command !== 'feed')
      .map((c) => ({ command: c.word, description: cutText(c.description, 256) }));
    await bot.telegram.setMyCommands(commands, language === 'en' ? {} : { language_code: language });
  }
}

/** Long polling for `npm start` (no public URL needed). Stops with the returned function. */
export function startTelegramPolling(bot: Telegraf, log: Log): { stop(): void } {
  bot
    .launch({ allowedUpdates: ['message', 'callback_query', 'inline_query'] }, () =>
      log.info('telegram bot polling', { username: bot.botInfo?.username }),
    )
    .catch((error) => log.error('telegram polling stopped', { error: describeError(error) }));
  return { stop: () => bot.stop('local stack stopping') };
}
