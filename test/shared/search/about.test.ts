import { describe, expect, it } from 'vitest';
import type { Language, Resource } from '#shared/domain/resource.js';
import { DEFAULT_RANKING, type RankingOptions, SearchIndex } from '#shared/search/search-index.js';
import { tagText } from '#shared/taxonomy/index.js';
import { makeResource } from '../../helpers/resources.js';

/**
 * Issue 19: what a resource is about, not what it mentions. A member who names a programme wants
 * the resources about it before an overview of its topic that mentions it; one who names a country,
 * in words or with a filter, wants the resources about that country before a regional synthesis
 * that lists it among others. Found on the development set (test/shared/search/dev/): "PATH
 * Jamaica", "cash transfers Brazil", "cash transfers country:PE" ranked regional overviews first.
 */

const NOW = new Date('2026-06-01T00:00:00Z');

/** A resource tagged as ingest tags it: topics and countries from its title and summary, plus its partner's country. */
function published(
  id: string,
  language: Language,
  title: string,
  summary: string,
  partnerCountry?: string,
): Resource {
  const tags = tagText([title, summary]);
  const countries = [...new Set([...tags.countries, ...(partnerCountry ? [partnerCountry] : [])])];
  return makeResource({ id, language, title, summary, topics: tags.topics, countries });
}

const LIBRARY: Resource[] = [
  published(
    'overview',
    'en',
    'Conditional cash transfers in Latin America and the Caribbean: a new generation of evidence',
    'A review of conditional cash transfer evaluations, from Bolsa Família in Brazil and Prospera in Mexico to PATH in Jamaica and Juntos in Peru.',
  ),
  published(
    'path-evaluation',
    'en',
    "Jamaica's PATH: twenty years of a conditional cash transfer",
    'An impact evaluation of the programme on school attendance and health visits.',
    'JM',
  ),
  published(
    'prospera-ten-years',
    'es',
    'A diez años de Prospera: lecciones del programa',
    'Qué aprendió México de su programa de transferencias condicionadas.',
    'MX',
  ),
  published(
    'brazil-study',
    'pt',
    'Bolsa Família: relatório de acompanhamento das condicionalidades',
    'Frequência escolar e vacinação das famílias beneficiárias no Brasil.',
    'BR',
  ),
  published(
    'juntos-news',
    'es',
    'Juntos entrega el incentivo monetario condicionado a 700 mil hogares',
    'El programa de transferencias condicionadas llega a los distritos de la sierra y la selva.',
    'PE',
  ),
  published(
    'chile-coaching',
    'en',
    'Chile Seguridades y Oportunidades: family coaching and conditional cash transfers',
    'An evaluation of the coaching that comes with the transfers.',
    'CL',
  ),
  published(
    'food-panorama',
    'es',
    'Panorama regional de la seguridad alimentaria y la nutrición',
    'El hambre y la desnutrición en América Latina y el Caribe, país por país.',
  ),
  published(
    'qali-warma',
    'es',
    'Qali Warma atiende a 4 millones de escolares desde el primer día de clases',
    'Desayunos y almuerzos con productos locales en las escuelas públicas.',
    'PE',
  ),
  published(
    'school-meals-guide',
    'en',
    'A guide to school feeding with local purchases',
    'How school meal programmes buy from family farmers.',
  ),
  published(
    'mexico-cct-news',
    'es',
    'México: las transferencias condicionadas llegan a seis millones de familias',
    'Las becas y los apoyos de salud se pagan cada dos meses.',
    'MX',
  ),
  published(
    'coneval',
    'es',
    'México mide la pobreza multidimensional',
    'El CONEVAL publica la medición de la pobreza en México de 2024.',
    'MX',
  ),
  published(
    'suas-census',
    'pt',
    'Sistema Único de Assistência Social: censo SUAS 2025',
    'O censo da assistência social mapeia os centros de referência e suas equipes em todos os municípios.',
    'BR',
  ),
  published(
    'basic-income',
    'en',
    'A temporary basic income for Latin America? Costs and options',
    'What a universal transfer without conditions would cost, country by country.',
  ),
  published(
    'haiti-food-net',
    'fr',
    'Filet de sécurité alimentaire en Haïti : bilan des coupons électroniques',
    'La sécurité alimentaire des ménages vulnérables du Nord-Ouest.',
    'HT',
  ),
  published(
    'contributory-reform',
    'es',
    'Reformas de pensiones contributivas en América Latina, 2008-2025',
    'Cómo cambiaron las cuentas individuales, las tasas de cotización y la edad de retiro.',
  ),
  published(
    'renta-dignidad',
    'es',
    'Renta Dignidad y el consumo de los hogares bolivianos',
    'El efecto del pago mensual a las personas mayores sobre el gasto de sus hogares.',
    'BO',
  ),
  // Filler about other subjects, so that the tokens' document frequencies are not all alike.
  ...['housing', 'water', 'pensions', 'early childhood', 'targeting systems', 'job training'].map((s, k) =>
    published(`filler-${k}`, 'en', `A note on ${s}`, `What the region learned about ${s}.`),
  ),
];

