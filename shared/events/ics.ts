import ICAL from 'ical.js';
import type { Found, FoundWhen, Moment, Unread } from './extract.js';
import { locationOf } from './location.js';
import { isMeetingLink } from './text-dates.js';
import { isTimeZone, zoneNamed } from './zones.js';

/**
 * An iCalendar document (RFC 5545), as a partner attaches to an event item or links from it, to
 * what it says of the event: DTSTART/DTEND (or DURATION), all-day or timed, the TZID as an IANA
 * zone (Windows names too; a custom VTIMEZONE is applied by ical.js), LOCATION as venue, city and
 * country, a meeting link (a URL location, RFC 7986 CONFERENCE, Teams' and Zoom's X- properties).
 * Parsed by ical.js, which never touches the network. Pure; a document that is too large, malformed
 * or has no VEVENT gives a reason instead.
 */

/** A partner's event file is a few kilobytes; a calendar of a thousand events is not one event. */
export const ICS_MAX_CHARS = 512 * 1024;

const pad = (n: number) => String(n).padStart(2, '0');

function momentOf(
  prop: ICAL.Property | null,
  calendar: ICAL.Component,
): { moment?: Moment; date?: string; zone?: string } {
  if (!prop) return {};
  const value = prop.getFirstValue() as ICAL.Time | null;
  if (!value || typeof value !== 'object' || !('year' in value)) return {};
  const date = `${String(value.year).padStart(4, '0')}-${pad(value.month)}-${pad(value.day)}`;
  if (value.isDate) return { date };
  const wall = `${date}T${pad(value.hour)}:${pad(value.minute)}`;
  const tzid = prop.getParameter('tzid');
  const tzidText = typeof tzid === 'string' ? tzid.replace(/^\//, '') : undefined;
  if (tzidText) {
    const zone = isTimeZone(tzidText) ? tzidText : zoneNamed(tzidText);
    if (zone) return { moment: { wall }, zone };
    // A zone of the document's own: ical.js applies its VTIMEZONE rules.
    const vtimezone = calendar
      .getAllSubcomponents('vtimezone')
      .find((c) => c.getFirstPropertyValue('tzid') === tzid);
    if (!vtimezone) return {};
    const local = value.clone();
    local.zone = new ICAL.Timezone(vtimezone);
    return { moment: { instant: new Date(local.toUnixTime() * 1000).toISOString() } };
  }
  if (value.zone?.tzid === 'UTC')
    return { moment: { instant: new Date(value.toUnixTime() * 1000).toISOString() } };
  // A floating time: a zone may still come from the location's city.
  return { moment: { wall } };
}

function whenOf(vevent: ICAL.Component, calendar: ICAL.Component): FoundWhen | undefined {
  const start = momentOf(vevent.getFirstProperty('dtstart'), calendar);
  let end = momentOf(vevent.getFirstProperty('dtend'), calendar);
  if (start.date) {
    let last = start.date;
    if (end.date && end.date > start.date) {
      // DTEND of an all-day event is the day after its last (exclusive).
      const d = new Date(`${end.date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      last = d.toISOString().slice(0, 10);
    } else if (!end.date && vevent.getFirstPropertyValue('duration')) {
      const event = new ICAL.Event(vevent);
      const e = event.endDate;
      const d = new Date(Date.UTC(e.year, e.month - 1, e.day - 1));
      if (d.toISOString().slice(0, 10) > start.date) last = d.toISOString().slice(0, 10);
    }
    return { days: { first: start.date, last } };
  }
  if (!start.moment) return undefined;
  if (!end.moment && vevent.getFirstPropertyValue('duration')) {
    const event = new ICAL.Event(vevent);
    const duration = event.duration.toSeconds() * 1000;
    if ('instant' in start.moment)
      end = { moment: { instant: new Date(Date.parse(start.moment.instant) + duration).toISOString() } };
    else {
      // Wall time plus a duration: kept as wall time (the same zone applies).
      const ms = Date.parse(`${start.moment.wall}:00Z`) + duration;
      end = { moment: { wall: new Date(ms).toISOString().slice(0, 16) } };
    }
  }
  const zone = start.zone ?? end.zone;
  return {
    start: start.moment,
    ...(end.moment ? { end: end.moment } : {}),
    ...(zone ? { timeZone: zone } : {}),
  };
}

const MEETING_PROPERTIES = [
  'conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-google-conference',
  'x-zoom-url',
];

/** Reads the first VEVENT (the one whose URL is `pageUrl`, when several are given). */
export function readIcs(text: string, pageUrl?: string): Found | Unread {
  if (text.length > ICS_MAX_CHARS) return { reason: `the .ics is larger than ${ICS_MAX_CHARS} characters` };
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 2048)))
    return { reason: 'not an iCalendar document (no BEGIN:VCALENDAR)' };
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    return {
      reason: `malformed iCalendar: ${String((error as Error).message)
        .split('\n')[0]!
        .slice(0, 200)}`,
    };
  }
  try {
    const events = calendar.getAllSubcomponents('vevent');
    if (events.length === 0) return { reason: 'the .ics has no VEVENT' };
    const vevent = (pageUrl && events.find((e) => e.getFirstPropertyValue('url') === pageUrl)) || events[0]!;
    const found: Found = {};
    const when = whenOf(vevent, calendar);
    if (when) found.when = when;
    const location = String(vevent.getFirstPropertyValue('location') ?? '').trim();
    if (/^https?:\/\//i.test(location)) found.online = { url: location };
    else if (location) {
      const place = locationOf(location);
      if (place) found.place = place;
    }
    for (const name of MEETING_PROPERTIES) {
      const url = String(vevent.getFirstPropertyValue(name) ?? '');
      if (/^https?:\/\//i.test(url)) found.online = { url };
    }
    if (!found.online) {
      const description = String(vevent.getFirstPropertyValue('description') ?? '');
      const meeting = description.match(/https?:\/\/[^\s<>"]+/g)?.find(isMeetingLink);
      if (meeting) found.online = { url: meeting };
    }
    return Object.keys(found).length ? found : { reason: 'the VEVENT has no date, place or link' };
  } catch (error) {
    return { reason: `unreadable VEVENT: ${String((error as Error).message).slice(0, 200)}` };
  }
}
