import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { renderConsole } from '../chat/console.js';
import type { Reply } from '../chat/reply.js';
import { RelayError } from '../errors.js';
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
 * A platform's sender whose module (and with it the platform's SDK) is imported on its first use:
 * each bot Lambda bundles the senders for reminders, and neither should load the other platform's
 * client at its cold start (nor the announce job both before it has anything to post).
 */
function loadedOnFirstPost(
  platform: 'slack' | 'telegram',
  pace: Pace,
  hasHistory: boolean,
  load: () => Promise<ChatSender>,
): ChatSender {
  let loaded: Promise<ChatSender> | undefined;
  const sender = () => {
    loaded ??= load();
    return loaded;
  };
  return {
    platform,
    pace,
    describe: platform,
    post: async (channel, reply, deliveries) => (await sender()).post(channel, reply, deliveries),
    ...(hasHistory
      ? {
          findPosted: async (channel: ChannelRef, since: Date) =>
            (await sender()).findPosted!(channel, since),
        }
      : {}),
  };
}

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
  const { botToken: slackToken, apiUrl } = config.slack;
  if (slackToken) {
    senders.slack = loadedOnFirstPost('slack', SLACK_PACE, true, async () =>
      (await import('./slack-sender.js')).createSlackSender({ token: slackToken, apiUrl }),
    );
  } else if (local) senders.slack = outbox('slack');
  const { botToken: telegramToken, apiRoot } = config.telegram;
  if (telegramToken) {
    senders.telegram = loadedOnFirstPost('telegram', TELEGRAM_PACE, false, async () =>
      (await import('./telegram-sender.js')).createTelegramSender({ token: telegramToken, apiRoot, log }),
    );
  } else if (local) senders.telegram = outbox('telegram');
  if (local) senders.console = outbox('console');
  return senders;
}
