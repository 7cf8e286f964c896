import { createHash } from 'node:crypto';
import type { Language, Resource, ResourceType } from '#shared/domain/resource.js';
import { countryByCode, tagText } from '#shared/taxonomy/index.js';
import { seededRandom } from '../../helpers/random.js';
import { TUNING_LANDMARKS } from './tuning-landmarks.js';

/**
 * A deterministic bilingual sample library of social-protection resources in the Americas,
 * generated from templates: the relevance set judges searches over it, and the benchmarks scale
 * it up. Each resource carries its ground truth (`meta`): what it is about, independent of the
 * words used, so that judgments never depend on the search engine's analysis.
 */

export interface SampleMeta {
  topic: string;
  country: string;
  kind: 'evaluation' | 'launch' | 'workshop' | 'report' | 'guide' | 'news';
  programme?: string;
  /** Hand-written landmark resources have a name the relevance set refers to. */
  landmark?: string;
}

export interface SampleResource extends Resource {
  meta: SampleMeta;
}

export const SAMPLE_NOW = '2025-06-01T12:00:00.000Z';

export const SAMPLE_PARTNERS: ReadonlyMap<string, string> = new Map([
  ['iaspn-oas', 'Inter-American Social Protection Network (IASPN), Organization of American States'],
  ['midis-pe', 'Ministerio de Desarrollo e Inclusión Social (Perú)'],
  ['prosperidad-social-co', 'Prosperidad Social (Colombia)'],
  ['mds-br', 'Ministério do Desenvolvimento e Assistência Social (Brasil)'],
  ['cepal', 'Comisión Económica para América Latina y el Caribe (CEPAL)'],
  ['world-bank', 'World Bank Social Protection and Jobs'],
  ['unicef-lacro', 'UNICEF Latin America and the Caribbean'],
  ['ilo-americas', 'International Labour Organization, Regional Office for the Americas'],
  ['red-puentes', 'Red Puentes por la Inclusión Social'],
  ['cispr-caribbean', 'Caribbean Institute for Social Policy Research (CISPR)'],
  ['mides-uy', 'Ministerio de Desarrollo Social (Uruguay)'],
  ['wfp-lac', 'World Food Programme, Latin America and the Caribbean'],
]);

const ES_PARTNERS = ['midis-pe', 'prosperidad-social-co', 'cepal', 'red-puentes', 'mides-uy', 'iaspn-oas'];
const EN_PARTNERS = ['iaspn-oas', 'world-bank', 'unicef-lacro', 'ilo-americas', 'cispr-caribbean', 'wfp-lac'];
const COUNTRY_PARTNER: Record<string, string> = {
  PE: 'midis-pe',
  CO: 'prosperidad-social-co',
  BR: 'mds-br',
  UY: 'mides-uy',
};

const PROGRAMMES: Record<string, string> = {
  BR: 'Bolsa Família',
  MX: 'Prospera',
  CO: 'Familias en Acción',
  PE: 'Juntos',
  CL: 'Ingreso Ético Familiar',
  AR: 'Asignación Universal por Hijo',
  EC: 'Bono de Desarrollo Humano',
  JM: 'PATH',
  HN: 'Bono Vida Mejor',
  PY: 'Tekoporã',
  DO: 'Supérate',
  PA: 'Red de Oportunidades',
};

interface Templates {
  titles: [SampleMeta['kind'], string][];
  summaries: string[];
}

type TopicTemplates = { countries: string[]; en: Templates; es: Templates };

