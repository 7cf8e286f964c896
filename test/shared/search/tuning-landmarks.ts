import type { Language, ResourceType } from '#shared/domain/resource.js';
import type { SampleMeta } from './sample-library.js';

/**
 * Hand-written resources of the tuning set (issue 19), written from the domain (the taxonomy's
 * topics, the region's programmes) so that the tuning library is less uniform than its templates:
 * publications that name their programme rather than their topic, in Spanish and Portuguese;
 * resources of a broad taxonomy topic that are about one part of it (unemployment insurance and
 * maternity benefits are tagged "social insurance and pensions", as ingest tags them, but are not
 * about pensions: `meta.topic` says what they are about); and newer near-misses whose titles have
 * the words of a central query (cash transfers that are humanitarian, unconditional or a payment
 * channel; a poverty line that is not multidimensional). Never copied from the blind set.
 */
export interface TuningLandmark {
  name: string;
  language: Language;
  title: string;
  summary: string;
  meta: Omit<SampleMeta, 'landmark'>;
  type: ResourceType;
  partnerId: string;
  publishedAt: string;
}

const doc = (
  name: string,
  language: Language,
  publishedAt: string,
  meta: Omit<SampleMeta, 'landmark'>,
  partnerId: string,
  title: string,
  summary: string,
  type: ResourceType = meta.kind === 'news' ? 'news' : meta.kind === 'workshop' ? 'event' : 'document',
): TuningLandmark => ({
  name,
  language,
  title,
  summary,
  meta,
  type,
  partnerId,
  publishedAt: `${publishedAt}T10:00:00.000Z`,
});

const PENSIONS = 'social-insurance-pensions';
const CCT = 'conditional-cash-transfers';

