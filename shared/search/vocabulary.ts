import type { Language, ResourceType } from '../domain/resource.js';
import {
  COUNTRIES,
  countryByCode,
  expandQuery as expandTopics,
  findCountry,
  findLanguage,
  findTopic,
  findType,
  foldText,
  foldTokens,
  topicById,
} from '../taxonomy/index.js';
import { analyze } from './analysis.js';

/**
 * Search's use of the taxonomy: filter values, the extra index terms a resource's topics and
 * countries bring, and the cross-language expansions of a query's phrases.
 */

export const lookupType = (value: string): ResourceType | undefined => findType(value);
export const lookupLanguage = (value: string): Language | undefined => findLanguage(value);
export const lookupTopic = (value: string): string | undefined => findTopic(value)?.id;

/** A code (BR, BRA) or a name, variant or demonym in any language; never "the first country mentioned". */
export function lookupCountry(value: string): string | undefined {
  const country = findCountry(value);
  if (!country) return undefined;
  return isCountryName(value, country.code) || /^[a-z]{2,3}$/i.test(value.trim()) ? country.code : undefined;
}

function isCountryName(text: string, code: string): boolean {
  const country = countryByCode(code);
  if (!country) return false;
  const folded = foldText(text);
  return [...Object.values(country.names), ...country.variants, ...country.demonyms].some(
    (name) => foldText(name) === folded,
  );
}

export const topicToken = (id: string) => `#t:${id}`;
/**
 * A resource's main topic (its first: topics come in order of first mention, title first) is
 * indexed once more under this token, so that a query on the topic can favour the resources that
 * are about it over those that only touch it.
 */
export const mainTopicToken = (id: string) => `#m:${id}`;
export const countryToken = (code: string) => `#c:${code}`;

/** Index terms for a resource's topic: a token of its own, and its English and Spanish names. */
export function topicIndexText(id: string): string[] {
  const topic = topicById(id);
  if (!topic) return [topicToken(id)];
  return [topicToken(id), ...analyze(topic.names.en, 'en'), ...analyze(topic.names.es, 'es')];
}

/** Index terms for a resource's country: a token of its own, and its English and Spanish names. */
export function countryIndexText(code: string): string[] {
  const country = countryByCode(code);
  if (!country) return [countryToken(code)];
  return [countryToken(code), ...analyze(country.names.en, 'en'), ...analyze(country.names.es, 'es')];
}

/** A run of query words the taxonomy knows, and what else it may be found as. */
export interface QuerySpan {
  /** Word span [start, end) in the query's words. */
  start: number;
  end: number;
  /** Extra alternatives: the topic or country token. */
  tokens: string[];
  /** For a topic: the token of the resources whose main topic it is (a booster, never a match alone). */
  main?: string;
  /** Extra alternatives: the topic's English and Spanish names, as words to find together. */
  phrases: { words: string[]; language: 'en' | 'es' }[];
}

const MAX_COUNTRY_WORDS = 4;

/**
 * The first word of every country name, variant and demonym (folded): a run of words can only be a
 * country's name if it starts with one, so the others skip the lookups (a query's or a keyword
 * follow's words are mostly not countries).
 */
let firstWords: Set<string> | undefined;

/** Made on the first query that needs it, not at module load (a cold start need not fold every name). */
function countryFirstWords(): Set<string> {
  firstWords ??= new Set(
    COUNTRIES.flatMap((c) => [...Object.values(c.names), ...c.variants, ...c.demonyms]).map(
      (name) => foldTokens(name)[0] ?? '',
    ),
  );
  return firstWords;
}

/**
 * The topic phrases ("cash transfers", "CCT", "primera infancia", any case) and country names
 * ("Brazil", "Brasil", "peruano") among the query's words, longest first, without overlaps.
 */
export function expandQuery(words: readonly { text: string }[]): QuerySpan[] {
  const text = words.map((w) => w.text).join(' ');
  // The taxonomy's spans count folded tokens; they line up with the query's words one to one.
  if (foldTokens(text).length !== words.length) return [];
  const spans: QuerySpan[] = [];
  const taken = new Set<number>();
  for (const match of expandTopics(text)) {
    const topic = topicById(match.topicId);
    spans.push({
      start: match.start,
      end: match.end,
      tokens: [topicToken(match.topicId)],
      main: mainTopicToken(match.topicId),
      phrases: topic
        ? [
            { words: foldTokens(topic.names.en), language: 'en' },
            { words: foldTokens(topic.names.es), language: 'es' },
          ]
        : [],
    });
    for (let k = match.start; k < match.end; k++) taken.add(k);
  }
  for (let i = 0; i < words.length; i++) {
    if (taken.has(i) || !countryFirstWords().has(foldText(words[i]!.text))) continue;
    for (let len = Math.min(MAX_COUNTRY_WORDS, words.length - i); len >= 1; len--) {
      const run = words.slice(i, i + len);
      if (run.some((_, k) => taken.has(i + k))) continue;
      const phrase = run.map((w) => w.text).join(' ');
      // Names only: two- and three-letter codes are too often words ("co", "pe", "usa").
      if (phrase.length < 4) continue;
      const country = findCountry(phrase);
      if (!country || !isCountryName(phrase, country.code)) continue;
      spans.push({
        start: i,
        end: i + len,
        tokens: [countryToken(country.code)],
        phrases: [
          { words: foldTokens(country.names.en), language: 'en' },
          { words: foldTokens(country.names.es), language: 'es' },
        ],
      });
      for (let k = i; k < i + len; k++) taken.add(k);
      break;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The tag tokens of a run of words the taxonomy knows as one whole phrase ("cash transfers", "el salvador"). */
export function wholePhraseTokens(words: readonly string[]): string[] {
  const spans = expandQuery(words.map((text) => ({ text })));
  const whole = spans.find((s) => s.start === 0 && s.end === words.length);
  return whole ? whole.tokens : [];
}
