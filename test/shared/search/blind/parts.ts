import type { Resource } from '#shared/domain/resource.js';

/**
 * The blind relevance set's vocabulary: what each resource of its library is about (its ground
 * truth, written with its text), and the hand-written parts the library is composed from.
 *
 * The blind set is kept apart from the tuning set (../relevance-set.ts, ../sample-library.ts):
 * ranking changes are chosen on the tuning set and reported on this one. Its library and its
 * judgements were written and committed before the ranking was ever run against them.
 */

export type Lang = 'en' | 'es' | 'pt';

/** What a resource is about, in a member's terms (not the taxonomy's ids). */
export type Subject =
  | 'cct'
  | 'uct'
  | 'emergency-transfers'
  | 'targeting'
  | 'social-registry'
  | 'early-childhood'
  | 'mpi'
  | 'poverty-measurement'
  | 'financial-inclusion'
  | 'pensions'
  | 'unemployment-insurance'
  | 'care'
  | 'disability'
  | 'graduation'
  | 'school-feeding'
  | 'youth-employment'
  | 'systems'
  | 'shock-responsive';

/** What kind of publication it is: the first four are substantive, the others are not. */
export type Kind =
  | 'evaluation'
  | 'study'
  | 'report'
  | 'guide'
  | 'news'
  | 'event'
  | 'brief'
  | 'video'
  | 'podcast';

export const SUBSTANTIVE: ReadonlySet<Kind> = new Set(['evaluation', 'study', 'report', 'guide']);

export interface BlindMeta {
  /** The main subject: what a reader would say the publication is about. */
  subject: Subject;
  /** Other subjects it covers at some length. */
  also: Subject[];
  /** Subjects it only mentions in passing (a sentence, a comparison, a name). */
  passing: Subject[];
  /** ISO alpha-2 of the country it is about; absent for regional publications. */
  country?: string;
  /** The national programme it is about, by its usual name. */
  programme?: string;
  /** Programmes named in passing. */
  mentions: string[];
  kind: Kind;
  /** Hand-written resources a query refers to by name. */
  landmark?: string;
}

export interface BlindResource extends Resource {
  meta: BlindMeta;
}

/** One programme, registry, index or scheme, as the library writes about it in each of its languages. */
export interface Case {
  country: string;
  programme?: string;
  /** How titles name it in each language it is written about in (the languages of its resources). */
  name: Partial<Record<Lang, string>>;
  /** Facts about it, one or two sentences per language, used in its summaries. */
  facts: Partial<Record<Lang, string>>;
  /** Partner ids that publish about it, the first most often. */
  partners: string[];
  /** Years its publications are dated in (inclusive); default 2019-2026. */
  years?: [number, number];
  also?: Subject[];
  passing?: Subject[];
  /** Programmes its facts name in passing. */
  mentions?: string[];
}

/** A title and an opening sentence: {name}, {country}, {year} are filled from the case. */
export interface Template {
  kind: Kind;
  title: string;
  lead: string;
  /** Subjects this kind of publication covers besides its case's. */
  also?: Subject[];
}

export interface SubjectParts {
  subject: Subject;
  templates: Partial<Record<Lang, Template[]>>;
  cases: Case[];
  /** Resources written per case and language (templates taken in turn from a case's own start). */
  perCase: number;
}

