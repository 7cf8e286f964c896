import type { Language } from '../domain/resource.js';

/**
 * The 35 member states of the OAS (Cuba, Nicaragua and Venezuela included: the portal still
 * holds and receives content about them).
 */
export interface Country {
  /** ISO 3166-1 alpha-2, upper-case: what resources and filters store. */
  code: string;
  /** ISO 3166-1 alpha-3, upper-case. */
  iso3: string;
  names: Readonly<Record<Language, string>>;
  /** Other ways of writing the name: official long forms, abbreviations, spellings without accents. */
  variants: readonly string[];
  /** Nationality adjectives (English, Spanish, Portuguese, French), so "the Peruvian government" tags Peru. */
  demonyms: readonly string[];
}

/** English demonym and its plural ("Guyanese" has none). */
const en = (...words: string[]): string[] => words.flatMap((w) => (w.endsWith('ese') ? [w] : [w, `${w}s`]));

/** Spanish or Portuguese adjective in its four forms: peruano/a/os/as, canadiense(s), guyanés/esa/eses/esas. */
const ib = (...words: string[]): string[] =>
  words.flatMap((w) => {
    if (w.endsWith('o')) return [w, `${w.slice(0, -1)}a`, `${w}s`, `${w.slice(0, -1)}as`];
    if (/[éê]s$/.test(w)) {
      const stem = `${w.slice(0, -2)}es`;
      return [w, `${stem}a`, `${stem}es`, `${stem}as`];
    }
    return [w, `${w}s`];
  });

/** French adjective in its four forms: péruvien/ne/s/nes, mexicain/e/s/es, guatémaltèque(s). */
const fr = (...words: string[]): string[] =>
  words.flatMap((w) => {
    if (/(ien|éen)$/.test(w)) return [w, `${w}ne`, `${w}s`, `${w}nes`];
    if (w.endsWith('e')) return [w, `${w}s`];
    return [w, `${w}e`, `${w}s`, `${w}es`];
  });

