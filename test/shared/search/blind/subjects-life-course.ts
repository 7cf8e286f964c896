import type { SubjectParts } from './parts.js';

/** Early childhood, pensions, unemployment insurance, care systems and disability. */

export const EARLY_CHILDHOOD: SubjectParts = {
  subject: 'early-childhood',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'evaluation',
        title: 'Home visiting and child development: evaluation of {name} in {country}',
        lead: 'The evaluation measures language, motor and socio-emotional development of children under three whose families received weekly home visits.',
      },
      {
        kind: 'report',
        title: 'How far does {name} reach? Early childhood services in {country}',
        lead: 'The report reviews day-care centres, parenting support and the quality of early education for children under six.',
      },
      {
        kind: 'news',
        title: '{name} opens new child development centres in {country}',
        lead: 'The new centres care for children from six months to three years while their mothers work or study.',
      },
      {
        kind: 'video',
        title: 'Video: the first thousand days with {name}',
        lead: 'Families and home visitors show what a visit looks like, from play to nutrition counselling.',
      },
    ],
    es: [
      {
        kind: 'evaluation',
        title: 'Visitas domiciliarias y desarrollo infantil: evaluación de {name} en {country}',
        lead: 'La evaluación mide el desarrollo del lenguaje, motor y socioemocional de niñas y niños menores de tres años cuyas familias recibieron visitas semanales.',
      },
      {
        kind: 'report',
        title: '¿Hasta dónde llega {name}? Servicios de desarrollo infantil temprano en {country}',
        lead: 'El informe revisa los centros de cuidado diurno, el acompañamiento a las familias y la calidad de la educación inicial para menores de seis años.',
      },
      {
        kind: 'news',
        title: '{name} abre nuevos centros de desarrollo infantil en {country}',
        lead: 'Los nuevos centros atienden a niñas y niños de seis meses a tres años mientras sus madres trabajan o estudian.',
      },
      {
        kind: 'video',
        title: 'Video: los primeros mil días con {name}',
        lead: 'Familias y facilitadoras muestran cómo es una visita, del juego a la consejería nutricional.',
      },
      {
        kind: 'guide',
        title: 'Orientaciones para la atención integral a la primera infancia: el modelo de {name}',
        lead: 'La guía describe los servicios, los estándares de calidad y la articulación entre salud, educación inicial y protección.',
      },
    ],
    pt: [
      {
        kind: 'evaluation',
        title: 'Visitas domiciliares e desenvolvimento infantil: avaliação do {name}',
        lead: 'A avaliação mede o desenvolvimento de linguagem, motor e socioemocional das crianças de até três anos visitadas.',
      },
      {
        kind: 'report',
        title: 'Primeira infância no {country}: cobertura e qualidade do {name}',
        lead: 'O relatório analisa as visitas, a articulação com a saúde e a educação infantil nos municípios.',
      },
      {
        kind: 'news',
        title: '{name} chega a mais municípios do Nordeste',
        lead: 'A expansão leva visitadores a famílias com gestantes e crianças pequenas.',
      },
    ],
  },
  cases: [
    {
      country: 'PE',
      programme: 'Cuna Más',
      name: { es: 'Cuna Más', en: 'Cuna Más' },
      facts: {
        es: 'Cuna Más ofrece cuidado diurno en zonas urbanas y acompañamiento a familias en zonas rurales para niñas y niños menores de 36 meses.',
        en: 'Cuna Más offers day care in urban areas and family support visits in rural areas for children under 36 months.',
      },
      partners: ['midis-pe', 'unicef-lacro'],
    },
    {
      country: 'CL',
      programme: 'Chile Crece Contigo',
      name: { es: 'Chile Crece Contigo' },
      facts: {
        es: 'Chile Crece Contigo ofrece a cada niña y niño, desde el primer control de embarazo, un programa de apoyo al desarrollo biopsicosocial y prestaciones diferenciadas para los hogares más vulnerables.',
      },
      partners: ['mdsf-cl', 'unicef-lacro'],
    },
    {
      country: 'CO',
      programme: 'De Cero a Siempre',
      name: { es: 'De Cero a Siempre', en: 'De Cero a Siempre' },
      facts: {
        es: 'La política De Cero a Siempre articula la atención integral a la primera infancia en salud, nutrición, educación inicial y protección.',
        en: 'The De Cero a Siempre policy brings together health, nutrition, early education and protection for children under six.',
      },
      partners: ['prosperidad-social-co', 'unicef-lacro'],
    },
    {
      country: 'BR',
      programme: 'Criança Feliz',
      name: { pt: 'Criança Feliz', en: 'Criança Feliz' },
      facts: {
        pt: 'O Criança Feliz visita gestantes e crianças de até seis anos das famílias do Bolsa Família para estimular o desenvolvimento infantil.',
        en: 'Criança Feliz visits pregnant women and children up to six years old in Bolsa Família families to stimulate child development.',
      },
      partners: ['mds-br', 'unicef-lacro'],
      mentions: ['Bolsa Família'],
      passing: ['cct'],
    },
    {
      country: 'UY',
      programme: 'Uruguay Crece Contigo',
      name: { es: 'Uruguay Crece Contigo' },
      facts: {
        es: 'Uruguay Crece Contigo acompaña a hogares con embarazadas y niñas y niños menores de cuatro años en situación de riesgo sanitario y social.',
      },
      partners: ['mides-uy', 'unicef-lacro'],
    },
    {
      country: 'JM',
      programme: 'Early Childhood Commission',
      name: { en: 'the Early Childhood Commission' },
      facts: {
        en: 'Jamaica’s Early Childhood Commission regulates basic schools and runs a parenting programme for families of children under eight.',
      },
      partners: ['unicef-lacro', 'cispr-caribbean'],
    },
    {
      country: 'EC',
      programme: 'Creciendo con Nuestros Hijos',
      name: { es: 'Creciendo con Nuestros Hijos' },
      facts: {
        es: 'La modalidad Creciendo con Nuestros Hijos del MIES atiende en el hogar a niñas y niños menores de tres años y a sus familias.',
      },
      partners: ['unicef-lacro', 'bid'],
    },
  ],
};

