import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEEDS_DIR, startFeedServer } from '#cli/local/feed-server.js';
import type { EventInfo } from '#shared/domain/event.js';
import { correctEvent } from '#shared/events/corrections.js';
import type { EventHit } from '#shared/events/hits.js';
import { checkFeed } from '#shared/ingest/check.js';
import { resourceId } from '#shared/ingest/normalise.js';
import { runIngest } from '#shared/ingest/run.js';
import { addFeed, newFeedHealth, putPartner } from '#shared/library/registry.js';
import { getResource } from '#shared/library/resource-store.js';
import type { Log } from '#shared/log.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService, refreshSearchIndex } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

/**
 * Event data through a whole ingest run (issue 17.1): the sample events feed
 * (cli/local/sample-feeds/iaspn-events.xml, what `npm start` shows) served by the local feed
 * stand-in with its .ics and event pages, ingested into dynalite. Each event's start, end, zone and
 * place as its most trusted source says; its .ics and page fetched once, then answered 304; an
 * admin's correction kept when the partner edits the item; broken sources skipped with a reason.
 */

const EXPECTED: Record<string, EventInfo> = {
  'iaspn-event-2027-care-systems': {
    startsAt: '2027-01-14T15:00:00.000Z',
    endsAt: '2027-01-14T16:30:00.000Z',
    timeZone: 'America/New_York',
    online: { url: 'https://zoom.us/j/81234567890' },
    registrationUrl: 'https://forms.iaspn.example.org/care-systems',
    sources: { start: 'ics', end: 'ics', timeZone: 'ics', online: 'jsonld', registrationUrl: 'jsonld' },
  },
  'iaspn-event-2027-foro-registros': {
    startsAt: '2027-02-23T14:00:00.000Z',
    endsAt: '2027-02-24T22:00:00.000Z',
    timeZone: 'America/Bogota',
    place: { venue: 'Hotel Tequendama', city: 'Bogotá', country: 'CO' },
    registrationUrl: 'https://www.iaspn.example.org/eventos/2027/foro-registros/inscripcion',
    sources: {
      start: 'jsonld',
      end: 'jsonld',
      timeZone: 'jsonld',
      place: 'jsonld',
      registrationUrl: 'jsonld',
    },
  },
  'iaspn-event-2027-filets-sociaux': {
    // Haiti changed its clocks on 14 March: midnight on the 18th is 04:00 UTC.
    startsAt: '2027-03-18T04:00:00.000Z',
    endsAt: '2027-03-19T04:00:00.000Z',
    allDay: true,
    timeZone: 'America/Port-au-Prince',
    place: { city: 'Port-au-Prince', country: 'HT' },
    sources: { start: 'microdata', end: 'microdata', timeZone: 'microdata', place: 'microdata' },
  },
  'iaspn-event-2027-encuentro-psa': {
    startsAt: '2027-01-27T15:00:00.000Z',
    endsAt: '2027-01-27T19:00:00.000Z',
    timeZone: 'America/Guatemala',
    place: { venue: 'Centro Cultural Miguel Ángel Asturias', city: 'Guatemala City', country: 'GT' },
    sources: {
      start: 'feed-extension',
      end: 'feed-extension',
      timeZone: 'feed-extension',
      place: 'feed-extension',
    },
  },
  'iaspn-event-2027-graduation-course': {
    startsAt: '2027-02-08T14:00:00.000Z',
    endsAt: '2027-02-08T16:00:00.000Z',
    online: { url: 'https://teams.microsoft.com/l/meetup-join/iaspn-graduation-2027' },
    sources: { start: 'feed-extension', end: 'feed-extension', online: 'feed-extension' },
  },
  'iaspn-event-2027-caribbean-week': {
    startsAt: '2027-03-02T05:00:00.000Z',
    endsAt: '2027-03-05T05:00:00.000Z',
    allDay: true,
    timeZone: 'America/Jamaica',
    place: { venue: 'Jamaica Conference Centre', city: 'Kingston', country: 'JM' },
    sources: {
      start: 'feed-extension',
      end: 'feed-extension',
      timeZone: 'feed-extension',
      place: 'feed-extension',
    },
  },
  'iaspn-event-2026-digital-payments': {
    startsAt: '2026-12-03T15:00:00.000Z',
    endsAt: '2026-12-03T16:30:00.000Z',
    timeZone: 'America/New_York',
    online: {},
    registrationUrl: 'https://forms.iaspn.example.org/digital-payments',
    sources: { start: 'text', end: 'text', timeZone: 'text', online: 'text', registrationUrl: 'text' },
  },
  'iaspn-event-2027-taller-ipm': {
    startsAt: '2027-03-12T06:00:00.000Z',
    endsAt: '2027-03-15T06:00:00.000Z',
    allDay: true,
    timeZone: 'America/Mexico_City',
    place: { city: 'Mexico City', country: 'MX' },
    sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
  },
  'iaspn-event-2027-oficina-cadastro': {
    startsAt: '2027-03-10T18:00:00.000Z',
    timeZone: 'America/Sao_Paulo',
    online: {},
    sources: { start: 'text', timeZone: 'text', online: 'text' },
  },
  'iaspn-event-2027-atelier-travail-decent': {
    startsAt: '2027-03-05T19:00:00.000Z',
    timeZone: 'America/Port-au-Prince',
    sources: { start: 'text', timeZone: 'text' },
  },
  'iaspn-event-2027-annual-meeting': { sources: {} },
};

