import type { SubjectParts } from './parts.js';

/** Targeting, social registries, multidimensional poverty and financial inclusion. */

export const TARGETING: SubjectParts = {
  subject: 'targeting',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'study',
        title: 'Inclusion and exclusion errors of {name} in {country}',
        lead: 'The study compares who the proxy means test selects with who is poor according to the household survey.',
      },
      {
        kind: 'guide',
        title: 'Updating the proxy means test: a technical note on {name}',
        lead: 'The note explains the variables, weights and cut-off points of the targeting formula and how they were re-estimated.',
      },
      {
        kind: 'news',
        title: '{country} recertifies households under {name}',
        lead: 'Households must update their information so that social programmes can check their eligibility.',
      },
      {
        kind: 'event',
        title: 'Workshop on targeting methods for social programmes: the case of {name}',
        lead: 'Technical teams compare proxy means tests, community validation and geographic targeting.',
      },
    ],
    es: [
      {
        kind: 'study',
        title: 'Errores de inclusión y exclusión de {name} en {country}',
        lead: 'El estudio compara a quienes selecciona la prueba de medios aproximada con quienes son pobres según la encuesta de hogares.',
      },
      {
        kind: 'guide',
        title: 'Actualización del índice de focalización: nota técnica sobre {name}',
        lead: 'La nota explica las variables, ponderaciones y puntos de corte de la fórmula de focalización y cómo se reestimaron.',
      },
      {
        kind: 'news',
        title: '{country} inicia la recertificación de hogares en {name}',
        lead: 'Los hogares deben actualizar su información para que los programas sociales verifiquen su elegibilidad.',
      },
      {
        kind: 'event',
        title: 'Taller sobre métodos de focalización de programas sociales: el caso de {name}',
        lead: 'Los equipos técnicos comparan la prueba de medios aproximada, la validación comunitaria y la focalización geográfica.',
      },
      {
        kind: 'report',
        title: 'Focalización de los programas sociales en {country}: balance de {name}',
        lead: 'El informe analiza la cobertura, las filtraciones y las quejas ciudadanas del sistema de focalización.',
      },
    ],
  },
  cases: [
    {
      country: 'CO',
      programme: 'Sisbén',
      name: { es: 'el Sisbén IV', en: 'Sisbén IV' },
      facts: {
        es: 'El Sisbén IV clasifica a los hogares en grupos de pobreza extrema, moderada, vulnerables y no pobres a partir de su capacidad de generar ingresos.',
        en: 'Sisbén IV sorts households into extreme poverty, moderate poverty, vulnerable and non-poor groups by their capacity to generate income.',
      },
      partners: ['prosperidad-social-co', 'world-bank'],
    },
    {
      country: 'PE',
      programme: 'SISFOH',
      name: { es: 'el SISFOH', en: 'SISFOH' },
      facts: {
        es: 'El Sistema de Focalización de Hogares (SISFOH) asigna la clasificación socioeconómica que usan Juntos, Pensión 65 y el Seguro Integral de Salud.',
        en: 'Peru’s household targeting system (SISFOH) gives the socio-economic classification used by Juntos, Pensión 65 and the public health insurance.',
      },
      partners: ['midis-pe', 'world-bank'],
      mentions: ['Juntos', 'Pensión 65'],
      passing: ['cct'],
    },
    {
      country: 'JM',
      programme: 'Beneficiary Identification System',
      name: { en: 'the Beneficiary Identification System' },
      facts: {
        en: 'Jamaica’s Beneficiary Identification System scores applicants to PATH with a proxy means test based on housing, assets and household composition.',
      },
      partners: ['mlss-jm', 'cispr-caribbean'],
      mentions: ['PATH'],
      passing: ['cct'],
    },
    {
      country: 'UY',
      programme: 'Índice de Carencias Críticas',
      name: { es: 'el Índice de Carencias Críticas' },
      facts: {
        es: 'El Índice de Carencias Críticas del MIDES define quién accede a la Tarjeta Uruguay Social y a las Asignaciones Familiares del Plan de Equidad.',
      },
      partners: ['mides-uy', 'cepal'],
    },
    {
      country: 'HN',
      programme: 'Registro Único de Participantes',
      name: { es: 'el Registro Único de Participantes' },
      facts: {
        es: 'Honduras usa el Registro Único de Participantes y una ficha socioeconómica para seleccionar a los hogares del Bono Vida Mejor.',
      },
      partners: ['sedesol-hn', 'bid'],
      mentions: ['Bono Vida Mejor'],
      also: ['social-registry'],
      passing: ['cct'],
    },
  ],
};

