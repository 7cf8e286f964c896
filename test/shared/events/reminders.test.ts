import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS } from '#shared/announce/claims.js';
import type { ChatSender } from '#shared/announce/senders.js';
import { dueReminder } from '#shared/events/reminder-posts.js';
import { addReminder, runReminders } from '#shared/events/reminders.js';
import type { DatedEvent } from '#shared/events/upcoming.js';
import { setChannelLanguage } from '#shared/follows/state.js';
import type { Clock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { pairCounts, slackChannel, startStandIns, telegramChat, virtualTimer } from '../announce/helpers.js';
import { eventResource, storeAndIndex } from './fixtures.js';

/**
 * Event reminders through the announcement machinery, against dynalite and the Slack and Telegram
 * stand-ins: the day before and the hour before, each exactly once across concurrent runs and a
 * run that stopped between its claim (or its post) and the `sent` mark.
 */

const NOW = '2026-03-10T12:00:00.000Z';
let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

function movableClock(iso = NOW) {
  let t = Date.parse(iso);
  const clock: Clock = () => new Date(t);
  return { clock, set: (at: string) => (t = Date.parse(at)), advance: (ms: number) => (t += ms) };
}

const EVENTS = [
  // 22 hours ahead: the day-before reminder is due; the hour one comes on 11 March at 09:00.
  eventResource(
    'tomorrow',
    { startsAt: '2026-03-11T10:00:00.000Z', timeZone: 'America/Bogota' },
    { countries: ['CO'] },
  ),
  // Half an hour ahead: its hour reminder is due (its day one was never sent: too late now).
  eventResource(
    'soon',
    { startsAt: '2026-03-10T12:30:00.000Z', endsAt: '2026-03-10T14:00:00.000Z' },
    { countries: ['CO'] },
  ),
  eventResource('in-two-days', { startsAt: '2026-03-12T12:00:00.000Z' }, { countries: ['CO'] }),
  eventResource('peru', { startsAt: '2026-03-11T09:00:00.000Z' }, { countries: ['PE'] }),
  eventResource(
    'begun',
    { startsAt: '2026-03-10T11:00:00.000Z', endsAt: '2026-03-10T18:00:00.000Z' },
    { countries: ['CO'] },
  ),
];

async function setUp(runtime: Runtime) {
  await storeAndIndex(runtime, EVENTS);
  const at = { userId: 'U1', at: new Date(NOW) };
  await addReminder(runtime.store, slackChannel('C1'), { countries: ['CO'] }, at);
  await addReminder(runtime.store, telegramChat('-1001'), { countries: ['CO'] }, at);
  await setChannelLanguage(runtime.store, telegramChat('-1001'), 'es');
}

describe('which reminder is due', () => {
  const event = (startsAt: string, allDay = false) =>
    ({ event: { startsAt, allDay, sources: {} } }) as unknown as DatedEvent;
  it('the day one in the day before, the hour one in the hour before, none once begun', () => {
    const now = new Date(NOW);
    expect(dueReminder(event('2026-03-11T11:00:00.000Z'), now)).toBe('day');
    expect(dueReminder(event('2026-03-11T12:00:01.000Z'), now)).toBeUndefined();
    expect(dueReminder(event('2026-03-10T12:59:00.000Z'), now)).toBe('hour');
    expect(dueReminder(event('2026-03-10T12:00:00.000Z'), now)).toBeUndefined();
    // An all-day event starts at a midnight: the day before only.
    expect(dueReminder(event('2026-03-10T12:30:00.000Z', true), now)).toBeUndefined();
    expect(dueReminder(event('2026-03-11T00:00:00.000Z', true), now)).toBe('day');
  });
});

describe('event reminders', () => {
  it('post each due reminder once across two concurrent runs, in the channel language, then the next one', async () => {
    const time = movableClock();
    const runtime = await services.newRuntime({}, time.clock);
    const timer = virtualTimer();
    const stand = await startStandIns(timer);
    try {
      await setUp(runtime);
      const [a, b] = await Promise.all([
        runReminders(runtime, { senders: stand.senders, timer }),
        runReminders(runtime, { senders: stand.senders, timer }),
      ]);
      expect(a.sent + b.sent).toBe(4);
      expect(a.skipped + b.skipped).toBe(4);
      expect([...pairCounts(stand.calls)].sort()).toEqual([
        ['-1001|soon', 1],
        ['-1001|tomorrow', 1],
        ['C1|soon', 1],
        ['C1|tomorrow', 1],
      ]);
      const tg = stand.posted().filter((c) => c.channel === '-1001');
      expect(tg.map((c) => String(c.params.text).split('\n')[0]).sort()).toEqual([
        '<b>Empieza dentro de una hora</b>',
        '<b>Mañana</b>',
      ]);
      // A later run in the same hour posts nothing again.
      expect((await runReminders(runtime, { senders: stand.senders, timer })).sent).toBe(0);

      // On 11 March at 09:10 the hour reminder of "tomorrow" is due, once.
      time.set('2026-03-11T09:10:00.000Z');
      const next = await runReminders(runtime, { senders: stand.senders, timer });
      expect(next.sent).toBe(2);
      const counts = pairCounts(stand.calls);
      expect(counts.get('C1|tomorrow')).toBe(2);
      expect(counts.get('-1001|tomorrow')).toBe(2);
      expect([...counts.keys()].some((k) => /peru|in-two-days|begun/.test(k))).toBe(false);
    } finally {
      await stand.close();
    }
  });

  it('a run that stopped after its Slack post is found in the history; one that stopped before posting is completed', async () => {
    const time = movableClock();
    const runtime = await services.newRuntime({}, time.clock);
    const timer = virtualTimer();
    const stand = await startStandIns(timer);
    try {
      await setUp(runtime);
      // The first run posts to Slack and stops before marking it sent; it posts nothing to Telegram.
      const stopped = (sender: ChatSender, postFirst: boolean): ChatSender => ({
        ...sender,
        post: async (channel, reply, deliveries) => {
          if (postFirst) await sender.post(channel, reply, deliveries);
          return new Promise<void>(() => {});
        },
      });
      void runReminders(runtime, {
        senders: {
          slack: stopped(stand.senders.slack!, true),
          telegram: stopped(stand.senders.telegram!, false),
        },
        timer,
        runId: 'stopped',
      });
      // Until the stopped run has posted to Slack (it then hangs, as a process that died would).
      for (let i = 0; i < 200 && stand.posted().length === 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(stand.posted().filter((c) => c.channel === 'C1')).toHaveLength(1);
      expect(stand.posted().filter((c) => c.channel === '-1001')).toHaveLength(0);

      // Before the lease has passed, nothing is taken over.
      const early = await runReminders(runtime, { senders: stand.senders, timer });
      expect(early.recovered).toBe(0);
      time.advance(CLAIM_LEASE_MS + 60_000);
      const after = await runReminders(runtime, { senders: stand.senders, timer });
      // The Slack post of the stopped run is in the channel history: marked sent, not posted again.
      expect(after.recovered).toBeGreaterThanOrEqual(1);
      const counts = pairCounts(stand.calls);
      for (const id of ['tomorrow', 'soon']) {
        expect(counts.get(`C1|${id}`)).toBe(1);
        expect(counts.get(`-1001|${id}`)).toBe(1);
      }
    } finally {
      await stand.close();
    }
  });
});
