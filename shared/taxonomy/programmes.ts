/**
 * National programmes and agencies: names that say at once what an item is about and where.
 * "Bolsa Família" is a conditional cash transfer in Brazil, "SISFOH" Peru's targeting system,
 * "ANSES" an Argentine agency, even when the text names neither the topic nor the country.
 *
 * Rules for the data (the tests enforce the first three):
 * - `topics` are topic ids (none for an agency that does many things); `country` an OAS member;
 * - a name (folded) belongs to one entry, and is no topic phrase and no country name besides;
 * - how a name is written is how it must be written in free text: a name without lower-case
 *   letters ("PATH", "SISFOH") counts only in capitals, and the words written with a capital
 *   ("programa Juntos", "Bolsa Família") only with a capital; the others in any case;
 * - a name that is also a common word ("Juntos", "Prospera", "Avancemos", "Contigo") appears only
 *   within a phrase ("programa Juntos", "Juntos programme"), never alone: "Juntos contra la anemia"
 *   and "Prospera la agricultura familiar" are not the programmes;
 * - an acronym several countries use ("MDS", "MIDES", "SEDESOL", "FONASA") is left out.
 *
 * An agency's name is consumed by the topic scan without tagging a topic: the "Seguridad Social"
 * of ANSES and the "Previsión Social" of Mexico's labour ministry say who, not what.
 */
export interface Programme {
  names: readonly string[];
  /** ISO 3166-1 alpha-2 of the country that runs it. */
  country: string;
  /** Topic ids, main topic first (search expands the names to it); empty for an agency. */
  topics: readonly string[];
  /**
   * The part of its main topic it is about, where search tells parts apart (school feeding within
   * food and nutrition, shared/search/vocabulary.ts): its names name the part.
   */
  part?: string;
}

const CCT = 'conditional-cash-transfers';
const PENSIONS = 'social-insurance-pensions';
const OLDER = 'older-persons';
/** Non-contributory pensions, a part of PENSIONS that search tells apart. */
const SOCIAL_PENSIONS = 'social-pensions';

