import { describe, expect, it } from 'vitest';
import { listAllEntries } from '#shared/coop/store.js';
import { request, useLocalHttp } from '../../../helpers/local-http.js';

/**
 * Submitting an offer or a request on the web, end to end on the local stack's HTTP port over
 * dynalite and aws-ses-v2-local: the form refuses what means nothing and stores nothing; a good
 * form holds the entry and emails a signed link; the link shows the entry and a button (a GET
 * publishes nothing); the button publishes it once, whatever is replayed or sent again.
 */

const local = useLocalHttp();
const FORM = 'application/x-www-form-urlencoded';

async function formToken(kind: 'offer' | 'request', lang: 'en' | 'es'): Promise<string> {
  const page = await request(`${local.stack.base}/coop/new?kind=${kind}&lang=${lang}`);
  expect(page.status).toBe(200);
  return /name="form" value="([^"]+)"/.exec(page.body)?.[1] as string;
}

const post = (
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return request(`${local.stack.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': FORM, ...headers },
    body: body.toString(),
  });
};

/** The publishing links the emulator received for an address, oldest first. */
async function linksTo(address: string): Promise<string[]> {
  const emails = (await local.services.sentEmails()).filter((e) => e.destination.to.includes(address));
  return emails.map(
    (e) => /(http\S+\/coop\/confirm\?token=[A-Za-z0-9_.-]+)/.exec(e.body.text ?? '')?.[1] as string,
  );
}

/** The submissions held (COOPWEB#) for an address. */
async function heldFor(address: string): Promise<unknown[]> {
  const held: unknown[] = [];
  for await (const item of local.stack.runtime.store.scan())
    if (String(item.pk).startsWith('COOPWEB#') && item.email === address) held.push(item);
  return held;
}

const fields = (contact: string, lang: 'en' | 'es') => ({
  lang,
  kind: 'request',
  title: 'Construir un registro social de hogares',
  summary:
    'Necesitamos apoyo para diseñar un registro social integrado, con interoperabilidad entre ministerios.',
  topics: 'registros sociales, focalización',
  country: 'Honduras',
  institution: 'SEDESOL Honduras',
  contact,
  modalities: ['technical-visit', 'virtual-exchange'],
  languages: 'es',
  timeFrame: 'primer semestre de 2027',
});

describe('an offer or request submitted on the web', () => {
  it('is held until the contact follows the emailed link, then published once, whatever is replayed', async () => {
    const { runtime } = local.stack;
    const contact = 'registro@sedesol.example.org';
    const sent = await post('/coop/new', {
      ...fields(contact, 'es'),
      form: await formToken('request', 'es'),
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toContain('Revise su correo');
    expect(await listAllEntries(runtime.store)).toEqual([]);
    expect(await heldFor(contact)).toHaveLength(1);

    const [link] = await linksTo(contact);
    expect(link).toMatch(new RegExp(`^${local.stack.base}/coop/confirm\\?token=`));
    const email = (await local.services.sentEmails()).find((e) => e.destination.to.includes(contact))!;
    expect(email.subject).toBe('Publicar en el intercambio de cooperación de la RIPSO');
    // The email carries no submitted text: only the link.
    expect(`${email.body.text}${email.body.html}`).not.toContain('SEDESOL');

    // Following the link shows what will be published and a button: still nothing published.
    const shown = await request(link as string);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('Construir un registro social de hogares');
    expect(shown.body).toContain('>Publicar</button>');
    expect(await listAllEntries(runtime.store)).toEqual([]);

    const token = new URL(link as string).searchParams.get('token') as string;
    const published = await post('/coop/confirm', { token });
    expect(published.status).toBe(200);
    const [entry, ...others] = await listAllEntries(runtime.store);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      kind: 'request',
      status: 'open',
      topics: ['social-registries', 'targeting'],
      country: 'HN',
      timeFrame: 'primer semestre de 2027',
      origin: { face: 'web', address: contact, language: 'es' },
    });
    expect(published.body).toContain(entry!.id);

    // The button again, the link again, the same form sent again and its new link: one entry.
    expect((await post('/coop/confirm', { token })).body).toContain(entry!.id);
    expect((await request(link as string)).body).toContain(entry!.id);
    await post('/coop/new', { ...fields(contact, 'es'), form: await formToken('request', 'es') });
    const links = await linksTo(contact);
    expect(links).toHaveLength(2);
    expect(await heldFor(contact)).toHaveLength(1);
    const again = new URL(links[1] as string).searchParams.get('token') as string;
    await Promise.all([post('/coop/confirm', { token: again }), post('/coop/confirm', { token: again })]);
    expect((await listAllEntries(runtime.store)).map((e) => e.id)).toEqual([entry!.id]);
  });

  it('refuses a tampered or foreign link and publishes nothing', async () => {
    const { runtime } = local.stack;
    const contact = 'tamper@example.org';
    await post('/coop/new', {
      ...fields(contact, 'en'),
      kind: 'offer',
      form: await formToken('offer', 'en'),
    });
    const [link] = await linksTo(contact);
    const token = new URL(link as string).searchParams.get('token') as string;
    const [payload, signature] = token.split('.') as [string, string];
    const flipped = `${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const before = (await listAllEntries(runtime.store)).length;
    for (const bad of [flipped, `${payload}x.${signature}`, 'nonsense']) {
      const answer = await post('/coop/confirm', { token: bad });
      expect(answer.status, bad).toBe(400);
      expect(answer.body).toContain('This link does not work');
      expect((await request(`${local.stack.base}/coop/confirm?token=${bad}`)).status).toBe(400);
    }
    expect(await listAllEntries(runtime.store)).toHaveLength(before);
  });

  it('refuses what means nothing on its field, with the closest value, and holds and sends nothing', async () => {
    const contact = 'refused@example.org';
    const answer = await post('/coop/new', {
      ...fields(contact, 'es'),
      topics: 'focalizacoin',
      country: 'Hondura',
      form: await formToken('request', 'es'),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain(
      '“focalizacoin” no es un tema que conozcamos. ¿Quiso decir Sistemas de focalización',
    );
    expect(answer.body).toContain('“Hondura” no es un país que conozcamos. ¿Quiso decir Honduras');
    expect(answer.body).toContain('value="focalizacoin"');
    expect(await linksTo(contact)).toEqual([]);
    expect(await heldFor(contact)).toEqual([]);
  });

  it('refuses a post from another site and a form without its token', async () => {
    const contact = 'csrf@example.org';
    const cross = await post(
      '/coop/new',
      { ...fields(contact, 'en'), form: await formToken('request', 'en') },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.status).toBe(403);
    const tokenless = await post('/coop/new', { ...fields(contact, 'en') });
    expect(tokenless.status).toBe(400);
    expect(tokenless.body).toContain('The form was too old: send it again.');
    // A token fetched by another client (127.0.0.2) does not pass for this one.
    const elsewhere = await request(`${local.stack.base}/coop/new?kind=request`, { from: '127.0.0.2' });
    const foreign = /name="form" value="([^"]+)"/.exec(elsewhere.body)?.[1] as string;
    expect((await post('/coop/new', { ...fields(contact, 'en'), form: foreign })).status).toBe(400);
    expect(await linksTo(contact)).toEqual([]);
    expect(await heldFor(contact)).toEqual([]);
  });
});
