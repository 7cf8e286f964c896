/**
 * The bilingual taxonomy: topics, countries, resource types and languages, and the lookups that
 * ingest (tagging), search (cross-language synonyms), query filters and the bots (display names)
 * share. Pure and synchronous; the lookup structures are built once, on the first lookup that
 * needs them (`tables()`), not when the module loads: building them (tries of every topic,
 * country and programme phrase, folded) costs a Lambda's cold start tens of milliseconds, and a
 * handler that never tags, expands or resolves a name (most bot commands, a health check) never
 * pays it.
 */
import { LANGUAGES, type Language, RESOURCE_TYPES, type ResourceType } from '../domain/resource.js';
import { CAPITALISED_ONLY, COUNTRIES, type Country, NOT_COUNTRIES, NOT_IN_FREE_TEXT } from './countries.js';
import { casedTokens, foldText, foldTokens } from './fold.js';
import { type CaseRule, PhraseTrie } from './matcher.js';
import { PROGRAMMES, type Programme } from './programmes.js';
import { TOPICS, type Topic } from './topics.js';
import { LANGUAGE_NAMES, type NamedValue, TYPE_NAMES } from './types.js';

export { casedTokens, foldText, foldTokens } from './fold.js';
export type { Country, NamedValue, Programme, Topic };
export { COUNTRIES, LANGUAGE_NAMES, PROGRAMMES, TOPICS, TYPE_NAMES };

/** Id → topic, and alpha-2 and alpha-3 codes (upper-case) → country: small, and made at load. */
const topicsById = new Map<string, Topic>(TOPICS.map((t) => [t.id, t]));
const countriesByCode = new Map<string, Country>(
  COUNTRIES.flatMap((country) => [
    [country.code, country],
    [country.iso3, country],
  ]),
);

/** The folded lookups: built by `tables()` on first use. */
interface Tables {
  /** Folded name, synonym, acronym or id → topic. */
  topicByPhrase: Map<string, Topic>;
  /**
   * Topic id → its folded phrases: names first (en, es, pt, fr), then synonyms, acronyms, and the
   * names of the programmes it is the main topic of.
   */
  topicGroups: Map<string, string[]>;
  /** `null` values are agencies' names: matched, so that they hide the topic words inside. */
  topicTrie: PhraseTrie<Topic | null>;
  /** For the partial matching of `findTopic`: every phrase's tokens, and whether it is a name. */
  topicPhraseTokens: { topic: Topic; tokens: string[]; isName: boolean }[];
  /** Every topic's folded phrases, in TOPICS order. */
  allGroups: readonly (readonly string[])[];
  /** Folded name, variant or demonym → country (all of them, ambiguous ones included). */
  countryByPhrase: Map<string, Country>;
  /** `null` values are the NOT_COUNTRIES phrases: matched, so that they hide the name inside. */
  countryTrie: PhraseTrie<Country | null>;
  typeByPhrase: Map<string, ResourceType>;
  languageByPhrase: Map<string, Language>;
  /** Every programme's and agency's names, with the case rules of tagging. */
  programmeTrie: PhraseTrie<Programme>;
}

let built: Tables | undefined;

/** The folded lookups, built on the first call and kept for the life of the process. */
function tables(): Tables {
  built ??= buildTables();
  return built;
}

const HAS_LOWER = /\p{Ll}/u;

/** How a programme's name must be written in free text: as it is written in the data. */
function caseOf(text: string): { rule: CaseRule; capitals: number[] } {
  if (!HAS_LOWER.test(text)) return { rule: 'upper', capitals: [] };
  const capitals = casedTokens(text).capital.flatMap((c, k) => (c ? [k] : []));
  return capitals.length > 0 ? { rule: 'proper', capitals } : { rule: 'any', capitals };
}

