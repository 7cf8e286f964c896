import * as z from 'zod';
import { canonicalEmailAddress, mailboxOf } from '../email/address.js';
import { createSesMailer, type Mailer } from '../email/mailer.js';
import { describeError, RelayError } from '../errors.js';
import type { ResourceFilter } from '../filters/filter.js';
import type { PartnerNames } from '../filters/values.js';
import { listPartners } from '../library/registry.js';
import type { Runtime } from '../runtime/runtime.js';
import { collections, keyHash, keys, subscriptionId } from '../store/keys.js';
import type { Item } from '../store/store.js';
import { noticeMessage } from './emails.js';
import {
  DIGEST_LANGUAGES,
  type DigestLanguage,
  FREQUENCIES,
  type Frequency,
  newSubscription,
  normaliseEmail,
  SUBSCRIPTION_STATUSES,
  type Subscription,
  type SubscriptionStatus,
  subscriptionFilterSchema,
  subscriptionFromItem,
  subscriptionItem,
} from './model.js';
import { nextDueAt } from './schedule.js';
import { requireTokenSecret, signToken, verifyToken } from './tokens.js';

/**
 * The subscription lifecycle: start (double opt-in), confirm, change preferences, unsubscribe,
 * suppress (bounces, complaints), read. The HTTP pages, the bots and the CLI all call these.
 *
 * Privacy: `startSubscription` answers the same whatever the address's state, so no caller learns
 * whether an address is subscribed; the address's owner learns it from the email they receive.
 * Abuse: confirmation emails are rate-limited per address and per source (SECURITY.md item 25).
 */

export class SubscriptionError extends RelayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('subscription_invalid', message, options);
    this.name = 'SubscriptionError';
  }
}

/** Confirmation emails: at most this many per address a day, and per source an hour. */
export const RATE_LIMITS = {
  perAddress: { max: 3, windowSeconds: 86_400 },
  perSource: { max: 20, windowSeconds: 3_600 },
};

export interface StartSubscriptionInput {
  email: string;
  language?: DigestLanguage;
  frequency?: Frequency;
  filter?: ResourceFilter;
  /** Who asks: `web:<ip>`, `slack:<team>:<user>`, `telegram:<chat>`, `cli`. Rate-limited as a bucket. */
  source: string;
}

export type StartSubscriptionResult =
  /** Valid and not rate-limited: an email went out if the address can receive one. Says nothing more. */
  | { status: 'sent' }
  | { status: 'rate_limited'; retryAfterSeconds: number }
  | { status: 'invalid'; problems: string[] };

const startSchema = (partners?: PartnerNames) =>
  z.object({
    email: z.string().max(254),
    language: z.enum(DIGEST_LANGUAGES).default('en'),
    frequency: z.enum(FREQUENCIES).default('weekly'),
    filter: subscriptionFilterSchema(partners).default({}),
    source: z.string().min(1).max(200),
  });

/** The partner registry's names, read only when a filter names partners (what they are checked against). */
export async function partnersFor(
  runtime: Runtime,
  filter?: ResourceFilter,
): Promise<PartnerNames | undefined> {
  if (!filter?.partners?.length) return undefined;
  return new Map((await listPartners(runtime.store)).map((p) => [p.id, p.name]));
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
}

/** Counts one event in a fixed window; false when the bucket is full (also the coop submissions'). */
export async function takeRateLimit(
  runtime: Runtime,
  bucket: string,
  limit: { max: number; windowSeconds: number },
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const nowS = Math.floor(runtime.clock().getTime() / 1000);
  const windowStart = nowS - (nowS % limit.windowSeconds);
  try {
    await runtime.store.update(
      keys.rateLimit(bucket, String(windowStart)),
      { add: { count: 1 }, set: { expiresAt: windowStart + limit.windowSeconds * 2 } },
      {
        expression: 'attribute_not_exists(#c) OR #c < :max',
        names: { '#c': 'count' },
        values: { ':max': limit.max },
      },
    );
    return { ok: true };
  } catch (error) {
    if ((error as RelayError).code === 'condition_failed')
      return { ok: false, retryAfterSeconds: windowStart + limit.windowSeconds - nowS };
    throw error;
  }
}

function mailerOf(runtime: Runtime, mailer?: Mailer): Mailer {
  return mailer ?? createSesMailer(runtime.ses, runtime.config);
}

export async function getSubscriptionById(runtime: Runtime, id: string): Promise<Subscription | undefined> {
  const item = await runtime.store.get(keys.subscriptionById(id), { consistent: true });
  return item ? subscriptionFromItem(item) : undefined;
}

