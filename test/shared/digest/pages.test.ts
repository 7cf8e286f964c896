import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscriptionHandler } from '#shared/digest/http.js';
import { startSubscription } from '#shared/digest/subscriptions.js';
import { signToken } from '#shared/digest/tokens.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { formBody, httpEvent, makeResource, movableClock, storeResources } from './helpers.js';

/** What the confirmation and unsubscribe pages tell a subscriber, and what every page carries. */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services?.close());

const SECRET = 'test-token-secret';
const postToken = (path: string, token: string) =>
  httpEvent('POST', path, { contentType: 'application/x-www-form-urlencoded', body: formBody({ token }) });

async function subscribed(language: 'en' | 'es', email: string) {
  const clock = movableClock('2026-03-02T09:00:00.000Z');
  const runtime = await services.newRuntime({}, clock);
  await storeResources(runtime.store, [
    makeResource({ id: 'pe-1', countries: ['PE'], firstSeenAt: '2026-02-20T00:00:00.000Z' }),
    makeResource({ id: 'co-1', countries: ['CO'], firstSeenAt: '2026-02-21T00:00:00.000Z' }),
  ]);
  await refreshSearchIndex(runtime);
  const result = await startSubscription(runtime, {
    email,
    language,
    frequency: 'daily',
    filter: { countries: ['PE'] },
    source: 'test',
  });
  expect(result.status).toBe('sent');
  const id = keys.subscription(email).pk.slice(4);
  return { runtime, id, handler: createSubscriptionHandler(runtime), now: clock() };
}

describe('the confirmation page', () => {
  it.each([
    ['es', /Eligió: país: Perú \(diaria\)\./, /habrían traído 1 recurso\./],
    ['en', /You chose: country: Peru \(daily\)\./, /would have brought 1 resource\./],
  ] as const)(
    '(%s) summarises the choices and what they would have brought in the last 30 days',
    async (lang, chosen, preview) => {
      const { id, handler, now } = await subscribed(lang, `confirm-${lang}@example.org`);
      const page = await handler(postToken('/email/confirm', signToken(SECRET, 'confirm', { sub: id }, now)));
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(chosen);
      expect(page.body).toMatch(preview);
    },
  );
});

describe('the unsubscribe page', () => {
  it('links to subscribing again and to the preferences, in the subscription language', async () => {
    const { id, handler, now } = await subscribed('es', 'leave@example.org');
    const page = await handler(
      postToken('/email/unsubscribe', signToken(SECRET, 'unsubscribe', { sub: id }, now)),
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/email/subscribe?lang=es">Suscribirse de nuevo</a>');
    expect(page.body).toMatch(/<a href="[^"]*\/email\/preferences\?token=[^"]+">/);
  });
});

describe('the confirm and unsubscribe buttons', () => {
  it('switch language and keep the token', async () => {
    const { id, handler, now } = await subscribed('es', 'switch@example.org');
    const token = signToken(SECRET, 'unsubscribe', { sub: id }, now);
    const page = (await handler(httpEvent('GET', `/email/unsubscribe?token=${token}`))).body as string;
    expect(page).toContain('<html lang="es">');
    const link = /<a href="([^"]+)" lang="en"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBe(`/email/unsubscribe?token=${encodeURIComponent(token)}&lang=en`);
    const english = (await handler(httpEvent('GET', link!))).body as string;
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(`name="token" value="${token}"`);
  });
});

describe('a bad link', () => {
  it('switches language by asking for itself again', async () => {
    const { handler } = await subscribed('en', 'bad-link@example.org');
    const page = (await handler(httpEvent('GET', '/email/confirm?token=nonsense'))).body as string;
    const link = /<a href="([^"]+)" lang="es"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBe('/email/confirm?token=nonsense&lang=es');
    expect((await handler(httpEvent('GET', link!))).body).toContain('<html lang="es">');
  });
});

describe('every page', () => {
  it("carries the portal's name and a short privacy note in its language", async () => {
    const { handler } = await subscribed('en', 'every@example.org');
    for (const [path, portal, privacy] of [
      ['/email/subscribe?lang=es', 'Portal de Conocimiento de la RIPSO', 'Guardamos su dirección de correo'],
      ['/email/subscribe?lang=en', 'IASPN Knowledge Portal', 'We store your email address'],
      ['/email/confirm?token=nonsense', 'IASPN Knowledge Portal', 'We store your email address'],
    ] as const) {
      const page = (await handler(httpEvent('GET', path))).body as string;
      expect(page, path).toContain(portal);
      expect(page, path).toContain(privacy);
    }
  });
});

