import {
  clientTag,
  html,
  isCrossSite,
  isForm,
  pageLanguage,
  requestRuntime,
  type SubscriptionHandlerOptions,
} from '../../digest/http.js';
import { requireTokenSecret, signToken, type TokenSecret, verifyToken } from '../../digest/tokens.js';
import { describeError } from '../../errors.js';
import {
  bodyText,
  type HttpEvent,
  type HttpHandler,
  type HttpResult,
  type HttpRoute,
  header,
} from '../../http/types.js';
import type { Runtime } from '../../runtime/runtime.js';
import { displayTopic } from '../../taxonomy/index.js';
import { type CoopEntry, resolveKind } from '../entry.js';
import { coopReport } from '../exchange.js';
import { CoopMatcher, doneExchanges } from '../match.js';
import { findEntry, listAllEntries } from '../store.js';
import {
  emptySubmission,
  type PageLanguage,
  type PortfolioFilter,
  readFilters,
  readSubmission,
} from './form.js';
import {
  confirmPage,
  messagePage,
  portfolioPage,
  publishedPage,
  reportPage,
  submitPage,
  switchOf,
} from './pages.js';
import { COOP_PAGES_PATH, COOP_ROUTE } from './route.js';
import { COOP_STRINGS } from './strings.js';
import { heldSubmission, publishedEntry, publishSubmission, submitEntry } from './submissions.js';

/**
 * The cooperation exchange's pages, one handler for the local stack and the deployed HTTP API
 * (COOP_ROUTE: `/coop` and everything under it, GET and POST):
 *
 *   GET  /coop                        the portfolio: open offers and requests, filtered by
 *                                     ?kind=&topic=&country=&modality=&language= (a value that
 *                                     means nothing is refused with the closest, not an empty list)
 *   GET  /coop/new?kind=offer|request the submission form (`for=<id>`: topics of the entry answered)
 *   POST /coop/new                    held, and the publishing link emailed ("check your email")
 *   GET  /coop/sent                   "check your email" (the POST's answer, for its language switch)
 *   GET  /coop/confirm?token=         what will be published, and a button (a GET publishes nothing)
 *   POST /coop/confirm                publishes, once
 *   GET  /coop/report?year=           the exchange in numbers (coopReport, as `iaspn coop report`)
 *
 * Every page switches language with a plain link; a page a POST shows links to a GET. The form
 * POST is refused from another site (Origin, Sec-Fetch-Site) and needs the form's token, tied to
 * the client that fetched the form.
 */

/** The portfolio shows at most this many entries (filters narrow it). */
export const MAX_SHOWN = 50;
/** Who fits, per entry. */
const MATCHES_SHOWN = 3;

const other = (lang: PageLanguage): PageLanguage => (lang === 'en' ? 'es' : 'en');

function formToken(secret: TokenSecret, event: HttpEvent, now: Date): string {
  return signToken(secret, 'coop-form', { sub: '-', data: { client: clientTag(event) } }, now);
}

function formTokenOk(secret: TokenSecret, event: HttpEvent, token: string | null, now: Date): boolean {
  const check = verifyToken(secret, 'coop-form', token ?? undefined, now);
  return check.ok && check.claims.data?.client === clientTag(event);
}

/** `publicUrlFromRequest`: links point at the host the request came to (no custom domain configured). */
export type CoopHandlerOptions = SubscriptionHandlerOptions;

export function createCoopHandler(base: Runtime, options: CoopHandlerOptions = {}): HttpHandler {
  return async (event) => {
    const runtime = requestRuntime(base, event, options);
    try {
      return await route(runtime, event);
    } catch (error) {
      runtime.log.error('coop page failed', { path: event.rawPath, error: describeError(error) });
      const lang = pageLanguage(event);
      const s = COOP_STRINGS[lang];
      return html(500, messagePage(lang, s.badLinkTitle, s.serverError));
    }
  };
}

/** The route both places serve (cli/local/routes.ts, infra/stack.ts). */
export function coopRoute(runtime: Runtime, options: CoopHandlerOptions = {}): HttpRoute {
  const { prefix, describe, open } = COOP_ROUTE;
  return { prefix, describe, open, handler: createCoopHandler(runtime, options) };
}