function buildTables(): Tables {
  const t: Tables = {
    topicByPhrase: new Map(),
    topicGroups: new Map(),
    topicTrie: new PhraseTrie(),
    topicPhraseTokens: [],
    allGroups: [],
    countryByPhrase: new Map(),
    countryTrie: new PhraseTrie(),
    typeByPhrase: new Map(),
    languageByPhrase: new Map(),
    programmeTrie: new PhraseTrie(),
  };

  // Topics.
  /** Adds a phrase to a topic's group, its lookups and the trie. */
  const addTopicPhrase = (
    topic: Topic,
    text: string,
    rule: CaseRule,
    isName: boolean,
    capitals: number[] = [],
  ) => {
    const folded = foldText(text);
    if (folded === '') return;
    const tokens = folded.split(' ');
    t.topicTrie.add(tokens, topic, rule, capitals);
    const group = t.topicGroups.get(topic.id)!;
    if (group.includes(folded)) return;
    group.push(folded);
    if (!t.topicByPhrase.has(folded)) t.topicByPhrase.set(folded, topic);
    t.topicPhraseTokens.push({ topic, tokens, isName });
  };
  for (const topic of TOPICS) {
    t.topicGroups.set(topic.id, []);
    for (const lang of LANGUAGES) addTopicPhrase(topic, topic.names[lang], 'any', true);
    for (const lang of LANGUAGES)
      for (const s of topic.synonyms[lang]) addTopicPhrase(topic, s, 'any', false);
    for (const a of topic.acronyms) addTopicPhrase(topic, a, 'upper', false);
  }
  // Ids too ("topic:social-insurance-pensions"), folded like any input: hyphens become spaces.
  for (const topic of TOPICS)
    if (!t.topicByPhrase.has(foldText(topic.id))) t.topicByPhrase.set(foldText(topic.id), topic);

  // Countries.
  const notInFreeText = new Set(NOT_IN_FREE_TEXT);
  const capitalisedOnly = new Set(CAPITALISED_ONLY);
  for (const country of COUNTRIES) {
    for (const text of [
      ...LANGUAGES.map((l) => country.names[l]),
      ...country.variants,
      ...country.demonyms,
    ]) {
      const folded = foldText(text);
      if (!t.countryByPhrase.has(folded)) t.countryByPhrase.set(folded, country);
      if (notInFreeText.has(text)) continue;
      const rule: CaseRule = !HAS_LOWER.test(text) ? 'upper' : capitalisedOnly.has(text) ? 'capital' : 'any';
      t.countryTrie.add(folded.split(' '), country, rule);
    }
  }
  for (const text of NOT_COUNTRIES) t.countryTrie.add(foldText(text).split(' '), null, 'any');

  // Programmes and agencies: their country, and their topics (none for an agency, whose name is
  // consumed so that the topic words inside it tag nothing).
  for (const programme of PROGRAMMES) {
    const country = countriesByCode.get(programme.country);
    const topics = programme.topics.map((id) => topicsById.get(id)).filter((x) => x !== undefined);
    if (!country || topics.length < programme.topics.length)
      throw new Error(`Unknown country or topic in the programme ${programme.names[0]}`);
    const [main, ...others] = topics;
    for (const name of programme.names) {
      const { rule, capitals } = caseOf(name);
      const tokens = foldTokens(name);
      t.countryTrie.add(tokens, country, rule, capitals);
      t.programmeTrie.add(tokens, programme, rule, capitals);
      // Search expands the name to its main topic; tagging gives all of them.
      if (main) addTopicPhrase(main, name, rule, false, capitals);
      else t.topicTrie.add(tokens, null, rule, capitals);
      for (const other of others) t.topicTrie.add(tokens, other, rule, capitals);
    }
  }
  t.allGroups = Object.freeze(TOPICS.map((topic) => Object.freeze(t.topicGroups.get(topic.id)!)));

  // Resource types and languages.
  for (const type of RESOURCE_TYPES) addNamed(t.typeByPhrase, type, TYPE_NAMES[type]);
  for (const lang of LANGUAGES) addNamed(t.languageByPhrase, lang, LANGUAGE_NAMES[lang]);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Topics

export function topicById(id: string): Topic | undefined {
  return topicsById.get(id);
}

/**
 * The topic a filter value or short query names: its id, a name, synonym or acronym in any
 * language ("topic:focalizacion", "CCT", "primera infancia"); else the first topic phrase the text
 * contains; else the one topic whose name or phrases start with, or contain, all its words
 * ("graduacion", "salu"). Undefined when nothing or more than one topic fits.
 */
export function findTopic(text: string): Topic | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  const { topicByPhrase, topicTrie } = tables();
  const exact = topicByPhrase.get(folded);
  if (exact) return exact;
  for (const match of topicTrie.scan(casedTokens(text), true)) if (match.values[0]) return match.values[0];
  return partialTopic(folded.split(' '));
}

function partialTopic(query: string[]): Topic | undefined {
  // "de", "la", "y" alone start or belong to too many phrases to name anything.
  if (query.every((q) => q.length < 3)) return undefined;
  // Best rank wins: 3 a name starts with the query, 2 a phrase does, 1 a phrase has all its words.
  const byRank: Set<Topic>[] = [new Set(), new Set(), new Set(), new Set()];
  for (const { topic, tokens, isName } of tables().topicPhraseTokens) {
    if (startsWith(tokens, query)) byRank[isName ? 3 : 2]!.add(topic);
    else if (query.every((q) => tokens.includes(q))) byRank[1]!.add(topic);
  }
  for (let rank = 3; rank >= 1; rank--) {
    const found = byRank[rank]!;
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
  }
  return undefined;
}

