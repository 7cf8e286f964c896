import { STOP_WORDS } from '../search/analysis.js';
import { COUNTRIES } from '../taxonomy/countries.js';
import { foldText } from '../taxonomy/fold.js';
import { TOPICS } from '../taxonomy/topics.js';
import type { BotLanguage } from './i18n.js';

/**
 * The language a member's free text is written in, when its words say so: "transferencias
 * monetarias", "buenos dias, transferencias", "qué hay de nuevo sobre salud" are Spanish; "cash
 * transfers", "social protection in Jamaica" English; "Bolsa Familia", "Honduras", "CCT Brasil"
 * neither. A short query has too few letters for trigram statistics (franc reads "cash transfers" as
 * Spanish), so the evidence is words: stop words, and the words of the taxonomy's topic and country
 * names in one language and not the other; and Spanish's own letters (ñ, ¿, ¡, an accented vowel).
 */

let vocabulary: Record<BotLanguage, Set<string>> | undefined;

const wordsOf = (text: string) =>
  foldText(text)
    .split(' ')
    .filter((w) => w.length > 1);

function words(): Record<BotLanguage, Set<string>> {
  if (vocabulary) return vocabulary;
  const of = (lang: BotLanguage) =>
    new Set([
      ...STOP_WORDS[lang],
      ...TOPICS.flatMap((t) => [t.names[lang], ...t.synonyms[lang]].flatMap(wordsOf)),
      ...COUNTRIES.flatMap((c) => wordsOf(c.names[lang])),
    ]);
  vocabulary = { en: of('en'), es: of('es') };
  return vocabulary;
}

const SPANISH_LETTERS = /[ñ¿¡áéíóú]/i;

export function textLanguage(text: string): BotLanguage | undefined {
  const { en, es } = words();
  let english = 0;
  let spanish = SPANISH_LETTERS.test(text) ? 1 : 0;
  for (const word of wordsOf(text)) {
    if (es.has(word) && !en.has(word)) spanish += 1;
    else if (en.has(word) && !es.has(word)) english += 1;
  }
  if (spanish > english) return 'es';
  if (english > spanish) return 'en';
  return undefined;
}