export async function getSubscription(runtime: Runtime, email: string): Promise<Subscription | undefined> {
  return getSubscriptionById(runtime, subscriptionId(normaliseEmail(email)));
}

/**
 * True when the mailbox an address delivers to (`mailboxOf`: `victim+news@…` → `victim@…`) is
 * suppressed under another spelling: no spelling of a suppressed mailbox gets mail.
 */
async function mailboxSuppressed(runtime: Runtime, canonical: string): Promise<boolean> {
  const mailbox = mailboxOf(canonical);
  if (mailbox === canonical) return false;
  return (await getSubscription(runtime, mailbox))?.status === 'suppressed';
}

/** Subscriptions by state (all states when none is given), each state in address order. */
export async function listSubscriptions(
  runtime: Runtime,
  options: { status?: SubscriptionStatus; limit?: number } = {},
): Promise<{ subscriptions: Subscription[] }> {
  const statuses = options.status ? [options.status] : SUBSCRIPTION_STATUSES;
  const out: Subscription[] = [];
  for (const status of statuses) {
    const items = await runtime.store.queryAll({
      index: 'byCollection',
      partition: collections.subscribersByStatus(status),
      limit: options.limit === undefined ? undefined : options.limit - out.length,
    });
    out.push(...items.map(subscriptionFromItem));
    if (options.limit !== undefined && out.length >= options.limit) break;
  }
  return { subscriptions: out };
}

async function write(runtime: Runtime, sub: Subscription, previous?: Subscription): Promise<boolean> {
  // Optimistic concurrency on updatedAt: a concurrent change makes this write lose, not clobber.
  const condition = previous
    ? { expression: '#u = :u', names: { '#u': 'updatedAt' }, values: { ':u': previous.updatedAt } }
    : { expression: 'attribute_not_exists(pk)' };
  return runtime.store.put(subscriptionItem(sub) as Item, condition);
}

/** Writes a change to the current subscription, re-reading and retrying when it raced another. */
async function change(
  runtime: Runtime,
  id: string,
  apply: (current: Subscription | undefined, nowIso: string) => Subscription | undefined,
): Promise<Subscription | undefined> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await getSubscriptionById(runtime, id);
    const nowIso = runtime.clock().toISOString();
    const next = apply(current, nowIso);
    if (!next) return current;
    // A later time than the one read, so the optimistic check always sees a change.
    if (current && next.updatedAt <= current.updatedAt)
      next.updatedAt = `${current.updatedAt.slice(0, 23)}1Z`;
    if (await write(runtime, next, current)) return next;
  }
  throw new SubscriptionError('The subscription kept changing under us; try again');
}

/**
 * Starts a subscription: validates, rate-limits, records a pending request (a confirmed one is
 * left as it is), and emails a confirmation link, or, to an already confirmed address, a note with
 * its preferences link. Suppressed addresses get nothing. The answer is the same in every case.
 */
export async function startSubscription(
  runtime: Runtime,
  input: StartSubscriptionInput,
  options: { mailer?: Mailer } = {},
): Promise<StartSubscriptionResult> {
  const parsed = startSchema(await partnersFor(runtime, input.filter)).safeParse(input);
  if (!parsed.success) return { status: 'invalid', problems: problemsOf(parsed.error) };
  const email = canonicalEmailAddress(parsed.data.email);
  if (!email) return { status: 'invalid', problems: ['email: not a valid email address'] };
  const secret = requireTokenSecret(runtime.config);

  const bySource = await takeRateLimit(
    runtime,
    `source:${keyHash(parsed.data.source)}`,
    RATE_LIMITS.perSource,
  );
  if (!bySource.ok) return { status: 'rate_limited', retryAfterSeconds: bySource.retryAfterSeconds };
  // Per mailbox, not per spelling: `victim+1@…` to `victim+25@…` share one bucket.
  const byAddress = await takeRateLimit(
    runtime,
    `address:${subscriptionId(mailboxOf(email))}`,
    RATE_LIMITS.perAddress,
  );
  if (!byAddress.ok) return { status: 'rate_limited', retryAfterSeconds: byAddress.retryAfterSeconds };

  const id = subscriptionId(email);
  if (await mailboxSuppressed(runtime, email)) {
    runtime.log.info('subscription request for a suppressed mailbox ignored', { subscriptionId: id });
    return { status: 'sent' };
  }
  const fields = { ...parsed.data, filter: parsed.data.filter };
  const stored = await change(runtime, id, (current, nowIso) => {
    if (current && (current.status === 'confirmed' || current.status === 'suppressed')) return undefined;
    const fresh = newSubscription(email, fields, nowIso);
    // A new request replaces a pending or ended one; the record's history stays.
    return current
      ? { ...current, ...fresh, createdAt: current.createdAt, transientBounces: current.transientBounces }
      : fresh;
  });
  const sub = stored as Subscription;
  if (sub.status === 'suppressed') {
    runtime.log.info('subscription request for a suppressed address ignored', { subscriptionId: id });
    return { status: 'sent' };
  }
  const now = runtime.clock();
  const message =
    sub.status === 'confirmed'
      ? noticeMessage(
          runtime.config,
          'already',
          email,
          sub.language,
          `${runtime.config.publicUrl}/email/preferences?token=${signToken(secret, 'manage', { sub: id }, now)}`,
        )
      : noticeMessage(
          runtime.config,
          'confirm',
          email,
          sub.language,
          `${runtime.config.publicUrl}/email/confirm?token=${signToken(secret, 'confirm', { sub: id }, now)}`,
        );
  try {
    await mailerOf(runtime, options.mailer).send(message);
  } catch (error) {
    // Still "sent" to the caller: a failure here must not reveal anything about the address.
    runtime.log.error('confirmation email failed', { subscriptionId: id, error: describeError(error) });
  }
  return { status: 'sent' };
}

