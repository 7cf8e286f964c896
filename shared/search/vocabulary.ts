import SearchableMap from 'minisearch/SearchableMap';
import { LANGUAGES, type Language, type ResourceType } from '../domain/resource.js';
import { DOMAIN_WORDS } from '../taxonomy/domain-words.js';
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
  PROGRAMMES,
  programmesByBareName,
  synonymGroups,
  tagText,
  tagTopics,
  topicById,
} from '../taxonomy/index.js';
import type { Programme } from '../taxonomy/programmes.js';
import { analyze, isNegatedForm, queryVariants, type StemLanguage, stem } from './analysis.js';

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

/**
 * Topics that say how something was studied, not what: "Impact evaluation of conditional cash
 * transfers in Peru" is about CCTs, though "impact evaluation" comes first in its title.
 */
const METHOD_TOPICS: ReadonlySet<string> = new Set(['monitoring-evaluation']);

/**
 * A resource's main topic: its first (topics come in order of first mention, title first) that is
 * not a method, or its first when it is only about methods.
 */
export const mainTopicOf = (topics: readonly string[]): string | undefined =>
  topics.find((t) => !METHOD_TOPICS.has(t)) ?? topics[0];
export const countryToken = (code: string) => `#c:${code}`;
/**
 * A country a resource is about, not only mentions: named in its title, or its only country.
 * "Jamaica Social Protection Strategy" is about Jamaica; a Caribbean synthesis that names Jamaica
 * among six countries is not.
 */
export const mainCountryToken = (code: string) => `#n:${code}`;

/** The countries a resource is about (`mainCountryToken`). */
export function mainCountriesOf(title: string, countries: readonly string[]): string[] {
  const inTitle = tagText(title).countries.filter((c) => countries.includes(c));
  return inTitle.length > 0 ? inTitle : countries.length === 1 ? [...countries] : [];
}
/**
 * A programme or agency a resource's title names ("Jamaica's PATH: an impact evaluation"): a query
 * naming the programme favours the resources about it over those of its topic in its country.
 */
export const programmeToken = (programme: Programme) =>
  `#p:${foldTokens(programme.names[0] ?? '').join('-')}`;
/**
 * A topic (or a part of one, `TOPIC_PARTS`) named in a field's own text (title, summary, content),
 * by whatever name, in a resource of a language: indexed in that field, so that it scores as the
 * field's words do. One token per language, as words are: its document frequency is counted among
 * the resources of that language, as a Spanish word's is among the Spanish ones (one token for all
 * languages weighed a Spanish title's mention of a topic as a very common word: tuning 0.967 against 0.977).
 */
export const fieldTopicToken = (id: string, language: Language) => `#f:${language}:${id}`;

/**
 * Parts of a broad topic that the taxonomy folds into it (and ingest tags with it) but that a
 * member asks for apart: a title naming unemployment insurance names the topic "social insurance
 * and pensions", not pensions. Named in a field, a part is its own concept (`fieldTopicToken`).
 */
const TOPIC_PARTS: readonly { topic: string; part: string; phrases: readonly string[] }[] = [
  {
    topic: 'social-insurance-pensions',
    part: 'unemployment-insurance',
    phrases: [
      'unemployment insurance',
      'unemployment benefits',
      'seguro de desempleo',
      'seguro-desemprego',
      'assurance chômage',
    ],
  },
  { topic: 'social-insurance-pensions', part: 'maternity-benefits', phrases: ['maternity benefits'] },
  {
    topic: 'social-insurance-pensions',
    part: 'social-pensions',
    phrases: [
      'social pension',
      'social pensions',
      'non-contributory pension',
      'non-contributory pensions',
      'pensión no contributiva',
      'pensiones no contributivas',
      'pensión social',
      'pensiones sociales',
      'pensão social',
      'pensões sociais',
      'pensão não contributiva',
      'pensões não contributivas',
      'pension sociale',
      'pensions sociales',
      'pension non contributive',
      'pensions non contributives',
    ],
  },
  {
    topic: 'social-assistance',
    part: 'unconditional-transfers',
    phrases: [
      'unconditional cash transfer',
      'unconditional cash transfers',
      'universal basic income',
      'basic income',
      'transferencia no condicionada',
      'transferencias no condicionadas',
      'transferencias monetarias no condicionadas',
      'renta básica',
      'renta básica universal',
      'ingreso básico',
      'ingreso básico universal',
      'transferências não condicionadas',
      'renda básica',
      'renda básica universal',
    ],
  },
  {
    topic: 'food-nutrition',
    part: 'school-feeding',
    phrases: [
      'school feeding',
      'school feeding programmes',
      'school feeding programs',
      'school meals',
      'alimentación escolar',
      'programa de alimentación escolar',
      'programas de alimentación escolar',
      'comedor escolar',
      'comedores escolares',
      'alimentação escolar',
      'merenda escolar',
      'alimentation scolaire',
      'cantines scolaires',
      'repas scolaires',
    ],
  },
];

