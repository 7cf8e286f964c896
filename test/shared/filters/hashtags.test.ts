import { describe, expect, it } from 'vitest';
import { readHashtag } from '#shared/filters/hashtags.js';
import { parseFilterText } from '#shared/filters/language.js';
import { problemText } from '#shared/filters/problems.js';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const parse = (text: string) => parseFilterText(text, { now: NOW });

describe('hashtags, as members write them in Telegram and Slack', () => {
  it.each([
    ['#peru', { field: 'countries', id: 'PE' }],
    ['#Perú', { field: 'countries', id: 'PE' }],
    ['#ElSalvador', { field: 'countries', id: 'SV' }],
    ['#el_salvador', { field: 'countries', id: 'SV' }],
    ['#RepublicaDominicana', { field: 'countries', id: 'DO' }],
    ['#TrinidadAndTobago', { field: 'countries', id: 'TT' }],
    ['#USA', { field: 'countries', id: 'US' }],
    ['#PrimeraInfancia', { field: 'topics', id: 'early-childhood' }],
    ['#primerainfancia', { field: 'topics', id: 'early-childhood' }],
    ['#CCT', { field: 'topics', id: 'conditional-cash-transfers' }],
    ['#TransferenciasCondicionadas', { field: 'topics', id: 'conditional-cash-transfers' }],
    ['#salud', { field: 'topics', id: 'health' }],
    // The sentence's punctuation is not the hashtag's.
    ['#peru,', { field: 'countries', id: 'PE' }],
    ['#Haití.', { field: 'countries', id: 'HT' }],
  ])('%s names %o', (typed, value) => {
    expect(readHashtag(typed)).toMatchObject(value);
  });

  it.each(['#ayuda', '#2026', '#es', '#pe', '#peruano', '#cash', '#', 'peru', '#peru-chile', '#peru,chile'])(
    '%s names nothing exactly: it stays a word',
    (typed) => {
      expect(readHashtag(typed)).toBeUndefined();
    },
  );

  it('is a filter in search, follows and digests alike, and says how it was read', () => {
    const parsed = parse('#peru #PrimeraInfancia transferencias');
    expect(parsed.filter).toEqual({
      countries: ['PE'],
      topics: ['early-childhood'],
      keywords: 'transferencias',
    });
    const notes = parsed.problems.map((p) => [problemText(p, 'en'), problemText(p, 'es')]);
    expect(notes).toEqual([
      ['#peru was read as country:Peru', '#peru se leyó como pais:Perú'],
      [
        '#PrimeraInfancia was read as topic:"early childhood care and development"',
        '#PrimeraInfancia se leyó como tema:"primera infancia"',
      ],
    ]);
  });

  it('leaves any other hashtag, and an excluded one, as the words they were', () => {
    expect(parse('#ayuda transferencias').filter).toEqual({ keywords: 'ayuda transferencias' });
    expect(parse('transferencias -#peru').filter).toEqual({ keywords: 'transferencias -peru' });
    expect(parse('#ayuda').problems).toEqual([]);
    const list = parse('#peru, #chile');
    expect(list.filter).toEqual({ countries: ['CL', 'PE'] });
    expect(problemText(list.problems[0]!, 'en')).toBe('#peru was read as country:Peru');
  });
});
