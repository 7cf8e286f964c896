import { describeError } from '../errors.js';
import {
  bodyText,
  type HttpEvent,
  type HttpHandler,
  type HttpResult,
  header,
  jsonResult,
} from '../http/types.js';
import type { ResourceFilter } from '../filters/filter.js';
import { listPartners } from '../library/registry.js';
import { listResourcesSeenSince } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import { selectResources, subscriptionLinks, toEntry } from './compose.js';
import type { DigestLanguage, Frequency, Subscription } from './model.js';
import { pages } from './pages.js';
import { STRINGS } from './strings.js';
import {
  confirmSubscription,
  getSubscriptionById,
  startSubscription,
  unsubscribeWithToken,
  updatePreferences,
} from './subscriptions.js';
import { requireTokenSecret, signToken, verifyToken } from './tokens.js';

/**
 * The subscription endpoints, under `/email` (the local stack's route prefix and the Function URL's
 * path alike):
 *
 *   GET  /email/subscribe            the form (no JavaScript)       POST: form or JSON
 *   GET  /email/confirm?token=       a confirm button (mail scanners follow links: GET changes nothing)
 *   POST /email/confirm              confirms
 *   GET  /email/preferences?token=   the preferences form           POST: saves
 *   GET  /email/unsubscribe?token=   an unsubscribe button          POST: unsubscribes (RFC 8058
 *                                    one-click: token in the URL, no cookie, idempotent)
 *   GET  /email/digest?token=        every resource of a digest cut at N items
 *
 * No answer depends on whether an address is subscribed.
 */

export const EMAIL_ROUTE_PREFIX = '/email';

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

function html(statusCode: number, body: string): HttpResult {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS }, body };
}

function query(event: HttpEvent): URLSearchParams {
  return new URLSearchParams(event.rawQueryString ?? '');
}

function pageLanguage(event: HttpEvent, form?: URLSearchParams): DigestLanguage {
  const asked = form?.get('lang') ?? query(event).get('lang');
  if (asked === 'es' || asked === 'en') return asked;
  return /^\s*es\b/i.test(header(event, 'accept-language') ?? '') ? 'es' : 'en';
}

const splitCodes = (value: string | null) =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** The filter and preference fields of the subscribe and preferences forms. */
function formPreferences(form: URLSearchParams): {
  language: DigestLanguage;
  frequency: Frequency;
  filter: ResourceFilter;
} {
  return {
    language: (form.get('language') ?? 'en') as DigestLanguage,
    frequency: (form.get('frequency') ?? 'weekly') as Frequency,
    filter: {
      types: form.getAll('types') as ResourceFilter['types'],
      languages: form.getAll('languages') as ResourceFilter['languages'],
      topics: splitCodes(form.get('topics')).map((t) => t.toLowerCase()),
      countries: splitCodes(form.get('countries')).map((c) => c.toUpperCase()),
    },
  };
}

export interface SubscriptionHandlerOptions {
  /** Use `https://<requestContext.domainName>` as the public URL (a Function URL with no custom domain). */
  publicUrlFromRequest?: boolean;
}

