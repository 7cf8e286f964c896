import type { Language } from '#shared/domain/resource.js';
import { type DevResource, type Kind, SUBSTANTIVE, type Subject } from './library.js';

/**
 * The development set's queries, as members type them, and for each the grade a person would
 * give every resource of the development library, read from its ground truth (`meta`), never from
 * its words:
 * 3 about the subject or programme asked, and substantive (an evaluation, study, report or guide);
 * 2 about it, but news, an event, a video, a podcast or a brief;
 * 1 a secondary subject of it, a related subject, or the subject elsewhere when a place is asked;
 * 0 otherwise, near-misses included (unconditional transfers for conditional ones, pension fund
 * returns for social pensions, inflation targeting for the targeting of programmes).
 *
 * Fixed before any ranking was run over the library (see the history of this file).
 */

export type QueryType =
  | 'english'
  | 'spanish'
  | 'portuguese'
  | 'french'
  | 'mixed'
  | 'acronym'
  | 'programme'
  | 'typo'
  | 'filter';

export type Grade = (r: DevResource) => number;

export interface DevJudged {
  query: string;
  type: QueryType;
  grade: Grade;
  /** The query's language; absent for a query written in two. */
  lang?: Language;
  /**
   * True when the judgements ignore the resources' language (a subject, programme or place in any
   * language): the share of other-language resources in the top 5 is compared with the judged one.
   */
  crossLanguage?: boolean;
}

const CCT: Subject = 'cct';
const UCT: Subject = 'uct';
/** Not social protection: a query of the domain's own words does not want these. */
const OUTSIDE: ReadonlySet<Subject> = new Set<Subject>(['other', 'pension-funds']);

/** 3 substantive, 2 otherwise. */
const depth = (r: DevResource) => (SUBSTANTIVE.has(r.meta.kind) ? 3 : 2);
const touches = (r: DevResource, subjects: readonly Subject[]) =>
  r.meta.also.some((s) => subjects.includes(s));

/** 3 or 2 on one of the subjects; 1 one of them as a secondary subject, or a related subject. */
const about =
  (subjects: Subject[], related: Subject[] = []): Grade =>
  (r) =>
    subjects.includes(r.meta.subject)
      ? depth(r)
      : touches(r, subjects) || related.includes(r.meta.subject)
        ? 1
        : 0;

/** In a place: 3 or 2 on the subject there; 1 on it elsewhere, or there as a secondary subject. */
const aboutIn =
  (subjects: Subject[], country: string): Grade =>
  (r) => {
    const here = r.meta.country === country;
    if (subjects.includes(r.meta.subject)) return here ? depth(r) : 1;
    return here && touches(r, subjects) ? 1 : 0;
  };

/** A programme: 3 or 2 about it; 1 naming it in passing, or its subject in its country. */
const programme =
  (name: string, subject: Subject, country: string): Grade =>
  (r) => {
    if (r.meta.programme === name) return depth(r);
    if (r.meta.mentions.includes(name)) return 1;
    return r.meta.subject === subject && r.meta.country === country ? 1 : 0;
  };

/** A kind asked for by name ("evaluación"): on the subject, that kind 3 and the rest 2. */
const asking =
  (kinds: Kind[], grade: Grade): Grade =>
  (r) => {
    const g = grade(r);
    return g < 2 ? g : kinds.includes(r.meta.kind) ? 3 : 2;
  };

/** Only what the query's filters let through counts; within it, the grade given. */
const only =
  (pass: (r: DevResource) => boolean, grade: Grade): Grade =>
  (r) =>
    pass(r) ? grade(r) : 0;

/** Only the domain's words ("social protection"): anything of the domain is on the subject. */
const domain: Grade = (r) => (OUTSIDE.has(r.meta.subject) ? 0 : depth(r));

const inCountry = (country: string) => (r: DevResource) => r.meta.country === country;
const ofKind = (kind: Kind) => (r: DevResource) => r.meta.kind === kind;
const inLanguage = (lang: Language) => (r: DevResource) => r.language === lang;
const since = (iso: string) => (r: DevResource) => r.publishedAt >= iso;

