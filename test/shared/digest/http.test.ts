import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscriptionHandler } from '#shared/digest/http.js';
import { nextDueAt, periodOf } from '#shared/digest/schedule.js';
import {
  getSubscription,
  listSubscriptions,
  RATE_LIMITS,
  startSubscription,
} from '#shared/digest/subscriptions.js';
import { signToken, verifyToken } from '#shared/digest/tokens.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { keys } from '#shared/store/keys.js';
import { Store } from '#shared/store/store.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import {
  addPartner,
  formBody,
  httpEvent,
  jsonFormToken,
  makeResource,
  movableClock,
  storeResources,
} from './helpers.js';

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices();
});
afterAll(() => services.close());

const hiddenField = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] as string;

const FORM = 'application/x-www-form-urlencoded';
const post = (path: string, fields: Record<string, string | string[]>) =>
  httpEvent('POST', path, { contentType: FORM, body: formBody(fields) });
const checked = (html: string, name: string, value: string) =>
  new RegExp(`name="${name}" value="${value}" checked`).test(html);

describe('the subscription pages', () => {
  it('offer the taxonomy as named choices and subscribe without JavaScript, in Spanish, with a CSRF token', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    await addPartner(runtime.store, 'midis-pe', 'Ministerio de Desarrollo e Inclusión Social');
    const handler = createSubscriptionHandler(runtime);
    const page = await handler(httpEvent('GET', '/email/subscribe?lang=es'));
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-security-policy']).toContain("default-src 'none'");
    const html = page.body as string;
    expect(html).toContain('<html lang="es">');
    expect(html).not.toContain('<script');
    expect(html).toContain('<label for="email">');
    expect(html).toContain('name="viewport"');
    // Choices with their Spanish names: topics in groups, countries, types, content languages, partners.
    expect(html).toContain('<legend>Personas a lo largo del ciclo de vida</legend>');
    expect(html).toContain('value="early-childhood"> Primera infancia</label>');
    expect(html).toContain('value="PE"> Perú</label>');
    expect(html).toContain('value="document"> Documento</label>');
    expect(html).toContain('value="pt"> Portugués</label>');
    expect(html).toContain('value="midis-pe"> Ministerio de Desarrollo e Inclusión Social</label>');
    expect(html).not.toContain('value="highlight"');
    expect(html).not.toMatch(/ISO|ids separados/);
    expect(html).toContain('<input type="text" id="keywords" name="keywords" value=""');
    expect(html).toContain('aria-describedby="hint-keywords"');

    const form = hiddenField(html, 'form');
    const fields = {
      email: 'form@example.org',
      language: 'es',
      frequency: 'daily',
      types: ['document', 'news'],
      topics: ['housing', 'early-childhood'],
      countries: ['PE'],
      partners: ['midis-pe'],
      keywords: ' "cuidado infantil"  -piloto ',
      lang: 'es',
    };
    const forged = await handler(post('/email/subscribe', fields));
    expect(forged.statusCode).toBe(400);
    expect(await getSubscription(runtime, 'form@example.org')).toBeUndefined();

    const ok = await handler(post('/email/subscribe', { ...fields, form }));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Revise su correo');
    expect(await getSubscription(runtime, 'form@example.org')).toMatchObject({
      status: 'pending',
      language: 'es',
      frequency: 'daily',
      filter: {
        types: ['document', 'news'],
        topics: ['early-childhood', 'housing'],
        countries: ['PE'],
        partners: ['midis-pe'],
        keywords: '"cuidado infantil" -piloto',
      },
    });
  });

  it('refuse what is not a choice next to its field, in the page’s language, keeping every choice', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const handler = createSubscriptionHandler(runtime);
    for (const [lang, words] of [
      [
        'en',
        {
          topic: 'is not a topic you can choose here',
          keyword: 'is not a topic we know',
          email: 'Enter an email address',
        },
      ],
      [
        'es',
        {
          topic: 'no es un tema que se pueda elegir aquí',
          keyword: 'no es un tema que conozcamos',
          email: 'Escriba una dirección de correo',
        },
      ],
    ] as const) {
      const form = hiddenField(
        (await handler(httpEvent('GET', `/email/subscribe?lang=${lang}`))).body as string,
        'form',
      );
      const res = await handler(
        post('/email/subscribe', {
          form,
          lang,
          email: '',
          language: lang,
          frequency: 'daily',
          topics: ['housing', 'nonsense'],
          countries: ['PE', 'ZZ'],
          types: ['news'],
          languages: ['es'],
          keywords: 'cuidado tema:viviendaa',
        }),
      );
      expect(res.statusCode).toBe(400);
      const html = res.body as string;
      expect(html).toContain(`<html lang="${lang}">`);
      // Each message beside its field, and the field described by it.
      expect(html).toMatch(new RegExp(`<p class="error" id="error-topics">“nonsense” ${words.topic}\\.</p>`));
      expect(html).toContain('<fieldset id="field-topics" aria-describedby="hint-topics error-topics"');
      expect(html).toMatch(/<p class="error" id="error-countries">“ZZ” /);
      expect(html).toMatch(
        new RegExp(
          `<p class="error" id="error-keywords">“viviendaa” ${words.keyword}\\. .*(Housing|Vivienda)\\?</p>`,
        ),
      );
      expect(html).toContain('aria-describedby="hint-keywords error-keywords" aria-invalid="true"');
      expect(html).toContain(`<p class="error" id="error-email">${words.email}`);
      expect(html).toContain('role="alert"');
      // Every choice kept, the countries' list open since something in it is chosen.
      expect(checked(html, 'topics', 'housing')).toBe(true);
      expect(checked(html, 'countries', 'PE')).toBe(true);
      expect(checked(html, 'types', 'news')).toBe(true);
      expect(checked(html, 'languages', 'es')).toBe(true);
      expect(html).toContain('value="cuidado tema:viviendaa"');
      expect(html).toContain('<option value="daily" selected>');
      expect(html).toMatch(/<details class="fold" open>/);
    }
    expect((await listSubscriptions(runtime)).subscriptions).toEqual([]);
  });

  it('take names on the JSON path, and refuse what names nothing with the closest choices', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    await addPartner(runtime.store, 'midis-pe', 'Ministerio de Desarrollo e Inclusión Social');
    const handler = createSubscriptionHandler(runtime);
    const subscribe = async (body: Record<string, unknown>) =>
      handler(
        httpEvent('POST', '/email/subscribe', {
          contentType: 'application/json',
          body: JSON.stringify({ form: await jsonFormToken(handler), ...body }),
        }),
      );
    const ok = await subscribe({
      email: 'json@example.org',
      filter: {
        topics: ['primera infancia', 'CCT'],
        countries: ['Perú', 'brasileño'],
        types: ['documentos'],
        languages: ['español'],
        partners: ['Ministerio de Desarrollo'],
        keywords: '"cash transfers" -pilot',
      },
    });
    expect(ok.statusCode).toBe(202);
    expect((await getSubscription(runtime, 'json@example.org'))?.filter).toEqual({
      types: ['document'],
      countries: ['BR', 'PE'],
      topics: ['conditional-cash-transfers', 'early-childhood'],
      languages: ['es'],
      partners: ['midis-pe'],
      keywords: '"cash transfers" -pilot',
    });

    const refused = await subscribe({
      email: 'refused@example.org',
      lang: 'es',
      filter: { topics: ['viviendaa'], countries: 'Perú, Zzland', partners: ['nobody at all'] },
    });
    expect(refused.statusCode).toBe(400);
    const answer = JSON.parse(refused.body as string) as { status: string; fields: Record<string, string> };
    expect(answer.status).toBe('invalid');
    expect(answer.fields.topics).toBe('“viviendaa” no es un tema que conozcamos. ¿Quiso decir Vivienda?');
    expect(answer.fields.countries).toMatch(/^“Zzland” no es un país que conozcamos/);
    expect(answer.fields.partners).toMatch(/^“nobody at all” no es un socio/);
    expect(await getSubscription(runtime, 'refused@example.org')).toBeUndefined();
  });

  it('store nothing that could never match, whoever calls', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    await addPartner(runtime.store, 'midis-pe', 'Ministerio de Desarrollo e Inclusión Social');
    for (const filter of [
      { topics: ['nonsense'] },
      { countries: ['ZZ'] },
      { countries: ['pe'] },
      { partners: ['nobody'] },
      { types: ['documents'] },
      { keywords: 'tema:vivienda' },
      { since: '2026-01-01' },
    ]) {
      const result = await startSubscription(runtime, {
        email: 'never@example.org',
        source: 'test',
        filter: filter as ResourceFilter,
      });
      expect(result.status, JSON.stringify(filter)).toBe('invalid');
    }
    expect(await getSubscription(runtime, 'never@example.org')).toBeUndefined();
    const fine = await startSubscription(runtime, {
      email: 'fine@example.org',
      source: 'test',
      filter: { partners: ['midis-pe'], countries: ['PE', 'PE'], keywords: 'cash transfers' },
    });
    expect(fine.status).toBe('sent');
    expect((await getSubscription(runtime, 'fine@example.org'))?.filter).toEqual({
      countries: ['PE'],
      partners: ['midis-pe'],
      keywords: 'cash transfers',
    });
  });

  it('answer the same whether or not an address is already subscribed', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const handler = createSubscriptionHandler(runtime);
    const subscribe = async (email: string) =>
      handler(
        httpEvent('POST', '/email/subscribe', {
          contentType: 'application/json',
          body: JSON.stringify({ email, form: await jsonFormToken(handler) }),
        }),
      );
    const first = await subscribe('twice@example.org');
    const second = await subscribe('twice@example.org');
    const stranger = await subscribe('never-seen@example.org');
    expect([first.statusCode, second.statusCode, stranger.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([first.body, second.body, stranger.body]).size).toBe(1);
  });

  it('rate-limit confirmation emails per address and per source', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const results = [];
    for (let i = 0; i <= RATE_LIMITS.perAddress.max; i += 1)
      results.push((await startSubscription(runtime, { email: 'bomb@example.org', source: `s${i}` })).status);
    expect(results.slice(0, -1).every((s) => s === 'sent')).toBe(true);
    expect(results.at(-1)).toBe('rate_limited');

    const bySource = [];
    for (let i = 0; i <= RATE_LIMITS.perSource.max; i += 1)
      bySource.push(
        (await startSubscription(runtime, { email: `v${i}@example.org`, source: 'one-bot' })).status,
      );
    expect(bySource.at(-1)).toBe('rate_limited');
    expect(bySource.filter((s) => s === 'sent')).toHaveLength(RATE_LIMITS.perSource.max);
  });

  it('change preferences with the manage token and refuse bad tokens', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const { subscribeConfirmed } = await import('#shared/digest/subscriptions.js');
    const sub = await subscribeConfirmed(runtime, { email: 'prefs@example.org', frequency: 'daily' });
    const handler = createSubscriptionHandler(runtime);
    const token = signToken('test-token-secret', 'manage', { sub: sub.id }, runtime.clock());
    const page = await handler(httpEvent('GET', `/email/preferences?token=${token}`));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('prefs@example.org');
    expect(page.body).toContain('value="MX"> Mexico</label>');
    // The same form in the other language, its choices named in it.
    const spanish = await handler(httpEvent('GET', `/email/preferences?token=${token}&lang=es`));
    expect(spanish.body).toContain('value="MX"> México</label>');

    const wrong = await handler(
      post('/email/preferences', {
        token,
        lang: 'es',
        language: 'es',
        countries: ['MX', 'Mexico'],
        keywords: 'the of',
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<html lang="es">');
    expect(wrong.body).toMatch(/id="error-countries">“Mexico” no es un país que se pueda elegir aquí/);
    expect(wrong.body).toMatch(/id="error-keywords">Estas palabras son demasiado comunes/);
    expect(checked(wrong.body as string, 'countries', 'MX')).toBe(true);
    expect((await getSubscription(runtime, 'prefs@example.org'))?.filter).toEqual({});

    const saved = await handler(
      post('/email/preferences', {
        token,
        language: 'es',
        frequency: 'weekly',
        languages: ['es'],
        countries: ['MX'],
        keywords: 'pensiones -"reforma tributaria"',
      }),
    );
    expect(saved.statusCode).toBe(200);
    expect(await getSubscription(runtime, 'prefs@example.org')).toMatchObject({
      language: 'es',
      frequency: 'weekly',
      filter: { languages: ['es'], countries: ['MX'], keywords: 'pensiones -"reforma tributaria"' },
    });
    const shown = await handler(httpEvent('GET', `/email/preferences?token=${token}`));
    expect(checked(shown.body as string, 'countries', 'MX')).toBe(true);
    expect(shown.body).toContain('value="pensiones -&quot;reforma tributaria&quot;"');
    // A value stored before the pages offered choices is named beside its field; saving drops it.
    await runtime.store.update(keys.subscriptionById(sub.id), {
      set: { filter: { countries: ['MX', 'ZZ'], topics: ['cash-transfers'] } },
    });
    const stale = (await handler(httpEvent('GET', `/email/preferences?token=${token}&lang=en`)))
      .body as string;
    expect(stale).toContain('id="error-countries">“ZZ” is no longer a country we know: saving drops it.</p>');
    expect(stale).toContain('id="error-topics">“cash-transfers” is no longer a topic we know');
    expect(checked(stale, 'countries', 'MX')).toBe(true);

    // A token for another purpose, a tampered one, or none: refused.
    const unsubscribeToken = signToken('test-token-secret', 'unsubscribe', { sub: sub.id }, runtime.clock());
    for (const bad of [unsubscribeToken, `${token}x`, `${token}!!~~`, '']) {
      expect((await handler(httpEvent('GET', `/email/preferences?token=${bad}`))).statusCode).toBe(400);
    }
  });
});

