import { decodeHTML } from 'entities/decode';
import type { Language, Resource } from '../domain/resource.js';
import { programmesNamed } from '../taxonomy/index.js';
import { analyze, stemLanguageOf } from './analysis.js';
import {
  conceptsNamed,
  countryIndexText,
  fieldTopicToken,
  mainCountriesOf,
  mainCountryToken,
  mainTopicTokens,
  partTags,
  programmeToken,
  topicIndexText,
  topicToken,
} from './vocabulary.js';

/**
 * A resource's terms as the search index holds them, per field. One definition for the index and
 * for keyword follows and subscriptions (shared/filters/keywords.ts), so that a word finds the
 * same resources in a search as in a follow.
 */

export const TERM_FIELDS = ['title', 'partner', 'tags', 'summary', 'content'] as const;

/** Content past this many characters is not indexed: summaries and openings carry the subject. */
export const CONTENT_INDEX_CHARS = 1_500;

/**
 * Tags dropped, entities decoded. `entities` (parse5's decoder) rather than html-entities, which
 * builds its three entity dictionaries when it loads: the bots, the subscription pages and the
 * digest jobs load this module at their cold start, and only ingest needs html-entities' encoder.
 */
function htmlToText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

const WITH_NEGATIONS = { negations: true };

/** A resource's index terms, per field in TERM_FIELDS order. */
export function resourceTerms(resource: Resource, partnerNames: ReadonlyMap<string, string>): string[][] {
  const lang = stemLanguageOf(resource.language);
  const partners = [resource.partnerId];
  for (const source of resource.sources ?? [])
    if (!partners.includes(source.partnerId)) partners.push(source.partnerId);
  const partnerText = partners.map((p) => `${partnerNames.get(p) ?? ''} ${p}`).join(' ');
  const topics = resource.topics ?? [];
  const tags = [
    ...topics.map(topicToken),
    ...partTags([resource.title, resource.summary ?? '']),
    ...mainTopicTokens(topics, resource.title),
    ...topics.flatMap((t) => topicIndexText(t)),
    ...(resource.countries ?? []).flatMap((c) => countryIndexText(c)),
    ...programmesNamed(resource.title, resource.countries ?? []).map(programmeToken),
    ...mainCountriesOf(resource.title, resource.countries ?? []).map(mainCountryToken),
    ...analyze((resource.categories ?? []).join(' '), lang),
  ];
  const content = resource.contentHtml ? htmlToText(resource.contentHtml).slice(0, CONTENT_INDEX_CHARS) : '';
  return [
    withTopicsNamed(analyze(resource.title, lang, WITH_NEGATIONS), resource.title, resource.language),
    analyze(partnerText, lang),
    tags,
    withTopicsNamed(
      analyze(resource.summary ?? '', lang, WITH_NEGATIONS),
      resource.summary ?? '',
      resource.language,
    ),
    withTopicsNamed(analyze(content, lang, WITH_NEGATIONS), content, resource.language),
  ];
}

/**
 * A field's terms and, for each topic its text names (by any name, synonym or acronym, as ingest
 * tags it), the topic's field token in the resource's language (`#f:es:…`): a query on the topic
 * scores a title that names it in Spanish as it scores an English title with the words typed.
 */
function withTopicsNamed(terms: string[], text: string, language: Language): string[] {
  if (text === '') return terms;
  for (const id of conceptsNamed(text)) terms.push(fieldTopicToken(id, language));
  return terms;
}