const build = (ranking: Partial<RankingOptions> = {}) =>
  SearchIndex.build(LIBRARY, new Map(), {
    builtAt: NOW.toISOString(),
    ranking: { ...DEFAULT_RANKING, ...ranking },
  });
const index = build();
const ids = (query: string, at = index) => at.search({ query, limit: 5 }, NOW).hits.map((h) => h.id);

describe('SearchIndex: the resources about a programme rank above those that mention it', () => {
  it('PATH: the evaluation whose title names it before the overview that lists it', () => {
    expect(ids('PATH')[0]).toBe('path-evaluation');
    expect(ids('PATH Jamaica')[0]).toBe('path-evaluation');
    // Without the programme's weight the overview (its topic, Jamaica named) came first.
    expect(ids('PATH', build({ programmeNameWeight: 0 }))[0]).toBe('overview');
  });

  it('reads a programme named by a common word, capitalised, in a resource of its country', () => {
    // "Prospera" is a Spanish verb; in a Mexican resource's title, capitalised, it is the programme.
    expect(ids('Prospera')[0]).toBe('prospera-ten-years');
    expect(ids('Prospera', build({ programmeNameWeight: 0 }))[0]).toBe('overview');
    // "Oportunidades" in Chile's programme is not Mexico's.
    expect(ids('programa Oportunidades')[0]).not.toBe('chile-coaching');
    // A common word and its country typed together are the programme: Oportunidades became Prospera.
    // Its topic in its country comes next, before what is only Mexican or only says the word.
    expect(ids('Oportunidades México').slice(0, 2)).toEqual(['prospera-ten-years', 'mexico-cct-news']);
    expect(ids('Juntos Perú')[0]).toBe('juntos-news');
  });
});

describe('SearchIndex: the resources about a country rank above those that mention it', () => {
  it('a country typed: "cash transfers Brazil" puts Brazil’s report before the regional review', () => {
    expect(ids('cash transfers Brazil')[0]).toBe('brazil-study');
    expect(ids('transferencias condicionadas Brasil')[0]).toBe('brazil-study');
    expect(ids('cash transfers Brazil', build({ mainCountryWeight: 0 }))[0]).toBe('overview');
  });

  it('a country filter: "cash transfers country:PE" puts Juntos before the regional review', () => {
    expect(ids('cash transfers country:PE')[0]).toBe('juntos-news');
    expect(ids('transferencias pais:Perú')[0]).toBe('juntos-news');
    expect(ids('cash transfers country:PE', build({ mainCountryWeight: 0 }))[0]).toBe('overview');
  });
});

describe('SearchIndex: a part of a topic asked for apart (school feeding within food and nutrition)', () => {
  it('ranks the resources about school feeding, by its words or its programmes, above food security at large', () => {
    for (const query of ['school feeding', 'alimentación escolar', 'cantines scolaires']) {
      const [first, second] = ids(query);
      expect([first, second].sort(), query).toEqual(['qali-warma', 'school-meals-guide']);
    }
    expect(ids('alimentación escolar Perú')[0]).toBe('qali-warma');
    // School feeding elsewhere before Haiti's food safety net: the part asked for is matched by its own tag.
    const haiti = ids('school feeding Haiti');
    expect(haiti).toContain('school-meals-guide');
    expect(haiti.indexOf('school-meals-guide')).toBeLessThan(haiti.indexOf('haiti-food-net'));
  });

  it('still finds school feeding under food security, after what is about food security', () => {
    const found = ids('food security');
    expect(found[0]).toBe('food-panorama');
    expect(found).toContain('school-meals-guide');
  });
});

describe('SearchIndex: unconditional transfers, a part of social assistance', () => {
  it('ranks a basic income study above the census of a social assistance system', () => {
    expect(ids('unconditional cash transfers')[0]).toBe('basic-income');
    expect(ids('transferencias no condicionadas')[0]).toBe('basic-income');
    // Conditional transfers only follow, among those with some of the words.
    const found = ids('unconditional cash transfers');
    const juntos = found.indexOf('juntos-news');
    expect(juntos === -1 || juntos > found.indexOf('basic-income')).toBe(true);
  });
});

describe('SearchIndex: social pensions, a part of pensions', () => {
  it('ranks a non-contributory pension programme above a reform of contributory pensions', () => {
    for (const query of ['pensiones no contributivas', 'social pensions']) {
      const found = ids(query);
      expect(found.indexOf('renta-dignidad'), query).toBeLessThan(found.indexOf('contributory-reform'));
    }
  });

  it('still counts a social pension as a pension for a query on pensions at large', () => {
    expect(ids('pension reform')).toEqual(expect.arrayContaining(['renta-dignidad', 'contributory-reform']));
    expect(ids('pensiones')).toEqual(expect.arrayContaining(['renta-dignidad', 'contributory-reform']));
  });
});
