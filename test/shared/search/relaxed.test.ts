import { describe, expect, it } from 'vitest';
import type { Language, Resource } from '#shared/domain/resource.js';
import { SearchIndex } from '#shared/search/search-index.js';
import { tagText } from '#shared/taxonomy/index.js';
import { makeResource } from '../../helpers/resources.js';

/**
 * When few resources have a whole phrase the taxonomy knows, those with some of its words follow,
 * as they do for a query's separate words: "evaluaciones de impacto pais:Perú" lists Peru's impact
 * evaluations, then its other evaluations (found on the development set: 3 results of 10 judged).
 */

const NOW = new Date('2026-06-01T00:00:00Z');

function peruvian(id: string, language: Language, title: string): Resource {
  const tags = tagText(title);
  return makeResource({ id, language, title, summary: '', topics: tags.topics, countries: ['PE'] });
}

const LIBRARY = [
  peruvian('juntos-impact', 'es', 'Evaluación de impacto del programa Juntos en la anemia infantil'),
  peruvian('cuna-mas', 'es', 'Cuna Más: evaluación del servicio de acompañamiento a familias'),
  peruvian('youth', 'en', 'Youth employment programme in Peru: an evaluation'),
  peruvian('housing-news', 'es', 'Techo Propio entrega 2 000 viviendas en Piura'),
];
const index = SearchIndex.build(LIBRARY, new Map(), { builtAt: NOW.toISOString() });
const ids = (query: string) => index.search({ query, limit: 10 }, NOW).hits.map((h) => h.id);

describe('SearchIndex: some of a phrase’s words, after the whole phrase', () => {
  it('lists the impact evaluation first, then the other evaluations, in either language; not the rest', () => {
    const found = ids('evaluaciones de impacto pais:Perú');
    expect(found[0]).toBe('juntos-impact');
    expect(found.slice(1).sort()).toEqual(['cuna-mas', 'youth']);
  });
});

describe('SearchIndex: a number however its thousands are written', () => {
  it('finds "Bono 10,000" for "Bono 10000" and "bono 10 000"', () => {
    const bono = makeResource({
      id: 'bono',
      title: 'Bono 10,000 in Honduras: an experimental evaluation',
      countries: ['HN'],
    });
    const other = makeResource({ id: 'other', title: 'Bono Vida Mejor in Honduras', countries: ['HN'] });
    const honduras = SearchIndex.build([bono, other], new Map(), { builtAt: NOW.toISOString() });
    for (const query of ['Bono 10000 Honduras', 'bono 10 000', 'Bono 10.000'])
      expect(honduras.search({ query, limit: 5 }, NOW).hits[0]?.id, query).toBe('bono');
  });
});
