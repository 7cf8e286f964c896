import { describe, expect, it } from 'vitest';
import { type CoopEntry, resolveDraft } from '#shared/coop/entry.js';
import { coopReport, reportLines } from '#shared/coop/exchange.js';
import { CoopMatcher, doneExchanges } from '#shared/coop/match.js';
import { problemField, readFilters, readSubmission } from '#shared/coop/web/form.js';
import { portfolioPage, reportPage, submitPage } from '#shared/coop/web/pages.js';

/**
 * The cooperation pages as pure renderings: both languages, hostile text escaped, contacts never
 * shown, and every refusal on its field with the closest value, in the page's language.
 */

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

function entry(fields: Record<string, unknown>, id: string, extra: Partial<CoopEntry> = {}): CoopEntry {
  const resolved = resolveDraft(fields);
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  const at = '2026-10-01T00:00:00.000Z';
  return {
    ...resolved.draft,
    id,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [],
    ...extra,
  };
}

const offer = entry(
  {
    kind: 'offer',
    title: `Juntos co-responsibilities ${HOSTILE}`,
    summary: `How Peru verifies the co-responsibilities of cash transfers. ${HOSTILE}`,
    topics: 'conditional cash transfers',
    country: 'Perú',
    institution: `MIDIS ${HOSTILE}`,
    contact: 'secret-contact@midis.gob.pe',
    modalities: 'technical visit',
    languages: 'es',
  },
  'O-JUNT05',
);
const request = entry(
  {
    kind: 'request',
    title: 'Verificar corresponsabilidades de transferencias condicionadas',
    summary: 'Necesitamos apoyo para verificar corresponsabilidades en salud y educación.',
    topics: 'PTC',
    country: 'Honduras',
    institution: 'SEDESOL',
    contact: 'hidden@sedesol.gob.hn',
    modalities: 'visita técnica',
    languages: 'español',
    timeFrame: 'primer semestre de 2027',
  },
  'R-HND7AA',
);
const entries = [offer, request];
const matcher = new CoopMatcher(entries, doneExchanges(entries));
const items = entries.map((e) => ({ entry: e, matches: matcher.matchesFor(e, 3) }));
const content = (query: string, lang: 'en' | 'es') => ({
  reading: readFilters(new URLSearchParams(query), lang),
  items,
  counts: { offers: 1, requests: 1 },
  more: 0,
});

