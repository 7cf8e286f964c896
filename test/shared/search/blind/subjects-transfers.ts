import type { SubjectParts } from './parts.js';

/** Conditional cash transfers, emergency transfers, graduation, school feeding and youth employment. */

export const CCT: SubjectParts = {
  subject: 'cct',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'evaluation',
        title: 'Impact evaluation of the {name} programme in {country}: school attendance and health visits',
        lead: 'The evaluation compares beneficiary and comparison households to measure what the conditional cash transfer changed for children.',
      },
      {
        kind: 'report',
        title: '{name}: lessons from two decades of conditional cash transfers in {country}',
        lead: 'The report traces how the conditional cash transfer grew, what its co-responsibilities ask of families and what it achieved.',
      },
      {
        kind: 'guide',
        title: 'Verifying co-responsibilities in {name}: an operational guide',
        lead: 'Step by step, the guide explains how schools and health centres report compliance with the conditions and how payments follow.',
      },
      {
        kind: 'news',
        title: '{country} raises the {name} transfer for families with young children',
        lead: 'The government announced a higher monthly conditional transfer from next year for households with children under six.',
      },
      {
        kind: 'event',
        title: 'Webinar: conditional cash transfers and human capital, the case of {name}',
        lead: 'Programme officials from {country} present results and answer questions on conditionalities, payments and exit rules.',
      },
      {
        kind: 'study',
        title: 'Do conditional cash transfers reduce child labour? Evidence from {name} in {country}',
        lead: 'Using panel data, the study estimates the effect of the conditional cash transfer on children’s paid and unpaid work.',
      },
    ],
    es: [
      {
        kind: 'evaluation',
        title:
          'Evaluación de impacto del programa {name} en {country}: asistencia escolar y controles de salud',
        lead: 'La evaluación compara hogares usuarios y hogares de control para medir qué cambió la transferencia monetaria condicionada en la niñez.',
      },
      {
        kind: 'report',
        title:
          'Programa {name}: lecciones de dos décadas de transferencias monetarias condicionadas en {country}',
        lead: 'El informe repasa cómo creció la transferencia condicionada, qué corresponsabilidades pide a las familias y qué resultados obtuvo.',
      },
      {
        kind: 'guide',
        title: 'Guía operativa para la verificación de corresponsabilidades del programa {name}',
        lead: 'La guía explica paso a paso cómo escuelas y establecimientos de salud reportan el cumplimiento de las condiciones y cómo se liberan los pagos.',
      },
      {
        kind: 'news',
        title: '{country} aumenta el monto del programa {name} para familias con niñas y niños pequeños',
        lead: 'El gobierno anunció un aumento de la transferencia condicionada mensual para hogares con niñas y niños menores de seis años.',
      },
      {
        kind: 'event',
        title: 'Seminario web: transferencias condicionadas y capital humano, el caso del programa {name}',
        lead: 'Funcionarios de {country} presentan resultados y responden preguntas sobre condicionalidades, pagos y reglas de egreso.',
      },
      {
        kind: 'study',
        title:
          '¿Reducen el trabajo infantil las transferencias condicionadas? Evidencia del programa {name} en {country}',
        lead: 'Con datos de panel, el estudio estima el efecto de la transferencia monetaria condicionada sobre el trabajo remunerado y doméstico de niñas y niños.',
      },
    ],
    pt: [
      {
        kind: 'evaluation',
        title: 'Avaliação de impacto do {name}: frequência escolar e saúde das crianças',
        lead: 'A avaliação compara famílias beneficiárias e não beneficiárias para medir o efeito da transferência condicionada de renda.',
      },
      {
        kind: 'report',
        title: '{name} 20 anos: lições das transferências condicionadas de renda no {country}',
        lead: 'O relatório reconstrói a trajetória do programa, suas condicionalidades em saúde e educação e seus resultados.',
      },
      {
        kind: 'guide',
        title: 'Guia de gestão das condicionalidades do {name} para os municípios',
        lead: 'O guia orienta as equipes municipais no acompanhamento da frequência escolar e da agenda de saúde das famílias.',
      },
      {
        kind: 'news',
        title: '{name} amplia o benefício para famílias com crianças na primeira infância',
        lead: 'O governo anunciou um adicional por criança de até seis anos pago junto com a transferência mensal.',
      },
    ],
  },
  cases: [
    {
      country: 'MX',
      programme: 'Prospera',
      name: { es: 'Prospera', en: 'Prospera' },
      facts: {
        es: 'Prospera, heredero de Progresa y Oportunidades, llegó a 6,8 millones de familias con becas educativas, apoyos alimentarios y citas de salud hasta su cierre en 2019.',
        en: 'Prospera, the successor of Progresa and Oportunidades, reached 6.8 million families with education grants, food support and health appointments until it closed in 2019.',
      },
      partners: ['bienestar-mx', 'bid', 'world-bank'],
      years: [2019, 2021],
    },
    {
      country: 'PE',
      programme: 'Juntos',
      name: { es: 'Juntos', en: 'Juntos' },
      facts: {
        es: 'Juntos entrega 200 soles cada dos meses a hogares en pobreza con gestantes, niñas, niños y adolescentes que cumplen sus corresponsabilidades en salud y educación.',
        en: 'Juntos pays 200 soles every two months to poor households with pregnant women, children and adolescents who meet their health and education co-responsibilities.',
      },
      partners: ['midis-pe', 'world-bank'],
    },
    {
      country: 'BR',
      programme: 'Bolsa Família',
      name: { pt: 'Bolsa Família', en: 'Bolsa Família', es: 'Bolsa Família' },
      facts: {
        pt: 'O Bolsa Família paga no mínimo R$ 600 por família, com adicional por criança, condicionado à frequência escolar, à vacinação e ao pré-natal.',
        en: 'Bolsa Família pays at least R$ 600 a month per family, with an extra amount per child, on condition of school attendance, vaccination and prenatal care.',
        es: 'Bolsa Família paga al menos 600 reales por familia, con un adicional por cada niño, a cambio de asistencia escolar, vacunación y control prenatal.',
      },
      partners: ['mds-br', 'ipc-ig', 'world-bank'],
    },
    {
      country: 'CO',
      programme: 'Familias en Acción',
      name: { es: 'Familias en Acción', en: 'Familias en Acción' },
      facts: {
        es: 'Familias en Acción entrega incentivos de salud y educación a 2,4 millones de familias en pobreza, pobreza extrema y población desplazada.',
        en: 'Familias en Acción pays health and education incentives to 2.4 million poor, extremely poor and displaced families.',
      },
      partners: ['prosperidad-social-co', 'bid'],
    },
    {
      country: 'HN',
      programme: 'Bono Vida Mejor',
      name: { es: 'Bono Vida Mejor', en: 'Bono Vida Mejor' },
      facts: {
        es: 'El Bono Vida Mejor llega a hogares en extrema pobreza del área rural de Honduras, con corresponsabilidades de matrícula escolar y controles de salud.',
        en: 'Bono Vida Mejor reaches extremely poor rural households in Honduras, conditional on school enrolment and health check-ups.',
      },
      partners: ['sedesol-hn', 'bid'],
    },
    {
      country: 'GT',
      programme: 'Bono Social',
      name: { es: 'Bono Social' },
      facts: {
        es: 'El Bono Social del Ministerio de Desarrollo Social de Guatemala entrega transferencias condicionadas en salud y educación a familias con niñas y niños, sobre todo en municipios con desnutrición crónica.',
      },
      partners: ['mides-gt', 'bid'],
    },
    {
      country: 'PY',
      programme: 'Tekoporã',
      name: { es: 'Tekoporã', en: 'Tekoporã' },
      facts: {
        es: 'Tekoporã acompaña a familias en situación de pobreza de Paraguay con transferencias condicionadas y visitas de guías familiares, incluidas comunidades indígenas.',
        en: 'Tekoporã supports poor families in Paraguay with conditional transfers and visits by family guides, Indigenous communities included.',
      },
      partners: ['mds-py', 'cepal'],
    },
    {
      country: 'JM',
      programme: 'PATH',
      name: { en: 'PATH' },
      facts: {
        en: 'The Programme of Advancement Through Health and Education (PATH) pays children, older persons and people with disabilities in poor households, with school attendance and health visits as conditions.',
      },
      partners: ['mlss-jm', 'cispr-caribbean', 'world-bank'],
    },
    {
      country: 'EC',
      programme: 'Bono de Desarrollo Humano',
      name: { es: 'Bono de Desarrollo Humano' },
      facts: {
        es: 'El Bono de Desarrollo Humano de Ecuador paga 55 dólares mensuales a madres de hogares pobres con corresponsabilidades de educación y salud de sus hijos.',
      },
      partners: ['cepal', 'bid'],
    },
    {
      country: 'PA',
      programme: 'Red de Oportunidades',
      name: { es: 'Red de Oportunidades' },
      facts: {
        es: 'Red de Oportunidades transfiere 50 balboas al mes a hogares en pobreza extrema de Panamá, incluidas las comarcas indígenas, a cambio de asistencia escolar y controles de salud.',
      },
      partners: ['cepal', 'iaspn-oas'],
    },
    {
      country: 'DO',
      programme: 'Progresando con Solidaridad',
      name: { es: 'Progresando con Solidaridad' },
      facts: {
        es: 'Progresando con Solidaridad combina el bono escolar y el apoyo alimentario con el acompañamiento socioeducativo de las familias en la República Dominicana.',
      },
      partners: ['iaspn-oas', 'bid'],
    },
    {
      country: 'AR',
      programme: 'Asignación Universal por Hijo',
      name: { es: 'Asignación Universal por Hijo' },
      facts: {
        es: 'La Asignación Universal por Hijo retiene el 20 % del monto mensual hasta que las familias acreditan la escolaridad, las vacunas y los controles de salud de niñas y niños.',
      },
      partners: ['cepal', 'unicef-lacro'],
    },
  ],
};