export const PENSIONS: SubjectParts = {
  subject: 'pensions',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'evaluation',
        title: 'Old-age poverty and {name} in {country}: an evaluation',
        lead: 'The evaluation measures poverty, consumption and health spending of older persons receiving the pension.',
      },
      {
        kind: 'report',
        title: 'Non-contributory pensions in {country}: coverage and fiscal cost of {name}',
        lead: 'The report estimates coverage among people over 65 and the cost of the pension as a share of GDP.',
      },
      {
        kind: 'news',
        title: '{country} raises {name} for older persons',
        lead: 'The monthly pension rises from next January and is indexed to inflation.',
      },
      {
        kind: 'event',
        title: 'Webinar: pension systems and older persons in {country}',
        lead: 'Experts discuss the balance between contributory pensions and social pensions such as {name}.',
      },
    ],
    es: [
      {
        kind: 'evaluation',
        title: 'Pobreza en la vejez y {name} en {country}: una evaluación',
        lead: 'La evaluación mide la pobreza, el consumo y el gasto en salud de las personas mayores que reciben la pensión.',
      },
      {
        kind: 'report',
        title: 'Pensiones no contributivas en {country}: cobertura y costo fiscal de {name}',
        lead: 'El informe estima la cobertura entre las personas mayores de 65 años y el costo de la pensión como porcentaje del PIB.',
      },
      {
        kind: 'news',
        title: '{country} aumenta el monto de {name} para personas adultas mayores',
        lead: 'La pensión mensual aumenta desde enero y se ajustará según la inflación.',
      },
      {
        kind: 'event',
        title: 'Seminario: sistemas de pensiones y personas mayores en {country}',
        lead: 'Especialistas debaten el equilibrio entre las pensiones contributivas y las pensiones sociales como {name}.',
      },
      {
        kind: 'study',
        title: 'Efectos de {name} sobre el trabajo y la salud de las personas mayores',
        lead: 'Con una regresión discontinua en la edad de acceso, el estudio estima los efectos de la pensión.',
      },
    ],
    pt: [
      {
        kind: 'report',
        title: '{name} e a pobreza na velhice no {country}',
        lead: 'O relatório mostra como os benefícios rurais reduzem a pobreza de idosos no campo.',
      },
      {
        kind: 'news',
        title: 'INSS reajusta os benefícios de {name}',
        lead: 'O reajuste acompanha o salário mínimo e vale a partir de janeiro.',
      },
      {
        kind: 'study',
        title: 'Efeitos de {name} sobre o trabalho e a saúde dos idosos',
        lead: 'O estudo compara idosos logo acima e abaixo da idade de acesso ao benefício.',
      },
    ],
  },
  cases: [
    {
      country: 'BO',
      programme: 'Renta Dignidad',
      name: { es: 'la Renta Dignidad', en: 'Renta Dignidad' },
      facts: {
        es: 'La Renta Dignidad es una pensión universal no contributiva que paga a todas las personas de 60 años o más en Bolivia, financiada con el impuesto a los hidrocarburos.',
        en: 'Renta Dignidad is a universal non-contributory pension paid to everyone aged 60 or more in Bolivia, funded by the hydrocarbons tax.',
      },
      partners: ['gestora-bo', 'ciss', 'cepal'],
    },
    {
      country: 'CL',
      programme: 'Pensión Garantizada Universal',
      name: { es: 'la Pensión Garantizada Universal' },
      facts: {
        es: 'La Pensión Garantizada Universal (PGU) llega al 90 % de las personas de 65 años o más, tengan o no ahorro previsional.',
      },
      partners: ['mdsf-cl', 'ciss'],
    },
    {
      country: 'MX',
      programme: 'Pensión para el Bienestar de las Personas Adultas Mayores',
      name: { es: 'la Pensión para el Bienestar de las Personas Adultas Mayores' },
      facts: {
        es: 'La Pensión para el Bienestar de las Personas Adultas Mayores es universal desde los 65 años y se paga cada dos meses por el Banco del Bienestar.',
      },
      partners: ['bienestar-mx', 'ciss'],
      mentions: ['Banco del Bienestar'],
    },
    {
      country: 'PE',
      programme: 'Pensión 65',
      name: { es: 'el programa Pensión 65', en: 'Pensión 65' },
      facts: {
        es: 'Pensión 65 entrega 250 soles cada dos meses a personas de 65 años o más en pobreza extrema que no tienen otra pensión.',
        en: 'Pensión 65 pays 250 soles every two months to people aged 65 or more in extreme poverty who have no other pension.',
      },
      partners: ['midis-pe', 'ilo-americas'],
    },
    {
      country: 'CO',
      programme: 'Colombia Mayor',
      name: { es: 'el programa Colombia Mayor' },
      facts: {
        es: 'Colombia Mayor paga un subsidio económico a personas mayores sin pensión que viven en pobreza extrema o indigencia.',
      },
      partners: ['prosperidad-social-co', 'ciss'],
    },
    {
      country: 'PA',
      programme: '120 a los 65',
      name: { es: 'el programa 120 a los 65' },
      facts: {
        es: 'El programa 120 a los 65 paga 120 balboas mensuales a personas de 65 años o más sin jubilación ni pensión.',
      },
      partners: ['iaspn-oas', 'ciss'],
    },
    {
      country: 'BR',
      programme: 'Previdência Rural',
      name: { pt: 'a Previdência Rural' },
      facts: {
        pt: 'A aposentadoria rural paga um salário mínimo a trabalhadores rurais aos 60 anos (homens) e 55 anos (mulheres), com contribuição reduzida.',
      },
      partners: ['mds-br', 'ipc-ig'],
    },
    {
      country: 'TT',
      programme: 'Senior Citizens’ Pension',
      name: { en: 'the Senior Citizens’ Pension' },
      facts: {
        en: 'Trinidad and Tobago pays a means-tested Senior Citizens’ Pension to residents aged 65 or more with low incomes.',
      },
      partners: ['cispr-caribbean', 'ilo-americas'],
    },
  ],
};