export const SOCIAL_REGISTRY: SubjectParts = {
  subject: 'social-registry',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'report',
        title: '{name}: how {country} built a social registry for all its programmes',
        lead: 'The report describes the registry’s data, its links with civil registration and tax records, and the programmes that use it.',
      },
      {
        kind: 'study',
        title: 'Interoperability of {name} with administrative records in {country}',
        lead: 'The study maps which ministries exchange data with the social registry and how often the records are updated.',
      },
      {
        kind: 'video',
        title: 'Video: registering a household in {name}',
        lead: 'A municipal officer shows how a family’s information enters the social registry.',
      },
    ],
    es: [
      {
        kind: 'report',
        title: '{name}: cómo {country} construyó un registro social para todos sus programas',
        lead: 'El informe describe los datos del registro social, su vínculo con el registro civil y los registros tributarios, y los programas que lo usan.',
      },
      {
        kind: 'study',
        title: 'Interoperabilidad de {name} con los registros administrativos en {country}',
        lead: 'El estudio identifica qué ministerios intercambian datos con el registro social y con qué frecuencia se actualizan.',
      },
      {
        kind: 'video',
        title: 'Video: así se inscribe un hogar en {name}',
        lead: 'Una funcionaria municipal muestra cómo entra la información de una familia al registro social.',
      },
      {
        kind: 'guide',
        title: 'Guía de actualización de datos de {name} para municipios',
        lead: 'La guía explica cómo los municipios reciben solicitudes, verifican documentos y actualizan el registro.',
      },
    ],
    pt: [
      {
        kind: 'report',
        title: '{name}: o cadastro que sustenta os programas sociais do {country}',
        lead: 'O relatório mostra como o cadastro reúne os dados de renda e composição familiar usados por dezenas de programas.',
      },
      {
        kind: 'guide',
        title: 'Guia de atualização cadastral do {name} para os municípios',
        lead: 'O guia orienta as equipes municipais na revisão cadastral e na averiguação de dados.',
      },
      {
        kind: 'study',
        title: 'Interoperabilidade do {name} com registros administrativos',
        lead: 'O estudo analisa o cruzamento do cadastro com a folha de pagamentos, o CNIS e os registros civis.',
      },
    ],
  },
  cases: [
    {
      country: 'BR',
      programme: 'Cadastro Único',
      name: { pt: 'Cadastro Único', en: 'Cadastro Único', es: 'el Cadastro Único' },
      facts: {
        pt: 'O Cadastro Único reúne mais de 90 milhões de pessoas e é a porta de entrada do Bolsa Família e de outros 30 programas.',
        en: 'Cadastro Único holds more than 90 million people and is the entry door to Bolsa Família and some 30 other programmes.',
        es: 'El Cadastro Único reúne a más de 90 millones de personas y es la puerta de entrada de Bolsa Família y de otros 30 programas.',
      },
      partners: ['mds-br', 'ipc-ig', 'world-bank'],
      mentions: ['Bolsa Família'],
      also: ['targeting'],
      passing: ['cct'],
    },
    {
      country: 'CL',
      programme: 'Registro Social de Hogares',
      name: { es: 'el Registro Social de Hogares', en: 'the Registro Social de Hogares' },
      facts: {
        es: 'El Registro Social de Hogares de Chile calcula la Calificación Socioeconómica con datos administrativos de ingresos, salud y educación.',
        en: 'Chile’s Registro Social de Hogares computes each household’s socio-economic rating from administrative income, health and education data.',
      },
      partners: ['mdsf-cl', 'world-bank'],
      also: ['targeting'],
    },
    {
      country: 'CR',
      programme: 'SINIRUBE',
      name: { es: 'el SINIRUBE' },
      facts: {
        es: 'El Sistema Nacional de Información y Registro Único de Beneficiarios del Estado (SINIRUBE) integra los datos de las instituciones sociales de Costa Rica.',
      },
      partners: ['imas-cr', 'bid'],
    },
    {
      country: 'DO',
      programme: 'SIUBEN',
      name: { es: 'el SIUBEN' },
      facts: {
        es: 'El Sistema Único de Beneficiarios (SIUBEN) levanta el índice de calidad de vida con el que se seleccionan los hogares de los programas sociales dominicanos.',
      },
      partners: ['iaspn-oas', 'world-bank'],
      also: ['targeting'],
    },
    {
      country: 'GT',
      programme: 'Registro Social de Hogares (Guatemala)',
      name: { es: 'el Registro Social de Hogares de Guatemala' },
      facts: {
        es: 'Guatemala construye un registro social de hogares que reúna a los participantes del Bono Social y de los programas de alimentación.',
      },
      partners: ['mides-gt', 'bid'],
      mentions: ['Bono Social'],
      passing: ['cct'],
    },
  ],
};