export const EMERGENCY_TRANSFERS: SubjectParts = {
  subject: 'emergency-transfers',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'report',
        title: 'COVID-19 emergency cash in {country}: how {name} reached informal workers',
        lead: 'When the pandemic closed workplaces, {country} paid an emergency transfer to households outside contributory social insurance.',
      },
      {
        kind: 'study',
        title: 'Who did {name} miss? Coverage gaps of the pandemic transfer in {country}',
        lead: 'Matching survey and payment data, the study estimates how many eligible households never received the emergency payment.',
      },
      {
        kind: 'news',
        title: '{country} pays a second instalment of {name} during the COVID-19 lockdown',
        lead: 'Households already paid in the first round receive the new instalment automatically; others can apply online.',
      },
      {
        kind: 'brief',
        title: 'Paying at speed: digital payments in {name}, {country}',
        lead: 'The brief describes how mobile wallets and bank accounts carried the pandemic payments to millions within weeks.',
        also: ['financial-inclusion'],
      },
    ],
    es: [
      {
        kind: 'report',
        title:
          'Transferencias de emergencia por la COVID-19 en {country}: cómo {name} llegó a los trabajadores informales',
        lead: 'Cuando la pandemia cerró los lugares de trabajo, {country} pagó un bono de emergencia a hogares sin seguridad social contributiva.',
      },
      {
        kind: 'study',
        title:
          '¿A quién no llegó {name}? Brechas de cobertura de la transferencia de emergencia en {country}',
        lead: 'Cruzando encuestas y planillas de pago, el estudio estima cuántos hogares elegibles nunca recibieron el bono.',
      },
      {
        kind: 'news',
        title: '{country} paga un segundo tramo de {name} durante la cuarentena por la COVID-19',
        lead: 'Los hogares que cobraron el primer pago reciben el nuevo tramo sin trámite; el resto puede inscribirse en línea.',
      },
      {
        kind: 'brief',
        title: 'Pagar con rapidez: los pagos digitales de {name} en {country}',
        lead: 'La nota describe cómo billeteras móviles y cuentas bancarias llevaron los pagos de la pandemia a millones de personas en semanas.',
        also: ['financial-inclusion'],
      },
    ],
    pt: [
      {
        kind: 'report',
        title: '{name}: a resposta de renda à pandemia de COVID-19 no {country}',
        lead: 'O relatório analisa como o pagamento emergencial chegou a trabalhadores informais fora da previdência.',
      },
      {
        kind: 'study',
        title: 'Quem ficou de fora do {name}? Lacunas de cobertura durante a pandemia',
        lead: 'Cruzando pesquisas domiciliares e folhas de pagamento, o estudo estima os elegíveis que não receberam.',
      },
      {
        kind: 'news',
        title: 'Caixa paga nova parcela do {name} a trabalhadores informais',
        lead: 'A nova parcela da transferência emergencial é depositada na poupança social digital.',
      },
    ],
  },
  cases: [
    {
      country: 'BR',
      programme: 'Auxílio Emergencial',
      name: { pt: 'Auxílio Emergencial', en: 'Auxílio Emergencial' },
      facts: {
        pt: 'O Auxílio Emergencial pagou R$ 600 mensais a 68 milhões de pessoas em 2020, incluídas as famílias do Bolsa Família, sem condicionalidades.',
        en: 'Auxílio Emergencial paid R$ 600 a month to 68 million people in 2020, Bolsa Família families included, with no conditions attached.',
      },
      partners: ['ipc-ig', 'mds-br', 'world-bank'],
      mentions: ['Bolsa Família'],
      years: [2020, 2022],
      passing: ['cct'],
    },
    {
      country: 'PE',
      programme: 'Bono Yo Me Quedo en Casa',
      name: { es: 'el Bono Yo Me Quedo en Casa', en: 'the Yo Me Quedo en Casa bonus' },
      facts: {
        es: 'El Bono Yo Me Quedo en Casa pagó 380 soles a hogares en pobreza de zonas urbanas, identificados con el padrón de hogares, sin condiciones.',
        en: 'The Yo Me Quedo en Casa bonus paid 380 soles to poor urban households identified from the household register, with no conditions.',
      },
      partners: ['midis-pe', 'world-bank'],
      years: [2020, 2021],
    },
    {
      country: 'CO',
      programme: 'Ingreso Solidario',
      name: { es: 'Ingreso Solidario', en: 'Ingreso Solidario' },
      facts: {
        es: 'Ingreso Solidario transfirió 160.000 pesos mensuales a tres millones de hogares vulnerables que no recibían Familias en Acción ni otros subsidios.',
        en: 'Ingreso Solidario transferred 160,000 pesos a month to three million vulnerable households not covered by Familias en Acción or other subsidies.',
      },
      partners: ['prosperidad-social-co', 'bid'],
      mentions: ['Familias en Acción'],
      years: [2020, 2022],
      passing: ['cct'],
    },
    {
      country: 'AR',
      programme: 'Ingreso Familiar de Emergencia',
      name: { es: 'el Ingreso Familiar de Emergencia' },
      facts: {
        es: 'El Ingreso Familiar de Emergencia (IFE) pagó 10.000 pesos a casi nueve millones de trabajadores informales, monotributistas y trabajadoras de casas particulares.',
      },
      partners: ['cepal', 'ilo-americas'],
      years: [2020, 2021],
    },
    {
      country: 'GT',
      programme: 'Bono Familia',
      name: { es: 'el Bono Familia' },
      facts: {
        es: 'El Bono Familia entregó hasta tres pagos de 1.000 quetzales a hogares con consumo eléctrico bajo, el criterio usado para llegar rápido a los más pobres.',
      },
      partners: ['mides-gt', 'wfp-lac'],
      years: [2020, 2021],
      passing: ['targeting'],
    },
    {
      country: 'JM',
      programme: 'CARE',
      name: { en: 'the CARE programme' },
      facts: {
        en: 'The COVID-19 Allocation of Resources for Employees (CARE) programme paid grants to laid-off workers and a top-up to PATH beneficiaries.',
      },
      partners: ['mlss-jm', 'cispr-caribbean'],
      mentions: ['PATH'],
      years: [2020, 2021],
      passing: ['cct'],
    },
    {
      country: 'PA',
      programme: 'Panamá Solidario',
      name: { es: 'el Plan Panamá Solidario' },
      facts: {
        es: 'El Plan Panamá Solidario entregó bonos digitales y bolsas de comida a trabajadores suspendidos e informales durante la pandemia.',
      },
      partners: ['cepal', 'wfp-lac'],
      years: [2020, 2022],
    },
    {
      country: 'DO',
      programme: 'Quédate en Casa',
      name: { es: 'el programa Quédate en Casa' },
      facts: {
        es: 'Quédate en Casa amplió temporalmente la tarjeta de subsidios a 1,5 millones de hogares, sumando a los usuarios de Progresando con Solidaridad.',
      },
      partners: ['iaspn-oas', 'bid'],
      mentions: ['Progresando con Solidaridad'],
      years: [2020, 2021],
      passing: ['cct'],
    },
  ],
};

