/**
 * The domain's everyday words that the taxonomy's topics and countries do not cover, with their
 * translations in the region's languages (English, Spanish, Portuguese, French; a form shared by
 * two languages is written once). Search reads them two ways:
 * - a word typed is also looked for as its translations, so "financial inclusion women" finds
 *   "mujeres" as it finds "women" (`vocabulary.ts`, `wordTranslations`);
 * - a word is weak (most of the library has it) when one of its translations is: a bilingual
 *   library splits a domain word across languages ("protection" in most English resources,
 *   "protección" in a minority of Spanish ones, which say "programas sociales" instead). Whether a
 *   word is weak is always measured, never listed.
 * Only words with one sense here: "rural" is rural in every language; "policy" is not "póliza".
 */
export const DOMAIN_WORD_TRANSLATIONS: readonly (readonly string[])[] = [
  ['protection', 'protección', 'proteção'],
  ['social', 'sociales', 'sociais', 'sociale'],
  ['programme', 'program', 'programa', 'programas'],
  ['poverty', 'pobreza', 'pauvreté'],
  ['policy', 'policies', 'política', 'políticas', 'politique'],
  ['development', 'desarrollo', 'desenvolvimento', 'développement'],
  ['inclusion', 'inclusión', 'inclusão'],
  ['assistance', 'asistencia', 'assistência'],
  ['government', 'gobierno', 'governo', 'gouvernement'],
  ['ministry', 'ministerio', 'ministério', 'ministère'],
  ['country', 'countries', 'país', 'países', 'pays'],
  ['family', 'families', 'familia', 'familias', 'família', 'famílias', 'famille', 'familles'],
  ['household', 'households', 'hogar', 'hogares', 'domicílio', 'ménage', 'ménages'],
  ['region', 'regional', 'región', 'região', 'région'],
  ['public', 'público', 'pública', 'publique'],
  ['report', 'informe', 'relatório', 'rapport'],
  ['system', 'systems', 'sistema', 'sistemas', 'système'],
  ['women', 'woman', 'mujeres', 'mujer', 'mulheres', 'mulher', 'femmes'],
  ['men', 'hombres', 'homens', 'hommes'],
  ['girls', 'niñas', 'meninas', 'filles'],
  ['mothers', 'mother', 'madres', 'madre', 'mães', 'mère', 'mères'],
  ['rural', 'rurales', 'rurais'],
  ['urban', 'urbano', 'urbana', 'urbanos', 'urbanas', 'urbain', 'urbaine'],
  ['evaluation', 'evaluations', 'evaluación', 'evaluaciones', 'avaliação', 'évaluation'],
  ['impact', 'impacts', 'impacto', 'impactos'],
  ['payments', 'payment', 'pagos', 'pago', 'pagamentos', 'pagamento', 'paiements'],
  ['digital', 'digitales', 'digitais', 'numérique'],
  ['savings', 'ahorro', 'ahorros', 'poupança', 'épargne'],
  ['accounts', 'account', 'cuentas', 'cuenta', 'contas', 'comptes'],
  ['school', 'schools', 'escuela', 'escuelas', 'escolar', 'escola', 'escolas', 'école'],
  ['workers', 'worker', 'trabajadores', 'trabajadoras', 'trabalhadores', 'travailleurs'],
  ['informal', 'informales', 'informais', 'informel', 'informelle'],
  ['income', 'ingreso', 'ingresos', 'renda', 'revenu'],
  ['emergency', 'emergencia', 'emergência', 'urgence'],
  ['disaster', 'disasters', 'desastre', 'desastres', 'catastrophe'],
  ['climate', 'clima', 'climat'],
  ['migrants', 'migrant', 'migrantes', 'migrante'],
  ['recipients', 'beneficiaries', 'beneficiarios', 'beneficiarias', 'beneficiários', 'bénéficiaires'],
  ['coverage', 'cobertura', 'couverture'],
  ['design', 'diseño', 'desenho', 'conception'],
  ['lessons', 'lecciones', 'lições', 'leçons'],
  ['experience', 'experiences', 'experiencia', 'experiencias', 'experiência', 'expérience'],
  ['reform', 'reforma', 'réforme'],
  ['workshop', 'workshops', 'taller', 'talleres', 'atelier'],
  ['guide', 'guía', 'guia'],
  ['anaemia', 'anemia', 'anémie'],
  ['adults', 'adultos', 'adultes'],
  ['elderly', 'ancianos', 'idosos', 'aînés'],
  ['caregivers', 'cuidadoras', 'cuidadores', 'aidants'],
];
