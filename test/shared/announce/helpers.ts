import type { Timer } from '#shared/announce/pacing.js';
import type { ChatSender, Senders } from '#shared/announce/senders.js';
import { createSlackSender } from '#shared/announce/slack-sender.js';
import { createTelegramSender } from '#shared/announce/telegram-sender.js';
import type { Reply } from '#shared/chat/reply.js';
import type { Resource } from '#shared/domain/resource.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { addFollow, type ChannelRef } from '#shared/follows/state.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import { silentLog } from '#shared/log.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { makeResource } from '../../helpers/resources.js';
import { type Recorded, startRecorder } from '../bot/fixtures.js';

/** Fixtures for the announcement tests: resources, follows, platform stand-ins, virtual time. */

export const NOW = '2026-03-10T12:00:00.000Z';
export const FOLLOWED_AT = '2026-03-10T08:00:00.000Z';

let counter = 0;
export function resource(overrides: Partial<Resource> & { id: string }): Resource {
  counter += 1;
  return makeResource({
    url: `https://example.org/r/${overrides.id}`,
    publishedAt: `2026-03-0${1 + (counter % 9)}T10:00:00.000Z`,
    contentHash: 'h',
    ...overrides,
  });
}

export async function seedResources(runtime: Runtime, resources: Resource[]): Promise<void> {
  await runtime.store.batchWrite({ puts: resources.map(resourceToItem) });
}

export const slackChannel = (id: string): ChannelRef => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: id,
});
export const telegramChat = (id: string): ChannelRef => ({
  platform: 'telegram',
  workspaceId: '42',
  channelId: id,
});

export async function follow(
  runtime: Runtime,
  channel: ChannelRef,
  filter: ResourceFilter,
  at = FOLLOWED_AT,
) {
  return (await addFollow(runtime.store, channel, filter, { userId: 'U1', at: new Date(at) })).follow;
}

/**
 * Virtual time: `sleep` resolves on the next turn of the event loop and moves `now` to at least
 * its end, so that gaps between posts measured in `now` are at least what the run waited. Sleeps
 * of `holdAtLeastMs` or more wait until `release()`: the test sees what the others did meanwhile.
 */
export function virtualTimer(options: { holdAtLeastMs?: number } = {}) {
  let now = 0;
  const held: (() => void)[] = [];
  const sleeps: number[] = [];
  const timer: Timer & { sleeps: number[]; release(): void; held(): number } = {
    now: () => now,
    sleeps,
    sleep(ms) {
      sleeps.push(ms);
      const target = now + ms;
      return new Promise<void>((resolve) => {
        const wake = () => {
          now = Math.max(now, target);
          resolve();
        };
        if (options.holdAtLeastMs !== undefined && ms >= options.holdAtLeastMs) held.push(wake);
        else setImmediate(wake);
      });
    },
    release() {
      for (const wake of held.splice(0)) wake();
    },
    held: () => held.length,
  };
  return timer;
}

export interface StandInCall extends Recorded {
  /** Virtual time at which it arrived. */
  at: number;
  channel: string;
  /** Resource ids linked in the message. */
  ids: string[];
  ok: boolean;
  /** Wall-clock ms when the platform accepted the call, and when its answer left. */
  acceptedAt?: number;
  answeredAt?: number;
}

export type Answer = { status?: number; body: unknown; headers?: Record<string, string> } | undefined;

const idsIn = (params: unknown) => [
  ...new Set([...JSON.stringify(params).matchAll(/example\.org\/r\/([\w-]+)/g)].map((m) => m[1]!)),
];