export type TokenActionResult<T extends string> =
  | { status: T; subscription: Subscription }
  | { status: 'invalid' | 'expired' | 'not_found' };

/** Confirms with the token from the confirmation email. Idempotent. */
export async function confirmSubscription(
  runtime: Runtime,
  token: string | undefined,
): Promise<TokenActionResult<'confirmed' | 'inactive'>> {
  const check = verifyToken(requireTokenSecret(runtime.config), 'confirm', token, runtime.clock());
  if (!check.ok) return { status: check.reason };
  const result = await confirmById(runtime, check.claims.sub);
  return result;
}

/** Confirms a subscription by id (the token checked, or an admin's explicit `--confirmed`). */
export async function confirmById(
  runtime: Runtime,
  id: string,
): Promise<TokenActionResult<'confirmed' | 'inactive'>> {
  const sub = await change(runtime, id, (current, nowIso) => {
    if (current?.status !== 'pending') return undefined;
    const now = new Date(nowIso);
    return {
      ...current,
      status: 'confirmed',
      confirmedAt: nowIso,
      updatedAt: nowIso,
      lastDigestAt: nowIso,
      nextDueAt: nextDueAt(current.frequency, now, runtime.config.email.weeklyDigestDay),
    };
  });
  if (!sub) return { status: 'not_found' };
  return { status: sub.status === 'confirmed' ? 'confirmed' : 'inactive', subscription: sub };
}

export interface PreferencesChange {
  language?: DigestLanguage;
  frequency?: Frequency;
  filter?: ResourceFilter;
}

const preferencesSchema = (partners?: PartnerNames) =>
  z.object({
    language: z.enum(DIGEST_LANGUAGES).optional(),
    frequency: z.enum(FREQUENCIES).optional(),
    filter: subscriptionFilterSchema(partners).optional(),
  });

/** Changes language, frequency or filters of an existing subscription (by address or id). */
export async function updatePreferences(
  runtime: Runtime,
  target: { email: string } | { id: string },
  changes: PreferencesChange,
): Promise<Subscription> {
  const parsed = preferencesSchema(await partnersFor(runtime, changes.filter)).safeParse(changes);
  if (!parsed.success)
    throw new SubscriptionError(`Invalid preferences: ${problemsOf(parsed.error).join('; ')}`);
  const id = 'id' in target ? target.id : subscriptionId(target.email);
  const sub = await change(runtime, id, (current, nowIso) => {
    if (!current) return undefined;
    const next: Subscription = {
      ...current,
      ...(parsed.data.language ? { language: parsed.data.language } : {}),
      ...(parsed.data.filter ? { filter: parsed.data.filter } : {}),
      updatedAt: nowIso,
    };
    if (parsed.data.frequency && parsed.data.frequency !== current.frequency) {
      next.frequency = parsed.data.frequency;
      if (current.status === 'confirmed')
        next.nextDueAt = nextDueAt(next.frequency, new Date(nowIso), runtime.config.email.weeklyDigestDay);
    }
    return next;
  });
  if (!sub) throw new SubscriptionError('No such subscription');
  return sub;
}

function endState(
  status: 'unsubscribed' | 'suppressed',
  reason?: string,
): (current: Subscription | undefined, nowIso: string) => Subscription | undefined {
  return (current, nowIso) => {
    if (!current) return undefined;
    if (current.status === status || current.status === 'suppressed') return undefined;
    return {
      ...current,
      status,
      updatedAt: nowIso,
      ...(status === 'unsubscribed'
        ? { unsubscribedAt: nowIso }
        : { suppressedAt: nowIso, suppressReason: reason }),
      nextDueAt: undefined,
    };
  };
}