let partsByPhrase: Map<string, string> | undefined;

/**
 * Parts whose naming in a field still counts as naming the whole topic (`#f:`): a title on social
 * pensions is about pensions for "pension reform" too; only the main-topic token tells it apart.
 */
const PARTS_NAMED_AS_TOPIC: ReadonlySet<string> = new Set(['social-pensions']);

/** The concept a topic's phrase names in a field (`#f:`): its part, unless named as the topic. */
function fieldConceptOf(topicId: string, phrase: string): string {
  const concept = conceptOf(topicId, phrase);
  return PARTS_NAMED_AS_TOPIC.has(concept) ? topicId : concept;
}

/** The concept a topic's phrase (folded) names: a part of the topic, or the topic. */
function conceptOf(topicId: string, phrase: string): string {
  partsByPhrase ??= new Map([
    ...TOPIC_PARTS.flatMap((p) =>
      p.phrases.map((ph): [string, string] => [`${p.topic} ${foldText(ph)}`, p.part]),
    ),
    // A programme of a part names the part: "Qali Warma" is school feeding.
    ...PROGRAMMES.flatMap((p) =>
      p.part && p.topics[0]
        ? p.names.map((name): [string, string] => [`${p.topics[0]} ${foldText(name)}`, p.part as string])
        : [],
    ),
  ]);
  return partsByPhrase.get(`${topicId} ${phrase}`) ?? topicId;
}

/**
 * The concepts a field's text names: its topics as ingest tags them (`tagTopics`), each read as the
 * part of it the text names when the text names only parts of it.
 */
export function conceptsNamed(text: string, of: 'field' | 'main' = 'field'): string[] {
  const topics = tagTopics(text);
  if (!topics.some((t) => TOPIC_PARTS.some((p) => p.topic === t))) return topics;
  const found = expandTopics(text);
  const concept = of === 'field' ? fieldConceptOf : conceptOf;
  return [
    ...new Set(
      topics.flatMap((t) => {
        const named = found.filter((m) => m.topicId === t).map((m) => concept(t, m.phrase));
        return named.length > 0 ? named : [t];
      }),
    ),
  ];
}

/**
 * The main-topic tokens of a resource: its main topic's (`mainTopicOf`) and, when its title names
 * only a part of that topic, the part's: "PNAE: compras da agricultura familiar para a alimentação
 * escolar" is mainly about school feeding, not about food security at large.
 */
export function mainTopicTokens(topics: readonly string[], title: string): string[] {
  const main = mainTopicOf(topics);
  if (!main) return [];
  const parts = TOPIC_PARTS.some((p) => p.topic === main)
    ? conceptsNamed(title, 'main').filter(
        (c) => c !== main && TOPIC_PARTS.some((p) => p.part === c && p.topic === main),
      )
    : [];
  return [mainTopicToken(main), ...parts.map(mainTopicToken)];
}

/** The parts of its topics a resource's text names (school feeding), as tags of their own. */
export function partTags(texts: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const text of texts)
    for (const c of conceptsNamed(text)) if (TOPIC_PARTS.some((p) => p.part === c)) parts.add(c);
  return [...parts].map(topicToken);
}

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
  /**
   * For a topic (not a programme's name): its field tokens (`#f:`, one per language), found in the
   * fields whose text names the topic (or the part of it the phrase names): a rival of the words
   * typed, so that a title naming the topic in Spanish scores as one with the English words typed.
   */
  named?: string[];
  /** Extra alternatives: the topic's English and Spanish names, as words to find together. */
  phrases: { words: string[]; language: 'en' | 'es' }[];
  /**
   * For a programme's name ("Prospera", "Bolsa Família"): the token of its country. The programme
   * is asked for, not its topic everywhere: its words, or its topic in its country.
   */
  programmeCountry?: string;
  /** For a programme's name: its token (`#p:`), on the resources whose title names it. */
  programme?: string;
  /** For a country: the token of the resources about it (a booster, never a match alone). */
  mainCountry?: string;
}

