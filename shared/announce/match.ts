import type { Resource } from '../domain/resource.js';
import type { ResourceFilter } from '../filters/filter.js';
import { KeywordMatcher, matchesResource } from '../filters/keywords.js';
import type { Follow } from '../follows/state.js';

/**
 * Matching new resources against every follow without the full cross product. Each follow is filed
 * under the values of its most selective field (the field whose values are the rarest among this
 * run's resources), so a resource is only compared with the follows filed under one of its own
 * values; `matchesResource` (the one filter semantics, as in search: ids, then keywords with the
 * search's analysis) then decides. Follows that narrow nothing indexable (a follow of everything,
 * or of words alone) are compared with every resource.
 */

const FIELDS = ['partners', 'countries', 'topics', 'types', 'languages'] as const;
type Field = (typeof FIELDS)[number];

/** The values a resource has for a field, as the matcher reads them. */
function valuesOf(resource: Resource, field: Field): readonly string[] {
  switch (field) {
    case 'partners':
      return resource.sources.length > 1 || resource.sources[0]?.partnerId !== resource.partnerId
        ? [...new Set([resource.partnerId, ...resource.sources.map((s) => s.partnerId)])]
        : [resource.partnerId];
    case 'countries':
      return resource.countries;
    case 'topics':
      return resource.topics;
    case 'types':
      return [resource.type];
    case 'languages':
      return [resource.language];
  }
}

const filterValues = (filter: ResourceFilter, field: Field): readonly string[] => filter[field] ?? [];

export interface ChannelMatches {
  /** The channel's follows (all of them, matched or not: their filters name the batch digest). */
  follows: Follow[];
  /** Matching resources, oldest first seen first, each once however many follows it matched. */
  resources: Resource[];
  /** For each matching resource id, the follows it matched. */
  matchedBy: Map<string, Follow[]>;
}

export interface MatchResult {
  /** By channel key. */
  channels: Map<string, ChannelMatches>;
  /** `matchesFilter` calls made (the naive plan makes resources × follows of them). */
  comparisons: number;
  /** (resource, channel) pairs. */
  deliveries: number;
}

/**
 * The index of follows for one run's resources. A follow only matches resources first seen at or
 * after it was created: following a topic brings what is new, not a backlog.
 */
export function matchResources(
  resources: readonly Resource[],
  follows: readonly Follow[],
  keywords: KeywordMatcher = new KeywordMatcher(),
): MatchResult {
  // How many of this run's resources carry each value of each field: the selectivity estimate.
  const frequency = new Map<string, number>();
  for (const r of resources)
    for (const field of FIELDS)
      for (const v of valuesOf(r, field))
        frequency.set(`${field}\u0000${v}`, (frequency.get(`${field}\u0000${v}`) ?? 0) + 1);

  const index = new Map<string, Follow[]>();
  const unindexed: Follow[] = [];
  // A follow of words alone is filed under the resources its words match, when the search index
  // can say which (one query per distinct text), instead of being compared with every resource.
  const byWords = new Map<string, Follow[]>();
  const wordMatches = new Map<string, Resource[] | undefined>();
  for (const follow of follows) {
    let best: { field: Field; cost: number } | undefined;
    for (const field of FIELDS) {
      const values = filterValues(follow.filter, field);
      if (values.length === 0) continue;
      const cost = values.reduce((sum, v) => sum + (frequency.get(`${field}\u0000${v}`) ?? 0), 0);
      if (!best || cost < best.cost) best = { field, cost };
    }
    if (!best) {
      const text = follow.filter.keywords;
      if (text && !wordMatches.has(text)) wordMatches.set(text, keywords.matchingAmong(text, resources));
      const matched = text ? wordMatches.get(text) : undefined;
      if (!matched) {
        unindexed.push(follow);
        continue;
      }
      for (const r of matched) {
        const list = byWords.get(r.id);
        if (list) list.push(follow);
        else byWords.set(r.id, [follow]);
      }
      continue;
    }
    for (const v of filterValues(follow.filter, best.field)) {
      const key = `${best.field}\u0000${v}`;
      const list = index.get(key);
      if (list) list.push(follow);
      else index.set(key, [follow]);
    }
  }

  const channels = new Map<string, ChannelMatches>();
  const followsOf = new Map<string, Follow[]>();
  for (const f of follows) {
    const list = followsOf.get(f.channelKey);
    if (list) list.push(f);
    else followsOf.set(f.channelKey, [f]);
  }
  let comparisons = 0;
  let deliveries = 0;
  const ordered = [...resources].sort(
    (a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt) || a.id.localeCompare(b.id),
  );
  for (const resource of ordered) {
    const candidates = new Set<Follow>(unindexed);
    for (const f of byWords.get(resource.id) ?? []) candidates.add(f);
    for (const field of FIELDS)
      for (const v of valuesOf(resource, field))
        for (const f of index.get(`${field}\u0000${v}`) ?? []) candidates.add(f);
    for (const follow of candidates) {
      comparisons += 1;
      if (follow.createdAt && follow.createdAt > resource.firstSeenAt) continue;
      if (!matchesResource(resource, follow.filter, keywords)) continue;
      let channel = channels.get(follow.channelKey);
      if (!channel) {
        channel = {
          follows: followsOf.get(follow.channelKey) ?? [follow],
          resources: [],
          matchedBy: new Map(),
        };
        channels.set(follow.channelKey, channel);
      }
      const by = channel.matchedBy.get(resource.id);
      if (by) by.push(follow);
      else {
        channel.matchedBy.set(resource.id, [follow]);
        channel.resources.push(resource);
        deliveries += 1;
      }
    }
  }
  return { channels, comparisons, deliveries };
}

/** The naive plan: every resource against every follow. For the benchmark and as the tests' oracle. */
export function matchResourcesNaively(
  resources: readonly Resource[],
  follows: readonly Follow[],
  keywords: KeywordMatcher = new KeywordMatcher(),
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const resource of resources)
    for (const follow of follows) {
      if (follow.createdAt && follow.createdAt > resource.firstSeenAt) continue;
      if (!matchesResource(resource, follow.filter, keywords)) continue;
      const set = out.get(follow.channelKey) ?? new Set<string>();
      set.add(resource.id);
      out.set(follow.channelKey, set);
    }
  return out;
}
