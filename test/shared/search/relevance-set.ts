import type { SampleResource } from './sample-library.js';

/**
 * The relevance set: queries as members would type them (English, Spanish, mixed, with typos,
 * half-typed words and filters) and, for each, the grade a person would give each resource of the
 * sample library: 3 the very resource asked for, 2 on the subject (and place) asked for,
 * 1 related, 0 not. Grades read the resources' ground truth, never their words.
 */
export interface Judged {
  query: string;
  grade: (r: SampleResource) => number;
  /**
   * The query's language, for a query whose judgements ignore language (a topic in any language):
   * the share of other-language resources in its top 5 is measured against the judged ones.
   */
  language?: 'en' | 'es';
}

const on = (topic: string) => (r: SampleResource) => r.meta.topic === topic;
const isIn = (country: string) => (r: SampleResource) => r.meta.country === country;

/** 2 for the topic, 1 for a related topic. */
const topic =
  (main: string, ...related: string[]) =>
  (r: SampleResource) =>
    on(main)(r) ? 2 : related.includes(r.meta.topic) ? 1 : 0;

/** 2 for the topic in the country, 1 for the topic elsewhere. */
const topicIn = (main: string, country: string) => (r: SampleResource) =>
  on(main)(r) ? (isIn(country)(r) ? 2 : 1) : 0;

/** Only what the filter allows counts; within it, the grade given. */
const only =
  (allowed: (r: SampleResource) => boolean, grade: (r: SampleResource) => number) => (r: SampleResource) =>
    allowed(r) ? grade(r) : 0;

const landmark = (name: string, otherwise: (r: SampleResource) => number) => (r: SampleResource) =>
  r.meta.landmark === name ? 3 : otherwise(r);

const kindOf = (kind: string, main: string) => (r: SampleResource) =>
  on(main)(r) ? (r.meta.kind === kind ? 2 : 1) : 0;

const CCT = 'conditional-cash-transfers';
const PENSIONS = 'social-insurance-pensions';

/** 3 about the topic and substantive, 2 about it (news, a launch, a workshop), 1 a related topic. */
const about =
  (main: string, ...related: string[]) =>
  (r: SampleResource) =>
    on(main)(r)
      ? ['evaluation', 'report', 'guide'].includes(r.meta.kind)
        ? 3
        : 2
      : related.includes(r.meta.topic)
        ? 1
        : 0;

/** 3 a substantive publication about the programme, 2 other news of it, 1 its topic in its country. */
const programme = (name: string, topicId: string, country: string) => (r: SampleResource) =>
  r.meta.programme === name && r.meta.topic === topicId
    ? ['evaluation', 'report', 'guide'].includes(r.meta.kind)
      ? 3
      : 2
    : topicIn(topicId, country)(r) > 1
      ? 1
      : 0;

