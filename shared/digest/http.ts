import { describeError } from '../errors.js';
import { describeFilter } from '../filters/describe.js';
import { KeywordMatcher } from '../filters/keywords.js';
import { previewFilter } from '../filters/preview.js';
import type { PartnerNames } from '../filters/values.js';
import {
  bodyText,
  type HttpEvent,
  type HttpHandler,
  type HttpResult,
  header,
  jsonResult,
} from '../http/types.js';
import { listPartners } from '../library/registry.js';
import { listResourcesSeenSince } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import { keyHash } from '../store/keys.js';
import { selectResources, subscriptionLinks, toEntry } from './compose.js';
import {
  type FormContext,
  type FormField,
  formChoices,
  readForm,
  readJsonFilter,
  staleValues,
} from './form.js';
import type { DigestLanguage, Frequency, Subscription } from './model.js';
import { EMAIL_PAGES_PATH, pages } from './pages.js';
import { STRINGS } from './strings.js';
import {
  confirmSubscription,
  getSubscriptionById,
  startSubscription,
  unsubscribeWithToken,
  updatePreferences,
} from './subscriptions.js';
import { requireTokenSecret, signToken, type TokenSecret, verifyToken } from './tokens.js';

/**
 * The subscription endpoints, under `/email` (the local stack's route prefix and the Function URL's
 * path alike):
 *
 *   GET  /email/subscribe            the form (no JavaScript)       POST: form or JSON
 *                                    (GET with Accept: application/json: a form token and the choices)
 *   GET  /email/confirm?token=       a confirm button (mail scanners follow links: GET changes nothing)
 *   POST /email/confirm              confirms
 *   GET  /email/preferences?token=   the preferences form           POST: saves
 *   GET  /email/unsubscribe?token=   an unsubscribe button          POST: unsubscribes (RFC 8058
 *                                    one-click: token in the URL, no cookie, idempotent)
 *   GET  /email/digest?token=        every resource of a digest cut at N items
 *   GET  /email/sent                 "check your email" (the subscribe POST's answer, for its language switch)
 *
 * Every page switches language; a page a POST shows switches by a GET (see switchHere in route).
 *
 * No answer depends on whether an address is subscribed. The subscribe and preferences POSTs are
 * refused from another site (Origin, Sec-Fetch-Site) and need the form's token; the subscribe
 * form's token is tied to the address that fetched the form, so a token fetched elsewhere cannot be
 * posted from a visitor's browser.
 */

export const EMAIL_ROUTE_PREFIX = EMAIL_PAGES_PATH;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // Not no-referrer: under it browsers send `Origin: null` on the pages' own form posts. Tokens in
  // the URLs still never leave the site (no referrer to other origins).
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

/** An HTML page with the pages' security headers (also the cooperation pages'). */
export function html(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...headers },
    body,
  };
}

function query(event: HttpEvent): URLSearchParams {
  return new URLSearchParams(event.rawQueryString ?? '');
}

const asLanguage = (value: string | null | undefined): DigestLanguage | undefined =>
  value === 'es' || value === 'en' ? value : undefined;

/** The page's language: `lang` posted or in the query, else the browser's Accept-Language. */
export function pageLanguage(event: HttpEvent, form?: URLSearchParams): DigestLanguage {
  const asked = asLanguage(form?.get('lang')) ?? asLanguage(query(event).get('lang'));
  if (asked) return asked;
  return /^\s*es\b/i.test(header(event, 'accept-language') ?? '') ? 'es' : 'en';
}

const isJson = (event: HttpEvent) => /^application\/json\b/i.test(header(event, 'content-type') ?? '');
export const isForm = (event: HttpEvent) =>
  /^application\/x-www-form-urlencoded\b/i.test(header(event, 'content-type') ?? '');

/**
 * True when a POST may come from another site: the browser says so (Sec-Fetch-Site), or its
 * Origin is neither the public URL's nor the host the request was sent to. Requests with neither
 * header (curl, a mail client's one-click unsubscribe) are not browsers acting for a page.
 */
