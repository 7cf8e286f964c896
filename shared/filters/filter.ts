import type { Language, Resource, ResourceType } from '../domain/resource.js';

/**
 * What a member narrows the library to: a search's filters, a channel's follow, a subscriber's
 * digest preferences. One definition and one matcher, so that "follows topic X" and "search
 * topic:X" mean the same thing everywhere. Values within a field are alternatives (OR); fields
 * combine with AND; an empty or absent field does not filter.
 */
export interface ResourceFilter {
  types?: ResourceType[];
  /** ISO 3166-1 alpha-2 codes. */
  countries?: string[];
  /** Taxonomy topic ids. */
  topics?: string[];
  languages?: Language[];
  partners?: string[];
  /** ISO 8601; publishedAt at or after. */
  since?: string;
  /** ISO 8601; publishedAt strictly before. */
  before?: string;
  /**
   * Free words, "quoted phrases" and -exclusions in the query language's canonical spelling
   * (`keywordText`), matched with the search's own analysis (shared/filters/keywords.ts).
   */
  keywords?: string;
}

const anyOf = <T>(wanted: readonly T[] | undefined, has: (value: T) => boolean) =>
  !wanted || wanted.length === 0 || wanted.some(has);

/** What the matcher reads of a resource (the search index keeps only these). */
export type FilterableResource = Pick<
  Resource,
  'type' | 'language' | 'countries' | 'topics' | 'partnerId' | 'publishedAt'
> & { sources: readonly { partnerId: string }[] };

export function matchesFilter(resource: FilterableResource, filter: ResourceFilter): boolean {
  return (
    anyOf(filter.types, (t) => resource.type === t) &&
    anyOf(filter.languages, (l) => resource.language === l) &&
    anyOf(filter.countries, (c) => resource.countries.includes(c)) &&
    anyOf(filter.topics, (t) => resource.topics.includes(t)) &&
    anyOf(
      filter.partners,
      (p) => resource.partnerId === p || resource.sources.some((s) => s.partnerId === p),
    ) &&
    (!filter.since || resource.publishedAt >= filter.since) &&
    (!filter.before || resource.publishedAt < filter.before)
  );
}

/** True when the filter narrows nothing (a follow of "everything"). */
export function isEmptyFilter(filter: ResourceFilter): boolean {
  return Object.values(filter).every(
    (v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0),
  );
}

const LIST_FIELDS = ['types', 'countries', 'topics', 'languages', 'partners'] as const;

/**
 * The one stored form of a filter: fields in a fixed order, each list without duplicates and
 * sorted, empty fields dropped; so that the same follow or subscription typed twice compares and
 * stores equal.
 */
export function canonicalFilter(filter: ResourceFilter): ResourceFilter {
  const out: ResourceFilter = {};
  for (const field of LIST_FIELDS) {
    const values = filter[field];
    if (values && values.length > 0) (out as Record<string, unknown>)[field] = [...new Set(values)].sort();
  }
  if (filter.since) out.since = filter.since;
  if (filter.before) out.before = filter.before;
  if (filter.keywords?.trim()) out.keywords = filter.keywords.trim();
  return out;
}
