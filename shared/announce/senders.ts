import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type KnownBlock,
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api';
import { Telegram, TelegramError } from 'telegraf';
import { renderConsole } from '../chat/console.js';
import type { Reply } from '../chat/reply.js';
import { renderSlack } from '../chat/slack/render.js';
import { sendReply } from '../chat/telegram/bot.js';
import { describeError, RelayError } from '../errors.js';
import type { ChannelRef, ChatPlatform } from '../follows/state.js';
import type { Log } from '../log.js';
import type { Runtime } from '../runtime/runtime.js';

/**
 * The announcement run's port to a chat platform: post one message in one conversation, and say
 * how fast. Failures are thrown as a SendError of one of three kinds the run acts on: wait and
 * retry (`rate_limited`), pause the channel (`broken`), or give the delivery back for a later run
 * (`failed`).
 */

export type SendErrorKind = 'rate_limited' | 'broken' | 'failed';

export class SendError extends RelayError {
  constructor(
    readonly kind: SendErrorKind,
    message: string,
    readonly details: { retryAfterMs?: number; reason?: string; cause?: unknown } = {},
  ) {
    super(`send_${kind}`, message, { cause: details.cause });
    this.name = 'SendError';
  }
}

export interface Pace {
  /** Least time between two posts in one conversation. */
  perChannelMs(channel: ChannelRef): number;
  /** Least time between two posts anywhere on the platform (0: no platform-wide limit). */
  globalMs: number;
}

export interface ChatSender {
  readonly platform: ChatPlatform;
  readonly pace: Pace;
  /** Where the posts go, for logs and the run summary ("slack", "outbox .data/outbox.log"). */
  readonly describe: string;
  /** Posts one message; `deliveries` (the resource ids it announces) travel with it where the platform keeps them. */
  post(channel: ChannelRef, reply: Reply, deliveries?: readonly string[]): Promise<void>;
  /**
   * Where the platform lets a bot read back what it posted (Slack): the delivery ids carried by
   * the relay's own posts in this conversation since `since`. Absent: the platform has no history
   * for bots (Telegram), and a post that may have happened is posted again.
   */
  findPosted?(channel: ChannelRef, since: Date): Promise<Set<string>>;
}

/** The Slack message metadata `event_type` of an announcement; its payload names the delivery ids. */
export const ANNOUNCEMENT_EVENT = 'iaspn_announcement';
/** Slack's clocks and ours may differ a little: look back this much further than the claim. */
const HISTORY_SKEW_MS = 2 * 60_000;
/** Pages of 200 messages read at most when looking for a post (a channel's hours, not its years). */
const HISTORY_MAX_PAGES = 10;

/** Slack: about one message a second per channel (chat.postMessage's documented limit). */
export const SLACK_PACE: Pace = { perChannelMs: () => 1000, globalMs: 0 };

/**
 * Telegram: 30 messages a second overall, 20 a minute in a group (negative chat ids), one a second
 * in a private chat (core.telegram.org/bots/faq, "My bot is hitting limits").
 */
export const TELEGRAM_PACE: Pace = {
  perChannelMs: (channel) => (channel.channelId.startsWith('-') ? 3000 : 1000),
  globalMs: Math.ceil(1000 / 30),
};

/** Slack errors that mean the bot can no longer post in that channel. */
const SLACK_BROKEN = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export function classifySlackError(error: unknown): SendError {
  if (error instanceof WebAPIRateLimitedError)
    return new SendError('rate_limited', 'slack asked us to slow down', {
      retryAfterMs: Math.max(1, error.retryAfter) * 1000,
      cause: error,
    });
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    if (SLACK_BROKEN.has(code))
      return new SendError('broken', `slack: ${code}`, { reason: code, cause: error });
    return new SendError('failed', `slack: ${code}`, { reason: code, cause: error });
  }
  if (error instanceof WebAPIHTTPError)
    return new SendError('failed', `slack answered HTTP ${error.statusCode}`, { cause: error });
  return new SendError('failed', `slack: ${describeError(error)}`, { cause: error });
}

