import { App, type AppOptions, LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { describeError } from '../../errors.js';
import type { Log } from '../../log.js';
import type { Clock } from '../../runtime/clock.js';
import type { Store } from '../../store/store.js';
import type { BotCore, ChatContext } from '../core.js';
import type { ActionOutcome, Reply } from '../reply.js';
import { claimDelivery } from '../state.js';
import { type DeferSlackWork, deferredCommand, mustRunOnce } from './deferred.js';
import { renderSlack } from './render.js';

/**
 * The Slack face: Bolt listeners for the `/iaspn` slash command, app mentions, direct messages,
 * buttons and the App Home tab, all over the one command core. The same listeners run behind
 * the Lambda receiver (http.ts) and in Socket Mode on a developer's machine.
 */

export interface SlackFaceDeps {
  core: BotCore;
  store: Store;
  log: Log;
  clock: Clock;
  /** Relay admins (`slack:U123`). */
  adminIds: readonly string[];
  /** How long a slash command may compute its answer before it is acknowledged without one. @default 2000 */
  commandBudgetMs?: number;
  /**
   * Where a slash command goes when it cannot finish in this invocation (deferred.ts): on Lambda an
   * asynchronous invocation of the function itself. Absent (local stack, Socket Mode), late work
   * continues in-process.
   */
  deferWork?: DeferSlackWork;
}

/** The Bolt context property set only on a deferred run (deferred.ts); HTTP requests cannot set it. */
export const DEFERRED_RUN = 'iaspnDeferredRun';

export const SLASH_COMMAND = '/iaspn';

/** Bolt's logger interface over ours, so Bolt's messages land in the same structured logs. */
export function boltLogger(log: Log): SlackLogger {
  let level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...msg) => log.debug('bolt', { detail: msg.map(String).join(' ') }),
    warn: (...msg) => log.warn('bolt', { detail: msg.map(String).join(' ') }),
    error: (...msg) => log.error('bolt', { detail: msg.map(String).join(' ') }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** The Bolt options shared by the Lambda and Socket Mode apps. */
export function baseAppOptions(options: { token: string; apiUrl?: string; log: Log }): AppOptions {
  return {
    token: options.token,
    // No auth.test on the first request: a cold start stays one round trip shorter.
    tokenVerificationEnabled: false,
    logger: boltLogger(options.log),
    clientOptions: options.apiUrl
      ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` }
      : undefined,
  };
}

const sleep = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));

/** Removes the leading `<@U…>` mention(s) addressing the bot. */
export const stripMention = (text: string) => text.replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+/i, '').trim();

interface SlackWho {
  teamId: string;
  userId: string;
  channelId: string;
  /** A direct message with the app (channel ids starting with D, or channel_type im). */
  direct: boolean;
}

/**
 * The chat context for one Slack request. users.info (admin flags and locale) and
 * conversations.info (the channel's creator) are asked at most once, and only when needed.
 */
type UserInfo = { admin: boolean; locale?: string };

/** users.info answers, kept a few minutes per process: a command should not wait on Slack twice. */
const USER_CACHE_MS = 5 * 60_000;
const USER_CACHE_MAX = 5000;
const userCache = new Map<string, { at: number; info: Promise<UserInfo> }>();

function slackContext(who: SlackWho, client: WebClient, deps: SlackFaceDeps): ChatContext {
  let userInfo: Promise<UserInfo> | undefined;
  const cacheKey = `${who.teamId}:${who.userId}`;
  const cached = userCache.get(cacheKey);
  if (cached && Date.now() - cached.at < USER_CACHE_MS) userInfo = cached.info;
  const user = () => {
    if (userInfo) return userInfo;
    userInfo = client.users
      .info({ user: who.userId, include_locale: true })
      .then((res) => {
        const u = res.user;
        return {
          admin: Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner),
          locale: u?.locale,
        };
      })
      .catch((error) => {
        deps.log.warn('slack users.info failed', { userId: who.userId, error: describeError(error) });
        userCache.delete(cacheKey);
        return { admin: false, locale: undefined };
      });
    if (userCache.size >= USER_CACHE_MAX) userCache.clear();
    userCache.set(cacheKey, { at: Date.now(), info: userInfo });
    return userInfo;
  };
  return {
    channel: { platform: 'slack', workspaceId: who.teamId, channelId: who.channelId },
    user: { platform: 'slack', workspaceId: who.teamId, userId: who.userId },
    conversation: who.direct ? 'direct' : 'group',
    locale: async () => (await user()).locale,
    isRelayAdmin: deps.adminIds.includes(`slack:${who.userId}`),
    async canManageChannel() {
      if ((await user()).admin) return true;
      try {
        const info = await client.conversations.info({ channel: who.channelId });
        return info.channel?.creator === who.userId;
      } catch (error) {
        deps.log.warn('slack conversations.info failed', {
          channelId: who.channelId,
          error: describeError(error),
        });
        return false;
      }
    },
  };
}

const isDirect = (channelId: string | undefined, channelType?: string) =>
  channelType === 'im' || (channelId ?? '').startsWith('D');

/** Posts a reply in a conversation: ephemeral (to the asker only) when private and in a channel. */
async function postReply(client: WebClient, who: SlackWho, reply: Reply, threadTs?: string): Promise<void> {
  const message = renderSlack(reply);
  if (reply.private && !who.direct) {
    await client.chat.postEphemeral({
      channel: who.channelId,
      user: who.userId,
      ...message,
      thread_ts: threadTs,
    });
  } else {
    await client.chat.postMessage({ channel: who.channelId, ...message, thread_ts: threadTs });
  }
}

async function publishHome(client: WebClient, who: SlackWho, deps: SlackFaceDeps): Promise<void> {
  const ctx = slackContext({ ...who, direct: true }, client, deps);
  const reply = await deps.core.home(ctx);
  const { blocks } = renderSlack(reply);
  await client.views.publish({ user_id: who.userId, view: { type: 'home', blocks } as never });
}

/** Registers every listener of the Slack face on a Bolt app. */
export function registerSlackListeners(app: App, deps: SlackFaceDeps): void {
  const budget = deps.commandBudgetMs ?? 2000;

  // Slack retries an event it thinks was not acknowledged; the event_id says it is the same one.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await claimDelivery(deps.store, 'slack', eventId, deps.clock()))) {
      deps.log.info('slack retry skipped', { eventId });
      return;
    }
    await next();
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context }) => {
    const who: SlackWho = {
      teamId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      direct: command.channel_name === 'directmessage' || isDirect(command.channel_id),
    };
    const text = command.text ?? '';
    const run = () => deps.core.handleText(slackContext(who, client, deps), text);
    const toResponse = (reply: Reply) => ({
      response_type: reply.private ? ('ephemeral' as const) : ('in_channel' as const),
      ...renderSlack(reply),
    });
    // The deferred run (its own invocation, acknowledged already): run to the end, answer by response_url.
    if (context[DEFERRED_RUN] === true) {
      await respond(toResponse(await run()));
      return;
    }
    // Hands the command over; false when that failed (the work then continues here).
    const handOver = async (reason: string) => {
      if (!deps.deferWork) return false;
      try {
        await deps.deferWork(deferredCommand(command as unknown as Record<string, unknown>));
        deps.log.info('slack command deferred', { reason, teamId: who.teamId, userId: who.userId });
        return true;
      } catch (error) {
        deps.log.error('slack command could not be deferred', { reason, error: describeError(error) });
        return false;
      }
    };
    if (deps.deferWork && mustRunOnce(text)) {
      await ack();
      if (await handOver('runs once')) return;
      await respond(toResponse(await run()));
      return;
    }
    const work = run();
    // Answer in the acknowledgement when the core is quick (it nearly always is); otherwise
    // acknowledge now and send the answer to the response_url: from a deferred run where one is
    // wired (this attempt's answer is then dropped), else from here when it is ready.
    const quick = await Promise.race([work, sleep(budget)]);
    if (quick) {
      await ack(toResponse(quick));
      return;
    }
    await ack();
    if (await handOver('late')) return;
    await respond(toResponse(await work));
  });

  app.event('app_mention', async ({ event, client, body }) => {
    const who: SlackWho = {
      teamId: (body as { team_id?: string }).team_id ?? event.team ?? '',
      userId: event.user ?? '',
      channelId: event.channel,
      direct: isDirect(event.channel),
    };
    if (!who.userId) return;
    const reply = await deps.core.handleText(slackContext(who, client, deps), stripMention(event.text));
    await postReply(client, who, reply, event.thread_ts);
  });

  app.message(async ({ message, client, body }) => {
    // Direct messages only (channels talk to the bot by mention); never other bots or edits.
    const m = message as {
      channel: string;
      channel_type?: string;
      user?: string;
      text?: string;
      subtype?: string;
      bot_id?: string;
      thread_ts?: string;
    };
    if (m.subtype || m.bot_id || !m.user || !isDirect(m.channel, m.channel_type)) return;
    const who: SlackWho = {
      teamId: (body as { team_id?: string }).team_id ?? '',
      userId: m.user,
      channelId: m.channel,
      direct: true,
    };
    const reply = await deps.core.handleText(slackContext(who, client, deps), stripMention(m.text ?? ''));
    await postReply(client, who, reply, m.thread_ts);
  });

  app.action(/^iaspn:/, async ({ ack, body, action, respond, client }) => {
    await ack();
    const value = (action as { value?: string }).value ?? '';
    const b = body as {
      team?: { id?: string };
      user: { id: string };
      channel?: { id?: string };
      view?: { type?: string };
      container?: { type?: string };
    };
    const inHome = b.view?.type === 'home';
    const who: SlackWho = {
      teamId: b.team?.id ?? '',
      userId: b.user.id,
      channelId: b.channel?.id ?? `home:${b.user.id}`,
      direct: inHome || isDirect(b.channel?.id),
    };
    const outcome: ActionOutcome = await deps.core.handleAction(slackContext(who, client, deps), value);
    if (inHome) {
      await publishHome(client, who, deps);
      return;
    }
    if (outcome.reply) {
      const message = renderSlack(outcome.reply);
      await respond({ ...message, replace_original: Boolean(outcome.replace), response_type: 'ephemeral' });
    } else if (outcome.toast) {
      await respond({
        text: renderSlack({ blocks: [], summary: outcome.toast }).text,
        replace_original: false,
        response_type: 'ephemeral',
      });
    }
  });

  app.event('app_home_opened', async ({ event, client, body }) => {
    if (event.tab !== 'home') return;
    const who: SlackWho = {
      teamId: (body as { team_id?: string }).team_id ?? '',
      userId: event.user,
      channelId: event.channel,
      direct: true,
    };
    await publishHome(client, who, deps);
  });

  app.error(async (error) => {
    deps.log.error('slack listener failed', { error: describeError(error) });
  });
}

/** A Bolt app in Socket Mode (no public URL): `npm start` with SLACK_BOT_TOKEN and SLACK_APP_TOKEN. */
export async function startSlackSocketMode(
  deps: SlackFaceDeps & { botToken: string; appToken: string; apiUrl?: string },
): Promise<{ stop(): Promise<void> }> {
  const app = new App({
    ...baseAppOptions({ token: deps.botToken, apiUrl: deps.apiUrl, log: deps.log }),
    appToken: deps.appToken,
    socketMode: true,
  });
  registerSlackListeners(app, deps);
  await app.start();
  return { stop: () => app.stop() as Promise<void> };
}
