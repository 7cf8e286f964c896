import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addFeed,
  type Feed,
  findFeed,
  findPartner,
  getFeed,
  guessPartnerKind,
  listFeeds,
  moveFeedUrl,
  newFeedHealth,
  partnerKindOf,
  putPartner,
  RegistryError,
  removeFeed,
  removePartner,
  setFeedStatus,
} from '#shared/library/registry.js';
import {
  exportRegistry,
  importRegistry,
  opmlToRegistry,
  registryToOpml,
} from '#shared/library/registry-io.js';
import { fixedClock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

const clock = fixedClock('2025-06-01T00:00:00.000Z');
const feed = (id: string, url: string, partnerId = 'midis-pe'): Feed => ({
  id,
  partnerId,
  url,
  defaultLanguage: 'es',
  defaultTopics: ['social-registries'],
  defaultCountries: ['PE'],
  status: 'active',
  health: newFeedHealth(),
  createdAt: clock().toISOString(),
});

describe('the partner and feed registry', () => {
  let services: TestServices;
  let runtime: Runtime;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    runtime = await services.newRuntime({}, clock);
    await putPartner(
      runtime.store,
      {
        id: 'midis-pe',
        name: 'Ministerio de Desarrollo e Inclusión Social',
        kind: 'ministry',
        country: 'PE',
        languages: ['es'],
        createdAt: clock().toISOString(),
      },
      'create',
    );
  });
  afterAll(async () => services.close());

  it('writes a partner once and finds it by id or by name, accents ignored', async () => {
    const again = await putPartner(
      runtime.store,
      { id: 'midis-pe', name: 'Other', kind: 'ngo', languages: [], createdAt: clock().toISOString() },
      'create',
    );
    expect(again).toBe(false);
    expect((await findPartner(runtime.store, 'ministerio de desarrollo e inclusion social'))?.id).toBe(
      'midis-pe',
    );
    await expect(
      putPartner(
        runtime.store,
        { id: 'Bad Id', name: 'x', kind: 'ngo', languages: [], createdAt: '' },
        'create',
      ),
    ).rejects.toThrow(/slug/);
    await expect(
      putPartner(
        runtime.store,
        { id: 'web', name: 'x', kind: 'ngo', website: 'www.example.org', languages: [], createdAt: '' },
        'create',
      ),
    ).rejects.toThrow(/Website must be an absolute http\(s\) URL/);
  });

  it('refuses a document that is not a registry, and a partner website that is not a web URL, writing nothing', async () => {
    await expect(importRegistry(runtime.store, { foo: 1 }, clock)).rejects.toThrow(
      /needs a "partners" or a "feeds" array/,
    );
    await expect(
      importRegistry(
        runtime.store,
        { partners: [{ id: 'js', name: 'JS', kind: 'ngo', website: 'javascript:alert(1)' }] },
        clock,
      ),
    ).rejects.toThrow(/partners\.0\.website: must be an absolute http\(s\) URL/);
    expect(await findPartner(runtime.store, 'js')).toBeUndefined();
  });

  it('registers a feed URL once, however it is spelt', async () => {
    await addFeed(runtime.store, feed('noticias', 'https://www.midis.example.gob.pe/rss.xml'));
    await expect(
      addFeed(runtime.store, feed('copy', 'HTTPS://WWW.MIDIS.example.gob.pe/rss.xml#top')),
    ).rejects.toThrow(/already registered as feed noticias/);
    await expect(addFeed(runtime.store, feed('noticias', 'https://other.example.org/rss'))).rejects.toThrow(
      /feed with id noticias already exists/,
    );
    // The losing id did not keep a claim on its URL.
    await addFeed(runtime.store, feed('other', 'https://other.example.org/rss'));
    await expect(addFeed(runtime.store, feed('js', 'javascript:alert(1)'))).rejects.toThrow(RegistryError);
    expect((await findFeed(runtime.store, 'https://www.midis.example.gob.pe/rss.xml'))?.id).toBe('noticias');
  });

  it('pauses and resumes (a resume clears the failure streak), moves and removes feeds', async () => {
    await runtime.store.update(
      { pk: 'FEED#other', sk: 'FEED' },
      { set: { health: { consecutiveFailures: 4 } } },
    );
    await setFeedStatus(runtime.store, 'other', 'paused');
    expect((await getFeed(runtime.store, 'other'))?.status).toBe('paused');
    const resumed = await setFeedStatus(runtime.store, 'other', 'active');
    expect(resumed).toMatchObject({ status: 'active', health: { consecutiveFailures: 0 } });
    await moveFeedUrl(runtime.store, 'other', 'https://other.example.org/rss2');
    await addFeed(runtime.store, feed('reuse', 'https://other.example.org/rss'));
    await expect(removePartner(runtime.store, 'midis-pe')).rejects.toThrow(/still has 3 feed/);
    await removeFeed(runtime.store, 'reuse');
    expect((await listFeeds(runtime.store)).map((f) => f.id).sort()).toEqual(['noticias', 'other']);
  });

  it('moves a feed to a URL only it may claim, and finishes a move cut short', async () => {
    await addFeed(runtime.store, feed('mover', 'https://mover.example.org/old'));
    await expect(moveFeedUrl(runtime.store, 'mover', 'https://other.example.org/rss2')).rejects.toThrow(
      /already registered as feed other/,
    );
    // A move that claimed its new URL, then stopped before updating the feed.
    await runtime.store.putIfAbsent({
      ...keys.feedUrl('https://mover.example.org/new'),
      feedId: 'mover',
      url: 'https://mover.example.org/new',
    });
    const moved = await moveFeedUrl(runtime.store, 'mover', 'https://mover.example.org/new');
    expect(moved.url).toBe('https://mover.example.org/new');
    expect((await findFeed(runtime.store, 'https://mover.example.org/new'))?.id).toBe('mover');
    expect(await findFeed(runtime.store, 'https://mover.example.org/old')).toBeUndefined();
    await removeFeed(runtime.store, 'mover');
  });

  it('round-trips through OPML and JSON into a new store', async () => {
    const exported = await exportRegistry(runtime.store);
    const opml = registryToOpml(exported);
    const fromOpml = opmlToRegistry(opml);
    const fresh = await services.newRuntime({}, clock);
    const report = await importRegistry(fresh.store, fromOpml, clock);
    expect(report).toMatchObject({
      partnersAdded: ['midis-pe'],
      feedsAdded: ['noticias', 'other'],
      feedsSkipped: [],
    });
    expect(await exportRegistry(fresh.store)).toEqual(exported);
    // Importing again adds nothing.
    const twice = await importRegistry(fresh.store, JSON.parse(JSON.stringify(exported)), clock);
    expect(twice.feedsAdded).toEqual([]);
    expect(twice.feedsSkipped).toHaveLength(2);
  });

  it('reads a plain OPML export from another reader, with a default partner', () => {
    const doc = opmlToRegistry(
      `<?xml version="1.0"?><opml version="1.0"><body><outline text="A &amp; B" type="rss" xmlUrl="https://a.example.org/feed"/></body></opml>`,
      'midis-pe',
    );
    expect(doc.feeds).toEqual([
      expect.objectContaining({ partnerId: 'midis-pe', url: 'https://a.example.org/feed', title: 'A & B' }),
    ]);
    expect(() =>
      opmlToRegistry('<opml><body><outline xmlUrl="https://x.example.org/"/></body></opml>'),
    ).toThrow(/--partner/);
  });
});