export const MPI: SubjectParts = {
  subject: 'mpi',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'report',
        title: '{name}: multidimensional poverty results for {country}, {year}',
        lead: 'The multidimensional poverty index counts deprivations in education, health, work, housing and basic services.',
      },
      {
        kind: 'guide',
        title: 'Using the multidimensional poverty index to allocate budgets in {country}',
        lead: 'The guide shows how ministries read the MPI by region and dimension to decide where to invest.',
      },
      {
        kind: 'news',
        title: 'Multidimensional poverty falls in {country}, the new MPI shows',
        lead: 'The share of people deprived in at least a third of the weighted indicators dropped since the last survey.',
      },
      {
        kind: 'study',
        title: 'Dimensions and weights of {name}: a methodological note',
        lead: 'The note explains the Alkire-Foster method, the indicators chosen and the poverty cut-off.',
      },
    ],
    es: [
      {
        kind: 'report',
        title: '{name}: resultados de pobreza multidimensional en {country}, {year}',
        lead: 'El índice de pobreza multidimensional cuenta las privaciones en educación, salud, trabajo, vivienda y servicios básicos.',
      },
      {
        kind: 'guide',
        title: 'Uso del índice de pobreza multidimensional para asignar presupuesto en {country}',
        lead: 'La guía muestra cómo los ministerios leen el IPM por región y dimensión para decidir dónde invertir.',
      },
      {
        kind: 'news',
        title: 'Baja la pobreza multidimensional en {country}, según el nuevo IPM',
        lead: 'La proporción de personas con privaciones en al menos un tercio de los indicadores ponderados cayó desde la última encuesta.',
      },
      {
        kind: 'study',
        title: 'Dimensiones y ponderaciones de {name}: nota metodológica',
        lead: 'La nota explica el método Alkire-Foster, los indicadores elegidos y el umbral de pobreza.',
      },
      {
        kind: 'event',
        title: 'Taller regional sobre medición de la pobreza multidimensional: la experiencia de {country}',
        lead: 'Equipos de estadística y de desarrollo social presentan cómo usan el IPM en la política pública.',
      },
    ],
  },
  cases: [
    {
      country: 'CO',
      name: { es: 'el IPM de Colombia', en: 'Colombia’s MPI' },
      facts: {
        es: 'El DANE calcula el IPM con cinco dimensiones y quince indicadores a partir de la Encuesta Nacional de Calidad de Vida.',
        en: 'DANE computes the MPI with five dimensions and fifteen indicators from the national quality of life survey.',
      },
      partners: ['prosperidad-social-co', 'ophi', 'mppn'],
    },
    {
      country: 'MX',
      name: { es: 'la medición multidimensional de CONEVAL' },
      facts: {
        es: 'CONEVAL mide la pobreza combinando el ingreso con seis carencias sociales, entre ellas el acceso a la seguridad social y a la alimentación.',
      },
      partners: ['bienestar-mx', 'mppn'],
    },
    {
      country: 'CL',
      name: { es: 'la pobreza multidimensional de la Casen' },
      facts: {
        es: 'La Encuesta Casen mide la pobreza multidimensional en cinco dimensiones, incluidas redes y cohesión social.',
      },
      partners: ['mdsf-cl', 'ophi'],
    },
    {
      country: 'HN',
      name: { es: 'el IPM de Honduras' },
      facts: {
        es: 'Honduras adoptó un índice de pobreza multidimensional oficial que orienta la Plataforma Vida Mejor.',
      },
      partners: ['sedesol-hn', 'mppn'],
    },
    {
      country: 'PA',
      name: { es: 'el IPM de Panamá', en: 'Panama’s MPI' },
      facts: {
        es: 'Panamá publica un IPM nacional y un IPM de niños, niñas y adolescentes con indicadores de educación, vivienda y ambiente.',
        en: 'Panama publishes a national MPI and a child MPI with education, housing and environment indicators.',
      },
      partners: ['mppn', 'unicef-lacro'],
    },
    {
      country: 'CR',
      name: { es: 'el IPM de Costa Rica', en: 'Costa Rica’s MPI' },
      facts: {
        es: 'El INEC de Costa Rica calcula el IPM con la Encuesta Nacional de Hogares y el IMAS lo usa para orientar sus beneficios.',
        en: 'Costa Rica’s statistics office computes the MPI from its household survey and IMAS uses it to direct its benefits.',
      },
      partners: ['imas-cr', 'ophi'],
    },
    {
      country: 'SV',
      name: { es: 'el IPM de El Salvador' },
      facts: {
        es: 'El Salvador mide la pobreza multidimensional con veinte indicadores, incluidos la inseguridad y las restricciones debidas a la delincuencia.',
      },
      partners: ['mppn', 'cepal'],
    },
    {
      country: 'DO',
      name: { es: 'el IPM-RD' },
      facts: {
        es: 'El índice de pobreza multidimensional de la República Dominicana (IPM-RD) se calcula con la Encuesta Nacional de Fuerza de Trabajo.',
      },
      partners: ['iaspn-oas', 'mppn'],
    },
  ],
};

