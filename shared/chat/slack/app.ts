import { createHash } from 'node:crypto';
import { App, type AppOptions, type Authorize, LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describeError, RelayError } from '../../errors.js';
import { claimDelivery } from '../../follows/state.js';
import type { Log } from '../../log.js';
import type { Clock } from '../../runtime/clock.js';
import { claimOnce } from '../../store/claims.js';
import { keys } from '../../store/keys.js';
import type { Store } from '../../store/store.js';
import type { BotCore, ChatContext } from '../context.js';
import { slackCall } from '../idiom.js';
import { parseIntent } from '../intent.js';
import type { ActionOutcome, Reply } from '../reply.js';
import {
  actionMustRunOnce,
  DEFERRED_SLACK_ACTION,
  DEFERRED_SLACK_HOME,
  DEFERRED_SLACK_MESSAGE,
  type DeferredSlackAction,
  type DeferredSlackHome,
  type DeferredSlackMessage,
  type DeferredSlackWork,
  type DeferSlackWork,
  deferredAction,
  deferredCommand,
  deferredHome,
  deferredMessage,
  mustRunOnce,
} from './deferred.js';
import {
  COOP_MODAL,
  coopModalMetadata,
  FOLLOW_MODAL,
  FOLLOW_MODAL_FIELDS,
  renderCoopModal,
  renderFollowModal,
  renderSlack,
} from './render.js';

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
/**
 * The Bolt context property the receiver sets (http.ts): the epoch ms by which a listener must
 * have its answer, counted from the request's arrival, so that it is acknowledged with it or
 * handed over in time. Absent (Socket Mode), a listener's budget counts from its own start.
 */
export const ANSWER_BY = 'iaspnAnswerBy';
/** The Bolt context property the receiver sets: the request's verified `X-Slack-Signature`. */
export const REQUEST_SIGNATURE = 'iaspnSignature';

export const SLASH_COMMAND = '/iaspn';

/** Block Kit's limit for a Home tab view (a message holds 50). */
const HOME_BLOCKS = 100;

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

const clientOptions = (apiUrl: string | undefined) =>
  apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : undefined;

/** A Web API client with the bot token (the deferred runs' client; Bolt makes the listeners'). */
export const slackWebClient = (token: string, apiUrl?: string) => new WebClient(token, clientOptions(apiUrl));

/** How long after a failed auth.test another is tried (in the background, never in a request). */
const AUTH_RETRY_MS = 5 * 60_000;

/**
 * Bolt's `authorize` without a Web API call per request. Bolt's single-token authorisation with
 * token verification off calls auth.test on every request, so a slow or rate-limited auth.test
 * held every answer past its acknowledgement. Here the bot's ids come from one auth.test per cold
 * start, asked in the background right after it and never awaited; until it has answered, from the
 * event's `authorizations` when there are any. The listeners need no ids (they drop bot messages
 * themselves), so a request never waits for them.
 */
export function cachedAuthorize(token: string, client: WebClient, log: Log): Authorize<boolean> {
  let ids: { botUserId?: string; botId?: string } = {};
  let askedAt = Number.NEGATIVE_INFINITY;
  const ask = () => {
    askedAt = Date.now();
    client.auth
      .test()
      .then((me) => {
        ids = { botUserId: me.user_id, botId: me.bot_id };
      })
      .catch((error) =>
        log.warn('slack auth.test failed; bot ids unknown for now', { error: describeError(error) }),
      );
  };
  // Asked as soon as the cold start's own work is done rather than during it: the request's TLS
  // set-up and the loading of Node's fetch are no part of building the app (bundle report).
  askedAt = Date.now();
  setImmediate(ask);
  return async (_source, body) => {
    if (!ids.botUserId && Date.now() - askedAt > AUTH_RETRY_MS) ask();
    const authorizations = (body as { authorizations?: { user_id?: string; is_bot?: boolean }[] } | undefined)
      ?.authorizations;
    const fromEvent = authorizations?.find((a) => a.is_bot)?.user_id;
    return { botToken: token, botUserId: ids.botUserId ?? fromEvent, botId: ids.botId };
  };
}

