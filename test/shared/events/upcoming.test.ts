import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotCore } from '#shared/bot/core.js';
import { createBotPorts } from '#shared/bot/wiring.js';
import type { ChatContext } from '#shared/chat/context.js';
import type { Reply } from '#shared/chat/reply.js';
import { formatEventWhen } from '#shared/events/format.js';
import { resolveTimeZone } from '#shared/events/time-zone.js';
import { eventEndMs, isUpcoming, selectUpcoming } from '#shared/events/upcoming.js';
import { fixedClock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { eventResource, storeAndIndex } from './fixtures.js';

const NOW = new Date('2026-03-05T12:00:00.000Z');

describe('what is upcoming', () => {
  const events = [
    eventResource('later', { startsAt: '2026-04-01T14:00:00.000Z', endsAt: '2026-04-01T16:00:00.000Z' }),
    eventResource('ended', { startsAt: '2026-03-01T14:00:00.000Z', endsAt: '2026-03-01T16:00:00.000Z' }),
    // Under way at NOW: still upcoming until it ends.
    eventResource('under-way', { startsAt: '2026-03-04T09:00:00.000Z', endsAt: '2026-03-06T18:00:00.000Z' }),
    eventResource('soon', { startsAt: '2026-03-06T15:00:00.000Z' }),
    // An all-day event of today with no end: upcoming until the day is over.
    eventResource('today-all-day', { startsAt: '2026-03-05T00:00:00.000Z', allDay: true }),
    // A timed event with no end that began: nothing says it goes on.
    eventResource('began-no-end', { startsAt: '2026-03-05T11:00:00.000Z' }),
    eventResource('no-date', { place: { city: 'Lima', country: 'PE' } }),
  ];

  it('lists events not yet ended, soonest first, never past ones or undated ones', () => {
    expect(selectUpcoming(events, { now: NOW }).map((e) => e.id)).toEqual([
      'under-way',
      'today-all-day',
      'soon',
      'later',
    ]);
  });

  it('ends an event at its end, an all-day one at its day end, a timed one with no end at its start', () => {
    expect(isUpcoming({ startsAt: '2026-03-05T00:00:00.000Z', allDay: true, sources: {} }, NOW)).toBe(true);
    expect(eventEndMs({ startsAt: '2026-03-05T00:00:00.000Z', allDay: true })).toBe(
      Date.parse('2026-03-06T00:00:00.000Z'),
    );
    expect(isUpcoming({ startsAt: '2026-03-05T11:00:00.000Z', sources: {} }, NOW)).toBe(false);
    expect(isUpcoming(undefined, NOW)).toBe(false);
  });

  it('narrows by a horizon and a limit', () => {
    expect(selectUpcoming(events, { now: NOW, withinDays: 2 }).map((e) => e.id)).toEqual([
      'under-way',
      'today-all-day',
      'soon',
    ]);
    expect(selectUpcoming(events, { now: NOW, limit: 1 }).map((e) => e.id)).toEqual(['under-way']);
  });
});

describe('times in the member zone across a DST change', () => {
  // Both at 10:00 in New York: before (EST, UTC-5) and after (EDT, UTC-4) 8 March 2026.
  const beforeNy = { startsAt: '2026-03-06T15:00:00.000Z', endsAt: '2026-03-06T16:30:00.000Z' };
  const afterNy = { startsAt: '2026-03-09T14:00:00.000Z', endsAt: '2026-03-09T15:30:00.000Z' };

  it('America/New_York in March: the same wall time, EST then EDT', () => {
    expect(formatEventWhen(beforeNy, 'America/New_York', 'en')).toBe(
      'Fri, Mar 6, 2026, 10:00 – 11:30 AM EST',
    );
    expect(formatEventWhen(afterNy, 'America/New_York', 'en')).toBe('Mon, Mar 9, 2026, 10:00 – 11:30 AM EDT');
  });

  it('America/New_York in November: EDT then EST after 1 November 2026', () => {
    const oct = { startsAt: '2026-10-30T14:00:00.000Z' };
    const nov = { startsAt: '2026-11-02T15:00:00.000Z' };
    expect(formatEventWhen(oct, 'America/New_York', 'en')).toBe('Fri, Oct 30, 2026, 10:00 AM EDT');
    expect(formatEventWhen(nov, 'America/New_York', 'en')).toBe('Mon, Nov 2, 2026, 10:00 AM EST');
  });

  it('America/Santiago: summer time (UTC-3) ends on 5 April 2026, starts again on 6 September', () => {
    const march = { startsAt: '2026-03-31T13:00:00.000Z' };
    const april = { startsAt: '2026-04-07T13:00:00.000Z' };
    const september = { startsAt: '2026-09-08T13:00:00.000Z' };
    expect(formatEventWhen(march, 'America/Santiago', 'es')).toBe('mar, 31 mar 2026, 10:00 GMT-3');
    expect(formatEventWhen(april, 'America/Santiago', 'es')).toBe('mar, 7 abr 2026, 9:00 GMT-4');
    expect(formatEventWhen(september, 'America/Santiago', 'es')).toBe('mar, 8 sept 2026, 10:00 GMT-3');
  });

  it("an all-day event keeps its own dates whatever the member's zone", () => {
    const workshop = {
      startsAt: '2025-09-18T05:00:00.000Z',
      endsAt: '2025-09-20T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Bogota',
    };
    expect(formatEventWhen(workshop, 'Asia/Tokyo', 'en')).toBe('Sep 18 – 19, 2025');
    expect(formatEventWhen(workshop, 'America/Los_Angeles', 'es')).toBe('18–19 sept 2025');
  });
});

describe('time zones typed by members', () => {
  it('accepts IANA zones in any case, refuses others with the closest', () => {
    expect(resolveTimeZone('america/new_york')).toEqual({ ok: true, timeZone: 'America/New_York' });
    expect(resolveTimeZone('santiago')).toEqual({ ok: false, suggestions: ['America/Santiago'] });
    const typo = resolveTimeZone('America/Bogta');
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.suggestions).toContain('America/Bogota');
    expect(resolveTimeZone('Mars/Olympus').ok).toBe(false);
  });
});

