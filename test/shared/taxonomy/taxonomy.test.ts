import { describe, expect, it } from 'vitest';
import { LANGUAGES, RESOURCE_TYPES } from '../../../shared/domain/resource.js';
import {
  COUNTRIES,
  casedTokens,
  countryByCode,
  displayCountry,
  displayLanguage,
  displayTopic,
  displayType,
  expandPhrase,
  expandQuery,
  findCountry,
  findLanguage,
  findTopic,
  findType,
  foldText,
  foldTokens,
  synonymGroups,
  TOPICS,
  TYPE_NAMES,
  tagText,
  topicById,
  topicPhrases,
} from '../../../shared/taxonomy/index.js';

const OAS_MEMBERS =
  'AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE'.split(
    ' ',
  );

describe('foldText', () => {
  it('lower-cases, strips accents, turns punctuation into single spaces', () => {
    expect(foldText('Índice de Pobreza Multidimensional (IPM) — Perú')).toBe(
      'indice de pobreza multidimensional ipm peru',
    );
    expect(foldText('  Año 2024/25:\tniñez  y\u00a0adolescencia… ')).toBe('ano 2024 25 ninez y adolescencia');
    expect(foldText("Haïti, Trinité-et-Tobago & l'Équateur")).toBe('haiti trinite et tobago l equateur');
    expect(foldText('U.S.-based')).toBe('u s based');
    expect(foldText('...')).toBe('');
  });

  it('agrees with its definition in regular expressions', () => {
    const definition = (s: string) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const samples = [
      'São Cristóvão e Névis',
      'ÀÉÎÕÜ Ñandú',
      'emoji 🎉 here, 𝐀bc',
      'Straße Łódź œuvre',
      'Ελληνικά Кириллица 中文字',
      'İstanbul',
      'e\u0301 composed by hand',
    ];
    for (const s of samples) expect(foldText(s)).toBe(definition(s));
    expect(foldTokens('Primera Infancia, 2024')).toEqual(['primera', 'infancia', '2024']);
  });

  it('remembers which words were written in capitals', () => {
    const { tokens, upper, capital } = casedTokens('The U.S. CCTs and MPI in Perú');
    expect(tokens).toEqual(['the', 'u', 's', 'ccts', 'and', 'mpi', 'in', 'peru']);
    expect(upper).toEqual([false, true, true, false, false, true, false, false]);
    expect(capital).toEqual([true, true, true, true, false, true, false, true]);
  });
});