/** The Bolt options shared by the Lambda and Socket Mode apps. */
export function baseAppOptions(options: { token: string; apiUrl?: string; log: Log }): AppOptions {
  return {
    authorize: cachedAuthorize(options.token, slackWebClient(options.token, options.apiUrl), options.log),
    logger: boltLogger(options.log),
    clientOptions: clientOptions(options.apiUrl),
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
type UserInfo = { admin: boolean; locale?: string; tz?: string };

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
          tz: u?.tz,
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
    timeZone: async () => (await user()).tz,
    isRelayAdmin: deps.adminIds.includes(`slack:${who.userId}`),
    forms: true,
    callCommand: slackCall(SLASH_COMMAND),
    inConversation: (channelId) =>
      slackContext({ ...who, channelId, direct: isDirect(channelId) }, client, deps),
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

/** The App Home's context: the member in their own place (their language, their bookmarks). */
const homeContext = (client: WebClient, who: SlackWho, deps: SlackFaceDeps) =>
  slackContext({ ...who, direct: true }, client, deps);

/** The App Home's blocks (a Home view holds 100), with what the last press did on top. */
async function homeView(client: WebClient, who: SlackWho, deps: SlackFaceDeps, notice?: string) {
  return renderSlack(await deps.core.home(homeContext(client, who, deps), notice), HOME_BLOCKS).blocks;
}

async function publishView(client: WebClient, who: SlackWho, blocks: unknown[]): Promise<void> {
  await client.views.publish({ user_id: who.userId, view: { type: 'home', blocks } as never });
}

async function publishHome(client: WebClient, who: SlackWho, deps: SlackFaceDeps): Promise<void> {
  await publishView(client, who, await homeView(client, who, deps));
}

const homeWho = (home: DeferredSlackHome['home']): SlackWho => ({
  teamId: home.team,
  userId: home.user,
  channelId: home.channel,
  direct: true,
});

const messageWho = (m: DeferredSlackMessage['event']): SlackWho => ({
  teamId: m.team,
  userId: m.user,
  channelId: m.channel,
  direct: m.direct,
});

const actionWho = (a: DeferredSlackAction['action']): SlackWho => ({
  teamId: a.team,
  userId: a.user,
  channelId: a.channel || `home:${a.user}`,
  direct: a.home || isDirect(a.channel),
});

/** Hands work over (deferred.ts); false when there is no deferral or it failed (the work then continues here). */
export async function handOver(
  deps: SlackFaceDeps,
  work: DeferredSlackWork,
  reason: string,
): Promise<boolean> {
  if (!deps.deferWork) return false;
  try {
    await deps.deferWork(work);
    deps.log.info('slack work deferred', { kind: work.kind, reason });
    return true;
  } catch (error) {
    deps.log.error('slack work could not be deferred', {
      kind: work.kind,
      reason,
      error: describeError(error),
    });
    return false;
  }
}

/** Milliseconds left until `answerBy` (the receiver's budget, ANSWER_BY), else a budget from now. */
function timeLeft(deps: SlackFaceDeps, answerBy: unknown): number {
  const budget = deps.commandBudgetMs ?? 2000;
  return typeof answerBy === 'number' ? Math.max(0, answerBy - Date.now()) : budget;
}

/**
 * The one wrapper for work late for its acknowledgement. Computes the answer and delivers it from
 * here when it is ready by `answerBy`; otherwise acknowledges empty (`acknowledge`) and either
 * hands the work over (deferred.ts, where a deferral is wired: this attempt's answer is dropped)
 * or delivers the answer from here when it is ready (`late`: a slash command's then goes to its
 * response_url). Run-once work is handed over before it starts.
 */
async function answerInTime<T>(
  deps: SlackFaceDeps,
  task: {
    work: DeferredSlackWork;
    answerBy: unknown;
    runOnce?: boolean;
    compute: () => Promise<T>;
    deliver: (answer: T, late: boolean) => Promise<void>;
    acknowledge?: () => Promise<void>;
  },
): Promise<void> {
  if (deps.deferWork && task.runOnce) {
    await task.acknowledge?.();
    if (await handOver(deps, task.work, 'runs once')) return;
    await task.deliver(await task.compute(), true);
    return;
  }
  const pending = task.compute();
  const quick = await Promise.race([
    pending.then((answer) => ({ answer })),
    sleep(timeLeft(deps, task.answerBy)),
  ]);
  if (quick) {
    await task.deliver(quick.answer, false);
    return;
  }
  await task.acknowledge?.();
  if (await handOver(deps, task.work, 'late')) {
    // The abandoned attempt may still finish (a thawed Lambda): its answer goes nowhere.
    pending.catch(() => {});
    return;
  }
  await task.deliver(await pending, true);
}

async function answerMessage(
  client: WebClient,
  deps: SlackFaceDeps,
  answerBy: unknown,
  m: DeferredSlackMessage['event'],
) {
  const who = messageWho(m);
  await answerInTime(deps, {
    work: deferredMessage(m),
    answerBy,
    compute: () => deps.core.handleText(slackContext(who, client, deps), stripMention(m.text)),
    deliver: (reply) => postReply(client, who, reply, m.thread_ts),
  });
}

/**
 * A button's effect, and for a press in the App Home the Home view to publish after it, with
 * what the press did on top (the Home has no toast). A form is opened, not published.
 */
async function computeAction(client: WebClient, deps: SlackFaceDeps, a: DeferredSlackAction['action']) {
  const who = actionWho(a);
  const outcome = await deps.core.handleAction(slackContext(who, client, deps), a.value);
  const notice = outcome.toast ?? outcome.reply?.summary;
  return { outcome, home: a.home && !outcome.form ? await homeView(client, who, deps, notice) : undefined };
}

type Respond = (message: Record<string, unknown>) => Promise<unknown>;

async function deliverAction(
  client: WebClient,
  deps: SlackFaceDeps,
  a: DeferredSlackAction['action'],
  answer: { outcome: ActionOutcome; home?: unknown[] },
  respond: Respond | undefined,
  triggerId?: string,
): Promise<void> {
  const { outcome, home } = answer;
  if (outcome.form) {
    // A trigger lives 3 seconds: a press handed over to another invocation cannot open the form.
    if (!triggerId) {
      deps.log.warn('slack form not opened: no trigger left', { userId: a.user });
      return;
    }
    const view =
      outcome.form.kind === 'coop' ? renderCoopModal(outcome.form) : renderFollowModal(outcome.form);
    await client.views.open({ trigger_id: triggerId, view: view as never });
    return;
  }
  if (home) {
    await publishView(client, actionWho(a), home);
    return;
  }
  if (!respond) {
    deps.log.warn('slack button press without a response_url: nothing to answer to', { userId: a.user });
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
}

/** Posts a message to a response_url (the deferred run, outside Bolt's listener arguments). */
const respondTo =
  (url: string): Respond =>
  async (message) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });
    if (!res.ok) throw new RelayError('slack_respond_failed', `response_url answered ${res.status}`);
  };