describe('upcoming in the bots', () => {
  let services: TestServices;
  let runtime: Runtime;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    runtime = await services.newRuntime(
      { IASPN_PUBLIC_URL: 'https://relay.example' },
      fixedClock(NOW.toISOString()),
    );
    await storeAndIndex(runtime, [
      eventResource('past-bogota', { startsAt: '2026-02-10T15:00:00.000Z' }, { countries: ['CO'] }),
      eventResource(
        'webinar-dc',
        {
          startsAt: '2026-03-09T14:00:00.000Z',
          endsAt: '2026-03-09T15:30:00.000Z',
          timeZone: 'America/New_York',
          online: { url: 'https://meet.example/x' },
          registrationUrl: 'https://example.org/register',
        },
        { countries: ['CO'], title: 'Webinar on care systems' },
      ),
      eventResource(
        'workshop-bogota',
        {
          startsAt: '2026-03-06T05:00:00.000Z',
          endsAt: '2026-03-08T05:00:00.000Z',
          allDay: true,
          timeZone: 'America/Bogota',
          place: { venue: 'Hotel Tequendama', city: 'Bogotá', country: 'CO' },
        },
        { countries: ['CO'], title: 'Workshop on poverty indexes' },
      ),
      eventResource('lima', { startsAt: '2026-03-07T15:00:00.000Z' }, { countries: ['PE'] }),
    ]);
  });
  afterAll(() => services?.close());

  const core = () =>
    createBotCore({
      store: runtime.store,
      log: runtime.log,
      clock: runtime.clock,
      ports: createBotPorts(runtime, { search: createSearchService(runtime) }),
    });
  let n = 0;
  const dm = (over: Partial<ChatContext> = {}): ChatContext => {
    n += 1;
    return {
      channel: { platform: 'slack', workspaceId: 'T1', channelId: `D${n}` },
      user: { platform: 'slack', workspaceId: 'T1', userId: `U${n}` },
      conversation: 'direct',
      canManageChannel: async () => true,
      isRelayAdmin: false,
      ...over,
    };
  };
  const cards = (reply: Reply) => reply.blocks.flatMap((b) => (b.kind === 'card' ? [b.card] : []));

  it('lists the filtered upcoming events soonest first, in the Slack user zone, with place and links', async () => {
    const reply = await core().handleText(
      dm({ timeZone: async () => 'America/Santiago' }),
      'upcoming country:colombia',
    );
    expect(reply.summary).toBe('Upcoming events (1–2), times in America/Santiago');
    const [workshop, webinar] = cards(reply);
    expect(cards(reply).map((c) => c.resourceId)).toEqual(['workshop-bogota', 'webinar-dc']);
    expect(workshop!.meta).toBe('Mar 6 – 7, 2026 · Hotel Tequendama, Bogotá, Colombia');
    expect(webinar!.meta).toBe('Mon, Mar 9, 2026, 11:00 AM – 12:30 PM GMT-3 · online');
    expect(webinar!.links!.map((l) => l.label)).toEqual(['Register', 'Add to calendar', 'Google Calendar']);
    expect(webinar!.links![1]!.url).toBe('https://relay.example/calendar/webinar-dc.ics');
    expect(webinar!.links![2]!.url).toContain('dates=20260309T140000Z%2F20260309T153000Z');
  });

  it('answers proximos in Spanish, in the zone the member chose with zona, over the platform zone', async () => {
    const ctx = dm({ timeZone: async () => 'America/Santiago' });
    const set = await core().handleText(ctx, 'zona america/new_york');
    expect(set.summary).toBe('Le mostraré las horas de los eventos en America/New_York.');
    const reply = await core().handleText(ctx, 'proximos pais:colombia');
    expect(reply.summary).toBe('Próximos eventos (1–2), horas de America/New_York');
    expect(cards(reply)[1]!.meta).toBe('lun, 9 mar 2026, 10:00–11:30 GMT-4 · en línea');
    expect(cards(reply)[1]!.links!.map((l) => l.label)).toEqual([
      'Inscripción',
      'Añadir al calendario',
      'Calendario de Google',
    ]);
  });

  it('refuses an unknown zone with a suggestion, and a group zone only from its admins', async () => {
    expect((await core().handleText(dm(), 'tz Santiago')).summary).toBe(
      'Nothing was saved. "Santiago" is not a time zone I know: did you mean America/Santiago?',
    );
    const group = dm({ conversation: 'group', canManageChannel: async () => false });
    expect((await core().handleText(group, 'tz UTC')).summary).toMatch(/Only admins/);
  });

  it('says so when nothing is upcoming, and never lists past events', async () => {
    const reply = await core().handleText(dm(), 'upcoming country:chile');
    expect(reply.summary).toMatch(/^No upcoming events/);
    const all = await core().handleText(dm(), 'upcoming');
    expect(cards(all).map((c) => c.resourceId)).toEqual(['workshop-bogota', 'lima', 'webinar-dc']);
  });
});
