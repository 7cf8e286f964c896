import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  countryByCode,
  expandPhrase,
  findTopic,
  findType,
  foldText,
  PROGRAMMES,
  programmesNamed,
  TOPICS,
  tagText,
  topicById,
} from '../../../shared/taxonomy/index.js';

const CCT = 'conditional-cash-transfers';

describe('the programmes data', () => {
  it('names OAS member states and known topics', () => {
    for (const p of PROGRAMMES) {
      expect(countryByCode(p.country), p.names[0]).toBeDefined();
      for (const id of p.topics) expect(topicById(id), `${p.names[0]}: ${id}`).toBeDefined();
      expect(new Set(p.topics).size, p.names[0]).toBe(p.topics.length);
    }
  });

  it('gives each folded name to one programme, apart from topic phrases and country names', () => {
    const topicPhrases = new Set(
      TOPICS.flatMap((t) => [
        ...Object.values(t.names),
        ...Object.values(t.synonyms).flat(),
        ...t.acronyms,
      ]).map(foldText),
    );
    const countryNames = new Set(
      COUNTRIES.flatMap((c) => [...Object.values(c.names), ...c.variants, ...c.demonyms]).map(foldText),
    );
    const seen = new Set<string>();
    for (const name of PROGRAMMES.flatMap((p) => p.names)) {
      const folded = foldText(name);
      expect(seen.has(folded), name).toBe(false);
      expect(topicPhrases.has(folded), name).toBe(false);
      expect(countryNames.has(folded), name).toBe(false);
      seen.add(folded);
    }
  });
});

describe('tagging by programme and agency names', () => {
  it('gives a national programme its topics and its country', () => {
    expect(tagText('Bolsa Família chega a 21 milhões de famílias')).toEqual({
      topics: [CCT],
      countries: ['BR'],
    });
    expect(tagText('Tekoporã incorpora a 15.000 nuevas familias')).toEqual({
      topics: [CCT],
      countries: ['PY'],
    });
    expect(tagText('Pensión 65 llega a 820 mil usuarios')).toEqual({
      topics: ['social-insurance-pensions', 'older-persons'],
      countries: ['PE'],
    });
    expect(tagText('Chile Crece Contigo cumple 18 años')).toEqual({
      topics: ['early-childhood'],
      countries: ['CL'],
    });
    expect(tagText("Jamaica's PATH programme adds top-ups").topics).toEqual([CCT]);
    expect(tagText('Assurance-emploi : nouvelles mesures')).toEqual({
      topics: ['social-insurance-pensions'],
      countries: ['CA'],
    });
  });

  it('reads acronyms in capitals only: SISBEN IV, AUH, SNAP; not "path" or "snap"', () => {
    expect(tagText('SISBEN IV: nueva metodología')).toEqual({ topics: ['targeting'], countries: ['CO'] });
    expect(tagText('AUH: ANSES confirma aumento')).toEqual({ topics: [CCT], countries: ['AR'] });
    expect(tagText('SNAP work requirements')).toEqual({ topics: ['food-nutrition'], countries: ['US'] });
    expect(tagText('A snap decision on the path ahead')).toEqual({ topics: [], countries: [] });
  });

  it('takes a common word for a programme only within its phrase', () => {
    expect(tagText('MIDIS: el programa Juntos llega a Huancavelica')).toEqual({
      topics: [CCT],
      countries: ['PE'],
    });
    expect(tagText('PROGRAMA JUNTOS AMPLÍA SU COBERTURA').countries).toEqual(['PE']);
    expect(tagText('Lessons from the Juntos programme').countries).toEqual(['PE']);
    for (const text of [
      'Juntos contra la anemia: ferias de salud en Puno',
      'Avancemos juntos hacia un sistema de cuidados',
      'Prospera la agricultura familiar gracias a las cooperativas',
      'Trabajamos con el programa juntos, sin apuro',
      'Contigo, más cerca',
    ]) {
      const { topics, countries } = tagText(text);
      expect(topics, text).not.toContain(CCT);
      expect(countries, text).toEqual([]);
    }
  });

  it('reads capitalised names only when capitalised: "Prosperidad Social" the agency, not the phrase', () => {
    expect(tagText('Prosperidad Social anuncia pagos').countries).toEqual(['CO']);
    expect(tagText('hacia la prosperidad social de la región').countries).toEqual([]);
  });

  it("tags an agency's country but not the topic words of its name", () => {
    expect(tagText('La Secretaría del Trabajo y Previsión Social abre convocatoria')).toEqual({
      topics: [],
      countries: ['MX'],
    });
    expect(tagText('Employment and Social Development Canada announced')).toEqual({
      topics: [],
      countries: ['CA'],
    });
    // The words alone still name the topic.
    expect(tagText('reforma de la previsión social').topics).toEqual(['social-insurance-pensions']);
  });
});

