import { describe, expect, it } from 'vitest';
import type { EventInfo } from '#shared/domain/event.js';
import { correctedWhen, EventCorrectionError } from '#shared/events/corrections.js';
import { combineEvent, keepCorrections } from '#shared/events/extract.js';
import type { readExtension } from '#shared/events/feed-extension.js';
import { ICS_MAX_CHARS, readIcs } from '#shared/events/ics.js';
import { eventOfItem } from '#shared/events/item.js';
import { readJsonLd, readMicrodata } from '#shared/events/jsonld.js';
import { eventWithSources, icsLinkOf, readSourceText } from '#shared/events/sources.js';
import { readEventText } from '#shared/events/text-dates.js';

/**
 * Event data from what partners publish (issue 17.1), read without the network: each case is one
 * event item as a partner writes it (its words, its feed's extension elements, its .ics, its page)
 * and what the relay must make of it. Instants are UTC; what the item does not say stays absent.
 */

interface Case {
  name: string;
  title: string;
  text?: string;
  html?: string;
  publishedAt?: string;
  extension?: Parameters<typeof readExtension>[0];
  ics?: string;
  page?: string;
  expected: Omit<EventInfo, 'sources'> & { sources: EventInfo['sources'] };
}

/** The whole reading of one item: the feed's part, then its .ics and page (sources.ts does the fetching). */
async function readCase(c: Case): Promise<EventInfo> {
  const base = eventOfItem({
    title: c.title,
    summary: c.text ?? '',
    contentHtml: c.html,
    publishedAt: c.publishedAt ?? '2026-08-01T12:00:00.000Z',
    extension: c.extension,
  });
  const found = {
    ...(c.ics ? (await readSourceText('ics', c.ics, 'https://partner.example.org/event.ics')).found : {}),
    ...(c.page ? (await readSourceText('page', c.page, 'https://partner.example.org/event')).found : {}),
  };
  return eventWithSources(base, found) ?? base;
}

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Partner//Events//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) => [
  'BEGIN:VEVENT',
  'UID:evt-1@partner.example.org',
  'DTSTAMP:20260801T120000Z',
  ...lines,
  'END:VEVENT',
];
const page = (jsonld: unknown) =>
  `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(jsonld)}</script></head><body><h1>Event</h1></body></html>`;

