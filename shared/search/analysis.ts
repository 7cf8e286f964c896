import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import type { Language } from '../domain/resource.js';

/**
 * Text analysis for search, the same at indexing and at query time: lower-case, stem with the
 * language's Snowball stemmer (Spanish on the accented word, as its algorithm expects; English on
 * the folded word), then fold accents, so that "Focalización", "focalizacion" and "focalizaciones" meet on one term.
 *
 * Stemmer choice (measured, see README): @orama/stemmers and snowball-stemmers give the same stems
 * on our vocabulary; @orama/stemmers is about seven times faster (200k words: 0.22 s vs 1.7 s).
 */

/** Bumped whenever the analysis changes, so a snapshot built with another analysis is rebuilt. */
export const ANALYSIS_VERSION = 5;

export type StemLanguage = 'en' | 'es';

const COMBINING_MARKS = /\p{M}+/gu;
/** Word characters: letters, digits, and combining marks (accents stay until after stemming). */
const WORD_SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

const EN_STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her
  here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
  or other our ours out over own same she should so some such than that the their theirs them then there
  these they this those through to too under until up very via was we were what when where which while who
  whom why will with would you your yours new using within among towards`.split(/\s+/),
);

const ES_STOP = new Set(
  `a al algo algunas algunos ante antes como con contra cual cuales cuando de del desde donde durante e el
  ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este esto estos fue fueron ha han
  hasta hay la las le les lo los mas me mi mis mucho muy ni no nos nuestra nuestro nuestras nuestros o os
  otra otras otro otros para pero poco por porque que quien quienes se ser si sin sobre son su sus tambien
  te tiene tienen todo todos tu tus un una unas uno unos y ya sus nueva nuevo nuevas nuevos mediante según
  segun`.split(/\s+/),
);

/** The stop words of each language (folded): which language a short text is written in says itself in them. */
export const STOP_WORDS: Readonly<Record<StemLanguage, ReadonlySet<string>>> = { en: EN_STOP, es: ES_STOP };

/** True for a (folded) word that carries no meaning in either language. */
export function isStopWord(folded: string): boolean {
  return EN_STOP.has(folded) || ES_STOP.has(folded);
}

/** A character past ASCII: without one there is nothing to decompose and no mark (most words). */
const NON_ASCII = /[\u0080-\uffff]/;

export const fold = (word: string) =>
  NON_ASCII.test(word) ? word.normalize('NFD').replace(COMBINING_MARKS, '') : word;

/**
 * Spanish writers and searchers often drop the accent of "-ción"/"-sión"; the Snowball algorithm
 * only strips the accented suffix. Restoring it before stemming makes both spellings meet.
 */
function restoreSpanishAccent(word: string): string {
  return /[cs]ion$/.test(word) ? `${word.slice(0, -3)}ión` : word;
}

/**
 * Words kept as they are (folded) instead of stemmed: programme names the Spanish stemmer would
 * merge with an ordinary word or a partner's name ("Prospera" and "Prosperidad Social" both stem
 * to "prosper": a search for Mexico's programme found the Colombian partner's publications;
 * the Dominican "Supérate" and "superación" both stem to "super").
 */
const UNSTEMMED = new Set(['prospera', 'superate']);

/** Stems already computed, by language and word (no key made per call). */
const stemCaches: Record<StemLanguage, Map<string, string>> = { en: new Map(), es: new Map() };
const STEM_CACHE_LIMIT = 200_000;

/** The folded stem of one lower-case word (accents kept), in a language. */
export function stem(word: string, language: StemLanguage): string {
  const stemCache = stemCaches[language];
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  // Numbers, codes and very short words are kept as they are.
  const out =
    word.length < 3 || /\d/.test(word) || UNSTEMMED.has(fold(word))
      ? fold(word)
      : language === 'en'
        ? englishStemmer(fold(word))
        : fold(spanishStemmer(restoreSpanishAccent(word)));
  if (stemCaches.en.size + stemCaches.es.size >= STEM_CACHE_LIMIT) {
    stemCaches.en.clear();
    stemCaches.es.clear();
  }
  stemCache.set(word, out);
  return out;
}

/** The stemmer a resource's text is indexed with: English for English, Spanish for the Romance languages. */
export const stemLanguageOf = (language: Language): StemLanguage => (language === 'en' ? 'en' : 'es');

/** Lower-case words of a text, accents kept, in order (stop words included). */
export function words(text: string): string[] {
  return joinThousands(text)
    .toLowerCase()
    .normalize('NFC')
    .split(WORD_SEPARATORS)
    .filter((w) => w !== '');
}

/**
 * A number written with thousands separators as one number: "Bono 10,000", "10.000", "10 000" and
 * "10000" are the same programme. A comma, point or (narrow) no-break space before exactly three
 * digits joins; a plain space only after one to three digits ("120 000", not "2021 500").
 */
export function joinThousands(text: string): string {
  if (!/\d[,.\u00a0\u202f ]\d{3}/.test(text)) return text;
  return text
    .replace(/(\d)[,.\u00a0\u202f](?=\d{3}(?!\d))/g, '$1')
    .replace(
      /(?<!\d)(\d{1,3})((?: \d{3})+)(?!\d)/g,
      (_, head: string, rest: string) => head + rest.replaceAll(' ', ''),
    );
}

/** Words that negate the next: "no condicionadas", "sin condiciones", "non contributory", "not conditional". */
const NEGATORS = new Set(['no', 'not', 'non', 'without', 'sin', 'ni', 'nao', 'sem', 'sans']);

/** True for a (folded) word that negates the word after it. */
export const isNegator = (folded: string) => NEGATORS.has(folded);

/** The term a negated word is indexed under as well: "no condicionadas" has "condicion" and "¬condicion". */
export const negatedTerm = (term: string) => `¬${term}`;

/**
 * The index terms of a text: words without stop words, stemmed in the text's language, folded.
 * With `negations`, a word after a negating word ("no", "sin", "non"…, stop words between) is
 * also indexed as its negated term, so that "transferencias no condicionadas" is found as such and
 * never for "condicionadas" alone asked in the negative.
 */
export function analyze(
  text: string,
  language: StemLanguage,
  options: { negations?: boolean } = {},
): string[] {
  const out: string[] = [];
  let negated = false;
  for (const word of words(text)) {
    const folded = fold(word);
    if (options.negations && isNegator(folded)) negated = true;
    if (folded.length < 2 && !/\d/.test(folded)) continue;
    if (isStopWord(folded)) continue;
    const term = stem(word, language);
    out.push(term);
    if (negated && !isNegator(folded)) {
      out.push(negatedTerm(term));
      negated = false;
    }
  }
  return out;
}

/**
 * Prefixes that turn a word into its opposite: "unconditional", "informal", "non-contributory",
 * "incondicional", "desigualdad". Typo tolerance adds or drops two letters, which is exactly such a
 * prefix: it must never take a word for its opposite.
 */
const NEGATING_PREFIXES = ['un', 'in', 'im', 'ir', 'il', 'non', 'des', 'dis'];

/**
 * True when one (folded, stemmed) term is the other with a negating prefix added: "uncondit" and
 * "condit", "informal" and "formal", "incondicional" and "condicional" (the rest must start alike).
 */
export function isNegatedForm(a: string, b: string): boolean {
  const negates = (x: string, y: string) =>
    NEGATING_PREFIXES.some((p) => {
      if (!x.startsWith(p) || y.startsWith(p)) return false;
      const rest = x.slice(p.length, p.length + 4);
      return rest.length >= 4 && y.startsWith(rest);
    });
  return negates(a, b) || negates(b, a);
}

/**
 * The index terms one query word may match: its English and its Spanish stem (a query's language
 * is not known, and a word may be searched across languages), without duplicates.
 */
export function queryVariants(word: string): string[] {
  const en = stem(word, 'en');
  const es = stem(word, 'es');
  return en === es ? [en] : [en, es];
}