let programmesByName: Map<string, Programme> | undefined;

/** A programme's span: its country's token and its own (the names folded on first use, not at load). */
function programmeSpan(phrase: string): { programmeCountry?: string; programme?: string } {
  programmesByName ??= new Map(PROGRAMMES.flatMap((p) => p.names.map((n) => [foldText(n), p])));
  const programme = programmesByName.get(phrase);
  return programme === undefined
    ? {}
    : { programmeCountry: countryToken(programme.country), programme: programmeToken(programme) };
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

/** Bounds the per-word caches of this module: cleared when full (words typed, not texts). */
const WORD_CACHE_LIMIT = 10_000;
const foldedWords = new Map<string, string>();

/** `foldText` of a query's word, kept per word: a query folds each of its words several times. */
export function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldText(word);
    if (foldedWords.size >= WORD_CACHE_LIMIT) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
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
    const programme = programmeSpan(match.phrase);
    const fieldConcept = fieldConceptOf(match.topicId, match.phrase);
    spans.push({
      start: match.start,
      end: match.end,
      // A part asked for ("school feeding") is matched by its own tag, not its whole topic's.
      tokens: [topicToken(fieldConcept)],
      // A part asked for ("school feeding") favours the resources mainly about the part.
      main: mainTopicToken(conceptOf(match.topicId, match.phrase)),
      ...programme,
      ...(programme.programmeCountry || !topic
        ? {}
        : { named: LANGUAGES.map((l) => fieldTopicToken(fieldConcept, l)) }),
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
    if (taken.has(i) || !countryFirstWords().has(foldWord(words[i]!.text))) continue;
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
        mainCountry: mainCountryToken(country.code),
        phrases: [
          { words: foldTokens(country.names.en), language: 'en' },
          { words: foldTokens(country.names.es), language: 'es' },
        ],
      });
      for (let k = i; k < i + len; k++) taken.add(k);
      break;
    }
  }
  // A programme named by a common word ("Juntos", "Oportunidades") is the programme when the query
  // names its country too: "Juntos Perú", "Oportunidades México".
  const countriesNamed = new Set(spans.flatMap((s) => (s.mainCountry ? s.tokens : [])));
  for (let i = 0; countriesNamed.size > 0 && i < words.length; i++) {
    if (taken.has(i)) continue;
    const programme = programmesByBareName(foldWord(words[i]!.text)).find((p) =>
      countriesNamed.has(countryToken(p.country)),
    );
    const topic = programme?.topics[0] ? topicById(programme.topics[0]) : undefined;
    if (!programme || !topic) continue;
    spans.push({
      start: i,
      end: i + 1,
      tokens: [topicToken(topic.id)],
      main: mainTopicToken(programme.part ?? topic.id),
      programmeCountry: countryToken(programme.country),
      programme: programmeToken(programme),
      phrases: [
        { words: foldTokens(topic.names.en), language: 'en' },
        { words: foldTokens(topic.names.es), language: 'es' },
      ],
    });
    taken.add(i);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The tag tokens of a run of words the taxonomy knows as one whole phrase ("cash transfers", "el salvador"). */
export function wholePhraseTokens(words: readonly string[]): string[] {
  const spans = expandQuery(words.map((text) => ({ text })));
  const whole = spans.find((s) => s.start === 0 && s.end === words.length);
  return whole ? whole.tokens : [];
}

let taxonomyWords: SearchableMap<true> | undefined;

/** Every folded word of the topics' phrases and the countries' names: what a typo may be read as. */
function vocabulary(): SearchableMap<true> {
  if (!taxonomyWords) {
    const map = new SearchableMap<true>();
    for (const group of synonymGroups())
      for (const phrase of group) for (const w of phrase.split(' ')) map.set(w, true);
    for (const c of COUNTRIES)
      for (const name of [...Object.values(c.names), ...c.variants, ...c.demonyms])
        for (const w of foldTokens(name)) map.set(w, true);
    taxonomyWords = map;
  }
  return taxonomyWords;
}

/**
 * The query's words with typos in the taxonomy's words corrected ("condtional cash tranfers" →
 * "conditional cash transfers"), so that a misspelt topic or country is recognised, expanded and
 * searched as meant. Only words the library does not know (`known`) of five letters or more, when
 * `spend` allows the lookup (the query's typo budget): one edit up to seven letters, two from
 * eight; the closest word wins (then the first in order), never a word with a negating prefix added
 * or dropped ("unconditional" is no spelling of "conditional").
 */
export function correctTaxonomyTypos<W extends { text: string }>(
  words: readonly W[],
  known: (word: string) => boolean,
  spend: (folded: string) => boolean,
): W[] {
  return words.map((w) => {
    const folded = foldWord(w.text);
    if (folded.length < 5 || folded.includes(' ') || known(w.text)) return w;
    const dictionary = vocabulary();
    if (dictionary.has(folded) || !spend(folded)) return w;
    const corrected = taxonomyCorrection(folded, dictionary);
    return corrected ? { ...w, text: corrected } : w;
  });
}

/** The taxonomy's word a folded word is read as ('' for none): kept per word, as it depends on nothing else. */
const corrections = new Map<string, string>();

function taxonomyCorrection(folded: string, dictionary: SearchableMap<true>): string {
  const known = corrections.get(folded);
  if (known !== undefined) return known;
  let best: [string, number] | undefined;
  for (const [word, [, distance]] of dictionary.fuzzyGet(folded, folded.length >= 8 ? 2 : 1)) {
    if (isNegatedForm(word, folded)) continue;
    if (!best || distance < best[1] || (distance === best[1] && word < best[0])) best = [word, distance];
  }
  if (corrections.size >= WORD_CACHE_LIMIT) corrections.clear();
  corrections.set(folded, best ? best[0] : '');
  return best ? best[0] : '';
}

/** An index term of a word's translation, and the language whose resources are stemmed to it. */
export interface Translation {
  term: string;
  language: StemLanguage;
}

interface DomainGroup {
  forms: ReadonlySet<string>;
  terms: readonly Translation[];
  core: boolean;
}

let groupsByForm: Map<string, DomainGroup> | undefined;
let groupsByTerm: Map<string, DomainGroup> | undefined;

function domainGroups(): { byForm: Map<string, DomainGroup>; byTerm: Map<string, DomainGroup> } {
  if (!groupsByForm || !groupsByTerm) {
    groupsByForm = new Map();
    groupsByTerm = new Map();
    for (const word of DOMAIN_WORDS) {
      // Portuguese and French resources are analysed with the Spanish stemmer, as Spanish ones.
      const { core, ...names } = word;
      const forms = Object.entries(names).flatMap(([language, text]) =>
        (text as string)
          .split(' ')
          .map((form) => ({ form, language: language === 'en' ? 'en' : 'es' }) as const),
      );
      const terms = [
        ...new Map(
          forms.map(({ form, language }) => {
            const term = stem(form, language);
            return [`${language}:${term}`, { term, language }] as const;
          }),
        ).values(),
      ];
      const group = { forms: new Set(forms.map((f) => foldText(f.form))), terms, core: core === true };
      for (const form of group.forms) groupsByForm.set(form, group);
      for (const t of terms) if (!groupsByTerm.has(t.term)) groupsByTerm.set(t.term, group);
    }
  }
  return { byForm: groupsByForm, byTerm: groupsByTerm };
}

/**
 * The index terms of an everyday word's translations ("mujeres" → "women" in English resources,
 * "mulher" in Portuguese ones; "protección" → "protection"), each in the language whose resources
 * have it: by the word as written first, then by either of its stems ("informal" is not "informe",
 * though English stems both "inform"). Without the word's own stems.
 */
export function wordTranslations(word: string): readonly Translation[] {
  return wordGroup(word).translations;
}

/** What a query word's domain group says of it: a word's, kept per word (two stems and a fold each). */
interface WordGroup {
  translations: readonly Translation[];
  core: boolean;
}

const NO_GROUP: WordGroup = { translations: [], core: false };
const wordGroups = new Map<string, WordGroup>();

function wordGroup(word: string): WordGroup {
  let known = wordGroups.get(word);
  if (known) return known;
  const own = queryVariants(word);
  const { byForm, byTerm } = domainGroups();
  const group = byForm.get(foldText(word)) ?? own.map((v) => byTerm.get(v)).find((g) => g !== undefined);
  known = group
    ? { translations: group.terms.filter((t) => !own.includes(t.term)), core: group.core }
    : NO_GROUP;
  if (wordGroups.size >= WORD_CACHE_LIMIT) wordGroups.clear();
  wordGroups.set(word, known);
  return known;
}

/** A word every text of the portal's domain may use (`core` in domain-words.ts): weak whatever its share. */
export function isCoreDomainWord(word: string): boolean {
  return wordGroup(word).core;
}
