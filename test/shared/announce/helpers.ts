import type { Timer } from '#shared/announce/pacing.js';
import {
  type ChatSender,
  createSlackSender,
  createTelegramSender,
  type Senders,
} from '#shared/announce/senders.js';
import type { Reply } from '#shared/bot/reply.js';
import { addFollow, type ChannelRef } from '#shared/bot/state.js';
import type { Resource } from '#shared/domain/resource.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
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
}

export type Answer = { status?: number; body: unknown; headers?: Record<string, string> } | undefined;

const idsIn = (params: unknown) => [
  ...new Set([...JSON.stringify(params).matchAll(/example\.org\/r\/([\w-]+)/g)].map((m) => m[1]!)),
];

/**
 * The Slack Web API and the Telegram Bot API on one local server: chat.postMessage and
 * sendMessage succeed unless `answer` says otherwise for a call (return undefined for success).
 */
export async function startStandIns(timer: Timer, answer: (call: StandInCall) => Answer = () => undefined) {
  const calls: StandInCall[] = [];
  const server = await startRecorder((recorded) => {
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
    return isSlack
      ? { body: { ok: true, channel: call.channel, ts: `${calls.length}.0001` } }
      : {
          body: {
            ok: true,
            result: { message_id: calls.length, date: 0, chat: { id: Number(call.channel) } },
          },
        };
  });
  const senders: Senders = {
    slack: createSlackSender({ token: 'xoxb-test', apiUrl: `${server.url}/api/` }),
    telegram: createTelegramSender({ token: '42:test', apiRoot: server.url, log: silentLog }),
  };
  const posted = () => calls.filter((c) => c.ok);
  return { url: server.url, calls, posted, senders, close: server.close };
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