export function isCrossSite(event: HttpEvent, publicUrl: string): boolean {
  // Set by the browser itself, never by a page: when present, it is the answer.
  const site = header(event, 'sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = header(event, 'origin');
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // `null` (a sandboxed frame, a data: page) or junk
  }
  const own = [safeHost(publicUrl), header(event, 'host'), event.requestContext?.domainName];
  return !own.includes(host);
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Who fetched a form: the subscribe form's token names it, so it is posted back from there only. */
export const clientTag = (event: HttpEvent) => keyHash(`form:${event.requestContext?.http?.sourceIp ?? '-'}`);

function subscribeFormToken(secret: TokenSecret, event: HttpEvent, now: Date): string {
  return signToken(secret, 'subscribe-form', { sub: '-', data: { client: clientTag(event) } }, now);
}

function checkSubscribeFormToken(secret: TokenSecret, event: HttpEvent, token: unknown, now: Date): boolean {
  if (typeof token !== 'string') return false;
  const check = verifyToken(secret, 'subscribe-form', token, now);
  return check.ok && check.claims.data?.client === clientTag(event);
}

async function partnerNames(runtime: Runtime): Promise<PartnerNames> {
  return new Map((await listPartners(runtime.store)).map((p) => [p.id, p.name]));
}

/** The subscribe form in the other language: the switch of pages a subscribe POST shows. */
const subscribeForm = (l: DigestLanguage) =>
  `${EMAIL_PAGES_PATH}/subscribe?lang=${STRINGS[l].otherLanguage.code}`;

const subscribeAgain = (l: DigestLanguage) => ({
  url: `${EMAIL_PAGES_PATH}/subscribe?lang=${l}`,
  label: STRINGS[l].pages.subscribeAgain,
});

/** The confirmation page's summary: what was chosen, and what it would have brought in the last 30 days. */
async function chosenLines(
  runtime: Runtime,
  sub: Subscription,
  lang: DigestLanguage,
  now: Date,
): Promise<string[]> {
  const s = STRINGS[lang];
  const lines = [
    s.pages.chosen(
      describeFilter(sub.filter, lang, await partnerNames(runtime)),
      s.frequencies[sub.frequency],
    ),
  ];
  try {
    // The search service (the index, its snapshot reader) loads for this page only.
    const { createSearchService } = await import('../search/service.js');
    const preview = await previewFilter(createSearchService(runtime), sub.filter, now, 0);
    lines.push(s.pages.preview(preview.total));
  } catch (error) {
    runtime.log.warn('confirmation preview failed', { error: describeError(error) });
  }
  return lines;
}

async function formContext(runtime: Runtime, lang: DigestLanguage): Promise<FormContext> {
  const partners = await partnerNames(runtime);
  return { lang, partners, choices: formChoices(lang, partners), now: runtime.clock() };
}

/** The confirmation's result: confirmed (with what was chosen) or no longer active, and the preferences link. */
async function confirmedPage(
  runtime: Runtime,
  secret: TokenSecret,
  sub: Subscription,
  lang: DigestLanguage,
  now: Date,
  switchUrl: string,
): Promise<string> {
  const p = STRINGS[lang].pages;
  const links = subscriptionLinks(runtime.config, secret, sub.id, now);
  return pages.message(
    lang,
    p.confirmedTitle,
    sub.status === 'confirmed' ? p.confirmed : p.noLongerActive,
    { url: links.manageUrl, label: STRINGS[lang].manage },
    await chosenLines(runtime, sub, lang, now),
    switchUrl,
  );
}

/** Unsubscribed: links to subscribe again and, while the record exists, to its preferences. */
function unsubscribedPage(
  runtime: Runtime,
  secret: TokenSecret,
  sub: Subscription | undefined,
  lang: DigestLanguage,
  now: Date,
  switchUrl: string,
): string {
  const p = STRINGS[lang].pages;
  const manage = sub
    ? [{ url: subscriptionLinks(runtime.config, secret, sub.id, now).manageUrl, label: STRINGS[lang].manage }]
    : [];
  return pages.message(
    lang,
    p.unsubscribedTitle,
    p.unsubscribed,
    [subscribeAgain(lang), ...manage],
    [],
    switchUrl,
  );
}

/** After the subscribe form: check your email (the same page at GET /email/sent, in either language). */
const sentPage = (lang: DigestLanguage) =>
  pages.message(
    lang,
    STRINGS[lang].pages.checkEmailTitle,
    STRINGS[lang].pages.checkEmail,
    undefined,
    [],
    `${EMAIL_PAGES_PATH}/sent?lang=${STRINGS[lang].otherLanguage.code}`,
  );

export interface SubscriptionHandlerOptions {
  /** Use `https://<requestContext.domainName>` as the public URL (a Function URL with no custom domain). */
  publicUrlFromRequest?: boolean;
}

/** The runtime for one request: with `publicUrlFromRequest`, links point at the host it came to. */
export function requestRuntime(
  base: Runtime,
  event: HttpEvent,
  options: SubscriptionHandlerOptions,
): Runtime {
  const domain = event.requestContext?.domainName;
  return options.publicUrlFromRequest && domain
    ? { ...base, config: { ...base.config, publicUrl: `https://${domain}` } }
    : base;
}

export function createSubscriptionHandler(
  base: Runtime,
  options: SubscriptionHandlerOptions = {},
): HttpHandler {
  return async (event) => {
    const runtime = requestRuntime(base, event, options);
    try {
      return await route(runtime, event);
    } catch (error) {
      runtime.log.error('subscription endpoint failed', { path: event.rawPath, error: describeError(error) });
      const language = pageLanguage(event);
      const s = STRINGS[language];
      return html(500, pages.message(language, s.pages.invalidTitle, s.pages.serverError));
    }
  };
}

async function route(runtime: Runtime, event: HttpEvent): Promise<HttpResult> {
  const secret = requireTokenSecret(runtime.config);
  const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
  const path =
    (event.rawPath ?? '/').replace(new RegExp(`^${EMAIL_PAGES_PATH}(?=/|$)`), '').replace(/\/+$/, '') || '/';
  const now = runtime.clock();
  const isPost = method === 'POST';
  if (!isPost && method !== 'GET' && method !== 'HEAD') return html(405, '');
  const form = isPost ? new URLSearchParams(isJson(event) ? '' : bodyText(event)) : undefined;
  const token = form?.get('token') ?? query(event).get('token') ?? undefined;
  const language = pageLanguage(event, form);
  const s = STRINGS[language];
  // Every page switches language. A page a GET shows asks for itself again with the other lang. A
  // page a POST shows links to a GET, never a resubmission: a result page to the GET of the same
  // page with the token the form posted (`keep`: the token its GET page already carried in its
  // URL), any other to its path alone (the form, or the bad-link page).
  const switchHere = (lang: DigestLanguage, keep: Record<string, string> = {}) => {
    const params = isPost ? new URLSearchParams(keep) : query(event);
    params.set('lang', STRINGS[lang].otherLanguage.code);
    return `${EMAIL_PAGES_PATH}${path === '/' ? '' : path}?${params}`;
  };
  const sameWithToken = (lang: DigestLanguage) => switchHere(lang, token ? { token } : {});
  const badLink = (lang: DigestLanguage = language) =>
    html(
      400,
      pages.message(
        lang,
        STRINGS[lang].pages.badLinkTitle,
        STRINGS[lang].pages.badLink,
        {
          url: `${runtime.config.publicUrl}${EMAIL_PAGES_PATH}/subscribe?lang=${lang}`,
          label: STRINGS[lang].pages.subscribe,
        },
        [],
        switchHere(lang),
      ),
    );
  // The two forms that change what is stored without a secret link of their own's say-so alone.
  const guarded = isPost && (path === '/' || path === '/subscribe' || path === '/preferences');
  if (guarded && isCrossSite(event, runtime.config.publicUrl)) {
    runtime.log.warn('cross-site form post refused', { path, origin: header(event, 'origin') });
    return isJson(event)
      ? jsonResult(403, { status: 'forbidden', problems: ['cross-site requests are refused'] })
      : html(
          403,
          pages.message(language, s.pages.badLinkTitle, s.pages.badLink, undefined, [], switchHere(language)),
        );
  }
  if (guarded && !isJson(event) && !isForm(event))
    return html(
      415,
      pages.message(language, s.pages.invalidTitle, s.pages.badLink, undefined, [], switchHere(language)),
    );

  switch (path) {
    case '/':
    case '/subscribe': {
      if (isPost) return subscribe(runtime, event, form as URLSearchParams, language);
      const ctx = await formContext(runtime, language);
      const formToken = subscribeFormToken(secret, event, now);
      if (/^application\/json\b/i.test(header(event, 'accept') ?? ''))
        return jsonResult(200, { form: formToken, choices: ctx.choices }, { 'cache-control': 'no-store' });
      return html(200, pages.subscribe(language, formToken, { choices: ctx.choices }));
    }
    case '/confirm': {
      if (!isPost) {
        const check = verifyToken(secret, 'confirm', token, now);
        if (!check.ok) return badLink();
        const sub = await getSubscriptionById(runtime, check.claims.sub);
        const lang = asLanguage(query(event).get('lang')) ?? sub?.language ?? language;
        // Confirmed already (the link followed again, or the result page's language switch): the
        // result, not a button that would do nothing. A GET still changes nothing.
        if (sub && sub.status !== 'pending')
          return html(200, await confirmedPage(runtime, secret, sub, lang, now, switchHere(lang)));
        return html(200, pages.button(lang, 'confirm', token as string));
      }
      const result = await confirmSubscription(runtime, token);
      if (result.status === 'confirmed' || result.status === 'inactive') {
        const l = result.subscription.language;
        return html(200, await confirmedPage(runtime, secret, result.subscription, l, now, sameWithToken(l)));
      }
      return badLink();
    }
    case '/preferences': {
      const check = verifyToken(secret, 'manage', token, now);
      if (!check.ok) return badLink();
      const sub = await getSubscriptionById(runtime, check.claims.sub);
      if (!sub) return badLink();
      const links = subscriptionLinks(runtime.config, secret, sub.id, now);
      const lang = asLanguage(form?.get('lang')) ?? asLanguage(query(event).get('lang')) ?? sub.language;
      const ctx = await formContext(runtime, lang);
      if (!isPost)
        return html(
          200,
          pages.preferences(lang, sub, token as string, links.unsubscribeUrl, {
            choices: ctx.choices,
            errors: staleValues(sub.filter, ctx),
          }),
        );
      const reading = readForm(form as URLSearchParams, ctx);
      if (Object.keys(reading.errors).length > 0)
        return html(
          400,
          pages.preferences(lang, sub, token as string, links.unsubscribeUrl, {
            choices: ctx.choices,
            values: { ...reading.values, email: sub.email },
            errors: reading.errors,
          }),
        );
      const updated = await updatePreferences(
        runtime,
        { id: sub.id },
        { language: reading.values.language, frequency: reading.values.frequency, filter: reading.filter },
      );
      const l = updated.language;
      // The switch: the preferences form (its GET, with the token it was posted with) in the other language.
      // What was chosen and what it would have brought, as after confirming: new keywords that match
      // nothing say so here, not by a digest that never comes.
      return html(
        200,
        pages.message(
          l,
          STRINGS[l].pages.savedTitle,
          STRINGS[l].pages.saved,
          { url: links.manageUrl, label: STRINGS[l].manage },
          await chosenLines(runtime, updated, l, now),
          sameWithToken(l),
        ),
      );
    }
    case '/unsubscribe': {
      if (!isPost) {
        const check = verifyToken(secret, 'unsubscribe', token, now);
        if (!check.ok) return badLink();
        const sub = await getSubscriptionById(runtime, check.claims.sub);
        const lang = asLanguage(query(event).get('lang')) ?? sub?.language ?? language;
        // Unsubscribed already (or the record is gone): the result, as the POST would show it.
        if (!sub || sub.status === 'unsubscribed')
          return html(200, unsubscribedPage(runtime, secret, sub, lang, now, switchHere(lang)));
        // The token goes in the form action's URL too, so the one-click POST and this form are one endpoint.
        return html(200, pages.button(lang, 'unsubscribe', token as string));
      }
      const result = await unsubscribeWithToken(runtime, token);
      // A valid token for a record that is gone: unsubscribed is what the owner wanted.
      if (result.status === 'unsubscribed' || result.status === 'not_found') {
        const sub = result.status === 'unsubscribed' ? result.subscription : undefined;
        const l = sub?.language ?? language;
        return html(200, unsubscribedPage(runtime, secret, sub, l, now, sameWithToken(l)));
      }
      return badLink();
    }
    case '/digest': {
      const check = verifyToken(secret, 'digest', token, now);
      const window = check.ok ? check.claims.data : undefined;
      if (!check.ok || !window?.since || !window.until) return badLink();
      const sub = await getSubscriptionById(runtime, check.claims.sub);
      if (!sub) return badLink();
      const lang = asLanguage(query(event).get('lang')) ?? sub.language;
      const resources = await listResourcesSeenSince(runtime.store, window.since, window.until);
      const names = await partnerNames(runtime);
      const { matched } = selectResources(
        resources,
        sub,
        window.since,
        window.until,
        new KeywordMatcher(names),
      );
      return html(
        200,
        pages.entries(
          lang,
          matched.map((r) => toEntry(r, lang, names)),
          switchHere(lang),
        ),
      );
    }
    case '/sent':
      // What the subscribe form's POST showed, as a page of its own: its language switch's target.
      if (isPost) return html(405, '', { allow: 'GET' });
      return html(200, sentPage(language));
    default:
      return html(
        404,
        pages.message(language, s.pages.badLinkTitle, s.pages.badLink, undefined, [], switchHere(language)),
      );
  }
}

/** What startSubscription found wrong, as field messages (the page checked the rest already). */
function startProblems(problems: string[], lang: DigestLanguage): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  for (const problem of problems) {
    if (problem.startsWith('email')) errors.email = STRINGS[lang].pages.errors.email;
    else errors.keywords = problem;
  }
  return errors;
}

