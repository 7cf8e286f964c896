import type { EventInfo } from './event.js';

/**
 * The library's unit: one partner publication, normalised from a feed item.
 */

export const RESOURCE_TYPES = ['news', 'document', 'video', 'audio', 'photo', 'event', 'highlight'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Enclosure {
  url: string;
  mimeType?: string;
  length?: number;
}

export interface Resource {
  /** Stable: GUID, else Atom id, else canonical URL, else a hash of title and date. */
  id: string;
  /** The feed that first brought it; `sources` lists every feed that carries it. */
  feedId: string;
  partnerId: string;
  sources: { feedId: string; partnerId: string }[];
  /** Absolute, canonical, http(s). */
  url: string;
  /** Plain text. */
  title: string;
  /** Plain text, cut at a word boundary. */
  summary: string;
  /** Sanitised with an allow-list. */
  contentHtml?: string;
  /** ISO 8601 UTC. */
  publishedAt: string;
  updatedAt?: string;
  firstSeenAt: string;
  /** True when the feed gave no usable date and publishedAt is the first-seen time. */
  dateFallback?: boolean;
  /** True when publishedAt was an ambiguous numeric date read day first, as the feed's language writes it. */
  dateDayFirst?: boolean;
  language: Language;
  type: ResourceType;
  /** Taxonomy topic ids. */
  topics: string[];
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  authors: string[];
  categories: string[];
  enclosures: Enclosure[];
  imageUrl?: string;
  /** Hash of the normalised content: a changed item is rewritten, an unchanged one costs nothing. */
  contentHash: string;
  /** Events only: when, where, registration (shared/domain/event.ts); absent until read. */
  event?: EventInfo;
}
