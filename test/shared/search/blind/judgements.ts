import type { BlindResource, Subject } from './parts.js';
import { SUBSTANTIVE } from './parts.js';

/**
 * The blind set's judgements: queries as members would type them, and the grade a member would
 * give each publication of the blind library, read from what the publication is about (its meta,
 * written with its text), never from the words the search engine sees or from any ranking:
 *
 * - 3: about the subject asked for (its main subject) and substantive (an evaluation, a study, a
 *   report, a guide); for a programme's name, a substantive publication about that programme;
 * - 2: about it, but news, an event, a brief, a video or a podcast;
 * - 1: covers it as a secondary subject, or is about a related subject the query names below, or
 *   names the programme asked for in passing; for a place asked for, the subject elsewhere;
 * - 0: anything else, including publications that only mention the subject in passing
 *   (near-misses such as unconditional or emergency transfers for "conditional cash transfers").
 *
 * Written and committed before the ranking was ever run on the blind library; never edited to fit
 * results (the file's history shows it).
 */

export type QueryType =
  | 'english'
  | 'spanish'
  | 'portuguese'
  | 'mixed'
  | 'acronym'
  | 'typo'
  | 'programme'
  | 'filter'
  | 'domain';

/** The topics whose central query the target names (issue 19). */
export type CentralTopic =
  | 'cct'
  | 'targeting'
  | 'early-childhood'
  | 'mpi'
  | 'financial-inclusion'
  | 'pensions';

export interface BlindQuery {
  query: string;
  type: QueryType;
  /** The language of the query's words; 'none' for names and codes that belong to no language. */
  lang: 'en' | 'es' | 'pt' | 'none';
  /** True when what is judged relevant includes publications in another language than the query's. */
  crossLanguage: boolean;
  /** Set on the one query that stands for a topic's centre. */
  central?: CentralTopic;
  grade: (r: BlindResource) => number;
}

type Grade = (r: BlindResource) => number;

const full = (r: BlindResource) => (SUBSTANTIVE.has(r.meta.kind) ? 3 : 2);

/** About the subject: 3 or 2; 1 when a secondary subject or one of the related subjects. */
const about =
  (subject: Subject, ...related: Subject[]): Grade =>
  (r) =>
    r.meta.subject === subject
      ? full(r)
      : r.meta.also.includes(subject) || related.includes(r.meta.subject)
        ? 1
        : 0;

/** About the subject in the country: 3 or 2; the subject elsewhere, or secondary there, 1. */
const aboutIn =
  (subject: Subject, country: string): Grade =>
  (r) => {
    const here = r.meta.country === country;
    if (r.meta.subject === subject) return here ? full(r) : 1;
    return here && r.meta.also.includes(subject) ? 1 : 0;
  };

/** About the programme: 3 or 2; naming it in passing, 1. */
const programme =
  (name: string): Grade =>
  (r) =>
    r.meta.programme === name ? full(r) : r.meta.mentions.includes(name) ? 1 : 0;

/** Only what the filter lets through counts; within it, the grade given. */
const only =
  (allowed: (r: BlindResource) => boolean, grade: Grade): Grade =>
  (r) =>
    allowed(r) ? grade(r) : 0;

const isIn = (country: string) => (r: BlindResource) => r.meta.country === country;
const isType = (type: string) => (r: BlindResource) => r.type === type;
const isLang = (lang: string) => (r: BlindResource) => r.language === lang;

/** The best of several grades. */
const any =
  (...grades: Grade[]): Grade =>
  (r) =>
    Math.max(...grades.map((g) => g(r)));

/** Evaluations of the subject first (3), its other substantive publications 2, the rest of it 1. */
const evaluationsOf =
  (subject: Subject): Grade =>
  (r) =>
    r.meta.subject !== subject ? 0 : r.meta.kind === 'evaluation' ? 3 : SUBSTANTIVE.has(r.meta.kind) ? 2 : 1;

/**
 * Cash transfers (not only conditional ones) in a place: its conditional programme 3 or 2, other
 * cash it pays (emergency, unconditional, after a shock through the programme) 2, conditional
 * programmes elsewhere or a secondary mention there 1.
 */
