import type { ResourceFilter } from '#shared/filters/filter.js';
import type { FilterField } from '#shared/filters/values.js';

/**
 * The filter language by example: what members type after `search`, `latest`, `follow` and
 * `subscribe` (and in the pages' fields), and the one canonical filter each phrasing means. This
 * table is the fixture of phrasings.test.ts, which runs every row through search, `latest`, a
 * follow (then an announcement run) and a digest subscription (then a digest run), and checks that
 * the four find the same resources; the refusals at the end must be refused everywhere, with help.
 *
 * Partners resolve against `PHRASING_PARTNERS`: by id, by name, by the words of a name, by a unique
 * start of one, or by one close spelling.
 */

export const PHRASING_PARTNERS: ReadonlyMap<string, string> = new Map([
  ['midis-pe', 'Ministerio de Desarrollo e Inclusión Social'],
  ['mides-uy', 'Ministerio de Desarrollo Social'],
  ['iaspn-oas', 'Inter-American Social Protection Network'],
  ['cepal', 'Comisión Económica para América Latina y el Caribe'],
  ['unicef-lac', 'UNICEF Latin America and the Caribbean'],
  ['worldbank', 'World Bank'],
]);

export interface Phrasing {
  /** What the member types after the command word. */
  text: string;
  /** The member's language: picks the command words (`follow` / `seguir`) and the replies'. */
  lang: 'en' | 'es';
  /** What it means, as stored in a follow or a subscription. */
  filter: ResourceFilter;
  /** True when the test library holds nothing it matches (the test checks it finds nothing). */
  none?: true;
  /**
   * Dates (`since:`, `before:`) narrow a search or `latest` only: a follow or a digest brings what is
   * new, whatever its date, so `follow` and `subscribe` refuse the phrasing, name the date keys and
   * store nothing.
   */
  searchOnly?: true;
}

const CCT = 'conditional-cash-transfers';

