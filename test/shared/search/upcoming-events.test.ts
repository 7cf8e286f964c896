import { describe, expect, it } from 'vitest';
import { SearchIndex } from '#shared/search/search-index.js';
import { makeResource } from '../../helpers/resources.js';
import { eventResource } from '../events/fixtures.js';

/**
 * Search ranks an upcoming event above a past one of the same relevance (issue 17.2): events count
 * by when they happen, not when they were posted.
 */

const NOW = new Date('2026-03-10T12:00:00.000Z');
const text = {
  title: 'Workshop on multidimensional poverty indexes',
  summary: 'Regional workshop for ministries.',
};
const library = [
  // Posted a year ago, held next month.
  eventResource(
    'coming',
    { startsAt: '2026-04-15T14:00:00.000Z' },
    { ...text, publishedAt: '2025-03-01T12:00:00.000Z' },
  ),
  // Posted last week, held yesterday.
  eventResource(
    'past',
    { startsAt: '2026-03-09T14:00:00.000Z' },
    { ...text, publishedAt: '2026-03-03T12:00:00.000Z' },
  ),
  // A document as fresh as the past event.
  makeResource({ id: 'doc', ...text, publishedAt: '2026-03-03T12:00:00.000Z' }),
];

const ids = (index: SearchIndex, query: string, now = NOW) =>
  index.search({ query, limit: 10 }, now).hits.map((h) => h.id);

describe('events in search', () => {
  it('ranks an upcoming event above a past one with the same words, whatever their posting dates', () => {
    const index = SearchIndex.build(library, new Map(), { builtAt: NOW.toISOString() });
    const order = ids(index, 'multidimensional poverty workshop');
    expect(order.indexOf('coming')).toBeLessThan(order.indexOf('past'));
    // Once it is over too, the newer posting wins again.
    const later = ids(index, 'multidimensional poverty workshop', new Date('2026-05-01T00:00:00.000Z'));
    expect(later.indexOf('past')).toBeLessThan(later.indexOf('coming'));
  });

  it('keeps that order through a snapshot', () => {
    const built = SearchIndex.build(library, new Map(), { builtAt: NOW.toISOString() });
    const index = SearchIndex.fromSnapshotJson(built.toSnapshotJson());
    expect(ids(index, 'poverty workshop')).toEqual(ids(built, 'poverty workshop'));
    expect(ids(index, 'poverty workshop')[0]).toBe('coming');
  });
});