/** The language switch's target on a page: its href, unescaped. */
const switchLink = (page: string, to: 'en' | 'es') =>
  new RegExp(`<p class="lang"><a href="([^"]+)" lang="${to}"`).exec(page)?.[1]?.replaceAll('&amp;', '&');
const titleOf = (page: string) => /<h1>([^<]*)<\/h1>/.exec(page)?.[1];

describe('the pages a form post shows', () => {
  it('confirmed: switches to the same result in the other language, by a GET that changes nothing', async () => {
    const { runtime, id, handler, now } = await subscribed('es', 'post-confirm@example.org');
    const token = signToken(SECRET, 'confirm', { sub: id }, now);
    const confirmed = (await handler(postToken('/email/confirm', token))).body as string;
    expect(titleOf(confirmed)).toBe('Suscripción confirmada');
    const link = switchLink(confirmed, 'en');
    // The token the form posted, the one the confirm page's own URL carried: nothing new in the link.
    expect(link).toBe(`/email/confirm?token=${encodeURIComponent(token)}&lang=en`);
    const before = await runtime.store.get(keys.subscription('post-confirm@example.org'));
    const english = (await handler(httpEvent('GET', link!))).body as string;
    expect(english).toContain('<html lang="en">');
    expect(titleOf(english)).toBe('Subscription confirmed');
    expect(english).toMatch(/You chose: country: Peru \(daily\)\./);
    expect(english).not.toContain('<form');
    expect(await runtime.store.get(keys.subscription('post-confirm@example.org'))).toEqual(before);
    // And back: the English result page switches to the Spanish one.
    expect(switchLink(english, 'es')).toBe(`/email/confirm?token=${encodeURIComponent(token)}&lang=es`);
  });

  it('unsubscribed: switches to the same result in the other language, which subscribes nobody again', async () => {
    const { runtime, id, handler, now } = await subscribed('en', 'post-leave@example.org');
    const token = signToken(SECRET, 'unsubscribe', { sub: id }, now);
    const left = (await handler(postToken('/email/unsubscribe', token))).body as string;
    expect(titleOf(left)).toBe('You are unsubscribed');
    const link = switchLink(left, 'es');
    expect(link).toBe(`/email/unsubscribe?token=${encodeURIComponent(token)}&lang=es`);
    const spanish = (await handler(httpEvent('GET', link!))).body as string;
    expect(spanish).toContain('<html lang="es">');
    expect(titleOf(spanish)).toBe('Suscripción cancelada');
    expect(spanish).not.toContain('<form');
    expect(spanish).toContain('<a href="/email/subscribe?lang=es">Suscribirse de nuevo</a>');
    expect((await runtime.store.get(keys.subscription('post-leave@example.org')))?.status).toBe(
      'unsubscribed',
    );
  });

  it('preferences saved: switches to the preferences form in the other language, with the token it was posted with', async () => {
    const { handler, id, now } = await subscribed('en', 'post-prefs@example.org');
    const token = signToken(SECRET, 'manage', { sub: id }, now);
    const body = formBody({ token, lang: 'en', language: 'en', frequency: 'weekly', countries: 'PE' });
    const saved = (
      await handler(
        httpEvent('POST', '/email/preferences', {
          contentType: 'application/x-www-form-urlencoded',
          body,
        }),
      )
    ).body as string;
    expect(titleOf(saved)).toBe('Preferences saved');
    const link = switchLink(saved, 'es');
    expect(link).toBe(`/email/preferences?token=${encodeURIComponent(token)}&lang=es`);
    const form = (await handler(httpEvent('GET', link!))).body as string;
    expect(form).toContain('<html lang="es">');
    expect(titleOf(form)).toBe('Preferencias del resumen');
    expect(form).toContain('<option value="weekly" selected>');
  });

  it('check your email: switches to the same message in the other language, a page with no state', async () => {
    const { handler } = await subscribed('en', 'post-sent@example.org');
    const sent = (await handler(httpEvent('GET', '/email/sent?lang=es'))).body as string;
    expect(titleOf(sent)).toBe('Revise su correo');
    expect(switchLink(sent, 'en')).toBe('/email/sent?lang=en');
    expect(titleOf((await handler(httpEvent('GET', '/email/sent?lang=en'))).body as string)).toBe(
      'Check your email',
    );
    expect((await handler(httpEvent('POST', '/email/sent'))).statusCode).toBe(405);
  });

  it('a refused post (a bad token) switches to its page, without the token, in the other language', async () => {
    const { handler } = await subscribed('en', 'post-bad@example.org');
    const page = (await handler(postToken('/email/confirm', 'nonsense'))).body as string;
    expect(switchLink(page, 'es')).toBe('/email/confirm?lang=es');
  });
});