describe('saved preferences', () => {
  it('answer with what was chosen and what it would have brought, as the confirmation does', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    await storeResources(runtime.store, [
      makeResource({
        id: 'pensions-mx',
        title: 'Reforma de pensiones no contributivas en México',
        countries: ['MX'],
        firstSeenAt: '2026-02-20T00:00:00.000Z',
      }),
    ]);
    await refreshSearchIndex(runtime);
    const { subscribeConfirmed } = await import('#shared/digest/subscriptions.js');
    const sub = await subscribeConfirmed(runtime, { email: 'saved@example.org', frequency: 'daily' });
    const handler = createSubscriptionHandler(runtime);
    const token = signToken('test-token-secret', 'manage', { sub: sub.id }, runtime.clock());
    const save = (keywords: string, language: 'en' | 'es') =>
      handler(post('/email/preferences', { token, language, frequency: 'weekly', keywords })).then(
        (r) => r.body as string,
      );

    const matching = await save('pensiones', 'es');
    expect(matching).toContain('Sus cambios están guardados.');
    expect(matching).toContain('Eligió: palabras: pensiones (semanal).');
    expect(matching).toContain('En los últimos 30 días estas elecciones habrían traído 1 recurso.');
    // Keywords that match nothing are saved, and the page says the digest may stay quiet.
    const quiet = await save('zzqx', 'en');
    expect(quiet).toContain('Your changes are saved.');
    expect(quiet).toContain(
      'Nothing in the last 30 days matches these choices: the digest may be quiet for a while.',
    );
  });
});