/** Per topic: the countries it is written about, and title and summary templates in each language. */
const TOPIC_TEMPLATES: Record<string, TopicTemplates> = {
  'conditional-cash-transfers': {
    countries: ['BR', 'MX', 'CO', 'PE', 'EC', 'JM', 'HN', 'PY', 'AR', 'PA'],
    en: {
      titles: [
        ['evaluation', 'Impact evaluation of conditional cash transfers in {country}'],
        ['report', '{programme}: two decades of conditional cash transfers in {country}'],
        ['launch', '{country} expands its cash transfer programme to rural households'],
        ['workshop', 'Workshop on the design of conditional cash transfer programmes, {country} {year}'],
        ['guide', 'Co-responsibilities and conditionalities: a guide for CCT programmes in {country}'],
      ],
      summaries: [
        'The {programme} programme pays monthly transfers to poor families in {country} on condition that children attend school and health check-ups.',
        'This study reviews how conditional cash transfers in {country} changed school attendance, child nutrition and household consumption.',
        'Officials from {country} shared how the cash transfer programme verifies co-responsibilities and pays benefits through bank accounts.',
      ],
    },
    es: {
      titles: [
        ['evaluation', 'Evaluación de impacto del programa {programme} en {country}'],
        ['report', 'Programas de transferencias condicionadas en {country}: balance {year}'],
        ['launch', '{country} amplía las transferencias monetarias condicionadas a hogares rurales'],
        [
          'workshop',
          'Taller regional sobre transferencias condicionadas y corresponsabilidades en {country}',
        ],
        [
          'guide',
          'Guía operativa de los PTC: pagos, verificación de corresponsabilidades y egreso en {country}',
        ],
      ],
      summaries: [
        'El programa {programme} entrega transferencias monetarias condicionadas a familias en situación de pobreza en {country}, sujetas a asistencia escolar y controles de salud.',
        'El estudio analiza los efectos de las transferencias condicionadas en {country} sobre la matrícula escolar, la nutrición infantil y el consumo de los hogares.',
        'Funcionarios de {country} presentaron cómo el programa verifica las corresponsabilidades y paga los bonos mediante cuentas bancarias.',
      ],
    },
  },
  'early-childhood': {
    countries: ['UY', 'CL', 'CO', 'PE', 'JM', 'MX', 'GT', 'CR', 'BB'],
    en: {
      titles: [
        ['report', 'Early childhood development services in {country}: coverage and quality'],
        ['launch', '{country} launches a national early childhood care strategy'],
        ['evaluation', 'Evaluation of home visiting for early childhood development in {country}'],
        ['guide', 'Investing in the first 1000 days: early childhood policy options for {country}'],
      ],
      summaries: [
        'Home visits, parenting support and day care centres reach young children and their families in {country}.',
        'The strategy in {country} coordinates health, nutrition and early education services for children under six.',
        'Early childhood care and education programmes in {country} improve school readiness for the poorest children.',
      ],
    },
    es: {
      titles: [
        ['report', 'Primera infancia en {country}: cobertura y calidad de los servicios'],
        ['launch', '{country} presenta su estrategia nacional de atención a la primera infancia'],
        [
          'evaluation',
          'Evaluación de las visitas domiciliarias de desarrollo infantil temprano en {country}',
        ],
        ['guide', 'Los primeros mil días: orientaciones de política para la primera infancia en {country}'],
      ],
      summaries: [
        'Las visitas domiciliarias, el acompañamiento a las familias y los centros de desarrollo infantil llegan a niñas y niños pequeños en {country}.',
        'La estrategia de {country} articula salud, nutrición y educación inicial para la niñez menor de seis años.',
        'Los programas de atención integral a la primera infancia en {country} mejoran la preparación escolar de los niños más pobres.',
      ],
    },
  },
  'multidimensional-poverty': {
    countries: ['CO', 'MX', 'CL', 'DO', 'PA', 'HN', 'EC', 'CR'],
    en: {
      titles: [
        ['report', '{country} publishes its multidimensional poverty index for {year}'],
        ['guide', 'Measuring multidimensional poverty: the MPI of {country} step by step'],
        ['workshop', 'Using the MPI to coordinate social policy in {country}'],
        [
          'evaluation',
          'Multidimensional poverty in {country}: deprivations in health, education and housing',
        ],
      ],
      summaries: [
        'The multidimensional poverty index of {country} measures deprivations in education, health, work and living conditions beyond income.',
        'Officials in {country} use the MPI dashboard to target programmes and track the reduction of deprivations.',
        'The new figures show that multidimensional poverty in {country} fell although rural areas lag behind.',
      ],
    },
    es: {
      titles: [
        ['report', '{country} presenta el índice de pobreza multidimensional {year}'],
        ['guide', 'Cómo se mide la pobreza multidimensional: el IPM de {country} paso a paso'],
        ['workshop', 'El IPM como herramienta de coordinación de la política social en {country}'],
        ['evaluation', 'Pobreza multidimensional en {country}: privaciones en salud, educación y vivienda'],
      ],
      summaries: [
        'El índice de pobreza multidimensional de {country} mide privaciones en educación, salud, trabajo y condiciones de vida más allá del ingreso.',
        'Las autoridades de {country} usan el IPM para focalizar programas y seguir la reducción de las privaciones.',
        'Las nuevas cifras muestran que la pobreza multidimensional en {country} bajó, aunque las zonas rurales siguen rezagadas.',
      ],
    },
  },
  targeting: {
    countries: ['CO', 'CL', 'PE', 'JM', 'GT', 'MX', 'BB'],
    en: {
      titles: [
        ['guide', 'Proxy means testing and targeting systems in {country}'],
        ['evaluation', 'How accurate is poverty targeting in {country}? Errors of inclusion and exclusion'],
        ['workshop', 'Targeting social programmes: lessons from {country}'],
      ],
      summaries: [
        'The targeting system of {country} ranks households with a proxy means test to decide who receives social programmes.',
        'A review of targeting mechanisms in {country} measures exclusion errors and proposes updates to the household survey.',
        'Practitioners from {country} compared targeting methods and how they are updated after shocks.',
      ],
    },
    es: {
      titles: [
        ['guide', 'Sistemas de focalización de los programas sociales en {country}'],
        ['evaluation', 'Errores de inclusión y exclusión en la focalización de {country}'],
        ['workshop', 'Focalización y prueba de medios: la experiencia de {country}'],
      ],
      summaries: [
        'El sistema de focalización de {country} clasifica a los hogares con una prueba de medios para asignar los programas sociales.',
        'Una revisión de los mecanismos de focalización en {country} mide los errores de exclusión y propone actualizar la encuesta de hogares.',
        'Equipos técnicos de {country} compararon instrumentos de focalización y su actualización ante emergencias.',
      ],
    },
  },
  'social-registries': {
    countries: ['CL', 'DO', 'BR', 'PE', 'UY', 'JM'],
    en: {
      titles: [
        ['report', 'The social registry of {country}: coverage, data and interoperability'],
        ['guide', 'Building an integrated social information system: the case of {country}'],
        ['news', '{country} connects its social registry with civil registration data'],
      ],
      summaries: [
        'The social registry of {country} holds socioeconomic data on most households and feeds the eligibility decisions of many programmes.',
        'An integrated social information system in {country} links beneficiary registries across ministries.',
        'Interoperability lets {country} update household data from administrative records instead of door-to-door surveys.',
      ],
    },
    es: {
      titles: [
        ['report', 'El registro social de hogares de {country}: cobertura, datos e interoperabilidad'],
        ['guide', 'Sistemas de información social integrados: el caso de {country}'],
        ['news', '{country} conecta su registro social con el registro civil'],
      ],
      summaries: [
        'El registro social de {country} contiene datos socioeconómicos de la mayoría de los hogares y alimenta la elegibilidad de los programas.',
        'Un sistema integrado de información social en {country} enlaza los padrones de beneficiarios de varios ministerios.',
        'La interoperabilidad permite a {country} actualizar los datos de los hogares con registros administrativos.',
      ],
    },
  },
  graduation: {
    countries: ['CO', 'PE', 'PY', 'HT', 'HN', 'CL'],
    en: {
      titles: [
        ['evaluation', 'Graduation programmes in {country}: results after three years'],
        ['launch', '{country} pilots the graduation approach for extreme poor households'],
        ['guide', 'Designing a graduation programme: coaching, assets and savings in {country}'],
      ],
      summaries: [
        'The graduation approach combines an asset transfer, consumption support, coaching and savings for the poorest families in {country}.',
        'Participants of the graduation programme in {country} increased their income and kept their productive assets.',
        'Coaching visits and savings groups help households in {country} move out of extreme poverty.',
      ],
    },
    es: {
      titles: [
        ['evaluation', 'Programas de graduación en {country}: resultados a tres años'],
        ['launch', '{country} inicia un programa de graduación para hogares en pobreza extrema'],
        ['guide', 'Cómo diseñar un programa de graduación: acompañamiento, activos y ahorro en {country}'],
      ],
      summaries: [
        'El enfoque de graduación combina la entrega de activos, apoyo al consumo, acompañamiento familiar y ahorro para las familias más pobres de {country}.',
        'Los participantes del programa de graduación en {country} aumentaron sus ingresos y conservaron sus activos productivos.',
        'Las visitas de acompañamiento y los grupos de ahorro ayudan a los hogares de {country} a salir de la pobreza extrema.',
      ],
    },
  },
  'financial-inclusion': {
    countries: ['MX', 'PE', 'BR', 'CO', 'GT', 'DO'],
    en: {
      titles: [
        ['report', 'Financial inclusion of cash transfer recipients in {country}'],
        ['evaluation', 'Digital payments and savings accounts for poor women in {country}'],
        ['workshop', 'Financial education and inclusion for social programme participants, {country}'],
      ],
      summaries: [
        'Paying benefits into bank accounts opened the door to savings and credit for women in {country}.',
        'Financial inclusion policies in {country} combine digital payments, financial education and savings groups.',
        'The study follows how recipients in {country} use their accounts, mobile wallets and savings.',
      ],
    },
    es: {
      titles: [
        ['report', 'Inclusión financiera de las usuarias de programas sociales en {country}'],
        ['evaluation', 'Pagos digitales y cuentas de ahorro para mujeres en {country}'],
        [
          'workshop',
          'Educación e inclusión financiera para participantes de programas sociales en {country}',
        ],
      ],
      summaries: [
        'El pago de los bonos en cuentas bancarias abrió el acceso al ahorro y al crédito para las mujeres de {country}.',
        'La política de inclusión financiera de {country} combina pagos digitales, educación financiera y grupos de ahorro.',
        'El estudio sigue cómo las usuarias de {country} usan sus cuentas, billeteras móviles y ahorros.',
      ],
    },
  },
  'food-nutrition': {
    countries: ['GT', 'HT', 'PE', 'HN', 'BO', 'BR', 'JM'],
    en: {
      titles: [
        ['report', 'Food security and nutrition in {country}: the state of hunger'],
        ['evaluation', 'School feeding and child nutrition in {country}'],
        ['launch', '{country} scales up its programme against chronic child malnutrition'],
      ],
      summaries: [
        'Chronic malnutrition still affects many young children in {country}, especially in indigenous and rural communities.',
        'School feeding in {country} buys from family farmers and provides a daily meal to primary school pupils.',
        'Food insecurity in {country} rose after the drought; the programme combines food baskets and nutrition counselling.',
      ],
    },
    es: {
      titles: [
        ['report', 'Seguridad alimentaria y nutricional en {country}: estado del hambre'],
        ['evaluation', 'Alimentación escolar y nutrición infantil en {country}'],
        ['launch', '{country} amplía la estrategia contra la desnutrición crónica infantil'],
      ],
      summaries: [
        'La desnutrición crónica sigue afectando a niñas y niños pequeños de {country}, sobre todo en comunidades indígenas y rurales.',
        'La alimentación escolar en {country} compra a la agricultura familiar y entrega una comida diaria al alumnado de primaria.',
        'La inseguridad alimentaria en {country} aumentó tras la sequía; el programa combina canastas de alimentos y consejería nutricional.',
      ],
    },
  },
  health: {
    countries: ['HT', 'GT', 'BO', 'PE', 'HN', 'JM', 'SV'],
    en: {
      titles: [
        ['report', 'Access to basic health services for poor households in {country}'],
        ['launch', '{country} opens primary health care units in rural municipalities'],
        ['evaluation', 'Community health workers and maternal health in {country}'],
      ],
      summaries: [
        'Primary health care units in {country} bring vaccination, prenatal care and check-ups closer to rural families.',
        'Community health workers in {country} visit pregnant women and newborns and refer them to clinics.',
        'Out-of-pocket spending keeps poor households in {country} away from basic health services.',
      ],
    },
    es: {
      titles: [
        ['report', 'Acceso a servicios básicos de salud para hogares pobres en {country}'],
        ['launch', '{country} abre unidades de atención primaria de salud en municipios rurales'],
        ['evaluation', 'Agentes comunitarios de salud y salud materna en {country}'],
      ],
      summaries: [
        'Las unidades de atención primaria de salud en {country} acercan vacunación, control prenatal y consultas a las familias rurales.',
        'Los agentes comunitarios de salud de {country} visitan a mujeres embarazadas y recién nacidos y los derivan a los centros.',
        'El gasto de bolsillo aleja a los hogares pobres de {country} de los servicios básicos de salud.',
      ],
    },
  },
  'job-training': {
    countries: ['CO', 'BR', 'CL', 'TT', 'DO', 'AR', 'JM'],
    en: {
      titles: [
        ['evaluation', 'Job training for young people in {country}: what works'],
        ['launch', '{country} launches vocational training with private employers'],
        ['report', 'Skills development and employability of youth in {country}'],
      ],
      summaries: [
        'Vocational training courses in {country} combine classroom lessons with apprenticeships in firms.',
        'Young people who completed the job training programme in {country} found formal jobs more often.',
        'Employers in {country} take part in designing skills training so that courses match local demand.',
      ],
    },
    es: {
      titles: [
        ['evaluation', 'Capacitación laboral para jóvenes en {country}: qué funciona'],
        ['launch', '{country} lanza formación profesional con empresas privadas'],
        ['report', 'Formación para el trabajo y empleabilidad juvenil en {country}'],
      ],
      summaries: [
        'Los cursos de formación profesional en {country} combinan clases con prácticas en empresas.',
        'Las y los jóvenes que terminaron la capacitación laboral en {country} consiguieron empleo formal con más frecuencia.',
        'Las empresas de {country} participan en el diseño de la capacitación para que responda a la demanda local.',
      ],
    },
  },
  'social-insurance-pensions': {
    countries: ['CL', 'UY', 'AR', 'MX', 'BR', 'CR', 'BB'],
    en: {
      titles: [
        ['report', 'Non-contributory pensions and older persons in {country}'],
        ['news', '{country} reforms its pension system'],
        ['evaluation', 'Social pensions and old-age poverty in {country}'],
      ],
      summaries: [
        'A non-contributory pension in {country} protects older persons who never contributed to social insurance.',
        'The pension reform in {country} raises the minimum pension and extends coverage to informal workers.',
        'Social pensions cut old-age poverty in {country}, especially among older women.',
      ],
    },
    es: {
      titles: [
        ['report', 'Pensiones no contributivas y personas mayores en {country}'],
        ['news', '{country} aprueba la reforma de su sistema de pensiones'],
        ['evaluation', 'Pensiones sociales y pobreza en la vejez en {country}'],
      ],
      summaries: [
        'La pensión no contributiva de {country} protege a los adultos mayores que nunca cotizaron a la seguridad social.',
        'La reforma de pensiones en {country} eleva la pensión mínima y amplía la cobertura a trabajadores informales.',
        'Las pensiones sociales reducen la pobreza en la vejez en {country}, sobre todo entre las mujeres mayores.',
      ],
    },
  },
  'south-south-cooperation': {
    countries: ['BR', 'CO', 'CL', 'MX', 'TT', 'JM', 'PE'],
    en: {
      titles: [
        ['workshop', 'South-South cooperation: {country} shares its social protection experience'],
        ['report', 'Bilateral cooperation on social protection between {country} and Caribbean partners'],
        ['news', 'IASPN cooperation mission to {country}'],
      ],
      summaries: [
        'Through South-South cooperation, {country} hosted a technical exchange on social programmes with delegations from the region.',
        'The cooperation fund paired the supply of {country} with requests from other member states.',
        'A peer-to-peer mission to {country} reviewed how social programmes are coordinated at the local level.',
      ],
    },
    es: {
      titles: [
        ['workshop', 'Cooperación Sur-Sur: {country} comparte su experiencia en protección social'],
        ['report', 'Cooperación bilateral en protección social entre {country} y el Caribe'],
        ['news', 'Misión de cooperación de la RIPSO a {country}'],
      ],
      summaries: [
        'Mediante la cooperación Sur-Sur, {country} recibió un intercambio técnico sobre programas sociales con delegaciones de la región.',
        'El fondo de cooperación vinculó la oferta de {country} con las demandas de otros Estados miembros.',
        'Una misión entre pares a {country} revisó la coordinación local de los programas sociales.',
      ],
    },
  },
  housing: {
    countries: ['CL', 'MX', 'BR', 'CO', 'CR', 'PA'],
    en: {
      titles: [
        ['report', 'Social housing and informal settlements in {country}'],
        ['launch', '{country} announces a housing subsidy for low-income families'],
        ['evaluation', 'Housing upgrading and household wellbeing in {country}'],
      ],
      summaries: [
        'The housing subsidy in {country} helps low-income families buy or improve a home.',
        'Upgrading informal settlements in {country} brought water, sanitation and secure tenure.',
        'Overcrowding and poor housing remain key deprivations in {country}.',
      ],
    },
    es: {
      titles: [
        ['report', 'Vivienda social y asentamientos informales en {country}'],
        ['launch', '{country} anuncia un subsidio de vivienda para familias de bajos ingresos'],
        ['evaluation', 'Mejoramiento de vivienda y bienestar de los hogares en {country}'],
      ],
      summaries: [
        'El subsidio habitacional de {country} ayuda a las familias de bajos ingresos a comprar o mejorar su vivienda.',
        'El mejoramiento de barrios informales en {country} llevó agua, saneamiento y seguridad en la tenencia.',
        'El hacinamiento y la vivienda precaria siguen siendo privaciones clave en {country}.',
      ],
    },
  },
  'shock-responsive': {
    countries: ['HT', 'DO', 'JM', 'EC', 'HN', 'BB', 'GT'],
    en: {
      titles: [
        ['report', 'Adaptive social protection after the hurricane in {country}'],
        ['guide', 'Shock-responsive social protection: scaling up cash after disasters in {country}'],
        ['workshop', 'Social protection and climate change: preparing {country} for emergencies'],
      ],
      summaries: [
        'After the hurricane, {country} used its social registry to pay emergency transfers to affected households within weeks.',
        'Shock-responsive social protection in {country} links disaster risk management with existing programmes.',
        'Climate change increases floods and droughts in {country}; social protection must be ready to scale up.',
      ],
    },
    es: {
      titles: [
        ['report', 'Protección social adaptativa tras el huracán en {country}'],
        [
          'guide',
          'Protección social reactiva ante emergencias: ampliar las transferencias tras desastres en {country}',
        ],
        ['workshop', 'Protección social y cambio climático: preparar a {country} para las emergencias'],
      ],
      summaries: [
        'Tras el huracán, {country} usó su registro social para pagar transferencias de emergencia a los hogares afectados en pocas semanas.',
        'La protección social reactiva ante emergencias en {country} vincula la gestión del riesgo de desastres con los programas existentes.',
        'El cambio climático aumenta inundaciones y sequías en {country}; la protección social debe poder ampliarse.',
      ],
    },
  },
  'care-systems': {
    countries: ['UY', 'CR', 'CL', 'MX', 'CO', 'AR'],
    en: {
      titles: [
        ['report', 'Building a national care system in {country}'],
        ['evaluation', 'Unpaid care work and women’s employment in {country}'],
        ['launch', '{country} passes a law creating its care system'],
      ],
      summaries: [
        'The national care system of {country} organises services for children, older persons and people with disabilities, and supports caregivers.',
        'Women in {country} carry most unpaid care work, which limits their participation in paid jobs.',
        'The care economy in {country} creates jobs while freeing time for women.',
      ],
    },
    es: {
      titles: [
        ['report', 'Construcción del sistema nacional de cuidados en {country}'],
        ['evaluation', 'Trabajo de cuidados no remunerado y empleo de las mujeres en {country}'],
        ['launch', '{country} aprueba la ley que crea su sistema de cuidados'],
      ],
      summaries: [
        'El sistema nacional de cuidados de {country} organiza servicios para niñas y niños, personas mayores y personas con discapacidad, y apoya a quienes cuidan.',
        'Las mujeres de {country} realizan la mayor parte del trabajo de cuidados no remunerado, lo que limita su empleo.',
        'La economía del cuidado en {country} genera empleo y libera tiempo de las mujeres.',
      ],
    },
  },
};