async function subscribe(
  runtime: Runtime,
  event: HttpEvent,
  form: URLSearchParams,
  language: DigestLanguage,
): Promise<HttpResult> {
  const secret = requireTokenSecret(runtime.config);
  const now = runtime.clock();
  const source = `web:${event.requestContext?.http?.sourceIp ?? 'unknown'}`;
  if (isJson(event)) return subscribeJson(runtime, event, source);
  const s = STRINGS[language];
  const ctx = await formContext(runtime, language);
  const reading = readForm(form, ctx);
  const formToken = subscribeFormToken(secret, event, now);
  const again = (errors: Partial<Record<FormField, string>>, status = 400) =>
    html(
      status,
      pages.subscribe(language, formToken, { choices: ctx.choices, values: reading.values, errors }),
    );
  // Anti-CSRF: the form must come from a page we served, to this client, in the last two hours.
  if (!checkSubscribeFormToken(secret, event, form.get('form'), now))
    return again({ ...reading.errors, email: reading.errors.email ?? s.pages.errors.formExpired });
  if (!reading.values.email) reading.errors.email = s.pages.errors.email;
  if (Object.keys(reading.errors).length > 0) return again(reading.errors);
  const result = await startSubscription(runtime, {
    email: reading.values.email,
    language: reading.values.language,
    frequency: reading.values.frequency,
    filter: reading.filter,
    source,
  });
  if (result.status === 'invalid') return again(startProblems(result.problems, language));
  if (result.status === 'rate_limited')
    return html(
      429,
      pages.message(
        language,
        s.pages.rateLimitedTitle,
        s.pages.rateLimited,
        undefined,
        [],
        subscribeForm(language),
      ),
      { 'retry-after': String(result.retryAfterSeconds) },
    );
  return html(200, sentPage(language));
}

