import * as z from 'zod';
import { LANGUAGES, RESOURCE_TYPES } from '../domain/resource.js';
import { canonicalEmailAddress } from '../email/address.js';
import type { ResourceFilter } from '../filters/filter.js';
import { collections, keys, subscriptionId } from '../store/keys.js';
import type { Item } from '../store/store.js';

/** A digest subscription: one email address, its language, frequency, filters and state. */

export const DIGEST_LANGUAGES = ['en', 'es'] as const;
export type DigestLanguage = (typeof DIGEST_LANGUAGES)[number];

export const FREQUENCIES = ['daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const SUBSCRIPTION_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'suppressed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface Subscription {
  id: string;
  email: string;
  language: DigestLanguage;
  frequency: Frequency;
  /** Topics, countries, types, content languages, partners (dates never: a digest is "what is new"). */
  filter: ResourceFilter;
  status: SubscriptionStatus;
  /** Who asked: `web`, `cli`, `slack:T123`, `telegram:42`. */
  source: string;
  createdAt: string;
  updatedAt: string;
  confirmedAt?: string;
  unsubscribedAt?: string;
  suppressedAt?: string;
  suppressReason?: string;
  transientBounces: number;
  lastBounceAt?: string;
  /** Resources first seen after this instant go into the next digest. */
  lastDigestAt?: string;
  /** The period (`D2025-03-04`, `W2025-03-03`) of the last digest sent. */
  lastPeriod?: string;
  /** When the next digest is due (confirmed subscriptions only). */
  nextDueAt?: string;
}

/**
 * The canonical form every key, comparison and send uses: lower-case, the domain in punycode
 * (shared/email/address.ts). An address that is not valid is only trimmed and lower-cased, so that
 * looking one up (an admin's typo, a bounce notice) still finds nothing rather than failing.
 */
export function normaliseEmail(email: string): string {
  return canonicalEmailAddress(email) ?? email.trim().toLowerCase();
}

const list = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();

/** The part of ResourceFilter a subscription may hold; unknown fields are refused. */
export const subscriptionFilterSchema = z
  .object({
    types: list(z.enum(RESOURCE_TYPES)),
    countries: list(z.string().regex(/^[A-Z]{2}$/, 'countries are ISO codes such as BR')),
    topics: list(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'topics are taxonomy ids')),
    languages: list(z.enum(LANGUAGES)),
    partners: list(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'partners are partner ids')),
  })
  .strict();

/** Drops empty fields and duplicate values so that equal filters compare and store equal. */
export function normaliseFilter(filter: ResourceFilter): ResourceFilter {
  const out: ResourceFilter = {};
  for (const field of ['types', 'countries', 'topics', 'languages', 'partners'] as const) {
    const values = filter[field];
    if (values && values.length > 0) (out as Record<string, unknown>)[field] = [...new Set(values)].sort();
  }
  return out;
}

/** The table item of a subscription, with its index attributes. */
export function subscriptionItem(sub: Subscription): Item {
  const item: Item = {
    ...keys.subscriptionById(sub.id),
    ...sub,
    gsi1pk: collections.subscribersByStatus(sub.status),
    gsi1sk: sub.email,
  };
  // gsi3 is sparse: only a confirmed subscription waits for a digest.
  if (sub.status === 'confirmed' && sub.nextDueAt) {
    item.gsi3pk = collections.subscribersDue(sub.frequency);
    item.gsi3sk = `${sub.nextDueAt}#${sub.id}`;
  }
  return item;
}

const INDEX_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'expiresAt',
];

export function subscriptionFromItem(item: Record<string, unknown>): Subscription {
  const sub = { ...item } as Record<string, unknown>;
  for (const attr of INDEX_ATTRIBUTES) delete sub[attr];
  const out = sub as unknown as Subscription;
  out.transientBounces ??= 0;
  out.filter ??= {};
  return out;
}

export function newSubscription(
  email: string,
  fields: { language: DigestLanguage; frequency: Frequency; filter: ResourceFilter; source: string },
  nowIso: string,
): Subscription {
  const address = normaliseEmail(email);
  return {
    id: subscriptionId(address),
    email: address,
    language: fields.language,
    frequency: fields.frequency,
    filter: normaliseFilter(fields.filter),
    status: 'pending',
    source: fields.source,
    createdAt: nowIso,
    updatedAt: nowIso,
    transientBounces: 0,
  };
}