describe('the portfolio page', () => {
  it.each(['en', 'es'] as const)(
    '(%s) escapes what institutions wrote and never shows a contact address',
    (lang) => {
      const page = portfolioPage(lang, content('', lang));
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;',
      );
      for (const contact of ['secret-contact@midis.gob.pe', 'hidden@sedesol.gob.hn'])
        expect(page).not.toContain(contact);
    },
  );

  it('shows each entry with who fits and why, in the page’s language', () => {
    const es = portfolioPage('es', content('', 'es'));
    expect(es).toContain('Quién encaja');
    expect(es).toMatch(/mismo tema: [^<]*[Tt]ransferencias/);
    expect(es).toContain('ambos en español');
    expect(es).toContain('1 oferta y 1 solicitud.');
    expect(es).toContain('href="/coop/new?kind=request&amp;for=O-JUNT05&amp;lang=es"');
    const en = portfolioPage('en', content('', 'en'));
    expect(en).toContain('Who fits');
    expect(en).toMatch(/same topic: [^<]*cash transfers/);
    expect(en).toContain('both in Spanish');
  });

  it('says Languages / Idiomas when an entry names more than one', () => {
    const both = { ...request, languages: ['es' as const, 'en' as const] };
    const page = (lang: 'en' | 'es') =>
      portfolioPage(lang, { ...content('', lang), items: [{ entry: both, matches: [] }] });
    expect(page('es')).toContain('<p class="meta">Idiomas: Español, Inglés</p>');
    expect(page('en')).toContain('<p class="meta">Languages: Spanish, English</p>');
    expect(portfolioPage('es', content('', 'es'))).toContain('<p class="meta">Idioma: Español</p>');
  });

  it.each([
    [
      'es',
      'topic=focalizacoin',
      /“focalizacoin” no es un tema que conozcamos\. ¿Quiso decir Sistemas de focalización/,
    ],
    ['en', 'topic=focalizacoin', /“focalizacoin” is not a topic we know\. Did you mean Targeting systems/],
    ['es', 'country=Peruu', /“Peruu” no es un país que conozcamos\. ¿Quiso decir Perú/],
    ['en', 'modality=teleport', /“teleport” is not a modality you can choose here\./],
  ] as const)('(%s) refuses %s with the closest value, not an empty list', (lang, query, refusal) => {
    const page = portfolioPage(lang, content(query, lang));
    expect(page).toMatch(refusal);
    expect(page).toContain('role="alert"');
    expect(page).not.toContain('class="card"');
    expect(page).toMatch(/aria-invalid="true"/);
  });

  it('reads filters in anyone’s words through the filter language', () => {
    expect(
      readFilters(
        new URLSearchParams(
          'kind=ofertas&topic=CCT,focalización&country=Perú&modality=taller&language=español',
        ),
        'en',
      ).filter,
    ).toEqual({
      kind: 'offer',
      topics: ['conditional-cash-transfers', 'targeting'],
      countries: ['PE'],
      modality: 'workshop',
      language: 'es',
    });
  });

  it('takes the parameters’ Spanish names too, instead of ignoring them and listing everything', () => {
    const spanish = new URLSearchParams(
      'tipo=ofertas&tema=CCT,focalizaci%C3%B3n&pa%C3%ADs=Per%C3%BA&modalidad=taller&idioma=espa%C3%B1ol',
    );
    expect(readFilters(spanish, 'es').filter).toEqual({
      kind: 'offer',
      topics: ['conditional-cash-transfers', 'targeting'],
      countries: ['PE'],
      modality: 'workshop',
      language: 'es',
    });
    expect(readFilters(new URLSearchParams('pais=peru'), 'es').filter).toEqual({ countries: ['PE'] });
    // A value that means nothing is refused on its field, whichever name it came by.
    const page = portfolioPage('es', content('tema=focalizacoin', 'es'));
    expect(page).toMatch(/“focalizacoin” no es un tema que conozcamos/);
    expect(page).not.toContain('class="card"');
  });
});

describe('the submission form', () => {
  const hostile = new URLSearchParams({
    kind: 'request',
    title: HOSTILE,
    summary: '',
    topics: 'focalizacoin, primera infancia',
    country: 'Peruu',
    institution: 'x'.repeat(201),
    contact: 'not-an-address',
    languages: 'es',
    timeFrame: HOSTILE,
  });

  it.each([
    [
      'es',
      {
        topics:
          '“focalizacoin” no es un tema que conozcamos. ¿Quiso decir Sistemas de focalización o Trabajo decente y empleo?',
        country: '“Peruu” no es un país que conozcamos. ¿Quiso decir Perú o Estados Unidos?',
        summary: 'Este dato es necesario.',
        institution: 'Como máximo 200 caracteres.',
        contact: 'Escriba una dirección de correo como nombre@ejemplo.org.',
      },
    ],
    [
      'en',
      {
        topics:
          '“focalizacoin” is not a topic we know. Did you mean Targeting systems or Decent work and employment?',
        country: '“Peruu” is not a country we know. Did you mean Peru or United States?',
        summary: 'This is needed.',
        institution: 'At most 200 characters.',
        contact: 'Enter an email address like name@example.org.',
      },
    ],
  ] as const)('(%s) puts every problem beside its field, keeps what was typed, escaped', (lang, expected) => {
    const reading = readSubmission(hostile, lang);
    expect(reading.draft).toBeUndefined();
    expect(reading.errors).toEqual(expected);
    const page = submitPage(lang, { values: reading.values, errors: reading.errors, formToken: 'tok' });
    for (const [field, text] of Object.entries(expected)) {
      const escaped = text.replaceAll('“', '“');
      expect(page, field).toContain(`<p class="error" id="error-${field}">${escaped}</p>`);
      // The message sits right before its control (label, hint, error, control), which it describes.
      const control = new RegExp(
        `id="error-${field}">[^<]*</p>\\n<(input|textarea)[^>]*id="${field}"[^>]*aria-describedby="[^"]*error-${field}`,
      );
      expect(page, field).toMatch(control);
    }
    // The summary at the top names the field of each problem and links to it.
    const label = (field: string) =>
      (lang === 'es'
        ? { summary: 'Resumen', contact: 'Correo de contacto' }
        : { summary: 'Summary', contact: 'Contact email' })[field as 'summary' | 'contact'];
    for (const field of ['summary', 'contact'] as const)
      expect(page).toContain(`<li><a href="#${field}">${label(field)}: ${expected[field]}</a></li>`);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('value="focalizacoin, primera infancia"');
    expect(page).toContain('name="timeFrame"');
  });

  it('gives a draft with the web origin when all is well; the offer form has no time frame', () => {
    const reading = readSubmission(
      new URLSearchParams({
        kind: 'offer',
        title: 'Registro social de hogares',
        summary: 'Cómo Chile construyó el Registro Social de Hogares.',
        topics: 'registros sociales',
        country: 'Chile',
        institution: 'Ministerio de Desarrollo Social y Familia',
        contact: 'Coop@Desarrollosocial.gob.cl',
        modalities: 'technical-visit',
        languages: 'es',
      }),
      'es',
    );
    expect(reading.errors).toEqual({});
    expect(reading.draft).toMatchObject({
      kind: 'offer',
      topics: ['social-registries'],
      country: 'CL',
      modalities: ['technical-visit'],
      origin: { face: 'web', address: reading.email, language: 'es' },
    });
    expect(submitPage('en', { values: reading.values, formToken: 't' })).not.toContain('name="timeFrame"');
  });

  it('has a message in each language for every kind of problem resolveDraft writes', () => {
    const result = resolveDraft({
      kind: 'swap',
      title: 'x'.repeat(201),
      summary: '',
      topics: 'zzzzqqq',
      country: 'Atlantis',
      institution: '',
      contact: '',
      modalities: 'teleport',
      languages: 'klingon',
      timeFrame: 'x'.repeat(201),
    });
    const none = resolveDraft({ kind: 'offer', topics: '', languages: '' });
    const problems = [...(result.ok ? [] : result.problems), ...(none.ok ? [] : none.problems)];
    expect(problems.length).toBeGreaterThan(10);
    for (const problem of problems) {
      // The fallback shows a problem as written: none may reach it.
      expect(problemField(problem, 'es').text, problem).not.toBe(problem);
      expect(problemField(problem, 'en').text, problem).not.toBe(problem);
    }
  });
});

