import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntry } from '#shared/coop/store.js';
import { runDigest } from '#shared/digest/run.js';
import { subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { draft } from '../coop/notify-fixtures.js';
import { makeResource, movableClock, recordingMailer, storeResources } from './helpers.js';

/**
 * The digests' "Cooperation: offers and requests" / "Cooperación: ofertas y solicitudes" section:
 * the offers and requests created since the last digest on a topic the subscriber follows, in
 * HTML and text, in the subscriber's language; a digest goes out for them alone, and never twice.
 */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

describe('the cooperation section of the digests', () => {
  it('lists the new offers and requests on the subscriber’s topics, in both languages, once', async () => {
    const clock = movableClock('2026-11-24T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    const subscribe = (email: string, language: 'en' | 'es', filter: Record<string, string[]>) =>
      subscribeConfirmed(runtime, { email, frequency: 'daily', language, filter });
    await subscribe('registros@example.org', 'es', { topics: ['social-registries'] });
    await subscribe('targeting-pe@example.org', 'en', { topics: ['targeting'], countries: ['PE'] });
    await subscribe('peru-news@example.org', 'en', { countries: ['PE'] });
    clock.set('2026-11-24T12:00:00.000Z');
    const ids: Record<string, string> = {};
    for (const name of ['request', 'brazil', 'peru', 'unrelated'] as const)
      ids[name] = (await createEntry(runtime.store, draft(name), { who: 'test', at: clock() })).entry.id;
    // A withdrawn one is not proposed to anybody.
    await createEntry(runtime.store, draft('chile', { ref: 'T-gone' }), { who: 'test', at: clock() }).then(
      ({ entry }) =>
        runtime.store.update({ pk: `COOP#${entry.id}`, sk: 'COOP' }, { set: { status: 'withdrawn' } }),
    );
    await storeResources(runtime.store, [
      makeResource({
        id: 'doc-registry',
        topics: ['social-registries'],
        firstSeenAt: '2026-11-24T13:00:00.000Z',
      }),
    ]);

    clock.set('2026-11-25T00:30:00.000Z');
    const mailer = recordingMailer();
    // The subscriber of Peru's news follows no topic: nothing new for it, no digest.
    expect(await runDigest(runtime, { mailer })).toMatchObject({ sent: 2, empty: 1 });
    const es = mailer.emails.find((e) => e.to === 'registros@example.org')!;
    const en = mailer.emails.find((e) => e.to === 'targeting-pe@example.org')!;

    // Spanish: resources first, then the section, newest first, in HTML and in text.
    expect(es.subject).toMatch(/^Resumen RIPSO: /);
    const section = es.text.slice(es.text.indexOf('== Cooperación: ofertas y solicitudes =='));
    expect(es.text.indexOf('doc-registry')).toBeLessThan(es.text.indexOf('== Cooperación'));
    expect(section).toContain('Novedades del intercambio de cooperación, sobre los temas que sigue:');
    expect(section).toContain(
      `* Solicitud ${ids.request} · Necesitamos construir un registro social de hogares`,
    );
    expect(section).toContain(`* Oferta ${ids.brazil} · Cadastro Único`);
    expect(section).toContain(`* Oferta ${ids.peru} · Padrón General de Hogares`);
    expect(section).toContain('  SEDESOL Honduras, Honduras');
    expect(section).not.toMatch(/Early childhood|Registro Social de Hogares de Chile/);
    expect(es.html).toContain(
      '<h2 style="margin:16px 0 4px 0;font-size:18px;color:#1f2933">Cooperación: ofertas y solicitudes</h2>',
    );
    expect(es.html).toContain(`Oferta ${ids.brazil} · Cadastro Único`);

    // English, for the cooperation section alone: the subject says so; Peru's offer only.
    expect(en.subject).toBe('IASPN digest: cooperation, Padrón General de Hogares: focalización en el Perú');
    expect(en.text).toContain('== Cooperation: offers and requests ==');
    expect(en.text).toContain(`* Offer ${ids.peru} · Padrón General de Hogares`);
    expect(en.text).not.toContain(ids.request);
    expect(en.text).not.toContain('new resources match');
    expect(en.html).toContain('Cooperation: offers and requests</h2>');
    // Every value is escaped in HTML (the template's autoescape), contacts are never shown.
    expect(en.html).not.toContain('cooperacion@midis.example');

    // The next day: nothing new, no digest again.
    clock.set('2026-11-26T00:30:00.000Z');
    const next = recordingMailer();
    expect(await runDigest(runtime, { mailer: next })).toMatchObject({ sent: 0 });
  });
});
