import type { Language, ResourceType } from '#shared/domain/resource.js';
import { type Dev2Meta, SUBSTANTIVE_KINDS, type Subject } from './entries.js';
import type { Dev2Resource } from './library.js';

/**
 * The second development set's queries, as members type them, each graded from the resources'
 * ground truth (`meta`, and for filters the fields a filter reads), never from their words:
 *   3  about the subject or programme asked, and substantive (evaluation, study, report, guide);
 *   2  about it, but news, an event, a video, a podcast, a brief or a newsletter;
 *   1  a secondary subject, a related subject, a programme named in passing, or the subject in
 *      another country when the query names a place;
 *   0  anything else, near-misses included (unconditional transfers for "conditional", a land
 *      registry for "registry", a graduation ceremony for "graduation", pension fund returns).
 * A filter (`pais:`, `type:`, `lang:`, `since:`) leaves out what it excludes: grade 0.
 * Fixed before any ranking was run over the library (see the history of this file).
 */

export type Dev2QueryType =
  | 'english'
  | 'spanish'
  | 'portuguese'
  | 'french'
  | 'mixed'
  | 'acronym'
  | 'programme'
  | 'typo'
  | 'filter'
  | 'domain';

export interface Dev2Judged {
  query: string;
  type: Dev2QueryType;
  grade: (r: Dev2Resource) => number;
  /** The query's language, for queries whose judgements ignore the resource's language. */
  lang?: Language;
  crossLanguage?: boolean;
  /** The filters the grades assume, as the query's filter syntax must resolve them. */
  filters: Pick<Ask, 'onlyCountry' | 'onlyType' | 'onlyLanguage' | 'since'>;
}

/** What a query asks for, in ground-truth terms. */
export interface Ask {
  /** About: the resource's main subject is one of these. */
  subjects?: Subject[];
  /** About: the resource is about one of these programmes; 1 when it names one in passing. */
  programmes?: string[];
  /** About: the resource is about one of these partners' work (an agency's name typed alone). */
  partners?: string[];
  /** About: anything within the domain (the query is made of the domain's own words). */
  domain?: boolean;
  /** 1: the resource's main or secondary subject is one of these. */
  related?: Subject[];
  /** A place typed as words: about it elsewhere is 1. */
  country?: string;
  /** Filters: what they leave out is 0. */
  onlyCountry?: string;
  onlyType?: ResourceType;
  onlyLanguage?: Language;
  since?: string;
}

const substantive = (m: Dev2Meta) => (SUBSTANTIVE_KINDS as readonly string[]).includes(m.kind);

function gradeOf(ask: Ask): (r: Dev2Resource) => number {
  return (r) => {
    const m = r.meta;
    if (ask.onlyCountry && !r.countries.includes(ask.onlyCountry)) return 0;
    if (ask.onlyType && r.type !== ask.onlyType) return 0;
    if (ask.onlyLanguage && r.language !== ask.onlyLanguage) return 0;
    if (ask.since && r.publishedAt < ask.since) return 0;
    const place = ask.country ?? ask.onlyCountry;
    const here = !place || m.country === place;
    const about =
      (ask.domain === true && m.main !== 'off') ||
      (ask.subjects?.includes(m.main) ?? false) ||
      (m.programme !== undefined && (ask.programmes?.includes(m.programme) ?? false)) ||
      (ask.partners?.includes(r.partnerId) ?? false);
    if (about) return here ? (substantive(m) ? 3 : 2) : 1;
    if (!here) return 0;
    const near =
      (ask.subjects?.some((s) => m.secondary.includes(s)) ?? false) ||
      (ask.programmes?.some((p) => m.mentions.includes(p)) ?? false) ||
      (ask.related?.some((s) => m.main === s || m.secondary.includes(s)) ?? false);
    return near ? 1 : 0;
  };
}

const q = (query: string, type: Dev2QueryType, ask: Ask, lang?: Language): Dev2Judged => ({
  query,
  type,
  grade: gradeOf(ask),
  filters: {
    ...(ask.onlyCountry ? { onlyCountry: ask.onlyCountry } : {}),
    ...(ask.onlyType ? { onlyType: ask.onlyType } : {}),
    ...(ask.onlyLanguage ? { onlyLanguage: ask.onlyLanguage } : {}),
    ...(ask.since ? { since: ask.since } : {}),
  },
  ...(lang ? { lang, crossLanguage: true } : {}),
});

