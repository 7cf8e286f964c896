import * as z from 'zod';
import { canonicalEmailAddress } from '../email/address.js';
import { canonicalFilter, type ResourceFilter } from '../filters/filter.js';
import { parseFilterText } from '../filters/language.js';
import { FILTER_FIELDS, isCanonical, type PartnerNames } from '../filters/values.js';
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
  /**
   * Topics, countries, types, content languages, partners (canonical ids only) and keywords in
   * their canonical spelling; dates never: a digest is "what is new".
   */
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

/** At most this many values in one field (more than any list of choices on the pages). */
const MAX_VALUES = 100;
/** Keywords longer than this are no interest a person would type. */
export const MAX_KEYWORD_CHARS = 300;

/**
 * The part of ResourceFilter a subscription may hold: canonical ids of the taxonomy and of the
 * partner registry (`partners`; without it, partner ids are checked for their shape only) and
 * keywords in their canonical spelling. Unknown fields are refused, and so is every value that
 * could never match, so a subscriber is never stored with a filter that silently brings nothing.
 */
export function subscriptionFilterSchema(partners?: PartnerNames) {
  const ids = z.array(z.string().max(80)).max(MAX_VALUES).optional();
  return z
    .object({
      types: ids,
      countries: ids,
      topics: ids,
      languages: ids,
      partners: ids,
      keywords: z.string().max(MAX_KEYWORD_CHARS).optional(),
    })
    .strict()
    .superRefine((filter, ctx) => {
      for (const field of FILTER_FIELDS) {
        for (const value of filter[field] ?? []) {
          if (!isCanonical(field, value, partners))
            ctx.addIssue({
              code: 'custom',
              path: [field],
              message: `${JSON.stringify(value)} is not a known ${field.slice(0, -1)} id`,
            });
        }
      }
      if (filter.keywords?.trim() && !isCanonicalKeywords(filter.keywords))
        ctx.addIssue({
          code: 'custom',
          path: ['keywords'],
          message: 'not keywords in their canonical form (free words, "phrases", -exclusions)',
        });
    })
    .transform((filter) => canonicalFilter(filter as ResourceFilter));
}

/** True when keywords are only words, phrases and exclusions, spelled as the filter language writes them. */
export function isCanonicalKeywords(keywords: string): boolean {
  const parsed = parseFilterText(keywords, { now: new Date(0) });
  const { keywords: spelled, ...rest } = parsed.filter;
  return parsed.problems.length === 0 && Object.keys(rest).length === 0 && spelled === keywords.trim();
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
    filter: canonicalFilter(fields.filter),
    status: 'pending',
    source: fields.source,
    createdAt: nowIso,
    updatedAt: nowIso,
    transientBounces: 0,
  };
}
