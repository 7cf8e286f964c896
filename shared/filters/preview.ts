import type { SearchService } from '../search/types.js';
import type { ResourceFilter } from './filter.js';

/** How far back a preview looks: "would have brought N resources in the last 30 days". */
export const PREVIEW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PreviewExample {
  title: string;
  url: string;
  publishedAt: string;
}

export interface FilterPreview {
  /** How many resources published in the last PREVIEW_DAYS days the filter matches. */
  total: number;
  /** The newest of them, at most `limit`. */
  examples: PreviewExample[];
  /** The start of the window looked at (ISO 8601). */
  since: string;
}

/**
 * What a follow or a subscription with this filter would have brought in the last 30 days: the
 * count and the newest few. One function for the bots' `follow` and `follow preview`, the pages
 * and `iaspn follows preview`, through the search service's `latest`, which honours every field
 * of the filter (keywords included) as the announcement and digest matchers do.
 *
 * The window starts 30 days before `now`, or at the filter's own `since` when that is later.
 */
export async function previewFilter(
  search: SearchService,
  filter: ResourceFilter,
  now: Date,
  limit = 3,
): Promise<FilterPreview> {
  const windowStart = new Date(now.getTime() - PREVIEW_DAYS * DAY_MS).toISOString();
  const since = filter.since && filter.since > windowStart ? filter.since : windowStart;
  const response = await search.latest({ ...filter, since }, Math.max(1, limit));
  return {
    total: response.total,
    examples: response.hits
      .slice(0, Math.max(0, limit))
      .map(({ title, url, publishedAt }) => ({ title, url, publishedAt })),
    since,
  };
}