export const PHRASINGS: readonly Phrasing[] = [
  // Topics: id, slug of a synonym, acronyms in both languages, names with and without accents.
  { text: 'topic:conditional-cash-transfers', lang: 'en', filter: { topics: [CCT] } },
  { text: 'topic:cash-transfers', lang: 'en', filter: { topics: [CCT] } },
  { text: 'topic:CCT', lang: 'en', filter: { topics: [CCT] } },
  { text: 'tema:PTC', lang: 'es', filter: { topics: [CCT] } },
  { text: 'tema:"transferencias condicionadas"', lang: 'es', filter: { topics: [CCT] } },
  { text: 'tema:"primera infancia"', lang: 'es', filter: { topics: ['early-childhood'] } },
  { text: 'tema:primera-infancia', lang: 'es', filter: { topics: ['early-childhood'] } },
  { text: 'topic:"Early Childhood"', lang: 'en', filter: { topics: ['early-childhood'] } },
  { text: 'topic:MPI', lang: 'en', filter: { topics: ['multidimensional-poverty'] } },
  { text: 'tema:IPM', lang: 'es', filter: { topics: ['multidimensional-poverty'] } },
  { text: 'tema:pobreza-multidimensional', lang: 'es', filter: { topics: ['multidimensional-poverty'] } },
  { text: 'tema:registros-sociales', lang: 'es', filter: { topics: ['social-registries'] } },
  { text: 'topic:"social registries"', lang: 'en', filter: { topics: ['social-registries'] } },
  { text: 'tema:focalización', lang: 'es', filter: { topics: ['targeting'] } },
  { text: 'tema:focalizacion', lang: 'es', filter: { topics: ['targeting'] } },
  { text: 'tema:cuidados', lang: 'es', filter: { topics: ['care-systems'] } },
  { text: 'tema:nutrición', lang: 'es', filter: { topics: ['food-nutrition'] } },
  // Several values with commas: alternatives.
  { text: 'tema:salud,educacion', lang: 'es', filter: { topics: ['education', 'health'] } },
  { text: 'topic:MPI,targeting', lang: 'en', filter: { topics: ['multidimensional-poverty', 'targeting'] } },

  // Countries: ISO codes, names in English, Spanish, Portuguese and French, demonyms.
  { text: 'country:PE', lang: 'en', filter: { countries: ['PE'] } },
  { text: 'pais:perú', lang: 'es', filter: { countries: ['PE'] } },
  { text: 'country:Pérou', lang: 'en', filter: { countries: ['PE'] } },
  { text: 'pais:peruano', lang: 'es', filter: { countries: ['PE'] } },
  { text: 'country:brazil', lang: 'en', filter: { countries: ['BR'] } },
  { text: 'país:Brasil', lang: 'es', filter: { countries: ['BR'] } },
  { text: 'country:brazilian', lang: 'en', filter: { countries: ['BR'] } },
  { text: 'pais:uruguayo', lang: 'es', filter: { countries: ['UY'] } },
  { text: 'country:UY', lang: 'en', filter: { countries: ['UY'] } },
  { text: 'country:"El Salvador"', lang: 'en', filter: { countries: ['SV'] } },
  { text: 'pais:el-salvador', lang: 'es', filter: { countries: ['SV'] } },
  { text: 'pais:méxico', lang: 'es', filter: { countries: ['MX'] } },
  { text: 'country:Colombie', lang: 'en', filter: { countries: ['CO'] } },
  { text: 'pais:colombia,peru', lang: 'es', filter: { countries: ['CO', 'PE'] } },
  { text: 'country:PE,BR', lang: 'en', filter: { countries: ['BR', 'PE'] } },

  // Types and languages by their English or Spanish names, codes and synonyms.
  { text: 'type:document', lang: 'en', filter: { types: ['document'] } },
  { text: 'tipo:informe', lang: 'es', filter: { types: ['document'] } },
  { text: 'tipo:evento', lang: 'es', filter: { types: ['event'] } },
  { text: 'type:webinar', lang: 'en', filter: { types: ['event'] } },
  { text: 'tipo:noticias', lang: 'es', filter: { types: ['news'] } },
  { text: 'type:video,event', lang: 'en', filter: { types: ['event', 'video'] } },
  { text: 'type:audio', lang: 'en', filter: { types: ['audio'] }, none: true },
  { text: 'lang:es', lang: 'en', filter: { languages: ['es'] } },
  { text: 'idioma:inglés', lang: 'es', filter: { languages: ['en'] } },
  { text: 'lang:portuguese', lang: 'en', filter: { languages: ['pt'] } },

  // Partners: id, name, words of a name, unique start, one close spelling.
  { text: 'partner:midis-pe', lang: 'en', filter: { partners: ['midis-pe'] } },
  { text: 'socio:"World Bank"', lang: 'es', filter: { partners: ['worldbank'] } },
  { text: 'partner:unic', lang: 'en', filter: { partners: ['unicef-lac'] } },
  { text: 'partner:cepall', lang: 'en', filter: { partners: ['cepal'] } },
  { text: 'socio:"Ministerio de Desarrollo Social"', lang: 'es', filter: { partners: ['mides-uy'] } },
  { text: 'partner:iaspn', lang: 'en', filter: { partners: ['iaspn-oas'] } },

  // Several keys together (AND); dates, for searches and latest only.
  {
    text: 'tema:cct pais:pe tipo:documento',
    lang: 'es',
    filter: { topics: [CCT], countries: ['PE'], types: ['document'] },
  },
  {
    text: 'topic:early-childhood lang:es',
    lang: 'en',
    filter: { topics: ['early-childhood'], languages: ['es'] },
  },
  {
    text: 'pais:mexico tema:cuidados',
    lang: 'es',
    filter: { countries: ['MX'], topics: ['care-systems'] },
    none: true,
  },
  {
    text: 'topic:CCT since:2026-02-15',
    lang: 'en',
    filter: { topics: [CCT], since: '2026-02-15T00:00:00.000Z' },
    searchOnly: true,
  },
  {
    text: 'tipo:documento antes:2026-02',
    lang: 'es',
    filter: { types: ['document'], before: '2026-02-01T00:00:00.000Z' },
    searchOnly: true,
  },

  // Keywords: free words, "quoted phrases", -exclusions, alone and mixed with filters.
  { text: '"cash transfers" -pilot', lang: 'en', filter: { keywords: '"cash transfers" -pilot' } },
  {
    text: '"cuidado infantil" pais:uruguay',
    lang: 'es',
    filter: { countries: ['UY'], keywords: '"cuidado infantil"' },
  },
  { text: 'cash transfers', lang: 'en', filter: { keywords: 'cash transfers' } },
  { text: 'transferencias condicionadas', lang: 'es', filter: { keywords: 'transferencias condicionadas' } },
  { text: 'CCT', lang: 'en', filter: { keywords: 'cct' } },
  {
    text: 'registro social pais:peru',
    lang: 'es',
    filter: { countries: ['PE'], keywords: 'registro social' },
  },
  { text: 'stunting', lang: 'en', filter: { keywords: 'stunting' } },
  { text: 'anemia infantil', lang: 'es', filter: { keywords: 'anemia infantil' } },
  { text: 'school meals', lang: 'en', filter: { keywords: 'school meals' } },
  // A quoted phrase the taxonomy knows also finds what is tagged with its topic (food and nutrition:
  // Peru's anemia news does not say "food security").
  {
    text: '"food security" country:peru',
    lang: 'en',
    filter: { countries: ['PE'], keywords: '"food security"' },
  },
  // A part of a topic (school feeding) finds what names it, not the whole topic: Mexico's pilot.
  {
    text: '"school meals" country:mexico',
    lang: 'en',
    filter: { countries: ['MX'], keywords: '"school meals"' },
  },
  {
    text: '"transferencias condicionadas" idioma:portugués',
    lang: 'es',
    filter: { languages: ['pt'], keywords: '"transferencias condicionadas"' },
    none: true,
  },
  { text: 'piloto', lang: 'es', filter: { keywords: 'piloto' } },
  { text: 'Colombia', lang: 'en', filter: { keywords: 'colombia' } },
  { text: '"El Salvador" focalización', lang: 'es', filter: { keywords: 'focalización "el salvador"' } },
  { text: 'tema:cct -pilot', lang: 'en', filter: { topics: [CCT], keywords: '-pilot' } },
  { text: 'cuidados -Bogotá', lang: 'es', filter: { keywords: 'cuidados -bogotá' } },
  { text: 'nutrition type:document', lang: 'en', filter: { types: ['document'], keywords: 'nutrition' } },
  {
    text: 'salud mental socio:mides',
    lang: 'es',
    filter: { partners: ['mides-uy'], keywords: 'salud mental' },
  },
];