const cashIn =
  (country: string): Grade =>
  (r) => {
    const here = r.meta.country === country;
    if (r.meta.subject === 'cct') return here ? full(r) : 1;
    if (!here) return 0;
    const cash =
      r.meta.subject === 'emergency-transfers' ||
      r.meta.subject === 'uct' ||
      (r.meta.subject === 'shock-responsive' && [...r.meta.also, ...r.meta.passing].includes('cct'));
    return cash ? 2 : r.meta.also.includes('cct') ? 1 : 0;
  };

/** Evaluations of the programme 3, its other substantive publications 2, the rest of it 1. */
const evaluationsOfProgramme =
  (name: string): Grade =>
  (r) =>
    r.meta.programme !== name ? 0 : r.meta.kind === 'evaluation' ? 3 : SUBSTANTIVE.has(r.meta.kind) ? 2 : 1;

/** Every publication about a place, the ones about its social protection system or flagship programme first. */
const socialProtectionIn =
  (country: string, flagship?: string): Grade =>
  (r) =>
    r.meta.country !== country
      ? 0
      : r.meta.subject === 'systems' || (flagship !== undefined && r.meta.programme === flagship)
        ? 3
        : 2;

export const BLIND_SET: readonly BlindQuery[] = [
  // English, with the central query of each topic
  {
    query: 'conditional cash transfers',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    central: 'cct',
    grade: about('cct'),
  },
  {
    query: 'targeting',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    central: 'targeting',
    grade: about('targeting', 'social-registry'),
  },
  {
    query: 'early childhood',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    central: 'early-childhood',
    grade: about('early-childhood'),
  },
  {
    query: 'multidimensional poverty index',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    central: 'mpi',
    grade: about('mpi', 'poverty-measurement'),
  },
  {
    query: 'financial inclusion',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    central: 'financial-inclusion',
    grade: about('financial-inclusion'),
  },
  {
    query: 'pensions',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    central: 'pensions',
    grade: about('pensions'),
  },
  {
    query: 'unemployment insurance',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('unemployment-insurance'),
  },
  { query: 'care systems', type: 'english', lang: 'en', crossLanguage: true, grade: about('care') },
  {
    query: 'disability benefits',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('disability'),
  },
  {
    query: 'graduation programmes',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('graduation'),
  },
  {
    query: 'COVID-19 emergency cash transfers',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('emergency-transfers'),
  },
  {
    query: 'school feeding',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('school-feeding'),
  },
  {
    query: 'social registries',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('social-registry', 'targeting'),
  },
  {
    query: 'youth employment training',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('youth-employment'),
  },
  {
    query: 'impact evaluation conditional cash transfers',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: evaluationsOf('cct'),
  },
  {
    query: 'non-contributory pensions for older persons',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('pensions'),
  },
  {
    query: 'unconditional cash transfers',
    type: 'english',
    lang: 'en',
    crossLanguage: true,
    grade: about('uct', 'emergency-transfers'),
  },
  // Spanish
  {
    query: 'transferencias monetarias condicionadas',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('cct'),
  },
  {
    query: 'focalización de programas sociales',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('targeting', 'social-registry'),
  },
  {
    query: 'primera infancia',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('early-childhood'),
  },
  {
    query: 'pobreza multidimensional',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('mpi', 'poverty-measurement'),
  },
  {
    query: 'inclusión financiera',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('financial-inclusion'),
  },
  {
    query: 'pensiones no contributivas',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('pensions'),
  },
  {
    query: 'seguro de desempleo',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('unemployment-insurance'),
  },
  { query: 'sistema de cuidados', type: 'spanish', lang: 'es', crossLanguage: true, grade: about('care') },
  {
    query: 'personas con discapacidad',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('disability'),
  },
  {
    query: 'programas de graduación',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('graduation'),
  },
  {
    query: 'registro social de hogares',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: any(programme('Registro Social de Hogares'), about('social-registry', 'targeting')),
  },
  {
    query: 'alimentación escolar',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('school-feeding'),
  },
  {
    query: 'bono de emergencia COVID-19',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('emergency-transfers'),
  },
  {
    query: 'empleo juvenil',
    type: 'spanish',
    lang: 'es',
    crossLanguage: true,
    grade: about('youth-employment'),
  },
  // Portuguese
  {
    query: 'transferência de renda condicionada',
    type: 'portuguese',
    lang: 'pt',
    crossLanguage: true,
    grade: about('cct'),
  },
  {
    query: 'primeira infância',
    type: 'portuguese',
    lang: 'pt',
    crossLanguage: true,
    grade: about('early-childhood'),
  },
  // Mixed: a topic in one language, a place in the other or in its own spelling
  {
    query: 'cash transfers Honduras',
    type: 'mixed',
    lang: 'en',
    crossLanguage: true,
    grade: cashIn('HN'),
  },
  {
    query: 'early childhood Perú',
    type: 'mixed',
    lang: 'en',
    crossLanguage: true,
    grade: aboutIn('early-childhood', 'PE'),
  },
  {
    query: 'pensiones Bolivia',
    type: 'mixed',
    lang: 'es',
    crossLanguage: true,
    grade: aboutIn('pensions', 'BO'),
  },
  { query: 'MPI Colombia', type: 'mixed', lang: 'en', crossLanguage: true, grade: aboutIn('mpi', 'CO') },
  {
    query: 'inclusión financiera Brasil',
    type: 'mixed',
    lang: 'es',
    crossLanguage: true,
    grade: aboutIn('financial-inclusion', 'BR'),
  },
  {
    query: 'social registry Chile',
    type: 'mixed',
    lang: 'en',
    crossLanguage: true,
    grade: aboutIn('social-registry', 'CL'),
  },
  {
    query: 'transferencias condicionadas Guatemala',
    type: 'mixed',
    lang: 'es',
    crossLanguage: true,
    grade: aboutIn('cct', 'GT'),
  },
  {
    query: 'care system Uruguay',
    type: 'mixed',
    lang: 'en',
    crossLanguage: true,
    grade: aboutIn('care', 'UY'),
  },
  // Acronyms
  { query: 'CCT', type: 'acronym', lang: 'en', crossLanguage: true, grade: about('cct') },
  { query: 'PTC', type: 'acronym', lang: 'es', crossLanguage: true, grade: about('cct') },
  {
    query: 'MPI',
    type: 'acronym',
    lang: 'en',
    crossLanguage: true,
    grade: about('mpi', 'poverty-measurement'),
  },
  {
    query: 'IPM',
    type: 'acronym',
    lang: 'es',
    crossLanguage: true,
    grade: about('mpi', 'poverty-measurement'),
  },
  {
    query: 'PMT targeting',
    type: 'acronym',
    lang: 'en',
    crossLanguage: true,
    grade: about('targeting', 'social-registry'),
  },
  {
    query: 'ECD programmes',
    type: 'acronym',
    lang: 'en',
    crossLanguage: true,
    grade: about('early-childhood'),
  },
  // Typos
  { query: 'conditonal cash tranfers', type: 'typo', lang: 'en', crossLanguage: true, grade: about('cct') },
  {
    query: 'transferencias condicionadsa',
    type: 'typo',
    lang: 'es',
    crossLanguage: true,
    grade: about('cct'),
  },
  {
    query: 'primera infacia',
    type: 'typo',
    lang: 'es',
    crossLanguage: true,
    grade: about('early-childhood'),
  },
  {
    query: 'pobresa multidimencional',
    type: 'typo',
    lang: 'es',
    crossLanguage: true,
    grade: about('mpi', 'poverty-measurement'),
  },
  {
    query: 'finacial inclusion',
    type: 'typo',
    lang: 'en',
    crossLanguage: true,
    grade: about('financial-inclusion'),
  },
  {
    query: 'pensiones no contribuitivas',
    type: 'typo',
    lang: 'es',
    crossLanguage: true,
    grade: about('pensions'),
  },
  {
    query: 'targetting systems',
    type: 'typo',
    lang: 'en',
    crossLanguage: true,
    grade: about('targeting', 'social-registry'),
  },
  // Programme names
  { query: 'Juntos', type: 'programme', lang: 'none', crossLanguage: false, grade: programme('Juntos') },
  {
    query: 'Bolsa Família',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Bolsa Família'),
  },
  {
    query: 'Bolsa Familia',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Bolsa Família'),
  },
  { query: 'PATH', type: 'programme', lang: 'none', crossLanguage: false, grade: programme('PATH') },
  {
    query: 'Renta Dignidad',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Renta Dignidad'),
  },
  { query: 'Prospera', type: 'programme', lang: 'none', crossLanguage: false, grade: programme('Prospera') },
  {
    query: 'Familias en Acción',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Familias en Acción'),
  },
  {
    query: 'Bono Vida Mejor',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Bono Vida Mejor'),
  },
  { query: 'Tekopora', type: 'programme', lang: 'none', crossLanguage: false, grade: programme('Tekoporã') },
  {
    query: 'Bono Social Guatemala',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Bono Social'),
  },
  {
    query: 'Pensión 65',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Pensión 65'),
  },
  { query: 'Cuna Más', type: 'programme', lang: 'none', crossLanguage: false, grade: programme('Cuna Más') },
  {
    query: 'Cadastro Único',
    type: 'programme',
    lang: 'none',
    crossLanguage: false,
    grade: programme('Cadastro Único'),
  },
  { query: 'Sisben', type: 'programme', lang: 'none', crossLanguage: false, grade: programme('Sisbén') },
  {
    query: 'PATH Jamaica evaluation',
    type: 'programme',
    lang: 'en',
    crossLanguage: false,
    grade: evaluationsOfProgramme('PATH'),
  },
  // Filters
  {
    query: 'country:JM cash transfers',
    type: 'filter',
    lang: 'en',
    crossLanguage: false,
    grade: only(isIn('JM'), cashIn('JM')),
  },
  {
    query: 'tipo:documento primera infancia',
    type: 'filter',
    lang: 'es',
    crossLanguage: true,
    grade: only(isType('document'), about('early-childhood')),
  },
  {
    query: 'topic:financial-inclusion women',
    type: 'filter',
    lang: 'en',
    crossLanguage: true,
    grade: about('financial-inclusion'),
  },
  {
    query: 'lang:es pensions',
    type: 'filter',
    lang: 'en',
    crossLanguage: true,
    grade: only(isLang('es'), about('pensions')),
  },
  {
    query: 'type:video early childhood',
    type: 'filter',
    lang: 'en',
    crossLanguage: true,
    grade: only(isType('video'), about('early-childhood')),
  },
  {
    query: 'pais:Perú transferencias',
    type: 'filter',
    lang: 'es',
    crossLanguage: true,
    grade: only(isIn('PE'), any(about('cct'), about('emergency-transfers'), about('uct'))),
  },
  {
    query: 'tema:"primera infancia" Colombia',
    type: 'filter',
    lang: 'es',
    crossLanguage: true,
    grade: only(isIn('CO'), about('early-childhood')),
  },
  {
    query: 'topic:pensions country:BO',
    type: 'filter',
    lang: 'en',
    crossLanguage: true,
    grade: only(isIn('BO'), about('pensions')),
  },
  // Domain words only (with or without filters)
  {
    query: 'social protection country:JM',
    type: 'domain',
    lang: 'en',
    crossLanguage: false,
    grade: socialProtectionIn('JM', 'PATH'),
  },
  {
    query: 'protección social pais:PE tipo:documento',
    type: 'domain',
    lang: 'es',
    crossLanguage: true,
    grade: only(isType('document'), socialProtectionIn('PE')),
  },
  {
    query: 'poverty country:BR',
    type: 'domain',
    lang: 'en',
    crossLanguage: true,
    grade: (r) => (r.meta.country !== 'BR' ? 0 : r.meta.subject === 'mpi' ? 3 : 2),
  },
  {
    query: 'pobreza pais:GT',
    type: 'domain',
    lang: 'es',
    crossLanguage: false,
    grade: socialProtectionIn('GT'),
  },
  {
    query: 'programa social tipo:video',
    type: 'domain',
    lang: 'es',
    crossLanguage: true,
    grade: only(isType('video'), () => 2),
  },
  { query: 'protección social', type: 'domain', lang: 'es', crossLanguage: true, grade: about('systems') },
];
