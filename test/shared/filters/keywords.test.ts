import { describe, expect, it } from 'vitest';
import { KeywordMatcher, matchesResource } from '#shared/filters/keywords.js';
import { parseFilterText } from '#shared/filters/language.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { makeResource } from '../../helpers/resources.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');

/** A small library in two languages: what each keyword follow should and should not bring. */
const library = [
  makeResource({
    id: 'es-ptc',
    language: 'es',
    title: 'Evaluación de las transferencias monetarias condicionadas en Uruguay',
    summary: 'Los programas de transferencias condicionadas reducen la pobreza infantil.',
    topics: ['conditional-cash-transfers'],
    countries: ['UY'],
  }),
  makeResource({
    id: 'en-cct-pilot',
    title: 'A cash transfers pilot in Jamaica',
    summary: 'The pilot project paid families every month.',
    topics: ['conditional-cash-transfers'],
    countries: ['JM'],
  }),
  makeResource({
    id: 'es-cuidado',
    language: 'es',
    title: 'Cuidado infantil en Uruguay: nuevas salas',
    summary: 'El cuidado infantil llega a más barrios.',
    topics: ['care-systems', 'early-childhood'],
    countries: ['UY'],
  }),
  makeResource({
    id: 'es-cuidado-cl',
    language: 'es',
    title: 'Cuidado infantil en Chile',
    summary: 'Salas cuna en todo el país.',
    topics: ['care-systems'],
    countries: ['CL'],
  }),
  makeResource({
    id: 'en-housing',
    title: 'Housing subsidies for young families',
    summary: 'Rental support and credit.',
    topics: ['housing'],
  }),
];

const index = SearchIndex.build(
  library,
  new Map([['midis-pe', 'Ministerio de Desarrollo e Inclusión Social']]),
  {
    builtAt: NOW.toISOString(),
  },
);

/** What a follow of the text matches, and what `latest` with the same text lists. */
function both(text: string) {
  const { filter, problems } = parseFilterText(text, { now: NOW, partners: index.partners() });
  expect(problems).toEqual([]);
  const analysing = new KeywordMatcher(index.partnerNames);
  const follow = library.filter((r) => matchesResource(r, filter, analysing)).map((r) => r.id);
  // The announcement run's way: the search index answers for the resources it holds.
  const indexed = new KeywordMatcher(index.partnerNames, index);
  const viaIndex = library.filter((r) => matchesResource(r, filter, indexed)).map((r) => r.id);
  expect(viaIndex.sort()).toEqual([...follow].sort());
  if (filter.keywords && Object.keys(filter).length === 1)
    expect(
      indexed
        .matchingAmong(filter.keywords, library)
        ?.map((r) => r.id)
        .sort(),
    ).toEqual([...follow].sort());
  const latest = index.latest(filter, 50).hits.map((h) => h.id);
  return { follow: follow.sort(), latest: latest.sort(), filter };
}

describe('keyword follows', () => {
  it('find a phrase across languages through the taxonomy, and leave out -words', () => {
    const { follow, latest, filter } = both('"cash transfers" -pilot');
    expect(filter.keywords).toBe('"cash transfers" -pilot');
    expect(follow).toEqual(['es-ptc']);
    expect(latest).toEqual(follow);
  });

  it('combine words with filters: "cuidado infantil" pais:uruguay', () => {
    const { follow, latest, filter } = both('"cuidado infantil" pais:uruguay');
    expect(filter).toEqual({ countries: ['UY'], keywords: '"cuidado infantil"' });
    expect(follow).toEqual(['es-cuidado']);
    expect(latest).toEqual(follow);
  });

  it('stem and fold free words, in either language', () => {
    const { follow, latest } = both('subsidy');
    expect(follow).toEqual(['en-housing']);
    expect(latest).toEqual(follow);
    expect(both('evaluacion').follow).toEqual(['es-ptc']);
  });

  it('match partner names as a search does', () => {
    expect(both('ministerio').follow).toEqual(library.map((r) => r.id).sort());
  });

  it('forgive nothing: a misspelt word matches nothing (the preview says so before saving)', () => {
    expect(both('hosuing').follow).toEqual([]);
    expect(both('housing').follow).toEqual(['en-housing']);
  });
});