/**
 * Runs a deferred mention or direct message, button press or App Home open (deferred.ts) to the
 * end and answers it; slash commands run through Bolt (http.ts). Throws when the answer failed.
 */
export async function runDeferredWork(
  client: WebClient,
  deps: SlackFaceDeps,
  work: DeferredSlackMessage | DeferredSlackAction | DeferredSlackHome,
): Promise<void> {
  switch (work.kind) {
    case DEFERRED_SLACK_MESSAGE: {
      const who = messageWho(work.event);
      const reply = await deps.core.handleText(
        slackContext(who, client, deps),
        stripMention(work.event.text),
      );
      await postReply(client, who, reply, work.event.thread_ts);
      return;
    }
    case DEFERRED_SLACK_ACTION: {
      const a = work.action;
      const answer = await computeAction(client, deps, a);
      await deliverAction(client, deps, a, answer, a.response_url ? respondTo(a.response_url) : undefined);
      return;
    }
    case DEFERRED_SLACK_HOME:
      await publishHome(client, homeWho(work.home), deps);
      return;
  }
}

/** Longer than a signature stays valid (5 minutes either way of its timestamp) after it is first seen. */
const REPLAY_RECORD_SECONDS = 11 * 60;

/** Commands that only read: a replay of one shows the same answer again and changes nothing. */
const READ_ONLY: ReadonlySet<string> = new Set([
  'search',
  'latest',
  'following',
  'bookmarks',
  'feeds',
  'help',
]);

/** A slash command or a button press whose replay would do something again (a page button only reads). */
function hasEffect(body: unknown): boolean {
  const b = body as { command?: unknown; text?: unknown; type?: unknown; actions?: { value?: unknown }[] };
  if (typeof b.command === 'string') return !READ_ONLY.has(parseIntent(String(b.text ?? '')).command);
  if (b.type === 'block_actions')
    return (b.actions ?? []).some((a) => typeof a.value === 'string' && !a.value.startsWith('r:'));
  return b.type === 'view_submission';
}

const requestUser = (body: unknown) => {
  const b = body as { user_id?: string; user?: { id?: string } };
  return b.user_id ?? b.user?.id;
};

