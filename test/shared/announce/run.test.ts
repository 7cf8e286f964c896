import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLAIM_LEASE_MS, cursorKey } from '#shared/announce/claims.js';
import { runAnnounce } from '#shared/announce/run.js';
import type { ChatSender } from '#shared/announce/senders.js';
import { getChannelSettings, setChannelLanguage } from '#shared/follows/state.js';
import type { Clock } from '#shared/runtime/clock.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import {
  follow,
  NOW,
  pairCounts,
  recordingSender,
  resource,
  seedResources,
  slackChannel,
  slackError,
  slackRateLimited,
  startStandIns,
  telegramChat,
  telegramError,
  virtualTimer,
} from './helpers.js';

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(async () => {
  await services.close();
});

/** A clock the test moves: leases and TTLs are decided by it. */
function movableClock(iso = NOW) {
  let t = Date.parse(iso);
  const clock: Clock = () => new Date(t);
  return { clock, advance: (ms: number) => (t += ms) };
}

const many = (prefix: string, n: number, topics: string[]) =>
  Array.from({ length: n }, (_, i) => resource({ id: `${prefix}${i}`, topics }));

describe('announcement run', () => {
  it('posts up to the single-post limit per channel, then one batch message, in the channel language', async () => {
    const runtime = await services.newRuntime({ IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '5' }, movableClock().clock);
    const timer = virtualTimer();
    const stand = await startStandIns(timer);
    try {
      await seedResources(runtime, [
        ...many('fi', 12, ['financial-inclusion']),
        resource({ id: 'both', topics: ['financial-inclusion'], countries: ['PE'] }),
        resource({ id: 'other', topics: ['health'] }),
      ]);
      const slack = slackChannel('C1');
      const tg = telegramChat('-1001');
      await follow(runtime, slack, { topics: ['financial-inclusion'] });
      await follow(runtime, slack, { countries: ['PE'] });
      await follow(runtime, tg, { topics: ['financial-inclusion'] });
      await setChannelLanguage(runtime.store, tg, 'es');

      const summary = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(summary).toMatchObject({ resources: 14, channels: 2, posted: 10, batched: 16, failed: 0 });
      expect(summary.batchMessages).toBe(2);

      const slackPosts = stand.posted().filter((c) => c.channel === 'C1');
      expect(slackPosts).toHaveLength(6);
      // Form-encoded by the Web API client, so the booleans arrive as text.
      for (const p of slackPosts)
        expect(p.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
      expect(slackPosts.filter((p) => p.ids.length === 1)).toHaveLength(5);
      expect(String(slackPosts.at(-1)!.params.text)).toBe('8 new resources on financial inclusion');
      // "both" matched two follows of C1 and was posted there once.
      expect(pairCounts(stand.calls).get('C1|both')).toBe(1);

      const tgPosts = stand.posted().filter((c) => c.channel === '-1001');
      expect(tgPosts).toHaveLength(6);
      for (const p of tgPosts)
        expect(p.params).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      expect(String(tgPosts.at(-1)!.params.text)).toContain('8 recursos nuevos sobre inclusión financiera');

      // The next run starts at the cursor: nothing new.
      expect(await runAnnounce(runtime, { senders: stand.senders, timer })).toMatchObject({ resources: 0 });
      // The same window again (cursor lost): the claims say everything was sent; nothing twice.
      await runtime.store.delete(cursorKey());
      const again = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(again).toMatchObject({ resources: 14, posted: 0, batched: 0, failed: 0, skipped: 26 });
      expect(stand.posted()).toHaveLength(12);
    } finally {
      await stand.close();
    }
  });

  it('paces each channel, Telegram groups at 20 a minute, and waits out a 429 without stalling the others', async () => {
    const runtime = await services.newRuntime(
      { IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '10' },
      movableClock().clock,
    );
    const timer = virtualTimer({ holdAtLeastMs: 60_000 });
    let limited = false;
    const stand = await startStandIns(timer, (call) => {
      if (call.channel === 'CA' && !limited) {
        limited = true;
        return slackRateLimited(90);
      }
      return undefined;
    });
    try {
      await seedResources(runtime, many('p', 4, ['gender']));
      for (const c of [slackChannel('CA'), slackChannel('CB'), telegramChat('-100777'), telegramChat('555')])
        await follow(runtime, c, { topics: ['gender'] });

      const run = runAnnounce(runtime, { senders: stand.senders, timer });
      // CA waits out its Retry-After (held here); every other channel finishes meanwhile.
      await vi.waitFor(() => expect(stand.posted().filter((c) => c.channel !== 'CA')).toHaveLength(12), {
        timeout: 10_000,
      });
      expect(timer.held()).toBe(1);
      expect(stand.posted().filter((c) => c.channel === 'CA')).toHaveLength(0);
      timer.release();
      const summary = await run;
      expect(summary).toMatchObject({ posted: 16, failed: 0 });

      const gaps = (channel: string) => {
        const at = stand.calls.filter((c) => c.channel === channel).map((c) => c.at);
        return at.slice(1).map((t, i) => t - at[i]!);
      };
      for (const gap of gaps('CB')) expect(gap).toBeGreaterThanOrEqual(1000);
      for (const gap of gaps('555')) expect(gap).toBeGreaterThanOrEqual(1000);
      for (const gap of gaps('-100777')) expect(gap).toBeGreaterThanOrEqual(3000);
      // The 429's Retry-After (90 s) was honoured before CA's retry.
      expect(gaps('CA')[0]).toBeGreaterThanOrEqual(90_000);
      expect(timer.sleeps).toContain(90_000);
      expect([...pairCounts(stand.calls).values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stand.close();
    }
  });

  it('after a run that fails midway, a retry gives every (resource, channel) exactly once', async () => {
    const { clock, advance } = movableClock();
    const runtime = await services.newRuntime({ IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '50' }, clock);
    const timer = virtualTimer();
    let broken = true;
    let served = 0;
    const stand = await startStandIns(timer, () => {
      served += 1;
      if (broken && served > 7) return { status: 500, body: { ok: false, error: 'internal_error' } };
      return undefined;
    });
    try {
      await seedResources(runtime, many('m', 6, ['health']));
      const channels = [slackChannel('C1'), slackChannel('C2'), telegramChat('-1009')];
      for (const c of channels) await follow(runtime, c, { topics: ['health'] });

      const first = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(first.posted).toBe(7);
      expect(first.failed).toBe(11);
      expect(first.cursor <= '2026-03-10T11:00:00.000Z').toBe(true);

      broken = false;
      advance(15 * 60_000);
      const retry = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(retry).toMatchObject({ posted: 11, failed: 0 });

      const counts = pairCounts(stand.calls);
      expect(counts.size).toBe(18);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stand.close();
    }
  });

  it('a claim left by a run that died before posting is posted by a later run once its lease has passed', async () => {
    const { clock, advance } = movableClock();
    const runtime = await services.newRuntime({ IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '50' }, clock);
    const timer = virtualTimer();
    const stand = await startStandIns(timer);
    try {
      await seedResources(runtime, many('c', 5, ['education']));
      await follow(runtime, slackChannel('C1'), { topics: ['education'] });
      // The first run "dies" on its third post: claimed, never sent, never marked, no cursor written.
      let posts = 0;
      const dying: ChatSender = {
        ...stand.senders.slack!,
        post: (channel, reply) => {
          posts += 1;
          return posts === 3 ? new Promise<void>(() => {}) : stand.senders.slack!.post(channel, reply);
        },
      };
      void runAnnounce(runtime, { senders: { slack: dying }, timer });
      await vi.waitFor(() => expect(posts).toBe(3), { timeout: 10_000 });
      expect(stand.posted()).toHaveLength(2);

      // Within the lease: the held delivery is left alone, the rest are posted.
      advance(5 * 60_000);
      const within = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(within).toMatchObject({ posted: 2, skipped: 3 });
      expect(within.cursor <= '2026-03-10T11:00:00.000Z').toBe(true);

      // After the lease: it is claimed again and posted; nothing else is repeated.
      advance(CLAIM_LEASE_MS);
      const after = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(after).toMatchObject({ posted: 1, failed: 0 });
      const counts = pairCounts(stand.calls);
      expect(counts.size).toBe(5);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stand.close();
    }
  });

  it('a post Slack accepted but the dead run never marked is found by its metadata and not posted again; Telegram posts it again', async () => {
    const { clock, advance } = movableClock();
    const runtime = await services.newRuntime({ IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '50' }, clock);
    const timer = virtualTimer();
    const stand = await startStandIns(timer, undefined, { now: () => clock().getTime() });
    try {
      await seedResources(runtime, many('m', 4, ['health']));
      await follow(runtime, slackChannel('C1'), { topics: ['health'] });
      await follow(runtime, telegramChat('-1009'), { topics: ['health'] });
      // The first run "dies" on the third post of each channel after the platform accepted it:
      // posted, its answer never comes back, never marked sent, no cursor written.
      let accepted = 0;
      const dyingAfterAccept = (sender: ChatSender): ChatSender => {
        let posts = 0;
        return {
          ...sender,
          post: async (channel, reply, deliveries) => {
            posts += 1;
            await sender.post(channel, reply, deliveries);
            if (posts !== 3) return;
            accepted += 1;
            await new Promise<void>(() => {});
          },
        };
      };
      void runAnnounce(runtime, {
        senders: {
          slack: dyingAfterAccept(stand.senders.slack!),
          telegram: dyingAfterAccept(stand.senders.telegram!),
        },
        timer,
      });
      await vi.waitFor(() => expect(accepted).toBe(2), { timeout: 10_000 });
      // The message carries its delivery ids as Slack message metadata.
      expect(stand.slackMessages.at(-1)!.metadata).toMatchObject({
        event_type: 'iaspn_announcement',
        event_payload: { deliveries: expect.stringMatching(/^m\d$/) },
      });

      advance(CLAIM_LEASE_MS + 60_000);
      const after = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(after).toMatchObject({ recovered: 1, failed: 0 });
      const counts = pairCounts(stand.calls);
      const slackCounts = [...counts].filter(([pair]) => pair.startsWith('C1|')).map(([, n]) => n);
      expect(slackCounts).toEqual([1, 1, 1, 1]);
      // Telegram keeps no history a bot can read: the delivery in the window is posted twice.
      const telegramCounts = [...counts].filter(([pair]) => pair.startsWith('-1009|')).map(([, n]) => n);
      expect(telegramCounts.sort()).toEqual([1, 1, 1, 2]);
    } finally {
      await stand.close();
    }
  });

  it('two concurrent runs post nothing twice', async () => {
    const runtime = await services.newRuntime(
      { IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '50' },
      movableClock().clock,
    );
    const timer = virtualTimer();
    const stand = await startStandIns(timer);
    try {
      await seedResources(runtime, many('k', 8, ['migration']));
      for (const c of ['C1', 'C2', 'C3']) await follow(runtime, slackChannel(c), { topics: ['migration'] });
      await follow(runtime, telegramChat('-1002'), { topics: ['migration'] });
      const [a, b] = await Promise.all([
        runAnnounce(runtime, { senders: stand.senders, timer }),
        runAnnounce(runtime, { senders: stand.senders, timer }),
      ]);
      expect(a.posted + b.posted).toBe(32);
      const counts = pairCounts(stand.calls);
      expect(counts.size).toBe(32);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stand.close();
    }
  });

  it('posts to many following channels a bounded number at a time, so that none times out waiting', async () => {
    const runtime = await services.newRuntime({}, movableClock().clock);
    await seedResources(runtime, [resource({ id: 'wide', topics: ['financial-inclusion'] })]);
    const channels = Array.from({ length: 80 }, (_, i) => slackChannel(`CW${i}`));
    for (const c of channels) await follow(runtime, c, { topics: ['financial-inclusion'] });
    let inFlight = 0;
    let most = 0;
    const posted: string[] = [];
    const slack: ChatSender = {
      platform: 'slack',
      pace: { perChannelMs: () => 0, globalMs: 0 },
      describe: 'slow slack',
      async post(channel) {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        posted.push(channel.channelId);
      },
    };
    const summary = await runAnnounce(runtime, { senders: { slack } });
    expect(summary).toMatchObject({ channels: 80, posted: 80, failed: 0 });
    expect(new Set(posted).size).toBe(80);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(32);
  });

  it('pauses a channel that removed the bot and tells the admins; the others go on', async () => {
    const runtime = await services.newRuntime(
      { IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '3', IASPN_ADMIN_CHANNEL: 'console:local:admins' },
      movableClock().clock,
    );
    const timer = virtualTimer();
    const stand = await startStandIns(timer, (call) => {
      if (call.channel === '-100666')
        return telegramError(403, 'Forbidden: bot was kicked from the group chat');
      if (call.channel === 'CGONE') return slackError('not_in_channel');
      return undefined;
    });
    const admins = recordingSender();
    try {
      await seedResources(runtime, many('g', 4, ['youth']));
      const kicked = telegramChat('-100666');
      const gone = slackChannel('CGONE');
      for (const c of [kicked, gone, telegramChat('-100555'), slackChannel('COK')])
        await follow(runtime, c, { topics: ['youth'] });

      const summary = await runAnnounce(runtime, { senders: { ...stand.senders, console: admins }, timer });
      expect(summary.pausedChannels.sort()).toEqual(['CHAN#slack#T1#CGONE', 'CHAN#telegram#42#-100666']);
      expect((await getChannelSettings(runtime.store, kicked)).status).toBe('paused');
      expect((await getChannelSettings(runtime.store, kicked)).pausedReason).toContain('kicked');
      expect((await getChannelSettings(runtime.store, gone)).pausedReason).toBe('not_in_channel');
      // One attempt each at the broken channels; the healthy ones got all four (3 single + 1 batch).
      expect(stand.calls.filter((c) => c.channel === '-100666')).toHaveLength(1);
      expect(stand.posted().filter((c) => c.channel === '-100555')).toHaveLength(4);
      expect(stand.posted().filter((c) => c.channel === 'COK')).toHaveLength(4);
      expect(admins.posts).toHaveLength(2);
      expect(admins.posts[0]!.channel).toMatchObject({ platform: 'console', channelId: 'admins' });
      expect(admins.posts.map((p) => p.reply.summary).join('\n')).toMatch(/paused \(not_in_channel\)/);

      // Paused channels are skipped by later runs until a command there resumes them.
      const calls = stand.calls.length;
      const next = await runAnnounce(runtime, { senders: { ...stand.senders, console: admins }, timer });
      expect(next.posted).toBe(0);
      expect(stand.calls.length).toBe(calls);
    } finally {
      await stand.close();
    }
  });

  it('a dry run counts what would be posted and claims, posts and records nothing', async () => {
    const runtime = await services.newRuntime({ IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '2' }, movableClock().clock);
    const timer = virtualTimer();
    const stand = await startStandIns(timer);
    try {
      await seedResources(runtime, many('d', 5, ['housing']));
      await follow(runtime, slackChannel('C1'), { topics: ['housing'] });
      const dry = await runAnnounce(runtime, { senders: stand.senders, timer, dryRun: true });
      expect(dry).toMatchObject({ resources: 5, channels: 1, posted: 2, batched: 3, dryRun: true });
      expect(stand.calls).toHaveLength(0);
      const real = await runAnnounce(runtime, { senders: stand.senders, timer });
      expect(real).toMatchObject({ posted: 2, batched: 3 });
    } finally {
      await stand.close();
    }
  });
});
