import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '#shared/digest/run.js';
import { subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { eventResource } from '../events/fixtures.js';
import { makeResource, movableClock, recordingMailer, storeResources } from './helpers.js';

/**
 * The digests' "Upcoming events" / "Próximos eventos" section: the events of the next 30 days that
 * match the subscriber's filter, soonest first, whether or not an earlier digest announced them.
 */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

describe('the upcoming events section', () => {
  it('lists the matching events of the next 30 days in each digest, announced before or not', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({ IASPN_PUBLIC_URL: 'https://relay.example' }, clock);
    await subscribeConfirmed(runtime, {
      email: 'co@example.org',
      frequency: 'daily',
      language: 'es',
      filter: { countries: ['CO'] },
    });
    await subscribeConfirmed(runtime, {
      email: 'pe@example.org',
      frequency: 'daily',
      filter: { countries: ['PE'] },
    });
    const seen = '2026-02-01T10:00:00.000Z';
    await storeResources(runtime.store, [
      // Announced long before this digest's window.
      eventResource(
        'workshop-bogota',
        {
          startsAt: '2026-03-18T05:00:00.000Z',
          endsAt: '2026-03-20T05:00:00.000Z',
          allDay: true,
          timeZone: 'America/Bogota',
          place: { city: 'Bogotá', country: 'CO' },
          registrationUrl: 'https://example.org/register',
        },
        { countries: ['CO'], firstSeenAt: seen, title: 'Taller de índices de pobreza' },
      ),
      eventResource(
        'webinar-co',
        {
          startsAt: '2026-03-05T15:00:00.000Z',
          endsAt: '2026-03-05T16:30:00.000Z',
          timeZone: 'America/Bogota',
        },
        { countries: ['CO'], firstSeenAt: seen, title: 'Seminario web' },
      ),
      eventResource(
        'too-far',
        { startsAt: '2026-05-20T15:00:00.000Z' },
        { countries: ['CO'], firstSeenAt: seen },
      ),
      eventResource(
        'ended',
        { startsAt: '2026-02-20T15:00:00.000Z' },
        { countries: ['CO'], firstSeenAt: seen },
      ),
      eventResource(
        'lima',
        { startsAt: '2026-03-10T15:00:00.000Z' },
        { countries: ['PE'], firstSeenAt: seen },
      ),
      // What is new in the window, so that a digest goes out.
      makeResource({ id: 'doc-co', countries: ['CO'], firstSeenAt: '2026-03-02T10:00:00.000Z' }),
      makeResource({ id: 'doc-pe', countries: ['PE'], firstSeenAt: '2026-03-02T10:00:00.000Z' }),
    ]);
    await refreshSearchIndex(runtime);
    clock.set('2026-03-03T00:30:00.000Z');

    const mailer = recordingMailer();
    expect(await runDigest(runtime, { mailer })).toMatchObject({ sent: 2 });
    const co = mailer.emails.find((e) => e.to === 'co@example.org')!;
    const pe = mailer.emails.find((e) => e.to === 'pe@example.org')!;

    const section = co.text.slice(co.text.indexOf('== Próximos eventos =='));
    expect(section).toContain('En los próximos 30 días');
    // Soonest first; the far and the ended ones, and Lima's, are not there.
    expect(section.indexOf('Seminario web')).toBeLessThan(section.indexOf('Taller de índices de pobreza'));
    expect(section).not.toMatch(/too-far|ended|lima/);
    // Times in the event's own zone, all-day dates as given, place, registration, the .ics.
    expect(section).toContain('jue, 5 mar 2026, 10:00–11:30 GMT-5');
    expect(section).toContain('18–19 mar 2026 · Bogotá, Colombia');
    expect(section).toContain('Inscripción: https://example.org/register');
    expect(section).toContain('Añadir al calendario: https://relay.example/calendar/workshop-bogota.ics');
    expect(co.html).toContain(
      '<h2 style="margin:16px 0 4px 0;font-size:18px;color:#1f2933">Próximos eventos</h2>',
    );
    expect(co.html).toContain('href="https://relay.example/calendar/workshop-bogota.ics"');

    expect(pe.text).toContain('== Upcoming events ==');
    expect(pe.text).toContain(`Event lima`);
    expect(pe.text).not.toContain('Seminario web');

    // The next day's digest lists them again (they are still coming up).
    await storeResources(runtime.store, [
      makeResource({ id: 'doc-co-2', countries: ['CO'], firstSeenAt: '2026-03-03T10:00:00.000Z' }),
    ]);
    clock.set('2026-03-04T00:30:00.000Z');
    const next = recordingMailer();
    expect(await runDigest(runtime, { mailer: next })).toMatchObject({ sent: 1 });
    expect(next.emails[0]!.text).toContain('Taller de índices de pobreza');
  });
});