export const COUNTRIES: readonly Country[] = [
  {
    code: 'AG',
    iso3: 'ATG',
    names: {
      en: 'Antigua and Barbuda',
      es: 'Antigua y Barbuda',
      pt: 'Antígua e Barbuda',
      fr: 'Antigua-et-Barbuda',
    },
    // Not "Antigua" alone: Antigua Guatemala is a city.
    variants: ['Antigua & Barbuda'],
    demonyms: en('Antiguan'),
  },
  {
    code: 'AR',
    iso3: 'ARG',
    names: { en: 'Argentina', es: 'Argentina', pt: 'Argentina', fr: 'Argentine' },
    variants: ['Argentine Republic', 'República Argentina'],
    demonyms: [...en('Argentine', 'Argentinian'), ...ib('argentino'), ...fr('argentin')],
  },
  {
    code: 'BS',
    iso3: 'BHS',
    names: { en: 'The Bahamas', es: 'Bahamas', pt: 'Bahamas', fr: 'Bahamas' },
    variants: ['Commonwealth of The Bahamas', 'Las Bahamas'],
    demonyms: [...en('Bahamian'), ...ib('bahameño')],
  },
  {
    code: 'BB',
    iso3: 'BRB',
    names: { en: 'Barbados', es: 'Barbados', pt: 'Barbados', fr: 'Barbade' },
    variants: [],
    demonyms: [...en('Barbadian'), ...ib('barbadense')],
  },
  {
    code: 'BZ',
    iso3: 'BLZ',
    names: { en: 'Belize', es: 'Belice', pt: 'Belize', fr: 'Belize' },
    variants: [],
    demonyms: [...en('Belizean'), ...ib('beliceño')],
  },
  {
    code: 'BO',
    iso3: 'BOL',
    names: { en: 'Bolivia', es: 'Bolivia', pt: 'Bolívia', fr: 'Bolivie' },
    variants: [
      'Plurinational State of Bolivia',
      'Bolivia (Plurinational State of)',
      'Bolivia, Plurinational State of',
      'Estado Plurinacional de Bolivia',
    ],
    demonyms: [...en('Bolivian'), ...ib('boliviano'), ...fr('bolivien')],
  },
  {
    code: 'BR',
    iso3: 'BRA',
    names: { en: 'Brazil', es: 'Brasil', pt: 'Brasil', fr: 'Brésil' },
    variants: [
      'Federative Republic of Brazil',
      'República Federativa do Brasil',
      'República Federativa del Brasil',
    ],
    demonyms: [...en('Brazilian'), ...ib('brasileño', 'brasileiro'), ...fr('brésilien')],
  },
  {
    code: 'CA',
    iso3: 'CAN',
    names: { en: 'Canada', es: 'Canadá', pt: 'Canadá', fr: 'Canada' },
    variants: [],
    demonyms: [...en('Canadian'), ...ib('canadiense', 'canadense'), ...fr('canadien')],
  },
  {
    code: 'CL',
    iso3: 'CHL',
    names: { en: 'Chile', es: 'Chile', pt: 'Chile', fr: 'Chili' },
    variants: ['Republic of Chile', 'República de Chile'],
    demonyms: [...en('Chilean'), ...ib('chileno'), ...fr('chilien')],
  },
  {
    code: 'CO',
    iso3: 'COL',
    names: { en: 'Colombia', es: 'Colombia', pt: 'Colômbia', fr: 'Colombie' },
    variants: ['Republic of Colombia', 'República de Colombia'],
    demonyms: [...en('Colombian'), ...ib('colombiano'), ...fr('colombien')],
  },
  {
    code: 'CR',
    iso3: 'CRI',
    names: { en: 'Costa Rica', es: 'Costa Rica', pt: 'Costa Rica', fr: 'Costa Rica' },
    variants: ['Republic of Costa Rica', 'República de Costa Rica'],
    demonyms: [...en('Costa Rican'), ...ib('costarricense', 'costarriquenho'), ...fr('costaricien')],
  },
  {
    code: 'CU',
    iso3: 'CUB',
    names: { en: 'Cuba', es: 'Cuba', pt: 'Cuba', fr: 'Cuba' },
    variants: ['Republic of Cuba', 'República de Cuba'],
    demonyms: [...en('Cuban'), ...ib('cubano'), ...fr('cubain')],
  },
  {
    code: 'DM',
    iso3: 'DMA',
    names: { en: 'Dominica', es: 'Dominica', pt: 'Dominica', fr: 'Dominique' },
    variants: ['Commonwealth of Dominica', 'Mancomunidad de Dominica'],
    // "Dominican" is also the Dominican Republic's: left to neither.
    demonyms: [],
  },
  {
    code: 'DO',
    iso3: 'DOM',
    names: {
      en: 'Dominican Republic',
      es: 'República Dominicana',
      pt: 'República Dominicana',
      fr: 'République dominicaine',
    },
    variants: ['Dominican Rep.', 'Rep. Dominicana', 'Rep. Dom.'],
    demonyms: [...ib('dominicano'), ...fr('dominicain')],
  },
  {
    code: 'EC',
    iso3: 'ECU',
    names: { en: 'Ecuador', es: 'Ecuador', pt: 'Equador', fr: 'Équateur' },
    variants: ['Republic of Ecuador', 'República del Ecuador'],
    demonyms: [...en('Ecuadorian'), ...ib('ecuatoriano', 'equatoriano'), ...fr('équatorien')],
  },
  {
    code: 'SV',
    iso3: 'SLV',
    names: { en: 'El Salvador', es: 'El Salvador', pt: 'El Salvador', fr: 'Salvador' },
    variants: ['Republic of El Salvador', 'República de El Salvador'],
    demonyms: [
      ...en('Salvadoran', 'Salvadorean'),
      ...ib('salvadoreño', 'salvadorenho'),
      ...fr('salvadorien'),
    ],
  },
  {
    code: 'GD',
    iso3: 'GRD',
    names: { en: 'Grenada', es: 'Granada', pt: 'Granada', fr: 'Grenade' },
    variants: [],
    demonyms: en('Grenadian'),
  },
  {
    code: 'GT',
    iso3: 'GTM',
    names: { en: 'Guatemala', es: 'Guatemala', pt: 'Guatemala', fr: 'Guatemala' },
    variants: ['Republic of Guatemala', 'República de Guatemala'],
    demonyms: [...en('Guatemalan'), ...ib('guatemalteco'), ...fr('guatémaltèque')],
  },
  {
    code: 'GY',
    iso3: 'GUY',
    names: { en: 'Guyana', es: 'Guyana', pt: 'Guiana', fr: 'Guyana' },
    variants: [
      'Co-operative Republic of Guyana',
      'Cooperative Republic of Guyana',
      'República Cooperativa de Guyana',
    ],
    demonyms: [...en('Guyanese'), ...ib('guyanés')],
  },
  {
    code: 'HT',
    iso3: 'HTI',
    names: { en: 'Haiti', es: 'Haití', pt: 'Haiti', fr: 'Haïti' },
    variants: ['Republic of Haiti', 'República de Haití', "République d'Haïti", 'Ayiti'],
    demonyms: [...en('Haitian'), ...ib('haitiano'), ...fr('haïtien')],
  },
  {
    code: 'HN',
    iso3: 'HND',
    names: { en: 'Honduras', es: 'Honduras', pt: 'Honduras', fr: 'Honduras' },
    variants: ['Republic of Honduras', 'República de Honduras'],
    demonyms: [...en('Honduran'), ...ib('hondureño', 'hondurenho'), ...fr('hondurien')],
  },
  {
    code: 'JM',
    iso3: 'JAM',
    names: { en: 'Jamaica', es: 'Jamaica', pt: 'Jamaica', fr: 'Jamaïque' },
    variants: [],
    demonyms: [...en('Jamaican'), ...ib('jamaiquino', 'jamaicano'), ...fr('jamaïcain')],
  },
  {
    code: 'MX',
    iso3: 'MEX',
    names: { en: 'Mexico', es: 'México', pt: 'México', fr: 'Mexique' },
    variants: ['United Mexican States', 'Estados Unidos Mexicanos', 'Méjico'],
    demonyms: [...en('Mexican'), ...ib('mexicano'), ...fr('mexicain')],
  },
  {
    code: 'NI',
    iso3: 'NIC',
    names: { en: 'Nicaragua', es: 'Nicaragua', pt: 'Nicarágua', fr: 'Nicaragua' },
    variants: ['Republic of Nicaragua', 'República de Nicaragua'],
    demonyms: [...en('Nicaraguan'), ...ib('nicaragüense'), ...fr('nicaraguayen')],
  },
  {
    code: 'PA',
    iso3: 'PAN',
    names: { en: 'Panama', es: 'Panamá', pt: 'Panamá', fr: 'Panama' },
    variants: ['Republic of Panama', 'República de Panamá'],
    demonyms: [...en('Panamanian'), ...ib('panameño', 'panamenho'), ...fr('panaméen')],
  },
  {
    code: 'PY',
    iso3: 'PRY',
    names: { en: 'Paraguay', es: 'Paraguay', pt: 'Paraguai', fr: 'Paraguay' },
    variants: ['Republic of Paraguay', 'República del Paraguay'],
    demonyms: [...en('Paraguayan'), ...ib('paraguayo', 'paraguaio'), ...fr('paraguayen')],
  },
  {
    code: 'PE',
    iso3: 'PER',
    names: { en: 'Peru', es: 'Perú', pt: 'Peru', fr: 'Pérou' },
    variants: ['Republic of Peru', 'República del Perú'],
    demonyms: [...en('Peruvian'), ...ib('peruano'), ...fr('péruvien')],
  },
  {
    code: 'KN',
    iso3: 'KNA',
    names: {
      en: 'Saint Kitts and Nevis',
      es: 'San Cristóbal y Nieves',
      pt: 'São Cristóvão e Névis',
      fr: 'Saint-Christophe-et-Niévès',
    },
    variants: [
      'St Kitts and Nevis',
      'St. Kitts & Nevis',
      'Saint Kitts & Nevis',
      'St Kitts-Nevis',
      'Saint Kitts',
      'St Kitts',
      'Saint Christopher and Nevis',
      'Federation of Saint Kitts and Nevis',
      'San Cristóbal y Nevis',
      'Saint-Kitts-et-Nevis',
    ],
    demonyms: en('Kittitian'),
  },
  {
    code: 'LC',
    iso3: 'LCA',
    names: { en: 'Saint Lucia', es: 'Santa Lucía', pt: 'Santa Lúcia', fr: 'Sainte-Lucie' },
    variants: ['St. Lucia', 'St Lucia'],
    demonyms: en('Saint Lucian'),
  },
  {
    code: 'VC',
    iso3: 'VCT',
    names: {
      en: 'Saint Vincent and the Grenadines',
      es: 'San Vicente y las Granadinas',
      pt: 'São Vicente e Granadinas',
      fr: 'Saint-Vincent-et-les-Grenadines',
    },
    // Not "San Vicente" alone: a department and city of El Salvador.
    variants: [
      'St Vincent and the Grenadines',
      'St. Vincent & the Grenadines',
      'Saint Vincent & the Grenadines',
      'St Vincent and Grenadines',
      'Saint Vincent',
      'St Vincent',
      'San Vicente y Granadinas',
    ],
    demonyms: [],
  },
  {
    code: 'SR',
    iso3: 'SUR',
    names: { en: 'Suriname', es: 'Surinam', pt: 'Suriname', fr: 'Suriname' },
    variants: ['Republic of Suriname', 'República de Surinam'],
    demonyms: [...en('Surinamese'), ...ib('surinamés')],
  },
  {
    code: 'TT',
    iso3: 'TTO',
    names: {
      en: 'Trinidad and Tobago',
      es: 'Trinidad y Tobago',
      pt: 'Trinidad e Tobago',
      fr: 'Trinité-et-Tobago',
    },
    // Not "Trinidad" alone: cities in Bolivia, Cuba and Uruguay.
    variants: ['Trinidad & Tobago', 'Republic of Trinidad and Tobago', 'Tobago'],
    demonyms: [...en('Trinidadian'), ...ib('trinitense')],
  },
  {
    code: 'US',
    iso3: 'USA',
    names: { en: 'United States', es: 'Estados Unidos', pt: 'Estados Unidos', fr: 'États-Unis' },
    // Not "US": the pronoun. Capitals-only forms match free text only when so written.
    variants: [
      'United States of America',
      'USA',
      'U.S.',
      'U.S.A.',
      'Estados Unidos de América',
      'Estados Unidos de Norteamérica',
      'EE.UU.',
      'EEUU',
      'EUA',
      'Estados Unidos da América',
      "États-Unis d'Amérique",
    ],
    demonyms: ib('estadounidense', 'estadunidense'),
  },
  {
    code: 'UY',
    iso3: 'URY',
    names: { en: 'Uruguay', es: 'Uruguay', pt: 'Uruguai', fr: 'Uruguay' },
    variants: ['Oriental Republic of Uruguay', 'República Oriental del Uruguay'],
    demonyms: [...en('Uruguayan'), ...ib('uruguayo', 'uruguaio'), ...fr('uruguayen')],
  },
  {
    code: 'VE',
    iso3: 'VEN',
    names: { en: 'Venezuela', es: 'Venezuela', pt: 'Venezuela', fr: 'Venezuela' },
    variants: [
      'Bolivarian Republic of Venezuela',
      'Venezuela (Bolivarian Republic of)',
      'Venezuela, Bolivarian Republic of',
      'República Bolivariana de Venezuela',
    ],
    demonyms: [...en('Venezuelan'), ...ib('venezolano', 'venezuelano'), ...fr('vénézuélien')],
  },
];

/**
 * Names that are too often something else in free text ("Granada" the Spanish and Nicaraguan
 * cities, "Grenade" the weapon, "Dominique" the first name, "Salvador" the Brazilian city,
 * "Guiana" the region): found by `findCountry`, never by `tagText`.
 */
export const NOT_IN_FREE_TEXT: readonly string[] = ['Granada', 'Grenade', 'Dominique', 'Salvador', 'Guiana'];

/** Names that count in free text only when capitalised: "el ecuador" is the equator, "chili" a dish. */
export const CAPITALISED_ONLY: readonly string[] = ['Ecuador', 'Équateur', 'Chili'];

/** Phrases that contain a country's name but are elsewhere: consumed by `tagText`, tagging nothing. */
export const NOT_COUNTRIES: readonly string[] = [
  'New Mexico',
  'Nuevo México',
  'Novo México',
  'Nouveau-Mexique',
  'Colombia Británica',
];