export const RELEVANCE_SET: Judged[] = [
  // English
  { query: 'conditional cash transfers', language: 'en', grade: topic(CCT) },
  { query: 'cash transfers Brazil', grade: topicIn(CCT, 'BR') },
  { query: 'early childhood development', language: 'en', grade: topic('early-childhood') },
  { query: 'MPI', grade: topic('multidimensional-poverty') },
  { query: 'targeting systems', language: 'en', grade: topic('targeting', 'social-registries') },
  { query: 'social registry', language: 'en', grade: topic('social-registries', 'targeting') },
  { query: 'graduation programs', language: 'en', grade: topic('graduation') },
  { query: 'financial inclusion women', language: 'en', grade: topic('financial-inclusion') },
  { query: 'pensions for older persons', language: 'en', grade: topic('social-insurance-pensions') },
  { query: 'vocational training youth', language: 'en', grade: topic('job-training') },
  { query: 'South-South cooperation', grade: topic('south-south-cooperation') },
  { query: 'social housing', language: 'en', grade: topic('housing') },
  { query: 'disaster response hurricanes', grade: topic('shock-responsive') },
  { query: 'care system', language: 'en', grade: topic('care-systems') },
  { query: 'malnutrition Guatemala', grade: topicIn('food-nutrition', 'GT') },
  { query: 'health services Haiti', grade: topicIn('health', 'HT') },
  { query: 'impact evaluation cash transfers', grade: kindOf('evaluation', CCT) },
  { query: 'CCT', grade: topic(CCT) },
  {
    query: 'Bolsa Familia',
    grade: landmark('bolsa-familia-20', (r) => (r.meta.programme === 'Bolsa Família' ? 2 : 0)),
  },
  { query: 'PATH Jamaica evaluation', grade: landmark('path-jamaica', topicIn(CCT, 'JM')) },
  // typos and half-typed words
  { query: 'condtional cash tranfers', grade: topic(CCT) },
  { query: 'multidimensional povrety', grade: topic('multidimensional-poverty') },
  { query: 'early childh', grade: topic('early-childhood') },
  { query: 'focalizacion de progr', grade: topic('targeting', 'social-registries') },
  // Spanish
  { query: 'transferencias condicionadas', language: 'es', grade: topic(CCT) },
  { query: 'primera infancia', language: 'es', grade: topic('early-childhood') },
  { query: 'índice de pobreza multidimensional', grade: topic('multidimensional-poverty') },
  { query: 'indice de pobreza multidimensional', grade: topic('multidimensional-poverty') },
  { query: 'focalización', language: 'es', grade: topic('targeting', 'social-registries') },
  {
    query: 'registro social de hogares',
    grade: landmark('rsh-chile', topic('social-registries', 'targeting')),
  },
  { query: 'inclusión financiera de las mujeres', grade: topic('financial-inclusion') },
  { query: 'pensiones no contributivas', language: 'es', grade: topic('social-insurance-pensions') },
  { query: 'alimentación escolar', language: 'es', grade: topic('food-nutrition') },
  { query: 'capacitacion laboral jovenes', language: 'es', grade: topic('job-training') },
  { query: 'cooperación sur-sur', grade: topic('south-south-cooperation') },
  { query: 'programas de graduación', language: 'es', grade: topic('graduation') },
  { query: 'sistema de cuidados', grade: landmark('uy-care-system', topic('care-systems')) },
  { query: 'desnutricion cronica guatemala', grade: topicIn('food-nutrition', 'GT') },
  { query: 'evaluación de impacto transferencias', grade: kindOf('evaluation', CCT) },
  { query: 'protección social adaptativa huracán', grade: topic('shock-responsive') },
  { query: 'Chile Crece Contigo', grade: landmark('chile-crece-contigo', topicIn('early-childhood', 'CL')) },
  // mixed and cross-language
  { query: 'cash transfers Perú', grade: topicIn(CCT, 'PE') },
  { query: 'PTC Colombia', grade: topicIn(CCT, 'CO') },
  { query: 'IPM', grade: topic('multidimensional-poverty') },
  { query: 'MPI Colombia', grade: topicIn('multidimensional-poverty', 'CO') },
  { query: 'primera infancia Uruguay', grade: topicIn('early-childhood', 'UY') },
  { query: 'early childhood Chile', grade: topicIn('early-childhood', 'CL') },
  { query: 'salud Haiti', grade: topicIn('health', 'HT') },
  { query: 'social registry Brasil', grade: landmark('cadastro-unico', topicIn('social-registries', 'BR')) },
  { query: 'graduation programme Paraguay', grade: topicIn('graduation', 'PY') },
  { query: 'subsidio de vivienda', grade: topic('housing') },
  {
    query: 'seguridad alimentaria Haití',
    grade: landmark('haiti-kore-lavi', topicIn('food-nutrition', 'HT')),
  },
  { query: 'cuidado infantil', grade: topic('early-childhood', 'care-systems') },
  { query: 'sistemas de información social', grade: topic('social-registries', 'targeting') },
  { query: 'climate change social protection', grade: topic('shock-responsive') },
  { query: 'pobreza multidimensional Mexico', grade: topicIn('multidimensional-poverty', 'MX') },
  {
    query: 'Familias en Acción',
    grade: (r) => (r.meta.programme === 'Familias en Acción' ? 2 : topicIn(CCT, 'CO')(r) > 1 ? 1 : 0),
  },
  { query: 'social pensions Uruguay', grade: topicIn('social-insurance-pensions', 'UY') },
  { query: 'hambre', language: 'es', grade: topic('food-nutrition') },
  // near misses, negation and programme names (issue 19), added before the ranking changed for them
  { query: 'cash transfer evaluations', language: 'en', grade: kindOf('evaluation', CCT) },
  { query: 'condicional cash transfrs', grade: topic(CCT) },
  { query: 'unconditional cash transfers', grade: topic('social-assistance', CCT) },
  { query: 'transferencias no condicionadas', grade: topic('social-assistance', CCT) },
  { query: 'evaluation conditional cash transfers Honduras', grade: topicIn(CCT, 'HN') },
  {
    query: 'Prospera evaluation',
    grade: (r) => (r.meta.programme === 'Prospera' ? 2 : topicIn(CCT, 'MX')(r) > 1 ? 1 : 0),
  },
  // Hand-written resources (tuning-landmarks.ts, issue 19): a broad topic asked for in part, CCTs
  // and targeting named by programme or method in Spanish and Portuguese, newer near-misses.
  { query: 'pension reform', language: 'en', grade: about(PENSIONS) },
  { query: 'sistemas de pensiones', language: 'es', grade: about(PENSIONS) },
  { query: 'jubilaciones', language: 'es', grade: about(PENSIONS) },
  { query: 'pension refrom', grade: about(PENSIONS) },
  { query: 'unemployment benefits', grade: about('unemployment-insurance') },
  { query: 'cash transfer programmes', language: 'en', grade: about(CCT) },
  { query: 'programas de transferencias condicionadas', language: 'es', grade: about(CCT) },
  { query: 'TMC', grade: about(CCT) },
  { query: 'cash transfers Paraguay', grade: topicIn(CCT, 'PY') },
  { query: 'Juntos Peru', grade: programme('Juntos', CCT, 'PE') },
  { query: 'Tekoporã', grade: programme('Tekoporã', CCT, 'PY') },
  { query: 'proxy means test', language: 'en', grade: about('targeting', 'social-registries') },
  { query: 'desarrollo infantil temprano', language: 'es', grade: about('early-childhood') },
  { query: 'early chilhood development', grade: about('early-childhood') },
  { query: 'multidimensional poverty measurement', language: 'en', grade: about('multidimensional-poverty') },
  { query: 'inclusão financeira', grade: about('financial-inclusion') },
  {
    query: 'social protection programmes country:CL',
    grade: only(
      (r) => r.countries.includes('CL'),
      () => 1,
    ),
  },
  // Cross-language (issue 19, point 2): a topic asked for in one language, graded by what each
  // resource is about and how substantive it is (3 an evaluation, report or guide, 2 news, a launch
  // or a workshop), in any language: a Spanish evaluation outranks English news for an English query.
  { query: 'early childhood care', language: 'en', grade: about('early-childhood') },
  { query: 'poverty targeting', language: 'en', grade: about('targeting', 'social-registries') },
  { query: 'financial inclusion', language: 'en', grade: about('financial-inclusion') },
  { query: 'school feeding', language: 'en', grade: about('food-nutrition') },
  { query: 'adaptive social protection', language: 'en', grade: about('shock-responsive') },
  { query: 'national care system', language: 'en', grade: about('care-systems') },
  { query: 'registros sociales', language: 'es', grade: about('social-registries', 'targeting') },
  { query: 'pobreza multidimensional', language: 'es', grade: about('multidimensional-poverty') },
  { query: 'formación profesional', language: 'es', grade: about('job-training') },
  { query: 'seguridad alimentaria', language: 'es', grade: about('food-nutrition') },
  { query: 'sistemas de cuidado', language: 'es', grade: about('care-systems') },
  { query: 'transferencias monetarias condicionadas', language: 'es', grade: about(CCT) },
  // Phrase proximity (issue 19, point 3): the words next to each other in a title, or apart.
  {
    query: 'informal workers',
    grade: (r) => (['beps-colombia', 'ui-informal'].includes(r.meta.landmark ?? '') ? 3 : 0),
  },
  {
    query: 'home visits',
    grade: (r) =>
      r.meta.landmark === 'home-visits-belize'
        ? 3
        : r.meta.topic === 'early-childhood' && r.meta.kind === 'evaluation'
          ? 2
          : 0,
  },
  // filters
  { query: 'type:video cash transfers', grade: only((r) => r.type === 'video', topic(CCT)) },
  {
    query: 'country:peru nutrition',
    grade: only((r) => r.countries.includes('PE'), topic('food-nutrition')),
  },
  { query: 'lang:es early childhood', grade: only((r) => r.language === 'es', topic('early-childhood')) },
  {
    query: 'tipo:documento focalización',
    grade: only((r) => r.type === 'document', topic('targeting', 'social-registries')),
  },
  {
    query: 'pensions -reform',
    grade: only((r) => r.meta.kind !== 'news', topic('social-insurance-pensions')),
  },
  // A topic with a word the taxonomy does not cover ("women", "mujeres"), judged in any language.
  { query: 'digital payments women', language: 'en', grade: about('financial-inclusion') },
  { query: 'ahorro de mujeres rurales', language: 'es', grade: about('financial-inclusion') },
];