export const TUNING_LANDMARKS: TuningLandmark[] = [
  // Pensions, in three languages, older than the unemployment-insurance publications below.
  doc(
    'caribbean-old-age-coverage',
    'en',
    '2021-03-09',
    { topic: PENSIONS, country: 'BB', kind: 'report' },
    'cispr-caribbean',
    'Old-age pension coverage in the Caribbean: who is left out',
    'Half of the people over 65 in the Eastern Caribbean receive no pension; the report compares contributory schemes and social pensions and what closing the gap would cost.',
  ),
  doc(
    'paraguay-pension-alimentaria',
    'es',
    '2020-06-17',
    { topic: PENSIONS, country: 'PY', kind: 'evaluation' },
    'red-puentes',
    'La pensión alimentaria para adultos mayores de Paraguay: cobertura y efectos',
    'La evaluación de la pensión alimentaria para adultos mayores en situación de pobreza mide su cobertura, su costo fiscal y sus efectos en el consumo de los hogares.',
  ),
  doc(
    'aposentadoria-rural',
    'pt',
    '2019-10-02',
    { topic: PENSIONS, country: 'BR', kind: 'report' },
    'mds-br',
    'Aposentadoria rural no Brasil: efeitos sobre a pobreza dos idosos',
    'A aposentadoria rural e o Benefício de Prestação Continuada reduziram a pobreza entre os idosos do campo; o estudo analisa a previdência social não contributiva.',
  ),
  doc(
    'moratoria-previsional',
    'es',
    '2023-08-21',
    { topic: PENSIONS, country: 'AR', kind: 'news' },
    'cepal',
    'Jubilaciones en Argentina: la moratoria previsional en debate',
    'El fin de la moratoria previsional dejaría sin jubilación a nueve de cada diez mujeres que cumplen la edad de retiro sin los aportes exigidos.',
  ),
  doc(
    'pgu-chile',
    'en',
    '2024-01-30',
    { topic: PENSIONS, country: 'CL', kind: 'evaluation' },
    'world-bank',
    'Chile’s Pensión Garantizada Universal after two years: an evaluation',
    'The universal guaranteed pension reached 2.2 million older people; the evaluation looks at old-age poverty, labour supply after 65 and the fiscal cost of the pension reform.',
  ),
  // Unemployment insurance and maternity benefits: tagged with the pensions topic, about something else.
  doc(
    'seguro-cesantia',
    'es',
    '2025-05-06',
    { topic: 'unemployment-insurance', country: 'CL', kind: 'report' },
    'iaspn-oas',
    'Seguro de desempleo en Chile: quién cobra el Seguro de Cesantía',
    'El seguro de desempleo chileno combina cuentas individuales y un fondo solidario; el informe analiza su cobertura entre los trabajadores con contrato temporal.',
  ),
  doc(
    'seguro-desemprego',
    'pt',
    '2025-04-22',
    { topic: 'unemployment-insurance', country: 'BR', kind: 'news' },
    'mds-br',
    'Seguro-desemprego: quem tem direito e como pedir',
    'O seguro-desemprego paga de três a cinco parcelas ao trabalhador demitido sem justa causa; veja os prazos e os documentos.',
  ),
  doc(
    'ui-informal',
    'en',
    '2025-02-11',
    { topic: 'unemployment-insurance', country: 'CO', kind: 'report' },
    'ilo-americas',
    'Unemployment insurance for informal workers: options for Latin America',
    'Few informal workers are covered by unemployment insurance; the report reviews unemployment benefits financed by individual accounts and solidarity funds.',
  ),
  doc(
    'maternity-self-employed',
    'en',
    '2025-03-18',
    { topic: 'maternity-benefits', country: 'CR', kind: 'news' },
    'ilo-americas',
    'Maternity benefits reach self-employed women in Costa Rica',
    'Costa Rica’s social insurance fund now pays maternity benefits to self-employed women who contribute, closing a gap in social security.',
  ),
  // Conditional cash transfers named by their programmes, in Spanish and Portuguese.
  doc(
    'juntos-anemia',
    'es',
    '2020-02-12',
    { topic: CCT, country: 'PE', kind: 'evaluation', programme: 'Juntos' },
    'midis-pe',
    'Juntos: efectos del programa sobre la anemia y la asistencia escolar en el Perú',
    'La evaluación del programa Juntos, que entrega una transferencia condicionada a los hogares pobres, encontró más controles de salud y asistencia escolar, sin efecto sobre la anemia.',
  ),
  doc(
    'bolsa-familia-frequencia',
    'pt',
    '2021-07-05',
    { topic: CCT, country: 'BR', kind: 'evaluation', programme: 'Bolsa Família' },
    'mds-br',
    'Bolsa Família e frequência escolar: evidências de vinte anos',
    'As condicionalidades de educação do Bolsa Família, programa de transferência condicionada de renda, elevaram a frequência escolar e a progressão dos alunos mais pobres.',
  ),
  doc(
    'familias-en-accion-evaluaciones',
    'es',
    '2019-04-24',
    { topic: CCT, country: 'CO', kind: 'evaluation', programme: 'Familias en Acción' },
    'prosperidad-social-co',
    'Familias en Acción: diez años de evaluaciones de impacto',
    'Las evaluaciones de Familias en Acción, el programa de transferencias monetarias condicionadas de Colombia, muestran efectos en nutrición infantil y matrícula secundaria.',
  ),
  doc(
    'tekopora',
    'es',
    '2020-09-28',
    { topic: CCT, country: 'PY', kind: 'report', programme: 'Tekoporã' },
    'red-puentes',
    'Tekoporã y el acompañamiento a las familias en Paraguay',
    'Tekoporã combina transferencias monetarias condicionadas con visitas de guías familiares; el informe describe sus corresponsabilidades en salud y educación.',
  ),
  doc(
    'path-payments',
    'en',
    '2018-11-14',
    { topic: CCT, country: 'JM', kind: 'evaluation', programme: 'PATH' },
    'cispr-caribbean',
    'How PATH’s conditional payments changed school attendance in Jamaica',
    'PATH pays families when children attend school and health visits; an evaluation of the conditional cash transfer finds attendance up by half a day a month.',
  ),
  doc(
    'bdh-ecuador',
    'es',
    '2019-06-03',
    { topic: CCT, country: 'EC', kind: 'report', programme: 'Bono de Desarrollo Humano' },
    'cepal',
    'El Bono de Desarrollo Humano de Ecuador: condicionalidades y cobertura',
    'El Bono de Desarrollo Humano es la transferencia condicionada más grande de Ecuador; el documento repasa sus condicionalidades y quiénes quedan fuera.',
  ),
  // Newer near-misses of "conditional cash transfers" and "cash transfer programmes".
  doc(
    'humanitarian-cash',
    'en',
    '2025-05-12',
    { topic: 'humanitarian', country: 'CO', kind: 'report' },
    'wfp-lac',
    'Cash transfers in humanitarian settings: lessons from Venezuelan migrants in Colombia',
    'Multipurpose cash assistance reached migrant families within weeks; the report compares it with in-kind aid and with national cash transfer programmes.',
  ),
  doc(
    'ubi-pilot',
    'en',
    '2025-05-27',
    { topic: 'social-assistance', country: 'BR', kind: 'news' },
    'world-bank',
    'Basic income pilot: unconditional cash for every adult in Maricá',
    'The municipal basic income pays every resident a monthly unconditional cash transfer in a local currency, with no conditions on schooling or health.',
  ),
  doc(
    'sin-condiciones',
    'es',
    '2025-03-25',
    { topic: 'social-assistance', country: 'AR', kind: 'news' },
    'cepal',
    'Transferencias sin condiciones para hogares con adultos mayores',
    'Un nuevo bono entrega dinero sin condiciones a los hogares con adultos mayores y sin ingresos, a diferencia de las transferencias condicionadas a la escolaridad.',
  ),
  doc(
    'mobile-payments',
    'en',
    '2025-04-08',
    { topic: 'financial-inclusion', country: 'PE', kind: 'news' },
    'world-bank',
    'Paying conditional cash transfers by mobile money: what changes for recipients',
    'Recipients who get their transfer in a mobile wallet save travel time and keep balances; the note looks at accounts, fees and digital skills.',
  ),
  // Targeting, named by its method, in three languages.
  doc(
    'pmt-honduras',
    'es',
    '2020-05-19',
    { topic: 'targeting', country: 'HN', kind: 'evaluation' },
    'red-puentes',
    'Prueba de medios aproximada en Honduras: errores de inclusión y exclusión',
    'La focalización por prueba de medios aproximada deja fuera a un tercio de los hogares pobres; la evaluación propone recalibrar el modelo con datos del registro.',
  ),
  doc(
    'pmt-jamaica',
    'en',
    '2019-03-26',
    { topic: 'targeting', country: 'JM', kind: 'report' },
    'cispr-caribbean',
    'Proxy means tests under scrutiny: how accurate is beneficiary selection in Jamaica?',
    'The beneficiary identification system scores households by a proxy means test; the report measures targeting errors and appeals.',
  ),
  doc(
    'focalizacao-bolsa',
    'pt',
    '2021-11-10',
    { topic: 'targeting', country: 'BR', kind: 'report', programme: 'Bolsa Família' },
    'mds-br',
    'Focalização do Bolsa Família: erros de inclusão e exclusão',
    'A focalização do programa depende do Cadastro Único; o estudo estima os erros de inclusão e de exclusão e o efeito da atualização cadastral.',
  ),
  // Early childhood by programme, and a near-miss with "early" in its title.
  doc(
    'crianca-feliz',
    'pt',
    '2022-04-06',
    { topic: 'early-childhood', country: 'BR', kind: 'report', programme: 'Criança Feliz' },
    'mds-br',
    'Criança Feliz: visitas domiciliares na primeira infância',
    'O programa Criança Feliz visita famílias com crianças de até três anos para apoiar o desenvolvimento infantil e a parentalidade.',
  ),
  doc(
    'reach-up',
    'en',
    '2020-10-20',
    { topic: 'early-childhood', country: 'JM', kind: 'evaluation' },
    'unicef-lacro',
    'Home visits and stimulation for toddlers: Jamaica’s Reach Up twenty years on',
    'Children who received weekly home visits and play-based stimulation as toddlers earned more as adults; early childhood development pays off.',
  ),
  doc(
    'early-warning',
    'en',
    '2025-05-15',
    { topic: 'shock-responsive', country: 'GT', kind: 'news' },
    'wfp-lac',
    'Early warning and early action for droughts in Guatemala’s dry corridor',
    'Forecast-based payments reach farming households before the harvest fails, through the social protection system.',
  ),
  // Multidimensional poverty, and a monetary poverty line (a near-miss).
  doc(
    'ipm-honduras',
    'es',
    '2021-02-23',
    { topic: 'multidimensional-poverty', country: 'HN', kind: 'report' },
    'iaspn-oas',
    'Medición de la pobreza multidimensional en Honduras: privaciones por hogar',
    'El índice de pobreza multidimensional de Honduras combina privaciones en salud, educación, vivienda y trabajo; el informe publica los resultados por departamento.',
  ),
  doc(
    'poverty-line-peru',
    'en',
    '2025-05-20',
    { topic: 'monetary-poverty', country: 'PE', kind: 'news' },
    'midis-pe',
    'Peru updates its poverty line and extreme poverty index',
    'The statistics office revised the monetary poverty line with a new food basket; extreme poverty rose to 5.7 per cent.',
  ),
  // Financial inclusion in Spanish and Portuguese, and a near-miss with "financial" in its title.
  doc(
    'cuentas-mujeres-bolivia',
    'es',
    '2020-08-12',
    { topic: 'financial-inclusion', country: 'BO', kind: 'evaluation' },
    'red-puentes',
    'Cuentas de ahorro para mujeres rurales: inclusión financiera en Bolivia',
    'La evaluación siguió a mujeres rurales que abrieron cuentas de ahorro; el uso de servicios financieros aumentó y el ahorro se mantuvo a los dos años.',
  ),
  doc(
    'inclusao-pix',
    'pt',
    '2022-12-01',
    { topic: 'financial-inclusion', country: 'BR', kind: 'report' },
    'mds-br',
    'Inclusão financeira pelo Pix: contas digitais dos beneficiários',
    'As contas digitais abertas para pagar benefícios sociais levaram milhões de pessoas ao sistema financeiro; o relatório analisa o uso do Pix.',
  ),
  doc(
    'financial-crisis',
    'en',
    '2025-05-08',
    { topic: 'fiscal', country: 'BB', kind: 'news' },
    'cispr-caribbean',
    'Financial crisis and social spending in the Caribbean',
    'As debt service rises, Caribbean governments cut social spending; the note looks at which programmes were protected.',
  ),
  // Phrase proximity (issue 19, point 3): two words of the query in a title, next to each other or
  // apart, meaning different things.
  doc(
    'beps-colombia',
    'en',
    '2022-04-12',
    { topic: PENSIONS, country: 'CO', kind: 'report' },
    'world-bank',
    'Informal workers and old-age savings in Colombia: the BEPS scheme',
    'Colombia’s periodic economic benefits (BEPS) let informal workers save small amounts for old age with a state top-up; the report reviews take-up and the size of the benefits.',
  ),
  doc(
    'informal-economy-dialogue',
    'en',
    '2025-03-10',
    { topic: 'labour-dialogue', country: 'GT', kind: 'news' },
    'ilo-americas',
    'Workers’ organisations meet on the informal economy in Guatemala',
    'Trade unions and employers met in Guatemala City to discuss wages, rights and the informal economy; a second round is planned for the autumn.',
  ),
  doc(
    'home-visits-belize',
    'en',
    '2023-09-05',
    { topic: 'early-childhood', country: 'BZ', kind: 'evaluation' },
    'unicef-lacro',
    'Home visits to families with young children in Belize: a process evaluation',
    'Community workers visited 1,200 families with children under three to coach parents on play and feeding; the evaluation reviews the quality and frequency of the visits.',
  ),
  doc(
    'registry-mission-belize',
    'en',
    '2025-04-20',
    { topic: 'social-registries', country: 'BZ', kind: 'news' },
    'iaspn-oas',
    'Registry officials’ visits to Belize’s Ministry of Home Affairs',
    'A mission of social registry officials agreed data exchanges between the civil registry, run by the Ministry of Home Affairs, and the social registry.',
  ),
];