describe('the data', () => {
  it('has 25 to 35 topics with unique kebab-case ids', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(25);
    expect(TOPICS.length).toBeLessThanOrEqual(35);
    const ids = TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('names every topic in the four languages, with at least two English and Spanish synonyms', () => {
    for (const topic of TOPICS) {
      for (const lang of LANGUAGES) expect(topic.names[lang].trim(), `${topic.id} ${lang}`).not.toBe('');
      expect(topic.synonyms.en.length, topic.id).toBeGreaterThanOrEqual(2);
      expect(topic.synonyms.es.length, topic.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives each folded topic phrase to one topic only', () => {
    const owner = new Map<string, string>();
    for (const [k, group] of synonymGroups().entries()) {
      for (const phrase of group) {
        expect(owner.get(phrase) ?? TOPICS[k]!.id, phrase).toBe(TOPICS[k]!.id);
        owner.set(phrase, TOPICS[k]!.id);
      }
    }
  });

  it('has the 35 OAS member states with unique alpha-2 and alpha-3 codes', () => {
    expect(COUNTRIES.map((c) => c.code).sort()).toEqual([...OAS_MEMBERS].sort());
    expect(new Set(COUNTRIES.map((c) => c.iso3)).size).toBe(35);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      for (const lang of LANGUAGES) expect(c.names[lang], `${c.code} ${lang}`).not.toBe('');
    }
  });

  it('gives each folded country name, variant and demonym to one country only', () => {
    const owner = new Map<string, string>();
    for (const c of COUNTRIES) {
      for (const text of [...Object.values(c.names), ...c.variants, ...c.demonyms]) {
        const folded = foldText(text);
        expect(owner.get(folded) ?? c.code, text).toBe(c.code);
        owner.set(folded, c.code);
      }
    }
  });

  it('names every resource type in English and Spanish', () => {
    for (const type of RESOURCE_TYPES) {
      expect(TYPE_NAMES[type].names.en).not.toBe('');
      expect(TYPE_NAMES[type].names.es).not.toBe('');
    }
  });
});

describe('findTopic', () => {
  it('accepts ids, names and synonyms in any language, without accents or case', () => {
    expect(findTopic('conditional-cash-transfers')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('social-insurance-pensions')?.id).toBe('social-insurance-pensions');
    expect(findTopic('Conditional Cash Transfers')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('programas de transferencias condicionadas')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('Bolsa Familia')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('focalizacion')?.id).toBe('targeting');
    expect(findTopic('Focalización')?.id).toBe('targeting');
    expect(findTopic('primera infancia')?.id).toBe('early-childhood');
    expect(findTopic('seguridad alimentaria')?.id).toBe('food-nutrition');
    expect(findTopic('cooperación sur-sur')?.id).toBe('south-south-cooperation');
    expect(findTopic('sécurité sociale')?.id).toBe('social-insurance-pensions');
  });

  it('accepts acronyms in any case (a filter is typed casually)', () => {
    expect(findTopic('CCT')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('ptc')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('MPI')?.id).toBe('multidimensional-poverty');
    expect(findTopic('ipm')?.id).toBe('multidimensional-poverty');
  });

  it('finds a topic phrase inside a longer text, or the one topic a word or prefix points to', () => {
    expect(findTopic('transferencias condicionadas en el Perú')?.id).toBe('conditional-cash-transfers');
    expect(findTopic('graduacion')?.id).toBe('graduation');
    expect(findTopic('genero')?.id).toBe('gender');
    expect(findTopic('pobreza')?.id).toBe('poverty-inequality');
    expect(findTopic('educ')?.id).toBe('education');
  });

  it('returns undefined for nothing or for a word several topics share', () => {
    expect(findTopic('')).toBeUndefined();
    expect(findTopic('quantum chromodynamics')).toBeUndefined();
    expect(findTopic('social')).toBeUndefined();
    expect(findTopic('de')).toBeUndefined();
  });

  it('topicById is exact', () => {
    expect(topicById('health')?.names.es).toBe('Servicios básicos de salud');
    expect(topicById('Health')).toBeUndefined();
  });
});

describe('findCountry', () => {
  it('accepts alpha-2 and alpha-3 codes in any case', () => {
    expect(findCountry('BR')?.code).toBe('BR');
    expect(findCountry('br')?.code).toBe('BR');
    expect(findCountry('BRA')?.code).toBe('BR');
    expect(findCountry('us')?.code).toBe('US');
    expect(findCountry('usa')?.code).toBe('US');
    expect(countryByCode('per')?.names.es).toBe('Perú');
    expect(countryByCode('XX')).toBeUndefined();
  });

  it('accepts names, variants and demonyms in any language, without accents or case', () => {
    expect(findCountry('brasil')?.code).toBe('BR');
    expect(findCountry('Brésil')?.code).toBe('BR');
    expect(findCountry('Mexico')?.code).toBe('MX');
    expect(findCountry('méxico')?.code).toBe('MX');
    expect(findCountry('Peru')?.code).toBe('PE');
    expect(findCountry('Estados Unidos de América')?.code).toBe('US');
    expect(findCountry('U.S.')?.code).toBe('US');
    expect(findCountry('EE.UU.')?.code).toBe('US');
    expect(findCountry('Trinidad & Tobago')?.code).toBe('TT');
    expect(findCountry('St. Lucia')?.code).toBe('LC');
    expect(findCountry('Santa Lucía')?.code).toBe('LC');
    expect(findCountry('Haïti')?.code).toBe('HT');
    expect(findCountry('Bolivia (Plurinational State of)')?.code).toBe('BO');
    expect(findCountry('Venezuela (Bolivarian Republic of)')?.code).toBe('VE');
    expect(findCountry('Granada')?.code).toBe('GD');
    expect(findCountry('peruano')?.code).toBe('PE');
  });

  it('tells apart the countries that look alike', () => {
    expect(findCountry('Dominica')?.code).toBe('DM');
    expect(findCountry('Dominican Rep.')?.code).toBe('DO');
    expect(findCountry('república-dominicana')?.code).toBe('DO');
    expect(findCountry('Guyana')?.code).toBe('GY');
    expect(findCountry('French Guiana')).toBeUndefined();
  });

  it('finds the country a short text mentions', () => {
    expect(findCountry('en el Perú')?.code).toBe('PE');
    expect(findCountry('Atlantis')).toBeUndefined();
  });
});

describe('findType and findLanguage', () => {
  it('resolve the words partners and members use for resource types', () => {
    expect(findType('document')).toBe('document');
    expect(findType('Documentos')).toBe('document');
    expect(findType('publicación')).toBe('document');
    expect(findType('Informes')).toBe('document');
    expect(findType('report')).toBe('document');
    expect(findType('noticias')).toBe('news');
    expect(findType('Press Release')).toBe('news');
    expect(findType('comunicado de prensa')).toBe('news');
    expect(findType('evento')).toBe('event');
    expect(findType('webinars')).toBe('event');
    expect(findType('seminario')).toBe('event');
    expect(findType('fotografía')).toBe('photo');
    expect(findType('galería')).toBe('photo');
    expect(findType('podcast')).toBe('audio');
    expect(findType('Destacado del mes')).toBe('highlight');
    expect(findType('Partner of the month')).toBe('highlight');
    expect(findType('Partner Highlight')).toBe('highlight');
    expect(findType('destacado')).toBe('highlight');
    expect(findType('constructor')).toBeUndefined();
  });

  it('resolve language codes, locale tags and names', () => {
    for (const text of ['en', 'EN', 'english', 'inglés', 'Ingles', 'en-US'])
      expect(findLanguage(text)).toBe('en');
    for (const text of ['es', 'spanish', 'Español', 'castellano', 'es-419'])
      expect(findLanguage(text)).toBe('es');
    for (const text of ['pt', 'português', 'portugues', 'pt-BR']) expect(findLanguage(text)).toBe('pt');
    for (const text of ['fr', 'français', 'French', 'francés']) expect(findLanguage(text)).toBe('fr');
    expect(findLanguage('klingon')).toBeUndefined();
  });
});

describe('tagText', () => {
  it('tags a Spanish news item', () => {
    const tags = tagText('El MIDIS presentó el nuevo índice de pobreza multidimensional del Perú');
    expect(tags.topics).toContain('multidimensional-poverty');
    expect(tags.countries).toEqual(['PE']);
  });

  it('tags an English item from the portal', () => {
    const tags = tagText(
      '15 social protection experiences were presented on Conditional Cash Transfer Programs (PTC), targeting ' +
        'systems and financial inclusion, with Chile, Jamaica, Saint Kitts and Nevis and Trinidad and Tobago.',
    );
    expect(tags.topics).toEqual(['conditional-cash-transfers', 'targeting', 'financial-inclusion']);
    expect(tags.countries).toEqual(['CL', 'JM', 'KN', 'TT']);
  });

  it('reads Portuguese and French, names and demonyms', () => {
    expect(tagText('O Bolsa Família e a segurança alimentar no Brasil')).toEqual({
      topics: ['conditional-cash-transfers', 'food-nutrition'],
      countries: ['BR'],
    });
    expect(tagText("La protection sociale adaptative en Haïti après l'ouragan").countries).toEqual(['HT']);
    expect(tagText('el gobierno peruano y los migrantes venezolanos')).toEqual({
      topics: ['migration'],
      countries: ['PE', 'VE'],
    });
  });

  it('takes the longest phrase: a conditional cash transfer is not also a bare cash transfer', () => {
    expect(tagText('Transferencias monetarias no condicionadas').topics).toEqual(['social-assistance']);
    expect(tagText('early childhood education').topics).toEqual(['early-childhood']);
    expect(tagText('Estados Unidos Mexicanos').countries).toEqual(['MX']);
  });

  it('counts acronyms only when written in capitals', () => {
    expect(tagText('the MPI of Colombia').topics).toEqual(['multidimensional-poverty']);
    expect(tagText('5 mpi of data').topics).toEqual([]);
    expect(tagText('CCT and PTC').topics).toEqual(['conditional-cash-transfers']);
    expect(tagText('Funding from the USA').countries).toEqual(['US']);
    expect(tagText('¿Cómo se usa el registro?').countries).toEqual([]);
  });

  it('never takes a country code for a country', () => {
    expect(tagText('We use a US-based approach to co-operation').countries).toEqual([]);
    expect(tagText('Data from the PE ratio, CO2 emissions and CA 90210').countries).toEqual([]);
  });

  it('tells Dominica from the Dominican Republic', () => {
    expect(tagText('Ministry of Social Services, Dominica').countries).toEqual(['DM']);
    expect(tagText('Gabinete de Políticas Sociales de República Dominicana').countries).toEqual(['DO']);
    expect(tagText('the Dominican Republic and Dominica').countries).toEqual(['DO', 'DM']);
  });

  it('skips names that are usually something else', () => {
    expect(tagText('Granada, Nicaragua').countries).toEqual(['NI']);
    expect(tagText('Albuquerque, New Mexico').countries).toEqual([]);
    expect(tagText('la línea del ecuador').countries).toEqual([]);
    // Not El Salvador; the programme is Mexico's.
    expect(tagText('Salvador Escobedo, Programa Oportunidades').countries).toEqual(['MX']);
    expect(tagText('Chile peppers are fine: Chile is tagged').countries).toEqual(['CL']);
  });

  it('does not take common words for programme names', () => {
    expect(tagText('La economía prospera cuando trabajamos juntos y creamos oportunidades')).toEqual({
      topics: [],
      countries: [],
    });
    expect(tagText('El Programa Juntos del Perú').topics).toEqual(['conditional-cash-transfers']);
  });

  it('scans parts separately, so that no phrase spans a title and a category', () => {
    expect(tagText(['Results from the early', 'childhood']).topics).toEqual(['children-adolescents']);
    expect(tagText(['Pobreza', 'Perú'])).toEqual({ topics: [], countries: ['PE'] });
  });
});

describe('cross-language search synonyms', () => {
  it('maps the examples of the product brief to one group', () => {
    expect(expandPhrase('conditional cash transfers')).toContain('programas de transferencias condicionadas');
    expect(expandPhrase('CCT')).toContain('ptc');
    expect(expandPhrase('MPI')).toContain('indice de pobreza multidimensional');
    expect(expandPhrase('early childhood')).toContain('primera infancia');
    expect(expandPhrase('cash transfers')).toContain('transferencias monetarias condicionadas');
    expect(expandPhrase('no such topic')).toBeUndefined();
  });

  it('returns folded groups, one per topic', () => {
    expect(synonymGroups()).toHaveLength(TOPICS.length);
    for (const group of synonymGroups()) for (const phrase of group) expect(phrase).toBe(foldText(phrase));
    expect(topicPhrases('early-childhood')?.slice(0, 2)).toEqual([
      'early childhood care and development',
      'primera infancia',
    ]);
  });

  it('finds the topic phrases of a query, with their alternatives', () => {
    const expansions = expandQuery('cct evaluations in early childhood');
    expect(expansions.map((e) => [e.topicId, e.phrase, e.start, e.end])).toEqual([
      ['conditional-cash-transfers', 'cct', 0, 1],
      ['early-childhood', 'early childhood', 3, 5],
    ]);
    expect(expansions[0]!.alternatives).toContain('transferencias monetarias condicionadas');
    expect(expansions[0]!.alternatives).not.toContain('cct');
    expect(expandQuery('pobreza multidimensional')[0]?.alternatives).toContain(
      'multidimensional poverty index',
    );
  });
});

describe('display names', () => {
  it('shows topics, countries, types and languages in English or Spanish', () => {
    expect(displayTopic('early-childhood', 'es')).toBe('Primera infancia');
    expect(displayTopic('early-childhood')).toBe('Early childhood care and development');
    expect(displayCountry('PE', 'es')).toBe('Perú');
    expect(displayCountry('per', 'en')).toBe('Peru');
    expect(displayType('document', 'es')).toBe('Documento');
    expect(displayType('highlight', 'en')).toBe('Partner highlight');
    expect(displayLanguage('es', 'es')).toBe('Español');
    expect(displayLanguage('en', 'es')).toBe('Inglés');
  });

  it('shows an unknown value as given', () => {
    expect(displayTopic('no-such-topic', 'es')).toBe('no-such-topic');
    expect(displayCountry('XX', 'es')).toBe('XX');
    expect(displayType('constructor', 'es')).toBe('constructor');
  });
});
