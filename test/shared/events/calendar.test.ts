import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventUid, offsetChanges } from '#shared/events/calendar.js';
import { createCalendarHandler } from '#shared/events/calendar-http.js';
import { eventCalendarPath } from '#shared/events/format.js';
import type { HttpEvent, HttpResult } from '#shared/http/types.js';
import { fixedClock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { makeResource } from '../../helpers/resources.js';
import { eventResource, storeAndIndex } from './fixtures.js';

/**
 * The calendar feeds, parsed back by another iCalendar library (ical.js): every instant as stored,
 * the VTIMEZONEs the relay writes from the zone database, all-day dates, stable UIDs, and filters
 * read by the one filter language.
 */

const NOW = '2026-03-01T12:00:00.000Z';
let services: TestServices;
let runtime: Runtime;
let handler: ReturnType<typeof createCalendarHandler>;

const WEBINAR_ID = 'https://partner.example.org/events?id=7&lang=en';
const events = [
  // 10:00 in Washington on both sides of the March 2026 change (EST, then EDT).
  eventResource(
    'ny-before',
    {
      startsAt: '2026-03-06T15:00:00.000Z',
      endsAt: '2026-03-06T16:30:00.000Z',
      timeZone: 'America/New_York',
    },
    { countries: ['US'], topics: ['conditional-cash-transfers'] },
  ),
  eventResource(
    WEBINAR_ID,
    {
      startsAt: '2026-03-09T14:00:00.000Z',
      endsAt: '2026-03-09T15:30:00.000Z',
      timeZone: 'America/New_York',
      online: { url: 'https://meet.example/x' },
    },
    { countries: ['US'], topics: ['conditional-cash-transfers'], title: 'Webinar; care, and more' },
  ),
  // Santiago's summer time ends on 5 April 2026.
  eventResource(
    'santiago',
    {
      startsAt: '2026-04-07T13:00:00.000Z',
      endsAt: '2026-04-07T15:00:00.000Z',
      timeZone: 'America/Santiago',
    },
    { countries: ['CL'], language: 'es' },
  ),
  eventResource(
    'bogota-workshop',
    {
      startsAt: '2026-03-18T05:00:00.000Z',
      endsAt: '2026-03-20T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Bogota',
      place: { venue: 'Hotel Tequendama', city: 'Bogotá', country: 'CO' },
    },
    { countries: ['CO'], language: 'es' },
  ),
  eventResource('utc-no-zone', { startsAt: '2026-05-01T13:00:00.000Z' }, { countries: ['PE'] }),
  eventResource('long-past', { startsAt: '2025-06-01T13:00:00.000Z' }, { countries: ['CO'] }),
  eventResource('no-date', {}, { countries: ['CO'] }),
  makeResource({ id: 'a-document', countries: ['CO'] }),
];

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  runtime = await services.newRuntime({}, fixedClock(NOW));
  await storeAndIndex(runtime, events);
  handler = createCalendarHandler(runtime);
});
afterAll(() => services?.close());

const get = (path: string, query = '') =>
  handler({
    rawPath: path,
    rawQueryString: query,
    headers: {},
    requestContext: { http: { method: 'GET', path } },
  } as unknown as HttpEvent) as Promise<HttpResult & { body: string }>;