export interface Refusal {
  text: string;
  lang: 'en' | 'es';
  /** The value refused, as typed, and its field. */
  field: FilterField;
  typed: string;
  /** Ids the reply must suggest (by their names in the member's language). */
  suggests: string[];
}

/** Values that mean nothing: refused with the value named and help; nothing stored. */
export const REFUSALS: readonly Refusal[] = [
  { text: 'topic:zzz', lang: 'en', field: 'topics', typed: 'zzz', suggests: [] },
  { text: 'country:ZZ', lang: 'en', field: 'countries', typed: 'ZZ', suggests: [] },
  { text: 'partner:nobody', lang: 'en', field: 'partners', typed: 'nobody', suggests: [] },
  { text: 'tipo:nave', lang: 'es', field: 'types', typed: 'nave', suggests: [] },
  { text: 'pais:narnia', lang: 'es', field: 'countries', typed: 'narnia', suggests: [] },
  { text: 'country:Urugay', lang: 'en', field: 'countries', typed: 'Urugay', suggests: ['UY'] },
  {
    text: 'tema:nutrision-infantil-xyz',
    lang: 'es',
    field: 'topics',
    typed: 'nutrision-infantil-xyz',
    suggests: [],
  },
  // One bad value among good ones: the whole follow is refused, never half-stored.
  { text: 'tema:cct pais:atlantis', lang: 'es', field: 'countries', typed: 'atlantis', suggests: [] },
];