export const GRADUATION: SubjectParts = {
  subject: 'graduation',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'evaluation',
        title: 'Graduating from extreme poverty: evaluation of {name} in {country}',
        lead: 'The graduation approach combines a consumption transfer, a productive asset, coaching and savings; the evaluation follows families for three years.',
      },
      {
        kind: 'guide',
        title: 'Coaching families out of poverty: the {name} graduation model step by step',
        lead: 'The guide describes the sequence of the graduation approach, from selecting families to the productive asset and the exit.',
      },
      {
        kind: 'podcast',
        title: 'Podcast: what graduation programmes learned in {country}',
        lead: 'Field coaches of {name} talk about home visits, savings groups and the businesses families started.',
      },
    ],
    es: [
      {
        kind: 'evaluation',
        title: 'Salir de la pobreza extrema: evaluación del programa de graduación {name} en {country}',
        lead: 'El enfoque de graduación combina una transferencia de consumo, un activo productivo, acompañamiento y ahorro; la evaluación sigue a las familias durante tres años.',
      },
      {
        kind: 'guide',
        title: 'Acompañamiento familiar para salir de la pobreza: el modelo de graduación de {name}',
        lead: 'La guía describe la secuencia del modelo de graduación, desde la selección de las familias hasta el activo productivo y el egreso.',
      },
      {
        kind: 'report',
        title: 'Programas de graduación en {country}: resultados de {name}',
        lead: 'El informe reúne los resultados de ingresos, ahorro y emprendimientos de las familias que egresaron.',
      },
      {
        kind: 'podcast',
        title: 'Pódcast: lo que aprendieron los programas de graduación en {country}',
        lead: 'Las cogestoras de {name} hablan de las visitas al hogar, los grupos de ahorro y los negocios de las familias.',
      },
    ],
  },
  cases: [
    {
      country: 'CO',
      programme: 'Red Unidos',
      name: { es: 'Red Unidos', en: 'Red Unidos' },
      facts: {
        es: 'La estrategia Red Unidos acompaña a hogares en pobreza extrema con cogestores sociales hasta que superan sus privaciones.',
        en: 'The Red Unidos strategy assigns social coaches to extremely poor households until they overcome their deprivations.',
      },
      partners: ['prosperidad-social-co', 'fundacion-capital'],
    },
    {
      country: 'PY',
      programme: 'Tenonderã',
      name: { es: 'Tenonderã' },
      facts: {
        es: 'Tenonderã entrega capital semilla y asistencia técnica a familias que egresan de Tekoporã para que emprendan un negocio.',
      },
      partners: ['mds-py', 'fundacion-capital'],
      mentions: ['Tekoporã'],
      passing: ['cct'],
    },
    {
      country: 'PE',
      programme: 'Haku Wiñay',
      name: { es: 'Haku Wiñay', en: 'Haku Wiñay' },
      facts: {
        es: 'Haku Wiñay, de FONCODES, fortalece los sistemas de producción familiar y los emprendimientos rurales de hogares usuarios de Juntos.',
        en: 'Haku Wiñay, run by FONCODES, strengthens family farming and rural businesses of households that receive Juntos.',
      },
      partners: ['midis-pe', 'fundacion-capital'],
      mentions: ['Juntos'],
      passing: ['cct'],
    },
    {
      country: 'CL',
      programme: 'Familias Seguridades y Oportunidades',
      name: { es: 'Familias Seguridades y Oportunidades' },
      facts: {
        es: 'El programa Familias, del Subsistema Seguridades y Oportunidades, combina acompañamiento psicosocial y sociolaboral con bonos por logros.',
      },
      partners: ['mdsf-cl', 'cepal'],
    },
    {
      country: 'HN',
      programme: 'Sembrando Oportunidades',
      name: { es: 'Sembrando Oportunidades', en: 'Sembrando Oportunidades' },
      facts: {
        es: 'El piloto Sembrando Oportunidades entregó gallinas, semillas y acompañamiento semanal a 1.200 hogares rurales del corredor seco.',
        en: 'The Sembrando Oportunidades pilot gave hens, seeds and weekly coaching to 1,200 rural households in the dry corridor.',
      },
      partners: ['sedesol-hn', 'fundacion-capital'],
    },
  ],
};

