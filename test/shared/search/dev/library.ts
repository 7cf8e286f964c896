import type { Language, Resource, ResourceType } from '#shared/domain/resource.js';
import { tagText } from '#shared/taxonomy/index.js';
import { makeResource } from '../../../helpers/resources.js';

/**
 * The development library: resources written as partners across the Americas publish them
 * (ministries' press releases, bank and commission studies, NGO briefs, events, videos, podcasts),
 * mostly in English and Spanish, some in Portuguese and French. Each carries its ground truth,
 * written with its text (`meta`): what it is mainly about, what else it covers, the programme it
 * is about, the country it is about and what kind of publication it is. The judgements
 * (`judgements.ts`) read only that.
 *
 * Written without looking at the ranker, for a set whose failures may be studied and fixed (the
 * blind set's may not). Normalised as ingest would: topics and countries tagged from the title and
 * summary with the taxonomy's `tagText`, plus the partner's country; the type follows the kind.
 */

export const DEV_NOW = '2026-11-20T12:00:00.000Z';

/** Main and secondary subjects: finer than the taxonomy's topics where members tell them apart. */
export const SUBJECTS = [
  'cct', // conditional cash transfers
  'uct', // unconditional, emergency and universal transfers (a near-miss of 'cct')
  'targeting',
  'social-registry',
  'graduation',
  'productive-inclusion',
  'financial-inclusion',
  'mpi',
  'poverty', // monetary poverty and inequality figures
  'early-childhood',
  'social-pensions', // non-contributory pensions for older persons
  'pension-reform', // contributory systems and their reform
  'pension-funds', // pension fund finance: returns, investments (a near-miss of pensions)
  'school-feeding',
  'food-security',
  'health',
  'housing',
  'employment', // employment services and job training
  'education',
  'disability',
  'care',
  'shock-responsive', // climate and disaster shocks, adaptive social protection
  'south-south',
  'systems', // social protection in general: systems, strategies, budgets, ministries
  'gender',
  'migration',
  'other', // outside social protection: inflation targeting, marketing, sports...
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const KINDS = [
  'evaluation',
  'study',
  'report',
  'guide',
  'brief',
  'news',
  'event',
  'video',
  'podcast',
] as const;
export type Kind = (typeof KINDS)[number];

/** The substantive kinds: a member looking into a subject wants these first. */
export const SUBSTANTIVE: ReadonlySet<Kind> = new Set(['evaluation', 'study', 'report', 'guide']);

export interface DevMeta {
  subject: Subject;
  /** Subjects it covers besides its main one, or mentions in passing. */
  also: Subject[];
  /** The programme it is about, if any (a canonical name, e.g. 'Bolsa Família'). */
  programme?: string;
  /** Programmes it names in passing. */
  mentions: string[];
  /** ISO alpha-2 of the country it is about; 'LAC' for the region or several countries. */
  country: string;
  kind: Kind;
}

export interface DevResource extends Resource {
  meta: DevMeta;
}

interface Partner {
  name: string;
  /** Where it works from; international organisations have none. */
  country?: string;
}

const PARTNERS: Record<string, Partner> = {
  'midis-pe': { name: 'Ministerio de Desarrollo e Inclusión Social', country: 'PE' },
  'mds-br': {
    name: 'Ministério do Desenvolvimento e Assistência Social, Família e Combate à Fome',
    country: 'BR',
  },
  'bienestar-mx': { name: 'Secretaría de Bienestar', country: 'MX' },
  'dps-co': { name: 'Departamento para la Prosperidad Social', country: 'CO' },
  'dnp-co': { name: 'Departamento Nacional de Planeación', country: 'CO' },
  'mdsf-cl': { name: 'Ministerio de Desarrollo Social y Familia', country: 'CL' },
  'mides-uy': { name: 'Ministerio de Desarrollo Social de Uruguay', country: 'UY' },
  'mds-py': { name: 'Ministerio de Desarrollo Social del Paraguay', country: 'PY' },
  'capital-humano-ar': { name: 'Ministerio de Capital Humano', country: 'AR' },
  'mies-ec': { name: 'Ministerio de Inclusión Económica y Social', country: 'EC' },
  'udape-bo': { name: 'Unidad de Análisis de Políticas Sociales y Económicas', country: 'BO' },
  'mlss-jm': { name: 'Ministry of Labour and Social Security', country: 'JM' },
  'mast-ht': { name: 'Ministère des Affaires Sociales et du Travail', country: 'HT' },
  'sedesol-hn': { name: 'Secretaría de Desarrollo Social de Honduras', country: 'HN' },
  'mides-gt': { name: 'Ministerio de Desarrollo Social de Guatemala', country: 'GT' },
  'fisdl-sv': { name: 'Fondo de Inversión Social para el Desarrollo Local', country: 'SV' },
  'mides-pa': { name: 'Ministerio de Desarrollo Social de Panamá', country: 'PA' },
  'imas-cr': { name: 'Instituto Mixto de Ayuda Social', country: 'CR' },
  'gabinete-do': { name: 'Gabinete de Coordinación de Políticas Sociales', country: 'DO' },
  'msdfs-tt': { name: 'Ministry of Social Development and Family Services', country: 'TT' },
  'mhd-bz': {
    name: 'Ministry of Human Development, Families and Indigenous Peoples’ Affairs',
    country: 'BZ',
  },
  worldbank: { name: 'World Bank' },
  idb: { name: 'Inter-American Development Bank' },
  cepal: { name: 'Comisión Económica para América Latina y el Caribe' },
  'oas-sedi': { name: 'OAS Department of Human Development' },
  'unicef-lac': { name: 'UNICEF Latin America and the Caribbean' },
  'wfp-lac': { name: 'World Food Programme, Latin America and the Caribbean' },
  'fao-rlc': { name: 'FAO Regional Office for Latin America and the Caribbean' },
  'ilo-americas': { name: 'ILO Regional Office for the Americas' },
  ophi: { name: 'Oxford Poverty and Human Development Initiative' },
  'undp-lac': { name: 'UNDP Latin America and the Caribbean' },
  'ipc-ig': { name: 'International Policy Centre for Inclusive Growth' },
  cdb: { name: 'Caribbean Development Bank' },
  cgap: { name: 'CGAP' },
  'helpage-lac': { name: 'HelpAge International' },
  ciss: { name: 'Conferencia Interamericana de Seguridad Social' },
  'bdo-network': { name: 'Economic inclusion network' },
  'news-wire': { name: 'Regional Finance Wire' },
};

/** Partner id → name, as the search index takes it. */
export const DEV_PARTNERS: ReadonlyMap<string, string> = new Map(
  Object.entries(PARTNERS).map(([id, p]) => [id, p.name]),
);

const TYPE_OF: Record<Kind, ResourceType> = {
  evaluation: 'document',
  study: 'document',
  report: 'document',
  guide: 'document',
  brief: 'document',
  news: 'news',
  event: 'event',
  video: 'video',
  podcast: 'audio',
};

interface Extra {
  also?: Subject[];
  prog?: string;
  mentions?: string[];
}

interface Entry {
  partner: string;
  language: Language;
  kind: Kind;
  subject: Subject;
  country: string;
  title: string;
  summary: string;
  extra: Extra;
}

const ENTRIES: Entry[] = [];

/** One resource as written: partner, language, kind, main subject, country, title, summary. */
function r(
  partner: string,
  language: Language,
  kind: Kind,
  subject: Subject,
  country: string,
  title: string,
  summary: string,
  extra: Extra = {},
): void {
  ENTRIES.push({ partner, language, kind, subject, country, title, summary, extra });
}

const DAY = 24 * 60 * 60 * 1000;

/** Normalised as ingest would; dates spread over the three years up to DEV_NOW. */
function normalise(entry: Entry, k: number): DevResource {
  const partner = PARTNERS[entry.partner];
  if (!partner) throw new Error(`Unknown partner ${entry.partner}`);
  const tags = tagText([entry.title, entry.summary]);
  const countries = [...new Set([...tags.countries, ...(partner.country ? [partner.country] : [])])];
  const published = new Date(Date.parse(DEV_NOW) - ((k * 211) % 1096) * DAY - ((k * 7) % 24) * 3600 * 1000);
  const id = `dev-${String(k + 1).padStart(3, '0')}`;
  return {
    ...makeResource({
      id,
      partnerId: entry.partner,
      url: `https://${entry.partner}.example.org/${id}`,
      title: entry.title,
      summary: entry.summary,
      firstSeenAt: published.toISOString(),
      language: entry.language,
      type: TYPE_OF[entry.kind],
      topics: tags.topics,
      countries,
      contentHash: `hash-${id}`,
    }),
    sources: [{ feedId: `${entry.partner}-feed`, partnerId: entry.partner }],
    feedId: `${entry.partner}-feed`,
    meta: {
      subject: entry.subject,
      also: entry.extra.also ?? [],
      ...(entry.extra.prog ? { programme: entry.extra.prog } : {}),
      mentions: entry.extra.mentions ?? [],
      country: entry.country,
      kind: entry.kind,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Conditional cash transfers, by programme and in general

r(
  'mds-br',
  'pt',
  'report',
  'cct',
  'BR',
  'Bolsa Família: relatório de acompanhamento das condicionalidades de saúde e educação, 2º semestre de 2025',
  'O relatório apresenta o cumprimento das condicionalidades de frequência escolar, vacinação e pré-natal pelas famílias beneficiárias do Bolsa Família, por estado e município, e as ações de busca ativa das famílias em descumprimento.',
  { prog: 'Bolsa Família', also: ['health', 'education'] },
);
r(
  'mds-br',
  'pt',
  'news',
  'cct',
  'BR',
  'Novo Bolsa Família chega a 20,8 milhões de famílias em março',
  'Em março, o Governo Federal pagou o benefício a 20,8 milhões de famílias. O valor médio foi de R$ 681,09, com o adicional de R$ 150 por criança de até seis anos.',
  { prog: 'Bolsa Família' },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'cct',
  'BR',
  'Twenty years of Bolsa Família: what the evidence says about schooling, health and poverty',
  'A review of impact evaluations of Brazil’s flagship conditional cash transfer since 2003. Effects on school enrolment and progression are robust; effects on child nutrition and on labour supply are smaller than often claimed. The paper discusses what the 2023 redesign changed.',
  { prog: 'Bolsa Família', also: ['education', 'health'] },
);
r(
  'ipc-ig',
  'en',
  'study',
  'cct',
  'BR',
  'Conditionalities in practice: how Brazil follows up families that miss school and health requirements',
  'Based on interviews with municipal social assistance teams, this working paper describes how non-compliance with Bolsa Família conditionalities triggers home visits by CRAS staff rather than immediate benefit cuts.',
  { prog: 'Bolsa Família', also: ['systems'] },
);
r(
  'mds-br',
  'pt',
  'news',
  'cct',
  'BR',
  'Auxílio Brasil: pagamento de dezembro começa nesta segunda-feira',
  'O calendário de pagamento do Auxílio Brasil segue o número final do NIS. O benefício mínimo de R$ 600 está garantido até o fim do ano.',
  { prog: 'Auxílio Brasil' },
);
r(
  'ipc-ig',
  'en',
  'study',
  'cct',
  'BR',
  'From Bolsa Família to Auxílio Brasil and back: benefit design changes in Brazil, 2021–2023',
  'The paper traces how Auxílio Brasil replaced Bolsa Família in 2021, flattened the benefit and weakened conditionality monitoring, and how the 2023 relaunch restored per-child benefits and the follow-up of school and health conditions.',
  { prog: 'Auxílio Brasil', also: ['systems'], mentions: ['Bolsa Família'] },
);
r(
  'worldbank',
  'en',
  'brief',
  'cct',
  'BR',
  'Auxílio Brasil’s flat benefit: who gained and who lost',
  'A short note simulating the distributional effect of Auxílio Brasil’s minimum benefit of R$400 and then R$600 compared with the per-capita design it replaced. Single-person households gained most.',
  { prog: 'Auxílio Brasil', also: ['poverty'] },
);
r(
  'bienestar-mx',
  'es',
  'news',
  'cct',
  'MX',
  'A diez años de Prospera: lecciones del programa que sucedió a Oportunidades',
  'La Secretaría de Bienestar recuerda la trayectoria de Progresa, Oportunidades y Prospera, el programa de transferencias condicionadas que atendió a 6,5 millones de familias antes de ser sustituido por las Becas Benito Juárez.',
  { prog: 'Prospera' },
);
r(
  'idb',
  'es',
  'evaluation',
  'cct',
  'MX',
  'Efectos de largo plazo de Oportunidades: evidencia veinte años después',
  'Con datos de la muestra experimental original de Progresa, el estudio estima efectos de largo plazo en escolaridad, empleo formal y migración de los jóvenes que recibieron transferencias condicionadas en su infancia.',
  { prog: 'Prospera', also: ['education', 'employment'] },
);
r(
  'worldbank',
  'en',
  'study',
  'cct',
  'MX',
  'Prospera’s productive inclusion component: linking cash transfer recipients to jobs and credit',
  'Mexico’s Prospera added productive, labour and financial inclusion services to its conditional transfers in 2014. This case study documents the design and early results of those links.',
  { prog: 'Prospera', also: ['productive-inclusion', 'financial-inclusion'] },
);
r(
  'cepal',
  'es',
  'report',
  'cct',
  'MX',
  'Del Progresa al Prospera: dos décadas de transferencias condicionadas en México',
  'Documento que analiza la evolución institucional del programa Progresa-Oportunidades-Prospera, su cobertura, su presupuesto y los cambios en sus corresponsabilidades de salud y educación.',
  { prog: 'Prospera', also: ['health', 'education'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'cct',
  'PE',
  'Programa Juntos entrega incentivo monetario a 720 mil hogares en situación de pobreza',
  'El Programa Nacional de Apoyo Directo a los Más Pobres, Juntos, realizó el abono del segundo bimestre a 720 mil hogares que cumplieron sus corresponsabilidades en salud y educación.',
  { prog: 'Juntos' },
);
r(
  'midis-pe',
  'es',
  'evaluation',
  'cct',
  'PE',
  'Evaluación de impacto del programa Juntos en la anemia y la desnutrición crónica infantil',
  'La evaluación, encargada por la Dirección General de Seguimiento y Evaluación del MIDIS, estima los efectos de las transferencias de Juntos sobre controles de crecimiento, anemia y desnutrición crónica en niñas y niños menores de tres años.',
  { prog: 'Juntos', also: ['health', 'early-childhood'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'cct',
  'PE',
  'Juntos and school progression in rural Peru: a regression discontinuity evaluation',
  'Using the programme’s poverty-score threshold, the evaluation finds that Juntos raised secondary school enrolment of girls in the rural highlands by four percentage points.',
  { prog: 'Juntos', also: ['education'] },
);
r(
  'midis-pe',
  'es',
  'video',
  'cct',
  'PE',
  'Juntos en la Amazonía: así llegan los gestores locales a las comunidades nativas',
  'Video del programa Juntos que muestra el trabajo de los gestores locales que recorren los ríos de Loreto para verificar corresponsabilidades y acompañar a las familias.',
  { prog: 'Juntos' },
);
r(
  'dps-co',
  'es',
  'news',
  'cct',
  'CO',
  'Familias en Acción inicia el cuarto ciclo de pagos del año',
  'Prosperidad Social informó que más de 2,4 millones de familias recibirán los incentivos de salud y educación de Familias en Acción a través de giro y abono en cuenta.',
  { prog: 'Familias en Acción' },
);
r(
  'dnp-co',
  'es',
  'evaluation',
  'cct',
  'CO',
  'Evaluación de impacto de Familias en Acción: resultados de la tercera medición',
  'El Departamento Nacional de Planeación presenta los resultados de la evaluación del programa Más Familias en Acción sobre asistencia escolar, controles de crecimiento y desarrollo y consumo de los hogares.',
  { prog: 'Familias en Acción', also: ['education', 'health'] },
);
r(
  'worldbank',
  'en',
  'study',
  'cct',
  'CO',
  'Families in Action: how Colombia’s conditional cash transfer moved to Renta Ciudadana',
  'A review of the 2023 reform that folded Familias en Acción into Renta Ciudadana, what happened to its education and health conditions, and the role of the Sisbén IV score in deciding who remains eligible.',
  { prog: 'Familias en Acción', also: ['targeting'], mentions: ['Sisbén'] },
);
r(
  'udape-bo',
  'es',
  'evaluation',
  'cct',
  'BO',
  'Bono Juancito Pinto: evaluación de su efecto en la deserción escolar',
  'El estudio estima que el Bono Juancito Pinto redujo la deserción escolar en el nivel primario, con efectos mayores en el área rural y entre niñas.',
  { prog: 'Bono Juancito Pinto', also: ['education'] },
);
r(
  'udape-bo',
  'es',
  'news',
  'cct',
  'BO',
  'Inicia el pago del Bono Juancito Pinto a 2,3 millones de estudiantes',
  'El Ministerio de Educación informó que el pago del bono de Bs 200 se realizará en las unidades educativas con el apoyo de las Fuerzas Armadas.',
  { prog: 'Bono Juancito Pinto' },
);
r(
  'ipc-ig',
  'en',
  'brief',
  'cct',
  'BO',
  'Bolivia’s Bono Juancito Pinto: a conditional transfer paid at school',
  'One-pager on the design of Bolivia’s school attendance transfer: universal within public schools, conditioned on 80% attendance, financed by hydrocarbon revenues.',
  { prog: 'Bono Juancito Pinto', also: ['education'] },
);
r(
  'mds-py',
  'es',
  'report',
  'cct',
  'PY',
  'Tekoporã: informe de gestión y resultados 2025',
  'El Ministerio de Desarrollo Social presenta la cobertura del programa Tekoporã, las transferencias monetarias con corresponsabilidad y el acompañamiento socio-familiar a 170 mil familias en pobreza extrema.',
  { prog: 'Tekoporã' },
);
r(
  'mds-py',
  'es',
  'news',
  'cct',
  'PY',
  'Tekoporã Mbarete: nueva etapa del programa con acompañamiento comunitario',
  'La nueva etapa de Tekoporã incluye un componente de emprendimiento y fortalece el acompañamiento de las guías familiares en comunidades indígenas del Chaco.',
  { prog: 'Tekoporã', also: ['productive-inclusion'] },
);
r(
  'idb',
  'en',
  'evaluation',
  'cct',
  'PY',
  'The impact of Tekoporã on investment in human capital in Paraguay',
  'Using administrative data and a matched comparison group, the evaluation finds that Paraguay’s conditional cash transfer raised school attendance and health check-ups, with no reduction in adult work.',
  { prog: 'Tekoporã', also: ['education', 'health'] },
);
r(
  'capital-humano-ar',
  'es',
  'news',
  'cct',
  'AR',
  'La Asignación Universal por Hijo aumenta 41% y se duplica la Tarjeta Alimentar',
  'Desde marzo la AUH se actualiza por movilidad y la Prestación Alimentar se duplica para las familias con hijos de hasta 14 años.',
  { prog: 'AUH', mentions: ['Tarjeta Alimentar'] },
);
r(
  'cepal',
  'es',
  'study',
  'cct',
  'AR',
  'La Asignación Universal por Hijo y la condicionalidad educativa: quince años de evidencia',
  'El documento revisa los estudios sobre el efecto de la AUH en la asistencia escolar secundaria y el papel de la libreta de salud y educación en el cobro del 20% retenido.',
  { prog: 'AUH', also: ['education'] },
);
r(
  'unicef-lac',
  'es',
  'report',
  'cct',
  'AR',
  'La AUH y la pobreza infantil en la Argentina',
  'Estimaciones de UNICEF sobre la contribución de la Asignación Universal por Hijo a la reducción de la pobreza y la indigencia de niñas, niños y adolescentes.',
  { prog: 'AUH', also: ['poverty'] },
);
r(
  'mlss-jm',
  'en',
  'news',
  'cct',
  'JM',
  'PATH beneficiaries to receive back-to-school grant',
  'The Ministry of Labour and Social Security says students on the Programme of Advancement Through Health and Education (PATH) will receive a one-off back-to-school payment in August, in addition to their regular bi-monthly benefit.',
  { prog: 'PATH', also: ['education'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'cct',
  'JM',
  'Jamaica’s PATH: an impact evaluation of the conditional cash transfer after two decades',
  'The evaluation uses a regression discontinuity around the eligibility score to estimate PATH’s effects on school attendance, preventive health visits and household consumption.',
  { prog: 'PATH', also: ['education', 'health'] },
);
r(
  'mlss-jm',
  'en',
  'report',
  'cct',
  'JM',
  'PATH annual report: coverage, compliance and the Steps to Work referral',
  'The report gives the number of beneficiaries of the Programme of Advancement Through Health and Education by parish and category, compliance with school attendance conditions, and referrals to the Steps to Work employment programme.',
  { prog: 'PATH', also: ['employment'] },
);
r(
  'cdb',
  'en',
  'video',
  'cct',
  'JM',
  'Conditional cash transfers in the Caribbean: the PATH story',
  'A short documentary on Jamaica’s PATH programme, with beneficiary families in St Catherine and the officers who verify school attendance.',
  { prog: 'PATH' },
);
r(
  'mies-ec',
  'es',
  'news',
  'cct',
  'EC',
  'Bono de Desarrollo Humano sube a 55 dólares para familias con niños',
  'El MIES anunció el incremento del Bono de Desarrollo Humano con componente variable, que ahora reconoce un valor adicional por cada hijo menor de 18 años que asista a la escuela.',
  { prog: 'Bono de Desarrollo Humano' },
);
r(
  'idb',
  'es',
  'evaluation',
  'cct',
  'EC',
  'El Bono de Desarrollo Humano y la acumulación de capital humano en Ecuador',
  'Evaluación de impacto con diseño de regresión discontinua sobre la matrícula escolar, el trabajo infantil y el estado nutricional de los hijos de las madres beneficiarias del Bono de Desarrollo Humano.',
  { prog: 'Bono de Desarrollo Humano', also: ['education'] },
);
r(
  'worldbank',
  'en',
  'study',
  'cct',
  'EC',
  'Ecuador’s Bono de Desarrollo Humano: from unconditional practice to conditional design',
  'The study recounts how Ecuador’s main transfer was for years not enforced as conditional, and what the 2023 reform of its conditions and of the Registro Social score changed.',
  { prog: 'Bono de Desarrollo Humano', also: ['targeting'] },
);
r(
  'fisdl-sv',
  'es',
  'report',
  'cct',
  'SV',
  'Comunidades Solidarias Rurales: informe de resultados del bono de salud y educación',
  'El FISDL presenta los resultados del programa Comunidades Solidarias en los 100 municipios de pobreza extrema severa y alta, con énfasis en la asistencia escolar y los controles de salud materno-infantil.',
  { prog: 'Comunidades Solidarias', also: ['health', 'education'] },
);
r(
  'idb',
  'en',
  'evaluation',
  'cct',
  'SV',
  'Red Solidaria in El Salvador: impact evaluation of a conditional transfer in the poorest municipalities',
  'Using the phased roll-out across municipalities, the evaluation estimates effects of Red Solidaria (later Comunidades Solidarias Rurales) on school enrolment and institutional births.',
  { prog: 'Comunidades Solidarias', also: ['health'] },
);
r(
  'fisdl-sv',
  'es',
  'news',
  'cct',
  'SV',
  'Familias de Morazán reciben bono de Comunidades Solidarias',
  'Más de 4.000 familias de Morazán recibieron los bonos de educación y salud del programa Comunidades Solidarias Rurales.',
  { prog: 'Comunidades Solidarias' },
);
r(
  'mides-gt',
  'es',
  'news',
  'cct',
  'GT',
  'Mi Bono Seguro amplía cobertura a 30 municipios del Corredor Seco',
  'El Ministerio de Desarrollo Social informó que las transferencias monetarias condicionadas de Mi Bono Seguro llegarán a 45 mil nuevas familias con niños en edad escolar.',
  { prog: 'Mi Bono Seguro' },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'cct',
  'GT',
  'Does conditionality matter? Evidence from Guatemala’s Mi Bono Seguro',
  'The evaluation compares families who received the health and education transfers of Mi Bono Seguro with eligible families on the waiting list, and discusses the weak monitoring of conditions in remote municipalities.',
  { prog: 'Mi Bono Seguro', also: ['health', 'education'] },
);
r(
  'mides-gt',
  'es',
  'evaluation',
  'cct',
  'GT',
  'Evaluación de procesos del programa Mi Bono Seguro',
  'Evaluación de procesos sobre la verificación de corresponsabilidades, el registro de beneficiarios y los pagos del programa de transferencias condicionadas de Guatemala.',
  { prog: 'Mi Bono Seguro' },
);
r(
  'sedesol-hn',
  'es',
  'news',
  'cct',
  'HN',
  'Bono Vida Mejor llega a 300 mil hogares en pobreza extrema',
  'La Secretaría de Desarrollo Social realizó el pago del Bono Vida Mejor, transferencia condicionada a la matrícula escolar y a los controles de salud de niñas y niños.',
  { prog: 'Bono Vida Mejor' },
);
r(
  'idb',
  'es',
  'evaluation',
  'cct',
  'HN',
  'Evaluación de impacto del Bono Vida Mejor en Honduras',
  'El estudio experimental estima los efectos del Bono Vida Mejor sobre la matrícula, la asistencia escolar y el uso de servicios de salud en hogares rurales, y compara sus resultados con el antiguo Bono 10.000.',
  { prog: 'Bono Vida Mejor', also: ['education', 'health'] },
);
r(
  'undp-lac',
  'en',
  'study',
  'cct',
  'HN',
  'Honduras’ Bono Vida Mejor and the politics of conditional transfers',
  'A political economy study of how Bono 10,000 became Bono Vida Mejor and how changes of government affected its targeting and its conditions.',
  { prog: 'Bono Vida Mejor', also: ['targeting'] },
);
r(
  'mast-ht',
  'fr',
  'news',
  'cct',
  'HT',
  'Ti Manman Cheri : reprise des paiements aux mères dans l’Artibonite',
  'Le ministère des Affaires sociales annonce la reprise des transferts du programme Ti Manman Cheri, versés aux mères dont les enfants fréquentent l’école primaire.',
  { prog: 'Ti Manman Cheri', also: ['education'] },
);
r(
  'worldbank',
  'en',
  'study',
  'cct',
  'HT',
  'Ti Manman Cheri: lessons from Haiti’s mobile-money conditional transfer to mothers',
  'The case study reviews how Haiti’s Ti Manman Cheri paid mothers through mobile phones on condition of their children’s school attendance, its scale-up to 100,000 mothers and why it stopped in 2016.',
  { prog: 'Ti Manman Cheri', also: ['financial-inclusion', 'education'] },
);
r(
  'undp-lac',
  'fr',
  'report',
  'cct',
  'HT',
  'Ti Manman Cheri et les transferts monétaires conditionnels en Haïti : bilan',
  'Le rapport dresse le bilan du programme Ti Manman Cheri et de ses conditions de scolarisation, et recommande son intégration au système de protection sociale.',
  { prog: 'Ti Manman Cheri' },
);
r(
  'mides-pa',
  'es',
  'news',
  'cct',
  'PA',
  'Red de Oportunidades paga transferencia a 37 mil hogares',
  'El Ministerio de Desarrollo Social inició el pago de la transferencia monetaria condicionada Red de Oportunidades en las comarcas indígenas y provincias de Panamá.',
  { prog: 'Red de Oportunidades' },
);
r(
  'idb',
  'en',
  'study',
  'cct',
  'LAC',
  'Conditional cash transfers in Latin America: a new generation of evidence',
  'This synthesis reviews more than 60 impact evaluations of conditional cash transfers in the region, from Mexico and Brazil to Jamaica and Honduras, on education, health, nutrition and labour supply.',
  { mentions: ['Bolsa Família', 'Prospera', 'PATH', 'Bono Vida Mejor'] },
);
r(
  'cepal',
  'es',
  'report',
  'cct',
  'LAC',
  'Programas de transferencias condicionadas en América Latina y el Caribe: tendencias de cobertura e inversión',
  'La CEPAL actualiza la base de datos de programas de protección social no contributiva: cobertura, gasto y montos de los PTC entre 2000 y 2025.',
  {},
);
r(
  'oas-sedi',
  'en',
  'event',
  'cct',
  'LAC',
  'Webinar: the future of conditional cash transfers in the Americas',
  'The Inter-American Social Protection Network invites ministries to discuss whether conditionalities still make sense, with speakers from Brazil, Peru and Jamaica.',
  { mentions: ['Bolsa Família', 'Juntos', 'PATH'] },
);
r(
  'worldbank',
  'en',
  'guide',
  'cct',
  'LAC',
  'Monitoring co-responsibilities: a practical guide for conditional cash transfer programmes',
  'How to verify school attendance and health check-ups, how to handle non-compliance, and how information systems connect education and health records to CCT payments.',
  {},
);
r(
  'ipc-ig',
  'es',
  'podcast',
  'cct',
  'LAC',
  'Podcast: ¿condicionar o no condicionar las transferencias?',
  'Episodio sobre el debate en torno a las corresponsabilidades de los programas de transferencias monetarias condicionadas, con investigadoras de Brasil y México.',
  {},
);
r(
  'idb',
  'es',
  'brief',
  'cct',
  'LAC',
  'Nota técnica: transferencias monetarias condicionadas y trabajo infantil',
  'Síntesis de la evidencia sobre el efecto de las TMC en el trabajo infantil en la región.',
  { also: ['education'] },
);
r(
  'bdo-network',
  'en',
  'video',
  'cct',
  'LAC',
  'What is a conditional cash transfer? Explainer',
  'An animated explainer on how CCT programmes pay families on condition that children go to school and to health check-ups.',
  {},
);
r(
  'mhd-bz',
  'en',
  'news',
  'cct',
  'BZ',
  'BOOST payments resume for 8,600 households',
  'The Ministry of Human Development confirmed that payments under the Building Opportunities for Our Social Transformation programme, conditional on school attendance and clinic visits, resume this month.',
  { prog: 'BOOST' },
);
r(
  'msdfs-tt',
  'en',
  'news',
  'cct',
  'TT',
  'Targeted Conditional Cash Transfer Programme cards to be replaced',
  'Recipients of the TCCTP food card in Trinidad and Tobago will receive new debit cards; conditions on training attendance remain.',
  { prog: 'TCCTP', also: ['food-security'] },
);

// ---------------------------------------------------------------------------------------------
// Unconditional, emergency and universal transfers: near-misses of conditional ones

r(
  'worldbank',
  'en',
  'study',
  'uct',
  'LAC',
  'Unconditional cash transfers versus conditional designs: what two decades of trials tell us',
  'A meta-analysis comparing unconditional and conditional cash transfers on schooling and health. Conditions add to school enrolment but exclude the poorest households who cannot comply.',
  { also: ['cct'] },
);
r(
  'dps-co',
  'es',
  'news',
  'uct',
  'CO',
  'Ingreso Solidario: último giro para 3 millones de hogares',
  'Prosperidad Social realizó el último pago de Ingreso Solidario, la transferencia monetaria no condicionada creada durante la pandemia, antes de su transición a Renta Ciudadana.',
  { prog: 'Ingreso Solidario' },
);
r(
  'dnp-co',
  'es',
  'evaluation',
  'uct',
  'CO',
  'Evaluación de impacto de Ingreso Solidario en el consumo y la inclusión financiera de los hogares',
  'Con un diseño de regresión discontinua sobre el puntaje del Sisbén, la evaluación estima que Ingreso Solidario aumentó el consumo y la bancarización de hogares vulnerables durante 2020 y 2021.',
  { prog: 'Ingreso Solidario', also: ['financial-inclusion'], mentions: ['Sisbén'] },
);
r(
  'idb',
  'en',
  'study',
  'uct',
  'CO',
  'Ingreso Solidario: how Colombia paid 3 million households in weeks without a new registry',
  'The study describes how Colombia built an emergency unconditional transfer from existing databases, the Sisbén and tax records, and paid it largely into new digital accounts.',
  { prog: 'Ingreso Solidario', also: ['social-registry', 'financial-inclusion'], mentions: ['Sisbén'] },
);
r(
  'dps-co',
  'es',
  'video',
  'uct',
  'CO',
  'Así funciona Ingreso Solidario',
  'Video explicativo sobre cómo consultar si un hogar es beneficiario de Ingreso Solidario y cómo cobrar la transferencia.',
  { prog: 'Ingreso Solidario' },
);
r(
  'mds-br',
  'pt',
  'report',
  'uct',
  'BR',
  'Auxílio Emergencial: balanço de 2020 e 2021',
  'Relatório sobre o Auxílio Emergencial, transferência não condicionada paga a 68 milhões de pessoas durante a pandemia, e sua relação com o Cadastro Único.',
  { mentions: ['Cadastro Único'] },
);
r(
  'cepal',
  'es',
  'report',
  'uct',
  'LAC',
  'Transferencias de emergencia frente al COVID-19 en América Latina y el Caribe',
  'La CEPAL sistematiza las transferencias monetarias de emergencia y en especie que los países adoptaron en 2020 y 2021, su cobertura y su duración.',
  { also: ['shock-responsive'] },
);
r(
  'undp-lac',
  'en',
  'study',
  'uct',
  'LAC',
  'A temporary basic income for Latin America? Costs and options',
  'UNDP estimates the cost of a temporary basic income for people in poverty in 23 countries of the region, as an unconditional transfer.',
  { also: ['poverty'] },
);
r(
  'udape-bo',
  'es',
  'news',
  'uct',
  'BO',
  'Bono Contra el Hambre: pago único de Bs 1.000',
  'El Gobierno pagó el Bono Contra el Hambre, transferencia sin condiciones para personas sin ingresos fijos mayores de 18 años.',
  { also: ['food-security'] },
);
r(
  'bienestar-mx',
  'es',
  'news',
  'uct',
  'MX',
  'Becas Benito Juárez: calendario de pagos del bimestre',
  'La Coordinación Nacional de Becas para el Bienestar informa las fechas de depósito de la beca universal para estudiantes de educación media superior.',
  { prog: 'Becas Benito Juárez', also: ['education'] },
);
r(
  'gabinete-do',
  'es',
  'news',
  'uct',
  'DO',
  'Supérate: bono de emergencia para familias afectadas por las lluvias',
  'El Gabinete de Políticas Sociales dispuso una transferencia extraordinaria para 60 mil familias afectadas por las inundaciones, a través de la tarjeta Supérate.',
  { prog: 'Supérate', also: ['shock-responsive'] },
);
r(
  'ipc-ig',
  'en',
  'podcast',
  'uct',
  'LAC',
  'Podcast: universal child benefits in Latin America',
  'Do universal, unconditional child benefits make sense in middle-income Latin America? A conversation on costs, politics and the Argentine and Uruguayan cases.',
  { also: ['early-childhood'], mentions: ['AUH'] },
);
r(
  'cgap',
  'en',
  'brief',
  'uct',
  'LAC',
  'Emergency cash transfers and digital payments in the pandemic',
  'How governments in Peru, Colombia and Brazil paid emergency unconditional transfers into mobile wallets and basic accounts, and what it did for account ownership.',
  { also: ['financial-inclusion'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'uct',
  'PE',
  'Bono Yanapay: último día para cobrar',
  'El MIDIS recordó que el Bono Yanapay Perú, subsidio monetario sin condiciones de 350 soles, puede cobrarse hasta fin de mes.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Targeting and social registries; "targeting" in other senses

r(
  'worldbank',
  'en',
  'study',
  'targeting',
  'LAC',
  'Proxy means tests in Latin America: how accurate are they?',
  'Using household surveys from eight countries, the paper measures inclusion and exclusion errors of proxy means test formulas used to target social programmes, and how quickly they age.',
  {},
);
r(
  'midis-pe',
  'es',
  'report',
  'targeting',
  'PE',
  'SISFOH: informe sobre la clasificación socioeconómica de hogares 2025',
  'El Sistema de Focalización de Hogares presenta el número de hogares con clasificación socioeconómica vigente, las solicitudes atendidas por las unidades locales de empadronamiento y los cambios en la metodología de cálculo.',
  { prog: 'SISFOH', also: ['social-registry'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'targeting',
  'PE',
  'Municipios reciben capacitación para actualizar la clasificación socioeconómica',
  'El MIDIS capacitó a 400 unidades locales de empadronamiento en el uso del nuevo aplicativo del SISFOH para la focalización de hogares.',
  { prog: 'SISFOH' },
);
r(
  'cepal',
  'es',
  'study',
  'targeting',
  'LAC',
  'Focalización y universalismo en la política social latinoamericana',
  'Documento de trabajo que discute los costos y beneficios de la focalización de los programas sociales frente a enfoques universales, con ejemplos de Chile, México y Uruguay.',
  { also: ['systems'] },
);
r(
  'idb',
  'es',
  'guide',
  'targeting',
  'LAC',
  'Guía para el diseño de instrumentos de focalización de programas sociales',
  'Guía práctica sobre pruebas de medios, pruebas de medios aproximadas, focalización geográfica y comunitaria, y cómo combinar métodos.',
  {},
);
r(
  'dnp-co',
  'es',
  'study',
  'targeting',
  'CO',
  'Errores de inclusión y exclusión en la focalización con Sisbén IV',
  'El estudio cuantifica los errores de focalización del Sisbén IV en los principales programas sociales y propone ajustes a los puntos de corte.',
  { prog: 'Sisbén', also: ['social-registry'] },
);
r(
  'undp-lac',
  'en',
  'brief',
  'targeting',
  'LAC',
  'Targeting in times of crisis: who was left out of emergency programmes?',
  'A policy brief on exclusion errors of targeting methods during COVID-19, and how informal workers not in social registries were reached.',
  { also: ['uct', 'social-registry'] },
);
r(
  'mies-ec',
  'es',
  'news',
  'targeting',
  'EC',
  'Nuevo índice de focalización para el Bono de Desarrollo Humano',
  'El MIES aplicará el índice del Registro Social 2024 para determinar qué familias permanecen en el Bono de Desarrollo Humano.',
  { also: ['social-registry'], mentions: ['Bono de Desarrollo Humano'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'targeting',
  'HN',
  'Community versus proxy means test targeting: an experiment in rural Honduras',
  'A randomized comparison of community-based and proxy means test targeting of a cash transfer programme, on accuracy, cost and villagers’ satisfaction.',
  {},
);
r(
  'oas-sedi',
  'es',
  'event',
  'targeting',
  'LAC',
  'Taller regional: focalización de programas sociales con datos administrativos',
  'La Red Interamericana de Protección Social convoca a un taller en Ciudad de Panamá sobre el uso de datos administrativos y registros sociales para la focalización.',
  { also: ['social-registry'] },
);
r(
  'ipc-ig',
  'en',
  'video',
  'targeting',
  'LAC',
  'Targeting social programmes: an introduction',
  'A recorded lecture on targeting methods: means tests, proxy means tests, categorical and geographic targeting, and self-targeting.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'BR',
  'Brazil’s central bank keeps inflation targeting regime as prices ease',
  'The Central Bank of Brazil held its policy rate and reaffirmed the 3% inflation target, as monthly price rises slowed for the third month.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'other',
  'CL',
  'Banco Central de Chile mantiene su meta de inflación y recorta la tasa',
  'El Banco Central de Chile reafirmó su esquema de metas de inflación al bajar la tasa de política monetaria en 25 puntos básicos.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'MX',
  'Digital ad targeting rules tightened in Mexico',
  'Mexico’s data protection authority issued new rules on how online platforms may use personal data for targeted advertising.',
  {},
);
r(
  'worldbank',
  'en',
  'study',
  'health',
  'LAC',
  'Targeting COVID-19 vaccines to older adults and health workers',
  'An analysis of how countries prioritised vaccine doses by age and occupation in 2021 and the effect on deaths avoided.',
  { also: ['targeting'] },
);
r(
  'mdsf-cl',
  'es',
  'report',
  'social-registry',
  'CL',
  'Registro Social de Hogares: informe de calificación socioeconómica 2025',
  'Informe anual del Registro Social de Hogares: número de hogares, distribución por tramo de calificación socioeconómica y solicitudes de actualización.',
  { prog: 'RSH', also: ['targeting'] },
);
r(
  'mdsf-cl',
  'es',
  'news',
  'social-registry',
  'CL',
  'Nuevas funcionalidades del RSH permiten actualizar datos en línea',
  'El Ministerio de Desarrollo Social y Familia lanzó nuevas funciones del Registro Social de Hogares para actualizar la composición del hogar desde el celular.',
  { prog: 'RSH' },
);
r(
  'worldbank',
  'en',
  'study',
  'social-registry',
  'CL',
  'Chile’s Registro Social de Hogares: an integrated social information system',
  'A case study of how Chile replaced the Ficha de Protección Social with an administrative-data registry, the RSH, linking tax, pension and health records.',
  { prog: 'RSH', also: ['targeting'] },
);
r(
  'cepal',
  'es',
  'study',
  'social-registry',
  'CL',
  'El Registro Social de Hogares de Chile y la calificación socioeconómica',
  'Estudio de caso sobre el funcionamiento del RSH, su cálculo basado en registros administrativos y los reclamos ciudadanos.',
  { prog: 'RSH' },
);
r(
  'dnp-co',
  'es',
  'news',
  'social-registry',
  'CO',
  'Sisbén IV: cómo consultar su grupo y subgrupo',
  'El DNP explica cómo consultar en línea la clasificación del Sisbén IV y qué hacer si la información del hogar no está actualizada.',
  { prog: 'Sisbén' },
);
r(
  'dnp-co',
  'es',
  'report',
  'social-registry',
  'CO',
  'Sisbén IV: informe de implementación y cobertura',
  'El informe presenta el barrido censal del Sisbén IV, la cobertura por municipio y la interoperabilidad con el Registro Social de Hogares de Colombia.',
  { prog: 'Sisbén' },
);
r(
  'worldbank',
  'en',
  'study',
  'social-registry',
  'CO',
  'From Sisbén III to Sisbén IV: rebuilding Colombia’s social registry',
  'How Colombia moved its registry from a quality-of-life index to an income-generation capacity score, verified with administrative records.',
  { prog: 'Sisbén', also: ['targeting'] },
);
r(
  'mds-br',
  'pt',
  'news',
  'social-registry',
  'BR',
  'Cadastro Único passa por revisão cadastral em 2025',
  'O MDS convoca as famílias com cadastro desatualizado há mais de dois anos a procurar o CRAS para atualizar o CadÚnico.',
  { prog: 'CadÚnico' },
);
r(
  'ipc-ig',
  'en',
  'study',
  'social-registry',
  'BR',
  'Brazil’s Cadastro Único: the backbone of social policy',
  'The study explains how the Cadastro Único registers 40 million families and feeds more than 30 federal programmes, from Bolsa Família to the social electricity tariff.',
  { prog: 'CadÚnico', mentions: ['Bolsa Família'] },
);
r(
  'mds-br',
  'pt',
  'guide',
  'social-registry',
  'BR',
  'Manual do entrevistador do Cadastro Único',
  'Guia para os entrevistadores municipais do CadÚnico: formulários, conceitos de família e renda, e procedimentos de averiguação cadastral.',
  { prog: 'CadÚnico' },
);
r(
  'worldbank',
  'en',
  'guide',
  'social-registry',
  'LAC',
  'Sourcebook on social registries and integrated beneficiary registries',
  'A guide to building and maintaining social registries: intake and registration, needs assessment, data sharing and protection, and dynamic updating.',
  { also: ['targeting'] },
);
r(
  'idb',
  'es',
  'report',
  'social-registry',
  'LAC',
  'Registros sociales en América Latina y el Caribe: cobertura y calidad',
  'El informe compara 15 registros sociales de la región, su cobertura de población, la frecuencia de actualización y la interoperabilidad con otros sistemas.',
  { mentions: ['CadÚnico', 'Sisbén', 'RSH'] },
);
r(
  'gabinete-do',
  'es',
  'news',
  'social-registry',
  'DO',
  'SIUBEN inicia nuevo levantamiento de hogares',
  'El Sistema Único de Beneficiarios comenzará en octubre el levantamiento de información socioeconómica de 2,6 millones de hogares.',
  { prog: 'SIUBEN' },
);
r(
  'mlss-jm',
  'en',
  'news',
  'social-registry',
  'JM',
  'Jamaica moves toward a unified social registry',
  'The Ministry says the Beneficiary Management Information System used for PATH will become the basis of a single registry for all social assistance.',
  { mentions: ['PATH'] },
);
r(
  'oas-sedi',
  'en',
  'event',
  'social-registry',
  'LAC',
  'Workshop: interoperable social registries in the Caribbean',
  'A two-day workshop in Barbados on data sharing between social registries, civil registration and tax systems.',
  {},
);
r(
  'ipc-ig',
  'es',
  'podcast',
  'social-registry',
  'LAC',
  'Podcast: ¿qué es un registro social?',
  'Conversación sobre los registros sociales de hogares, la privacidad de los datos y la actualización dinámica.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Graduation and productive inclusion

r(
  'bdo-network',
  'en',
  'evaluation',
  'graduation',
  'PE',
  'Graduation approach in Peru: results from the Haku Wiñay pilot and the CGAP-Ford pilots',
  'Long-term results of graduation programmes that combine asset transfers, training, savings and coaching for the ultra-poor, with evidence from Peru, Colombia and Honduras.',
  { also: ['productive-inclusion'] },
);
r(
  'worldbank',
  'en',
  'study',
  'graduation',
  'LAC',
  'State of economic inclusion in Latin America: scaling graduation programmes through government',
  'The report maps 70 government-led economic inclusion and graduation programmes in the region and the costs of bundling cash, assets and coaching.',
  { also: ['productive-inclusion'] },
);
r(
  'cgap',
  'en',
  'brief',
  'graduation',
  'LAC',
  'Graduation out of extreme poverty: five lessons from the pilots',
  'Brief on the sequence of consumption support, asset transfer, technical training, savings and mentoring in graduation programmes.',
  { also: ['financial-inclusion'] },
);
r(
  'mdsf-cl',
  'es',
  'evaluation',
  'graduation',
  'CL',
  'Evaluación del Programa Puente: apoyo psicosocial para la superación de la pobreza extrema',
  'La evaluación estima los efectos del Programa Puente, componente de Chile Solidario, sobre el acceso de las familias a servicios y sobre su empleo e ingresos.',
  { prog: 'Puente' },
);
r(
  'cepal',
  'es',
  'study',
  'graduation',
  'CL',
  'Puente y el acompañamiento familiar en Chile',
  'Estudio sobre el acompañamiento psicosocial del Programa Puente y su influencia en los programas de acompañamiento de la región.',
  { prog: 'Puente' },
);
r(
  'oas-sedi',
  'en',
  'news',
  'graduation',
  'CL',
  'Caribbean countries adapt Chile’s Puente programme',
  'Through the Inter-American Social Protection Network, Trinidad and Tobago, Jamaica and Saint Lucia adapted the Puente model of psychosocial support to their social services.',
  { prog: 'Puente', also: ['south-south'] },
);
r(
  'mdsf-cl',
  'es',
  'report',
  'graduation',
  'CL',
  'Subsistema Seguridades y Oportunidades: informe de resultados 2025',
  'Resultados del Subsistema Seguridades y Oportunidades (Ingreso Ético Familiar): acompañamiento psicosocial y sociolaboral, transferencias y egreso de las familias de la pobreza extrema.',
  { prog: 'Seguridades y Oportunidades', also: ['cct', 'employment'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'graduation',
  'CL',
  'Chile Seguridades y Oportunidades: an impact evaluation of family and labour coaching',
  'Using administrative data, the evaluation estimates the effect of Chile’s Seguridades y Oportunidades programme on employment and on exits from extreme poverty.',
  { prog: 'Seguridades y Oportunidades', also: ['employment'] },
);
r(
  'mdsf-cl',
  'es',
  'news',
  'graduation',
  'CL',
  'Seguridades y Oportunidades suma 20 mil familias al acompañamiento',
  'El ministerio anunció que el programa Familias del Subsistema Seguridades y Oportunidades incorporará 20 mil nuevas familias este año.',
  { prog: 'Seguridades y Oportunidades' },
);
r(
  'dps-co',
  'es',
  'evaluation',
  'graduation',
  'CO',
  'Evaluación del programa Produciendo por Mi Futuro: graduación de la pobreza extrema',
  'Resultados de la evaluación de un programa de graduación en zonas rurales de Colombia que combina activos productivos, capacitación y ahorro.',
  { also: ['productive-inclusion'] },
);
r(
  'mds-py',
  'es',
  'news',
  'graduation',
  'PY',
  'Familias egresan de la pobreza extrema con el programa Tenonderã',
  'El MDS entregó capital semilla a familias que egresan de Tekoporã e ingresan a Tenonderã, su programa de inclusión económica.',
  { prog: 'Tenonderã', also: ['productive-inclusion'], mentions: ['Tekoporã'] },
);
r(
  'ipc-ig',
  'en',
  'podcast',
  'graduation',
  'LAC',
  'Podcast: does graduation last? Ten years after the pilots',
  'Researchers discuss what happened to ultra-poor households ten years after graduation programmes in Peru and Honduras.',
  {},
);
r(
  'oas-sedi',
  'es',
  'event',
  'graduation',
  'LAC',
  'Seminario web: programas de graduación e inclusión económica',
  'Seminario sobre cómo los gobiernos de la región escalan los programas de graduación y los vinculan con las transferencias.',
  { also: ['cct'] },
);
r(
  'midis-pe',
  'es',
  'evaluation',
  'productive-inclusion',
  'PE',
  'Haku Wiñay: evaluación de impacto en ingresos y seguridad alimentaria rural',
  'FONCODES presenta la evaluación del proyecto Haku Wiñay/Noa Jayatai sobre los ingresos autónomos, los activos productivos y el consumo de alimentos de hogares rurales.',
  { prog: 'Haku Wiñay', also: ['food-security', 'graduation'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'productive-inclusion',
  'PE',
  'Haku Wiñay instala 3.000 cocinas mejoradas y biohuertos en Huancavelica',
  'Familias usuarias de Haku Wiñay recibieron asistencia técnica para sistemas de riego, biohuertos y negocios rurales inclusivos.',
  { prog: 'Haku Wiñay' },
);
r(
  'bienestar-mx',
  'es',
  'news',
  'productive-inclusion',
  'MX',
  'Sembrando Vida entrega apoyos a 440 mil sembradores',
  'El programa Sembrando Vida pagó el apoyo mensual a sembradoras y sembradores que trabajan parcelas agroforestales en 24 estados.',
  { prog: 'Sembrando Vida' },
);
r(
  'fao-rlc',
  'es',
  'study',
  'productive-inclusion',
  'MX',
  'Sembrando Vida: agroforestería, ingresos rurales y deforestación',
  'El estudio analiza los efectos de Sembrando Vida sobre los ingresos de las familias campesinas y la cobertura forestal, con evidencia mixta sobre deforestación.',
  { prog: 'Sembrando Vida', also: ['shock-responsive'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'productive-inclusion',
  'MX',
  'Sembrando Vida and rural livelihoods: an early assessment',
  'An assessment of Mexico’s Sembrando Vida programme, which pays small farmers to plant fruit and timber trees, on income, employment and land use.',
  { prog: 'Sembrando Vida', also: ['employment'] },
);
r(
  'bienestar-mx',
  'es',
  'video',
  'productive-inclusion',
  'MX',
  'Sembrando Vida en Tabasco: historias de sembradores',
  'Video sobre comunidades de aprendizaje campesino del programa Sembrando Vida en Tabasco.',
  { prog: 'Sembrando Vida' },
);
r(
  'fao-rlc',
  'en',
  'report',
  'productive-inclusion',
  'LAC',
  'Productive inclusion of family farmers through social protection',
  'FAO reviews programmes that link cash transfers with technical assistance and market access for family farmers in Latin America.',
  { also: ['cct', 'food-security'] },
);
r(
  'imas-cr',
  'es',
  'news',
  'productive-inclusion',
  'CR',
  'IMAS financia 1.200 emprendimientos de mujeres jefas de hogar',
  'El Instituto Mixto de Ayuda Social otorgó recursos no reembolsables para ideas productivas de mujeres en pobreza.',
  { also: ['gender'] },
);

// ---------------------------------------------------------------------------------------------
// Financial inclusion

r(
  'cgap',
  'en',
  'study',
  'financial-inclusion',
  'LAC',
  'Digital payments of social transfers and women’s financial inclusion',
  'The study reviews how paying social transfers into accounts in women’s names affected account use, savings and women’s decision-making in Latin America.',
  { also: ['gender'] },
);
r(
  'idb',
  'en',
  'evaluation',
  'financial-inclusion',
  'PE',
  'Savings accounts for cash transfer recipients: an experiment in Peru',
  'An evaluation of a programme that trained Juntos recipients in financial education and offered savings accounts, on savings balances and trust in banks.',
  { also: ['cct'], mentions: ['Juntos'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'financial-inclusion',
  'PE',
  'Usuarias de Juntos abren cuentas de ahorro con educación financiera',
  'Más de 80 mil usuarias del programa Juntos participaron en talleres de educación financiera y abrieron cuentas en el Banco de la Nación.',
  { also: ['cct'], mentions: ['Juntos'] },
);
r(
  'worldbank',
  'en',
  'report',
  'financial-inclusion',
  'LAC',
  'Global Findex 2025: account ownership in Latin America and the Caribbean',
  'Regional highlights of the Global Findex: account ownership, digital payments, savings and borrowing in the region, with gaps by gender and income.',
  {},
);
r(
  'cepal',
  'es',
  'study',
  'financial-inclusion',
  'LAC',
  'Inclusión financiera de las mujeres en América Latina: brechas y políticas',
  'Documento sobre las brechas de género en el acceso a cuentas, crédito y seguros, y las políticas públicas para reducirlas.',
  { also: ['gender'] },
);
r(
  'dps-co',
  'es',
  'news',
  'financial-inclusion',
  'CO',
  'Banca de las Oportunidades y Prosperidad Social lanzan ruta de inclusión financiera',
  'La alianza busca que los hogares que reciben transferencias usen cuentas de ahorro y accedan a microcrédito.',
  {},
);
r(
  'cgap',
  'en',
  'guide',
  'financial-inclusion',
  'LAC',
  'Designing government-to-person payments that work for poor people',
  'A guide for social protection agencies on payment mechanisms, choice of provider, fees and consumer protection.',
  { also: ['systems'] },
);
r(
  'idb',
  'es',
  'brief',
  'financial-inclusion',
  'MX',
  'Cuentas digitales y transferencias sociales en México',
  'Nota sobre el uso de la tarjeta del Banco del Bienestar para el pago de programas sociales y las barreras de las personas usuarias.',
  {},
);
r(
  'mds-py',
  'es',
  'news',
  'financial-inclusion',
  'PY',
  'Paraguay: familias de Tekoporã cobrarán en billetera electrónica',
  'El MDS y el Banco Nacional de Fomento habilitan el pago de transferencias por billetera electrónica.',
  { mentions: ['Tekoporã'] },
);
r(
  'oas-sedi',
  'en',
  'event',
  'financial-inclusion',
  'LAC',
  'Webinar: financial inclusion as a social protection tool',
  'Speakers from Peru, Colombia and the Dominican Republic discuss savings groups, digital accounts and microinsurance for poor households.',
  {},
);
r(
  'ipc-ig',
  'pt',
  'podcast',
  'financial-inclusion',
  'BR',
  'Podcast: inclusão financeira das famílias do Bolsa Família',
  'Conversa sobre a Caixa Tem, contas digitais e o acesso ao crédito das famílias beneficiárias.',
  { mentions: ['Bolsa Família'] },
);
r(
  'cgap',
  'en',
  'video',
  'financial-inclusion',
  'HT',
  'Mobile money in Haiti: lessons for financial inclusion',
  'A video on how mobile wallets reached households after the earthquake and what it meant for savings.',
  { also: ['shock-responsive'] },
);
r(
  'news-wire',
  'en',
  'news',
  'financial-inclusion',
  'BR',
  'Pix reaches 160 million users',
  'Brazil’s instant payment system keeps growing, with the poorest households the fastest new adopters.',
  {},
);
r(
  'worldbank',
  'en',
  'evaluation',
  'financial-inclusion',
  'CO',
  'Microinsurance for informal workers: an evaluation in Colombia',
  'A randomized evaluation of offering low-cost life and accident insurance to small-business owners.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Multidimensional poverty and poverty figures

r(
  'ophi',
  'en',
  'report',
  'mpi',
  'LAC',
  'Global Multidimensional Poverty Index 2025: Latin America and the Caribbean',
  'Regional results of the global MPI: deprivations in health, education and living standards, with trends in Bolivia, Haiti, Honduras and Peru.',
  {},
);
r(
  'dnp-co',
  'es',
  'report',
  'mpi',
  'CO',
  'Índice de Pobreza Multidimensional de Colombia 2024',
  'El DANE y el DNP presentan el IPM nacional, por departamento y por zona, y sus 15 indicadores en cinco dimensiones.',
  {},
);
r(
  'dnp-co',
  'es',
  'news',
  'mpi',
  'CO',
  'La pobreza multidimensional en Colombia bajó a 11,5%',
  'Según la medición del IPM, la pobreza multidimensional se redujo en 2024, aunque sigue por encima de 30% en zonas rurales dispersas.',
  {},
);
r(
  'ophi',
  'en',
  'study',
  'mpi',
  'CO',
  'How Colombia uses its MPI to coordinate social policy',
  'A case study of the use of the Colombian Multidimensional Poverty Index to set targets, allocate budgets and monitor Red Unidos.',
  { mentions: ['Red Unidos'] },
);
r(
  'mdsf-cl',
  'es',
  'report',
  'mpi',
  'CL',
  'Pobreza multidimensional en Chile: resultados Casen 2024',
  'Resultados de la medición de pobreza multidimensional con entorno y redes de la encuesta Casen.',
  {},
);
r(
  'cepal',
  'es',
  'guide',
  'mpi',
  'LAC',
  'Guía metodológica para construir índices de pobreza multidimensional',
  'Guía sobre la selección de dimensiones, indicadores, umbrales y ponderaciones para un IPM nacional siguiendo el método Alkire-Foster.',
  {},
);
r(
  'mides-pa',
  'es',
  'news',
  'mpi',
  'PA',
  'Panamá presenta su Índice de Pobreza Multidimensional de Niñas, Niños y Adolescentes',
  'El IPM-NNA identifica privaciones en educación, salud, vivienda y protección de la niñez.',
  { also: ['early-childhood'] },
);
r(
  'ophi',
  'en',
  'video',
  'mpi',
  'LAC',
  'The Alkire-Foster method in ten minutes',
  'A short video explaining how multidimensional poverty indices count deprivations and set the poverty cutoff.',
  {},
);
r(
  'sedesol-hn',
  'es',
  'report',
  'mpi',
  'HN',
  'Honduras: medición oficial de pobreza multidimensional',
  'Informe de la primera medición oficial del IPM de Honduras y su uso para priorizar programas sociales.',
  {},
);
r(
  'undp-lac',
  'en',
  'brief',
  'mpi',
  'LAC',
  'Beyond income: multidimensional poverty in the Caribbean',
  'A brief on national MPIs in the Dominican Republic, Saint Lucia and Belize.',
  {},
);
r(
  'mds-br',
  'pt',
  'study',
  'mpi',
  'BR',
  'Pobreza multidimensional no Brasil: uma proposta de índice',
  'Estudo propõe um índice de pobreza multidimensional para o Brasil a partir da PNAD Contínua.',
  {},
);
r(
  'oas-sedi',
  'es',
  'event',
  'mpi',
  'LAC',
  'Taller: índices de pobreza multidimensional para la política pública',
  'Taller presencial en Ciudad de México sobre el uso de los IPM en la focalización y el presupuesto.',
  { also: ['targeting'] },
);
r(
  'cepal',
  'es',
  'report',
  'poverty',
  'LAC',
  'Panorama Social de América Latina y el Caribe 2025',
  'La CEPAL estima que la pobreza por ingresos bajó a 25,5% en 2024 y la pobreza extrema a 9,8%; la desigualdad se mantiene alta.',
  {},
);
r(
  'worldbank',
  'en',
  'report',
  'poverty',
  'LAC',
  'Poverty and equity brief: Latin America and the Caribbean',
  'Income poverty at the $6.85 a day line fell in most countries in 2024, but remains above pre-pandemic levels in some.',
  {},
);
r(
  'midis-pe',
  'es',
  'news',
  'poverty',
  'PE',
  'INEI: la pobreza monetaria en el Perú fue 27,6% en 2024',
  'El MIDIS comentó las cifras de pobreza monetaria publicadas por el INEI y el papel de los programas sociales.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'poverty',
  'AR',
  'Argentina: la pobreza bajó al 38% en el primer semestre',
  'Según el INDEC, la pobreza por ingresos descendió, aunque la indigencia afecta a uno de cada diez argentinos.',
  {},
);
r(
  'undp-lac',
  'en',
  'study',
  'poverty',
  'LAC',
  'Inequality traps in Latin America: Regional Human Development Report',
  'The report links high inequality and low growth in the region to concentrated power, violence and weak social protection.',
  { also: ['systems'] },
);
r(
  'ipc-ig',
  'en',
  'podcast',
  'poverty',
  'LAC',
  'Podcast: measuring poverty after the pandemic',
  'Statisticians from the region discuss income poverty lines, household surveys and the return to pre-pandemic levels.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Early childhood

r(
  'mdsf-cl',
  'es',
  'report',
  'early-childhood',
  'CL',
  'Chile Crece Contigo: informe de implementación del subsistema de protección integral a la infancia',
  'El informe describe las prestaciones de Chile Crece Contigo desde la gestación hasta los nueve años: control prenatal, visitas domiciliarias, ayudas técnicas y salas de estimulación.',
  { prog: 'Chile Crece Contigo', also: ['health'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'early-childhood',
  'CL',
  'Chile Crece Contigo and child development: evidence from administrative data',
  'The evaluation links birth records and developmental screenings to estimate the effect of Chile’s early childhood system on cognitive and socio-emotional development.',
  { prog: 'Chile Crece Contigo' },
);
r(
  'mdsf-cl',
  'es',
  'news',
  'early-childhood',
  'CL',
  'Chile Crece Contigo cumple 18 años',
  'El subsistema Chile Crece Contigo celebró su aniversario con el lanzamiento de un nuevo programa de apoyo a la crianza.',
  { prog: 'Chile Crece Contigo' },
);
r(
  'unicef-lac',
  'en',
  'video',
  'early-childhood',
  'CL',
  'Chile Crece Contigo: growing up with support',
  'A video on Chile’s integrated early childhood protection system, from prenatal care to preschool.',
  { prog: 'Chile Crece Contigo' },
);
r(
  'mides-uy',
  'es',
  'evaluation',
  'early-childhood',
  'UY',
  'Evaluación de Uruguay Crece Contigo: acompañamiento familiar a embarazadas y niños',
  'La evaluación estima los efectos del acompañamiento familiar de Uruguay Crece Contigo sobre controles de embarazo, anemia y desarrollo infantil.',
  { prog: 'Uruguay Crece Contigo', also: ['health'] },
);
r(
  'mides-uy',
  'es',
  'news',
  'early-childhood',
  'UY',
  'Uruguay Crece Contigo amplía el acompañamiento a 5.000 nuevas familias',
  'El MIDES anunció la ampliación de Uruguay Crece Contigo en los departamentos del norte.',
  { prog: 'Uruguay Crece Contigo' },
);
r(
  'unicef-lac',
  'es',
  'study',
  'early-childhood',
  'UY',
  'Uruguay Crece Contigo: sistematización de una política de primera infancia',
  'Sistematización de la experiencia de Uruguay Crece Contigo y su articulación con el Sistema Nacional Integrado de Cuidados.',
  { prog: 'Uruguay Crece Contigo', also: ['care'] },
);
r(
  'midis-pe',
  'es',
  'evaluation',
  'early-childhood',
  'PE',
  'Cuna Más: evaluación del servicio de acompañamiento a familias',
  'El estudio evalúa el servicio de visitas domiciliarias de Cuna Más en zonas rurales sobre el desarrollo cognitivo y del lenguaje de niñas y niños menores de 36 meses.',
  { prog: 'Cuna Más' },
);
r(
  'midis-pe',
  'es',
  'news',
  'early-childhood',
  'PE',
  'Cuna Más atiende a 190 mil niñas y niños en todo el país',
  'El programa Cuna Más llega a 190 mil niñas y niños en sus servicios de cuidado diurno y acompañamiento a familias.',
  { prog: 'Cuna Más', also: ['care'] },
);
r(
  'dps-co',
  'es',
  'report',
  'early-childhood',
  'CO',
  'De Cero a Siempre: informe de avance de la política de primera infancia',
  'Balance de la política de Estado para el desarrollo integral de la primera infancia De Cero a Siempre y de sus atenciones priorizadas.',
  { prog: 'De Cero a Siempre' },
);
r(
  'idb',
  'en',
  'study',
  'early-childhood',
  'LAC',
  'The early years: child well-being and the role of public policy',
  'The IDB reviews evidence on early childhood interventions in Latin America: parenting programmes, daycare quality, nutrition and cash transfers.',
  { also: ['cct', 'care'] },
);
r(
  'unicef-lac',
  'es',
  'guide',
  'early-childhood',
  'LAC',
  'Guía de programas de crianza para la primera infancia',
  'Orientaciones para diseñar programas de visitas domiciliarias y de apoyo a la crianza en la región.',
  {},
);
r(
  'oas-sedi',
  'en',
  'event',
  'early-childhood',
  'LAC',
  'Regional dialogue on early childhood development policies',
  'Ministries of the Americas meet in Montevideo to exchange experiences on early childhood systems.',
  { also: ['south-south'] },
);
r(
  'mds-br',
  'pt',
  'news',
  'early-childhood',
  'BR',
  'Criança Feliz chega a 1 milhão de crianças acompanhadas',
  'O Programa Criança Feliz realiza visitas domiciliares a gestantes e crianças de até seis anos de famílias do Bolsa Família.',
  { prog: 'Criança Feliz', mentions: ['Bolsa Família'] },
);
r(
  'ipc-ig',
  'pt',
  'study',
  'early-childhood',
  'BR',
  'Primeira infância e proteção social no Brasil',
  'O estudo analisa a articulação entre o Criança Feliz, o Bolsa Família e os serviços de educação infantil.',
  { mentions: ['Bolsa Família'], also: ['cct'] },
);
r(
  'unicef-lac',
  'en',
  'podcast',
  'early-childhood',
  'LAC',
  'Podcast: the first 1,000 days',
  'A conversation on nutrition, stimulation and protection in the first 1,000 days of life.',
  { also: ['food-security'] },
);
r(
  'mhd-bz',
  'en',
  'news',
  'early-childhood',
  'BZ',
  'Belize opens ten new early childhood centres',
  'The new centres in Toledo and Cayo will serve 400 children under five.',
  { also: ['care'] },
);
r(
  'worldbank',
  'en',
  'brief',
  'early-childhood',
  'JM',
  'Early childhood in Jamaica: parenting support and school readiness',
  'A brief on Jamaica’s early childhood commission and its parenting programmes.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Pensions: social (non-contributory) pensions, reforms, and pension fund finance

r(
  'midis-pe',
  'es',
  'news',
  'social-pensions',
  'PE',
  'Pensión 65 entrega subvención a 850 mil adultos mayores',
  'El programa Pensión 65 pagó la subvención bimestral de 250 soles a adultos mayores en situación de pobreza extrema.',
  { prog: 'Pensión 65' },
);
r(
  'midis-pe',
  'es',
  'evaluation',
  'social-pensions',
  'PE',
  'Evaluación de impacto de Pensión 65 en el bienestar de los adultos mayores',
  'La evaluación estima los efectos de la pensión no contributiva Pensión 65 sobre el consumo, la salud mental y el trabajo de los adultos mayores.',
  { prog: 'Pensión 65', also: ['health'] },
);
r(
  'helpage-lac',
  'en',
  'study',
  'social-pensions',
  'PE',
  'Pensión 65: how a social pension reached Peru’s poorest older people',
  'A case study of the design, targeting and growth of Peru’s non-contributory pension.',
  { prog: 'Pensión 65', also: ['targeting'] },
);
r(
  'midis-pe',
  'es',
  'video',
  'social-pensions',
  'PE',
  'Saberes Productivos de Pensión 65',
  'Video sobre la intervención Saberes Productivos que revaloriza los conocimientos de los usuarios de Pensión 65.',
  { prog: 'Pensión 65' },
);
r(
  'dps-co',
  'es',
  'news',
  'social-pensions',
  'CO',
  'Colombia Mayor: nuevo ciclo de pagos para 1,7 millones de personas mayores',
  'Prosperidad Social informó el inicio del pago del subsidio de Colombia Mayor.',
  { prog: 'Colombia Mayor' },
);
r(
  'worldbank',
  'en',
  'study',
  'social-pensions',
  'CO',
  'Colombia Mayor and the pension reform: toward a solidarity pillar',
  'The paper analyses how the 2024 pension reform turns Colombia Mayor into a basic solidarity pension.',
  { prog: 'Colombia Mayor', also: ['pension-reform'] },
);
r(
  'helpage-lac',
  'es',
  'report',
  'social-pensions',
  'CO',
  'Colombia Mayor: cobertura y suficiencia del subsidio',
  'Informe de HelpAge sobre la cobertura de Colombia Mayor y la insuficiencia del monto frente a la línea de pobreza extrema.',
  { prog: 'Colombia Mayor' },
);
r(
  'udape-bo',
  'es',
  'evaluation',
  'social-pensions',
  'BO',
  'Renta Dignidad y el consumo de los hogares bolivianos',
  'El estudio estima el efecto de Renta Dignidad, pensión universal no contributiva para mayores de 60 años, sobre el consumo y el trabajo infantil en los hogares donde vive un beneficiario.',
  { prog: 'Renta Dignidad' },
);
r(
  'udape-bo',
  'es',
  'news',
  'social-pensions',
  'BO',
  'Renta Dignidad: el pago se realiza en 2.400 puntos del país',
  'Las personas adultas mayores pueden cobrar la Renta Dignidad en bancos, cooperativas y puntos móviles.',
  { prog: 'Renta Dignidad' },
);
r(
  'helpage-lac',
  'en',
  'study',
  'social-pensions',
  'BO',
  'Bolivia’s Renta Dignidad: a universal pension financed by hydrocarbons',
  'How Bolivia financed a universal non-contributory pension and what it did for old-age poverty.',
  { prog: 'Renta Dignidad' },
);
r(
  'ipc-ig',
  'en',
  'podcast',
  'social-pensions',
  'BO',
  'Podcast: Renta Dignidad at 17',
  'A conversation about Bolivia’s universal pension, its costs and its role in rural households.',
  { prog: 'Renta Dignidad' },
);
r(
  'mdsf-cl',
  'es',
  'news',
  'social-pensions',
  'CL',
  'Pensión Garantizada Universal sube a 224 mil pesos',
  'La PGU se reajusta para 2,2 millones de personas mayores.',
  { prog: 'PGU' },
);
r(
  'cepal',
  'es',
  'study',
  'social-pensions',
  'LAC',
  'Pensiones no contributivas en América Latina: cobertura y suficiencia',
  'El documento compara las pensiones sociales de 20 países de la región.',
  { mentions: ['Renta Dignidad', 'Pensión 65', 'Colombia Mayor'] },
);
r(
  'helpage-lac',
  'en',
  'guide',
  'social-pensions',
  'LAC',
  'Social pensions toolkit for Latin America and the Caribbean',
  'A practical guide to designing social pensions: eligibility, benefit levels, indexation, payment and costs.',
  {},
);
r(
  'bienestar-mx',
  'es',
  'news',
  'social-pensions',
  'MX',
  'Pensión para el Bienestar de las Personas Adultas Mayores: pagos de noviembre',
  'La Secretaría de Bienestar deposita la pensión universal de las personas mayores de 65 años.',
  { prog: 'Pensión Bienestar' },
);
r(
  'ciss',
  'es',
  'report',
  'pension-reform',
  'LAC',
  'Reformas de pensiones contributivas en América Latina, 2008-2025',
  'Informe sobre las reformas paramétricas y estructurales de los sistemas de pensiones contributivos de la región.',
  { also: ['social-pensions'] },
);
r(
  'news-wire',
  'es',
  'news',
  'pension-reform',
  'CL',
  'Congreso aprueba la reforma previsional chilena',
  'La reforma aumenta la cotización del empleador y crea un seguro social.',
  {},
);
r(
  'ilo-americas',
  'en',
  'study',
  'pension-reform',
  'LAC',
  'Pension coverage of informal workers in Latin America',
  'ILO reviews contributory pension coverage and options to include self-employed and informal workers.',
  { also: ['employment'] },
);
r(
  'news-wire',
  'en',
  'news',
  'pension-funds',
  'CL',
  'Chilean AFPs post 9% real returns on Fund A',
  'Pension fund administrators reported strong returns on equity-heavy funds in the third quarter.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'pension-funds',
  'PE',
  'AFP: fondos de pensiones peruanos invierten más en el exterior',
  'La SBS elevó el límite de inversión en el exterior de los fondos administrados por las AFP.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'pension-funds',
  'MX',
  'Afores registran plusvalías récord en el año',
  'Las administradoras de fondos para el retiro reportaron rendimientos récord por la baja de tasas.',
  {},
);
r(
  'news-wire',
  'pt',
  'news',
  'pension-funds',
  'BR',
  'Fundos de pensão ampliam aplicações em títulos públicos',
  'Os fundos de pensão fechados aumentaram sua exposição a títulos do Tesouro no semestre.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'pension-funds',
  'CO',
  'Colombian pension funds shift assets ahead of reform',
  'Private pension managers moved assets into local bonds as contributions shift to Colpensiones.',
  { also: ['pension-reform'] },
);
r(
  'news-wire',
  'es',
  'news',
  'pension-funds',
  'LAC',
  'Fondos de pensiones latinoamericanos y la inversión en infraestructura',
  'Los fondos de pensiones de la región buscan aumentar su participación en proyectos de infraestructura.',
  {},
);

// ---------------------------------------------------------------------------------------------
// School feeding and food security

r(
  'midis-pe',
  'es',
  'news',
  'school-feeding',
  'PE',
  'Qali Warma atiende a 4 millones de escolares desde el primer día de clases',
  'El Programa Nacional de Alimentación Escolar Qali Warma garantiza desayunos y almuerzos en 64 mil instituciones educativas públicas.',
  { prog: 'Qali Warma' },
);
r(
  'midis-pe',
  'es',
  'evaluation',
  'school-feeding',
  'PE',
  'Evaluación del programa Qali Warma: consumo de alimentos y asistencia escolar',
  'La evaluación analiza la ingesta de energía y hierro de los escolares usuarios de Qali Warma y su relación con la asistencia y la anemia.',
  { prog: 'Qali Warma', also: ['health', 'education'] },
);
r(
  'wfp-lac',
  'en',
  'study',
  'school-feeding',
  'PE',
  'Qali Warma’s community purchasing model: a case study',
  'A case study of how Peru’s school meals programme buys food through community purchasing committees.',
  { prog: 'Qali Warma' },
);
r(
  'midis-pe',
  'es',
  'news',
  'school-feeding',
  'PE',
  'Qali Warma pasa a llamarse Wasi Mikuna',
  'El programa de alimentación escolar fue reestructurado con un nuevo modelo de gestión y supervisión.',
  { prog: 'Qali Warma' },
);
r(
  'mds-br',
  'pt',
  'report',
  'school-feeding',
  'BR',
  'PNAE: compras da agricultura familiar para a alimentação escolar',
  'Relatório sobre o Programa Nacional de Alimentação Escolar e a exigência de 30% de compras da agricultura familiar.',
  { prog: 'PNAE', also: ['productive-inclusion'] },
);
r(
  'wfp-lac',
  'en',
  'report',
  'school-feeding',
  'LAC',
  'State of school feeding in Latin America and the Caribbean 2025',
  'WFP’s regional report on school meal coverage, budgets and links to local agriculture.',
  {},
);
r(
  'wfp-lac',
  'es',
  'guide',
  'school-feeding',
  'LAC',
  'Guía para programas de alimentación escolar con compras locales',
  'Orientaciones para vincular la alimentación escolar con la agricultura familiar.',
  { also: ['productive-inclusion'] },
);
r(
  'mast-ht',
  'fr',
  'news',
  'school-feeding',
  'HT',
  'Programme national de cantines scolaires : 300 000 élèves servis',
  'Le PNCS annonce la distribution de repas chauds dans les écoles du Nord-Est et du Centre.',
  { prog: 'PNCS' },
);
r(
  'wfp-lac',
  'fr',
  'report',
  'school-feeding',
  'HT',
  'Cantines scolaires en Haïti : achats locaux et nutrition',
  'Le rapport présente le modèle de cantines scolaires basé sur les achats locaux et ses effets sur l’assiduité.',
  { prog: 'PNCS' },
);
r(
  'wfp-lac',
  'en',
  'video',
  'school-feeding',
  'GT',
  'School meals in Guatemala’s Dry Corridor',
  'A video on local farmers supplying school meals in Chiquimula.',
  { also: ['food-security'] },
);
r(
  'wfp-lac',
  'en',
  'study',
  'school-feeding',
  'LAC',
  'Geographic targeting of school feeding: lessons from five countries',
  'How countries choose which schools receive meals: poverty maps, malnutrition data and universal coverage.',
  { also: ['targeting'] },
);
r(
  'fao-rlc',
  'es',
  'report',
  'food-security',
  'LAC',
  'Panorama regional de la seguridad alimentaria y la nutrición 2025',
  'El hambre afecta a 41 millones de personas en la región; la inseguridad alimentaria moderada o grave bajó por tercer año.',
  {},
);
r(
  'wfp-lac',
  'en',
  'report',
  'food-security',
  'HT',
  'Haiti: acute food insecurity analysis',
  'Nearly half of Haiti’s population faces acute food insecurity; the analysis covers violence, prices and displacement.',
  { also: ['migration'] },
);
r(
  'mides-gt',
  'es',
  'news',
  'food-security',
  'GT',
  'Gobierno entrega raciones de alimentos en el Corredor Seco',
  'El MIDES y el MAGA distribuyeron raciones de alimentos a familias afectadas por la sequía.',
  { also: ['shock-responsive'] },
);
r(
  'fao-rlc',
  'es',
  'study',
  'food-security',
  'GT',
  'Seguridad alimentaria y transferencias en Guatemala',
  'Estudio sobre la contribución de las transferencias monetarias a la seguridad alimentaria de hogares rurales guatemaltecos.',
  { also: ['cct'] },
);
r(
  'capital-humano-ar',
  'es',
  'news',
  'food-security',
  'AR',
  'Tarjeta Alimentar: nuevos montos',
  'La Prestación Alimentar se actualiza para familias con hijos de hasta 14 años.',
  { prog: 'Tarjeta Alimentar' },
);
r(
  'mds-br',
  'pt',
  'news',
  'food-security',
  'BR',
  'Brasil sai do Mapa da Fome da FAO',
  'O país saiu do Mapa da Fome, segundo o relatório da FAO, graças ao Bolsa Família e às políticas de segurança alimentar.',
  { mentions: ['Bolsa Família'] },
);
r(
  'mds-br',
  'pt',
  'report',
  'food-security',
  'BR',
  'Plano Brasil Sem Fome: relatório de monitoramento',
  'O relatório acompanha as metas do plano de combate à fome e à insegurança alimentar.',
  {},
);
r(
  'gabinete-do',
  'es',
  'news',
  'food-security',
  'DO',
  'Comer es Primero: aumento del monto de la tarjeta',
  'El Gobierno dominicano incrementó el subsidio alimentario Aliméntate.',
  { prog: 'Comer es Primero' },
);
r(
  'fao-rlc',
  'en',
  'podcast',
  'food-security',
  'LAC',
  'Podcast: food prices and hunger in Latin America',
  'An episode on how food inflation affected poor households and what social protection did.',
  {},
);
r(
  'oas-sedi',
  'es',
  'event',
  'food-security',
  'LAC',
  'Foro: seguridad alimentaria y protección social',
  'Foro virtual sobre la articulación entre programas alimentarios y protección social.',
  {},
);
r(
  'cdb',
  'en',
  'brief',
  'food-security',
  'LAC',
  'Food security in the Caribbean: import dependence and prices',
  'A brief on the Caribbean’s food import bill and the 25% by 2025 initiative.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Health, housing, employment and education

r(
  'worldbank',
  'en',
  'study',
  'health',
  'LAC',
  'Universal health coverage in Latin America: gaps for the poorest',
  'The report measures out-of-pocket spending and access to primary health care in the bottom income quintile.',
  {},
);
r(
  'mds-br',
  'pt',
  'news',
  'health',
  'BR',
  'SUS amplia atendimento de saúde da família em áreas rurais',
  'O Sistema Único de Saúde contratou novas equipes de saúde da família.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'health',
  'MX',
  'IMSS-Bienestar amplía cobertura en 23 estados',
  'El sistema de salud para personas sin seguridad social suma nuevos hospitales.',
  {},
);
r(
  'cepal',
  'es',
  'study',
  'health',
  'LAC',
  'Protección social en salud en América Latina',
  'Análisis de los sistemas de salud y su relación con la protección social, con énfasis en la atención primaria.',
  { also: ['systems'] },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'health',
  'HT',
  'Results-based financing of maternal health in Haiti',
  'An evaluation of paying health facilities for prenatal visits and deliveries.',
  {},
);
r(
  'idb',
  'es',
  'brief',
  'health',
  'PY',
  'Atención primaria en Paraguay: Unidades de Salud de la Familia',
  'Nota sobre la expansión de las USF y el acceso de las familias pobres.',
  {},
);
r(
  'unicef-lac',
  'en',
  'news',
  'health',
  'LAC',
  'Anaemia among young children in the Andes remains high',
  'A UNICEF statement on anaemia in Peru, Bolivia and Ecuador, calling for nutrition and health services.',
  { also: ['early-childhood'] },
);
r(
  'worldbank',
  'en',
  'study',
  'housing',
  'LAC',
  'Housing deficits in Latin America: quantitative and qualitative',
  'A regional estimate of housing shortages and of houses lacking water, sanitation and durable materials.',
  {},
);
r(
  'mds-br',
  'pt',
  'news',
  'housing',
  'BR',
  'Minha Casa Minha Vida entrega 2 mil moradias no Nordeste',
  'Famílias do Cadastro Único recebem moradias do programa habitacional.',
  { prog: 'Minha Casa Minha Vida', mentions: ['CadÚnico'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'housing',
  'PE',
  'Techo Propio: nuevo bono familiar habitacional',
  'El Ministerio de Vivienda abrió la convocatoria del bono para vivienda social.',
  { prog: 'Techo Propio' },
);
r(
  'idb',
  'es',
  'study',
  'housing',
  'LAC',
  'Vivienda social y mejoramiento de barrios en América Latina',
  'El estudio revisa programas de vivienda social, subsidios a la demanda y mejoramiento de asentamientos informales.',
  {},
);
r(
  'cepal',
  'es',
  'report',
  'housing',
  'CL',
  'Campamentos en Chile: diagnóstico y políticas habitacionales',
  'Informe sobre el crecimiento de los asentamientos informales y la política de vivienda social.',
  {},
);
r(
  'oas-sedi',
  'en',
  'event',
  'housing',
  'LAC',
  'Webinar: social housing and urban poverty',
  'Experts discuss subsidies for social housing and slum upgrading in the region.',
  {},
);
r(
  'cdb',
  'en',
  'report',
  'housing',
  'JM',
  'Affordable housing in Jamaica and Barbados',
  'A review of public housing programmes and mortgage finance for low-income households.',
  {},
);
r(
  'mhd-bz',
  'en',
  'video',
  'housing',
  'BZ',
  'New homes for families in Belize City',
  'A video on the handover of social housing units to families in Belize City.',
  {},
);
r(
  'ilo-americas',
  'en',
  'study',
  'employment',
  'LAC',
  'Active labour market policies in Latin America: what works for youth',
  'A review of evaluations of job training, wage subsidies and employment services for young people.',
  {},
);
r(
  'bienestar-mx',
  'es',
  'news',
  'employment',
  'MX',
  'Jóvenes Construyendo el Futuro abre nueva convocatoria',
  'Jóvenes de 18 a 29 años que no estudian ni trabajan pueden capacitarse en un centro de trabajo durante 12 meses con una beca.',
  { prog: 'Jóvenes Construyendo el Futuro' },
);
r(
  'cepal',
  'es',
  'evaluation',
  'employment',
  'MX',
  'Evaluación de Jóvenes Construyendo el Futuro: inserción laboral de los egresados',
  'Evaluación de los efectos del programa de aprendices sobre el empleo formal.',
  { prog: 'Jóvenes Construyendo el Futuro' },
);
r(
  'ilo-americas',
  'es',
  'report',
  'employment',
  'LAC',
  'Panorama Laboral 2025 de América Latina y el Caribe',
  'La OIT informa que el desempleo bajó, pero la informalidad afecta a casi la mitad de los trabajadores.',
  {},
);
r(
  'dps-co',
  'es',
  'evaluation',
  'employment',
  'CO',
  'Jóvenes en Acción: evaluación de impacto en empleo formal',
  'Evaluación del programa de formación técnica de jóvenes vulnerables del SENA.',
  { prog: 'Jóvenes en Acción', also: ['education'] },
);
r(
  'mlss-jm',
  'en',
  'news',
  'employment',
  'JM',
  'Steps to Work trains 1,200 PATH family members',
  'The programme provides job readiness training and entrepreneurship support to working-age members of PATH households.',
  { prog: 'Steps to Work', mentions: ['PATH'] },
);
r(
  'idb',
  'en',
  'evaluation',
  'employment',
  'DO',
  'Job training for youth in the Dominican Republic: long-term effects',
  'An evaluation of the Juventud y Empleo training programme ten years on.',
  {},
);
r(
  'msdfs-tt',
  'en',
  'news',
  'employment',
  'TT',
  'On-the-job training programme places 2,000 young people',
  'Trinidad and Tobago’s OJT programme placed graduates with public and private employers.',
  {},
);
r(
  'ilo-americas',
  'en',
  'guide',
  'employment',
  'LAC',
  'Guide to linking cash transfer recipients to employment services',
  'How employment services can reach working-age recipients of cash transfers.',
  { also: ['cct'] },
);
r(
  'ipc-ig',
  'en',
  'video',
  'employment',
  'BR',
  'Pronatec and vocational training in Brazil',
  'A video on Brazil’s national vocational training programme and its enrolment of low-income people.',
  { prog: 'Pronatec' },
);
r(
  'capital-humano-ar',
  'es',
  'news',
  'education',
  'AR',
  'Becas Progresar: abre la inscripción 2026',
  'Estudiantes de 16 a 24 años pueden inscribirse en las becas Progresar para terminar la escuela secundaria o estudiar una carrera.',
  { prog: 'Progresar' },
);
r(
  'cepal',
  'es',
  'study',
  'education',
  'AR',
  'Programa Progresar: becas y trayectorias educativas de jóvenes',
  'Análisis de los efectos de Progresar en la continuidad educativa de jóvenes de hogares de bajos ingresos.',
  { prog: 'Progresar', also: ['employment'] },
);
r(
  'capital-humano-ar',
  'es',
  'report',
  'education',
  'AR',
  'Informe de gestión de las becas Progresar',
  'Cobertura, montos y distribución por provincia de las becas Progresar.',
  { prog: 'Progresar' },
);
r(
  'imas-cr',
  'es',
  'news',
  'education',
  'CR',
  'Avancemos: transferencia para que adolescentes sigan en el colegio',
  'El IMAS pagó las becas Avancemos a 180 mil estudiantes de secundaria.',
  { prog: 'Avancemos', also: ['cct'] },
);
r(
  'unicef-lac',
  'en',
  'report',
  'education',
  'LAC',
  'Learning losses and school dropout after the pandemic',
  'UNICEF reports dropout rates and learning losses among poor children in the region.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Disability and care

r(
  'worldbank',
  'en',
  'study',
  'disability',
  'LAC',
  'Disability inclusion in social protection in Latin America',
  'The study maps disability benefits, assessment systems and the extra costs of disability for households in 15 countries.',
  { also: ['systems'] },
);
r(
  'mides-uy',
  'es',
  'news',
  'disability',
  'UY',
  'Pensión por invalidez: nuevos criterios de evaluación de la discapacidad',
  'El BPS y el MIDES acordaron un baremo único para evaluar la discapacidad.',
  {},
);
r(
  'ilo-americas',
  'en',
  'report',
  'disability',
  'LAC',
  'Disability benefits and employment: a regional review',
  'ILO reviews whether disability benefits allow beneficiaries to work, and employment quotas for persons with disabilities.',
  { also: ['employment'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'disability',
  'PE',
  'Programa Contigo amplía pensión a personas con discapacidad severa',
  'El programa Contigo entrega una pensión no contributiva a personas con discapacidad severa en situación de pobreza.',
  { prog: 'Contigo' },
);
r(
  'midis-pe',
  'es',
  'evaluation',
  'disability',
  'PE',
  'Evaluación del programa Contigo: pensión por discapacidad severa',
  'Evaluación de diseño y resultados de la pensión no contributiva para personas con discapacidad severa.',
  { prog: 'Contigo' },
);
r(
  'unicef-lac',
  'es',
  'guide',
  'disability',
  'LAC',
  'Guía para incluir a niñas y niños con discapacidad en los programas de transferencias',
  'Orientaciones para adaptar los programas de transferencias y sus registros a la niñez con discapacidad.',
  { also: ['cct', 'early-childhood'] },
);
r(
  'mlss-jm',
  'en',
  'news',
  'disability',
  'JM',
  'Jamaica Council for Persons with Disabilities opens grant applications',
  'Persons with disabilities can apply for economic empowerment grants.',
  {},
);
r(
  'oas-sedi',
  'en',
  'video',
  'disability',
  'LAC',
  'Persons with disabilities and social protection: a dialogue',
  'Recording of a panel on disability inclusion in social protection systems of the Americas.',
  {},
);
r(
  'gabinete-do',
  'es',
  'news',
  'disability',
  'DO',
  'Certificación de discapacidad llega a diez nuevas provincias',
  'El CONADIS amplía los centros de valoración de la discapacidad.',
  {},
);
r(
  'mides-uy',
  'es',
  'report',
  'care',
  'UY',
  'Sistema Nacional Integrado de Cuidados: informe anual',
  'El informe presenta los servicios de cuidados para la primera infancia, las personas mayores dependientes y las personas con discapacidad, y la formación de cuidadoras.',
  { prog: 'Sistema de Cuidados UY', also: ['early-childhood', 'disability'] },
);
r(
  'cepal',
  'es',
  'study',
  'care',
  'LAC',
  'Sistemas integrales de cuidados en América Latina: hacia una sociedad del cuidado',
  'El documento analiza los sistemas de cuidados de Uruguay, Costa Rica, Chile y Colombia y su financiamiento.',
  { also: ['gender'] },
);
r(
  'ilo-americas',
  'en',
  'report',
  'care',
  'LAC',
  'Care work and care jobs in the Americas',
  'Estimates of unpaid care work, care jobs and the investment needed for care services.',
  { also: ['gender', 'employment'] },
);
r(
  'imas-cr',
  'es',
  'news',
  'care',
  'CR',
  'Red de Cuido abre 40 nuevos centros infantiles',
  'La Red Nacional de Cuido y Desarrollo Infantil amplía su capacidad para hijos de madres trabajadoras.',
  { prog: 'Red de Cuido', also: ['early-childhood'] },
);
r(
  'mdsf-cl',
  'es',
  'news',
  'care',
  'CL',
  'Chile Cuida: ley del Sistema Nacional de Apoyos y Cuidados',
  'El Congreso aprobó el proyecto que crea el sistema nacional de cuidados.',
  {},
);
r(
  'undp-lac',
  'en',
  'brief',
  'care',
  'LAC',
  'Why care systems matter for gender equality',
  'A brief on how public care systems free women’s time for paid work.',
  { also: ['gender'] },
);
r(
  'oas-sedi',
  'es',
  'event',
  'care',
  'LAC',
  'Conversatorio: sistemas de cuidados en las Américas',
  'Conversatorio virtual con ministerios de Uruguay, Colombia y Panamá sobre la construcción de sistemas de cuidados.',
  {},
);
r(
  'ipc-ig',
  'en',
  'podcast',
  'care',
  'LAC',
  'Podcast: who cares? Building care systems in Latin America',
  'A conversation on the costs and politics of national care systems.',
  {},
);
r(
  'helpage-lac',
  'en',
  'study',
  'care',
  'LAC',
  'Long-term care for older people in Latin America',
  'The study reviews long-term care services for dependent older people and their financing.',
  { also: ['social-pensions'] },
);

// ---------------------------------------------------------------------------------------------
// Climate and shock-responsive social protection

r(
  'worldbank',
  'en',
  'study',
  'shock-responsive',
  'LAC',
  'Adaptive social protection in Latin America and the Caribbean: building resilience to climate shocks',
  'How social protection systems can scale up after hurricanes, droughts and floods: registries, pre-arranged finance and payment systems.',
  { also: ['social-registry'] },
);
r(
  'wfp-lac',
  'en',
  'study',
  'shock-responsive',
  'LAC',
  'Shock-responsive social protection in the Caribbean: synthesis report',
  'Lessons from Dominica, Jamaica and Saint Lucia on using social protection to respond to hurricanes.',
  {},
);
r(
  'wfp-lac',
  'es',
  'report',
  'shock-responsive',
  'GT',
  'Protección social reactiva ante emergencias en Guatemala',
  'El informe analiza cómo los programas sociales guatemaltecos respondieron a las tormentas Eta e Iota.',
  {},
);
r(
  'mlss-jm',
  'en',
  'news',
  'shock-responsive',
  'JM',
  'Hurricane Beryl: PATH households receive emergency top-up',
  'Families on PATH in parishes hit by Hurricane Beryl received an additional payment.',
  { mentions: ['PATH'], also: ['cct'] },
);
r(
  'undp-lac',
  'en',
  'brief',
  'shock-responsive',
  'LAC',
  'Climate change and social protection: a policy brief',
  'How climate change threatens the poor and what adaptive social protection can do.',
  {},
);
r(
  'cepal',
  'es',
  'study',
  'shock-responsive',
  'LAC',
  'Cambio climático y protección social en América Latina',
  'Estudio sobre la vulnerabilidad climática de los hogares pobres y el papel de la protección social en la adaptación.',
  {},
);
r(
  'idb',
  'en',
  'guide',
  'shock-responsive',
  'LAC',
  'Guide to disaster risk financing for social protection',
  'How ministries of finance and social development can pre-arrange funds to scale up transfers after disasters.',
  {},
);
r(
  'oas-sedi',
  'en',
  'event',
  'shock-responsive',
  'LAC',
  'Workshop on shock-responsive social protection, Barbados',
  'A regional workshop for Caribbean ministries on using social registries in emergencies.',
  { also: ['social-registry'] },
);
r(
  'mast-ht',
  'fr',
  'report',
  'shock-responsive',
  'HT',
  'Protection sociale et réponse aux catastrophes en Haïti',
  'Le rapport analyse les transferts d’urgence après le séisme de 2021 et le rôle du SIMAST.',
  { mentions: ['SIMAST'], also: ['uct'] },
);
r(
  'gabinete-do',
  'es',
  'video',
  'shock-responsive',
  'DO',
  'Protección social ante huracanes: la experiencia dominicana',
  'Video sobre el uso del SIUBEN para identificar hogares afectados por huracanes.',
  { also: ['social-registry'] },
);
r(
  'wfp-lac',
  'es',
  'podcast',
  'shock-responsive',
  'LAC',
  'Pódcast: sequías, hambre y protección social adaptativa',
  'Episodio sobre la sequía en el Corredor Seco y las transferencias anticipatorias.',
  { also: ['food-security'] },
);
r(
  'cdb',
  'en',
  'report',
  'shock-responsive',
  'LAC',
  'Building resilience of Caribbean social protection systems',
  'The report assesses the readiness of social protection systems in eight borrowing member countries.',
  {},
);

// ---------------------------------------------------------------------------------------------
// South-South cooperation

r(
  'oas-sedi',
  'en',
  'report',
  'south-south',
  'LAC',
  'South-South cooperation in social protection: ten years of the Inter-American Social Protection Network',
  'The report reviews cooperation activities between ministries of the Americas, from Chile’s Puente in the Caribbean to Colombia’s Red Unidos in Central America.',
  { mentions: ['Puente'] },
);
r(
  'oas-sedi',
  'es',
  'news',
  'south-south',
  'LAC',
  'Cooperación Sur-Sur: Paraguay y Perú intercambian experiencias en focalización',
  'Técnicos del MDS de Paraguay visitaron el MIDIS para conocer el SISFOH.',
  { also: ['targeting'], mentions: ['SISFOH'] },
);
r(
  'ipc-ig',
  'en',
  'study',
  'south-south',
  'BR',
  'Brazil’s South-South cooperation on social protection in Africa and Latin America',
  'How Brazil shared its social protection experience, from the Cadastro Único to school feeding.',
  { also: ['social-registry', 'school-feeding'] },
);
r(
  'oas-sedi',
  'en',
  'event',
  'south-south',
  'LAC',
  'Caribbean workshop: matching supply and demand for cooperation',
  'A workshop in Saint Lucia turned 15 experiences into 32 potential cooperation activities between social development ministries.',
  {},
);
r(
  'undp-lac',
  'es',
  'report',
  'south-south',
  'LAC',
  'Cooperación Sur-Sur y triangular en desarrollo social',
  'Informe sobre iniciativas de cooperación sur-sur y triangular en América Latina.',
  {},
);
r(
  'mdsf-cl',
  'es',
  'news',
  'south-south',
  'CL',
  'Chile comparte el Registro Social de Hogares con Honduras',
  'Una misión técnica chilena apoya al gobierno hondureño en el diseño de su registro social.',
  { also: ['social-registry'], mentions: ['RSH'] },
);
r(
  'mides-gt',
  'es',
  'news',
  'south-south',
  'GT',
  'Guatemala y México firman acuerdo de cooperación en desarrollo social',
  'El acuerdo prevé intercambios técnicos sobre programas de transferencias y primera infancia.',
  {},
);
r(
  'oas-sedi',
  'es',
  'video',
  'south-south',
  'LAC',
  'Video: la Red Interamericana de Protección Social y la cooperación horizontal',
  'Testimonios de ministerios sobre las pasantías y misiones de cooperación entre países.',
  {},
);
r(
  'oas-sedi',
  'pt',
  'news',
  'south-south',
  'BR',
  'Cooperação Sul-Sul: Brasil recebe delegação do Caribe',
  'Delegações da Jamaica e de Trinidad e Tobago visitaram o MDS para conhecer o Cadastro Único.',
  { also: ['social-registry'] },
);
r(
  'ipc-ig',
  'en',
  'podcast',
  'south-south',
  'LAC',
  'Podcast: peer learning between social ministries',
  'How ministries learn from one another through study visits and twinning.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Social protection in general: systems, strategies, budgets (the domain's everyday words)

r(
  'worldbank',
  'en',
  'report',
  'systems',
  'LAC',
  'The state of social protection in Latin America and the Caribbean 2025',
  'Coverage, spending and adequacy of social protection programmes across the region, and what it will take to protect the poor and vulnerable from the next crisis.',
  {},
);
r(
  'cepal',
  'es',
  'report',
  'systems',
  'LAC',
  'Protección social universal en América Latina y el Caribe: textos seleccionados',
  'Compilación de la CEPAL sobre sistemas de protección social, pobreza, desigualdad y políticas sociales en la región.',
  { also: ['poverty'] },
);
r(
  'ilo-americas',
  'en',
  'report',
  'systems',
  'LAC',
  'World Social Protection Report 2024-26: regional companion for the Americas',
  'Half of the population of the Americas is covered by at least one social protection benefit; gaps remain for informal workers and children.',
  {},
);
r(
  'mlss-jm',
  'en',
  'report',
  'systems',
  'JM',
  'Jamaica Social Protection Strategy: progress report',
  'The progress report on Jamaica’s social protection strategy covers social assistance, social insurance and labour market programmes, with PATH at its core.',
  { mentions: ['PATH'] },
);
r(
  'mlss-jm',
  'en',
  'news',
  'systems',
  'JM',
  'Minister outlines social protection priorities for the fiscal year',
  'The Minister of Labour and Social Security told Parliament that spending on social protection programmes will rise, with new support for older persons and persons with disabilities.',
  { also: ['social-pensions', 'disability'] },
);
r(
  'worldbank',
  'en',
  'study',
  'systems',
  'JM',
  'Jamaica social protection review: coverage, adequacy and efficiency',
  'A public expenditure review of Jamaica’s social protection programmes, from PATH to the National Insurance Scheme.',
  { mentions: ['PATH'] },
);
r(
  'cdb',
  'en',
  'event',
  'systems',
  'JM',
  'Kingston forum on social protection in the Caribbean',
  'The Caribbean Development Bank hosts ministries in Kingston to discuss financing social protection.',
  {},
);
r(
  'mast-ht',
  'fr',
  'report',
  'systems',
  'HT',
  'Politique nationale de protection et de promotion sociales : plan de mise en œuvre',
  'Le plan présente les programmes de protection sociale prioritaires du ministère des Affaires sociales et du Travail et le rôle du SIMAST.',
  { mentions: ['SIMAST'] },
);
r(
  'mast-ht',
  'fr',
  'news',
  'systems',
  'HT',
  'Le MAST présente sa stratégie de protection sociale aux partenaires',
  'Le ministère a réuni les bailleurs pour présenter les priorités de la protection sociale en Haïti.',
  {},
);
r(
  'worldbank',
  'en',
  'study',
  'systems',
  'HT',
  'Haiti social protection and jobs: a diagnostic',
  'The diagnostic finds social assistance in Haiti fragmented into small, donor-funded programmes, and proposes building a national registry.',
  { also: ['social-registry'] },
);
r(
  'undp-lac',
  'es',
  'brief',
  'systems',
  'HT',
  'Haití: protección social en contexto de crisis',
  'Nota sobre los programas de protección social en Haití en medio de la violencia y el desplazamiento.',
  { also: ['migration'] },
);
r(
  'midis-pe',
  'es',
  'news',
  'systems',
  'PE',
  'MIDIS presenta la Política Nacional de Desarrollo e Inclusión Social al 2030',
  'La política articula los programas sociales del MIDIS en torno al ciclo de vida y la reducción de la pobreza.',
  {},
);
r(
  'midis-pe',
  'es',
  'report',
  'systems',
  'PE',
  'Gasto en programas sociales del Perú 2020-2025',
  'El informe analiza la evolución del presupuesto de los programas sociales y su cobertura.',
  {},
);
r(
  'bienestar-mx',
  'es',
  'news',
  'systems',
  'MX',
  'Programas para el Bienestar llegan a 32 millones de personas',
  'La Secretaría de Bienestar informó la cobertura de los programas sociales en 2026.',
  {},
);
r(
  'cepal',
  'es',
  'study',
  'systems',
  'MX',
  'El sistema de protección social de México tras la desaparición de Prospera',
  'Análisis del giro hacia programas universales y de la cobertura de los hogares en pobreza.',
  { mentions: ['Prospera'] },
);
r(
  'mds-br',
  'pt',
  'report',
  'systems',
  'BR',
  'Sistema Único de Assistência Social: censo SUAS 2025',
  'O Censo SUAS apresenta a rede de CRAS e CREAS e os serviços socioassistenciais em todos os municípios.',
  {},
);
r(
  'dps-co',
  'es',
  'news',
  'systems',
  'CO',
  'Prosperidad Social presenta su plan de acción para la superación de la pobreza',
  'El plan articula los programas de transferencias, inclusión productiva e infraestructura social.',
  {},
);
r(
  'mides-uy',
  'es',
  'report',
  'systems',
  'UY',
  'Uruguay: matriz de protección social 2025',
  'El MIDES presenta la matriz de prestaciones sociales por ciclo de vida.',
  {},
);
r(
  'mides-pa',
  'es',
  'news',
  'systems',
  'PA',
  'Panamá fortalece su sistema de protección social',
  'El MIDES y el BID firman un préstamo para modernizar los programas sociales.',
  {},
);
r(
  'sedesol-hn',
  'es',
  'news',
  'systems',
  'HN',
  'Honduras aprueba nueva Ley de Protección Social',
  'La ley establece el marco del sistema de protección social y de sus pisos.',
  {},
);
r(
  'mhd-bz',
  'en',
  'news',
  'systems',
  'BZ',
  'Belize launches National Social Protection Policy',
  'The policy sets out a social protection floor for Belizeans across the life cycle.',
  {},
);
r(
  'msdfs-tt',
  'en',
  'report',
  'systems',
  'TT',
  'Trinidad and Tobago social sector investment programme',
  'The report reviews the government’s social programmes and their budgets.',
  {},
);
r(
  'msdfs-tt',
  'en',
  'news',
  'systems',
  'TT',
  'Ministry launches social protection reform consultations',
  'Public consultations on reforming social assistance grants will run through March.',
  {},
);
r(
  'oas-sedi',
  'en',
  'news',
  'systems',
  'LAC',
  'Inter-American Social Protection Network welcomes new ministers',
  'The network met new ministers of social development from six countries.',
  {},
);
r(
  'oas-sedi',
  'es',
  'event',
  'systems',
  'LAC',
  'Reunión de ministros y altas autoridades de desarrollo social',
  'La OEA convoca la reunión ministerial sobre desarrollo social y protección social.',
  {},
);
r(
  'oas-sedi',
  'en',
  'podcast',
  'systems',
  'LAC',
  'Podcast: social protection in the Americas, episode 1',
  'An introduction to social protection programmes and policy in the region.',
  {},
);
r(
  'idb',
  'es',
  'video',
  'systems',
  'LAC',
  '¿Qué es la protección social?',
  'Video breve que explica la protección social, la asistencia social y el seguro social.',
  {},
);
r(
  'idb',
  'en',
  'study',
  'systems',
  'LAC',
  'Digital transformation of social protection in Latin America',
  'How ministries digitalise registration, payments and case management.',
  { also: ['social-registry', 'financial-inclusion'] },
);
r(
  'gabinete-do',
  'es',
  'report',
  'systems',
  'DO',
  'República Dominicana: informe del sistema de protección social',
  'Informe anual de los programas sociales coordinados por el Gabinete.',
  {},
);
r(
  'mies-ec',
  'es',
  'news',
  'systems',
  'EC',
  'MIES presenta el plan de protección social 2026',
  'El plan incluye bonos, servicios de cuidado y atención a personas con discapacidad.',
  {},
);
r(
  'imas-cr',
  'es',
  'report',
  'systems',
  'CR',
  'Costa Rica: informe de programas sociales selectivos',
  'Informe del IMAS sobre la cobertura de los programas sociales selectivos.',
  {},
);

// ---------------------------------------------------------------------------------------------
// Gender, migration and what lies outside social protection

r(
  'undp-lac',
  'en',
  'report',
  'gender',
  'LAC',
  'Gender gaps in social protection in Latin America',
  'Women are less covered by pensions and more by non-contributory programmes.',
  { also: ['systems'] },
);
r(
  'cepal',
  'es',
  'study',
  'gender',
  'LAC',
  'Autonomía económica de las mujeres y programas sociales',
  'Análisis de los efectos de los programas de transferencias en la autonomía de las mujeres.',
  { also: ['cct'] },
);
r(
  'mides-pa',
  'es',
  'news',
  'gender',
  'PA',
  'Panamá lanza programa contra la violencia de género',
  'El programa acompaña a mujeres sobrevivientes de violencia.',
  {},
);
r(
  'undp-lac',
  'en',
  'study',
  'migration',
  'LAC',
  'Venezuelan migrants and access to social protection',
  'A study of migrants’ access to social protection in Colombia, Peru, Ecuador and Chile.',
  { also: ['systems'] },
);
r(
  'dps-co',
  'es',
  'news',
  'migration',
  'CO',
  'Migrantes venezolanos con PPT podrán inscribirse en el Sisbén',
  'Los migrantes con Permiso por Protección Temporal pueden acceder a programas sociales.',
  { mentions: ['Sisbén'], also: ['social-registry'] },
);
r(
  'wfp-lac',
  'en',
  'news',
  'migration',
  'LAC',
  'Assistance to migrants in transit through the Darien',
  'WFP provides food assistance to migrants crossing Panama.',
  { also: ['food-security'] },
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'LAC',
  'Copa América ticket sales break records',
  'Organisers reported record ticket sales for the tournament.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'other',
  'CO',
  'Colombia: exportaciones de café crecen 12%',
  'Las exportaciones de café aumentaron por los altos precios internacionales.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'PE',
  'Peru mining output rises',
  'Copper output rose in the third quarter.',
  {},
);
r(
  'news-wire',
  'es',
  'news',
  'other',
  'AR',
  'Programa de televisión sobre cocina regional gana premio',
  'El programa de televisión fue premiado en un festival.',
  {},
);

// ---------------------------------------------------------------------------------------------
// More of what English-language partners and the press publish, with the words' other senses

r(
  'news-wire',
  'en',
  'news',
  'cct',
  'PE',
  'Peru’s Juntos programme turns 20',
  'Peru’s conditional cash transfer, which pays mothers in poor rural districts if their children attend school and health check-ups, marked two decades with 700,000 households enrolled.',
  { prog: 'Juntos' },
);
r(
  'idb',
  'en',
  'video',
  'cct',
  'PE',
  'Juntos: conditional cash transfers in the Peruvian Andes',
  'A short film following a mother in Ayacucho through the health and school requirements of the Juntos programme.',
  { prog: 'Juntos' },
);
r(
  'news-wire',
  'en',
  'news',
  'cct',
  'BR',
  'Brazil relaunches Bolsa Família with child bonus',
  'President Lula relaunched the cash transfer programme with an extra payment per young child and stricter checks on school attendance and vaccination.',
  { prog: 'Bolsa Família' },
);
r(
  'worldbank',
  'en',
  'podcast',
  'cct',
  'BR',
  'Podcast: what the world learned from Bolsa Família',
  'Two researchers discuss the history and global influence of Brazil’s conditional cash transfer.',
  { prog: 'Bolsa Família' },
);
r(
  'news-wire',
  'en',
  'news',
  'cct',
  'MX',
  'Mexico ends Prospera, shifts to universal scholarships',
  'The government closed the conditional cash transfer programme that began as Progresa in 1997 and moved funds to Becas Benito Juárez.',
  { prog: 'Prospera', mentions: ['Becas Benito Juárez'] },
);
r(
  'idb',
  'en',
  'report',
  'cct',
  'CO',
  'Más Familias en Acción: operational review',
  'A review of payment, verification and grievance processes of Colombia’s conditional cash transfer.',
  { prog: 'Familias en Acción' },
);
r(
  'news-wire',
  'en',
  'news',
  'cct',
  'EC',
  'Ecuador raises its human development grant',
  'Ecuador’s Bono de Desarrollo Humano will pay more to families with children, the government said.',
  { prog: 'Bono de Desarrollo Humano' },
);
r(
  'unicef-lac',
  'en',
  'brief',
  'cct',
  'PY',
  'Tekoporã and child poverty in Paraguay',
  'A UNICEF brief on how Paraguay’s cash transfer reaches indigenous children and what is missing.',
  { prog: 'Tekoporã' },
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'LAC',
  'Banks offer conditional approval on small business loans',
  'Regional banks are speeding up conditional approval of credit lines for small firms.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'migration',
  'LAC',
  'Remittances: cross-border cash transfers to Central America hit record',
  'Money sent home by migrants in the United States to Guatemala, Honduras and El Salvador rose 8% this year.',
  {},
);
r(
  'worldbank',
  'en',
  'study',
  'uct',
  'LAC',
  'Universal basic income experiments: what Latin America can learn',
  'The paper reviews basic income pilots and the fiscal cost of unconditional transfers to every adult.',
  {},
);
r(
  'cdb',
  'en',
  'news',
  'uct',
  'LC',
  'Saint Lucia pays emergency cash grant after storm',
  'Households affected by the storm received a one-off unconditional cash grant from the Ministry of Equity.',
  { also: ['shock-responsive'] },
);
r(
  'worldbank',
  'en',
  'brief',
  'targeting',
  'PE',
  'Peru’s household targeting system at 20: coverage and accuracy',
  'A brief on how the SISFOH classification is used by more than 30 programmes and how accurate it is.',
  { prog: 'SISFOH' },
);
r(
  'worldbank',
  'en',
  'evaluation',
  'targeting',
  'JM',
  'Evaluating PATH’s beneficiary identification formula',
  'The evaluation tests the accuracy of the scoring formula that decides eligibility for Jamaica’s cash transfer.',
  { also: ['cct'], mentions: ['PATH'] },
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'US',
  'Retailers bet on AI for customer targeting',
  'Retail chains are using artificial intelligence to target promotions at shoppers.',
  {},
);
r(
  'ipc-ig',
  'en',
  'brief',
  'social-registry',
  'BR',
  'CadÚnico in numbers',
  'Key figures of Brazil’s single registry for social programmes: families, income bands and programmes served.',
  { prog: 'CadÚnico' },
);
r(
  'unicef-lac',
  'en',
  'news',
  'other',
  'LAC',
  'Birth registration gaps persist for indigenous children',
  'Civil registries still miss many births in remote areas, UNICEF says.',
  {},
);
r(
  'ilo-americas',
  'en',
  'news',
  'employment',
  'JM',
  'Graduation ceremony for 500 HEART trainees',
  'Five hundred young people graduated from vocational training courses in Kingston.',
  {},
);
r(
  'unicef-lac',
  'en',
  'report',
  'education',
  'LAC',
  'High school graduation rates in Latin America',
  'Upper secondary completion has risen, but one in three young people does not graduate.',
  {},
);
r(
  'bdo-network',
  'en',
  'news',
  'graduation',
  'PY',
  'Paraguay to scale up graduation programme nationwide',
  'Following pilots with Fundación Paraguaya, the government will extend the graduation approach to 20,000 families.',
  { also: ['productive-inclusion'] },
);
r(
  'bdo-network',
  'en',
  'guide',
  'graduation',
  'LAC',
  'Graduation approach handbook for governments',
  'Step-by-step guidance on targeting, asset transfer, coaching and exit in government-run graduation programmes.',
  { also: ['targeting'] },
);
r(
  'cgap',
  'en',
  'study',
  'financial-inclusion',
  'MX',
  'Banco del Bienestar and the last mile of social payments',
  'A study of branch expansion and cash-out points for beneficiaries of Mexico’s social programmes.',
  {},
);
r(
  'idb',
  'en',
  'news',
  'financial-inclusion',
  'JM',
  'Jamaica to pay social benefits into digital wallets',
  'The government says PATH and other benefits can be received in mobile wallets from next year.',
  { mentions: ['PATH'] },
);
r(
  'ophi',
  'en',
  'news',
  'mpi',
  'HN',
  'Honduras adopts official multidimensional poverty measure',
  'The government will publish its MPI every year alongside income poverty figures.',
  {},
);
r(
  'undp-lac',
  'en',
  'report',
  'mpi',
  'DO',
  'Dominican Republic multidimensional poverty index report',
  'The national MPI shows deprivations in housing, education and employment across provinces.',
  {},
);
r(
  'ophi',
  'en',
  'study',
  'mpi',
  'MX',
  'Mexico’s multidimensional poverty measurement under CONEVAL',
  'A review of Mexico’s pioneering legal mandate to measure poverty multidimensionally.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'other',
  'LAC',
  'Housing prices climb in Bogotá and Lima',
  'Property prices rose faster than incomes in the region’s capitals.',
  {},
);
r(
  'unicef-lac',
  'en',
  'study',
  'early-childhood',
  'LAC',
  'Early childhood development index: results for Latin America',
  'Results of the early childhood development index from household surveys in 10 countries.',
  {},
);
r(
  'idb',
  'en',
  'evaluation',
  'early-childhood',
  'CO',
  'Home visiting and child development in Colombia',
  'A randomized evaluation of a home visiting programme for children under three in Colombian towns.',
  {},
);
r(
  'helpage-lac',
  'en',
  'news',
  'social-pensions',
  'MX',
  'Mexico’s universal pension lowers the eligibility age to 65',
  'The pension for older persons reaches 12 million people.',
  { prog: 'Pensión Bienestar' },
);
r(
  'worldbank',
  'en',
  'brief',
  'social-pensions',
  'LAC',
  'Non-contributory pensions: fiscal cost and coverage',
  'A brief on the cost and coverage of social pensions across the region.',
  {},
);
r(
  'ciss',
  'en',
  'news',
  'pension-reform',
  'MX',
  'Mexico’s pension reform: first results',
  'Higher employer contributions take effect as the reform enters its fourth year.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'pension-funds',
  'PE',
  'Peru approves eighth pension fund withdrawal',
  'Congress approved another withdrawal from private pension accounts, worrying fund managers.',
  {},
);
r(
  'wfp-lac',
  'en',
  'news',
  'school-feeding',
  'HT',
  'School meals resume in Haiti’s Grand Sud',
  'WFP and the government resumed hot meals for 100,000 children.',
  { prog: 'PNCS' },
);
r(
  'wfp-lac',
  'en',
  'evaluation',
  'school-feeding',
  'HN',
  'Evaluation of the national school meals programme in Honduras',
  'The evaluation measures effects on attendance and local farmers’ income.',
  { also: ['productive-inclusion'] },
);
r(
  'fao-rlc',
  'en',
  'study',
  'food-security',
  'LAC',
  'Cash transfers and food security: a regional review',
  'How cash transfer programmes affect food consumption and diet quality in Latin America.',
  { also: ['cct'] },
);
r(
  'wfp-lac',
  'en',
  'news',
  'food-security',
  'HN',
  'Drought threatens food security in Honduras',
  'Farmers in the Dry Corridor lost much of their first harvest.',
  { also: ['shock-responsive'] },
);
r(
  'worldbank',
  'en',
  'brief',
  'food-security',
  'LAC',
  'Food security update: Latin America and the Caribbean',
  'Food price inflation has eased but remains high in several Caribbean countries.',
  {},
);
r(
  'news-wire',
  'en',
  'news',
  'health',
  'BR',
  'Brazil expands primary health care in the Amazon',
  'New river clinics will serve remote communities.',
  {},
);
r(
  'idb',
  'en',
  'study',
  'health',
  'LAC',
  'Health care for older adults: long waits and high costs',
  'A study of access to health care and out-of-pocket costs among older people.',
  {},
);
r(
  'worldbank',
  'en',
  'report',
  'health',
  'JM',
  'Jamaica health system review',
  'A review of Jamaica’s public health system and of user fee removal.',
  {},
);
r(
  'cdb',
  'en',
  'news',
  'housing',
  'TT',
  'New housing units for low-income families in Trinidad',
  'The Housing Development Corporation handed over 300 homes.',
  {},
);
r(
  'worldbank',
  'en',
  'evaluation',
  'housing',
  'MX',
  'Housing subsidies and household welfare in Mexico',
  'An evaluation of housing subsidies for low-income families.',
  {},
);
r(
  'ilo-americas',
  'en',
  'evaluation',
  'employment',
  'PE',
  'Youth employment programme in Peru: evaluation',
  'An evaluation of Jóvenes Productivos training on employment and earnings.',
  {},
);
r(
  'ilo-americas',
  'en',
  'podcast',
  'employment',
  'LAC',
  'Podcast: informal work and job training',
  'A conversation on training programmes for informal workers.',
  {},
);
r(
  'worldbank',
  'en',
  'news',
  'employment',
  'HT',
  'Cash for work in Haiti’s southern departments',
  'Temporary employment in road rehabilitation for 10,000 people.',
  { also: ['shock-responsive'] },
);
r(
  'unicef-lac',
  'en',
  'study',
  'disability',
  'LAC',
  'Children with disabilities and cash transfers',
  'How cash transfer programmes in the region include children with disabilities.',
  { also: ['cct'] },
);
r(
  'ipc-ig',
  'en',
  'brief',
  'disability',
  'BR',
  'Brazil’s Continuous Cash Benefit for persons with disabilities',
  'A brief on the BPC, a non-contributory benefit for older persons and persons with disabilities.',
  { also: ['social-pensions'] },
);
r(
  'mlss-jm',
  'en',
  'event',
  'disability',
  'JM',
  'Disability awareness week in Kingston',
  'Events across Kingston raise awareness of the rights of persons with disabilities.',
  {},
);
r(
  'idb',
  'en',
  'study',
  'care',
  'CR',
  'Costa Rica’s care network: costs and coverage',
  'The study costs an expansion of the Red de Cuido to all poor children.',
  { prog: 'Red de Cuido', also: ['early-childhood'] },
);
r(
  'mides-uy',
  'en',
  'brief',
  'care',
  'UY',
  'Uruguay’s National Integrated Care System in brief',
  'An English summary of Uruguay’s care system for children, older persons and persons with disabilities.',
  { prog: 'Sistema de Cuidados UY' },
);
r(
  'news-wire',
  'en',
  'news',
  'health',
  'US',
  'Health care costs rise for US employers',
  'Employer health plans will cost 7% more next year.',
  {},
);
r(
  'worldbank',
  'en',
  'evaluation',
  'shock-responsive',
  'DM',
  'Dominica after Hurricane Maria: evaluating the emergency cash transfer',
  'The evaluation of cash transfers to households affected by Hurricane Maria through the public assistance programme.',
  { also: ['uct'] },
);
r(
  'undp-lac',
  'en',
  'study',
  'shock-responsive',
  'LAC',
  'Climate risk and the poor in the Caribbean',
  'How climate shocks push households into poverty and what social protection can do.',
  { also: ['poverty'] },
);
r(
  'oas-sedi',
  'en',
  'video',
  'shock-responsive',
  'LAC',
  'Recording: adaptive social protection webinar',
  'Recording of the network’s webinar on social protection and climate change.',
  {},
);
r(
  'oas-sedi',
  'en',
  'news',
  'south-south',
  'JM',
  'Jamaica shares PATH experience with Eastern Caribbean states',
  'Officers from Jamaica trained colleagues from Grenada and Saint Vincent in cash transfer management.',
  { mentions: ['PATH'], also: ['cct'] },
);
r(
  'oas-sedi',
  'en',
  'study',
  'south-south',
  'LAC',
  'Measuring the results of South-South cooperation in social development',
  'A framework to evaluate technical exchanges between ministries.',
  {},
);
r(
  'ipc-ig',
  'en',
  'video',
  'south-south',
  'BR',
  'South-South learning on school feeding',
  'A video on Brazil’s exchanges with Latin American countries on school meals.',
  { also: ['school-feeding'] },
);
r(
  'mlss-jm',
  'en',
  'podcast',
  'systems',
  'JM',
  'Podcast: social protection in Jamaica',
  'The permanent secretary talks about social assistance, pensions and the labour market.',
  {},
);
r(
  'cdb',
  'en',
  'study',
  'systems',
  'LAC',
  'Social protection in the Caribbean: a review of programmes',
  'A review of social assistance and social insurance programmes in CDB borrowing countries.',
  {},
);
r(
  'worldbank',
  'en',
  'guide',
  'systems',
  'LAC',
  'Delivery systems for social protection: a sourcebook',
  'The sourcebook covers outreach, intake, registration, eligibility, enrolment, payments and grievance redress.',
  { also: ['social-registry'] },
);
r(
  'news-wire',
  'en',
  'news',
  'systems',
  'AR',
  'Argentina cuts social programmes budget',
  'The government cut spending on social programmes while raising child allowances.',
  { mentions: ['AUH'] },
);
r(
  'mhd-bz',
  'en',
  'report',
  'cct',
  'BZ',
  'BOOST programme review',
  'Review of Belize’s conditional cash transfer for families with children, older persons and persons with disabilities.',
  { prog: 'BOOST' },
);
r(
  'undp-lac',
  'en',
  'news',
  'gender',
  'LAC',
  'Women lead social protection ministries in eight countries',
  'A look at women heading social development ministries in the region.',
  {},
);
r(
  'ilo-americas',
  'en',
  'study',
  'migration',
  'LAC',
  'Migrant workers and social security agreements',
  'A study of social security coverage for migrant workers in the Americas.',
  { also: ['pension-reform'] },
);

/** The development library, in the order written (ids dev-001 onward). */
export function devLibrary(): DevResource[] {
  return ENTRIES.map(normalise);
}
