import { describe, expect, it } from 'vitest';
import { problemText } from '#shared/filters/problems.js';
import { parseQuery } from '#shared/search/query.js';

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
    ['hasta:2024', { before: '2025-01-01T00:00:00.000Z' }],
    ['until:yesterday', { before: '2025-06-01T00:00:00.000Z' }],
    ['hasta:marzo de 2025', { before: '2025-04-01T00:00:00.000Z' }],
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

  it.each([
    ['desde:hace 1 año', '2024-06-01T12:00:00.000Z'],
    ['desde:la semana pasada', '2025-05-19T00:00:00.000Z'],
    ['desde:marzo de 2025', '2025-03-01T00:00:00.000Z'],
    ['since:last month', '2025-05-01T00:00:00.000Z'],
    ['since:2 weeks ago', '2025-05-18T12:00:00.000Z'],
    ['since:March 15, 2025', '2025-03-15T00:00:00.000Z'],
  ])('takes a date of several words whole: %s', (query, since) => {
    const q = parse(`transferencias ${query} salud`);
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual({ since });
    expect(q.words.map((w) => w.text)).toEqual(['transferencias', 'salud']);
  });

  it('refuses a date of several words whole, and searches none of its words', () => {
    const q = parse('desde:hace 3 siglos salud');
    expect(q.problems.map((p) => problemText(p, 'es'))).toEqual([
      expect.stringMatching(/^desde:hace 3 no es una fecha: /),
    ]);
    expect(q.words.map((w) => w.text)).toEqual(['siglos', 'salud']);
  });

  it("reads since:03/15/2026 month first and says so, in the member's language", () => {
    const q = parse('since:03/15/2025 housing');
    expect(q.filter).toEqual({ since: '2025-03-15T00:00:00.000Z' });
    expect(q.words.map((w) => w.text)).toEqual(['housing']);
    expect(q.problems.map((p) => problemText(p, 'en'))).toEqual([
      'since:03/15/2025 was read month first: 15 March 2025 (there is no month 15).',
    ]);
    const es = parse('desde:12/31/2024 vivienda');
    expect(es.filter).toEqual({ since: '2024-12-31T00:00:00.000Z' });
    expect(es.problems.map((p) => problemText(p, 'es'))).toEqual([
      'desde:12/31/2024 se leyó con el mes primero: 31 de diciembre de 2024 (no hay mes 31).',
    ]);
  });

  it('reads desde:03/04/2025 day first, as the region writes it, and says how, with the other reading', () => {
    const q = parse('desde:03/04/2025 vivienda');
    expect(q.filter).toEqual({ since: '2025-04-03T00:00:00.000Z' });
    expect(q.problems.map((p) => problemText(p, 'es'))).toEqual([
      'desde:03/04/2025 se leyó con el día primero: 3 de abril de 2025; para el 4 de marzo de 2025 escriba desde:2025-03-04.',
    ]);
    expect(problemText(q.problems[0]!, 'en')).toBe(
      'desde:03/04/2025 was read day first: 3 April 2025; for 4 March 2025 type desde:2025-03-04.',
    );
    expect(parse('desde:15/03/2025').problems).toEqual([]);
    // A key one letter off reads the same, with both notes.
    const near = parse('dsede:03/04/2025 vivienda');
    expect(near.filter).toEqual({ since: '2025-04-03T00:00:00.000Z' });
    expect(near.problems.map((p) => problemText(p, 'en'))).toEqual([
      'desde:03/04/2025 was read day first: 3 April 2025; for 4 March 2025 type desde:2025-03-04.',
      'dsede: was read as desde:',
    ]);
  });

  it('leaves a word after a date alone when the date is whole without it', () => {
    expect(parse('since:2024 2030 agenda').words.map((w) => w.text)).toEqual(['2030', 'agenda']);
    expect(parse('desde:ayer').filter).toEqual({ since: '2025-05-31T00:00:00.000Z' });
  });

  it.each([
    ['pias:peru', 'pais:', { countries: ['PE'] }],
    ['contry:peru', 'country:', { countries: ['PE'] }],
    ['tipe:video', 'type:', { types: ['video'] }],
    ['idoma:ingles', 'idioma:', { languages: ['en'] }],
    ['sinse:2025', 'since:', { since: '2025-01-01T00:00:00.000Z' }],
  ])('reads a key spelt one letter off (%s) as the key, and says so', (query, key, filter) => {
    const q = parse(`salud ${query}`);
    expect(q.filter).toEqual(filter);
    expect(q.words.map((w) => w.text)).toEqual(['salud']);
    expect(q.problems.map((p) => problemText(p, 'en'))).toEqual([
      `${query.split(':')[0]}: was read as ${key}`,
    ]);
    expect(problemText(q.problems[0]!, 'es')).toBe(`${query.split(':')[0]}: se leyó como ${key}`);
  });

  it('reads lenguaje: and a key with a space before its colon (pais :peru) as keys', () => {
    expect(parse('salud lenguaje:español').filter).toEqual({ languages: ['es'] });
    const spaced = parse('salud pais :peru');
    expect(spaced.filter).toEqual({ countries: ['PE'] });
    expect(spaced.words.map((w) => w.text)).toEqual(['salud']);
  });

  it.each([
    ['tema: salud', { topics: ['health'] }],
    ['pais: el salvador', { countries: ['SV'] }],
    ['tema: "primera infancia"', { topics: ['early-childhood'] }],
    ['desde: hace 1 año', { since: '2024-06-01T12:00:00.000Z' }],
    ['tipo : video', { types: ['video'] }],
    ['pais=peru', { countries: ['PE'] }],
  ])('reads a value typed after a space (%s)', (query, filter) => {
    const q = parse(`${query} hogares`);
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual(filter);
    expect(q.words.map((w) => w.text)).toEqual(['hogares']);
  });

  it.each([
    ['pais:peru, chile', { countries: ['PE', 'CL'] }],
    ['pais:peru y chile', { countries: ['PE', 'CL'] }],
    ['country:peru and chile', { countries: ['PE', 'CL'] }],
    ['pais:perú, chile y el salvador', { countries: ['PE', 'CL', 'SV'] }],
    ['tipo:video o noticia', { types: ['video', 'news'] }],
    ['tema:salud, educación', { topics: ['health', 'education'] }],
  ])('reads a list typed as people write one (%s)', (query, filter) => {
    const q = parse(`${query} hogares`);
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual(filter);
    expect(q.words.map((w) => w.text)).toEqual(['hogares']);
  });

  it.each([
    ['páis:perú', { countries: ['PE'] }],
    ['tema:salúd', { topics: ['health'] }],
    ['tema:primera infáncia', { topics: ['early-childhood'] }],
    ['tema:early childhood', { topics: ['early-childhood'] }],
    ['tipo:news', { types: ['news'] }],
    ['type:noticias', { types: ['news'] }],
    ['pais:peru pais:chile', { countries: ['PE', 'CL'] }],
  ])('reads accents missing or extra, and values in the other language (%s)', (query, filter) => {
    const q = parse(`${query} hogares`);
    expect(q.problems).toEqual([]);
    expect(q.filter).toEqual(filter);
  });

  it('leaves a word after "y" that names no value as a word', () => {
    const q = parse('pais:peru y salud');
    expect(q.filter).toEqual({ countries: ['PE'] });
    expect(q.words.map((w) => w.text)).toEqual(['y', 'salud']);
  });

  it('leaves a near key whose value means nothing as words, naming the key it may have meant', () => {
    const q = parse('tips:ahorro hogares');
    expect(q.filter).toEqual({});
    expect(q.words.map((w) => w.text)).toEqual(['tips', 'ahorro', 'hogares']);
    expect(q.problems.map((p) => problemText(p, 'es'))).toEqual([
      '"tips:" no es un filtro, así que se leyó como palabras; ¿quiso decir tipo:?',
    ]);
    // Words that only look like keys stay words, without a note.
    expect(parse('note: http://x').problems).toEqual([]);
    expect(parse('https://x.org/?a=b').words.map((w) => w.text)).toEqual(['https', 'x', 'org', 'a', 'b']);
  });

  it('keeps partner values for the index to resolve', () => {
    expect(parse('partner:midis-pe socio:"red puentes"').partners).toEqual(['midis-pe', 'red puentes']);
  });

  it('joins a partner list written with "y", "and" or ", " when each value names one partner', () => {
    const partners = new Map([
      ['midis-pe', 'Ministerio de Desarrollo e Inclusión Social'],
      ['mides-uy', 'Ministerio de Desarrollo Social'],
      ['cepal', 'Comisión Económica para América Latina y el Caribe'],
    ]);
    const read = (q: string) => parseQuery(q, NOW, undefined, { partners });
    expect(read('socio:midis y cepal salud').partners).toEqual(['midis', 'cepal']);
    expect(read('partner:midis and cepal').partners).toEqual(['midis', 'cepal']);
    expect(read('socio:midis, cepal').partners).toEqual(['midis', 'cepal']);
    // The longest name that resolves, "y" and all.
    expect(read('socio:cepal y comisión económica para américa latina y el caribe').partners).toEqual([
      'cepal',
      'comisión económica para américa latina y el caribe',
    ]);
    // Words inside two partners' names ("desarrollo") name neither: searched.
    const words = read('socio:cepal y desarrollo');
    expect(words.partners).toEqual(['cepal']);
    expect(words.words.map((w) => w.text)).toEqual(['y', 'desarrollo']);
    // Without the partners, no list is guessed.
    expect(parse('socio:midis y cepal').partners).toEqual(['midis']);
  });

  it.each([
    ['country:narnia', /"narnia": no such country\. .*Type "countries" for the list/],
    ['type:spaceship', /"spaceship": no such type/],
    ['topic:astrophysics', /"astrophysics": no such topic/],
    ['lang:klingon', /"klingon": no such language/],
    ['since:soon', /since:soon is not a date: .*ayer|yesterday/],
    ['desde:2025-02-30', /desde:2025-02-30 is not a date: there is no such day/],
    ['since:2026', /since:2026 is still to come/],
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
