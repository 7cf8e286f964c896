import { COUNTRIES } from '../taxonomy/countries.js';
import { foldText } from '../taxonomy/fold.js';
import { countryByCode, topicById } from '../taxonomy/index.js';
import { TOPICS } from '../taxonomy/topics.js';

/**
 * Hashtags, as members write them in Telegram and Slack: `#peru`, `#ElSalvador`, `#el_salvador`,
 * `#PrimeraInfancia`, `#primerainfancia`, `#CCT`. A hashtag that is exactly a country's name (in any
 * language, or a variant: "#RepublicaDominicana") or a topic's name, synonym or acronym is that
 * filter; any other (`#ayuda`, `#2026`) stays a word. Exact names only, never a close spelling or
 * an ISO code (`#es`, `#pe`): a hashtag is not typed as a filter, so it is read as one only when it
 * cannot mean anything else.
 */

export interface HashtagValue {
  field: 'countries' | 'topics';
  id: string;
}

/** A hashtag as typed and the value it names. */
export interface Hashtag extends HashtagValue {
  /** The hashtag without the sentence's punctuation after it. */
  tag: string;
}

/** A name as a hashtag writes it: folded, without spaces, hyphens, apostrophes or underscores. */
const joined = (name: string) => foldText(name).replace(/[^\p{L}\p{N}]+/gu, '');

let byJoinedName: Map<string, HashtagValue> | undefined;

function names(): Map<string, HashtagValue> {
  if (byJoinedName) return byJoinedName;
  const map = new Map<string, HashtagValue>();
  // A spelling that names two things (none today) names neither.
  const ambiguous = new Set<string>();
  const add = (name: string, value: HashtagValue) => {
    const key = joined(name);
    if (key.length < 2 || ambiguous.has(key)) return;
    const known = map.get(key);
    if (known && (known.field !== value.field || known.id !== value.id)) {
      map.delete(key);
      ambiguous.add(key);
    } else map.set(key, value);
  };
  // A country's two-letter names ("RD") are read as words: too many things are called that.
  for (const country of COUNTRIES)
    for (const name of [...Object.values(country.names), ...country.variants])
      if (joined(name).length >= 3) add(name, { field: 'countries', id: country.code });
  for (const topic of TOPICS) {
    const value = { field: 'topics', id: topic.id } as const;
    for (const name of [
      ...Object.values(topic.names),
      ...Object.values(topic.synonyms).flat(),
      ...topic.acronyms,
    ])
      add(name, value);
  }
  byJoinedName = map;
  return map;
}

/** The country or topic a hashtag (`#` and a word, as typed) names exactly, or undefined. */
export function readHashtag(typed: string): Hashtag | undefined {
  // The punctuation of the sentence around it: "#peru, #chile", "…en #Haití."
  const tag = typed.replace(/[.,;:!?…)]+$/u, '');
  if (!/^#[\p{L}][\p{L}\p{N}\p{M}_-]*$/u.test(tag)) return undefined;
  const value = names().get(joined(tag.slice(1)));
  return value && { ...value, tag };
}

/** What a hashtag was read as, in the filter language (`country:Peru`, `tema:"primera infancia"`). */
export function hashtagReading(value: HashtagValue, lang: 'en' | 'es'): string {
  const key =
    value.field === 'countries' ? (lang === 'es' ? 'pais' : 'country') : lang === 'es' ? 'tema' : 'topic';
  const name =
    value.field === 'countries'
      ? (countryByCode(value.id)?.names[lang] ?? value.id)
      : (topicById(value.id)?.names[lang].toLowerCase() ?? value.id);
  return `${key}:${name.includes(' ') ? `"${name}"` : name}`;
}
