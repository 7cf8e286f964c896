import { beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import type { SearchRequest } from '#shared/search/types.js';
import { wordTranslations } from '#shared/search/vocabulary.js';
import { SAMPLE_NOW, SAMPLE_PARTNERS, type SampleResource, sampleLibrary } from './sample-library.js';

const NOW = new Date(SAMPLE_NOW);
let library: SampleResource[];
let byId: Map<string, SampleResource>;
let index: SearchIndex;

const search = (query: string, more: Partial<SearchRequest> = {}) =>
  index.search({ query, limit: 10, ...more }, NOW);
const top = (query: string, n = 5) =>
  search(query, { limit: n }).hits.map((h) => byId.get(h.id) as SampleResource);

beforeAll(() => {
  library = sampleLibrary();
  byId = new Map(library.map((r) => [r.id, r]));
  index = SearchIndex.build(library, SAMPLE_PARTNERS, { builtAt: SAMPLE_NOW });
});

describe('SearchIndex: analysis', () => {
  it('folds case and accents: the same results however it is typed', () => {
    const ids = (q: string) => search(q).hits.map((h) => h.id);
    expect(ids('ÍNDICE DE POBREZA MULTIDIMENSIONAL')).toEqual(ids('indice de pobreza multidimensional'));
    expect(ids('Focalización')).toEqual(ids('focalizacion'));
  });

  it('stems English: "evaluations" finds "evaluation"', () => {
    const hits = top('evaluations cash transfers', 3);
    expect(hits.length).toBe(3);
    expect(hits.every((r) => /evaluation|evaluaci[oó]n/i.test(`${r.title} ${r.summary}`))).toBe(true);
  });

  it('stems Spanish: "pensión" finds "pensiones"', () => {
    const hits = top('pensión no contributiva');
    expect(hits.length).toBe(5);
    expect(hits.some((r) => /pensiones/i.test(`${r.title} ${r.summary}`))).toBe(true);
    expect(hits.every((r) => r.meta.topic === 'social-insurance-pensions')).toBe(true);
  });

  it('ignores stop words: a query of only stop words is explained, not run', () => {
    const res = search('the of de la');
    expect(res.hits).toEqual([]);
    expect(res.problems).toEqual([expect.stringMatching(/too common/)]);
  });
});

describe('SearchIndex: an empty library', () => {
  it('says it holds nothing yet, in the member\'s language, rather than a bare "no results"', () => {
    const empty = SearchIndex.build([], new Map(), { builtAt: SAMPLE_NOW });
    const es = empty.search({ query: 'transferencias pais:peru', language: 'es' }, NOW);
    expect(es).toMatchObject({ hits: [], total: 0, libraryEmpty: true });
    expect(es.problems).toContain(
      'La biblioteca todavía no tiene recursos: llegan con la primera recolección de las fuentes de los socios.',
    );
    expect(empty.search({ query: '' }, NOW).problems.at(-1)).toMatch(/^The library holds no resources yet/);
    expect(index.search({ query: 'zzqxw' }, NOW).libraryEmpty).toBeUndefined();
  });
});

describe('SearchIndex: cross-language synonyms from the taxonomy', () => {
  const languages = (hits: SampleResource[]) => new Set(hits.map((r) => r.language));

  it('"conditional cash transfers" finds "programas de transferencias condicionadas"', () => {
    const hits = top('conditional cash transfers', 50);
    expect(hits.every((r) => r.meta.topic !== 'housing')).toBe(true);
    expect(hits.some((r) => r.language === 'es' && /transferencias condicionadas/i.test(r.title))).toBe(true);
  });

  it('"CCT" finds "PTC" and the Spanish names', () => {
    const es = search('CCT lang:es', { limit: 20 }).hits.map((h) => byId.get(h.id) as SampleResource);
    expect(es.length).toBeGreaterThan(5);
    // Programme names tag a resource with the topic too (the Cadastro Único serves Bolsa Família).
    expect(es.every((r) => r.meta.topic === 'conditional-cash-transfers' || r.meta.programme)).toBe(true);
    expect(es.some((r) => /\bPTC\b/.test(r.title))).toBe(true);
  });

  it('"MPI" finds "índice de pobreza multidimensional"', () => {
    const hits = top('MPI', 10);
    expect(hits.every((r) => r.meta.topic === 'multidimensional-poverty')).toBe(true);
    expect(languages(hits)).toEqual(new Set(['en', 'es']));
    const es = top('MPI lang:es', 10);
    expect(es.some((r) => /índice de pobreza multidimensional/i.test(`${r.title} ${r.summary}`))).toBe(true);
  });

  it('"early childhood" finds "primera infancia"', () => {
    const es = top('early childhood lang:es', 10);
    expect(es.length).toBe(10);
    expect(es.every((r) => r.meta.topic === 'early-childhood' || r.meta.topic === 'care-systems')).toBe(true);
    expect(es.some((r) => /primera infancia/i.test(r.title))).toBe(true);
  });

  it('country names bridge the languages: "Brasil" finds "Brazil"', () => {
    const en = top('cash transfers Brasil lang:en', 3);
    expect(en.map((r) => r.meta.country)).toEqual(['BR', 'BR', 'BR']);
  });
});

describe('SearchIndex: typos, prefixes, phrases, exclusion', () => {
  it('tolerates typos in longer words', () => {
    const hits = top('condtional cash tranfers');
    expect(hits.every((r) => r.meta.topic === 'conditional-cash-transfers')).toBe(true);
    expect(top('multidimensional povrety').every((r) => r.meta.topic === 'multidimensional-poverty')).toBe(
      true,
    );
  });

  it('does not fuzz short words (a typo of 4 letters finds nothing)', () => {
    expect(search('hosuing').total).toBeGreaterThan(0);
    expect(search('xqzw').total).toBe(0);
  });

  it('matches the last word typed as a prefix', () => {
    const hits = top('graduation progr');
    expect(hits.length).toBe(5);
    expect(hits.every((r) => r.meta.topic === 'graduation')).toBe(true);
    // Not a prefix once the word is finished.
    expect(search('housing subsid ').total).toBeLessThan(search('housing subsid').total + 1);
  });

  it('requires quoted phrases in sequence', () => {
    const phrase = search('"child nutrition"', { limit: 50 }).hits;
    expect(phrase.length).toBeGreaterThan(0);
    for (const h of phrase)
      expect(`${h.title} ${byId.get(h.id)?.summary}`.toLowerCase()).toContain('child nutrition');
  });

  it('finds a quoted taxonomy phrase in sequence or through its topic, in any language', () => {
    const phrase = search('"cash transfers"', { limit: 50 }).hits;
    expect(phrase.some((h) => h.language === 'es')).toBe(true);
    for (const h of phrase)
      expect(
        `${h.title} ${byId.get(h.id)?.summary}`.toLowerCase().includes('cash transfers') ||
          h.topics.includes('conditional-cash-transfers'),
      ).toBe(true);
  });

  it('excludes -words', () => {
    const all = search('pensions', { limit: 50 }).hits;
    const without = search('pensions -reform', { limit: 50 }).hits;
    expect(all.some((h) => /reform/i.test(h.title))).toBe(true);
    expect(without.length).toBeGreaterThan(0);
    expect(without.some((h) => /reform/i.test(`${h.title} ${byId.get(h.id)?.summary}`))).toBe(false);
  });

  it('lists everything but the excluded when only exclusions and filters are given', () => {
    const res = search('type:event -workshop', { limit: 50 });
    expect(res.total).toBeGreaterThan(0);
    expect(res.hits.every((h) => h.type === 'event' && !/workshop/i.test(h.title))).toBe(true);
  });
});

describe('SearchIndex: filters', () => {
  it.each([
    ['type:video', (r: SampleResource) => r.type === 'video'],
    ['tipo:documento', (r: SampleResource) => r.type === 'document'],
    ['country:peru', (r: SampleResource) => r.countries.includes('PE')],
    ['country:BR', (r: SampleResource) => r.countries.includes('BR')],
    ['topic:"primera infancia"', (r: SampleResource) => r.topics.includes('early-childhood')],
    ['lang:es', (r: SampleResource) => r.language === 'es'],
    ['partner:cispr', (r: SampleResource) => r.partnerId === 'cispr-caribbean'],
    ['partner:midis-pe', (r: SampleResource) => r.partnerId === 'midis-pe'],
    ['since:2024-01-01', (r: SampleResource) => r.publishedAt >= '2024-01-01'],
    ['before:2021', (r: SampleResource) => r.publishedAt < '2021-01-01'],
    ['since:1y', (r: SampleResource) => r.publishedAt >= '2024-06-01T12:00:00.000Z'],
  ])('%s keeps only what it allows, with or without words', (filter, allowed) => {
    const alone = search(filter, { limit: 50 });
    expect(alone.problems).toEqual([]);
    expect(alone.total).toBe(library.filter(allowed).length);
    const withWords = search(`${filter} social`, { limit: 50 });
    expect(withWords.hits.length).toBeGreaterThan(0);
    for (const h of withWords.hits) expect(allowed(byId.get(h.id) as SampleResource)).toBe(true);
  });

  it('reports the filters it understood', () => {
    expect(search('type:video country:brasil partner:cispr health').appliedFilter).toEqual({
      types: ['video'],
      countries: ['BR'],
      partners: ['cispr-caribbean'],
    });
  });

  it('reads an unquoted partner name of several words as one partner, as a follow does (socio:prosperidad social)', () => {
    const partner = (r: SampleResource) =>
      r.partnerId === 'prosperidad-social-co' ||
      r.sources.some((s) => s.partnerId === 'prosperidad-social-co');
    const all = search('socio:prosperidad social', { limit: 50 });
    expect(all.appliedFilter).toEqual({ partners: ['prosperidad-social-co'] });
    expect(all.problems).toEqual([]);
    // "social" is part of the name, not a word every hit must hold: the partner's whole list.
    expect(all.total).toBe(library.filter(partner).length);
    const ids = (q: string) => search(q, { limit: 50 }).hits.map((h) => h.id);
    expect(ids('socio:Prosperidad Social transferencias')).toEqual(
      ids('socio:"prosperidad social" transferencias'),
    );
  });

  it.each([
    'socio:midis y cepal',
    'partner:midis and cepal',
    'socio:midis y comisión económica para américa latina y el caribe',
  ])('reads a partner list written with "y"/"and" as one list (%s), as a follow does', (query) => {
    const either = (r: SampleResource) =>
      [r.partnerId, ...r.sources.map((s) => s.partnerId)].some((p) => p === 'midis-pe' || p === 'cepal');
    const all = search(query, { limit: 50 });
    expect(all.appliedFilter).toEqual({ partners: ['midis-pe', 'cepal'] });
    expect(all.problems).toEqual([]);
    expect(all.total).toBe(library.filter(either).length);
  });

  it("reads dates in the asker's zone when the request gives one (desde:ayer in Lima)", () => {
    // 12:00 UTC on 1 June is 07:00 in Lima: yesterday there began at 05:00 UTC on 31 May.
    expect(search('desde:ayer', { timeZone: 'America/Lima' }).appliedFilter).toEqual({
      since: '2025-05-31T05:00:00.000Z',
    });
    expect(search('desde:ayer').appliedFilter).toEqual({ since: '2025-05-31T00:00:00.000Z' });
  });

  it('ANDs the request filter (a channel context) with the query filters', () => {
    const res = search('lang:es', { filter: { types: ['news'] }, limit: 50 });
    expect(res.total).toBe(library.filter((r) => r.language === 'es' && r.type === 'news').length);
  });

  it('explains a malformed filter and still searches the rest', () => {
    const res = search('country:narnia housing');
    expect(res.problems).toEqual([expect.stringMatching(/"narnia": no such country/)]);
    expect(res.hits.length).toBeGreaterThan(0);
    expect(search('partner:nobody housing').problems).toEqual([
      expect.stringMatching(/"nobody": no such partner/),
    ]);
  });

  it('explains an empty query', () => {
    const res = search('  ');
    expect(res.hits).toEqual([]);
    expect(res.problems).toEqual([expect.stringMatching(/Type a few words/)]);
  });

  it('explains an empty or too common query in Spanish to a Spanish reader', () => {
    expect(search('???', { language: 'es' }).problems).toEqual([
      expect.stringMatching(/^Escriba algunas palabras/),
    ]);
    expect(search('the of de la', { language: 'es' }).problems).toEqual([
      expect.stringMatching(/demasiado comunes/),
    ]);
  });
});

describe('SearchIndex: ranking, results and pages', () => {
  it('ranks a title match above a content-only match', () => {
    const hits = search('hurricane', { limit: 50 }).hits;
    const firstTitle = hits.findIndex((h) => /hurac|hurricane/i.test(h.title));
    const firstNot = hits.findIndex((h) => !/hurac|hurricane/i.test(h.title));
    expect(firstTitle).toBe(0);
    expect(firstNot === -1 || firstNot > firstTitle).toBe(true);
  });

  it('ranks resources about a topic above those that only touch it (main topic first)', () => {
    // In Peru, nutrition is the main topic of some resources and a secondary tag of others
    // (early-childhood reports that mention nutrition); the Spanish "desnutrición" one is found by its tag.
    const hits = search('country:peru nutrition', { limit: 50 }).hits;
    const main = hits.map((h) => h.topics[0] === 'food-nutrition');
    expect(main.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(hits.some((h) => h.topics[0] !== 'food-nutrition' && h.topics.includes('food-nutrition'))).toBe(
      true,
    );
    expect(main.indexOf(false)).toBe(main.filter(Boolean).length);
    expect(hits.some((h) => h.topics[0] === 'food-nutrition' && /desnutrición/.test(h.title))).toBe(true);
  });

  it('prefers the newer of two equally relevant resources', () => {
    const title = library.find((r) => library.filter((o) => o.title === r.title).length > 1)?.title;
    const twins = library.filter((r) => r.title === title);
    expect(twins.length).toBeGreaterThan(1);
    const ranked = search(`"${title}"`, { limit: 50 }).hits.filter((h) => twins.some((t) => t.id === h.id));
    const dates = ranked.map((h) => h.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('is deterministic', () => {
    const a = search('social protection', { limit: 50 });
    const b = search('social protection', { limit: 50 });
    expect(a).toEqual(b);
  });

  it('returns what the faces show, with the matched words marked', () => {
    const [hit] = search('primera infancia Uruguay').hits;
    expect(hit).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      url: expect.stringMatching(/^https:\/\//),
      partnerName: expect.any(String),
      publishedAt: expect.any(String),
      type: expect.any(String),
      language: expect.any(String),
    });
    expect(hit?.snippet).toMatch(/«Uruguay»/);
    expect(hit?.partnerName).not.toBe(hit?.partnerId);
  });

  it('pages with a cursor, without overlaps or gaps', () => {
    const all = search('social', { limit: 50 });
    expect(all.total).toBeGreaterThan(12);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = search('social', { limit: 5, cursor });
      expect(page.problems).toEqual([]);
      seen.push(...page.hits.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 50);
    expect(seen).toEqual(all.hits.map((h) => h.id).slice(0, seen.length));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a cursor of another search: the first page, marked ignoredCursor (each face words it)', () => {
    const cursor = search('social', { limit: 5 }).nextCursor;
    const other = search('housing', { limit: 5, cursor });
    expect(other).toMatchObject({ ignoredCursor: true, offset: 0, problems: [] });
    expect(other.hits).toEqual(search('housing', { limit: 5 }).hits);
    expect(search('housing', { cursor: 'garbage' })).toMatchObject({ ignoredCursor: true, offset: 0 });
    expect(search('housing', { limit: 5 }).ignoredCursor).toBeUndefined();
  });

  it('says where a page starts: the offset of its first hit', () => {
    const first = search('social', { limit: 5 });
    expect(first.offset).toBe(0);
    const second = search('social', { limit: 5, cursor: first.nextCursor });
    expect(second.offset).toBe(5);
    expect(search('social', { limit: 5, cursor: second.nextCursor }).offset).toBe(10);
  });

  it('lists the latest resources of a filter, newest first, page by page', () => {
    const first = index.latest({ languages: ['en'], types: ['news'] }, 3);
    const second = index.latest({ languages: ['en'], types: ['news'] }, 3, first.nextCursor);
    const dates = [...first.hits, ...second.hits].map((h) => h.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.hits.every((h) => h.language === 'en' && h.type === 'news')).toBe(true);
    expect(first.total).toBe(library.filter((r) => r.language === 'en' && r.type === 'news').length);
  });
});

describe('SearchIndex: snapshots', () => {
  it('answers the same after a snapshot round trip', () => {
    const loaded = SearchIndex.fromSnapshotJson(index.toSnapshotJson());
    for (const q of ['cash transfers Brasil', 'primera infancia', 'type:video', 'condtional']) {
      expect(loaded.search({ query: q, limit: 10 }, NOW)).toEqual(search(q));
    }
  });

  it('rejects a snapshot of another format', () => {
    const json = JSON.parse(index.toSnapshotJson());
    json.format = 0;
    expect(() => SearchIndex.fromSnapshotJson(JSON.stringify(json))).toThrow(/format/);
  });
});

describe('SearchIndex: near misses, weak words and explanations (issue 19)', () => {
  it("reads a typo in a topic's words as the topic, and never as its opposite", () => {
    for (const query of ['condtional cash tranfers', 'condicional cash transfrs']) {
      const hits = top(query);
      expect(
        hits.every((r) => r.meta.topic === 'conditional-cash-transfers'),
        query,
      ).toBe(true);
    }
    // "unconditional" is two letters from "conditional": typo tolerance must not take one for the other.
    // The review of unconditional transfers comes first in either language (the Spanish one names
    // them "no condicionadas": the topic named in its title weighs as the English words typed).
    const both = ['uct-versus-cct', 'tmnc'];
    for (const query of ['unconditional cash transfers', 'uncondtional cash transfers'])
      expect(
        top(query, 2)
          .map((r) => r.meta.landmark)
          .sort(),
        query,
      ).toEqual(both.sort());
  });

  it('reads "no" and "sin" as negating the next word: "no condicionadas" is not "condicionadas"', () => {
    const negated = top('transferencias no condicionadas', 10);
    expect(negated[0]?.meta.landmark).toBe('tmnc');
    expect(negated.some((r) => r.meta.topic === 'conditional-cash-transfers')).toBe(false);
    // Asked in the positive, the resource that says "no condicionadas" is not among the CCTs.
    const positive = top('transferencias condicionadas', 10);
    expect(positive.some((r) => r.meta.landmark === 'tmnc')).toBe(false);
  });

  it('ranks the resources about a topic above one whose title says the opposite or only mentions it', () => {
    const ranked = search('conditional cash transfers', { limit: 10 }).hits.map((h) => byId.get(h.id)!);
    // The first five; below them, "Cash transfers in humanitarian settings", which the taxonomy tags
    // with the topic as its main one (its title says "cash transfers"), can come in.
    expect(ranked.slice(0, 5).every((r) => r.meta.topic === 'conditional-cash-transfers')).toBe(true);
    const nearMisses = ['uct-versus-cct', 'fi-pilot', 'covid-transfers'];
    expect(ranked.some((r) => nearMisses.includes(r.meta.landmark ?? ''))).toBe(false);
  });

  it("ranks resources in the other language with those in the query's when they are about its topic", () => {
    const en = top('conditional cash transfers', 10);
    expect(en.filter((r) => r.language === 'es').length).toBeGreaterThanOrEqual(2);
    const es = top('transferencias condicionadas', 10);
    expect(es.filter((r) => r.language === 'en').length).toBeGreaterThanOrEqual(3);
  });

  it('takes an evaluation of a programme as about the programme, not about evaluation', () => {
    // "Impact evaluation" comes first in the title, but the main topic is the one evaluated.
    const evaluation = library.find(
      (r) => r.title === 'Impact evaluation of conditional cash transfers in Peru',
    )!;
    expect(evaluation.topics[0]).toBe('monitoring-evaluation');
    const hits = search('cash transfers Perú', { explain: true, limit: 5 }).hits;
    const hit = hits.find((h) => h.id === evaluation.id);
    expect(hit?.explain?.topic.map((t) => t.token)).toContain('#m:conditional-cash-transfers');
  });

  it('finds a programme by its name, or its topic in its country', () => {
    const hits = top('Prospera evaluation');
    expect(hits[0]?.meta.programme).toBe('Prospera');
    // Both evaluations of Prospera first; nothing of Colombia's partner "Prosperidad Social" (its name
    // and "Prospera" shared the stem "prosper": that partner's CCT evaluation came second).
    expect(
      hits.slice(0, 2).filter((r) => r.meta.programme === 'Prospera' && r.meta.country === 'MX').length,
    ).toBe(2);
    expect(hits.some((r) => r.partnerId === 'prosperidad-social-co')).toBe(false);
  });

  it('weighs words most of the library has as weak: a query of them and filters lists the filtered, those that say them first', () => {
    // Every resource but PATH's says "social protection" (as the blind library of issue 19 does).
    const path = library.find((r) => r.meta.landmark === 'path-jamaica')!;
    const others = library
      .filter((r) => r !== path && r.countries.includes('JM'))
      .map((r) => ({ ...r, summary: `${r.summary} Social protection in Jamaica.` }));
    const rest = library
      .filter((r) => !r.countries.includes('JM'))
      .map((r) => ({ ...r, summary: `${r.summary} Social protection.` }));
    const protectedLibrary = SearchIndex.build([...rest, ...others, path], SAMPLE_PARTNERS, {
      builtAt: SAMPLE_NOW,
    });
    const response = protectedLibrary.search(
      { query: 'social protection country:JM', limit: 50, explain: true },
      NOW,
    );
    const jamaica = [...others, path].map((r) => r.id);
    expect(response.hits.map((h) => h.id).sort()).toEqual(jamaica.sort());
    // The words weigh little, but they weigh: what says them comes first, best first.
    expect(response.hits[0]?.explain?.ranking).toBe('common words');
    expect(response.hits[0]?.explain?.weak).toEqual(['social', 'protection']);
    const scores = response.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("explains each hit's score with the parts the ranking summed, by the same run", () => {
    const response = search('transferencias condicionadas', { explain: true, limit: 10 });
    expect(response.hits.length).toBe(10);
    for (const hit of response.hits) {
      const e = hit.explain!;
      const parts = [...e.terms, ...e.topic].reduce((s, p) => s + p.score, 0);
      // Parts are rounded to 3 decimals: the product matches the ranked score to 0.1 %.
      const product = parts * e.coordination * e.prior * e.recency * e.proximity;
      expect(Math.abs(product - hit.score) / hit.score).toBeLessThan(0.001);
      expect(e.terms.every((t) => ['title', 'partner', 'tags', 'summary', 'content'].includes(t.field))).toBe(
        true,
      );
    }
    const english = response.hits.find((h) => h.language === 'en')!.explain!;
    expect(english.language.matched).toBe('through the taxonomy');
    expect(english.topic.some((t) => t.token === '#t:conditional-cash-transfers')).toBe(true);
    // Without asking, no explanation (and no cost).
    expect(search('transferencias condicionadas').hits[0]?.explain).toBeUndefined();
  });
});

describe('SearchIndex: a topic named in another language weighs as the words typed (issue 19)', () => {
  const substantive = (r: SampleResource) => ['evaluation', 'report', 'guide'].includes(r.meta.kind);

  it('ranks a report that names the topic in Spanish with the English ones, above English news', () => {
    // Every resource in the top 5 is a substantive one about early childhood, in either language.
    const hits = top('early childhood care', 5);
    expect(hits.every((r) => r.meta.topic === 'early-childhood' && substantive(r))).toBe(true);
    expect(hits.some((r) => r.language === 'en')).toBe(true);
    expect(hits.some((r) => r.language === 'es')).toBe(true);
    const spanish = search('early childhood care', { explain: true, limit: 5 }).hits.find(
      (h) => h.language === 'es',
    )!.explain!;
    // Its words are not the query's: the topic its title names scores in the title, as they would.
    expect(spanish.language.matched).toBe('through the taxonomy');
    expect(spanish.topic).toContainEqual(
      expect.objectContaining({ token: '#f:es:early-childhood', field: 'title' }),
    );
  });

  it('scores the same in the other direction: a Spanish query finds the English evaluations', () => {
    const hits = top('registros sociales', 5);
    expect(hits.every((r) => r.meta.topic === 'social-registries' && substantive(r))).toBe(true);
    expect(hits.some((r) => r.language === 'en')).toBe(true);
  });

  it('prefers a title with the words next to each other (phrase proximity)', () => {
    // "Home visits to families…" against "Registry officials' visits to Belize's Ministry of Home Affairs".
    const response = search('home visits', { explain: true, limit: 5 });
    const hits = response.hits.map((h) => byId.get(h.id) as SampleResource);
    const at = (name: string) => hits.findIndex((r) => r.meta.landmark === name);
    expect(at('home-visits-belize')).toBeGreaterThanOrEqual(0);
    expect(
      at('registry-mission-belize') === -1 || at('registry-mission-belize') > at('home-visits-belize'),
    ).toBe(true);
    const factor = (name: string) =>
      index
        .search({ query: 'home visits', limit: 50, explain: true }, NOW)
        .hits.find((h) => byId.get(h.id)?.meta.landmark === name)?.explain?.proximity;
    expect(factor('home-visits-belize')).toBe(1.5);
    expect(factor('registry-mission-belize')).toBe(1);
    // A taxonomy phrase is had as its words next to each other, or as its topic named in the title
    // in any language: a Spanish title on CCTs has it as an English one does.
    const cct = index.search({ query: 'conditional cash transfers', limit: 50, explain: true }, NOW).hits;
    const spanish = cct.find((h) => h.language === 'es' && /condicionadas/i.test(h.title));
    expect(spanish?.explain?.proximity).toBe(1.5);
  });

  it('finds a word the taxonomy does not cover in the other language too (its translations)', () => {
    // "women" is no topic: "mujeres" in a Spanish title weighs as "women" in an English one.
    const hits = search('digital payments women', { explain: true, limit: 5 }).hits;
    const spanish = hits.filter((h) => h.language === 'es');
    expect(spanish.length).toBeGreaterThan(0);
    expect(spanish.every((h) => h.explain?.terms.some((t) => t.term === 'mujer'))).toBe(true);
    expect(hits.every((h) => byId.get(h.id)?.meta.topic === 'financial-inclusion')).toBe(true);
    // One sense only: "informal" is not "informe" (a report), though English stems both "inform".
    const terms = (word: string) => wordTranslations(word).map((t) => t.term);
    expect(terms('informal')).not.toContain('report');
    expect(wordTranslations('mujeres')).toContainEqual({ term: 'women', language: 'en' });
  });

  it('reads a part of a broad topic as that part: unemployment insurance is not pensions', () => {
    // The taxonomy tags both "social insurance and pensions"; named in a title, each is its own concept.
    expect(top('pension reform', 5).some((r) => r.meta.topic === 'unemployment-insurance')).toBe(false);
    expect(top('sistemas de pensiones', 5).some((r) => r.meta.topic === 'unemployment-insurance')).toBe(
      false,
    );
    const benefits = top('unemployment benefits', 3);
    expect(benefits.every((r) => r.meta.topic === 'unemployment-insurance')).toBe(true);
    expect(new Set(benefits.map((r) => r.language)).size).toBeGreaterThan(1);
  });
});