describe('programme names in search and filters', () => {
  it('expand to the main topic, in any case', () => {
    expect(findTopic('tekopora')?.id).toBe(CCT);
    expect(findTopic('jovenes construyendo el futuro')?.id).toBe('job-training');
    expect(expandPhrase('bolsa familia')).toContain('transferencias monetarias condicionadas');
    // An agency names no topic.
    expect(findTopic('ANSES')).toBeUndefined();
  });
});

describe('feed category words for types', () => {
  it('reads the categories partners use', () => {
    expect(findType('Agenda')).toBe('event');
    expect(findType('Conversatorios')).toBe('event');
    expect(findType('Sala de prensa')).toBe('news');
    expect(findType('Photo galleries')).toBe('photo');
    expect(findType('Galería fotográfica')).toBe('photo');
    expect(findType('Photo stories')).toBe('photo');
    expect(findType('Documentos de trabajo')).toBe('document');
  });
});

describe('programmesNamed: the programmes a title names, for search', () => {
  const named = (text: string, countries: string[] = []) =>
    programmesNamed(text, countries).map((p) => p.country);

  it('finds a name with the case rules of tagging: PATH in capitals, Bolsa Família capitalised', () => {
    expect(named("Jamaica's PATH: an impact evaluation")).toEqual(['JM']);
    expect(named('the path to work')).toEqual([]);
    expect(named('Bolsa Família: relatório de acompanhamento')).toEqual(['BR']);
  });

  it('reads a programme named by a common word alone, capitalised, only in a resource of its country', () => {
    expect(named('A diez años de Prospera: lecciones', ['MX'])).toEqual(['MX']);
    expect(named('A diez años de Prospera: lecciones', ['CL'])).toEqual([]);
    expect(named('prospera la agricultura familiar', ['MX'])).toEqual([]);
    expect(named('Juntos: conditional cash transfers in the Andes', ['PE'])).toEqual(['PE']);
    expect(named('Juntos contra la anemia', ['CL'])).toEqual([]);
  });

  it("knows the region's programmes by name, a number however its thousands are written", () => {
    expect(tagText('Chemen Lavi Miyò: 1 500 familles sortent de l’extrême pauvreté')).toEqual({
      topics: ['graduation', 'poverty-inequality'],
      countries: ['HT'],
    });
    expect(tagText('Kore Lavi : bilan du filet de sécurité alimentaire').countries).toEqual(['HT']);
    for (const text of ['Efectos del Bono 10,000', 'Efectos del Bono 10000'])
      expect(tagText(text), text).toEqual({ topics: ['conditional-cash-transfers'], countries: ['HN'] });
  });

  it('tags accounts and savings as financial inclusion, in the four languages', () => {
    for (const text of [
      'Poupança, crédito e contas digitais entre beneficiárias',
      'Cuentas bancarias para las usuarias',
      'Opening bank accounts for recipients',
      "L'épargne des ménages bénéficiaires",
    ])
      expect(tagText(text).topics, text).toContain('financial-inclusion');
  });

  it('reads "empleo juvenil" as youth and employment, as "youth employment" is', () => {
    expect(tagText('Feria de empleo juvenil en San Pedro Sula').topics.sort()).toEqual([
      'decent-work',
      'youth',
    ]);
    expect(tagText('Youth employment fair in San Pedro Sula').topics.sort()).toEqual([
      'decent-work',
      'youth',
    ]);
  });

  it("reads Chile's Seguridades y Oportunidades as Chile's, not Mexico's Oportunidades", () => {
    expect(named('the Seguridades y Oportunidades programme', ['CL'])).toEqual(['CL']);
    expect(tagText('the effect of Seguridades y Oportunidades programme on employment').countries).toEqual([
      'CL',
    ]);
  });
});