/** A message as the Slack stand-in keeps it, for conversations.history. */
export interface SlackStandInMessage {
  channel: string;
  ts: string;
  text: string;
  bot_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** The bot the stand-in's token belongs to (auth.test), whose posts carry this bot_id. */
export const STAND_IN_BOT_ID = 'BRELAY';

export interface StandInOptions {
  /**
   * Platform latency per call, drawn in [min, max] ms: half before the platform accepts the call
   * (records the message), half before its answer leaves, as over a real network. @default none
   */
  latencyMs?: { min: number; max: number };
  random?: () => number;
  /** Slack's clock for message timestamps. @default Date.now */
  now?: () => number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Slack Web API and the Telegram Bot API on one local server: chat.postMessage and
 * sendMessage succeed unless `answer` says otherwise for a call (return undefined for success).
 * Slack keeps what it accepted: conversations.history answers as slack.com does (newest first,
 * after `oldest`, 200 a page with a cursor, message metadata only with `include_all_metadata`).
 */
export async function startStandIns(
  timer: Timer,
  answer: (call: StandInCall) => Answer = () => undefined,
  options: StandInOptions = {},
) {
  const calls: StandInCall[] = [];
  const slackMessages: SlackStandInMessage[] = [];
  const random = options.random ?? Math.random;
  const slackNow = options.now ?? Date.now;
  let sequence = 0;
  const halfLatency = () =>
    options.latencyMs
      ? wait((options.latencyMs.min + random() * (options.latencyMs.max - options.latencyMs.min)) / 2)
      : Promise.resolve();
  const server = await startRecorder(async (recorded) => {
    await halfLatency();
    const before = calls.length;
    const out = accept(recorded);
    const call = calls.length > before ? calls.at(-1) : undefined;
    if (call) call.acceptedAt = Date.now();
    await halfLatency();
    if (call) call.answeredAt = Date.now();
    return out;
  });
  function accept(recorded: Recorded): NonNullable<Answer> {
    if (recorded.method === 'auth.test')
      return { body: { ok: true, user_id: 'UBOT', bot_id: STAND_IN_BOT_ID, team_id: 'T1' } };
    if (recorded.method === 'conversations.history') return history(recorded.params);
    const isSlack = recorded.method === 'chat.postMessage';
    const call: StandInCall = {
      ...recorded,
      at: timer.now(),
      channel: String(isSlack ? recorded.params.channel : recorded.params.chat_id),
      ids: idsIn(recorded.params),
      ok: true,
    };
    const custom = answer(call);
    call.ok = !custom;
    calls.push(call);
    if (custom) return custom;
    if (!isSlack)
      return {
        body: {
          ok: true,
          result: { message_id: calls.length, date: 0, chat: { id: Number(call.channel) } },
        },
      };
    sequence += 1;
    const ts = `${Math.floor(slackNow() / 1000)}.${String(sequence).padStart(6, '0')}`;
    const metadata = recorded.params.metadata as SlackStandInMessage['metadata'];
    slackMessages.push({
      channel: call.channel,
      ts,
      text: String(recorded.params.text ?? ''),
      bot_id: STAND_IN_BOT_ID,
      ...(metadata ? { metadata } : {}),
    });
    return { body: { ok: true, channel: call.channel, ts } };
  }
  function history(params: Record<string, unknown>): NonNullable<Answer> {
    const oldest = Number(params.oldest ?? 0);
    const limit = Math.min(Number(params.limit ?? 100), 200);
    const offset = Number(params.cursor ?? 0);
    const withMetadata = String(params.include_all_metadata) === 'true';
    const matching = slackMessages
      .filter((m) => m.channel === params.channel && Number(m.ts) > oldest)
      .sort((a, b) => b.ts.localeCompare(a.ts, 'en', { numeric: true }));
    const page = matching.slice(offset, offset + limit).map(({ channel: _c, metadata, ...m }) => ({
      type: 'message',
      ...m,
      ...(withMetadata && metadata ? { metadata } : {}),
    }));
    const more = offset + limit < matching.length;
    return {
      body: {
        ok: true,
        messages: page,
        has_more: more,
        response_metadata: { next_cursor: more ? String(offset + limit) : '' },
      },
    };
  }
  const senders: Senders = {
    slack: createSlackSender({ token: 'xoxb-test', apiUrl: `${server.url}/api/` }),
    telegram: createTelegramSender({ token: '42:test', apiRoot: server.url, log: silentLog }),
  };
  const posted = () => calls.filter((c) => c.ok);
  return { url: server.url, calls, slackMessages, posted, senders, close: server.close };
}

/** Every (channel, resource) pair the successful posts carried, with how often. */
export function pairCounts(calls: StandInCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of calls)
    if (c.ok)
      for (const id of c.ids) counts.set(`${c.channel}|${id}`, (counts.get(`${c.channel}|${id}`) ?? 0) + 1);
  return counts;
}

export const slackError = (error: string): Answer => ({ body: { ok: false, error } });
export const slackRateLimited = (seconds: number): Answer => ({
  status: 429,
  body: { ok: false, error: 'ratelimited' },
  headers: { 'retry-after': String(seconds) },
});
export const telegramError = (code: number, description: string, parameters?: object): Answer => ({
  status: code,
  body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
});

/** A console sender that records what the admins are told. */
export function recordingSender(): ChatSender & { posts: { channel: ChannelRef; reply: Reply }[] } {
  const posts: { channel: ChannelRef; reply: Reply }[] = [];
  return {
    platform: 'console',
    pace: { perChannelMs: () => 0, globalMs: 0 },
    describe: 'recording',
    posts,
    async post(channel, reply) {
      posts.push({ channel, reply });
    },
  };
}
