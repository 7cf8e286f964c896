import type { Resource } from '#shared/domain/resource.js';

let counter = 0;

/** A plain English document from one feed of MIDIS, with whatever the test sets on top. */
export function makeResource(overrides: Partial<Resource> = {}): Resource {
  counter += 1;
  const id = overrides.id ?? `res-${counter}`;
  const partnerId = overrides.partnerId ?? 'midis-pe';
  const firstSeenAt = overrides.firstSeenAt ?? '2026-03-10T11:00:00.000Z';
  return {
    id,
    feedId: 'feed-1',
    partnerId,
    sources: [{ feedId: 'feed-1', partnerId }],
    url: `https://partner.example.org/${id}`,
    title: `Resource ${id}`,
    summary: `Summary of ${id}`,
    publishedAt: firstSeenAt,
    firstSeenAt,
    language: 'en',
    type: 'document',
    topics: [],
    countries: [],
    authors: [],
    categories: [],
    enclosures: [],
    contentHash: `hash-${id}`,
    ...overrides,
  };
}