/** Whole words, except the query's last, which may be the start of a word of 3 letters or more. */
function startsWith(tokens: string[], query: string[]): boolean {
  if (query.length > tokens.length) return false;
  const last = query.length - 1;
  for (let k = 0; k < last; k++) if (tokens[k] !== query[k]) return false;
  const q = query[last]!;
  const t = tokens[last]!;
  return t === q || (q.length >= 3 && t.startsWith(q));
}

/** Every topic's folded phrases in all languages, in TOPICS order: the synonym sets of search. */
export function synonymGroups(): readonly (readonly string[])[] {
  return tables().allGroups;
}

/** The folded phrases of one topic. */
export function topicPhrases(id: string): readonly string[] | undefined {
  return tables().topicGroups.get(id);
}

/**
 * The synonym group of a phrase (folded here, so any form will do): "CCT" → ["conditional cash
 * transfers", "transferencias monetarias condicionadas", ..., "ptc", ...]. Undefined if the phrase
 * is not a whole topic phrase; use `expandQuery` for free text.
 */
export function expandPhrase(phrase: string): readonly string[] | undefined {
  const { topicByPhrase, topicGroups } = tables();
  const topic = topicByPhrase.get(foldText(phrase));
  return topic ? topicGroups.get(topic.id) : undefined;
}

export interface QueryExpansion {
  topicId: string;
  /** The folded phrase as found in the query. */
  phrase: string;
  /** Its token span [start, end) in `foldTokens(query)`. */
  start: number;
  end: number;
  /** The topic's other folded phrases, names first: what to search for as well. */
  readonly alternatives: string[];
}

/**
 * The topic phrases a search query contains (longest first at each position, case ignored: a
 * member typing "cct" means the acronym), each with its cross-language alternatives.
 */
export function expandQuery(query: string): QueryExpansion[] {
  const cased = casedTokens(query);
  const expansions: QueryExpansion[] = [];
  const { topicTrie, topicGroups } = tables();
  for (const { values, start, end } of topicTrie.scan(cased, true)) {
    const topic = values[0];
    if (!topic) continue;
    const phrase = cased.tokens.slice(start, end).join(' ');
    const group = topicGroups.get(topic.id)!;
    expansions.push({
      topicId: topic.id,
      phrase,
      start,
      end,
      // Made when read: search asks only where the phrase is, and a group holds hundreds of phrases.
      get alternatives() {
        return group.filter((p) => p !== phrase);
      },
    });
  }
  return expansions;
}

// ---------------------------------------------------------------------------------------------
// Countries

/** By ISO alpha-2 or alpha-3 code, any case. */
export function countryByCode(code: string): Country | undefined {
  return countriesByCode.get(code.trim().toUpperCase());
}

/**
 * The country a filter value names: an alpha-2 or alpha-3 code ("BR", "bra"), a name, variant or
 * demonym in any language ("brasil", "Estados Unidos", "peruano"); else the first country the text
 * mentions ("en el Perú").
 */
