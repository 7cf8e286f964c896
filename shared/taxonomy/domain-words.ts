/**
 * The domain's everyday words that the taxonomy's topics and countries do not cover, with their
 * translations in the region's languages (forms separated by spaces). Search reads them two ways:
 * - a word typed is also looked for as its translations, so "financial inclusion women" finds
 *   "mujeres" as it finds "women" (`wordTranslations` in search's vocabulary);
 * - a word is weak (most of the library has it) when one of its translations is: a bilingual
 *   library splits a domain word across languages ("protection" in most English resources,
 *   "protección" in a minority of Spanish ones, which say "programas sociales" instead). Whether a
 *   word is weak is measured, except for the `core` words any text of the domain may say
 *   ("poverty", "programme", "government"): "poverty country:HT" lists Haiti's resources, those
 *   that say it first, in a library where few happen to say it.
 * Only words with one sense here ("policy" is not "póliza"; "oficina" is a Portuguese workshop but
 * a Spanish office), each form stemmed in its own language; none whose stem is another word's in
 * the same language (Spanish stems "informe", a report, as "información": not listed).
 */
/**
 * The network's own domain, named as a phrase: every resource of a social protection portal is
 * within it, whether its text says so or not. A query's words forming one of these are weak however
 * few resources say them: "social protection country:JM" lists Jamaica's resources, those that say
 * it first, not only the ones whose summary happens to use the phrase. The words alone are measured
 * as any others ("protection" in "child protection" is not this phrase).
 */
export const DOMAIN_PHRASES: readonly string[] = [
  'social protection',
  'protección social',
  'proteção social',
  'protection sociale',
];

export interface DomainWord {
  en: string;
  es: string;
  pt?: string;
  fr?: string;
  /**
   * Said by any text of the portal's domain, whatever it is about ("poverty", "programme",
   * "government"): weak in a query however few resources of a library happen to say it.
   */
  core?: true;
}