describe('failures', () => {
  it('answer 500 with a plain page that leaks no internals', async () => {
    const base = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const runtime = { ...base, store: new Store(base.store.client, 'no-such-table') };
    const token = signToken('test-token-secret', 'manage', { sub: 'abc' }, runtime.clock());
    const res = await createSubscriptionHandler(runtime)(
      httpEvent('GET', `/email/preferences?token=${token}&lang=es`),
    );
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Algo falló de nuestro lado');
    expect(res.body).not.toContain('no-such-table');
  });
});

describe('the "see more" page', () => {
  it('lists every matching resource of a digest window, escaped', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-03T00:30:00.000Z'));
    const { subscribeConfirmed } = await import('#shared/digest/subscriptions.js');
    const sub = await subscribeConfirmed(runtime, { email: 'more@example.org', filter: { types: ['news'] } });
    await storeResources(runtime.store, [
      makeResource({
        id: 'n1',
        type: 'news',
        title: 'News <b>one</b>',
        firstSeenAt: '2026-03-02T01:00:00.000Z',
      }),
      makeResource({ id: 'n2', type: 'news', title: 'News two', firstSeenAt: '2026-03-02T02:00:00.000Z' }),
      makeResource({
        id: 'd1',
        type: 'document',
        title: 'A document',
        firstSeenAt: '2026-03-02T03:00:00.000Z',
      }),
    ]);
    const data = { since: '2026-03-02T00:00:00.000Z', until: '2026-03-03T00:00:00.000Z' };
    const token = signToken('test-token-secret', 'digest', { sub: sub.id, data }, runtime.clock());
    const page = await createSubscriptionHandler(runtime)(httpEvent('GET', `/email/digest?token=${token}`));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('News &lt;b&gt;one&lt;/b&gt;');
    expect(page.body).toContain('News two');
    expect(page.body).not.toContain('A document');
  });
});