/** A query whose judgements ignore language. */
const q = (type: QueryType, lang: Language, query: string, grade: Grade): DevJudged => ({
  query,
  type,
  grade,
  lang,
  crossLanguage: true,
});
/** A query written in two languages. */
const mixed = (query: string, grade: Grade): DevJudged => ({ query, type: 'mixed', grade });

export const DEV_SET: DevJudged[] = [
  // English
  q('english', 'en', 'conditional cash transfers', about([CCT])),
  q('english', 'en', 'cash transfers', about([CCT, UCT])),
  q('english', 'en', 'unconditional cash transfers', about([UCT])),
  q('english', 'en', 'targeting social programs', about(['targeting'], ['social-registry'])),
  q('english', 'en', 'social registries', about(['social-registry'], ['targeting'])),
  q('english', 'en', 'graduation approach', about(['graduation'], ['productive-inclusion'])),
  q('english', 'en', 'financial inclusion', about(['financial-inclusion'])),
  q('english', 'en', 'multidimensional poverty index', about(['mpi'], ['poverty'])),
  q('english', 'en', 'early childhood development', about(['early-childhood'], ['care'])),
  q('english', 'en', 'social pensions for older people', about(['social-pensions'], ['pension-reform'])),
  q('english', 'en', 'school feeding', about(['school-feeding'], ['food-security'])),
  q('english', 'en', 'food security', about(['food-security'], ['school-feeding'])),
  q('english', 'en', 'job training for young people', about(['employment'])),
  q('english', 'en', 'disability benefits', about(['disability'], ['care'])),
  q('english', 'en', 'care systems', about(['care'], ['early-childhood'])),
  q('english', 'en', 'shock-responsive social protection', about(['shock-responsive'])),
  q('english', 'en', 'climate change and social protection', about(['shock-responsive'])),
  q('english', 'en', 'South-South cooperation', about(['south-south'])),
  q('english', 'en', 'social housing', about(['housing'])),
  q('english', 'en', 'productive inclusion rural families', about(['productive-inclusion'], ['graduation'])),
  q('english', 'en', 'pension reform', about(['pension-reform'], ['social-pensions', 'pension-funds'])),
  q('english', 'en', 'cash transfers Brazil', aboutIn([CCT, UCT], 'BR')),
  q('english', 'en', 'early childhood Chile', aboutIn(['early-childhood'], 'CL')),
  q('english', 'en', 'Haiti social protection', only(inCountry('HT'), domain)),
  q('english', 'en', 'food insecurity Guatemala', aboutIn(['food-security', 'school-feeding'], 'GT')),
  q('english', 'en', 'social registry Colombia', aboutIn(['social-registry'], 'CO')),

  // Spanish
  q('spanish', 'es', 'transferencias monetarias condicionadas', about([CCT])),
  q('spanish', 'es', 'transferencias monetarias', about([CCT, UCT])),
  q('spanish', 'es', 'focalización de programas sociales', about(['targeting'], ['social-registry'])),
  q('spanish', 'es', 'registros sociales', about(['social-registry'], ['targeting'])),
  q('spanish', 'es', 'inclusión financiera de las mujeres', about(['financial-inclusion'])),
  q('spanish', 'es', 'pobreza multidimensional', about(['mpi'], ['poverty'])),
  q('spanish', 'es', 'primera infancia', about(['early-childhood'], ['care'])),
  q('spanish', 'es', 'pensiones no contributivas', about(['social-pensions'], ['pension-reform'])),
  q('spanish', 'es', 'alimentación escolar', about(['school-feeding'], ['food-security'])),
  q('spanish', 'es', 'seguridad alimentaria', about(['food-security'], ['school-feeding'])),
  q('spanish', 'es', 'sistema de cuidados', about(['care'], ['early-childhood', 'disability'])),
  q('spanish', 'es', 'personas con discapacidad', about(['disability'], ['care'])),
  q('spanish', 'es', 'empleo juvenil y capacitación laboral', about(['employment'])),
  q('spanish', 'es', 'protección social adaptativa ante desastres', about(['shock-responsive'])),
  q('spanish', 'es', 'cooperación sur-sur', about(['south-south'])),
  q('spanish', 'es', 'programas de graduación', about(['graduation'], ['productive-inclusion'])),
  q('spanish', 'es', 'vivienda social', about(['housing'])),

  // Portuguese and French
  q('portuguese', 'pt', 'transferência de renda condicionada', about([CCT])),
  q('portuguese', 'pt', 'primeira infância', about(['early-childhood'], ['care'])),
  q('portuguese', 'pt', 'segurança alimentar', about(['food-security'], ['school-feeding'])),
  q('french', 'fr', 'protection sociale Haïti', only(inCountry('HT'), domain)),
  q('french', 'fr', 'transferts monétaires conditionnels', about([CCT])),
  q('french', 'fr', 'cantines scolaires', about(['school-feeding'], ['food-security'])),

  // Acronyms
  q('acronym', 'en', 'CCT', about([CCT])),
  q('acronym', 'es', 'PTC', about([CCT])),
  q('acronym', 'es', 'TMC evaluación', asking(['evaluation'], about([CCT]))),
  q('acronym', 'en', 'MPI', about(['mpi'], ['poverty'])),
  q('acronym', 'es', 'IPM Colombia', aboutIn(['mpi'], 'CO')),
  q('acronym', 'es', 'SISBEN', programme('Sisbén', 'social-registry', 'CO')),
  q('acronym', 'pt', 'CadÚnico', programme('CadÚnico', 'social-registry', 'BR')),
  q('acronym', 'es', 'RSH Chile', programme('RSH', 'social-registry', 'CL')),
  q('acronym', 'es', 'SISFOH', programme('SISFOH', 'targeting', 'PE')),
  q('acronym', 'es', 'AUH', programme('AUH', CCT, 'AR')),

  // Programmes by name, alone and with a word
  q('programme', 'pt', 'Bolsa Família', programme('Bolsa Família', CCT, 'BR')),
  q('programme', 'pt', 'Auxílio Brasil', programme('Auxílio Brasil', CCT, 'BR')),
  q('programme', 'es', 'Prospera', programme('Prospera', CCT, 'MX')),
  q('programme', 'es', 'Oportunidades México', programme('Prospera', CCT, 'MX')),
  q('programme', 'es', 'Sembrando Vida', programme('Sembrando Vida', 'productive-inclusion', 'MX')),
  q('programme', 'es', 'programa Juntos', programme('Juntos', CCT, 'PE')),
  q('programme', 'es', 'Juntos Perú evaluación', asking(['evaluation'], programme('Juntos', CCT, 'PE'))),
  q('programme', 'es', 'Pensión 65', programme('Pensión 65', 'social-pensions', 'PE')),
  q('programme', 'es', 'Qali Warma', programme('Qali Warma', 'school-feeding', 'PE')),
  q('programme', 'es', 'Familias en Acción', programme('Familias en Acción', CCT, 'CO')),
  q('programme', 'es', 'Colombia Mayor', programme('Colombia Mayor', 'social-pensions', 'CO')),
  q('programme', 'es', 'Ingreso Solidario', programme('Ingreso Solidario', UCT, 'CO')),
  q('programme', 'es', 'Bono Juancito Pinto', programme('Bono Juancito Pinto', CCT, 'BO')),
  q('programme', 'es', 'Renta Dignidad', programme('Renta Dignidad', 'social-pensions', 'BO')),
  q('programme', 'es', 'Tekoporã', programme('Tekoporã', CCT, 'PY')),
  q('programme', 'es', 'Asignación Universal por Hijo', programme('AUH', CCT, 'AR')),
  q('programme', 'es', 'Chile Crece Contigo', programme('Chile Crece Contigo', 'early-childhood', 'CL')),
  q(
    'programme',
    'es',
    'Chile Seguridades y Oportunidades',
    programme('Seguridades y Oportunidades', 'graduation', 'CL'),
  ),
  q('programme', 'en', 'PATH Jamaica', programme('PATH', CCT, 'JM')),
  q('programme', 'es', 'Bono de Desarrollo Humano', programme('Bono de Desarrollo Humano', CCT, 'EC')),
  q('programme', 'es', 'Comunidades Solidarias El Salvador', programme('Comunidades Solidarias', CCT, 'SV')),
  q('programme', 'es', 'Mi Bono Seguro', programme('Mi Bono Seguro', CCT, 'GT')),
  q('programme', 'fr', 'Ti Manman Cheri', programme('Ti Manman Cheri', CCT, 'HT')),
  q('programme', 'es', 'Puente Chile', programme('Puente', 'graduation', 'CL')),
  q('programme', 'es', 'Uruguay Crece Contigo', programme('Uruguay Crece Contigo', 'early-childhood', 'UY')),
  q('programme', 'es', 'Bono Vida Mejor', programme('Bono Vida Mejor', CCT, 'HN')),
  q('programme', 'es', 'becas Progresar', programme('Progresar', 'education', 'AR')),

  // Typos: a letter or two, missing accents
  q('typo', 'en', 'conditonal cash tranfers', about([CCT])),
  q('typo', 'es', 'tranferencias condicionadas', about([CCT])),
  q('typo', 'es', 'focalizacion', about(['targeting'], ['social-registry'])),
  q('typo', 'es', 'primera infacia', about(['early-childhood'], ['care'])),
  q('typo', 'en', 'financial incluson', about(['financial-inclusion'])),
  q('typo', 'es', 'pobresa multidimensional', about(['mpi'], ['poverty'])),
  q('typo', 'pt', 'Bolsa Familia', programme('Bolsa Família', CCT, 'BR')),
  q('typo', 'es', 'Tekopora', programme('Tekoporã', CCT, 'PY')),
  q('typo', 'es', 'pension 65', programme('Pensión 65', 'social-pensions', 'PE')),
  q('typo', 'es', 'alimentacion escolar', about(['school-feeding'], ['food-security'])),
  q('typo', 'en', 'shock responsive social protecion', about(['shock-responsive'])),

  // Written in two languages
  mixed('cash transfers evaluación', asking(['evaluation'], about([CCT, UCT]))),
  mixed('MPI pobreza multidimensional', about(['mpi'], ['poverty'])),
  mixed('social registry registro social', about(['social-registry'], ['targeting'])),
  mixed('protección social climate change', about(['shock-responsive'])),
  mixed('school feeding Perú', aboutIn(['school-feeding'], 'PE')),

  // Filters, with subjects and with the domain's everyday words only
  q('filter', 'en', 'cash transfers country:PE', only(inCountry('PE'), about([CCT, UCT]))),
  q('filter', 'es', 'pais:Perú transferencias', only(inCountry('PE'), about([CCT, UCT]))),
  q('filter', 'es', 'transferencias condicionadas tipo:video', only(ofKind('video'), about([CCT]))),
  q('filter', 'es', 'tema:"primera infancia" pais:Chile', only(inCountry('CL'), about(['early-childhood']))),
  {
    query: 'pensiones lang:es',
    type: 'filter',
    lang: 'es',
    grade: only(inLanguage('es'), about(['social-pensions', 'pension-reform'], ['pension-funds'])),
  },
  {
    query: 'early childhood lang:es',
    type: 'filter',
    lang: 'en',
    grade: only(inLanguage('es'), about(['early-childhood'], ['care'])),
  },
  q(
    'filter',
    'en',
    'food security since:2025',
    only(since('2025-01-01'), about(['food-security'], ['school-feeding'])),
  ),
  q(
    'filter',
    'es',
    'inclusión financiera tipo:noticias',
    only(ofKind('news'), about(['financial-inclusion'])),
  ),
  q(
    'filter',
    'es',
    'evaluaciones de impacto pais:Perú',
    only(inCountry('PE'), (r) => (r.meta.kind === 'evaluation' ? 3 : 0)),
  ),
  q('filter', 'en', 'social protection country:JM', only(inCountry('JM'), domain)),
  q('filter', 'es', 'protección social pais:Haití', only(inCountry('HT'), domain)),
  q('filter', 'es', 'protección social tipo:evento', only(ofKind('event'), domain)),
  q('filter', 'en', 'social protection type:podcast', only(ofKind('podcast'), domain)),
  q(
    'filter',
    'es',
    'programas sociales pais:Colombia desde:2025',
    only((r) => inCountry('CO')(r) && since('2025-01-01')(r), domain),
  ),
];