export const SAMPLE_TOPICS = Object.keys(TOPIC_TEMPLATES);

const FILLER: Record<'en' | 'es', string[]> = {
  en: [
    'The publication was presented at a meeting of the Inter-American Social Protection Network.',
    'Ministers and technical teams discussed next steps and the financing needed.',
    'The document includes recommendations for policy makers and programme managers.',
    'Data come from household surveys and administrative records.',
    'The event gathered government officials, civil society and international organisations.',
  ],
  es: [
    'La publicación se presentó en una reunión de la Red Interamericana de Protección Social.',
    'Ministras, ministros y equipos técnicos discutieron los próximos pasos y el financiamiento necesario.',
    'El documento incluye recomendaciones para tomadores de decisiones y gestores de programas.',
    'Los datos provienen de encuestas de hogares y registros administrativos.',
    'El evento reunió a funcionarios de gobierno, sociedad civil y organismos internacionales.',
  ],
};

const KIND_TYPES: Record<SampleMeta['kind'], ResourceType[]> = {
  evaluation: ['document', 'document', 'video'],
  report: ['document', 'document', 'news'],
  launch: ['news', 'news', 'video'],
  workshop: ['event', 'video', 'audio'],
  guide: ['document', 'document', 'highlight'],
  news: ['news', 'photo', 'news'],
};