export function createSlackSender(options: { token: string; apiUrl?: string }): ChatSender {
  const client = new WebClient(options.token, {
    ...(options.apiUrl
      ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` }
      : {}),
    // The run paces and retries itself (per-channel queues): the client must neither sleep on a
    // 429 nor retry for half an hour.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 15_000,
    logLevel: LogLevel.ERROR,
  });
  let botId: Promise<string> | undefined;
  return {
    platform: 'slack',
    pace: SLACK_PACE,
    describe: 'slack',
    async post(channel, reply, deliveries) {
      const message = renderSlack(reply);
      try {
        await client.chat.postMessage({
          channel: channel.channelId,
          text: message.text,
          // Block Kit JSON built by the bots' renderer, typed loosely there.
          blocks: message.blocks as unknown as KnownBlock[],
          unfurl_links: false,
          unfurl_media: false,
          ...(deliveries?.length
            ? {
                metadata: {
                  event_type: ANNOUNCEMENT_EVENT,
                  event_payload: { deliveries: deliveries.join(' ') },
                },
              }
            : {}),
        });
      } catch (error) {
        throw classifySlackError(error);
      }
    },
    async findPosted(channel, since) {
      try {
        // Our own posts only: another app could write the same event_type.
        botId ??= client.auth.test().then((me) => String(me.bot_id ?? ''));
        const me = await botId;
        const found = new Set<string>();
        const oldest = ((since.getTime() - HISTORY_SKEW_MS) / 1000).toFixed(6);
        let cursor: string | undefined;
        for (let page = 0; page < HISTORY_MAX_PAGES; page += 1) {
          const res = await client.conversations.history({
            channel: channel.channelId,
            oldest,
            limit: 200,
            include_all_metadata: true,
            ...(cursor ? { cursor } : {}),
          });
          for (const m of res.messages ?? []) {
            const meta = m.metadata as
              | { event_type?: string; event_payload?: { deliveries?: unknown } }
              | undefined;
            if (meta?.event_type !== ANNOUNCEMENT_EVENT || !me || m.bot_id !== me) continue;
            const ids = meta.event_payload?.deliveries;
            if (typeof ids === 'string') for (const id of ids.split(' ')) if (id) found.add(id);
          }
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!res.has_more || !cursor) break;
        }
        return found;
      } catch (error) {
        botId = undefined;
        throw classifySlackError(error);
      }
    },
  };
}

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

/**
 * The local stand-in for a platform without a token: each post is rendered as the console chat
 * shows it, logged, and appended to an outbox file in the data directory.
 */
export function createOutboxSender(options: { platform: ChatPlatform; file?: string; log: Log }): ChatSender {
  if (options.file) mkdirSync(path.dirname(options.file), { recursive: true });
  return {
    platform: options.platform,
    pace: { perChannelMs: () => 0, globalMs: 0 },
    describe: options.file ? `outbox ${options.file}` : 'log',
    async post(channel, reply) {
      const where = `${channel.platform}:${channel.workspaceId}:${channel.channelId}`;
      const text = renderConsole(reply).text;
      options.log.info('announcement posted (local outbox)', { channel: where, text });
      if (options.file)
        appendFileSync(options.file, `--- ${new Date().toISOString()} ${where}\n${text}\n\n`, 'utf8');
    },
  };
}

export type Senders = Partial<Record<ChatPlatform, ChatSender>>;

/** The outbox file of a local data directory. */
export const outboxFile = (dataDir: string) => path.resolve(dataDir, 'outbox.log');

/**
 * A sender per platform: Slack and Telegram with their tokens. The local stage (`npm start`, the
 * CLI on a data directory) shows the posts of platforms without a token, and of the console chat,
 * in the outbox; a deployed stage without a token posts nothing there (the run skips and logs it).
 */
export function defaultSenders(runtime: Pick<Runtime, 'config' | 'log'>): Senders {
  const { config, log } = runtime;
  const local = config.stage === 'local';
  const outbox = (platform: ChatPlatform) =>
    createOutboxSender({ platform, file: outboxFile(config.local.dataDir), log });
  const senders: Senders = {};
  if (config.slack.botToken)
    senders.slack = createSlackSender({ token: config.slack.botToken, apiUrl: config.slack.apiUrl });
  else if (local) senders.slack = outbox('slack');
  if (config.telegram.botToken)
    senders.telegram = createTelegramSender({
      token: config.telegram.botToken,
      apiRoot: config.telegram.apiRoot,
      log,
    });
  else if (local) senders.telegram = outbox('telegram');
  if (local) senders.console = outbox('console');
  return senders;
}
