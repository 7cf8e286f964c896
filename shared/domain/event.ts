/**
 * What the relay knows of an event resource (type `event`): when, where, how to register. Read at
 * ingest from what the partner publishes (shared/events/), corrected by an admin; a field that could
 * not be read is absent, never guessed. `sources` says where each known field came from.
 */

/** Where a field was read, most trusted first; `admin` is a correction (`iaspn events set`). */
export const EVENT_SOURCES = ['admin', 'ics', 'jsonld', 'microdata', 'feed-extension', 'text'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export type EventField = 'start' | 'end' | 'timeZone' | 'place' | 'online' | 'registrationUrl';

export interface EventPlace {
  venue?: string;
  city?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

export interface EventInfo {
  /**
   * ISO 8601 UTC instant. For an all-day event, the start of its first day in `timeZone` when one is
   * known, else 00:00 UTC of that day (then `allDay` is true and `timeZone` absent).
   */
  startsAt?: string;
  /** ISO 8601 UTC instant; for an all-day event, the end of its last day (exclusive midnight). */
  endsAt?: string;
  /** IANA zone the partner gave the times in (`America/New_York`), when named or implied by a city. */
  timeZone?: string;
  /** Dates without times ("18-19 September"). */
  allDay?: boolean;
  place?: EventPlace;
  /** Held online; `url` is the meeting link when one is given. */
  online?: { url?: string };
  registrationUrl?: string;
  sources: Partial<Record<EventField, EventSource>>;
}