export const PROGRAMMES: readonly Programme[] = [
  // Argentina
  { country: 'AR', topics: [CCT], names: ['Asignación Universal por Hijo', 'AUH'] },
  { country: 'AR', topics: ['food-nutrition'], names: ['Tarjeta Alimentar'] },
  { country: 'AR', topics: ['decent-work'], names: ['Potenciar Trabajo'] },
  { country: 'AR', topics: [], names: ['ANSES', 'Administración Nacional de la Seguridad Social'] },
  // Belize
  { country: 'BZ', topics: [CCT], names: ['BOOST', 'Building Opportunities for Our Social Transformation'] },
  // Bolivia
  { country: 'BO', topics: [PENSIONS, OLDER], part: SOCIAL_PENSIONS, names: ['Renta Dignidad'] },
  { country: 'BO', topics: [CCT, 'education'], names: ['Bono Juancito Pinto'] },
  { country: 'BO', topics: [CCT, 'health'], names: ['Bono Juana Azurduy'] },
  // Brazil
  { country: 'BR', topics: [CCT], names: ['Bolsa Família', 'Auxílio Brasil'] },
  { country: 'BR', topics: ['education'], names: ['Pé-de-Meia'] },
  {
    country: 'BR',
    topics: ['social-registries'],
    names: ['Cadastro Único', 'Cadastro Único para Programas Sociais', 'CadÚnico'],
  },
  {
    country: 'BR',
    topics: ['social-assistance'],
    names: [
      'Benefício de Prestação Continuada',
      'BPC',
      'Sistema Único de Assistência Social',
      'SUAS',
      'CRAS',
      'Centros de Referência de Assistência Social',
      'Centro de Referência de Assistência Social',
    ],
  },
  {
    country: 'BR',
    topics: ['food-nutrition'],
    names: ['Fome Zero', 'Brasil Sem Fome', 'Cozinha Solidária', 'Cozinhas Solidárias'],
  },
  {
    country: 'BR',
    topics: ['food-nutrition'],
    part: 'school-feeding',
    names: ['PNAE', 'Programa Nacional de Alimentação Escolar'],
  },
  { country: 'BR', topics: ['early-childhood'], names: ['Criança Feliz'] },
  { country: 'BR', topics: ['housing'], names: ['Minha Casa Minha Vida'] },
  { country: 'BR', topics: ['health'], names: ['Sistema Único de Saúde'] },
  { country: 'BR', topics: ['job-training'], names: ['SENAI', 'Pronatec'] },
  { country: 'BR', topics: [], names: ['INSS', 'Instituto Nacional do Seguro Social'] },
  // Canada
  {
    country: 'CA',
    topics: ['social-assistance'],
    names: ['Canada Child Benefit', 'Allocation canadienne pour enfants'],
  },
  {
    country: 'CA',
    topics: [PENSIONS],
    names: [
      'Employment Insurance',
      'Assurance-emploi',
      'Canada Pension Plan',
      'Régime de pensions du Canada',
    ],
  },
  {
    country: 'CA',
    topics: [PENSIONS, OLDER],
    part: SOCIAL_PENSIONS,
    names: [
      'Old Age Security',
      'Sécurité de la vieillesse',
      'Guaranteed Income Supplement',
      'Supplément de revenu garanti',
    ],
  },
  {
    country: 'CA',
    topics: [],
    names: [
      'Employment and Social Development Canada',
      'ESDC',
      'Emploi et Développement social Canada',
      'EDSC',
    ],
  },
  // Chile
  { country: 'CL', topics: ['early-childhood'], names: ['Chile Crece Contigo'] },
  {
    country: 'CL',
    topics: ['graduation'],
    names: [
      'Chile Solidario',
      'Ingreso Ético Familiar',
      'Subsistema Seguridades y Oportunidades',
      // Before Mexico's "Oportunidades programme" can read its last word: the longer name wins.
      'Seguridades y Oportunidades',
    ],
  },
  { country: 'CL', topics: ['social-registries'], names: ['Registro Social de Hogares', 'RSH'] },
  {
    country: 'CL',
    topics: [PENSIONS, OLDER],
    part: SOCIAL_PENSIONS,
    names: ['Pensión Garantizada Universal', 'PGU'],
  },
  { country: 'CL', topics: [], names: ['FOSIS', 'Ministerio de Desarrollo Social y Familia'] },
  // Colombia
  { country: 'CO', topics: [CCT], names: ['Familias en Acción', 'Families in Action', 'Renta Ciudadana'] },
  { country: 'CO', topics: ['job-training', 'youth'], names: ['Jóvenes en Acción'] },
  { country: 'CO', topics: ['job-training'], names: ['SENA', 'Servicio Nacional de Aprendizaje'] },
  { country: 'CO', topics: [PENSIONS, OLDER], part: SOCIAL_PENSIONS, names: ['Colombia Mayor'] },
  { country: 'CO', topics: ['graduation'], names: ['Red Unidos', 'Estrategia Unidos'] },
  { country: 'CO', topics: ['early-childhood'], names: ['De Cero a Siempre'] },
  { country: 'CO', topics: ['targeting'], names: ['Sisbén'] },
  {
    country: 'CO',
    topics: ['social-assistance'],
    part: 'unconditional-transfers',
    names: ['Ingreso Solidario'],
  },
  {
    country: 'CO',
    topics: [],
    names: [
      'Prosperidad Social',
      'Departamento para la Prosperidad Social',
      'ICBF',
      'Instituto Colombiano de Bienestar Familiar',
      'Departamento Nacional de Planeación',
    ],
  },
  // Costa Rica
  {
    country: 'CR',
    topics: [CCT, 'education'],
    names: ['programa Avancemos', 'becas Avancemos', 'Avancemos programme', 'Avancemos program'],
  },
  {
    country: 'CR',
    topics: ['care-systems'],
    names: ['Red de Cuido', 'Red Nacional de Cuido y Desarrollo Infantil'],
  },
  { country: 'CR', topics: ['early-childhood'], names: ['CEN-CINAI'] },
  {
    country: 'CR',
    topics: [],
    names: ['IMAS', 'Instituto Mixto de Ayuda Social', 'CCSS', 'Caja Costarricense de Seguro Social'],
  },
  // Dominican Republic
  {
    country: 'DO',
    topics: [CCT],
    // Supérate (2021) succeeded Progresando con Solidaridad; alone it is a common word ("surpass yourself").
    names: ['Progresando con Solidaridad', 'programa Supérate', 'Tarjeta Supérate', 'Supérate programme'],
  },
  { country: 'DO', topics: ['food-nutrition'], names: ['tarjeta Aliméntate', 'Comer es Primero'] },
  { country: 'DO', topics: ['social-registries'], names: ['SIUBEN'] },
  { country: 'DO', topics: [], names: ['Supérate', 'ADESS'] },
  // Ecuador
  { country: 'EC', topics: [CCT], names: ['Bono de Desarrollo Humano'] },
  { country: 'EC', topics: [], names: ['MIES', 'Ministerio de Inclusión Económica y Social'] },
  // El Salvador
  { country: 'SV', topics: [CCT], names: ['Comunidades Solidarias'] },
  { country: 'SV', topics: [], names: ['FISDL', 'Fondo de Inversión Social para el Desarrollo Local'] },
  // Guatemala
  { country: 'GT', topics: [CCT], names: ['Mi Bono Seguro'] },
  // Haiti
  { country: 'HT', topics: ['social-assistance'], names: ['Ede Pèp'] },
  // Fonkoze's graduation programme for ultra-poor households.
  { country: 'HT', topics: ['graduation'], names: ['Chemen Lavi Miyò'] },
  // The food security safety net (food vouchers) of MAST, CARE and WFP.
  { country: 'HT', topics: ['food-nutrition', 'social-assistance'], names: ['Kore Lavi'] },
  { country: 'HT', topics: ['social-registries'], names: ['SIMAST'] },
  {
    country: 'HT',
    topics: ['food-nutrition'],
    part: 'school-feeding',
    names: ['PNCS', 'Programme national de cantines scolaires'],
  },
  {
    country: 'HT',
    topics: ['social-protection-systems'],
    names: ['Politique nationale de protection et de promotion sociales'],
  },
  {
    country: 'HT',
    topics: [],
    names: ['Kore Fanmi', 'FAES', "Fonds d'assistance économique et sociale", 'MAST'],
  },
  // Honduras
  { country: 'HN', topics: [CCT], names: ['Bono Vida Mejor'] },
  // Bono Vida Mejor's predecessor (2010-2014), written with or without a thousands separator.
  { country: 'HN', topics: [CCT], names: ['Bono 10,000', 'Bono 10000', 'Bono Diez Mil'] },
  // Jamaica
  { country: 'JM', topics: [CCT], names: ['PATH', 'Programme of Advancement Through Health and Education'] },
  { country: 'JM', topics: ['job-training'], names: ['Steps to Work'] },
  { country: 'JM', topics: [], names: ['Ministry of Labour and Social Security'] },
  // Mexico
  {
    country: 'MX',
    topics: [CCT],
    names: [
      'Progresa-Oportunidades',
      'programa Progresa',
      'programa Oportunidades',
      'Oportunidades programme',
      'Oportunidades program',
      'programa Prospera',
      'Prospera programme',
      'Prospera program',
      'PROSPERA',
      'Prospera Programa de Inclusión Social',
    ],
  },
  {
    country: 'MX',
    topics: ['education'],
    names: ['Becas Benito Juárez', 'Becas para el Bienestar Benito Juárez'],
  },
  { country: 'MX', topics: ['job-training', 'youth'], names: ['Jóvenes Construyendo el Futuro'] },
  { country: 'MX', topics: ['productive-inclusion'], names: ['Sembrando Vida'] },
  {
    country: 'MX',
    topics: [PENSIONS, OLDER],
    part: SOCIAL_PENSIONS,
    names: ['Pensión para el Bienestar de las Personas Adultas Mayores'],
  },
  {
    country: 'MX',
    topics: [],
    names: [
      'Secretaría de Bienestar',
      'Secretaría del Trabajo y Previsión Social',
      'IMSS',
      'Instituto Mexicano del Seguro Social',
    ],
  },
  // Panama
  { country: 'PA', topics: [CCT], names: ['Red de Oportunidades'] },
  { country: 'PA', topics: [PENSIONS, OLDER], part: SOCIAL_PENSIONS, names: ['120 a los 65'] },
  // Paraguay
  { country: 'PY', topics: [CCT], names: ['Tekoporã'] },
  { country: 'PY', topics: ['productive-inclusion'], names: ['Tenonderã'] },
  // Peru
  {
    country: 'PE',
    topics: [CCT],
    names: [
      'programa Juntos',
      'Juntos programme',
      'Juntos program',
      'Programa Nacional de Apoyo Directo a los Más Pobres',
    ],
  },
  { country: 'PE', topics: [PENSIONS, OLDER], part: SOCIAL_PENSIONS, names: ['Pensión 65'] },
  { country: 'PE', topics: [PENSIONS, 'disability'], names: ['programa Contigo'] },
  { country: 'PE', topics: ['early-childhood'], names: ['Cuna Más'] },
  { country: 'PE', topics: ['food-nutrition'], part: 'school-feeding', names: ['Qali Warma', 'Wasi Mikuna'] },
  { country: 'PE', topics: ['productive-inclusion'], names: ['Haku Wiñay', 'Noa Jayatai'] },
  { country: 'PE', topics: ['targeting'], names: ['SISFOH', 'Sistema de Focalización de Hogares'] },
  { country: 'PE', topics: ['social-registries'], names: ['Padrón General de Hogares'] },
  { country: 'PE', topics: ['housing'], names: ['Techo Propio'] },
  { country: 'PE', topics: [], names: ['MIDIS', 'Ministerio de Desarrollo e Inclusión Social', 'FONCODES'] },
  // Trinidad and Tobago
  { country: 'TT', topics: [CCT], names: ['Targeted Conditional Cash Transfer Programme', 'TCCTP'] },
  // United States
  {
    country: 'US',
    topics: ['food-nutrition'],
    names: ['SNAP', 'Supplemental Nutrition Assistance Program', 'WIC'],
  },
  {
    country: 'US',
    topics: ['social-assistance'],
    names: ['TANF', 'Temporary Assistance for Needy Families', 'Earned Income Tax Credit', 'EITC'],
  },
  { country: 'US', topics: ['health'], names: ['Medicaid'] },
  { country: 'US', topics: [], names: ['Social Security Administration'] },
  // Uruguay
  { country: 'UY', topics: ['care-systems'], names: ['Sistema Nacional Integrado de Cuidados'] },
  { country: 'UY', topics: ['early-childhood'], names: ['Uruguay Crece Contigo'] },
  { country: 'UY', topics: [CCT], names: ['Asignaciones Familiares Plan de Equidad'] },
  { country: 'UY', topics: ['food-nutrition'], names: ['Tarjeta Uruguay Social'] },
  { country: 'UY', topics: [], names: ['Banco de Previsión Social'] },
];
