/**
 * The domain's everyday words, with their translations in the region's four languages. Search asks
 * whether a word is weak (most of the library has it, so it discriminates nothing) by its document
 * frequency; a bilingual library splits a domain word across languages ("protection" in most
 * English resources, "protección" in a minority of Spanish ones, which say "programas sociales"
 * or "red de apoyo" instead), so a word is also weak when a translation of it is. These groups say
 * which words are translations of each other; whether one is weak is always measured, never listed.
 */
export const DOMAIN_WORD_TRANSLATIONS: readonly (readonly string[])[] = [
  ['protection', 'protección', 'proteção'],
  ['social', 'sociales', 'sociais', 'sociale'],
  ['programme', 'program', 'programa'],
  ['poverty', 'pobreza', 'pauvreté'],
  ['policy', 'policies', 'política', 'políticas', 'politique'],
  ['development', 'desarrollo', 'desenvolvimento', 'développement'],
  ['inclusion', 'inclusión', 'inclusão'],
  ['assistance', 'asistencia', 'assistência'],
  ['government', 'gobierno', 'governo', 'gouvernement'],
  ['ministry', 'ministerio', 'ministério', 'ministère'],
  ['country', 'countries', 'país', 'países', 'pays'],
  ['family', 'families', 'familia', 'familias', 'família', 'famílias', 'famille'],
  ['household', 'households', 'hogar', 'hogares', 'domicílio', 'ménage'],
  ['region', 'regional', 'región', 'região', 'région'],
  ['public', 'público', 'pública', 'públicos', 'públicas', 'publique'],
  ['report', 'informe', 'relatório', 'rapport'],
  ['system', 'systems', 'sistema', 'sistemas', 'système'],
];
