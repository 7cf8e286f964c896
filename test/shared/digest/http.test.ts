import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscriptionHandler } from '#shared/digest/http.js';
import { nextDueAt, periodOf } from '#shared/digest/schedule.js';
import { getSubscription, RATE_LIMITS, startSubscription } from '#shared/digest/subscriptions.js';
import { signToken, verifyToken } from '#shared/digest/tokens.js';
import { Store } from '#shared/store/store.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { formBody, httpEvent, makeResource, movableClock, storeResources } from './helpers.js';

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices();
});
afterAll(() => services.close());

const hiddenField = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] as string;

describe('the subscription pages', () => {
  it('work without JavaScript: the HTML form subscribes, in Spanish, with a CSRF token', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const handler = createSubscriptionHandler(runtime);
    const page = await handler(httpEvent('GET', '/email/subscribe?lang=es'));
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="es">');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<label for="email">');
    expect(page.body).toContain('name="viewport"');

    const form = hiddenField(page.body as string, 'form');
    const fields = {
      email: 'form@example.org',
      language: 'es',
      frequency: 'daily',
      types: ['document', 'news'],
      topics: 'housing',
      countries: 'pe',
      lang: 'es',
    };
    const forged = await handler(
      httpEvent('POST', '/email/subscribe', {
        contentType: 'application/x-www-form-urlencoded',
        body: formBody(fields),
      }),
    );
    expect(forged.statusCode).toBe(400);
    expect(await getSubscription(runtime, 'form@example.org')).toBeUndefined();

    const ok = await handler(
      httpEvent('POST', '/email/subscribe', {
        contentType: 'application/x-www-form-urlencoded',
        body: formBody({ ...fields, form }),
      }),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Revise su correo');
    expect(await getSubscription(runtime, 'form@example.org')).toMatchObject({
      status: 'pending',
      language: 'es',
      frequency: 'daily',
      filter: { types: ['document', 'news'], topics: ['housing'], countries: ['PE'] },
    });
  });

  it('answer the same whether or not an address is already subscribed', async () => {
    const runtime = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const handler = createSubscriptionHandler(runtime);
    const subscribe = (email: string) =>
      handler(
        httpEvent('POST', '/email/subscribe', {
          contentType: 'application/json',
          body: JSON.stringify({ email }),
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
    const saved = await handler(
      httpEvent('POST', '/email/preferences', {
        contentType: 'application/x-www-form-urlencoded',
        body: formBody({
          token,
          language: 'es',
          frequency: 'weekly',
          languages: ['es'],
          topics: '',
          countries: 'MX',
        }),
      }),
    );
    expect(saved.statusCode).toBe(200);
    expect(await getSubscription(runtime, 'prefs@example.org')).toMatchObject({
      language: 'es',
      frequency: 'weekly',
      filter: { languages: ['es'], countries: ['MX'] },
    });
    // A token for another purpose, a tampered one, or none: refused.
    const unsubscribeToken = signToken('test-token-secret', 'unsubscribe', { sub: sub.id }, runtime.clock());
    for (const bad of [unsubscribeToken, `${token}x`, '']) {
      expect((await handler(httpEvent('GET', `/email/preferences?token=${bad}`))).statusCode).toBe(400);
    }
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
