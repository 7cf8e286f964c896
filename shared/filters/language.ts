import { type ParsedQuery, parseQuery } from '../search/query.js';
import { canonicalFilter, type ResourceFilter } from './filter.js';
import type { FilterProblem } from './problems.js';
import { type PartnerNames, resolveValue } from './values.js';

/**
 * The filter language: what members type after `search`, `latest`, `follow` and `subscribe`, in
 * the pages' keyword field and on the CLI. Free words, "quoted phrases", -exclusions and
 * `key:value` filters (keys and values in English or Spanish, several values with commas, quoted
 * when they have spaces). One parser (search's `parseQuery`, with its bounds) and one resolver
 * (`values.ts`), so a value means the same everywhere or is refused with a suggestion.
 */
export interface ParsedFilterText {
  /** Canonical: ids only, keywords in their canonical spelling; what may be stored. */
  filter: ResourceFilter;
  /** The words, phrases and exclusions, for ranking a search. */
  query: ParsedQuery;
  /** Values that mean nothing, and notes; nothing with a problem is in `filter`. */
  problems: FilterProblem[];
}

export interface FilterTextOptions {
  now: Date;
  /** The partners `partner:` values resolve against; without it, every `partner:` is refused. */
  partners?: PartnerNames;
  /** The member's IANA zone: `desde:hoy` starts at its midnight there (`readDate`). Without it, UTC. */
  timeZone?: string;
}

export function parseFilterText(text: string, options: FilterTextOptions): ParsedFilterText {
  const { partners, timeZone } = options;
  const query = parseQuery(text, options.now, undefined, { partners, ...(timeZone ? { timeZone } : {}) });
  const problems: FilterProblem[] = [...query.problems];
  const filter: ResourceFilter = { ...query.filter };
  for (const typed of query.partners) {
    const resolved = resolveValue('partners', typed, options.partners);
    if (resolved.ok) filter.partners = [...(filter.partners ?? []), ...resolved.values];
    else problems.push({ code: 'unknown', field: 'partners', typed, suggestions: resolved.suggestions });
  }
  const keywords = keywordText(query);
  if (keywords) filter.keywords = keywords;
  return { filter: canonicalFilter(filter), query, problems };
}

const quoteIfPhrase = (words: readonly string[]) => (words.length > 1 ? `"${words.join(' ')}"` : words[0]);

/**
 * The canonical spelling of a query's keywords: its free words in the order typed (order makes
 * "cash transfers" one taxonomy phrase), then its phrases, then its exclusions, each sorted.
 */
export function keywordText(query: Pick<ParsedQuery, 'words' | 'phrases' | 'excluded'>): string {
  const parts = [
    ...query.words.map((w) => w.text),
    ...query.phrases.map(quoteIfPhrase).sort(),
    ...query.excluded.map((e) => `-${quoteIfPhrase(e)}`).sort(),
  ];
  return parts.join(' ');
}

/** True when a query has words, phrases or exclusions. */
export const hasKeywords = (filter: ResourceFilter) => !!filter.keywords?.trim();