export const FINANCIAL_INCLUSION: SubjectParts = {
  subject: 'financial-inclusion',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'evaluation',
        title: 'Savings accounts for women in {country}: evaluation of {name}',
        lead: 'The evaluation measures whether women opened, used and kept savings accounts and what happened to their household’s resilience.',
      },
      {
        kind: 'report',
        title: 'Financial inclusion of low-income households in {country}: the experience of {name}',
        lead: 'The report covers account ownership, digital payments, financial education and access to credit.',
      },
      {
        kind: 'brief',
        title: 'Financial education at scale with {name}',
        lead: 'Short modules on budgeting, saving and avoiding debt traps, delivered through mobile phones.',
      },
    ],
    es: [
      {
        kind: 'evaluation',
        title: 'Cuentas de ahorro para mujeres en {country}: evaluación de {name}',
        lead: 'La evaluación mide si las mujeres abrieron, usaron y mantuvieron cuentas de ahorro y qué pasó con la resiliencia de sus hogares.',
      },
      {
        kind: 'report',
        title: 'Inclusión financiera de hogares de bajos ingresos en {country}: la experiencia de {name}',
        lead: 'El informe aborda la tenencia de cuentas, los pagos digitales, la educación financiera y el acceso al crédito.',
      },
      {
        kind: 'brief',
        title: 'Educación financiera a gran escala con {name}',
        lead: 'Módulos breves sobre presupuesto, ahorro y sobreendeudamiento, entregados por teléfono móvil.',
      },
      {
        kind: 'news',
        title: '{country} lleva {name} a municipios sin banco',
        lead: 'Los nuevos puntos de atención permiten abrir cuentas, ahorrar y cobrar apoyos sin viajar a la cabecera.',
      },
    ],
    pt: [
      {
        kind: 'report',
        title: 'Inclusão financeira das famílias de baixa renda: a experiência do {name}',
        lead: 'O relatório analisa a abertura de contas, o uso de pagamentos digitais e o acesso ao crédito.',
      },
      {
        kind: 'study',
        title: 'Contas digitais e poupança: o {name} depois da pandemia',
        lead: 'O estudo acompanha milhões de contas abertas em 2020 e quantas continuam em uso.',
      },
      {
        kind: 'news',
        title: '{name} passa a oferecer microcrédito a famílias de baixa renda',
        lead: 'A nova linha de crédito chega a quem já recebe benefícios sociais pela conta digital.',
      },
    ],
  },
  cases: [
    {
      country: 'MX',
      programme: 'Banco del Bienestar',
      name: { es: 'el Banco del Bienestar' },
      facts: {
        es: 'El Banco del Bienestar abrió cientos de sucursales para que personas mayores y becarios cobren y ahorren cerca de casa.',
      },
      partners: ['bienestar-mx', 'cgap'],
    },
    {
      country: 'CO',
      programme: 'Banca de las Oportunidades',
      name: { es: 'Banca de las Oportunidades' },
      facts: {
        es: 'Banca de las Oportunidades promueve corresponsales bancarios, cuentas de ahorro de trámite simplificado y microcrédito rural.',
      },
      partners: ['prosperidad-social-co', 'cgap'],
    },
    {
      country: 'BR',
      programme: 'Caixa Tem',
      name: { pt: 'Caixa Tem', en: 'Caixa Tem' },
      facts: {
        pt: 'O aplicativo Caixa Tem abriu mais de 100 milhões de poupanças sociais digitais durante a pandemia.',
        en: 'The Caixa Tem app opened more than 100 million digital social savings accounts during the pandemic.',
      },
      partners: ['ipc-ig', 'cgap'],
    },
    {
      country: 'HN',
      programme: 'Cajas Rurales',
      name: { es: 'las cajas rurales de ahorro y crédito' },
      facts: {
        es: 'Las cajas rurales reúnen a mujeres productoras que ahorran en grupo y se prestan entre sí en comunidades sin bancos.',
      },
      partners: ['sedesol-hn', 'fundacion-capital'],
    },
    {
      country: 'JM',
      programme: 'Financial Literacy for Families',
      name: { en: 'Financial Literacy for Families' },
      facts: {
        en: 'The pilot teaches budgeting and saving to households, some of them PATH families paid by bank transfer.',
      },
      partners: ['cispr-caribbean', 'cgap'],
      mentions: ['PATH'],
      passing: ['cct'],
    },
    {
      country: 'PY',
      programme: 'Billetera Electrónica',
      name: { es: 'la Billetera Electrónica', en: 'the electronic wallet pilot' },
      facts: {
        es: 'Paraguay paga parte de sus apoyos sociales en billeteras electrónicas y enseña a usarlas en talleres comunitarios.',
        en: 'Paraguay pays part of its social support through electronic wallets and teaches their use in community workshops.',
      },
      partners: ['mds-py', 'cgap'],
    },
  ],
};