/** A small deterministic generator (mulberry32). */
export const rng = seededRandom;

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

function makeResource(
  n: number,
  fields: {
    title: string;
    summary: string;
    content: string;
    language: Language;
    type: ResourceType;
    partnerId: string;
    publishedAt: string;
  },
  meta: SampleMeta,
): SampleResource {
  const id = `r${String(n).padStart(6, '0')}`;
  const tags = tagText([fields.title, fields.summary]);
  return {
    id,
    feedId: `feed-${fields.partnerId}`,
    partnerId: fields.partnerId,
    sources: [{ feedId: `feed-${fields.partnerId}`, partnerId: fields.partnerId }],
    url: `https://${fields.partnerId}.example.org/${fields.language}/${id}`,
    title: fields.title,
    summary: fields.summary,
    contentHtml: `<p>${fields.content}</p>`,
    publishedAt: fields.publishedAt,
    firstSeenAt: fields.publishedAt,
    language: fields.language,
    type: fields.type,
    topics: tags.topics,
    countries: tags.countries.length > 0 ? tags.countries : [meta.country],
    authors: [],
    categories: [],
    enclosures: [],
    contentHash: createHash('sha256')
      .update(`${fields.title}|${fields.summary}|${fields.content}`)
      .digest('hex')
      .slice(0, 16),
    meta,
  };
}

