import { describe, expect, it } from 'vitest';
import { problemText } from '#shared/filters/problems.js';
import { parseDateValue, parseQuery } from '#shared/search/query.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const parse = (q: string) => parseQuery(q, NOW);

describe('parseQuery', () => {
  it('keeps free words in order, lower-cased with their accents, and marks capitals', () => {
    const q = parse('Índice de Pobreza MPI');
    expect(q.words).toEqual([
      { text: 'índice', upper: false },
      { text: 'de', upper: false },
      { text: 'pobreza', upper: false },
      { text: 'mpi', upper: true },
    ]);
    expect(q.problems).toEqual([]);
  });

  it('reads quoted phrases and excluded words and phrases', () => {
    const q = parse('"cash transfers" -pilot -"rural areas" health');
    expect(q.phrases).toEqual([['cash', 'transfers']]);
    expect(q.excluded).toEqual([['pilot'], ['rural', 'areas']]);
    expect(q.words.map((w) => w.text)).toEqual(['health']);
  });

  it('treats a hyphen inside a word as part of it, not as an exclusion', () => {
    expect(parse('south-south').excluded).toEqual([]);
    expect(parse('south-south').words.map((w) => w.text)).toEqual(['south', 'south']);
  });

  it('matches the last word as a prefix only when typing stops inside it', () => {
    expect(parse('early childh').lastWordIsPrefix).toBe(true);
    expect(parse('early childh ').lastWordIsPrefix).toBe(false);
    expect(parse('early "childhood"').lastWordIsPrefix).toBe(false);
    expect(parse('early -childh').lastWordIsPrefix).toBe(false);
  });

  it.each([
    ['type:document', { types: ['document'] }],
    ['tipo:documento', { types: ['document'] }],
    ['type:videos,noticias', { types: ['video', 'news'] }],
    ['country:BR', { countries: ['BR'] }],
    ['country:brasil', { countries: ['BR'] }],
    ['país:Perú', { countries: ['PE'] }],
    ['country:"el salvador"', { countries: ['SV'] }],
    ['country:bra', { countries: ['BR'] }],
    ['topic:"early childhood"', { topics: ['early-childhood'] }],
    ['tema:"primera infancia"', { topics: ['early-childhood'] }],
    ['topic:CCT', { topics: ['conditional-cash-transfers'] }],
    ['lang:es', { languages: ['es'] }],
    ['idioma:inglés', { languages: ['en'] }],
    ['lang:spanish,pt', { languages: ['es', 'pt'] }],
    ['since:2024-05-01', { since: '2024-05-01T00:00:00.000Z' }],
    ['desde:2024-05', { since: '2024-05-01T00:00:00.000Z' }],
    ['before:2024', { before: '2024-01-01T00:00:00.000Z' }],
    ['since:7d', { since: '2025-05-25T12:00:00.000Z' }],
    ['since:2w', { since: '2025-05-18T12:00:00.000Z' }],
    ['since:1m', { since: '2025-05-01T12:00:00.000Z' }],
    ['since:1y', { since: '2024-06-01T12:00:00.000Z' }],
  ])('understands %s', (query, filter) => {
    const q = parse(`${query} cash`);
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual(filter);
    expect(q.words.map((w) => w.text)).toEqual(['cash']);
  });

  it('keeps partner values for the index to resolve', () => {
    expect(parse('partner:midis-pe socio:"red puentes"').partners).toEqual(['midis-pe', 'red puentes']);
  });

  it.each([
    ['country:narnia', /"narnia": no such country\. .*Type "countries" for the list/],
    ['type:spaceship', /"spaceship": no such type/],
    ['topic:astrophysics', /"astrophysics": no such topic/],
    ['lang:klingon', /"klingon": no such language/],
    ['since:yesterday', /since:yesterday is not a date/],
    ['before:2024-13', /before:2024-13 is not a date/],
    ['before:2024-02-31', /is not a date/],
    ['country:', /country: needs a value/],
    ['-type:video', /filters only include/],
    ['since:2025-01-01 before:2024-01-01', /is not before/],
  ])('explains a malformed filter: %s', (query, message) => {
    const q = parse(`${query} housing`);
    expect(q.problems).toHaveLength(1);
    expect(problemText(q.problems[0]!, 'en')).toMatch(message);
    // The rest of the query still stands.
    expect(q.words.map((w) => w.text)).toEqual(['housing']);
  });

  it('keeps the good values of a filter and reports the bad one', () => {
    const q = parse('country:BR,narnia');
    expect(q.filter.countries).toEqual(['BR']);
    expect(q.problems).toEqual([expect.objectContaining({ code: 'unknown', typed: 'narnia' })]);
  });

  it('leaves unknown prefixes as words ("note:", URLs)', () => {
    const q = parse('note: http://x');
    expect(q.filter).toEqual({});
    expect(q.words.map((w) => w.text)).toEqual(['note', 'http', 'x']);
  });

  it('parses an empty query to nothing', () => {
    expect(parse('   ')).toMatchObject({ words: [], phrases: [], excluded: [], filter: {}, problems: [] });
  });
});

describe('parseDateValue', () => {
  it('accepts full timestamps and normalises them to UTC', () => {
    expect(parseDateValue('2024-05-01T10:00:00-03:00', NOW)).toBe('2024-05-01T13:00:00.000Z');
  });
  it('rejects words', () => {
    expect(parseDateValue('soon', NOW)).toBeUndefined();
  });
});