export const DOMAIN_WORDS: readonly DomainWord[] = [
  { en: 'protection', es: 'protección', pt: 'proteção', fr: 'protection' },
  { en: 'social', es: 'social sociales', pt: 'social sociais', fr: 'social sociale', core: true },
  {
    en: 'programme programmes program programs',
    es: 'programa programas',
    pt: 'programa',
    fr: 'programme',
    core: true,
  },
  { en: 'poverty', es: 'pobreza', pt: 'pobreza', fr: 'pauvreté', core: true },
  { en: 'policy policies', es: 'política políticas', pt: 'política', fr: 'politique', core: true },
  { en: 'development', es: 'desarrollo', pt: 'desenvolvimento', fr: 'développement' },
  { en: 'inclusion', es: 'inclusión', pt: 'inclusão', fr: 'inclusion' },
  { en: 'assistance', es: 'asistencia', pt: 'assistência', fr: 'assistance' },
  { en: 'government', es: 'gobierno', pt: 'governo', fr: 'gouvernement', core: true },
  { en: 'ministry', es: 'ministerio', pt: 'ministério', fr: 'ministère', core: true },
  { en: 'country countries', es: 'país países', pt: 'país países', fr: 'pays', core: true },
  {
    en: 'family families',
    es: 'familia familias',
    pt: 'família famílias',
    fr: 'famille familles',
    core: true,
  },
  {
    en: 'household households',
    es: 'hogar hogares',
    pt: 'domicílio domicílios',
    fr: 'ménage ménages',
    core: true,
  },
  { en: 'region regional', es: 'región regional', pt: 'região regional', fr: 'région régional' },
  { en: 'public', es: 'público pública', pt: 'público pública', fr: 'public publique', core: true },
  { en: 'system systems', es: 'sistema sistemas', pt: 'sistema sistemas', fr: 'système' },
  { en: 'women woman', es: 'mujeres mujer', pt: 'mulheres mulher', fr: 'femmes femme' },
  { en: 'men', es: 'hombres', pt: 'homens', fr: 'hommes' },
  { en: 'mothers mother', es: 'madres madre', pt: 'mães mãe', fr: 'mères mère' },
  { en: 'children child', es: 'niños niño niñas', pt: 'crianças criança', fr: 'enfants enfant' },
  { en: 'students student', es: 'estudiantes alumnos', pt: 'alunos estudantes', fr: 'élèves étudiants' },
  { en: 'teachers', es: 'docentes maestros', pt: 'professores', fr: 'enseignants' },
  { en: 'pregnant', es: 'embarazadas', pt: 'gestantes', fr: 'enceintes' },
  { en: 'babies', es: 'bebés', pt: 'bebês', fr: 'nourrissons' },
  { en: 'adults', es: 'adultos', pt: 'adultos', fr: 'adultes' },
  { en: 'elderly', es: 'ancianos', pt: 'idosos', fr: 'aînés' },
  { en: 'caregivers', es: 'cuidadoras cuidadores', pt: 'cuidadoras cuidadores', fr: 'aidants' },
  { en: 'rural', es: 'rural rurales', pt: 'rural rurais', fr: 'rural rurale' },
  { en: 'urban', es: 'urbano urbana urbanos urbanas', pt: 'urbano urbana', fr: 'urbain urbaine' },
  { en: 'evaluation evaluations', es: 'evaluación evaluaciones', pt: 'avaliação', fr: 'évaluation' },
  { en: 'impact impacts', es: 'impacto impactos', pt: 'impacto', fr: 'impact' },
  { en: 'results', es: 'resultados', pt: 'resultados', fr: 'résultats' },
  { en: 'effects effect', es: 'efectos', pt: 'efeitos', fr: 'effets' },
  { en: 'payments payment', es: 'pagos pago', pt: 'pagamentos pagamento', fr: 'paiements' },
  { en: 'digital', es: 'digital digitales', pt: 'digital digitais', fr: 'numérique' },
  { en: 'savings', es: 'ahorro ahorros', pt: 'poupança', fr: 'épargne' },
  { en: 'accounts account', es: 'cuentas cuenta', pt: 'contas conta', fr: 'comptes' },
  { en: 'school schools', es: 'escuela escuelas escolar', pt: 'escola escolas escolar', fr: 'école' },
  { en: 'dropout', es: 'deserción', pt: 'evasão', fr: 'décrochage' },
  { en: 'enrolment enrollment', es: 'matrícula', pt: 'matrícula', fr: 'inscription' },
  { en: 'workers worker', es: 'trabajadores trabajadoras', pt: 'trabalhadores', fr: 'travailleurs' },
  { en: 'informal', es: 'informal informales', pt: 'informal informais', fr: 'informel informelle' },
  { en: 'jobs', es: 'empleos', pt: 'empregos', fr: 'emplois' },
  { en: 'unemployment', es: 'desempleo', pt: 'desemprego', fr: 'chômage' },
  { en: 'wages', es: 'salarios', pt: 'salários', fr: 'salaires' },
  { en: 'skills', es: 'habilidades competencias', pt: 'competências', fr: 'compétences' },
  {
    en: 'entrepreneurship',
    es: 'emprendimiento emprendimientos',
    pt: 'empreendedorismo',
    fr: 'entrepreneuriat',
  },
  { en: 'income', es: 'ingreso ingresos', pt: 'renda', fr: 'revenu' },
  { en: 'retirement', es: 'jubilación', pt: 'aposentadoria', fr: 'retraite' },
  { en: 'contributions', es: 'contribuciones aportes', pt: 'contribuições', fr: 'cotisations' },
  { en: 'benefits', es: 'prestaciones beneficios', pt: 'benefícios', fr: 'prestations' },
  { en: 'subsidy subsidies', es: 'subsidio subsidios', pt: 'subsídio subsídios', fr: 'subvention' },
  {
    en: 'recipients beneficiaries',
    es: 'beneficiarios beneficiarias',
    pt: 'beneficiários',
    fr: 'bénéficiaires',
  },
  { en: 'coverage', es: 'cobertura', pt: 'cobertura', fr: 'couverture' },
  { en: 'access', es: 'acceso', pt: 'acesso', fr: 'accès' },
  { en: 'quality', es: 'calidad', pt: 'qualidade', fr: 'qualité' },
  { en: 'services', es: 'servicios', pt: 'serviços', fr: 'services' },
  { en: 'design', es: 'diseño', pt: 'desenho', fr: 'conception' },
  { en: 'lessons', es: 'lecciones', pt: 'lições', fr: 'leçons' },
  { en: 'experience experiences', es: 'experiencia experiencias', pt: 'experiência', fr: 'expérience' },
  { en: 'reform', es: 'reforma', pt: 'reforma', fr: 'réforme' },
  { en: 'workshop workshops', es: 'taller talleres', fr: 'atelier' },
  { en: 'guide', es: 'guía', pt: 'guia', fr: 'guide' },
  { en: 'indicators indicator', es: 'indicadores indicador', pt: 'indicadores', fr: 'indicateurs' },
  { en: 'measurement', es: 'medición', pt: 'medição', fr: 'mesure' },
  { en: 'data', es: 'datos', pt: 'dados', fr: 'données' },
  { en: 'census', es: 'censo', pt: 'censo', fr: 'recensement' },
  { en: 'survey surveys', es: 'encuesta encuestas', pt: 'pesquisa', fr: 'enquête' },
  { en: 'budget', es: 'presupuesto', pt: 'orçamento', fr: 'budget' },
  { en: 'financing', es: 'financiamiento', pt: 'financiamento', fr: 'financement' },
  { en: 'cost costs', es: 'costo costos', pt: 'custo custos', fr: 'coût' },
  { en: 'emergency', es: 'emergencia', pt: 'emergência', fr: 'urgence' },
  { en: 'disaster disasters', es: 'desastre desastres', pt: 'desastre desastres', fr: 'catastrophe' },
  { en: 'climate', es: 'clima', pt: 'clima', fr: 'climat' },
  { en: 'pandemic', es: 'pandemia', pt: 'pandemia', fr: 'pandémie' },
  { en: 'crisis', es: 'crisis', pt: 'crise', fr: 'crise' },
  { en: 'migrants migrant', es: 'migrantes migrante', pt: 'migrantes', fr: 'migrants' },
  { en: 'violence', es: 'violencia', pt: 'violência', fr: 'violence' },
  { en: 'community communities', es: 'comunidad comunidades', pt: 'comunidade', fr: 'communauté' },
  { en: 'municipalities municipal', es: 'municipios municipal', pt: 'municípios', fr: 'municipal' },
  { en: 'water', es: 'agua', pt: 'água', fr: 'eau' },
  { en: 'hunger', es: 'hambre', pt: 'fome', fr: 'faim' },
  { en: 'housing', es: 'vivienda viviendas', pt: 'moradia habitação', fr: 'logement' },
  { en: 'anaemia anemia', es: 'anemia', pt: 'anemia', fr: 'anémie' },
  { en: 'expansion', es: 'ampliación expansión', pt: 'ampliação expansão', fr: 'expansion' },
  { en: 'launch', es: 'lanzamiento', pt: 'lançamento', fr: 'lancement' },
];
