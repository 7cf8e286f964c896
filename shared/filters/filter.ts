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
  return Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}
