import type { BlindMeta, Kind, Lang, Subject } from './parts.js';

/**
 * Publications written one by one: regional reviews, landmarks members ask for by name, and the
 * near-misses a ranking must not put first (unconditional designs, pilots that mention transfers,
 * "graduation" ceremonies, poverty lines that are not multidimensional, documents that name a
 * topic in passing).
 */
export interface HandWritten {
  slug: string;
  lang: Lang;
  title: string;
  summary: string;
  partnerId: string;
  kind: Kind;
  publishedAt: string;
  subject: Subject;
  also?: Subject[];
  passing?: Subject[];
  country?: string;
  programme?: string;
  /** Programmes named in passing. */
  mentions?: string[];
}

export const HAND_WRITTEN: readonly HandWritten[] = [
  // Near-misses of conditional cash transfers
  {
    slug: 'uct-versus-cct',
    lang: 'en',
    title: 'Cash with no strings attached: unconditional transfers versus conditional designs',
    summary:
      'A review of trials in Africa and Latin America comparing unconditional cash with conditional cash transfers: conditions raise school enrolment a little but cost more to monitor and exclude the poorest. Implications for social protection programmes fighting poverty.',
    partnerId: 'world-bank',
    kind: 'study',
    publishedAt: '2026-03-12T09:00:00.000Z',
    subject: 'uct',
    also: ['cct'],
  },
  {
    slug: 'no-condicionadas-frente-a-condicionadas',
    lang: 'es',
    title: 'Transferencias no condicionadas frente a condicionadas: lo que dice la evidencia regional',
    summary:
      'La nota compara programas de transferencias sin condiciones con los programas de transferencias condicionadas de la región y discute cuándo las corresponsabilidades aportan a la reducción de la pobreza y cuándo la protección social gana con diseños más simples.',
    partnerId: 'cepal',
    kind: 'study',
    publishedAt: '2025-09-30T09:00:00.000Z',
    subject: 'uct',
    also: ['cct'],
  },
  {
    slug: 'ingreso-basico-universal',
    lang: 'es',
    title: 'Ingreso básico universal: ¿una alternativa a las transferencias condicionadas?',
    summary:
      'Un debate sobre el costo fiscal y los efectos de un ingreso básico universal frente a programas focalizados contra la pobreza, con simulaciones para seis países de la región.',
    partnerId: 'cepal',
    kind: 'report',
    publishedAt: '2026-06-18T09:00:00.000Z',
    subject: 'uct',
    also: ['cct'],
    passing: ['targeting'],
  },
  {
    slug: 'caribbean-child-grants-without-conditions',
    lang: 'en',
    title: 'Child grants without conditions: the universal child benefit debate in the Caribbean',
    summary:
      'Should Caribbean countries pay a universal child grant instead of means-tested programmes? The paper costs options for Barbados, Belize and Saint Lucia and their effect on child poverty; social protection ministries are divided.',
    partnerId: 'unicef-lacro',
    kind: 'report',
    publishedAt: '2025-11-04T09:00:00.000Z',
    subject: 'uct',
    passing: ['targeting'],
  },
  {
    slug: 'universal-or-targeted-child-benefits',
    lang: 'en',
    title: 'Universal or targeted? The debate on child benefits in Latin America',
    summary:
      'Targeting saves money but misses poor children through exclusion errors; universal child benefits cost more. The brief weighs both for social protection programmes and poverty reduction.',
    partnerId: 'unicef-lacro',
    kind: 'brief',
    publishedAt: '2024-08-21T09:00:00.000Z',
    subject: 'uct',
    also: ['targeting'],
  },
  {
    slug: 'savings-groups-juntos-pilot',
    lang: 'en',
    title: 'Financial inclusion pilot: savings groups for cash transfer recipients in rural Peru',
    summary:
      'Women who receive the Juntos transfer were invited to join savings groups and open accounts; after two years they saved more and borrowed less from moneylenders. A small pilot on the edge of the social protection programme, with lessons for poverty reduction.',
    partnerId: 'fundacion-capital',
    kind: 'evaluation',
    publishedAt: '2025-10-08T09:00:00.000Z',
    subject: 'financial-inclusion',
    passing: ['cct'],
    country: 'PE',
    mentions: ['Juntos'],
  },
  {
    slug: 'covid-emergency-transfers-regional',
    lang: 'en',
    title:
      'COVID-19 emergency transfers in Latin America and the Caribbean: a regional review of the 2020 cash response',
    summary:
      'Countries paid emergency cash to informal workers and topped up existing conditional programmes; the review counts 250 measures and asks what social protection systems should keep for the next crisis.',
    partnerId: 'world-bank',
    kind: 'report',
    publishedAt: '2026-08-25T09:00:00.000Z',
    subject: 'emergency-transfers',
    passing: ['cct'],
  },
  {
    slug: 'humanitarian-cash-venezuelan-migrants',
    lang: 'en',
    title: 'Cash transfers in humanitarian settings: Venezuelan migrants in Colombia and Peru',
    summary:
      'Multipurpose cash paid by humanitarian agencies to migrant families, with no conditions, and how it could connect with national social protection programmes and poverty registries.',
    partnerId: 'wfp-lac',
    kind: 'report',
    publishedAt: '2025-05-14T09:00:00.000Z',
    subject: 'uct',
    passing: ['social-registry'],
  },
  {
    slug: 'conditional-grants-municipalities',
    lang: 'en',
    title: 'Conditional on what? Earmarked transfers to municipalities and the funding of social programmes',
    summary:
      'Central governments fund local social programmes through conditional grants to municipalities; the paper studies how fiscal transfer rules shape social protection and poverty spending at local level.',
    partnerId: 'bid',
    kind: 'study',
    publishedAt: '2026-09-10T09:00:00.000Z',
    subject: 'systems',
  },
  {
    slug: 'paying-cct-into-accounts',
    lang: 'en',
    title: 'Paying conditional cash transfers into bank accounts: from cash to digital payments',
    summary:
      'How conditional cash transfer programmes in Mexico, Colombia and Brazil moved their payments to accounts and cards, and what it meant for beneficiaries’ costs, fraud and financial inclusion.',
    partnerId: 'cgap',
    kind: 'study',
    publishedAt: '2023-02-27T09:00:00.000Z',
    subject: 'cct',
    also: ['financial-inclusion'],
  },
  {
    slug: 'path-graduation-ceremonies',
    lang: 'en',
    title: 'Graduation ceremonies mark 10,000 PATH students finishing secondary school',
    summary:
      'Students from families on Jamaica’s PATH programme celebrated their graduation from high school; the ministry credits the programme’s school attendance condition and its poverty focus.',
    partnerId: 'mlss-jm',
    kind: 'news',
    publishedAt: '2026-07-15T09:00:00.000Z',
    subject: 'cct',
    country: 'JM',
    programme: 'PATH',
  },
  {
    slug: 'egreso-de-juntos',
    lang: 'es',
    title: 'Egreso del programa Juntos: qué pasa con los hogares que salen del programa',
    summary:
      'El estudio sigue a hogares que dejaron de recibir la transferencia condicionada de Juntos y analiza si mantienen la asistencia escolar, los controles de salud y sus ingresos, y qué apoyos de protección social necesitan para no volver a la pobreza.',
    partnerId: 'midis-pe',
    kind: 'study',
    publishedAt: '2024-04-03T09:00:00.000Z',
    subject: 'cct',
    also: ['graduation'],
    country: 'PE',
    programme: 'Juntos',
  },
  // Regional publications at the centre of a topic
  {
    slug: 'cct-25-years-evidence',
    lang: 'es',
    title: 'Programas de transferencias condicionadas en América Latina y el Caribe: 25 años de evidencia',
    summary:
      'Desde Progresa hasta hoy, la región creó más de veinte programas de transferencias monetarias condicionadas; el informe resume sus efectos en pobreza, educación, salud y nutrición, y los desafíos de la protección social.',
    partnerId: 'cepal',
    kind: 'report',
    publishedAt: '2022-11-22T09:00:00.000Z',
    subject: 'cct',
  },
  {
    slug: 'cct-learning-meta-analysis',
    lang: 'en',
    title: 'Conditional cash transfers and learning: a meta-analysis for Latin America',
    summary:
      'Across 38 evaluations, conditional cash transfer programmes raised enrolment and attendance, but effects on test scores were small; the authors discuss how social protection and education policy can work together against poverty.',
    partnerId: 'bid',
    kind: 'study',
    publishedAt: '2024-06-05T09:00:00.000Z',
    subject: 'cct',
  },
  {
    slug: 'path-impact-evaluation',
    lang: 'en',
    title: 'Did PATH keep Jamaican children in school? An impact evaluation',
    summary:
      'Comparing households just above and below the eligibility score, the evaluation finds that PATH raised school attendance by half a day a month and preventive health visits for young children, with no effect on employment of adults. Lessons for Jamaica’s social protection and poverty policy.',
    partnerId: 'cispr-caribbean',
    kind: 'evaluation',
    publishedAt: '2022-09-14T09:00:00.000Z',
    subject: 'cct',
    country: 'JM',
    programme: 'PATH',
  },
  {
    slug: 'path-annual-report-2025',
    lang: 'en',
    title: 'Programme of Advancement Through Health and Education (PATH): annual report 2025',
    summary:
      'PATH reached 330,000 beneficiaries in 2025; compliance with school attendance and health conditions, payment schedules by post office and bank, and the programme’s place in Jamaica’s social protection against poverty.',
    partnerId: 'mlss-jm',
    kind: 'report',
    publishedAt: '2026-04-28T09:00:00.000Z',
    subject: 'cct',
    country: 'JM',
    programme: 'PATH',
  },
  {
    slug: 'proxy-means-testing-guide',
    lang: 'en',
    title: 'Proxy means testing in Latin America and the Caribbean: a practitioner’s guide',
    summary:
      'How to build, validate and update a proxy means test to target social programmes, with examples from Colombia, Jamaica and Peru; exclusion errors and how social protection programmes can reduce them.',
    partnerId: 'world-bank',
    kind: 'guide',
    publishedAt: '2025-01-20T09:00:00.000Z',
    subject: 'targeting',
    passing: ['social-registry'],
  },
  {
    slug: 'sistemas-de-informacion-social',
    lang: 'es',
    title: 'Sistemas de información social y registros de hogares en América Latina',
    summary:
      'Una revisión de los registros sociales de la región, su cobertura, su uso para la focalización de programas contra la pobreza y su interoperabilidad con otros registros del Estado.',
    partnerId: 'cepal',
    kind: 'report',
    publishedAt: '2024-10-15T09:00:00.000Z',
    subject: 'social-registry',
    also: ['targeting'],
  },
  {
    slug: 'first-1000-days-investment',
    lang: 'en',
    title: 'The first 1,000 days: why investing in early childhood pays',
    summary:
      'Nutrition, stimulation and care before age three shape learning and earnings for life; the report reviews early childhood development programmes in the Americas and what social protection can add to fight child poverty.',
    partnerId: 'bid',
    kind: 'report',
    publishedAt: '2025-07-09T09:00:00.000Z',
    subject: 'early-childhood',
  },
  {
    slug: 'primera-infancia-panorama-regional',
    lang: 'es',
    title: 'Primera infancia en América Latina: panorama regional de políticas',
    summary:
      'Un repaso de las políticas nacionales de desarrollo infantil temprano, del cuidado en centros a las visitas domiciliarias, y de su financiamiento en los sistemas de protección social.',
    partnerId: 'unicef-lacro',
    kind: 'report',
    publishedAt: '2023-09-12T09:00:00.000Z',
    subject: 'early-childhood',
  },
  {
    slug: 'licencias-parentales',
    lang: 'es',
    title: 'Licencias parentales y cuidado en los primeros meses de vida',
    summary:
      'Las licencias de maternidad y paternidad de la región son cortas y dejan fuera a las trabajadoras informales; el informe propone ampliarlas dentro de los sistemas de cuidados y de protección social.',
    partnerId: 'ilo-americas',
    kind: 'report',
    publishedAt: '2025-03-08T09:00:00.000Z',
    subject: 'care',
    also: ['early-childhood'],
  },
  {
    slug: 'global-mpi-2025',
    lang: 'en',
    title: 'Global Multidimensional Poverty Index 2025: results for Latin America and the Caribbean',
    summary:
      'The global MPI counts 1.1 billion people in acute multidimensional poverty; in the Americas, Haiti, Guatemala and Honduras have the highest incidence. Deprivations in schooling, nutrition and housing explain most of it.',
    partnerId: 'ophi',
    kind: 'report',
    publishedAt: '2025-10-17T09:00:00.000Z',
    subject: 'mpi',
  },
  {
    slug: 'ipm-infantil',
    lang: 'es',
    title: 'IPM infantil: medir la pobreza multidimensional de niñas, niños y adolescentes',
    summary:
      'Cómo construir un índice de pobreza multidimensional para la niñez, con indicadores de cuidado, nutrición, educación y protección, a partir de las experiencias de Panamá y Costa Rica.',
    partnerId: 'unicef-lacro',
    kind: 'guide',
    publishedAt: '2024-02-14T09:00:00.000Z',
    subject: 'mpi',
  },
  {
    slug: 'pobreza-multidimensional-brasil',
    lang: 'pt',
    title: 'Pobreza multidimensional no Brasil: uma proposta de índice',
    summary:
      'O texto propõe um índice de pobreza multidimensional para o Brasil com dimensões de educação, saúde, trabalho e moradia, comparável ao índice global, para orientar a proteção social.',
    partnerId: 'ipc-ig',
    kind: 'study',
    publishedAt: '2023-05-30T09:00:00.000Z',
    subject: 'mpi',
    country: 'BR',
  },
  {
    slug: 'mujeres-inclusion-financiera',
    lang: 'es',
    title: 'Inclusión financiera de las mujeres en América Latina: brechas y políticas',
    summary:
      'Las mujeres de la región tienen menos cuentas, menos crédito y menos ahorro formal que los hombres; el informe revisa políticas de educación financiera, cuentas simplificadas y pagos digitales, incluidos los pagos de programas sociales.',
    partnerId: 'cgap',
    kind: 'report',
    publishedAt: '2025-12-02T09:00:00.000Z',
    subject: 'financial-inclusion',
    passing: ['cct'],
  },
  {
    slug: 'inclusao-financeira-pagamentos-digitais',
    lang: 'pt',
    title: 'Inclusão financeira e proteção social: pagamentos digitais no Brasil',
    summary:
      'Como o pagamento do Bolsa Família e de outros benefícios por contas digitais ampliou o acesso a serviços financeiros de famílias em situação de pobreza.',
    partnerId: 'ipc-ig',
    kind: 'study',
    publishedAt: '2024-09-19T09:00:00.000Z',
    subject: 'financial-inclusion',
    passing: ['cct'],
    country: 'BR',
    mentions: ['Bolsa Família'],
  },
  {
    slug: 'microseguros-guatemala',
    lang: 'es',
    title: 'Microseguros para hogares rurales en Guatemala',
    summary:
      'Un piloto de seguros paramétricos contra sequía para hogares campesinos, vendidos junto con cuentas de ahorro, como complemento de la protección social frente a la pobreza rural.',
    partnerId: 'mides-gt',
    kind: 'evaluation',
    publishedAt: '2026-02-11T09:00:00.000Z',
    subject: 'financial-inclusion',
    also: ['shock-responsive'],
    country: 'GT',
  },
  // Poverty measurement that is not multidimensional
  {
    slug: 'pobreza-monetaria-peru-2024',
    lang: 'es',
    title: 'Pobreza monetaria en el Perú 2024: resultados del INEI',
    summary:
      'La pobreza monetaria afectó al 27 % de la población; el informe presenta la línea de pobreza, la brecha y la severidad por región, y el efecto de los programas de protección social sobre el ingreso.',
    partnerId: 'midis-pe',
    kind: 'report',
    publishedAt: '2025-05-09T09:00:00.000Z',
    subject: 'poverty-measurement',
    country: 'PE',
  },
  {
    slug: 'jamaica-poverty-lines',
    lang: 'en',
    title: 'Measuring poverty with consumption: new poverty lines for Jamaica',
    summary:
      'The Planning Institute of Jamaica updated the consumption basket behind the national poverty line; the note explains the method and what it means for social protection programmes such as PATH.',
    partnerId: 'cispr-caribbean',
    kind: 'study',
    publishedAt: '2024-12-03T09:00:00.000Z',
    subject: 'poverty-measurement',
    country: 'JM',
    mentions: ['PATH'],
  },
  {
    slug: 'lineas-de-pobreza-colombia',
    lang: 'es',
    title: 'Líneas de pobreza y canastas básicas: actualización metodológica en Colombia',
    summary:
      'El DANE actualizó la canasta básica de alimentos y las líneas de pobreza monetaria y extrema; la nota compara los resultados con los de la metodología anterior.',
    partnerId: 'prosperidad-social-co',
    kind: 'guide',
    publishedAt: '2023-08-16T09:00:00.000Z',
    subject: 'poverty-measurement',
    country: 'CO',
  },
  {
    slug: 'wellbeing-beyond-income',
    lang: 'en',
    title: 'Beyond income: time use and subjective wellbeing surveys in the Americas',
    summary:
      'Statistical offices add time-use and life-satisfaction modules to their surveys; a multidimensional view of wellbeing that complements poverty measures and informs social protection.',
    partnerId: 'cepal',
    kind: 'report',
    publishedAt: '2026-01-27T09:00:00.000Z',
    subject: 'poverty-measurement',
    passing: ['mpi'],
  },
  {
    slug: 'child-poverty-caribbean',
    lang: 'en',
    title: 'Child poverty in the Caribbean: a review of the evidence',
    summary:
      'One in three Caribbean children lives in income poverty; the review covers child poverty measurement, early childhood services and the reach of social protection programmes.',
    partnerId: 'unicef-lacro',
    kind: 'report',
    publishedAt: '2023-06-20T09:00:00.000Z',
    subject: 'poverty-measurement',
    passing: ['early-childhood'],
  },
  {
    slug: 'focalizacion-geografica-agua',
    lang: 'es',
    title: 'Mapas de pobreza y focalización geográfica de la inversión en agua y saneamiento',
    summary:
      'Los mapas de pobreza permiten dirigir la inversión en agua potable a los distritos más pobres; el estudio evalúa la asignación en Perú y Bolivia.',
    partnerId: 'bid',
    kind: 'study',
    publishedAt: '2022-10-04T09:00:00.000Z',
    subject: 'poverty-measurement',
    passing: ['targeting'],
  },
  // Social protection systems
  {
    slug: 'proteccion-social-universal-panorama',
    lang: 'es',
    title: 'Protección social universal en América Latina y el Caribe: panorama 2025',
    summary:
      'El panorama revisa la cobertura de las pensiones, las transferencias y la salud en la región, el gasto en protección social y los avances hacia sistemas universales que reduzcan la pobreza y la desigualdad.',
    partnerId: 'cepal',
    kind: 'report',
    publishedAt: '2025-12-10T09:00:00.000Z',
    subject: 'systems',
    passing: ['cct', 'pensions'],
  },
  {
    slug: 'caribbean-social-protection-review',
    lang: 'en',
    title: 'Social protection systems in the Caribbean: a regional review',
    summary:
      'Fragmented programmes, small populations and exposure to hurricanes shape Caribbean social protection; the review covers social assistance, social insurance and how countries fight poverty.',
    partnerId: 'cispr-caribbean',
    kind: 'report',
    publishedAt: '2024-03-26T09:00:00.000Z',
    subject: 'systems',
    passing: ['shock-responsive'],
  },
  {
    slug: 'jamaica-social-protection-strategy',
    lang: 'en',
    title: 'Jamaica’s Social Protection Strategy: a ten-year review',
    summary:
      'The review assesses the strategy’s four pillars, from social assistance through PATH to pensions and employment services, and the poverty targets set for 2030.',
    partnerId: 'mlss-jm',
    kind: 'report',
    publishedAt: '2025-06-24T09:00:00.000Z',
    subject: 'systems',
    also: ['cct'],
    country: 'JM',
    mentions: ['PATH'],
  },
  {
    slug: 'jamaica-national-insurance-pensions',
    lang: 'en',
    title: 'Jamaica’s National Insurance Scheme: pensions for an ageing population',
    summary:
      'Contributions, the retirement age and the value of the old-age pension under the National Insurance Scheme, and the gaps that leave informal workers without a pension in old age.',
    partnerId: 'mlss-jm',
    kind: 'report',
    publishedAt: '2024-11-18T09:00:00.000Z',
    subject: 'pensions',
    country: 'JM',
  },
  {
    slug: 'hurricane-melissa-path-top-ups',
    lang: 'en',
    title: 'After Hurricane Melissa: emergency top-ups through PATH in western Jamaica',
    summary:
      'The ministry paid a one-off top-up to PATH households and new grants to affected families in the parishes hardest hit by the storm, showing how a social protection programme can respond to shocks.',
    partnerId: 'mlss-jm',
    kind: 'news',
    publishedAt: '2025-11-20T09:00:00.000Z',
    subject: 'shock-responsive',
    also: ['cct'],
    country: 'JM',
    mentions: ['PATH'],
  },
  {
    slug: 'costa-rica-sistema-proteccion-social',
    lang: 'es',
    title: 'El sistema de protección social de Costa Rica: articulación institucional',
    summary:
      'Cómo el IMAS, la CCSS y el SINIRUBE coordinan la oferta de programas sociales y la atención a hogares en pobreza.',
    partnerId: 'imas-cr',
    kind: 'report',
    publishedAt: '2023-04-25T09:00:00.000Z',
    subject: 'systems',
    passing: ['social-registry'],
    country: 'CR',
  },
  {
    slug: 'paraguay-vamos',
    lang: 'es',
    title: 'Paraguay hacia un sistema de protección social: la experiencia de Vamos!',
    summary:
      'El sistema Vamos! organiza la protección social de Paraguay en pilares de integración social, inserción laboral y previsión social, con Tekoporã como puerta de entrada para las familias en pobreza.',
    partnerId: 'mds-py',
    kind: 'report',
    publishedAt: '2024-07-02T09:00:00.000Z',
    subject: 'systems',
    passing: ['cct'],
    country: 'PY',
    mentions: ['Tekoporã'],
  },
  {
    slug: 'financing-social-protection-post-pandemic',
    lang: 'en',
    title: 'Financing social protection in the Americas after the pandemic',
    summary:
      'Fiscal space for social protection shrank after 2021; the paper reviews taxes, contributions and spending reviews that could sustain pensions and transfers and keep poverty from rising.',
    partnerId: 'ilo-americas',
    kind: 'study',
    publishedAt: '2026-05-06T09:00:00.000Z',
    subject: 'systems',
    passing: ['pensions'],
  },
  {
    slug: 'honduras-ley-marco',
    lang: 'es',
    title: 'Ley Marco de Protección Social de Honduras: alcances y reglamentación',
    summary:
      'La ley crea un piso de protección social con pilares no contributivo, contributivo y de aseguramiento; el análisis revisa su reglamentación y los programas contra la pobreza que ordena.',
    partnerId: 'sedesol-hn',
    kind: 'guide',
    publishedAt: '2022-05-17T09:00:00.000Z',
    subject: 'systems',
    country: 'HN',
  },
  {
    slug: 'suas-20-anos',
    lang: 'pt',
    title: 'SUAS 20 anos: o Sistema Único de Assistência Social e a proteção social no Brasil',
    summary:
      'O Sistema Único de Assistência Social organiza os CRAS e os CREAS em todos os municípios e articula os serviços com os benefícios de transferência de renda contra a pobreza.',
    partnerId: 'mds-br',
    kind: 'report',
    publishedAt: '2025-07-15T09:00:00.000Z',
    subject: 'systems',
    passing: ['cct'],
    country: 'BR',
  },
  {
    slug: 'trinidad-single-window',
    lang: 'en',
    title: 'Trinidad and Tobago’s social protection reform: one window for all grants',
    summary:
      'The ministry merged applications for public assistance, disability and senior citizens’ grants into a single window and a shared beneficiary database to reduce poverty among applicants waiting for months.',
    partnerId: 'cispr-caribbean',
    kind: 'report',
    publishedAt: '2024-05-29T09:00:00.000Z',
    subject: 'systems',
    passing: ['disability', 'pensions', 'social-registry'],
    country: 'TT',
  },
  {
    slug: 'ministerial-meeting-2025',
    lang: 'es',
    title: 'Reunión de ministras y ministros de desarrollo social de las Américas 2025',
    summary:
      'La Red Interamericana de Protección Social reunió a los ministerios de desarrollo social para acordar prioridades de cooperación contra la pobreza: cuidados, registros sociales y protección social adaptativa.',
    partnerId: 'iaspn-oas',
    kind: 'event',
    publishedAt: '2025-10-29T09:00:00.000Z',
    subject: 'systems',
    passing: ['care', 'social-registry', 'shock-responsive'],
  },
  // Shocks
  {
    slug: 'proteccion-social-reactiva-centroamerica',
    lang: 'es',
    title: 'Protección social reactiva ante emergencias: guía para Centroamérica',
    summary:
      'Cómo usar los registros y los mecanismos de pago de los programas de transferencias para llegar a los hogares afectados por sequías y huracanes, con ejemplos de Honduras y Guatemala.',
    partnerId: 'wfp-lac',
    kind: 'guide',
    publishedAt: '2024-01-23T09:00:00.000Z',
    subject: 'shock-responsive',
    passing: ['cct', 'social-registry'],
  },
  {
    slug: 'corredor-seco-pagos-anticipados',
    lang: 'es',
    title: 'Transferencias anticipadas ante la sequía en el Corredor Seco de Honduras',
    summary:
      'Antes de la cosecha perdida, el gobierno pagó un apoyo extra a los hogares del Bono Vida Mejor en los municipios con pronóstico de sequía; la evaluación mide el consumo de alimentos y la venta de activos.',
    partnerId: 'wfp-lac',
    kind: 'evaluation',
    publishedAt: '2025-04-16T09:00:00.000Z',
    subject: 'shock-responsive',
    passing: ['cct'],
    country: 'HN',
    mentions: ['Bono Vida Mejor'],
  },
  {
    slug: 'anticipatory-cash-dominican-republic',
    lang: 'en',
    title: 'Anticipatory cash before hurricanes: lessons from the Dominican Republic',
    summary:
      'Using the SIUBEN registry, the government paid households in the forecast path of a hurricane before landfall; a social protection programme turned into an early-warning tool against poverty shocks.',
    partnerId: 'wfp-lac',
    kind: 'study',
    publishedAt: '2026-09-29T09:00:00.000Z',
    subject: 'shock-responsive',
    passing: ['social-registry'],
    country: 'DO',
  },
  {
    slug: 'informal-workers-income-protection',
    lang: 'en',
    title: 'Informal workers and the COVID-19 crisis: income protection without unemployment insurance',
    summary:
      'Most workers who lost income in 2020 had no unemployment insurance; emergency transfers filled part of the gap. The paper proposes social protection for informal workers beyond the crisis.',
    partnerId: 'ilo-americas',
    kind: 'study',
    publishedAt: '2022-03-15T09:00:00.000Z',
    subject: 'emergency-transfers',
    passing: ['unemployment-insurance'],
  },
  // Older persons, care, disability
  {
    slug: 'reforma-seguridad-social-uruguay',
    lang: 'es',
    title: 'Reforma de la seguridad social en Uruguay: edad de retiro y pensiones',
    summary:
      'La reforma eleva la edad mínima de jubilación a 65 años, crea un suplemento solidario para las pensiones más bajas y unifica los regímenes; el informe analiza sus efectos sobre la pobreza en la vejez.',
    partnerId: 'mides-uy',
    kind: 'report',
    publishedAt: '2023-10-10T09:00:00.000Z',
    subject: 'pensions',
    country: 'UY',
  },
  {
    slug: 'cuidados-y-pensiones-personas-mayores',
    lang: 'es',
    title: 'Envejecer en América Latina: cuidados de largo plazo para las personas mayores',
    summary:
      'El envejecimiento aumenta la demanda de cuidados de largo plazo; el informe revisa servicios de cuidado domiciliario y residencias, y su relación con las pensiones y la pobreza en la vejez.',
    partnerId: 'bid',
    kind: 'report',
    publishedAt: '2026-02-24T09:00:00.000Z',
    subject: 'care',
    passing: ['pensions'],
  },
  {
    slug: 'washington-group-questions',
    lang: 'es',
    title: 'Medir la discapacidad en censos y encuestas: las preguntas del Grupo de Washington',
    summary:
      'Guía para incluir las preguntas del Grupo de Washington en censos y encuestas de hogares, y usar los datos en programas de protección social para personas con discapacidad y en la medición de la pobreza.',
    partnerId: 'cepal',
    kind: 'guide',
    publishedAt: '2023-12-05T09:00:00.000Z',
    subject: 'disability',
  },
  {
    slug: 'unemployment-insurance-latin-america',
    lang: 'en',
    title: 'Unemployment insurance in Latin America: a comparative review',
    summary:
      'Only eight countries of the region have unemployment insurance; the review compares individual savings accounts and pooled insurance, coverage and benefit levels, and their role in social protection against poverty.',
    partnerId: 'ilo-americas',
    kind: 'report',
    publishedAt: '2025-08-19T09:00:00.000Z',
    subject: 'unemployment-insurance',
  },
  {
    slug: 'graduation-approach-latin-america',
    lang: 'en',
    title: 'The graduation approach in Latin America: ten years of evidence',
    summary:
      'From Colombia to Paraguay, graduation programmes combined consumption support, assets, coaching and savings; the review finds lasting gains in income and assets for extremely poor households and discusses links with social protection programmes.',
    partnerId: 'fundacion-capital',
    kind: 'report',
    publishedAt: '2024-11-06T09:00:00.000Z',
    subject: 'graduation',
  },
  {
    slug: 'graduacion-guia-regional',
    lang: 'es',
    title: 'Programas de graduación: guía para su integración en la protección social',
    summary:
      'Cómo articular los programas de graduación con las transferencias monetarias existentes para que los hogares en pobreza extrema construyan medios de vida sostenibles.',
    partnerId: 'fundacion-capital',
    kind: 'guide',
    publishedAt: '2026-03-03T09:00:00.000Z',
    subject: 'graduation',
    passing: ['cct'],
  },
];

/** The meta a hand-written publication carries. */
export function metaOf(h: HandWritten): BlindMeta {
  return {
    subject: h.subject,
    also: h.also ?? [],
    passing: h.passing ?? [],
    ...(h.country ? { country: h.country } : {}),
    ...(h.programme ? { programme: h.programme } : {}),
    kind: h.kind,
    landmark: h.slug,
    mentions: h.mentions ?? [],
  };
}
