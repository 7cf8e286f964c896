import type { EventInfo } from '../domain/event.js';
import type { Language } from '../domain/resource.js';
import { displayCountry } from '../taxonomy/index.js';
import { eventEndMs } from './upcoming.js';

/**
 * An event's when and where as members read them, in their language and time zone, and the links
 * that put it in a calendar. Plain text: each face escapes it its own way.
 */

const LOCALES: Record<string, string> = { en: 'en-US', es: 'es', pt: 'pt-BR', fr: 'fr' };
const locale = (lang: Language) => LOCALES[lang] ?? 'en-US';

const ONLINE: Record<Language, string> = { en: 'online', es: 'en línea', pt: 'on-line', fr: 'en ligne' };

const tidy = (s: string) => s.replace(/\s+de\s+(?=\d)/g, ' ').replace(/[\u2009\u202f]/g, ' ');

/**
 * "Thu, Dec 3, 2026, 10:00 – 11:30 AM EST" / "jue, 3 dic 2026, 12:00 – 13:30 GMT-3" for a timed
 * event, in the member's zone; "Sep 18 – 19, 2025" for an all-day one, whose dates are its own
 * (in the zone it was given in, never moved to the member's). Undefined when the start is unknown.
 */
export function formatEventWhen(
  event: Pick<EventInfo, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone'>,
  timeZone: string,
  lang: Language,
): string | undefined {
  if (!event.startsAt) return undefined;
  const start = new Date(event.startsAt);
  if (Number.isNaN(start.getTime())) return undefined;
  if (event.allDay) {
    const zone = event.timeZone ?? 'UTC';
    const format = new Intl.DateTimeFormat(locale(lang), {
      weekday: event.endsAt ? undefined : 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: zone,
    });
    const lastDay = new Date(eventEndMs(event) - 1);
    return tidy(lastDay > start ? format.formatRange(start, lastDay) : format.format(start));
  }
  const format = new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const end = event.endsAt ? new Date(event.endsAt) : undefined;
  return tidy(end && end > start ? format.formatRange(start, end) : format.format(start));
}

/** "Hotel Tequendama, Bogotá, Colombia", "online", "Lima, Peru · online"; undefined when unknown. */
export function formatEventPlace(
  event: Pick<EventInfo, 'place' | 'online'>,
  lang: Language,
): string | undefined {
  const { place } = event;
  const where = [place?.venue, place?.city, place?.country ? displayCountry(place.country, lang) : undefined]
    .filter((s): s is string => Boolean(s?.trim()))
    .join(', ');
  const parts = [where, event.online ? ONLINE[lang] : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/**
 * The links under an event: Register, Add to calendar (the HTTP API's .ics, when the relay's
 * public URL is known), Google Calendar; labels from the caller's catalogue.
 */
export function eventLinks(
  resource: { id: string; title: string; url: string; event: EventInfo },
  labels: { register: string; calendar: string; google: string },
  publicUrl: string | undefined,
  lang: Language,
): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  const registration = resource.event.registrationUrl;
  if (registration && /^https?:\/\//i.test(registration))
    links.push({ label: labels.register, url: registration });
  if (publicUrl) links.push({ label: labels.calendar, url: `${publicUrl}${eventCalendarPath(resource.id)}` });
  const google = googleCalendarLink(resource, lang);
  if (google) links.push({ label: labels.google, url: google });
  return links;
}

/** The URL path of one event's iCalendar file (served by the HTTP API's calendar routes). */
export const eventCalendarPath = (resourceId: string) => `/calendar/${encodeURIComponent(resourceId)}.ics`;

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A day as yyyymmdd in a zone (an all-day event's dates in the zone they were given in). */
function dayIn(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: zone,
  }).format(new Date(ms));
  return parts.replace(/-/g, '');
}

/**
 * Google Calendar's "add event" template link: UTC times for a timed event, dates for an all-day
 * one (end exclusive); a timed event with no known end is shown as its start only.
 */
export function googleCalendarLink(
  resource: {
    title: string;
    url: string;
    event: Pick<EventInfo, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone' | 'place' | 'online'>;
  },
  lang: Language = 'en',
): string | undefined {
  const { event } = resource;
  if (!event.startsAt) return undefined;
  const start = Date.parse(event.startsAt);
  const end = eventEndMs(event);
  const dates = event.allDay
    ? `${dayIn(start, event.timeZone ?? 'UTC')}/${dayIn(end, event.timeZone ?? 'UTC')}`
    : `${compact(new Date(start).toISOString())}/${compact(new Date(end).toISOString())}`;
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: resource.title,
    dates,
    details: resource.url,
  });
  const where = formatEventPlace(event, lang);
  if (where) params.set('location', where);
  if (!event.allDay && event.timeZone) params.set('ctz', event.timeZone);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