export const SCHOOL_FEEDING: SubjectParts = {
  subject: 'school-feeding',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'report',
        title: 'School meals in {country}: how {name} feeds children every school day',
        lead: 'The report describes menus, local purchases from family farmers and the number of pupils served.',
      },
      {
        kind: 'news',
        title: '{name} buys more from family farmers in {country}',
        lead: 'A new rule sets a minimum share of school meal purchases from local smallholders.',
      },
      {
        kind: 'video',
        title: 'Video: a day in a school kitchen of {name}',
        lead: 'Cooks, teachers and parents show how the school meal is prepared.',
      },
    ],
    es: [
      {
        kind: 'report',
        title: 'Alimentación escolar en {country}: cómo {name} llega a las escuelas cada día',
        lead: 'El informe describe los menús, las compras locales a la agricultura familiar y el número de estudiantes atendidos.',
      },
      {
        kind: 'news',
        title: '{name} compra más a la agricultura familiar en {country}',
        lead: 'Una nueva norma fija un porcentaje mínimo de compras de alimentos escolares a pequeños productores locales.',
      },
      {
        kind: 'video',
        title: 'Video: un día en una cocina escolar de {name}',
        lead: 'Cocineras, docentes y madres de familia muestran cómo se prepara la comida escolar.',
      },
    ],
    pt: [
      {
        kind: 'report',
        title: 'Alimentação escolar no {country}: o {name} e a agricultura familiar',
        lead: 'O relatório mostra como as compras da agricultura familiar chegam às merendas de 40 milhões de estudantes.',
      },
      {
        kind: 'news',
        title: '{name} reajusta os valores por aluno da merenda escolar',
        lead: 'O reajuste vale para creches, pré-escolas e escolas indígenas e quilombolas.',
      },
      {
        kind: 'video',
        title: 'Vídeo: um dia na cozinha de uma escola do {name}',
        lead: 'Merendeiras, professores e agricultores mostram como a refeição é preparada.',
      },
    ],
  },
  cases: [
    {
      country: 'PE',
      programme: 'Qali Warma',
      name: { es: 'Qali Warma' },
      facts: {
        es: 'Qali Warma atiende a más de cuatro millones de escolares de inicial y primaria con desayunos y almuerzos.',
      },
      partners: ['midis-pe', 'wfp-lac'],
    },
    {
      country: 'BR',
      programme: 'PNAE',
      name: { pt: 'PNAE' },
      facts: {
        pt: 'O Programa Nacional de Alimentação Escolar (PNAE) exige que 30 % das compras venham da agricultura familiar.',
      },
      partners: ['mds-br', 'wfp-lac'],
    },
    {
      country: 'GT',
      programme: 'Programa de Alimentación Escolar',
      name: { es: 'el Programa de Alimentación Escolar' },
      facts: {
        es: 'El Programa de Alimentación Escolar de Guatemala asigna cuatro quetzales diarios por estudiante y compra a la agricultura familiar.',
      },
      partners: ['mides-gt', 'wfp-lac'],
    },
    {
      country: 'JM',
      programme: 'School Feeding Programme',
      name: { en: 'the School Feeding Programme' },
      facts: {
        en: 'Jamaica’s School Feeding Programme gives free lunches to PATH students and subsidised meals to others.',
      },
      partners: ['mlss-jm', 'wfp-lac'],
      mentions: ['PATH'],
      passing: ['cct'],
    },
  ],
};