/** The VEVENTs of a calendar as ical.js reads them, its VTIMEZONEs registered first. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return new Map(
    calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [e.uid, { event: e, component: v }] as const;
    }),
  );
}

describe('/calendar.ics', () => {
  it('holds every dated event not long past, each at the instant stored', async () => {
    const res = await get('/calendar.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body).toMatch(
      /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/IASPN\/\/iaspn-relay\/\/EN\r\n/,
    );
    const parsed = parse(res.body);
    const wanted = ['ny-before', WEBINAR_ID, 'santiago', 'bogota-workshop', 'utc-no-zone'];
    expect([...parsed.keys()].sort()).toEqual(wanted.map(eventUid).sort());
    for (const r of events.filter((e) => wanted.includes(e.id) && !e.event?.allDay)) {
      const { event } = parsed.get(eventUid(r.id))!;
      expect(event.startDate.toJSDate().toISOString()).toBe(r.event!.startsAt);
      if (r.event!.endsAt) expect(event.endDate.toJSDate().toISOString()).toBe(r.event!.endsAt);
    }
  });

  it('keeps the zone of a timed event (TZID with its VTIMEZONE) and the days of an all-day one', async () => {
    const parsed = parse((await get('/calendar.ics')).body);
    const webinar = parsed.get(eventUid(WEBINAR_ID))!;
    const start = webinar.component.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('America/New_York');
    expect(webinar.event.startDate.toString()).toBe('2026-03-09T10:00:00');
    expect(parsed.get(eventUid('ny-before'))!.event.startDate.toString()).toBe('2026-03-06T10:00:00');
    expect(parsed.get(eventUid('santiago'))!.event.startDate.toString()).toBe('2026-04-07T09:00:00');
    expect(webinar.event.summary).toBe('Webinar; care, and more');
    expect(webinar.event.location).toBe('online');
    const workshop = parsed.get(eventUid('bogota-workshop'))!.event;
    expect(workshop.startDate.isDate).toBe(true);
    expect(workshop.startDate.toString()).toBe('2026-03-18');
    expect(workshop.endDate.toString()).toBe('2026-03-20');
    expect(workshop.location).toBe('Hotel Tequendama, Bogotá, Colombia');
    expect(parsed.get(eventUid('utc-no-zone'))!.component.getFirstPropertyValue('dtstart')!.toString()).toBe(
      '2026-05-01T13:00:00Z',
    );
  });

  it('gives the same UIDs and the same text on every request (a subscription sees no churn)', async () => {
    const [a, b] = await Promise.all([get('/calendar.ics'), get('/calendar.ics')]);
    expect(a.body).toBe(b.body);
  });

  it('narrows by filters in the filter language, and refuses what means nothing with the reason', async () => {
    const us = parse((await get('/calendar.ics', 'topic=cct&country=United%20States')).body);
    expect([...us.keys()].sort()).toEqual([eventUid('ny-before'), eventUid(WEBINAR_ID)].sort());
    const spanish = parse((await get('/calendar.ics', 'lang=es')).body);
    expect([...spanish.keys()].sort()).toEqual([eventUid('santiago'), eventUid('bogota-workshop')].sort());
    const bad = await get('/calendar.ics', 'country=narnia');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/"narnia": no such country/);
    const unknown = await get('/calendar.ics', 'colour=blue');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/Unknown parameter "colour"/);
  });

  it('takes its parameters in Spanish too, and answers a Spanish request in Spanish', async () => {
    const english = parse((await get('/calendar.ics', 'topic=cct&country=United%20States')).body);
    const spanish = parse((await get('/calendar.ics', 'tema=cct&pa%C3%ADs=Estados%20Unidos')).body);
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    expect(spanish.size).toBe(2);
    const narnia = await get('/calendar.ics', 'pais=narnia');
    expect(narnia.statusCode).toBe(400);
    expect(narnia.body).toMatch(/"narnia": no hay ningún país con ese nombre/);
    // lang=es asks for Spanish events: the refusal of another parameter is in Spanish too.
    expect((await get('/calendar.ics', 'country=narnia&lang=es')).body).toMatch(/no hay ningún país/);
    expect((await get('/calendar.ics', 'lang=es&color=azul')).body).toMatch(
      /Parámetro desconocido "color": use tema, pais, idioma, tipo, socio o q/,
    );
    expect((await get('/calendar.ics', 'country=narnia')).body).toMatch(/"narnia": no such country/);
  });
});

describe('/calendar/<id>.ics', () => {
  it('is one event, found by its id however it is spelled', async () => {
    const res = await get(eventCalendarPath(WEBINAR_ID));
    expect(res.statusCode).toBe(200);
    expect([...parse(res.body).keys()]).toEqual([eventUid(WEBINAR_ID)]);
    expect((await get(eventCalendarPath('a-document'))).statusCode).toBe(404);
    expect((await get(eventCalendarPath('no-date'))).statusCode).toBe(404);
    expect((await get('/calendar/%E0%A4%A.ics')).statusCode).toBe(404);
  });
});

describe('VTIMEZONE from the zone database', () => {
  it('finds the two changes of New York in 2026 to the minute, and none in Bogotá', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    expect(offsetChanges('America/New_York', from, to)).toEqual([
      { at: Date.parse('2026-03-08T07:00:00Z'), from: -300, to: -240 },
      { at: Date.parse('2026-11-01T06:00:00Z'), from: -240, to: -300 },
    ]);
    expect(offsetChanges('America/Bogota', from, to)).toEqual([]);
  });
});
