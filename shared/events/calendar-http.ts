import { parseFilterText } from '../filters/language.js';
import { problemText } from '../filters/problems.js';
import type { HttpEvent, HttpHandler, HttpResult, HttpRoute } from '../http/types.js';
import { getResource, getResources } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import type { SearchService } from '../search/types.js';
import { foldText } from '../taxonomy/fold.js';
import { eventsCalendar } from './calendar.js';
import { isDated, searchCatalogue } from './upcoming.js';

/**
 * The calendar endpoints, one handler for the local stack (cli/local/routes.ts) and the deployed
 * HTTP API (functions/calendar/handler.ts):
 *
 * - `GET /calendar.ics`: every event, or those a filter keeps: `?topic=cct&country=peru&lang=es`
 *   (also `type`, `partner`, and `q` for words), read by the one filter language; a value that
 *   means nothing, or a parameter that is none of these, is a 400 with the reason;
 * - `GET /calendar/<resource id>.ics`: one event (the chat's "Add to calendar").
 *
 * Feeds hold the events not ended more than PAST_DAYS ago and every later one.
 */

export const CALENDAR_PATH = '/calendar';
export const CALENDAR_FEED_PATH = '/calendar.ics';
/** Events that ended longer ago than this are left out of the feeds (calendars keep what they had). */
export const PAST_DAYS = 90;

/**
 * Query parameters and the filter language's key each one is, in English and in Spanish
 * (`?tema=salud&pais=perú`, as the filter language's keys), accents and case aside.
 */
const PARAMETERS: Record<string, string | undefined> = {
  topic: 'topic',
  country: 'country',
  lang: 'lang',
  type: 'type',
  partner: 'partner',
  q: undefined,
  tema: 'topic',
  pais: 'country',
  idioma: 'lang',
  tipo: 'type',
  socio: 'partner',
};
const SPANISH_PARAMETERS = new Set(['tema', 'pais', 'idioma', 'tipo', 'socio']);
/** `lang=` / `idioma=` values that ask for Spanish: the answer's language too. */
const SPANISH_VALUES = new Set(['es', 'espanol', 'spanish']);

/** The language a query string speaks: Spanish when it names a parameter in Spanish or asks for lang=es. */
export function calendarLanguage(query: URLSearchParams): 'en' | 'es' {
  for (const [name, value] of query) {
    const key = foldText(name);
    if (SPANISH_PARAMETERS.has(key)) return 'es';
    if (PARAMETERS[key] === 'lang' && SPANISH_VALUES.has(foldText(value))) return 'es';
  }
  return 'en';
}

const text = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: `${body}\n`,
});

const calendar = (body: string, filename: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    // Calendar apps poll; the library changes once a cycle.
    'cache-control': 'public, max-age=900',
  },
  body,
});

/** The query string as filter-language text, or the reason it is refused. */
export function calendarFilterText(query: URLSearchParams): { text: string } | { error: string } {
  const es = calendarLanguage(query) === 'es';
  const parts: string[] = [];
  for (const [name, value] of query) {
    const folded = foldText(name);
    if (!Object.hasOwn(PARAMETERS, folded))
      return {
        error: es
          ? `Parámetro desconocido "${name}": use tema, pais, idioma, tipo, socio o q.`
          : `Unknown parameter "${name}": use topic, country, lang, type, partner or q.`,
      };
    const clean = value.replace(/["\r\n]/g, ' ').trim();
    if (!clean) return { error: es ? `"${name}" está vacío.` : `"${name}" is empty.` };
    if (clean.length > 200) return { error: es ? `"${name}" es demasiado largo.` : `"${name}" is too long.` };
    const key = PARAMETERS[folded];
    parts.push(key ? `${key}:"${clean}"` : clean);
  }
  return { text: parts.join(' ') };
}

export function createCalendarHandler(
  runtime: Runtime,
  options: { search?: SearchService } = {},
): HttpHandler {
  let search: Promise<SearchService> | undefined;
  const searchService = () => {
    search ??= options.search
      ? Promise.resolve(options.search)
      : import('../search/service.js').then((s) => s.createSearchService(runtime, { recheckMs: 60_000 }));
    return search;
  };

  async function feed(event: HttpEvent): Promise<HttpResult> {
    const query = new URLSearchParams(event.rawQueryString ?? '');
    const asked = calendarFilterText(query);
    if ('error' in asked) return text(400, asked.error);
    const service = await searchService();
    const partners = await service.partners();
    const now = runtime.clock();
    const parsed = parseFilterText(asked.text, { now, partners });
    const refused = parsed.problems.filter((p) => p.code !== 'note');
    if (refused.length)
      return text(400, refused.map((p) => problemText(p, calendarLanguage(query), partners)).join(' '));
    const catalogue = searchCatalogue(service, (ids) => getResources(runtime.store, ids));
    const oldest = now.getTime() - PAST_DAYS * 86_400_000;
    const events = (await catalogue(parsed.filter))
      .filter(isDated)
      .filter((r) => Date.parse(r.event.endsAt ?? r.event.startsAt) >= oldest);
    const lang = parsed.filter.languages?.length === 1 && parsed.filter.languages[0] === 'es' ? 'es' : 'en';
    const name = lang === 'es' ? 'Eventos de la RIPSO' : 'IASPN events';
    return calendar(eventsCalendar(events, { name, language: lang }), 'iaspn-events.ics');
  }

  async function one(id: string): Promise<HttpResult> {
    const resource = id ? await getResource(runtime.store, id) : undefined;
    if (resource?.type !== 'event' || !isDated(resource)) return text(404, 'No such event.');
    return calendar(eventsCalendar([resource], { name: resource.title }), 'event.ics');
  }

  return async (event) => {
    const method = event.requestContext?.http?.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return text(405, 'Only GET.');
    const path = (event.rawPath ?? '/').replace(/\/+$/, '');
    try {
      if (path === CALENDAR_FEED_PATH) return await feed(event);
      const match = /^\/calendar\/([^/]+)\.ics$/.exec(path);
      if (match) {
        let id: string;
        try {
          id = decodeURIComponent(match[1]!);
        } catch {
          return text(404, 'No such event.');
        }
        return await one(id);
      }
      return text(404, 'Not found: /calendar.ics or /calendar/<id>.ics');
    } catch (error) {
      runtime.log.error('calendar request failed', {
        path,
        error: error instanceof Error ? error.message : String(error),
      });
      return text(500, 'The calendar could not be made; try again in a minute.');
    }
  };
}

/**
 * The calendar endpoints as the local stack mounts them on its one port: its server strips the
 * route's prefix from the path, which the handler reads whole (as API Gateway gives it).
 */
export function calendarRoutes(runtime: Runtime, options: { search?: SearchService } = {}): HttpRoute[] {
  const handler = createCalendarHandler(runtime, options);
  return [
    {
      prefix: CALENDAR_FEED_PATH,
      describe: 'iCalendar feed of events; filters as query parameters (?topic=…&country=…&lang=es)',
      open: CALENDAR_FEED_PATH,
      handler: (event) => handler({ ...event, rawPath: CALENDAR_FEED_PATH }),
    },
    {
      prefix: CALENDAR_PATH,
      describe: "one event's iCalendar file (/calendar/<id>.ics: chat's Add to calendar)",
      handler: (event) =>
        handler({
          ...event,
          rawPath: `${CALENDAR_PATH}${event.rawPath === '/' ? '' : (event.rawPath ?? '')}`,
        }),
    },
  ];
}