const MIDIS_PROGRAMMES = [
  'Juntos',
  'Pensión 65',
  'Cuna Más',
  'Qali Warma',
  'Haku Wiñay',
  'Contigo',
  'SISFOH',
  'Bono Familiar Universal',
  'Techo Propio',
];

export const DEV2_SET: Dev2Judged[] = [
  // English
  q('conditional cash transfers', 'english', { subjects: ['cct'] }, 'en'),
  q('unconditional cash transfers', 'english', { subjects: ['uct'] }, 'en'),
  q('social registries', 'english', { subjects: ['registry'], related: ['targeting'] }, 'en'),
  q('targeting', 'english', { subjects: ['targeting'], related: ['registry'] }, 'en'),
  q('graduation', 'english', { subjects: ['graduation'] }, 'en'),
  q('financial inclusion', 'english', { subjects: ['finclusion'], related: ['digital'] }, 'en'),
  q('multidimensional poverty index', 'english', { subjects: ['mpi'], related: ['poverty'] }, 'en'),
  q('early childhood development', 'english', { subjects: ['ecd'], related: ['care'] }, 'en'),
  q(
    'social pensions for older persons',
    'english',
    { subjects: ['socpension'], related: ['contribpension'] },
    'en',
  ),
  q('pension', 'english', { subjects: ['socpension', 'contribpension'] }, 'en'),
  q('school feeding', 'english', { subjects: ['schoolfeeding'], related: ['foodsec'] }, 'en'),
  q('shock-responsive social protection', 'english', { subjects: ['shock'] }, 'en'),
  q('climate change and social protection', 'english', { subjects: ['shock'] }, 'en'),
  q('care systems', 'english', { subjects: ['care'], related: ['ecd', 'gender'] }, 'en'),
  q('migrants access to social protection', 'english', { subjects: ['migration'] }, 'en'),
  q("women's economic empowerment", 'english', { subjects: ['gender'] }, 'en'),
  q('south-south cooperation', 'english', { subjects: ['southsouth'] }, 'en'),
  q(
    'digital payments of social benefits',
    'english',
    { subjects: ['digital'], related: ['finclusion'] },
    'en',
  ),
  q('disability benefits', 'english', { subjects: ['disability'] }, 'en'),
  q('youth employment', 'english', { subjects: ['jobs'] }, 'en'),
  q('health coverage for poor households', 'english', { subjects: ['health'] }, 'en'),
  q('housing programmes low-income families', 'english', { subjects: ['housing'] }, 'en'),
  q('hurricane response Jamaica', 'english', { subjects: ['shock'], country: 'JM' }, 'en'),
  // Spanish
  q('transferencias monetarias condicionadas', 'spanish', { subjects: ['cct'] }, 'es'),
  q('focalización', 'spanish', { subjects: ['targeting'], related: ['registry'] }, 'es'),
  q('registro social de hogares', 'spanish', { subjects: ['registry'], related: ['targeting'] }, 'es'),
  q('pobreza multidimensional', 'spanish', { subjects: ['mpi'], related: ['poverty'] }, 'es'),
  q('primera infancia', 'spanish', { subjects: ['ecd'], related: ['care'] }, 'es'),
  q('pensiones no contributivas', 'spanish', { subjects: ['socpension'], related: ['contribpension'] }, 'es'),
  q('alimentación escolar', 'spanish', { subjects: ['schoolfeeding'], related: ['foodsec'] }, 'es'),
  q('inclusión financiera', 'spanish', { subjects: ['finclusion'], related: ['digital'] }, 'es'),
  q('sistema de cuidados', 'spanish', { subjects: ['care'], related: ['ecd', 'gender'] }, 'es'),
  q('migrantes retornados', 'spanish', { subjects: ['migration'] }, 'es'),
  q('cooperación sur-sur', 'spanish', { subjects: ['southsouth'] }, 'es'),
  q('empleo juvenil', 'spanish', { subjects: ['jobs'] }, 'es'),
  q('protección social adaptativa ante desastres', 'spanish', { subjects: ['shock'] }, 'es'),
  q('seguridad alimentaria', 'spanish', { subjects: ['foodsec'], related: ['schoolfeeding'] }, 'es'),
  q('discapacidad', 'spanish', { subjects: ['disability'] }, 'es'),
  q('autonomía económica de las mujeres', 'spanish', { subjects: ['gender'] }, 'es'),
  q('modelo de graduación', 'spanish', { subjects: ['graduation'] }, 'es'),
  // Portuguese
  q('transferência de renda condicionada', 'portuguese', { subjects: ['cct'] }, 'pt'),
  q('inclusão produtiva', 'portuguese', { subjects: ['graduation'] }, 'pt'),
  q('merenda escolar', 'portuguese', { subjects: ['schoolfeeding'] }, 'pt'),
  q('pobreza multidimensional Brasil', 'portuguese', { subjects: ['mpi'], country: 'BR' }, 'pt'),
  q('cuidados de idosos', 'portuguese', { subjects: ['care'] }, 'pt'),
  // French
  q('protection sociale Haïti', 'french', { domain: true, country: 'HT' }, 'fr'),
  q('transferts monétaires', 'french', { subjects: ['cct', 'uct'] }, 'fr'),
  q('cantines scolaires', 'french', { subjects: ['schoolfeeding'] }, 'fr'),
  q('registre social', 'french', { subjects: ['registry'] }, 'fr'),
  // Mixed
  q('cash transfers Honduras evaluación', 'mixed', { subjects: ['cct'], country: 'HN' }),
  q('registro social Jamaica', 'mixed', { subjects: ['registry'], country: 'JM' }),
  q('early childhood El Salvador', 'mixed', { subjects: ['ecd'], country: 'SV' }),
  q('pensión social Jamaica', 'mixed', { subjects: ['socpension'], country: 'JM' }),
  q('school feeding Haití', 'mixed', { subjects: ['schoolfeeding'], country: 'HT' }),
  q('graduation Haiti pobreza extrema', 'mixed', { subjects: ['graduation'], country: 'HT' }),
  q('targeting Guatemala focalización', 'mixed', { subjects: ['targeting'], country: 'GT' }),
  q('financial inclusion mujeres', 'mixed', { subjects: ['finclusion'], related: ['gender'] }),
  q('transferencias condicionadas Brasil', 'mixed', { subjects: ['cct'], country: 'BR' }),
  // Acronyms, alone and with a word
  q('CCT', 'acronym', { subjects: ['cct'] }),
  q('CCT Guatemala', 'acronym', { subjects: ['cct'], country: 'GT' }),
  q('IPM', 'acronym', { subjects: ['mpi'], related: ['poverty'] }),
  q('MPI Jamaica', 'acronym', { subjects: ['mpi'], country: 'JM' }),
  q('MIDIS', 'acronym', { partners: ['midis-pe'], programmes: MIDIS_PROGRAMMES }),
  q('SISBEN', 'acronym', { programmes: ['Sisbén'] }),
  q('CadÚnico', 'acronym', { programmes: ['Cadastro Único'] }),
  q('RSH', 'acronym', { programmes: ['RSH'] }),
  q('PNCS', 'acronym', { programmes: ['PNCS'] }),
  q('SIUBEN', 'acronym', { programmes: ['SIUBEN'] }),
  q('TCCTP', 'acronym', { programmes: ['TCCTP'] }),
  q('ECD', 'acronym', { subjects: ['ecd'] }),
  // Programmes by name, alone and with a country or a word
  q('PATH', 'programme', { programmes: ['PATH'] }),
  q('PATH Jamaica evaluation', 'programme', { programmes: ['PATH'] }),
  q('Bolsa Família', 'programme', { programmes: ['Bolsa Família'] }),
  q('Juntos', 'programme', { programmes: ['Juntos'] }),
  q('programa Juntos Perú', 'programme', { programmes: ['Juntos'] }),
  q('Renta Dignidad', 'programme', { programmes: ['Renta Dignidad'] }),
  q('Bono Vida Mejor', 'programme', { programmes: ['Bono Vida Mejor'] }),
  q('Mi Bono Seguro', 'programme', { programmes: ['Mi Bono Seguro'] }),
  q('Supérate', 'programme', { programmes: ['Supérate'] }),
  q('Tekoporã', 'programme', { programmes: ['Tekoporã'] }),
  q('Kore Lavi', 'programme', { programmes: ['Kore Lavi'] }),
  q('Crecer Juntos', 'programme', { programmes: ['Crecer Juntos'] }),
  q('Hambre Cero', 'programme', { programmes: ['Hambre Cero'] }),
  q('Pensión 65', 'programme', { programmes: ['Pensión 65'] }),
  q('Avancemos Costa Rica', 'programme', { programmes: ['Avancemos'] }),
  q('BOOST Belize', 'programme', { programmes: ['BOOST'] }),
  q('Bono 10000 Honduras', 'programme', { programmes: ['Bono 10,000'] }),
  // Typos: missing accents, one or two letters
  q('condicional cash transfer', 'typo', { subjects: ['cct'] }, 'en'),
  q('trasferencias condicionadas', 'typo', { subjects: ['cct'] }, 'es'),
  q('focalizacion', 'typo', { subjects: ['targeting'], related: ['registry'] }, 'es'),
  q('primera infacia', 'typo', { subjects: ['ecd'], related: ['care'] }, 'es'),
  q('pobresa multidimensional', 'typo', { subjects: ['mpi'], related: ['poverty'] }, 'es'),
  q('tekopora', 'typo', { programmes: ['Tekoporã'] }),
  q('shock responsive social protecion', 'typo', { subjects: ['shock'] }, 'en'),
  q('financial incluson', 'typo', { subjects: ['finclusion'], related: ['digital'] }, 'en'),
  q('bolsa familia', 'typo', { programmes: ['Bolsa Família'] }),
  q('pension socal', 'typo', { subjects: ['socpension'], related: ['contribpension'] }, 'es'),
  // A subject with filters
  q('transferencias condicionadas pais:Honduras', 'filter', { subjects: ['cct'], onlyCountry: 'HN' }, 'es'),
  q('cash transfers type:video', 'filter', { subjects: ['cct', 'uct'], onlyType: 'video' }, 'en'),
  q('early childhood lang:es', 'filter', { subjects: ['ecd'], related: ['care'], onlyLanguage: 'es' }),
  q(
    'registro social desde:2025',
    'filter',
    { subjects: ['registry'], related: ['targeting'], since: '2025-01-01T00:00:00.000Z' },
    'es',
  ),
  q('pensions country:BB', 'filter', { subjects: ['socpension', 'contribpension'], onlyCountry: 'BB' }, 'en'),
  q(
    'school feeding type:news',
    'filter',
    { subjects: ['schoolfeeding'], related: ['foodsec'], onlyType: 'news' },
    'en',
  ),
  q('CCT since:2026', 'filter', { subjects: ['cct'], since: '2026-01-01T00:00:00.000Z' }),
  q('migración pais:HN', 'filter', { subjects: ['migration'], onlyCountry: 'HN' }, 'es'),
  // The domain's own words, alone, with a place or with filters
  q('protección social pais:Honduras', 'domain', { domain: true, onlyCountry: 'HN' }),
  q('social protection country:JM', 'domain', { domain: true, onlyCountry: 'JM' }),
  q('social protection type:video', 'domain', { domain: true, onlyType: 'video' }),
  q('poverty country:HT since:2025', 'domain', {
    domain: true,
    onlyCountry: 'HT',
    since: '2025-01-01T00:00:00.000Z',
  }),
  q('programas sociales Guatemala', 'domain', { domain: true, country: 'GT' }),
  q('government programmes for families Belize', 'domain', { domain: true, country: 'BZ' }),
  q('protección social tipo:podcast', 'domain', { domain: true, onlyType: 'audio' }),
  q('social protection type:event', 'domain', { domain: true, onlyType: 'event' }),
];
