import { describe, expect, it } from 'vitest';
import { getSubscription, subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { signToken } from '#shared/digest/tokens.js';
import { request, useLocalHttp } from '../../helpers/local-http.js';

/**
 * Regressions (issue 13.6), against the local stack's HTTP server, dynalite and aws-ses-v2-local:
 * the subscription JSON path took no form token and cross-origin `text/plain` posts were accepted;
 * an email token with junk appended (`!!~~`) was accepted; the subscribe form posted to the wrong
 * URL when the page was opened as `/email` or `/email/subscribe/`.
 */

const local = useLocalHttp();

const formToken = (html: string) => /name="form" value="([^"]+)"/.exec(html)?.[1] ?? '';
const sameOrigin = () => ({ origin: local.stack.base, 'sec-fetch-site': 'same-origin' });

async function jsonToken(from = '127.0.0.1'): Promise<string> {
  const res = await request(`${local.stack.base}/email/subscribe`, {
    from,
    headers: { accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { form: string }).form;
}

const postJson = (body: unknown, headers: Record<string, string> = {}, from = '127.0.0.1') =>
  request(`${local.stack.base}/email/subscribe`, {
    method: 'POST',
    from,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the subscription JSON path', () => {
  it('needs the form token, from the client that fetched it', async () => {
    const without = await postJson({ email: 'no-token@example.org' }, sameOrigin());
    expect(without.status).toBe(403);
    // A token fetched by one client (an attacker's server) does not pass from another (a visitor's browser).
    const elsewhere = await postJson(
      { email: 'other-ip@example.org', form: await jsonToken('127.0.0.2') },
      sameOrigin(),
    );
    expect(elsewhere.status).toBe(403);
    const ok = await postJson({ email: 'json-ok@example.org', form: await jsonToken() }, sameOrigin());
    expect(ok.status).toBe(202);
    for (const email of ['no-token@example.org', 'other-ip@example.org'])
      expect(await getSubscription(local.stack.runtime, email)).toBeUndefined();
    expect((await getSubscription(local.stack.runtime, 'json-ok@example.org'))?.status).toBe('pending');
  });

  it('refuses posts from another site, whatever their content type', async () => {
    const form = await jsonToken();
    const attempts = [
      postJson({ email: 'x1@example.org', form }, { origin: 'https://evil.example' }),
      postJson(
        { email: 'x2@example.org', form },
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      ),
      postJson({ email: 'x3@example.org', form }, { origin: 'null' }),
      postJson({ email: 'x4@example.org', form }, { 'sec-fetch-site': 'same-site' }),
      // text/plain is what a cross-site page can send without a preflight.
      request(`${local.stack.base}/email/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
        body: `email=x5@example.org&form=${form}`,
      }),
      request(`${local.stack.base}/email/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: `email=x6@example.org&form=${form}`,
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 415]);
    for (let i = 1; i <= 6; i += 1)
      expect(await getSubscription(local.stack.runtime, `x${i}@example.org`)).toBeUndefined();
  });

  it('refuses a cross-site post of the preferences form', async () => {
    const sub = await subscribeConfirmed(local.stack.runtime, { email: 'prefs-csrf@example.org' });
    const token = signToken('test-token-secret', 'manage', { sub: sub.id }, new Date());
    const res = await request(`${local.stack.base}/email/preferences`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ token, frequency: 'daily', countries: 'PE' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await getSubscription(local.stack.runtime, 'prefs-csrf@example.org'))?.filter).toEqual({});
  });
});

describe('email tokens', () => {
  it('with junk characters appended are refused on every page that takes one', async () => {
    const sub = await subscribeConfirmed(local.stack.runtime, { email: 'junk@example.org' });
    const now = new Date();
    for (const [path, purpose] of [
      ['preferences', 'manage'],
      ['unsubscribe', 'unsubscribe'],
      ['confirm', 'confirm'],
    ] as const) {
      const token = signToken('test-token-secret', purpose, { sub: sub.id }, now);
      expect((await request(`${local.stack.base}/email/${path}?token=${token}`)).status).toBe(200);
      for (const junk of [`${token}!!~~`, `${token}%21%21~~`, `${token}==`]) {
        const res = await request(`${local.stack.base}/email/${path}?token=${junk}`);
        expect(res.status, `${path} ${junk.slice(-6)}`).toBe(400);
      }
      const posted = await request(`${local.stack.base}/email/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameOrigin() },
        body: new URLSearchParams({ token: `${token}!!~~` }).toString(),
      });
      expect(posted.status).toBe(400);
    }
    expect((await getSubscription(local.stack.runtime, 'junk@example.org'))?.status).toBe('confirmed');
  });
});

describe('the subscribe form', () => {
  it('posts to the subscribe URL from every address the page is served at', async () => {
    for (const [i, path] of ['/email', '/email/', '/email/subscribe', '/email/subscribe/'].entries()) {
      const pageUrl = `${local.stack.base}${path}`;
      const page = await request(pageUrl);
      expect(page.status).toBe(200);
      const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1] as string;
      // Resolved as a browser resolves it, against the page's own URL.
      const target = new URL(action, pageUrl);
      expect(target.href).toBe(`${local.stack.base}/email/subscribe`);
      const email = `path${i}@example.org`;
      const res = await request(target.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameOrigin() },
        body: new URLSearchParams({ email, form: formToken(page.body), topics: 'housing' }).toString(),
      });
      expect(res.status).toBe(200);
      expect(res.body).toContain('Check your email');
      expect((await getSubscription(local.stack.runtime, email))?.filter).toEqual({ topics: ['housing'] });
    }
  });
});