const FEED_FILES = [
  'iaspn-events.xml',
  'webinar-care-systems.ics',
  'webinar-care-systems.html',
  'foro-registros-sociales.html',
  'journee-filets-sociaux.html',
];

interface Logged {
  level: string;
  message: string;
  data?: Record<string, unknown>;
}

function capturingLog(into: Logged[]): Log {
  const at = (level: string) => (message: string, data?: Record<string, unknown>) =>
    into.push({ level, message, data });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('event data through ingest', () => {
  let services: TestServices;
  let site: Awaited<ReturnType<typeof startFeedServer>>;
  let dir: string;
  const requests: { file: string; status: number }[] = [];
  const logged: Logged[] = [];
  let runtime: Runtime;

  const ingest = () => runIngest({ ...runtime, log: capturingLog(logged) });
  const stored = async (feedId: string, guid: string) =>
    (await getResource(runtime.store, resourceId(feedId, `guid:${guid}`)))?.event;

  const register = (id: string) =>
    addFeed(runtime.store, {
      id,
      partnerId: 'iaspn-oas',
      url: `${site.origin}/${id}.xml`,
      defaultLanguage: 'en',
      defaultType: 'event',
      defaultTopics: [],
      defaultCountries: [],
      status: 'active',
      health: newFeedHealth(),
      createdAt: runtime.clock().toISOString(),
    });

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    dir = mkdtempSync(path.join(tmpdir(), 'iaspn-events-'));
    for (const file of FEED_FILES) copyFileSync(path.join(SAMPLE_FEEDS_DIR, file), path.join(dir, file));
    site = await startFeedServer({ dir, onRequest: (file, status) => requests.push({ file, status }) });
    runtime = await services.newRuntime({ IASPN_FETCH_ALLOWED_ORIGINS: site.origin });
    const now = runtime.clock().toISOString();
    await putPartner(
      runtime.store,
      {
        id: 'iaspn-oas',
        name: 'IASPN',
        kind: 'international-organisation',
        languages: ['en'],
        createdAt: now,
      },
      'create',
    );
    await register('iaspn-events');
  });
  afterAll(async () => {
    await site?.close();
    await services?.close();
  });

  it('reads every sample event from its most trusted source, fetching each .ics and page once', async () => {
    const run = await ingest();
    expect(run.summary).toMatchObject({ failed: 0 });
    for (const [guid, expected] of Object.entries(EXPECTED))
      expect({ guid, event: await stored('iaspn-events', guid) }).toEqual({ guid, event: expected });
    const fetched = requests.filter((r) => !r.file.endsWith('.xml'));
    expect(
      fetched.filter((r) => FEED_FILES.includes(r.file)).sort((a, b) => a.file.localeCompare(b.file)),
    ).toEqual([
      { file: 'foro-registros-sociales.html', status: 200 },
      { file: 'journee-filets-sociaux.html', status: 200 },
      { file: 'webinar-care-systems.html', status: 200 },
      { file: 'webinar-care-systems.ics', status: 200 },
    ]);
  });

  it('feeds check reads the same events, as feeds check --json prints them', async () => {
    const checked = await checkFeed(`${site.origin}/iaspn-events.xml`, {
      config: runtime.config,
      now: runtime.clock(),
      feed: { id: 'iaspn-events', defaultType: 'event' },
    });
    const byTitle = new Map(checked.resources.map((r) => [r.title, r.event]));
    expect(byTitle.get('Foro regional: registros sociales e interoperabilidad')).toEqual(
      EXPECTED['iaspn-event-2027-foro-registros'],
    );
    expect(byTitle.get('Caribbean Social Protection Week 2027')).toEqual(
      EXPECTED['iaspn-event-2027-caribbean-week'],
    );
  });

  it('search hits of events carry their event data, as search --json prints them', async () => {
    await refreshSearchIndex(runtime);
    const response = await createSearchService(runtime).search({
      query: 'registros sociales interoperabilidad',
    });
    const forum = response.hits.find((h) => h.title.startsWith('Foro regional')) as EventHit | undefined;
    expect(forum?.event).toEqual(EXPECTED['iaspn-event-2027-foro-registros']);
    const all = (await createSearchService(runtime).search({ query: 'type:event', limit: 50 }))
      .hits as EventHit[];
    expect(all).toHaveLength(Object.keys(EXPECTED).length);
    expect(all.every((h) => h.event !== undefined)).toBe(true);
  });

  it('an unchanged feed fetches no event source; an edited item asks again and gets 304s', async () => {
    requests.length = 0;
    await ingest();
    expect(requests.filter((r) => !r.file.endsWith('.xml'))).toEqual([]);

    // The partner edits the descriptions: the items are read again, their sources answer 304.
    const feedFile = path.join(dir, 'iaspn-events.xml');
    writeFileSync(
      feedFile,
      readFileSync(feedFile, 'utf8')
        .replace('Add it to your calendar', 'Save it in your calendar')
        .replace('Inscripción en la página del evento.', 'Cupos limitados.')
        .replace(
          'la coordination avec la protection civile.',
          'la coordination avec la protection civile (places limitées).',
        ),
    );
    requests.length = 0;
    const run = await ingest();
    expect(run.summary.updated).toBe(3);
    expect(
      requests.filter((r) => !r.file.endsWith('.xml')).sort((a, b) => a.file.localeCompare(b.file)),
    ).toEqual([
      { file: 'foro-registros-sociales.html', status: 304 },
      { file: 'journee-filets-sociaux.html', status: 304 },
      { file: 'webinar-care-systems.html', status: 304 },
      { file: 'webinar-care-systems.ics', status: 304 },
    ]);
    for (const guid of [
      'iaspn-event-2027-care-systems',
      'iaspn-event-2027-foro-registros',
      'iaspn-event-2027-filets-sociaux',
    ])
      expect(await stored('iaspn-events', guid)).toEqual(EXPECTED[guid]);
  });

  it('an admin’s correction of the dates survives the partner’s next edit', async () => {
    const id = resourceId('iaspn-events', 'guid:iaspn-event-2027-foro-registros');
    await correctEvent(runtime.store, id, {
      start: '2027-02-25T09:00',
      end: '2027-02-25T12:00',
      timeZone: 'America/Bogota',
    });
    const feedFile = path.join(dir, 'iaspn-events.xml');
    writeFileSync(feedFile, readFileSync(feedFile, 'utf8').replace('Cupos limitados.', 'Cupos agotados.'));
    const run = await ingest();
    expect(run.summary.updated).toBe(1);
    expect(await stored('iaspn-events', 'iaspn-event-2027-foro-registros')).toEqual({
      ...EXPECTED['iaspn-event-2027-foro-registros'],
      startsAt: '2027-02-25T14:00:00.000Z',
      endsAt: '2027-02-25T17:00:00.000Z',
      timeZone: 'America/Bogota',
      sources: {
        ...EXPECTED['iaspn-event-2027-foro-registros']!.sources,
        start: 'admin',
        end: 'admin',
        timeZone: 'admin',
      },
    });
  });

  it('huge, malformed and missing sources are skipped with a logged reason; the run goes on', async () => {
    writeHostileFeed(dir);
    await register('hostile-events');
    const hostile = (await ingest()).outcomes.find((o) => o.feedId === 'hostile-events');
    expect(hostile).toMatchObject({ status: 'ok', new: 4 });
    // What the items' own words say is kept.
    expect(await stored('hostile-events', 'huge-ics')).toEqual({
      startsAt: '2027-04-06T14:00:00.000Z',
      timeZone: 'America/Bogota',
      sources: { start: 'text', timeZone: 'text' },
    });
    expect(await stored('hostile-events', 'broken-jsonld')).toEqual({ sources: {} });
    const reasons = logged
      .filter((l) => l.message === 'event source skipped' || l.message === 'event source has no event data')
      .map((l) => `${String(l.data?.url).split('/').pop()}: ${String(l.data?.reason)}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^huge\.ics: The feed is larger than 1048576 bytes/),
        expect.stringMatching(/^broken\.ics: malformed iCalendar/),
        expect.stringMatching(/^broken-jsonld\.html: malformed JSON-LD/),
        expect.stringMatching(/^missing\.html: HTTP 404/),
      ]),
    );
  });
});

/** A feed whose event sources are hostile or broken. */
function writeHostileFeed(dir: string): void {
  const item = (guid: string, title: string, extra: string) =>
    `<item><title>${title}</title><guid isPermaLink="false">${guid}</guid><pubDate>Mon, 16 Nov 2026 10:00:00 -0500</pubDate>${extra}</item>`;
  writeFileSync(
    path.join(dir, 'hostile-events.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title><link>https://h.example.org/</link>${[
      item(
        'huge-ics',
        'Taller el 6 de abril de 2027 a las 9:00 (hora de Bogotá)',
        '<link>https://h.example.org/huge</link><enclosure url="huge.ics" type="text/calendar" length="2000000"/>',
      ),
      item(
        'broken-ics',
        'Broken invitation',
        '<link>https://h.example.org/broken</link><enclosure url="broken.ics" type="text/calendar"/>',
      ),
      item('broken-jsonld', 'Broken page', '<link>broken-jsonld.html</link>'),
      item('missing-page', 'Missing page', '<link>missing.html</link>'),
    ].join('')}</channel></rss>`,
  );
  const event =
    'BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20270406T140000Z\r\nEND:VEVENT\r\n';
  writeFileSync(
    path.join(dir, 'huge.ics'),
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event.repeat(20_000)}END:VCALENDAR\r\n`,
  );
  writeFileSync(
    path.join(dir, 'broken.ics'),
    'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027\r\n::::\r\n',
  );
  writeFileSync(
    path.join(dir, 'broken-jsonld.html'),
    '<html><head><script type="application/ld+json">{"@type": "Event", "startDate": "2027-</script></head></html>',
  );
}