/** Sentences with the domain's words (social protection, programme, poverty) that nearly every publication has. */
export const DOMAIN_SENTENCES: Record<Lang, string[]> = {
  en: [
    'It is part of the social protection community’s work on reducing poverty in the Americas.',
    'It is written for social protection programme managers and policy makers.',
    'The programme is one of the pillars of the national social protection system against poverty.',
    'The publication was shared through the Inter-American Social Protection Network.',
    'Poverty and vulnerability figures come from household surveys and programme records.',
    'Social protection ministries of the region discussed what this means for poverty reduction.',
  ],
  es: [
    'Forma parte del trabajo de la comunidad de protección social para reducir la pobreza en las Américas.',
    'Está dirigido a gestores de programas y responsables de políticas de protección social.',
    'El programa es uno de los pilares del sistema nacional de protección social contra la pobreza.',
    'La publicación se difundió a través de la Red Interamericana de Protección Social.',
    'Las cifras de pobreza y vulnerabilidad provienen de encuestas de hogares y registros del programa.',
    'Ministerios de desarrollo social de la región debatieron lo que significa para la reducción de la pobreza.',
  ],
  pt: [
    'Faz parte do trabalho da comunidade de proteção social para reduzir a pobreza nas Américas.',
    'É dirigido a gestores de programas e formuladores de políticas de proteção social.',
    'O programa é um dos pilares do sistema nacional de proteção social contra a pobreza.',
    'A publicação foi divulgada pela Rede Interamericana de Proteção Social.',
  ],
};

/** Partners, with the country a national partner's feeds are registered with (ingest adds it). */
export const BLIND_PARTNERS: readonly { id: string; name: string; country?: string }[] = [
  { id: 'iaspn-oas', name: 'Inter-American Social Protection Network (IASPN), OAS' },
  { id: 'bienestar-mx', name: 'Secretaría de Bienestar (México)', country: 'MX' },
  { id: 'midis-pe', name: 'Ministerio de Desarrollo e Inclusión Social (Perú)', country: 'PE' },
  { id: 'mds-br', name: 'Ministério do Desenvolvimento e Assistência Social (Brasil)', country: 'BR' },
  { id: 'prosperidad-social-co', name: 'Prosperidad Social (Colombia)', country: 'CO' },
  { id: 'sedesol-hn', name: 'Secretaría de Desarrollo Social (Honduras)', country: 'HN' },
  { id: 'mides-gt', name: 'Ministerio de Desarrollo Social (Guatemala)', country: 'GT' },
  { id: 'mds-py', name: 'Ministerio de Desarrollo Social (Paraguay)', country: 'PY' },
  { id: 'mlss-jm', name: 'Ministry of Labour and Social Security (Jamaica)', country: 'JM' },
  {
    id: 'gestora-bo',
    name: 'Gestora Pública de la Seguridad Social de Largo Plazo (Bolivia)',
    country: 'BO',
  },
  { id: 'mides-uy', name: 'Ministerio de Desarrollo Social (Uruguay)', country: 'UY' },
  { id: 'mdsf-cl', name: 'Ministerio de Desarrollo Social y Familia (Chile)', country: 'CL' },
  { id: 'imas-cr', name: 'Instituto Mixto de Ayuda Social (Costa Rica)', country: 'CR' },
  { id: 'cepal', name: 'Comisión Económica para América Latina y el Caribe (CEPAL)' },
  { id: 'world-bank', name: 'World Bank Social Protection and Jobs' },
  { id: 'bid', name: 'Banco Interamericano de Desarrollo (BID)' },
  { id: 'ilo-americas', name: 'International Labour Organization, Regional Office for the Americas' },
  { id: 'unicef-lacro', name: 'UNICEF Latin America and the Caribbean' },
  { id: 'wfp-lac', name: 'World Food Programme, Latin America and the Caribbean' },
  { id: 'cispr-caribbean', name: 'Caribbean Institute for Social Policy Research (CISPR)' },
  { id: 'ophi', name: 'Oxford Poverty and Human Development Initiative (OPHI)' },
  { id: 'mppn', name: 'Multidimensional Poverty Peer Network (MPPN)' },
  { id: 'cgap', name: 'CGAP, Consultative Group to Assist the Poor' },
  { id: 'ciss', name: 'Conferencia Interamericana de Seguridad Social (CISS)' },
  { id: 'ipc-ig', name: 'International Policy Centre for Inclusive Growth (IPC-IG)' },
  { id: 'fundacion-capital', name: 'Fundación Capital' },
];