describe('the report page', () => {
  const done = entry(
    {
      kind: 'request',
      title: 'Registro social',
      summary: 'Apoyo para el registro social.',
      topics: 'social registries',
      country: 'Jamaica',
      institution: 'MLSS',
      contact: 'x@mlss.gov.jm',
      languages: 'en',
    },
    'R-JAM222',
    {
      status: 'done',
      counterpart: 'O-CHL222',
      history: [{ at: '2026-05-01T00:00:00.000Z', by: 'cli', change: 'done', with: 'O-CHL222' }],
    },
  );
  const chile = entry(
    {
      kind: 'offer',
      title: 'RSH',
      summary: 'Registro Social de Hogares.',
      topics: 'social registries',
      country: 'Chile',
      institution: 'MDSF',
      contact: 'x@mdsf.cl',
      languages: 'es',
    },
    'O-CHL222',
    { status: 'done', counterpart: 'R-JAM222' },
  );
  const report = coopReport([offer, request, done, chile], 2026);

  it('shows the same figures as `iaspn coop report`, in the newsletter’s words, in both languages', () => {
    const en = reportPage('en', { year: '2026', report });
    for (const line of reportLines(report).slice(0, 3)) expect(en).toContain(line);
    expect(en).toContain('Done in 2026: 1 bilateral cooperation activity involving Chile and Jamaica.');
    expect(en).toMatch(/<th scope="row">Peru<\/th><td class="n">1<\/td><td class="n">0<\/td>/);
    const es = reportPage('es', { year: '2026', report });
    expect(es).toContain('Abiertas ahora: 1 oferta y 1 solicitud.');
    expect(es).toContain('Realizadas en 2026: 1 actividad de cooperación bilateral con Chile y Jamaica.');
    expect(es).toMatch(/<th scope="row">Perú<\/th>/);
    expect(es).toContain('La cooperación en cifras 2026');
  });

  it('refuses a year that is none, beside its field', () => {
    const page = reportPage('es', { year: '20x6', error: '“20x6” no es un año: escríbalo como 2026.' });
    expect(page).toContain('<p class="error" id="error-year">“20x6” no es un año: escríbalo como 2026.</p>');
    expect(page).not.toContain('Abiertas ahora');
  });
});