export function createSubscriptionHandler(
  base: Runtime,
  options: SubscriptionHandlerOptions = {},
): HttpHandler {
  return async (event) => {
    const runtime: Runtime =
      options.publicUrlFromRequest && event.requestContext?.domainName
        ? { ...base, config: { ...base.config, publicUrl: `https://${event.requestContext.domainName}` } }
        : base;
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
  const path = (event.rawPath ?? '/').replace(/^\/email(?=\/|$)/, '').replace(/\/+$/, '') || '/';
  const now = runtime.clock();
  const isPost = method === 'POST';
  if (!isPost && method !== 'GET' && method !== 'HEAD') return html(405, '');
  const form = isPost ? new URLSearchParams(isJson(event) ? '' : bodyText(event)) : undefined;
  const token = form?.get('token') ?? query(event).get('token') ?? undefined;
  const language = pageLanguage(event, form);
  const s = STRINGS[language];
  const badLink = (lang: DigestLanguage = language) =>
    html(
      400,
      pages.message(lang, STRINGS[lang].pages.badLinkTitle, STRINGS[lang].pages.badLink, {
        url: `${runtime.config.publicUrl}/email/subscribe?lang=${lang}`,
        label: STRINGS[lang].pages.subscribe,
      }),
    );

  switch (path) {
    case '/':
    case '/subscribe': {
      if (!isPost)
        return html(200, pages.subscribe(language, signToken(secret, 'subscribe-form', { sub: '-' }, now)));
      return subscribe(runtime, event, form as URLSearchParams, language);
    }
    case '/confirm': {
      if (!isPost) {
        const check = verifyToken(secret, 'confirm', token, now);
        if (!check.ok) return badLink();
        const sub = await getSubscriptionById(runtime, check.claims.sub);
        return html(200, pages.button(sub?.language ?? language, 'confirm', token as string));
      }
      const result = await confirmSubscription(runtime, token);
      if (result.status === 'confirmed' || result.status === 'inactive') {
        const l = result.subscription.language;
        const text =
          result.status === 'confirmed' ? STRINGS[l].pages.confirmed : STRINGS[l].pages.noLongerActive;
        const links = subscriptionLinks(runtime.config, secret, result.subscription.id, now);
        return html(
          200,
          pages.message(l, STRINGS[l].pages.confirmedTitle, text, {
            url: links.manageUrl,
            label: STRINGS[l].manage,
          }),
        );
      }
      return badLink();
    }
    case '/preferences': {
      const check = verifyToken(secret, 'manage', token, now);
      if (!check.ok) return badLink();
      const sub = await getSubscriptionById(runtime, check.claims.sub);
      if (!sub) return badLink();
      const links = subscriptionLinks(runtime.config, secret, sub.id, now);
      if (!isPost) return html(200, pages.preferences(sub, token as string, links.unsubscribeUrl));
      let updated: Subscription;
      try {
        updated = await updatePreferences(runtime, { id: sub.id }, formPreferences(form as URLSearchParams));
      } catch (error) {
        return html(
          400,
          pages.message(sub.language, STRINGS[sub.language].pages.invalidTitle, describeError(error)),
        );
      }
      const l = updated.language;
      return html(
        200,
        pages.message(l, STRINGS[l].pages.savedTitle, STRINGS[l].pages.saved, {
          url: links.manageUrl,
          label: STRINGS[l].manage,
        }),
      );
    }
    case '/unsubscribe': {
      if (!isPost) {
        const check = verifyToken(secret, 'unsubscribe', token, now);
        if (!check.ok) return badLink();
        const sub = await getSubscriptionById(runtime, check.claims.sub);
        // The token goes in the form action's URL too, so the one-click POST and this form are one endpoint.
        return html(200, pages.button(sub?.language ?? language, 'unsubscribe', token as string));
      }
      const result = await unsubscribeWithToken(runtime, token);
      if (result.status === 'unsubscribed') {
        const l = result.subscription.language;
        return html(200, pages.message(l, STRINGS[l].pages.unsubscribedTitle, STRINGS[l].pages.unsubscribed));
      }
      // A valid token for a record that is gone: unsubscribed is what the owner wanted.
      if (result.status === 'not_found')
        return html(200, pages.message(language, s.pages.unsubscribedTitle, s.pages.unsubscribed));
      return badLink();
    }
    case '/digest': {
      const check = verifyToken(secret, 'digest', token, now);
      const window = check.ok ? check.claims.data : undefined;
      if (!check.ok || !window?.since || !window.until) return badLink();
      const sub = await getSubscriptionById(runtime, check.claims.sub);
      if (!sub) return badLink();
      const resources = await listResourcesSeenSince(runtime.store, window.since, window.until);
      const { matched } = selectResources(resources, sub, window.since, window.until);
      const names = new Map((await listPartners(runtime.store)).map((p) => [p.id, p.name]));
      return html(
        200,
        pages.entries(
          sub.language,
          matched.map((r) => toEntry(r, sub.language, names)),
        ),
      );
    }
    default:
      return html(404, pages.message(language, s.pages.badLinkTitle, s.pages.badLink));
  }
}

function isJson(event: HttpEvent): boolean {
  return /^application\/json\b/i.test(header(event, 'content-type') ?? '');
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
  if (isJson(event)) {
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(bodyText(event)) as Record<string, unknown>;
    } catch {
      return jsonResult(400, { status: 'invalid', problems: ['body: not JSON'] });
    }
    if (typeof input !== 'object' || input === null)
      return jsonResult(400, { status: 'invalid', problems: ['body: not an object'] });
    const result = await startSubscription(runtime, {
      email: String(input.email ?? ''),
      language: input.language as DigestLanguage | undefined,
      frequency: input.frequency as Frequency | undefined,
      filter: input.filter as ResourceFilter | undefined,
      source,
    });
    const code = result.status === 'sent' ? 202 : result.status === 'rate_limited' ? 429 : 400;
    return jsonResult(
      code,
      result,
      result.status === 'rate_limited' ? { 'retry-after': String(result.retryAfterSeconds) } : {},
    );
  }
  const s = STRINGS[language];
  const prefs = formPreferences(form);
  const email = form.get('email') ?? '';
  const formToken = signToken(secret, 'subscribe-form', { sub: '-' }, now);
  // Anti-CSRF: the form must come from a page we served in the last two hours.
  if (!verifyToken(secret, 'subscribe-form', form.get('form') ?? undefined, now).ok) {
    return html(400, pages.subscribe(language, formToken, { email, ...prefs, problems: [s.pages.badLink] }));
  }
  const result = await startSubscription(runtime, { email, ...prefs, source });
  if (result.status === 'invalid')
    return html(400, pages.subscribe(language, formToken, { email, ...prefs, problems: result.problems }));
  if (result.status === 'rate_limited')
    return {
      ...html(429, pages.message(language, s.pages.rateLimitedTitle, s.pages.rateLimited)),
      headers: {
        ...SECURITY_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'retry-after': String(result.retryAfterSeconds),
      },
    };
  return html(200, pages.message(language, s.pages.checkEmailTitle, s.pages.checkEmail));
}