async function route(runtime: Runtime, event: HttpEvent): Promise<HttpResult> {
  const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
  const isPost = method === 'POST';
  if (!isPost && method !== 'GET' && method !== 'HEAD') return html(405, '', { allow: 'GET, POST' });
  // The local server strips the route's prefix; API Gateway gives the whole path: both are read.
  const path =
    (event.rawPath ?? '/').replace(new RegExp(`^${COOP_PAGES_PATH}(?=/|$)`), '').replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(event.rawQueryString ?? '');
  const form = isPost ? new URLSearchParams(bodyText(event)) : undefined;
  const lang = pageLanguage(event, form);
  const s = COOP_STRINGS[lang];
  const here = (page: string) => switchOf(page, isPost ? new URLSearchParams() : query, lang);

  if (isPost) {
    if (path !== '/new' && path !== '/confirm') return html(405, '', { allow: 'GET' });
    if (isCrossSite(event, runtime.config.publicUrl)) {
      runtime.log.warn('cross-site coop post refused', { path, origin: header(event, 'origin') });
      return html(403, messagePage(lang, s.badLinkTitle, s.badLink, here(path)));
    }
    if (!isForm(event)) return html(415, messagePage(lang, s.badLinkTitle, s.badLink, here(path)));
  }

  switch (path) {
    case '/':
      return portfolioResult(runtime, query, lang);
    case '/new':
      return isPost
        ? submit(runtime, event, form as URLSearchParams, lang)
        : newForm(runtime, event, query, lang);
    case '/sent':
      if (isPost) return html(405, '', { allow: 'GET' });
      return html(200, messagePage(lang, s.checkEmailTitle, s.checkEmail, here('/sent')));
    case '/confirm':
      return confirm(runtime, isPost ? form?.get('token') : query.get('token'), isPost, query, lang);
    case '/report':
      return report(runtime, query, lang);
    default:
      return html(404, messagePage(lang, s.badLinkTitle, s.badLink, here(path)));
  }
}

// ---------------------------------------------------------------------------------------------

function keep(entry: CoopEntry, filter: PortfolioFilter): boolean {
  if (entry.status !== 'open' && entry.status !== 'matched') return false;
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.topics?.length && !entry.topics.some((t) => filter.topics?.includes(t))) return false;
  if (filter.countries?.length && !filter.countries.includes(entry.country)) return false;
  if (filter.modality && !entry.modalities.includes(filter.modality)) return false;
  if (filter.language && !(entry.languages as string[]).includes(filter.language)) return false;
  return true;
}

async function portfolioResult(
  runtime: Runtime,
  query: URLSearchParams,
  lang: PageLanguage,
): Promise<HttpResult> {
  const reading = readFilters(query, lang);
  const switchUrl = switchOf('', query, lang);
  if (Object.keys(reading.errors).length > 0)
    return html(
      400,
      portfolioPage(lang, { reading, items: [], counts: { offers: 0, requests: 0 }, more: 0 }, switchUrl),
    );
  const all = await listAllEntries(runtime.store);
  const found = all
    .filter((e) => keep(e, reading.filter))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const matcher = new CoopMatcher(all, doneExchanges(all));
  const items = found
    .slice(0, MAX_SHOWN)
    .map((entry) => ({ entry, matches: matcher.matchesFor(entry, MATCHES_SHOWN) }));
  const counts = {
    offers: found.filter((e) => e.kind === 'offer').length,
    requests: found.filter((e) => e.kind === 'request').length,
  };
  return html(
    200,
    portfolioPage(lang, { reading, items, counts, more: found.length - items.length }, switchUrl),
  );
}

async function newForm(
  runtime: Runtime,
  event: HttpEvent,
  query: URLSearchParams,
  lang: PageLanguage,
): Promise<HttpResult> {
  const s = COOP_STRINGS[lang];
  const kind = resolveKind(query.get('kind') ?? 'offer');
  if (!kind) return html(400, messagePage(lang, s.fields.kind, s.errors.kind, switchOf('/new', query, lang)));
  // Answering an entry: its topics, in the page's words, to start from.
  const answered = query.get('for') ? await findEntry(runtime.store, query.get('for') as string) : undefined;
  const topics = answered ? answered.topics.map((t) => displayTopic(t, lang)).join(', ') : '';
  const token = formToken(requireTokenSecret(runtime.config), event, runtime.clock());
  return html(
    200,
    submitPage(
      lang,
      { values: emptySubmission(kind, topics), formToken: token },
      switchOf('/new', query, lang),
    ),
  );
}