export const UNEMPLOYMENT_INSURANCE: SubjectParts = {
  subject: 'unemployment-insurance',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'study',
        title: 'Unemployment insurance in {country}: who is covered by {name}?',
        lead: 'The study estimates how many dismissed workers receive unemployment benefits and for how long.',
      },
      {
        kind: 'news',
        title: '{country} extends {name} for dismissed workers',
        lead: 'The unemployment benefit will be paid for more months and with a higher replacement rate.',
      },
      {
        kind: 'report',
        title: 'Protecting workers who lose their jobs: {name}',
        lead: 'The report describes contributions, eligibility, benefit levels and the link with job search services.',
      },
    ],
    es: [
      {
        kind: 'study',
        title: 'Seguro de desempleo en {country}: ¿a quién cubre {name}?',
        lead: 'El estudio estima cuántos trabajadores despedidos reciben prestaciones por desempleo y durante cuánto tiempo.',
      },
      {
        kind: 'news',
        title: '{country} amplía las prestaciones de {name} para trabajadores despedidos',
        lead: 'La prestación por desempleo se pagará durante más meses y con una tasa de reemplazo mayor.',
      },
      {
        kind: 'report',
        title: 'Proteger a quienes pierden el empleo: {name}',
        lead: 'El informe describe las cotizaciones, los requisitos, el monto de las prestaciones y el vínculo con los servicios de empleo.',
      },
      {
        kind: 'event',
        title: 'Foro sobre protección frente al desempleo: la experiencia de {name}',
        lead: 'Ministerios de trabajo de la región comparan seguros de desempleo, cuentas individuales y subsidios.',
      },
    ],
    pt: [
      {
        kind: 'study',
        title: 'Seguro-desemprego no {country}: quem é coberto pelo {name}?',
        lead: 'O estudo estima quantos trabalhadores demitidos recebem o benefício e por quanto tempo.',
      },
      {
        kind: 'news',
        title: 'Governo reajusta as parcelas do {name}',
        lead: 'O valor das parcelas acompanha o reajuste do salário mínimo.',
      },
      {
        kind: 'report',
        title: 'Proteção ao trabalhador demitido: o {name} e a intermediação de mão de obra',
        lead: 'O relatório analisa a ligação do benefício com o Sistema Nacional de Emprego.',
      },
    ],
  },
  cases: [
    {
      country: 'CL',
      programme: 'Seguro de Cesantía',
      name: { es: 'el Seguro de Cesantía', en: 'the Seguro de Cesantía' },
      facts: {
        es: 'El Seguro de Cesantía combina cuentas individuales con un Fondo de Cesantía Solidario para quienes agotan su ahorro.',
        en: 'Chile’s Seguro de Cesantía combines individual accounts with a solidarity fund for workers whose savings run out.',
      },
      partners: ['mdsf-cl', 'ilo-americas'],
    },
    {
      country: 'BR',
      programme: 'Seguro-Desemprego',
      name: { pt: 'Seguro-Desemprego' },
      facts: {
        pt: 'O Seguro-Desemprego paga de três a cinco parcelas ao trabalhador formal demitido sem justa causa.',
      },
      partners: ['ilo-americas', 'ipc-ig'],
    },
    {
      country: 'UY',
      programme: 'Seguro de desempleo del BPS',
      name: { es: 'el seguro de desempleo del BPS' },
      facts: {
        es: 'El Banco de Previsión Social paga el seguro de desempleo por despido, suspensión o reducción de jornada.',
      },
      partners: ['mides-uy', 'ilo-americas'],
    },
    {
      country: 'CO',
      programme: 'Mecanismo de Protección al Cesante',
      name: { es: 'el Mecanismo de Protección al Cesante' },
      facts: {
        es: 'El Mecanismo de Protección al Cesante paga aportes a salud y pensión y un bono de alimentación a quienes pierden el empleo formal.',
      },
      partners: ['ilo-americas', 'bid'],
    },
    {
      country: 'BB',
      programme: 'National Insurance unemployment benefit',
      name: { en: 'the National Insurance unemployment benefit' },
      facts: {
        en: 'Barbados pays unemployment benefit from the National Insurance Scheme for up to 26 weeks to insured workers.',
      },
      partners: ['cispr-caribbean', 'ilo-americas'],
    },
    {
      country: 'EC',
      programme: 'Seguro de desempleo del IESS',
      name: { es: 'el seguro de desempleo del IESS' },
      facts: {
        es: 'El Instituto Ecuatoriano de Seguridad Social paga cinco meses de prestación a afiliados que quedan cesantes.',
      },
      partners: ['ciss', 'ilo-americas'],
    },
  ],
};

