import { describe, expect, it } from 'vitest';
import { parseFilterText } from '#shared/filters/language.js';
import { problemText } from '#shared/filters/problems.js';
import { listValues } from '#shared/filters/values.js';
import { SAMPLE_PARTNERS } from '../search/sample-library.js';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const partners = new Map([
  ['midis-pe', 'Ministerio de Desarrollo e Inclusión Social (Perú)'],
  ['red-puentes', 'Red Puentes por la Inclusión Social'],
  ['cispr-caribbean', 'Caribbean Institute for Social Policy Research (CISPR)'],
]);
const parse = (text: string) => parseFilterText(text, { now: NOW, partners });

describe('the filter language', () => {
  it.each([
    ['topic:cash-transfers', { topics: ['conditional-cash-transfers'] }],
    ['tema:PTC', { topics: ['conditional-cash-transfers'] }],
    ['tema:"primera infancia"', { topics: ['early-childhood'] }],
    ['tema:primera-infancia', { topics: ['early-childhood'] }],
    ['tema:primera infancia', { topics: ['early-childhood'] }],
    ['temas:IPM', { topics: ['multidimensional-poverty'] }],
    ['pais:Perú,BR', { countries: ['BR', 'PE'] }],
    ['país:el salvador', { countries: ['SV'] }],
    ['country:Pérou', { countries: ['PE'] }],
    ['pais:peruano', { countries: ['PE'] }],
    ['tipo:noticias', { types: ['news'] }],
    ['type:docs', { types: ['document'] }],
    ['tipo:doc', { types: ['document'] }],
    ['tema:salud', { topics: ['health'] }],
    ['idioma:español', { languages: ['es'] }],
    ['socio:"red puentes"', { partners: ['red-puentes'] }],
    ['partner:CISPR', { partners: ['cispr-caribbean'] }],
    ['partner:midis', { partners: ['midis-pe'] }],
    ['partner:red-puente', { partners: ['red-puentes'] }],
    // A partner's name without quotes: the words that go on with the name join it, the rest stay words.
    ['socio:red puentes', { partners: ['red-puentes'] }],
    ['socio:Red Puentes pobreza', { partners: ['red-puentes'], keywords: 'pobreza' }],
    ['partner:midis social', { partners: ['midis-pe'], keywords: 'social' }],
    ['"cash transfers" -pilot', { keywords: '"cash transfers" -pilot' }],
    ['"cuidado infantil" pais:uruguay', { countries: ['UY'], keywords: '"cuidado infantil"' }],
    // hasta: reads through what it names (2026 included); antes: stops at its start.
    ['desde:2025-01 hasta:2026', { since: '2025-01-01T00:00:00.000Z', before: '2027-01-01T00:00:00.000Z' }],
    ['desde:2025-01 antes:2026', { since: '2025-01-01T00:00:00.000Z', before: '2026-01-01T00:00:00.000Z' }],
  ])('reads %s', (text, filter) => {
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.filter).toEqual(filter);
  });

  it('stores the same follow typed two ways the same way', () => {
    expect(parse('pais:PE tema:CCT').filter).toEqual(
      parse('topic:"conditional cash transfers" country:peru').filter,
    );
  });

  it.each([
    [
      'topic:helth',
      'en',
      /"helth": no such topic\. Did you mean Basic health services \(topic:health\)\? Type "topics"/,
    ],
    [
      'pais:Narnia',
      'es',
      /"Narnia": no hay ningún país con ese nombre\. Escriba "paises" para ver la lista\./,
    ],
    ['country:ZZ', 'en', /"ZZ": no such country\. Type "countries"/],
    ['socio:nadie', 'es', /"nadie": no hay ningún socio con ese nombre\. Escriba "socios"/],
    ['tipo:nave', 'es', /"nave": no hay ningún tipo/],
  ])('refuses %s with a reason and the closest values, in %s', (text, lang, message) => {
    const parsed = parse(text);
    const said = parsed.problems.map((p) => problemText(p, lang as 'en' | 'es', partners)).join(' ');
    expect(said).toMatch(message);
    if (parsed.problems.length > 0) expect(parsed.filter).toEqual({});
  });

  it('stores a key one letter off as the key it is near (pias:peru), and refuses one whose value means nothing', () => {
    const near = parse('pias:peru');
    expect(near.filter).toEqual({ countries: ['PE'] });
    // Only a note: a follow or a digest stores it.
    expect(near.problems.map((p) => p.code)).toEqual(['note']);
    const words = parse('tips:ahorro');
    expect(words.problems.map((p) => problemText(p, 'en'))).toEqual([
      '"tips:" is not a filter, so it was read as words; did you mean tipo:?',
    ]);
  });

  it('suggests values that resolve back to what they name', () => {
    for (const lang of ['en', 'es'] as const)
      for (const field of ['topics', 'countries', 'types', 'languages'] as const)
        for (const value of listValues(field, lang)) {
          const parsed = parse(value.typed);
          expect(parsed.problems, value.typed).toEqual([]);
          expect(Object.values(parsed.filter).flat(), value.typed).toEqual([value.id]);
        }
  });
});

describe('partner lists, against the sample partners', () => {
  const sample = (text: string) => parseFilterText(text, { now: NOW, partners: SAMPLE_PARTNERS });

  it.each([
    ['socio:midis y cepal', { partners: ['cepal', 'midis-pe'] }],
    ['partner:midis and cepal', { partners: ['cepal', 'midis-pe'] }],
    ['socio:midis, cepal', { partners: ['cepal', 'midis-pe'] }],
    [
      'socio:midis y cepal y mides pobreza',
      { partners: ['cepal', 'mides-uy', 'midis-pe'], keywords: 'pobreza' },
    ],
    // A name that holds "y" or "and" is one partner: the longest name that resolves wins.
    ['socio:comisión económica para américa latina y el caribe', { partners: ['cepal'] }],
    ['socio:midis y comisión económica para américa latina y el caribe', { partners: ['cepal', 'midis-pe'] }],
    [
      'socio:comisión económica para américa latina y el caribe y midis pobreza',
      { partners: ['cepal', 'midis-pe'], keywords: 'pobreza' },
    ],
    [
      'partner:unicef latin america and the caribbean and world bank',
      { partners: ['unicef-lacro', 'world-bank'] },
    ],
    // What names no partner, or only sits inside names, stays words.
    ['socio:cepal y pobreza', { partners: ['cepal'], keywords: 'y pobreza' }],
    ['socio:cepal y desarrollo social', { partners: ['cepal'], keywords: 'y desarrollo social' }],
  ])('%s', (text, filter) => {
    const parsed = sample(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.filter).toEqual(filter);
  });
});