async function submit(
  runtime: Runtime,
  event: HttpEvent,
  form: URLSearchParams,
  lang: PageLanguage,
): Promise<HttpResult> {
  const s = COOP_STRINGS[lang];
  const secret = requireTokenSecret(runtime.config);
  const now = runtime.clock();
  const reading = readSubmission(form, lang);
  const token = formToken(secret, event, now);
  // The form's switch: the empty form of the same kind (a GET), never this POST again.
  const switchUrl = switchOf('/new', new URLSearchParams({ kind: reading.values.kind }), lang);
  const again = (errors: typeof reading.errors) =>
    html(400, submitPage(lang, { values: reading.values, errors, formToken: token }, switchUrl));
  if (!formTokenOk(secret, event, form.get('form'), now))
    return again({ ...reading.errors, contact: reading.errors.contact ?? s.errors.formExpired });
  if (!reading.values.contact) reading.errors.contact = s.errors.email;
  if (!reading.draft || !reading.email || Object.keys(reading.errors).length > 0)
    return again(reading.errors);
  const result = await submitEntry(runtime, {
    draft: reading.draft,
    email: reading.email,
    language: lang,
    source: `web:${event.requestContext?.http?.sourceIp ?? 'unknown'}`,
  });
  if (result.status === 'rate_limited')
    return html(429, messagePage(lang, s.rateLimitedTitle, s.rateLimited, switchUrl), {
      'retry-after': String(result.retryAfterSeconds),
    });
  return html(
    200,
    messagePage(lang, s.checkEmailTitle, s.checkEmail, `${COOP_PAGES_PATH}/sent?lang=${other(lang)}`),
  );
}

async function confirm(
  runtime: Runtime,
  token: string | null | undefined,
  isPost: boolean,
  query: URLSearchParams,
  fallback: PageLanguage,
): Promise<HttpResult> {
  const asked = query.get('lang');
  const bad = (lang: PageLanguage) =>
    html(
      400,
      messagePage(
        lang,
        COOP_STRINGS[lang].badLinkTitle,
        COOP_STRINGS[lang].badLink,
        switchOf('/confirm', query, lang),
      ),
    );
  const switchWithToken = (lang: PageLanguage) =>
    `${COOP_PAGES_PATH}/confirm?${new URLSearchParams({ token: token ?? '', lang: other(lang) })}`;
  if (isPost) {
    const result = await publishSubmission(runtime, token ?? undefined);
    if (result.status !== 'published') return bad(fallback);
    const lang = result.entry.origin?.language ?? fallback;
    return html(200, publishedPage(lang, result.entry, switchWithToken(lang)));
  }
  const found = await heldSubmission(runtime, token ?? undefined);
  if (found.status !== 'held') return bad(fallback);
  const lang: PageLanguage = asked === 'en' || asked === 'es' ? asked : found.held.language;
  // Published already (the link followed again, or the result's language switch): the result.
  const entry = await publishedEntry(runtime, found.held);
  if (entry) return html(200, publishedPage(lang, entry, switchWithToken(lang)));
  return html(200, confirmPage(lang, found.held.draft, token as string));
}

async function report(runtime: Runtime, query: URLSearchParams, lang: PageLanguage): Promise<HttpResult> {
  const s = COOP_STRINGS[lang];
  const typed = (query.get('year') ?? '').trim().slice(0, 20);
  const switchUrl = switchOf('/report', query, lang);
  let year: number | undefined;
  if (typed) {
    year = /^\d{4}$/.test(typed) ? Number(typed) : Number.NaN;
    if (!(year >= 2000 && year <= 2100))
      return html(400, reportPage(lang, { year: typed, error: s.errors.year(`“${typed}”`) }, switchUrl));
  }
  const figures = coopReport(await listAllEntries(runtime.store), year);
  return html(200, reportPage(lang, { year: typed, report: figures }, switchUrl));
}