describe('tokens and periods', () => {
  it('expire, and never pass for another purpose', () => {
    const at = new Date('2026-03-02T09:00:00.000Z');
    const token = signToken('k', 'confirm', { sub: 'abc' }, at);
    expect(verifyToken('k', 'confirm', token, at)).toMatchObject({ ok: true, claims: { sub: 'abc' } });
    expect(verifyToken('k', 'unsubscribe', token, at)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken('other', 'confirm', token, at)).toEqual({ ok: false, reason: 'invalid' });
    // Regression (issue 13.6): characters outside base64url were skipped by the decoder, so a token
    // with junk appended passed as the token itself; so did another spelling of its last character.
    for (const junk of [
      `${token}!!~~`,
      `${token}=`,
      `!${token}`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    ])
      expect(verifyToken('k', 'confirm', junk, at)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken('k', 'confirm', token, new Date('2026-03-06T09:00:00.000Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('fall on UTC days and on the configured weekday', () => {
    const wed = new Date('2026-03-04T15:00:00.000Z');
    expect(periodOf('daily', wed, 'monday')).toBe('D2026-03-04');
    expect(periodOf('weekly', wed, 'monday')).toBe('W2026-03-02');
    expect(periodOf('weekly', wed, 'friday')).toBe('W2026-02-27');
    expect(nextDueAt('daily', wed, 'monday')).toBe('2026-03-05T00:00:00.000Z');
    expect(nextDueAt('weekly', wed, 'monday')).toBe('2026-03-09T00:00:00.000Z');
  });
});