export const YOUTH_EMPLOYMENT: SubjectParts = {
  subject: 'youth-employment',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'evaluation',
        title: 'Apprenticeships for young people: evaluation of {name} in {country}',
        lead: 'The evaluation measures employment and earnings of young people one year after the training.',
      },
      {
        kind: 'news',
        title: '{name} opens places for young people outside school and work',
        lead: 'Young people aged 18 to 29 can apply for paid training placements with employers.',
      },
      {
        kind: 'report',
        title: 'Youth employment and training: the experience of {name}',
        lead: 'The report reviews enrolment, completion and job placement of the programme.',
      },
    ],
    es: [
      {
        kind: 'evaluation',
        title: 'Capacitación laboral para jóvenes: evaluación de {name} en {country}',
        lead: 'La evaluación mide el empleo y los ingresos de las y los jóvenes un año después de la capacitación.',
      },
      {
        kind: 'news',
        title: '{name} abre cupos para jóvenes que no estudian ni trabajan',
        lead: 'Jóvenes de 18 a 29 años pueden postular a una beca de capacitación en un centro de trabajo.',
      },
      {
        kind: 'report',
        title: 'Empleo juvenil y formación: la experiencia de {name}',
        lead: 'El informe revisa la inscripción, la permanencia y la inserción laboral del programa.',
      },
    ],
  },
  cases: [
    {
      country: 'MX',
      programme: 'Jóvenes Construyendo el Futuro',
      name: { es: 'Jóvenes Construyendo el Futuro', en: 'Jóvenes Construyendo el Futuro' },
      facts: {
        es: 'Jóvenes Construyendo el Futuro paga una beca mensual de un salario mínimo durante doce meses de capacitación en el trabajo.',
        en: 'Jóvenes Construyendo el Futuro pays a monthly minimum-wage stipend during twelve months of on-the-job training.',
      },
      partners: ['bienestar-mx', 'ilo-americas'],
    },
    {
      country: 'CO',
      programme: 'Jóvenes en Acción',
      name: { es: 'Jóvenes en Acción' },
      facts: {
        es: 'Jóvenes en Acción entrega transferencias condicionadas a la permanencia de jóvenes en programas técnicos del SENA y la universidad.',
      },
      partners: ['prosperidad-social-co', 'ilo-americas'],
      also: ['cct'],
    },
    {
      country: 'JM',
      programme: 'HEART/NSTA Trust',
      name: { en: 'the HEART/NSTA Trust' },
      facts: {
        en: 'The HEART/NSTA Trust certifies young people in trades and links PATH households to training through Steps to Work.',
      },
      partners: ['mlss-jm', 'ilo-americas'],
      mentions: ['PATH'],
      passing: ['cct'],
    },
  ],
};