/** Ends a subscription (by address or id). Idempotent: unsubscribing twice is fine. */
export async function unsubscribe(
  runtime: Runtime,
  target: { email: string } | { id: string },
): Promise<Subscription | undefined> {
  const id = 'id' in target ? target.id : subscriptionId(target.email);
  return change(runtime, id, endState('unsubscribed'));
}

/** Unsubscribes with the token of a List-Unsubscribe link or the unsubscribe page. */
export async function unsubscribeWithToken(
  runtime: Runtime,
  token: string | undefined,
): Promise<TokenActionResult<'unsubscribed'>> {
  const check = verifyToken(requireTokenSecret(runtime.config), 'unsubscribe', token, runtime.clock());
  if (!check.ok) return { status: check.reason };
  const sub = await unsubscribe(runtime, { id: check.claims.sub });
  return sub ? { status: 'unsubscribed', subscription: sub } : { status: 'not_found' };
}

/**
 * Suppresses an address: no digest or confirmation is ever sent to it again. A permanent bounce,
 * a complaint, or an admin. Creates the record when there is none, so a later subscribe is ignored.
 */
export async function suppress(runtime: Runtime, email: string, reason: string): Promise<Subscription> {
  const address = normaliseEmail(email);
  // The mailbox too (`victim+news@…` suppresses `victim@…`), so that no other spelling of it gets mail.
  const mailbox = canonicalEmailAddress(address) ? mailboxOf(address) : address;
  if (mailbox !== address) await suppress(runtime, mailbox, reason);
  const sub = await change(runtime, subscriptionId(address), (current, nowIso) => {
    const base =
      current ??
      newSubscription(
        address,
        { language: 'en', frequency: 'weekly', filter: {}, source: 'suppression' },
        nowIso,
      );
    return endState('suppressed', reason)({ ...base, status: current ? base.status : 'pending' }, nowIso);
  });
  if (!sub) throw new SubscriptionError('Could not suppress the address');
  return sub;
}

/** Counts a transient (soft) bounce; it does not suppress. */
export async function recordTransientBounce(
  runtime: Runtime,
  email: string,
): Promise<Subscription | undefined> {
  const nowIso = runtime.clock().toISOString();
  try {
    const item = await runtime.store.update(
      keys.subscription(normaliseEmail(email)),
      { add: { transientBounces: 1 }, set: { lastBounceAt: nowIso } },
      { expression: 'attribute_exists(pk)' },
    );
    return subscriptionFromItem(item);
  } catch (error) {
    if ((error as RelayError).code === 'condition_failed') return undefined;
    throw error;
  }
}

/**
 * An admin's explicit subscription without the opt-in (`iaspn subscribers add --confirmed`): the
 * person agreed elsewhere. Suppressed addresses stay suppressed.
 */
export async function subscribeConfirmed(
  runtime: Runtime,
  input: Omit<StartSubscriptionInput, 'source'> & { source?: string },
): Promise<Subscription> {
  const parsed = startSchema(await partnersFor(runtime, input.filter)).safeParse({ source: 'cli', ...input });
  if (!parsed.success)
    throw new SubscriptionError(`Invalid subscription: ${problemsOf(parsed.error).join('; ')}`);
  const email = canonicalEmailAddress(parsed.data.email);
  if (!email) throw new SubscriptionError(`Not a valid email address: ${JSON.stringify(parsed.data.email)}`);
  if (await mailboxSuppressed(runtime, email))
    throw new SubscriptionError('That address is suppressed (bounce or complaint) and cannot be subscribed');
  const fields = { ...parsed.data, filter: parsed.data.filter };
  const id = subscriptionId(email);
  const stored = await change(runtime, id, (current, nowIso) => {
    if (current?.status === 'suppressed') return undefined;
    const fresh = newSubscription(email, fields, nowIso);
    if (current?.status === 'confirmed')
      return {
        ...current,
        language: fresh.language,
        frequency: fresh.frequency,
        filter: fresh.filter,
        updatedAt: nowIso,
      };
    return current ? { ...current, ...fresh, createdAt: current.createdAt } : fresh;
  });
  if (stored?.status === 'suppressed')
    throw new SubscriptionError('That address is suppressed (bounce or complaint) and cannot be subscribed');
  if (stored?.status === 'confirmed') return stored;
  const result = await confirmById(runtime, id);
  if (result.status !== 'confirmed') throw new SubscriptionError('Could not confirm the subscription');
  return result.subscription;
}
