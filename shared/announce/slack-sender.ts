import {
  type KnownBlock,
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api';
import { renderSlack } from '../chat/slack/render.js';
import { describeError } from '../errors.js';
import { ANNOUNCEMENT_EVENT, type ChatSender, SendError, SLACK_PACE } from './senders.js';

/**
 * The Slack sender, in a module of its own: `defaultSenders` imports it when a Slack post is first
 * made, so the Telegram bot's Lambda (which bundles the senders for reminders) never loads the
 * Slack Web API client at its cold start.
 */

/** Slack's clocks and ours may differ a little: look back this much further than the claim. */
const HISTORY_SKEW_MS = 2 * 60_000;
/** Pages of 200 messages read at most when looking for a post (a channel's hours, not its years). */
const HISTORY_MAX_PAGES = 10;

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