export const CARE: SubjectParts = {
  subject: 'care',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'report',
        title: 'Towards a national care system in {country}: {name}',
        lead: 'The report follows the law, the budget and the first services of the care system: childcare, home support for dependent older persons and respite for caregivers.',
      },
      {
        kind: 'study',
        title: 'Who cares? Unpaid care work and the jobs women give up in {country}',
        lead: 'Time-use data show that women carry most unpaid care work, which limits their paid work; the study discusses {name}.',
      },
      {
        kind: 'news',
        title: '{country} trains a new cohort of certified caregivers under {name}',
        lead: 'The course certifies caregivers of older persons and people with severe dependency.',
      },
    ],
    es: [
      {
        kind: 'report',
        title: 'Hacia un sistema nacional de cuidados en {country}: {name}',
        lead: 'El informe sigue la ley, el presupuesto y los primeros servicios del sistema de cuidados: centros infantiles, apoyo en el hogar para personas mayores dependientes y respiro para quienes cuidan.',
      },
      {
        kind: 'study',
        title:
          '¿Quién cuida? El trabajo de cuidados no remunerado y los empleos a los que renuncian las mujeres en {country}',
        lead: 'Las encuestas de uso del tiempo muestran que las mujeres realizan la mayor parte del trabajo de cuidados; el estudio analiza {name}.',
      },
      {
        kind: 'news',
        title: '{country} certifica a una nueva cohorte de cuidadoras en el marco de {name}',
        lead: 'El curso certifica a cuidadoras de personas mayores y personas con dependencia severa.',
      },
      {
        kind: 'event',
        title: 'Diálogo regional sobre sistemas de cuidados: la experiencia de {name}',
        lead: 'Ministerias de la mujer y de desarrollo social comparan leyes, financiamiento y servicios de cuidado.',
      },
    ],
  },
  cases: [
    {
      country: 'UY',
      programme: 'Sistema Nacional Integrado de Cuidados',
      name: {
        es: 'el Sistema Nacional Integrado de Cuidados',
        en: 'the Sistema Nacional Integrado de Cuidados',
      },
      facts: {
        es: 'Uruguay creó en 2015 el Sistema Nacional Integrado de Cuidados, con asistentes personales, teleasistencia y centros de cuidado para la primera infancia.',
        en: 'Uruguay created its integrated national care system in 2015, with personal assistants, telecare and childcare centres.',
      },
      partners: ['mides-uy', 'cepal'],
    },
    {
      country: 'CO',
      programme: 'Sistema Distrital de Cuidado',
      name: { es: 'el Sistema Distrital de Cuidado de Bogotá', en: 'Bogotá’s District Care System' },
      facts: {
        es: 'Las manzanas del cuidado de Bogotá reúnen en un mismo lugar servicios para cuidadoras, niñas y niños y personas mayores.',
        en: 'Bogotá’s care blocks bring services for caregivers, children and older persons together in one place.',
      },
      partners: ['cepal', 'bid'],
    },
    {
      country: 'MX',
      programme: 'Sistema Nacional de Cuidados (México)',
      name: { es: 'la iniciativa de Sistema Nacional de Cuidados' },
      facts: {
        es: 'México discute una reforma constitucional que reconoce el derecho al cuidado digno y crea un sistema nacional de cuidados.',
      },
      partners: ['bienestar-mx', 'cepal'],
    },
    {
      country: 'CL',
      programme: 'Chile Cuida',
      name: { es: 'Chile Cuida' },
      facts: {
        es: 'Chile Cuida, ahora Sistema Nacional de Apoyos y Cuidados, ofrece respiro y formación a cuidadoras de personas con dependencia.',
      },
      partners: ['mdsf-cl', 'cepal'],
    },
    {
      country: 'CR',
      programme: 'Red Nacional de Cuido',
      name: { es: 'la Red Nacional de Cuido' },
      facts: {
        es: 'La Red Nacional de Cuido y Desarrollo Infantil de Costa Rica y la Red de Atención Progresiva para el Cuido de las Personas Adultas Mayores forman la base de su política de cuidados.',
      },
      partners: ['imas-cr', 'cepal'],
      also: ['early-childhood'],
    },
  ],
};