const CASES: Case[] = [
  // ---------- the item's own words: English ----------
  {
    name: 'EN weekday, date, time range and a city as the zone',
    title: 'Webinar: Cash transfers and care – Thursday 3 December 2026, 10:00-11:30 (Washington, D.C.)',
    expected: {
      startsAt: '2026-12-03T15:00:00.000Z',
      endsAt: '2026-12-03T16:30:00.000Z',
      timeZone: 'America/New_York',
      online: {},
      sources: { start: 'text', end: 'text', timeZone: 'text', online: 'text' },
    },
  },
  {
    name: 'EN day range with no year, the country before it: all day, UTC, no zone',
    title: 'Workshop on Multidimensional Poverty Indexes, Colombia, 18-19 September',
    publishedAt: '2026-08-10T14:00:00.000Z',
    expected: {
      startsAt: '2026-09-18T00:00:00.000Z',
      endsAt: '2026-09-20T00:00:00.000Z',
      allDay: true,
      place: { country: 'CO' },
      sources: { start: 'text', end: 'text', place: 'text' },
    },
  },
  {
    name: 'EN range across months, in a known city: all day in the city’s zone',
    title: 'Regional forum on social registries, September 30 – October 2, 2026, in Kingston, Jamaica',
    expected: {
      startsAt: '2026-09-30T05:00:00.000Z',
      endsAt: '2026-10-03T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Jamaica',
      place: { city: 'Kingston', country: 'JM' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'EN year-less date before the publication day: the next year',
    title: 'Technical meeting on social pensions, 10 January, in Lima',
    publishedAt: '2026-11-20T10:00:00.000Z',
    expected: {
      startsAt: '2027-01-10T05:00:00.000Z',
      endsAt: '2027-01-11T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Lima',
      place: { city: 'Lima', country: 'PE' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'EN month first, p.m., "ET" (standard time in December)',
    title: 'Launch of the care report',
    text: 'Join us on December 3, 2026 at 2:00 p.m. ET for the launch.',
    expected: {
      startsAt: '2026-12-03T19:00:00.000Z',
      timeZone: 'America/New_York',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'EN "ET" the week before the clocks change (daylight time)',
    title: 'Dialogue on shock-responsive cash, 26 October 2026 at 10:00 ET',
    expected: {
      startsAt: '2026-10-26T14:00:00.000Z',
      timeZone: 'America/New_York',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'EN "Eastern Time" the day after the clocks change (standard time)',
    title: 'Dialogue on shock-responsive cash, 2 November 2026 at 10:00 (Eastern Time)',
    expected: {
      startsAt: '2026-11-02T15:00:00.000Z',
      timeZone: 'America/New_York',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'EN a time with no zone and no place: the start stays unknown',
    title: 'Partner meeting on 5 November at 10:00',
    expected: { sources: {} },
  },
  // ---------- Spanish ----------
  {
    name: 'ES "18-19 de septiembre de 2025" in Bogotá',
    title: 'Taller regional en Bogotá, 18-19 de septiembre de 2025',
    publishedAt: '2025-08-01T12:00:00.000Z',
    expected: {
      startsAt: '2025-09-18T05:00:00.000Z',
      endsAt: '2025-09-20T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Bogota',
      place: { city: 'Bogotá', country: 'CO' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'ES "del 12 al 14 de marzo" with no year, in Ciudad de México',
    title: 'Seminario del 12 al 14 de marzo en Ciudad de México',
    publishedAt: '2026-11-01T12:00:00.000Z',
    expected: {
      startsAt: '2027-03-12T06:00:00.000Z',
      endsAt: '2027-03-15T06:00:00.000Z',
      allDay: true,
      timeZone: 'America/Mexico_City',
      place: { city: 'Mexico City', country: 'MX' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'ES "a las 9:00 (hora de Bogotá)": a zone, not a place',
    title: 'Reunión técnica el 3 de diciembre a las 9:00 (hora de Bogotá)',
    expected: {
      startsAt: '2026-12-03T14:00:00.000Z',
      timeZone: 'America/Bogota',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'ES "de 10:00 a 12:00 (UTC-5)": a fixed offset',
    title: 'Conversatorio virtual: 15 de octubre de 2026, de 10:00 a 12:00 (UTC-5)',
    expected: {
      startsAt: '2026-10-15T15:00:00.000Z',
      endsAt: '2026-10-15T17:00:00.000Z',
      timeZone: 'Etc/GMT+5',
      online: {},
      sources: { start: 'text', end: 'text', timeZone: 'text', online: 'text' },
    },
  },
  {
    name: 'ES a CMS description: "Fecha:", "Lugar:", live stream and a registration link',
    title: 'Foro internacional «Primera infancia y protección social adaptativa» – Lima, 22 y 23 de octubre',
    publishedAt: '2026-10-01T15:00:00.000Z',
    html: '<p><strong>Fecha:</strong> 22 y 23 de octubre de 2026<br /><strong>Lugar:</strong> Centro de Convenciones de Lima y transmisión en vivo<br /><strong>Idiomas:</strong> español e inglés</p><p>Autoridades de Perú y Ecuador. <a href="https://www.midis.example.gob.pe/eventos/foro/inscripcion">Inscripciones abiertas</a>.</p>',
    expected: {
      startsAt: '2026-10-22T05:00:00.000Z',
      endsAt: '2026-10-24T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Lima',
      place: { venue: 'Centro de Convenciones de Lima y transmisión en vivo', city: 'Lima', country: 'PE' },
      online: {},
      registrationUrl: 'https://www.midis.example.gob.pe/eventos/foro/inscripcion',
      sources: {
        start: 'text',
        end: 'text',
        timeZone: 'text',
        place: 'text',
        online: 'text',
        registrationUrl: 'text',
      },
    },
  },
  {
    name: 'ES a registration deadline is not the event’s date',
    title: 'Taller sobre protección social adaptativa',
    text: 'Inscripciones hasta el 15 de octubre. El taller será el 20 de octubre de 2026 en Quito.',
    expected: {
      startsAt: '2026-10-20T05:00:00.000Z',
      endsAt: '2026-10-21T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Guayaquil',
      place: { city: 'Quito', country: 'EC' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  // ---------- Portuguese ----------
  {
    name: 'PT "às 15h (Brasília)" with no year',
    title: 'Oficina sobre o Cadastro Único no dia 10 de março, às 15h (Brasília)',
    publishedAt: '2026-11-01T12:00:00.000Z',
    expected: {
      startsAt: '2027-03-10T18:00:00.000Z',
      timeZone: 'America/Sao_Paulo',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'PT "de 12 a 14 de maio de 2027 em Brasília"',
    title: 'Seminário internacional de 12 a 14 de maio de 2027 em Brasília',
    expected: {
      startsAt: '2027-05-12T03:00:00.000Z',
      endsAt: '2027-05-15T03:00:00.000Z',
      allDay: true,
      timeZone: 'America/Sao_Paulo',
      place: { city: 'Brasília', country: 'BR' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'PT "das 14h às 16h (horário de Brasília)" and a Zoom link',
    title: 'Webinário: 5 de novembro de 2026, das 14h às 16h (horário de Brasília)',
    html: '<p>Acesse pelo <a href="https://us02web.zoom.us/j/8123456789">Zoom</a>.</p>',
    expected: {
      startsAt: '2026-11-05T17:00:00.000Z',
      endsAt: '2026-11-05T19:00:00.000Z',
      timeZone: 'America/Sao_Paulo',
      online: { url: 'https://us02web.zoom.us/j/8123456789' },
      sources: { start: 'text', end: 'text', timeZone: 'text', online: 'text' },
    },
  },
  // ---------- French ----------
  {
    name: 'FR "le 5 mars 2026 à 14h (heure de Paris)"',
    title: 'Atelier le 5 mars 2026 à 14h (heure de Paris)',
    publishedAt: '2026-02-01T12:00:00.000Z',
    expected: {
      startsAt: '2026-03-05T13:00:00.000Z',
      timeZone: 'Europe/Paris',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'FR "du 12 au 14 mars 2027 à Port-au-Prince": the clocks change on the 14th',
    title: 'Conférence nationale sur la protection sociale du 12 au 14 mars 2027 à Port-au-Prince',
    expected: {
      startsAt: '2027-03-12T05:00:00.000Z',
      endsAt: '2027-03-15T04:00:00.000Z',
      allDay: true,
      timeZone: 'America/Port-au-Prince',
      place: { city: 'Port-au-Prince', country: 'HT' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'FR "de 10h à 11h30 (heure de Washington)"',
    title: 'Webinaire le jeudi 3 décembre 2026 de 10h à 11h30 (heure de Washington)',
    expected: {
      startsAt: '2026-12-03T15:00:00.000Z',
      endsAt: '2026-12-03T16:30:00.000Z',
      timeZone: 'America/New_York',
      online: {},
      sources: { start: 'text', end: 'text', timeZone: 'text', online: 'text' },
    },
  },
  {
    name: 'FR "le 1er octobre 2026 à 9h30 (UTC-4)"',
    title: 'Séminaire le 1er octobre 2026 à 9h30 (UTC-4)',
    expected: {
      startsAt: '2026-10-01T13:30:00.000Z',
      timeZone: 'Etc/GMT+4',
      sources: { start: 'text', timeZone: 'text' },
    },
  },
  {
    name: 'EN a call for papers: the abstracts’ deadline is not the conference, held later in Kingston',
    title: 'Call for papers: 2027 Caribbean Social Policy Conference',
    text: 'Abstracts due 31 January 2027. The conference will be held in Kingston on 10-12 May 2027 under the theme "Social protection for resilient islands".',
    html: '<p>We welcome papers on social protection in the Caribbean.</p><p>Abstracts (300 words) by <strong>31 January 2027</strong>.</p>',
    publishedAt: '2026-10-01T12:00:00.000Z',
    expected: {
      startsAt: '2027-05-10T05:00:00.000Z',
      endsAt: '2027-05-13T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Jamaica',
      place: { city: 'Kingston', country: 'JM' },
      sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
    },
  },
  {
    name: 'EN the title gives the day, the summary its times ("2:00-4:00 p.m.") and zone ("(Kingston)")',
    title: 'Seminar: measuring multidimensional poverty in the Caribbean (14 October 2026)',
    text: 'CISPR Seminar Series, Wednesday 14 October 2026, 2:00-4:00 p.m. (Kingston), in person and online.',
    expected: {
      startsAt: '2026-10-14T19:00:00.000Z',
      endsAt: '2026-10-14T21:00:00.000Z',
      timeZone: 'America/Jamaica',
      online: {},
      sources: { start: 'text', end: 'text', timeZone: 'text', online: 'text' },
    },
  },
  {
    name: 'EN the title’s day stays all day when the text’s time has no zone',
    title: 'Seminar on social registries (14 October 2026)',
    text: 'Wednesday 14 October 2026 at 2:00 p.m., Seminar Room 2.',
    expected: {
      startsAt: '2026-10-14T00:00:00.000Z',
      endsAt: '2026-10-15T00:00:00.000Z',
      allDay: true,
      sources: { start: 'text', end: 'text' },
    },
  },
  // ---------- feed extension elements ----------
  {
    name: 'RSS event module: ev:startdate/ev:enddate with offsets, ev:location',
    title: 'Encuentro de registros sociales',
    extension: {
      start: '2026-10-20T09:00:00-05:00',
      end: '2026-10-20T17:00:00-05:00',
      location: 'Hotel Tequendama, Bogotá, Colombia',
    },
    expected: {
      startsAt: '2026-10-20T14:00:00.000Z',
      endsAt: '2026-10-20T22:00:00.000Z',
      timeZone: 'America/Bogota',
      place: { venue: 'Hotel Tequendama', city: 'Bogotá', country: 'CO' },
      sources: {
        start: 'feed-extension',
        end: 'feed-extension',
        timeZone: 'feed-extension',
        place: 'feed-extension',
      },
    },
  },
  {
    name: 'xCal: UTC times in basic format, a meeting URL as the location',
    title: 'Virtual course on graduation programmes',
    extension: {
      start: '20261105T140000Z',
      end: '20261105T160000Z',
      location: 'https://teams.microsoft.com/l/meetup-join/abc',
    },
    expected: {
      startsAt: '2026-11-05T14:00:00.000Z',
      endsAt: '2026-11-05T16:00:00.000Z',
      online: { url: 'https://teams.microsoft.com/l/meetup-join/abc' },
      sources: { start: 'feed-extension', end: 'feed-extension', online: 'feed-extension' },
    },
  },
  {
    name: 'xCal: a wall time with its TZID',
    title: 'Mesa técnica',
    extension: { start: '20261105T090000', timeZone: 'America/Lima' },
    expected: {
      startsAt: '2026-11-05T14:00:00.000Z',
      timeZone: 'America/Lima',
      sources: { start: 'feed-extension', timeZone: 'feed-extension' },
    },
  },
  {
    name: 'CMS <event> block: dates only, a venue in Kingston',
    title: 'Caribbean social protection week',
    extension: {
      start: '2026-11-12',
      end: '2026-11-13',
      location: 'Jamaica Conference Centre, Kingston, Jamaica',
    },
    expected: {
      startsAt: '2026-11-12T05:00:00.000Z',
      endsAt: '2026-11-14T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Jamaica',
      place: { venue: 'Jamaica Conference Centre', city: 'Kingston', country: 'JM' },
      sources: {
        start: 'feed-extension',
        end: 'feed-extension',
        timeZone: 'feed-extension',
        place: 'feed-extension',
      },
    },
  },
  {
    name: 'extension beats the text for the dates; the text still gives the place it alone knows',
    title: 'Foro en Quito, 3 de noviembre de 2026',
    extension: { start: '2026-11-04', end: '2026-11-04' },
    expected: {
      startsAt: '2026-11-04T05:00:00.000Z',
      endsAt: '2026-11-05T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Guayaquil',
      place: { city: 'Quito', country: 'EC' },
      sources: { start: 'feed-extension', end: 'feed-extension', timeZone: 'text', place: 'text' },
    },
  },
  // ---------- .ics ----------
  {
    name: '.ics with an IANA TZID and a LOCATION of venue, city and country',
    title: 'Encuentro regional',
    ics: ics(
      ...vevent(
        'DTSTART;TZID=America/Bogota:20261020T090000',
        'DTEND;TZID=America/Bogota:20261020T170000',
        'SUMMARY:Encuentro regional',
        'LOCATION:Centro de Convenciones Ágora\\, Bogotá\\, Colombia',
      ),
    ),
    expected: {
      startsAt: '2026-10-20T14:00:00.000Z',
      endsAt: '2026-10-20T22:00:00.000Z',
      timeZone: 'America/Bogota',
      place: { venue: 'Centro de Convenciones Ágora', city: 'Bogotá', country: 'CO' },
      sources: { start: 'ics', end: 'ics', timeZone: 'ics', place: 'ics' },
    },
  },
  {
    name: '.ics all-day (VALUE=DATE, DTEND exclusive)',
    title: 'Semana de la protección social',
    ics: ics(...vevent('DTSTART;VALUE=DATE:20261118', 'DTEND;VALUE=DATE:20261120', 'SUMMARY:Semana')),
    expected: {
      startsAt: '2026-11-18T00:00:00.000Z',
      endsAt: '2026-11-20T00:00:00.000Z',
      allDay: true,
      sources: { start: 'ics', end: 'ics' },
    },
  },
  {
    name: '.ics from Outlook: a Windows zone name as TZID, with its VTIMEZONE',
    title: 'Mesa de trabajo',
    ics: ics(
      'BEGIN:VTIMEZONE',
      'TZID:SA Pacific Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'END:VTIMEZONE',
      ...vevent(
        'DTSTART;TZID=SA Pacific Standard Time:20261110T080000',
        'DTEND;TZID=SA Pacific Standard Time:20261110T100000',
        'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/xyz',
      ),
    ),
    expected: {
      startsAt: '2026-11-10T13:00:00.000Z',
      endsAt: '2026-11-10T15:00:00.000Z',
      timeZone: 'America/Bogota',
      online: { url: 'https://teams.microsoft.com/l/meetup-join/xyz' },
      sources: { start: 'ics', end: 'ics', timeZone: 'ics', online: 'ics' },
    },
  },
  {
    name: '.ics with a zone of its own: ical.js applies the VTIMEZONE, the zone name stays unknown',
    title: 'Taller',
    ics: ics(
      'BEGIN:VTIMEZONE',
      'TZID:Partner Local Time',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:-0300',
      'TZOFFSETTO:-0300',
      'END:STANDARD',
      'END:VTIMEZONE',
      ...vevent('DTSTART;TZID=Partner Local Time:20261110T090000', 'DURATION:PT2H'),
    ),
    expected: {
      startsAt: '2026-11-10T12:00:00.000Z',
      endsAt: '2026-11-10T14:00:00.000Z',
      sources: { start: 'ics', end: 'ics' },
    },
  },
  {
    name: '.ics in UTC with a DURATION and a Zoom link in its description',
    title: 'Webinar',
    ics: ics(
      ...vevent(
        'DTSTART:20261201T150000Z',
        'DURATION:PT1H30M',
        'DESCRIPTION:Join: https://zoom.us/j/99887766 (passcode in the invitation)',
      ),
    ),
    expected: {
      startsAt: '2026-12-01T15:00:00.000Z',
      endsAt: '2026-12-01T16:30:00.000Z',
      online: { url: 'https://zoom.us/j/99887766' },
      sources: { start: 'ics', end: 'ics', online: 'ics' },
    },
  },
  {
    name: '.ics over JSON-LD over text: each field from the most trusted source that has it',
    title: 'Webinar: 4 December 2026, 09:00 (Washington, D.C.)',
    ics: ics(...vevent('DTSTART:20261203T140000Z', 'DTEND:20261203T153000Z')),
    page: page({
      '@context': 'https://schema.org',
      '@type': 'Event',
      startDate: '2026-12-05T10:00:00-05:00',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://meet.google.com/abc-defg-hij' },
      offers: { '@type': 'Offer', url: 'https://partner.example.org/register/webinar' },
    }),
    expected: {
      startsAt: '2026-12-03T14:00:00.000Z',
      endsAt: '2026-12-03T15:30:00.000Z',
      online: { url: 'https://meet.google.com/abc-defg-hij' },
      registrationUrl: 'https://partner.example.org/register/webinar',
      sources: { start: 'ics', end: 'ics', online: 'jsonld', registrationUrl: 'jsonld' },
    },
  },
  // ---------- JSON-LD and microdata on the page ----------
  {
    name: 'JSON-LD Event with an offset, a PostalAddress and an offer',
    title: 'Diálogo regional',
    page: page({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Diálogo regional',
      startDate: '2026-11-05T10:00:00-03:00',
      endDate: '2026-11-05T13:00:00-03:00',
      location: {
        '@type': 'Place',
        name: 'Torre Ejecutiva',
        address: { '@type': 'PostalAddress', addressLocality: 'Montevideo', addressCountry: 'UY' },
      },
      offers: [{ '@type': 'Offer', url: 'https://partner.example.org/inscripcion' }],
    }),
    expected: {
      startsAt: '2026-11-05T13:00:00.000Z',
      endsAt: '2026-11-05T16:00:00.000Z',
      timeZone: 'America/Montevideo',
      place: { venue: 'Torre Ejecutiva', city: 'Montevideo', country: 'UY' },
      registrationUrl: 'https://partner.example.org/inscripcion',
      sources: {
        start: 'jsonld',
        end: 'jsonld',
        timeZone: 'jsonld',
        place: 'jsonld',
        registrationUrl: 'jsonld',
      },
    },
  },
  {
    name: 'JSON-LD @graph, EducationEvent, a time with no offset: the city gives the zone (Chile, summer time)',
    title: 'Curso',
    page: page({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Curso' },
        {
          '@type': ['EducationEvent'],
          startDate: '2026-11-05T10:00',
          location: {
            '@type': 'Place',
            address: { addressLocality: 'Santiago', addressCountry: { name: 'Chile' } },
          },
        },
      ],
    }),
    expected: {
      startsAt: '2026-11-05T13:00:00.000Z',
      timeZone: 'America/Santiago',
      place: { city: 'Santiago', country: 'CL' },
      sources: { start: 'jsonld', timeZone: 'jsonld', place: 'jsonld' },
    },
  },
  {
    name: 'microdata Event: a date and a city',
    title: 'Jornada',
    page: '<html><body><div itemscope itemtype="https://schema.org/Event"><h1 itemprop="name">Jornada</h1><time itemprop="startDate" datetime="2026-12-01">1 de diciembre</time><div itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="addressLocality">Quito</span>, <span itemprop="addressCountry">Ecuador</span></div></div></body></html>',
    expected: {
      startsAt: '2026-12-01T05:00:00.000Z',
      endsAt: '2026-12-02T05:00:00.000Z',
      allDay: true,
      timeZone: 'America/Guayaquil',
      place: { city: 'Quito', country: 'EC' },
      sources: { start: 'microdata', end: 'microdata', timeZone: 'microdata', place: 'microdata' },
    },
  },
  // ---------- unknowns ----------
  {
    name: 'an event item that names no date, place or link: everything unknown',
    title: 'Save the date: our annual meeting',
    text: 'More details soon.',
    expected: { sources: {} },
  },
];

describe('event data from what partners publish', () => {
  it('has at least 30 cases, in the four languages and from every source', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const sources = new Set(CASES.flatMap((c) => Object.values(c.expected.sources)));
    expect([...sources].sort()).toEqual(['feed-extension', 'ics', 'jsonld', 'microdata', 'text']);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      expect(await readCase(c)).toEqual(c.expected);
    });
  }
});

describe('hostile or broken sources are skipped with a reason', () => {
  it('a malformed .ics', () => {
    expect(readIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=:::\r\n')).toMatchObject({
      reason: expect.stringMatching(/malformed|no VEVENT|unreadable/),
    });
  });

  it('a huge .ics', () => {
    const huge = ics(
      ...Array.from({ length: 20_000 }, (_, i) =>
        vevent(`DTSTART:20261201T15${String(i % 60).padStart(2, '0')}00Z`),
      ).flat(),
    );
    expect(huge.length).toBeGreaterThan(ICS_MAX_CHARS);
    expect(readIcs(huge)).toEqual({ reason: `the .ics is larger than ${ICS_MAX_CHARS} characters` });
  });

  it('a document that is not iCalendar', () => {
    expect(readIcs('<html>Not found</html>')).toEqual({
      reason: 'not an iCalendar document (no BEGIN:VCALENDAR)',
    });
  });

  it('malformed JSON-LD, then a valid block on the same page is still read', () => {
    const html = `<script type="application/ld+json">{"@type": "Event", "startDate": </script>${page({ '@type': 'Event', startDate: '2026-11-05' })}`;
    expect(readJsonLd(html)).toEqual({ when: { days: { first: '2026-11-05', last: '2026-11-05' } } });
    expect(readJsonLd('<script type="application/ld+json">{oops</script>')).toMatchObject({
      reason: expect.stringContaining('malformed JSON-LD'),
    });
  });

  it('an oversized JSON-LD block, and a deeply nested one, are bounded', () => {
    const big = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Event', startDate: '2026-11-05', filler: 'x'.repeat(300_000) })}</script>`;
    expect(readJsonLd(big)).toMatchObject({ reason: expect.stringContaining('skipped') });
    const nested = `${'{"@graph":['.repeat(5000)}{"@type":"Event","startDate":"2026-11-05"}${']}'.repeat(5000)}`;
    // Past the walk's node budget: not found, and no stack overflow.
    expect(readJsonLd(`<script type="application/ld+json">${nested}</script>`)).toMatchObject({
      reason: expect.any(String),
    });
  });

  it('a page with no event markup', () => {
    expect(readMicrodata('<html><body>News</body></html>')).toEqual({
      reason: 'no schema.org Event microdata on the page',
    });
  });

  it('impossible dates are not read ("31 de junio")', () => {
    expect(
      readEventText({
        title: 'Taller el 31 de junio de 2026',
        text: '',
        publishedAt: '2026-05-01T00:00:00Z',
      }),
    ).toBeUndefined();
  });
});

describe('which .ics is read', () => {
  it('an enclosure of type text/calendar or ending in .ics, else an .ics link in the content', () => {
    const enclosures = [
      { url: 'https://p.example.org/brief.pdf', mimeType: 'application/pdf' },
      { url: 'https://p.example.org/invite', mimeType: 'text/calendar' },
    ];
    expect(icsLinkOf({ enclosures })).toBe('https://p.example.org/invite');
    expect(
      icsLinkOf({
        enclosures: [],
        contentHtml:
          '<p><a href="https://p.example.org/a.pdf">Agenda</a> <a href="https://p.example.org/e/webinar.ics?v=2">Add to calendar</a></p>',
      }),
    ).toBe('https://p.example.org/e/webinar.ics?v=2');
    expect(icsLinkOf({ enclosures: [], contentHtml: '<p>No invitation</p>' })).toBeUndefined();
  });
});

describe('admin corrections', () => {
  it('a corrected start, end and zone win over a later reading; the place read stays', () => {
    const corrected = {
      ...correctedWhen({ start: '2026-12-04T09:00', end: '2026-12-04T11:00', timeZone: 'America/Bogota' }),
    };
    expect(corrected).toEqual({
      startsAt: '2026-12-04T14:00:00.000Z',
      endsAt: '2026-12-04T16:00:00.000Z',
      timeZone: 'America/Bogota',
      sources: { start: 'admin', end: 'admin', timeZone: 'admin' },
    });
    const reread = combineEvent([
      [
        'text',
        {
          when: { days: { first: '2026-12-03', last: '2026-12-03' } },
          place: { city: 'Lima', country: 'PE' },
        },
      ],
    ]);
    expect(keepCorrections(reread, corrected)).toEqual({
      ...corrected,
      place: { city: 'Lima', country: 'PE' },
      sources: { ...corrected.sources, place: 'text' },
    });
  });

  it('an all-day correction with no zone', () => {
    expect(correctedWhen({ start: '2026-12-04', end: '2026-12-05' })).toEqual({
      startsAt: '2026-12-04T00:00:00.000Z',
      endsAt: '2026-12-06T00:00:00.000Z',
      allDay: true,
      sources: { start: 'admin', end: 'admin' },
    });
  });

  it('refuses a wall time without a zone, an unknown zone, and an end before the start', () => {
    expect(() => correctedWhen({ start: '2026-12-04T09:00' })).toThrow(EventCorrectionError);
    expect(() => correctedWhen({ start: '2026-12-04T09:00', timeZone: 'Mars/Olympus' })).toThrow(/IANA/);
    expect(() =>
      correctedWhen({ start: '2026-12-04T09:00', end: '2026-12-04T08:00', timeZone: 'America/Lima' }),
    ).toThrow(/not after/);
  });
});