export function findCountry(text: string): Country | undefined {
  const trimmed = text.trim();
  if (/^[a-z]{2,3}$/i.test(trimmed)) {
    const byCode = countriesByCode.get(trimmed.toUpperCase());
    if (byCode) return byCode;
  }
  const { countryByPhrase, countryTrie } = tables();
  const byName = countryByPhrase.get(foldText(trimmed));
  if (byName) return byName;
  for (const match of countryTrie.scan(casedTokens(trimmed), true)) {
    if (match.values[0]) return match.values[0];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Free-text tagging

export interface Tags {
  /** Topic ids, in order of first mention. */
  topics: string[];
  /** ISO alpha-2 codes, in order of first mention. */
  countries: string[];
}

/**
 * The topics and countries a text mentions, as whole words or phrases in any of the four
 * languages, accents and case ignored, except that acronyms and capitals-only names ("CCT", "MPI",
 * "USA", "U.S.") count only when written in capitals, and codes ("US", "PE", "CO") never count.
 * Give the title, summary and categories as separate parts so that no phrase spans two of them.
 */
export function tagText(text: string | readonly string[]): Tags {
  const topics = new Set<string>();
  const countries = new Set<string>();
  const { topicTrie, countryTrie } = tables();
  for (const part of typeof text === 'string' ? [text] : text) {
    const cased = casedTokens(part);
    for (const match of topicTrie.scan(cased, false)) for (const t of match.values) if (t) topics.add(t.id);
    for (const match of countryTrie.scan(cased, false)) {
      for (const c of match.values) if (c) countries.add(c.code);
    }
  }
  return { topics: [...topics], countries: [...countries] };
}

/**
 * The topics one text mentions, as `tagText` finds them (the same case rules), in order of first
 * mention, without looking for countries: search indexes the topics each field names.
 */
export function tagTopics(text: string): string[] {
  const topics = new Set<string>();
  for (const match of tables().topicTrie.scan(casedTokens(text), false))
    for (const t of match.values) if (t) topics.add(t.id);
  return [...topics];
}

/**
 * The programmes and agencies a text names, by any of their names, with tagging's case rules
 * ("PATH" only in capitals, "programa Juntos" only as a phrase), in order of first mention.
 */
export function programmesNamed(text: string, countries: readonly string[] = []): Programme[] {
  const found = new Set<Programme>();
  const cased = casedTokens(text);
  for (const match of tables().programmeTrie.scan(cased, false))
    for (const p of match.values) if (p) found.add(p);
  // A name that is a common word ("Juntos", "Prospera") counts alone, capitalised, in a text about
  // its country: "A diez años de Prospera" in a Mexican resource, not "Juntos contra…" in Chile's.
  if (countries.length > 0)
    cased.tokens.forEach((token, k) => {
      if (!cased.capital[k]) return;
      for (const p of bareNames().get(token) ?? []) if (countries.includes(p.country)) found.add(p);
    });
  return [...found];
}

/** The programmes a common word names within a phrase ("juntos" of "programa Juntos"), folded. */
export function programmesByBareName(word: string): readonly Programme[] {
  return bareNames().get(word) ?? [];
}

/** The common words programmes are named by within a phrase ("programa Juntos" → "juntos"). */
const BARE_NAME = /^(?:programa|becas) (\S+)$|^(\S+) program(?:me)?$/i;
let bare: Map<string, Programme[]> | undefined;

function bareNames(): Map<string, Programme[]> {
  if (bare) return bare;
  bare = new Map();
  for (const p of PROGRAMMES)
    for (const name of p.names) {
      const m = BARE_NAME.exec(name);
      const word = m && foldText(m[1] ?? m[2] ?? '');
      if (!word) continue;
      const list = bare.get(word) ?? [];
      if (!list.includes(p)) list.push(p);
      bare.set(word, list);
    }
  return bare;
}

// ---------------------------------------------------------------------------------------------
// Resource types and languages

function addNamed<T extends string>(map: Map<string, T>, value: T, named: NamedValue): void {
  for (const text of [value, ...LANGUAGES.map((l) => named.names[l]), ...named.synonyms]) {
    const folded = foldText(text);
    if (!map.has(folded)) map.set(folded, value);
  }
}

/** "document", "documentos", "informe", "press release", "webinar", "Fotografías"... */
export function findType(text: string): ResourceType | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  // Plurals not listed: "informes" → "informe", "webinarios" → "webinario".
  const { typeByPhrase } = tables();
  return (
    typeByPhrase.get(folded) ??
    typeByPhrase.get(folded.replace(/s$/, '')) ??
    typeByPhrase.get(folded.replace(/es$/, ''))
  );
}

/** A code or locale tag ("es", "pt-BR", "spa") or a name in any language ("inglés", "Français"). */
export function findLanguage(text: string): Language | undefined {
  const tag = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(text.trim());
  const { languageByPhrase } = tables();
  const byTag = tag ? languageByPhrase.get(tag[1]!.toLowerCase()) : undefined;
  return byTag ?? languageByPhrase.get(foldText(text));
}

// ---------------------------------------------------------------------------------------------
// Display names: in the language asked for, else English; an unknown value is shown as given.

export function displayTopic(id: string, lang: Language = 'en'): string {
  const topic = topicsById.get(id);
  return topic ? (topic.names[lang] ?? topic.names.en) : id;
}

export function displayCountry(code: string, lang: Language = 'en'): string {
  const country = countryByCode(code);
  return country ? (country.names[lang] ?? country.names.en) : code;
}

export function displayType(type: string, lang: Language = 'en'): string {
  return displayNamed(TYPE_NAMES, type, lang);
}

export function displayLanguage(code: string, lang: Language = 'en'): string {
  return displayNamed(LANGUAGE_NAMES, code, lang);
}

function displayNamed(table: Readonly<Record<string, NamedValue>>, key: string, lang: Language): string {
  const named = Object.hasOwn(table, key) ? table[key] : undefined;
  return named ? (named.names[lang] ?? named.names.en) : key;
}