export const DISABILITY: SubjectParts = {
  subject: 'disability',
  perCase: 3,
  templates: {
    en: [
      {
        kind: 'report',
        title: 'Disability benefits in {country}: {name}',
        lead: 'The report covers eligibility assessment, benefit amounts and the number of people with disabilities reached.',
      },
      {
        kind: 'study',
        title: 'Disability and poverty in {country}: does {name} close the gap?',
        lead: 'The study estimates the extra costs of disability and how much of them the benefit covers.',
      },
      {
        kind: 'news',
        title: '{country} simplifies disability assessment for {name}',
        lead: 'Applicants will be assessed with a functional approach instead of a medical list.',
      },
    ],
    es: [
      {
        kind: 'report',
        title: 'Prestaciones por discapacidad en {country}: {name}',
        lead: 'El informe aborda la certificación de la discapacidad, los montos y el número de personas con discapacidad atendidas.',
      },
      {
        kind: 'study',
        title: 'Discapacidad y pobreza en {country}: ¿cierra la brecha {name}?',
        lead: 'El estudio estima los costos adicionales de la discapacidad y cuánto de ellos cubre la prestación.',
      },
      {
        kind: 'news',
        title: '{country} simplifica la certificación de discapacidad para {name}',
        lead: 'Las solicitudes se evaluarán con un enfoque funcional en lugar de una lista médica.',
      },
      {
        kind: 'event',
        title:
          'Conversatorio: inclusión de las personas con discapacidad en la protección social de {country}',
        lead: 'Organizaciones de personas con discapacidad y el ministerio dialogan sobre {name}.',
      },
    ],
    pt: [
      {
        kind: 'report',
        title: 'Benefício de Prestação Continuada: proteção às pessoas com deficiência no {country}',
        lead: 'O relatório analisa a concessão do {name}, a avaliação biopsicossocial e a fila de requerimentos.',
      },
      {
        kind: 'study',
        title: 'Deficiência e pobreza: o {name} fecha a lacuna?',
        lead: 'O estudo estima os custos adicionais da deficiência e quanto o benefício cobre.',
      },
      {
        kind: 'news',
        title: 'INSS reduz a fila de requerimentos do {name}',
        lead: 'Mutirões de perícia e avaliação social aceleram a análise dos pedidos.',
      },
    ],
  },
  cases: [
    {
      country: 'BR',
      programme: 'BPC',
      name: { pt: 'BPC', en: 'the Benefício de Prestação Continuada (BPC)' },
      facts: {
        pt: 'O Benefício de Prestação Continuada paga um salário mínimo a pessoas com deficiência e idosos de 65 anos ou mais de famílias de baixa renda.',
        en: 'The Benefício de Prestação Continuada pays a minimum wage to people with disabilities and people aged 65 or more in low-income families.',
      },
      partners: ['mds-br', 'ipc-ig'],
      passing: ['pensions'],
    },
    {
      country: 'PE',
      programme: 'Contigo',
      name: { es: 'la pensión no contributiva del programa Contigo' },
      facts: {
        es: 'El programa Contigo paga una pensión no contributiva de 300 soles bimestrales a personas con discapacidad severa en situación de pobreza.',
      },
      partners: ['midis-pe', 'ilo-americas'],
      also: ['pensions'],
    },
    {
      country: 'EC',
      programme: 'Bono Joaquín Gallegos Lara',
      name: { es: 'el Bono Joaquín Gallegos Lara' },
      facts: {
        es: 'El Bono Joaquín Gallegos Lara paga 240 dólares mensuales a quienes cuidan a personas con discapacidad severa.',
      },
      partners: ['ciss', 'bid'],
      also: ['care'],
    },
    {
      country: 'MX',
      programme: 'Pensión para el Bienestar de las Personas con Discapacidad',
      name: { es: 'la Pensión para el Bienestar de las Personas con Discapacidad' },
      facts: {
        es: 'La Pensión para el Bienestar de las Personas con Discapacidad es universal para niñas, niños y jóvenes hasta los 29 años en varios estados.',
      },
      partners: ['bienestar-mx', 'ciss'],
      also: ['pensions'],
    },
    {
      country: 'TT',
      programme: 'Disability Assistance Grant',
      name: { en: 'the Disability Assistance Grant' },
      facts: {
        en: 'Trinidad and Tobago’s Disability Assistance Grant pays people with disabilities aged 18 to 64 whose income is below a threshold.',
      },
      partners: ['cispr-caribbean', 'ilo-americas'],
    },
    {
      country: 'JM',
      programme: 'Economic Empowerment Grant',
      name: { en: 'the Economic Empowerment Grant' },
      facts: {
        en: 'Jamaica’s Council for Persons with Disabilities gives an Economic Empowerment Grant for small businesses run by people with disabilities.',
      },
      partners: ['mlss-jm', 'cispr-caribbean'],
    },
  ],
};