const DAY_MS = 86_400_000;

/** A date in the six years before SAMPLE_NOW, at a whole minute. */
function dateFrom(random: () => number): string {
  const t = Date.parse(SAMPLE_NOW) - Math.floor(random() * 6 * 365 * DAY_MS);
  return new Date(Math.floor(t / 60_000) * 60_000).toISOString();
}

/**
 * `count` template resources (the sample library uses one round over every topic, language and
 * template; benchmarks ask for more and get more combinations and filler).
 */
export function generateResources(count: number, seed = 7): SampleResource[] {
  const random = rng(seed);
  const out: SampleResource[] = [];
  const combos: { topic: string; language: 'en' | 'es'; title: number }[] = [];
  for (const topic of SAMPLE_TOPICS)
    for (const language of ['en', 'es'] as const)
      for (let t = 0; t < (TOPIC_TEMPLATES[topic] as TopicTemplates)[language].titles.length; t++)
        combos.push({ topic, language, title: t });
  for (let n = 0; n < count; n++) {
    const combo = combos[n % combos.length] as (typeof combos)[number];
    const round = Math.floor(n / combos.length);
    const templates = TOPIC_TEMPLATES[combo.topic] as TopicTemplates;
    const country = templates.countries[
      (combo.title + round * 3 + (combo.language === 'es' ? 1 : 0)) % templates.countries.length
    ] as string;
    const countryName = countryByCode(country)?.names[combo.language] ?? country;
    const programme = PROGRAMMES[country] ?? (combo.language === 'en' ? 'national' : 'nacional');
    const values = { country: countryName, programme, year: String(2019 + Math.floor(random() * 7)) };
    const [kind, titleTemplate] = templates[combo.language].titles[combo.title] as [
      SampleMeta['kind'],
      string,
    ];
    const summaryTemplate = pick(random, templates[combo.language].summaries);
    const summary = fill(summaryTemplate, values);
    const filler = FILLER[combo.language];
    const extra = round > 0 ? ` ${pick(random, filler)} ${pick(random, filler)}` : '';
    const content = `${summary} ${pick(random, filler)}${extra}`;
    const partnerId =
      COUNTRY_PARTNER[country] && random() < 0.5
        ? (COUNTRY_PARTNER[country] as string)
        : pick(random, combo.language === 'en' ? EN_PARTNERS : ES_PARTNERS);
    out.push(
      makeResource(
        n,
        {
          title: fill(titleTemplate, values),
          summary,
          content,
          language: combo.language,
          type: pick(random, KIND_TYPES[kind]),
          partnerId,
          publishedAt: dateFrom(random),
        },
        {
          topic: combo.topic,
          country,
          kind,
          ...(PROGRAMMES[country] && /\{programme\}/.test(titleTemplate + summaryTemplate)
            ? { programme: PROGRAMMES[country] }
            : {}),
        },
      ),
    );
  }
  return out;
}