/** Opens the offer or request form with a trigger; false when Slack refused (the trigger expired). */
async function openCoopForm(
  client: WebClient,
  deps: SlackFaceDeps,
  ctx: ChatContext,
  kind: 'offer' | 'request',
  triggerId: string | undefined,
  wordLanguage?: 'en' | 'es',
): Promise<boolean> {
  if (!triggerId) return false;
  try {
    const form = await deps.core.coopForm(ctx, kind, wordLanguage);
    await client.views.open({ trigger_id: triggerId, view: renderCoopModal(form) as never });
    return true;
  } catch (error) {
    deps.log.warn('slack coop form not opened', { userId: ctx.user.userId, error: describeError(error) });
    return false;
  }
}

/** Registers every listener of the Slack face on a Bolt app. */
export function registerSlackListeners(app: App, deps: SlackFaceDeps): void {
  // Slack retries an event it thinks was not acknowledged; the event_id says it is the same one.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await claimDelivery(deps.store, 'slack', eventId, deps.clock()))) {
      deps.log.info('slack retry skipped', { eventId });
      return;
    }
    await next();
  });

  // A signed request replayed within Slack's 5-minute window verifies again: a command or a button
  // with an effect runs once per signature (events are deduplicated on event_id above).
  app.use(async (args) => {
    const signature = args.context[REQUEST_SIGNATURE];
    if (typeof signature === 'string' && hasEffect(args.body)) {
      const id = createHash('sha256').update(signature).digest('base64url');
      if (
        !(await claimOnce(
          deps.store,
          keys.dedupe('slack-signature', id),
          deps.clock(),
          REPLAY_RECORD_SECONDS,
        ))
      ) {
        deps.log.warn('slack request replayed: refused', { userId: requestUser(args.body) });
        await (args as { ack?: () => Promise<void> }).ack?.();
        return;
      }
    }
    await args.next();
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
    // `offer` / `request`: the form opens at once with the command's trigger (it lives 3 seconds);
    // when it cannot, the command's own answer (a button that opens it) is the acknowledgement.
    const intent = parseIntent(text);
    if ((intent.command === 'offer' || intent.command === 'request') && context[DEFERRED_RUN] !== true) {
      const ctx = slackContext(who, client, deps);
      if (await openCoopForm(client, deps, ctx, intent.command, command.trigger_id, intent.wordLanguage)) {
        await ack();
        return;
      }
    }
    const toResponse = (reply: Reply) => ({
      response_type: reply.private ? ('ephemeral' as const) : ('in_channel' as const),
      ...renderSlack(reply),
    });
    // The deferred run (its own invocation, acknowledged already): run to the end, answer by response_url.
    if (context[DEFERRED_RUN] === true) {
      await respond(toResponse(await run()));
      return;
    }
    // Answered in the acknowledgement when the core is quick (it nearly always is); otherwise
    // acknowledged now, the answer sent to the response_url (from the deferred run where one is wired).
    await answerInTime(deps, {
      work: deferredCommand(command as unknown as Record<string, unknown>),
      answerBy: context[ANSWER_BY],
      runOnce: mustRunOnce(text),
      compute: run,
      acknowledge: () => ack(),
      deliver: (reply, late) => (late ? respond(toResponse(reply)).then(() => {}) : ack(toResponse(reply))),
    });
  });

  app.event('app_mention', async ({ event, client, body, context }) => {
    if (!event.user) return;
    await answerMessage(client, deps, context[ANSWER_BY], {
      team: (body as { team_id?: string }).team_id ?? event.team ?? '',
      user: event.user,
      channel: event.channel,
      direct: isDirect(event.channel),
      text: event.text,
      ts: event.ts,
      ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
    });
  });

  app.message(async ({ message, client, body, context }) => {
    // Direct messages only (channels talk to the bot by mention); never other bots or edits.
    const m = message as {
      channel: string;
      channel_type?: string;
      user?: string;
      text?: string;
      subtype?: string;
      bot_id?: string;
      ts: string;
      thread_ts?: string;
    };
    if (m.subtype || m.bot_id || !m.user || !isDirect(m.channel, m.channel_type)) return;
    await answerMessage(client, deps, context[ANSWER_BY], {
      team: (body as { team_id?: string }).team_id ?? '',
      user: m.user,
      channel: m.channel,
      direct: true,
      text: m.text ?? '',
      ts: m.ts,
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    });
  });

  app.action(/^iaspn:/, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    const b = body as {
      team?: { id?: string };
      user: { id: string };
      channel?: { id?: string };
      view?: { type?: string };
      response_url?: string;
      trigger_id?: string;
    };
    const a = action as { action_id?: string; value?: string };
    const pressed: DeferredSlackAction['action'] = {
      team: b.team?.id ?? '',
      user: b.user.id,
      channel: b.channel?.id ?? '',
      action_id: a.action_id ?? '',
      value: a.value ?? '',
      home: b.view?.type === 'home',
      ...(b.response_url ? { response_url: b.response_url } : {}),
    };
    await answerInTime(deps, {
      work: deferredAction(pressed),
      answerBy: context[ANSWER_BY],
      runOnce: actionMustRunOnce(pressed.value),
      compute: () => computeAction(client, deps, pressed),
      deliver: (outcome) => deliverAction(client, deps, pressed, outcome, respond, b.trigger_id),
    });
  });

  // The global shortcuts "New offer" and "New request" (infra/slack-manifest.yaml): the same form.
  app.shortcut(/^iaspn:(offer|request)$/, async ({ ack, shortcut, client }) => {
    await ack();
    const s = shortcut as {
      callback_id: string;
      trigger_id: string;
      team?: { id?: string } | null;
      user: { id: string };
    };
    const who: SlackWho = {
      teamId: s.team?.id ?? '',
      userId: s.user.id,
      channelId: `D${s.user.id}`,
      direct: true,
    };
    const kind = s.callback_id === 'iaspn:offer' ? 'offer' : 'request';
    await openCoopForm(client, deps, homeContext(client, who, deps), kind, s.trigger_id);
  });

  // The offer or request form: the draft validation decides. A refusal is shown on its fields
  // (the reason and the closest value) and nothing is saved; a saved entry closes the form and
  // its confirmation, with the entry's id and best matches, goes to the member's messages.
  app.view(COOP_MODAL, async ({ ack, body, view, client }) => {
    const meta = coopModalMetadata(view.private_metadata);
    if (!meta) {
      await ack();
      return;
    }
    const values: Record<string, string> = {};
    for (const [block, actions] of Object.entries(view.state.values))
      values[block] = String((actions[block] as { value?: string | null } | undefined)?.value ?? '');
    const who = homeWho({ team: body.team?.id ?? view.team_id ?? '', user: body.user.id, channel: '' });
    const outcome = await deps.core.coopFromForm(homeContext(client, who, deps), { ...meta, values });
    if (outcome.errors) {
      await ack({ response_action: 'errors', errors: outcome.errors });
      return;
    }
    await ack();
    if (outcome.reply) await client.chat.postMessage({ channel: who.userId, ...renderSlack(outcome.reply) });
  });

  // The App Home's follow form: the `follow` command's rules in the chosen channel. A refusal is
  // shown on its field and nothing is saved; a follow closes the form and re-publishes the Home.
  app.view(FOLLOW_MODAL, async ({ ack, body, view, client, context }) => {
    const field = (id: string) =>
      (view.state.values[id]?.[id] ?? {}) as { value?: string | null; selected_conversation?: string | null };
    const home = { team: body.team?.id ?? view.team_id ?? '', user: body.user.id, channel: '' };
    const who = homeWho(home);
    const outcome = await deps.core.followFromForm(homeContext(client, who, deps), {
      channelId: field(FOLLOW_MODAL_FIELDS.channel).selected_conversation ?? undefined,
      text: field(FOLLOW_MODAL_FIELDS.filter).value ?? '',
    });
    if (outcome.errors) {
      const errors: Record<string, string> = {};
      for (const [name, text] of Object.entries(outcome.errors))
        if (text) errors[FOLLOW_MODAL_FIELDS[name as keyof typeof FOLLOW_MODAL_FIELDS]] = text;
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await answerInTime(deps, {
      work: deferredHome(home),
      answerBy: context[ANSWER_BY],
      compute: () => homeView(client, who, deps, outcome.notice),
      deliver: (blocks) => publishView(client, who, blocks),
    });
  });

  app.event('app_home_opened', async ({ event, client, body, context }) => {
    if (event.tab !== 'home') return;
    const home = {
      team: (body as { team_id?: string }).team_id ?? '',
      user: event.user,
      channel: event.channel,
    };
    const who = homeWho(home);
    await answerInTime(deps, {
      work: deferredHome(home),
      answerBy: context[ANSWER_BY],
      compute: () => homeView(client, who, deps),
      deliver: (view) => publishView(client, who, view),
    });
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