describe('an OPML file written by hand, imported', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await startTestServices({ ses: false });
  });
  afterAll(async () => services.close());

  const opml = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Mis fuentes</title></head><body>${body}</body></opml>`;

  it('takes the outline nearest a feed as its partner: a folder that only groups partners is none', () => {
    const doc = opmlToRegistry(
      opml(`<outline text="Ministerios">
        <outline text="Secretaría de Bienestar (México)" htmlUrl="https://www.gob.mx/bienestar">
          <outline type="rss" text="Comunicados &amp; prensa" xmlUrl="https://www.gob.mx/bienestar/prensa.rss"/>
        </outline>
      </outline>`),
    );
    expect(doc.partners).toEqual([
      expect.objectContaining({
        id: 'secretaria-de-bienestar-mexico',
        name: 'Secretaría de Bienestar (México)',
        kind: 'ministry',
        website: 'https://www.gob.mx/bienestar',
      }),
    ]);
    expect(doc.feeds).toEqual([
      expect.objectContaining({ partnerId: 'secretaria-de-bienestar-mexico', title: 'Comunicados & prensa' }),
    ]);
  });

  it('names a partner whose outline text has no letters after its website, not "x"', () => {
    const doc = opmlToRegistry(
      opml(
        `<outline text="***"><outline type="rss" text="Blog" xmlUrl="https://www.stars.example.org/feed/"/></outline>`,
      ),
    );
    expect(doc.partners).toEqual([
      expect.objectContaining({ id: 'stars-example-org', name: 'stars-example-org' }),
    ]);
    expect(doc.feeds?.[0]?.partnerId).toBe('stars-example-org');
  });

  it('reads xmlurl in any letter case, and refuses a feed outline without one, naming it', () => {
    const doc = opmlToRegistry(
      opml(
        `<outline text="Red"><outline text="Blog" type="rss" xmlurl="https://red.example.org/rss.xml"/></outline>`,
      ),
    );
    expect(doc.feeds).toEqual([
      expect.objectContaining({ url: 'https://red.example.org/rss.xml', partnerId: 'red' }),
    ]);
    expect(() =>
      opmlToRegistry(
        opml(
          `<outline text="Red"><outline text="Noticias" type="rss" url="https://red.example.org/n.xml"/></outline>`,
        ),
      ),
    ).toThrow('Nothing imported: outline "Noticias" is a feed (type rss) without an xmlUrl attribute');
  });

  it('names every feed outside a partner outline when no --partner is given', () => {
    expect(() =>
      opmlToRegistry(
        opml(
          '<outline type="rss" text="A" xmlUrl="https://a.example.org/feed"/><outline type="rss" text="B" xmlUrl="https://b.example.org/feed"/>',
        ),
      ),
    ).toThrow(
      'Nothing imported: 2 feeds (https://a.example.org/feed, https://b.example.org/feed) are outside a partner outline: name their partner with --partner',
    );
  });

  it('adds a URL listed twice once, saying so; a long partner name leaves the feed its own name in its id', async () => {
    const runtime = await services.newRuntime({}, clock);
    const doc = opmlToRegistry(
      opml(`<outline text="Ministerio de Desarrollo e Inclusión Social del Perú — Dirección General de Seguimiento y Evaluación">
        <outline type="rss" text="Evaluaciones" xmlUrl="https://dgse.example.gob.pe/rss"/>
        <outline type="rss" text="Evaluaciones (otra vez)" xmlUrl="https://DGSE.example.gob.pe/rss#top"/>
      </outline>`),
    );
    const report = await importRegistry(runtime.store, doc, clock);
    expect(report.partnersAdded).toEqual(['ministerio-de-desarrollo-e-inclusion-social-del']);
    expect(report.feedsAdded).toEqual(['ministerio-de-desarrollo-e-evaluaciones']);
    expect(report.feedsSkipped).toEqual([
      {
        url: 'https://DGSE.example.gob.pe/rss#top',
        reason: 'listed again in this file (added as ministerio-de-desarrollo-e-evaluaciones)',
      },
    ]);
  });
});

describe('guessPartnerKind', () => {
  it.each([
    ['Ministerio de Desarrollo Social', 'ministry'],
    ['Ministério da Cidadania', 'ministry'],
    ['Secretaría de Bienestar', 'ministry'],
    ['Universidad de los Andes', 'academia'],
    ['Banco Interamericano de Desarrollo', 'international-organisation'],
    ['UNICEF Latin America', 'international-organisation'],
    ['World Bank', 'international-organisation'],
    ['Acme Consulting Inc', 'private-sector'],
    ['Fundación Ayuda en Acción', 'ngo'],
    ['Women who lead', 'ngo'],
  ])('%s is a %s', (name, kind) => {
    expect(guessPartnerKind(name)).toBe(kind);
  });
});

describe('partnerKindOf, a kind as an admin types it', () => {
  it.each([
    ['ministry', 'ministry'],
    ['international', 'international-organisation'],
    ['Private', 'private-sector'],
    ['ministerio', 'ministry'],
    ['ONG', 'ngo'],
    ['universidad', 'academia'],
    ['organismo internacional', 'international-organisation'],
  ])('%s is %s', (typed, kind) => {
    expect(partnerKindOf(typed)).toBe(kind);
  });

  it('names none for a word of no kind, or a start shared by two', () => {
    expect(partnerKindOf('charity')).toBeUndefined();
    // "o" starts ong (an NGO) and organismo internacional.
    expect(partnerKindOf('o')).toBeUndefined();
    expect(partnerKindOf('')).toBeUndefined();
  });
});