/** Hand-written resources a member would look for by name. */
const LANDMARKS: {
  name: string;
  language: Language;
  title: string;
  summary: string;
  meta: Omit<SampleMeta, 'landmark'>;
  type: ResourceType;
  partnerId: string;
  publishedAt: string;
}[] = [
  {
    name: 'bolsa-familia-20',
    language: 'en',
    title: 'Bolsa Família at 20: lessons for the region',
    summary:
      'Twenty years after its creation, Brazil’s Bolsa Família reaches more than 20 million families. What other countries can learn from its single registry and conditionalities.',
    meta: { topic: 'conditional-cash-transfers', country: 'BR', kind: 'report', programme: 'Bolsa Família' },
    type: 'document',
    partnerId: 'mds-br',
    publishedAt: '2024-10-20T10:00:00.000Z',
  },
  {
    name: 'cadastro-unico',
    language: 'es',
    title: 'Cadastro Único de Brasil: el registro social que sostiene la protección social',
    summary:
      'El Cadastro Único reúne información de más de 90 millones de personas y sirve de base para Bolsa Família y otros programas sociales de Brasil.',
    meta: { topic: 'social-registries', country: 'BR', kind: 'report', programme: 'Bolsa Família' },
    type: 'document',
    partnerId: 'iaspn-oas',
    publishedAt: '2023-03-14T10:00:00.000Z',
  },
  {
    name: 'chile-crece-contigo',
    language: 'es',
    title: 'Chile Crece Contigo: subsistema de protección integral a la infancia',
    summary:
      'Chile Crece Contigo acompaña el desarrollo de niñas y niños desde la gestación hasta los nueve años con controles de salud, visitas y apoyo a las familias.',
    meta: { topic: 'early-childhood', country: 'CL', kind: 'report' },
    type: 'document',
    partnerId: 'iaspn-oas',
    publishedAt: '2022-08-01T10:00:00.000Z',
  },
  {
    name: 'path-jamaica',
    language: 'en',
    title: 'PATH: the Programme of Advancement Through Health and Education in Jamaica',
    summary:
      'Jamaica’s PATH pays conditional cash transfers to poor households; the evaluation found higher school attendance and use of preventive health care.',
    meta: { topic: 'conditional-cash-transfers', country: 'JM', kind: 'evaluation', programme: 'PATH' },
    type: 'document',
    partnerId: 'cispr-caribbean',
    publishedAt: '2021-05-11T10:00:00.000Z',
  },
  {
    name: 'rsh-chile',
    language: 'es',
    title: 'Registro Social de Hogares de Chile: guía para municipios',
    summary:
      'Cómo funciona el Registro Social de Hogares, la calificación socioeconómica y la actualización de datos con registros administrativos.',
    meta: { topic: 'social-registries', country: 'CL', kind: 'guide' },
    type: 'document',
    partnerId: 'iaspn-oas',
    publishedAt: '2023-11-02T10:00:00.000Z',
  },
  {
    name: 'uy-care-system',
    language: 'es',
    title: 'Sistema Nacional Integrado de Cuidados de Uruguay: diez años',
    summary:
      'Uruguay creó el primer sistema de cuidados de la región; el balance repasa servicios para la primera infancia, la dependencia y la formación de cuidadoras.',
    meta: { topic: 'care-systems', country: 'UY', kind: 'report' },
    type: 'document',
    partnerId: 'mides-uy',
    publishedAt: '2025-02-10T10:00:00.000Z',
  },
  {
    name: 'haiti-kore-lavi',
    language: 'fr',
    title: 'Kore Lavi : filets sociaux et sécurité alimentaire en Haïti',
    summary:
      'Le programme Kore Lavi distribue des coupons alimentaires aux ménages vulnérables et a créé une base de données des ménages en Haïti.',
    meta: { topic: 'food-nutrition', country: 'HT', kind: 'report' },
    type: 'document',
    partnerId: 'wfp-lac',
    publishedAt: '2020-09-09T10:00:00.000Z',
  },
  {
    name: 'caribbean-workshop',
    language: 'en',
    title: 'Caribbean workshop turns 15 experiences into 32 cooperation activities',
    summary:
      'Member states in the Caribbean matched the supply of social protection experiences with cooperation demands during the IASPN workshop in Trinidad and Tobago.',
    meta: { topic: 'south-south-cooperation', country: 'TT', kind: 'workshop' },
    type: 'event',
    partnerId: 'iaspn-oas',
    publishedAt: '2024-04-18T10:00:00.000Z',
  },
  // Near misses of "conditional cash transfers" (issue 19): the opposite topic, or the topic only
  // mentioned, with every word of the query in the title; newer than the evaluations below.
  {
    name: 'uct-versus-cct',
    language: 'en',
    title: 'Unconditional cash transfers versus conditional designs: what the evidence says',
    summary:
      'Unconditional cash transfers give poor households money with no co-responsibilities; the review compares their effects with those of conditional programmes.',
    meta: { topic: 'social-assistance', country: 'BR', kind: 'report' },
    type: 'document',
    partnerId: 'world-bank',
    publishedAt: '2025-05-20T10:00:00.000Z',
  },
  {
    name: 'tmnc',
    language: 'es',
    title: 'Transferencias monetarias no condicionadas: qué se gana sin corresponsabilidades',
    summary:
      'Las transferencias no condicionadas entregan dinero a los hogares sin exigir asistencia escolar ni controles de salud; el documento las compara con los programas condicionados.',
    meta: { topic: 'social-assistance', country: 'AR', kind: 'report' },
    type: 'document',
    partnerId: 'cepal',
    publishedAt: '2025-05-02T10:00:00.000Z',
  },
  {
    name: 'fi-pilot',
    language: 'en',
    title: 'Savings pilot brings financial inclusion to conditional cash transfer recipients in Peru',
    summary:
      'A pilot offered savings accounts and financial education to women receiving cash transfers in Peru; account use and savings rose.',
    meta: { topic: 'financial-inclusion', country: 'PE', kind: 'evaluation' },
    type: 'document',
    partnerId: 'world-bank',
    publishedAt: '2025-04-14T10:00:00.000Z',
  },
  {
    name: 'covid-transfers',
    language: 'en',
    title: 'COVID-19 emergency cash transfers to informal workers left out of conditional programmes',
    summary:
      'During the pandemic, emergency transfers reached informal workers who were not in conditional cash transfer programmes, paid through mobile wallets.',
    meta: { topic: 'shock-responsive', country: 'CO', kind: 'news' },
    type: 'news',
    partnerId: 'ilo-americas',
    publishedAt: '2025-03-03T10:00:00.000Z',
  },
  // Spanish evaluations of conditional cash transfers, named by their programmes.
  {
    name: 'prospera-evaluacion',
    language: 'es',
    title: 'Prospera: veinte años de evaluaciones del programa en México',
    summary:
      'Las evaluaciones del programa Prospera (antes Progresa y Oportunidades) muestran efectos en la escolaridad, la salud y la nutrición de las familias que cumplen sus corresponsabilidades.',
    meta: { topic: 'conditional-cash-transfers', country: 'MX', kind: 'evaluation', programme: 'Prospera' },
    type: 'document',
    partnerId: 'cepal',
    publishedAt: '2021-09-15T10:00:00.000Z',
  },
  {
    name: 'bono-vida-mejor',
    language: 'es',
    title: 'Bono Vida Mejor: evaluación de sus efectos en la asistencia escolar en Honduras',
    summary:
      'La evaluación de impacto del Bono Vida Mejor encontró más asistencia escolar y controles de salud entre los hogares que reciben la transferencia condicionada.',
    meta: {
      topic: 'conditional-cash-transfers',
      country: 'HN',
      kind: 'evaluation',
      programme: 'Bono Vida Mejor',
    },
    type: 'document',
    partnerId: 'red-puentes',
    publishedAt: '2020-11-30T10:00:00.000Z',
  },
  {
    name: 'mi-bono-seguro',
    language: 'es',
    title: 'Mi Bono Seguro: evaluación del programa de Guatemala',
    summary:
      'El programa Mi Bono Seguro entrega bonos a familias con niñas y niños que asisten a la escuela y a los controles de salud; la evaluación mide su cobertura y sus efectos.',
    meta: {
      topic: 'conditional-cash-transfers',
      country: 'GT',
      kind: 'evaluation',
      programme: 'Mi Bono Seguro',
    },
    type: 'document',
    partnerId: 'iaspn-oas',
    publishedAt: '2019-07-22T10:00:00.000Z',
  },
];

/**
 * The sample library: every template combination once or more, plus the landmarks (those above and
 * the hand-written ones of tuning-landmarks.ts); ≥ 300 resources.
 */
export function sampleLibrary(): SampleResource[] {
  const resources = generateResources(320);
  [...LANDMARKS, ...TUNING_LANDMARKS].forEach((l, k) => {
    const content = `${l.summary} ${FILLER[l.language === 'en' ? 'en' : 'es'][k % 5]}`;
    resources.push(
      makeResource(
        900_000 + k,
        {
          title: l.title,
          summary: l.summary,
          content,
          language: l.language,
          type: l.type,
          partnerId: l.partnerId,
          publishedAt: l.publishedAt,
        },
        { ...l.meta, landmark: l.name },
      ),
    );
  });
  return resources;
}