/**
 * The JSON path: `{form, email, language?, frequency?, lang?, filter?: {topics: ["primera
 * infancia"], countries: ["Perú"], keywords: "…"}}`, with the token from `GET /email/subscribe`
 * (Accept: application/json). Names resolve as on the bots; what resolves to nothing is refused
 * with the closest choices, in `lang` (else the Accept-Language).
 */
async function subscribeJson(runtime: Runtime, event: HttpEvent, source: string): Promise<HttpResult> {
  const secret = requireTokenSecret(runtime.config);
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(bodyText(event)) as Record<string, unknown>;
  } catch {
    return jsonResult(400, { status: 'invalid', problems: ['body: not JSON'] });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return jsonResult(400, { status: 'invalid', problems: ['body: not an object'] });
  if (!checkSubscribeFormToken(secret, event, input.form, runtime.clock()))
    return jsonResult(403, {
      status: 'forbidden',
      problems: [
        `form: a token from GET ${EMAIL_PAGES_PATH}/subscribe (Accept: application/json) is required`,
      ],
    });
  const lang = asLanguage(String(input.lang ?? '')) ?? pageLanguage(event);
  const ctx = await formContext(runtime, lang);
  const { filter, errors } = readJsonFilter(input.filter, ctx);
  const fieldProblems = Object.entries(errors).map(([field, text]) => `${field}: ${text}`);
  if (fieldProblems.length > 0)
    return jsonResult(400, { status: 'invalid', problems: fieldProblems, fields: errors });
  const result = await startSubscription(runtime, {
    email: String(input.email ?? ''),
    language: input.language as DigestLanguage | undefined,
    frequency: input.frequency as Frequency | undefined,
    filter,
    source,
  });
  const code = result.status === 'sent' ? 202 : result.status === 'rate_limited' ? 429 : 400;
  return jsonResult(
    code,
    result,
    result.status === 'rate_limited' ? { 'retry-after': String(result.retryAfterSeconds) } : {},
  );
}
