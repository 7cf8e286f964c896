import { linkMessage } from '../../digest/emails.js';
import { getSubscription, takeRateLimit } from '../../digest/subscriptions.js';
import { requireTokenSecret, signToken, TOKEN_LIFETIME_SECONDS, verifyToken } from '../../digest/tokens.js';
import { canonicalEmailAddress, mailboxOf } from '../../email/address.js';
import { createSesMailer, type Mailer } from '../../email/mailer.js';
import { describeError } from '../../errors.js';
import type { Runtime } from '../../runtime/runtime.js';
import { keyHash, keys, subscriptionId } from '../../store/keys.js';
import type { CoopDraft, CoopEntry } from '../entry.js';
import { createEntry, entryByRef } from '../store.js';
import type { PageLanguage } from './form.js';
import { COOP_PAGES_PATH } from './route.js';
import { COOP_STRINGS } from './strings.js';

/**
 * Offers and requests submitted on the web, email-verified as subscriptions are (SECURITY.md 25):
 * the checked draft is held (`COOPWEB#<id>`, with a TTL) and a signed link goes to the contact
 * address; following it shows the entry and a button (mail scanners follow links: a GET publishes
 * nothing); the button's POST creates the entry, open, with `origin: { face: 'web', address, language }`.
 *
 * Exactly once: the held submission's id is a digest of the address and the draft, so sending the
 * same form again holds nothing new; the entry is created under the ref `web:<that id>`, claimed
 * with a conditional put (shared/coop/store.ts), so a second click, a replayed link or two clicks
 * at once create one entry. The email carries no submitted text (the relay must not carry a
 * stranger's words to an address that did not ask), only the link; rate limits per address and per
 * source; suppressed addresses (bounces, complaints) get nothing. The answer is always the same.
 */

export const COOP_RATE_LIMITS = {
  perAddress: { max: 5, windowSeconds: 86_400 },
  perSource: { max: 10, windowSeconds: 3_600 },
};

export interface HeldSubmission {
  id: string;
  draft: CoopDraft;
  email: string;
  language: PageLanguage;
  createdAt: string;
}

export type SubmitResult = { status: 'sent' } | { status: 'rate_limited'; retryAfterSeconds: number };

/** The held submission's id: the same address and the same draft give the same id. */
export function submissionId(email: string, draft: CoopDraft): string {
  const { origin: _origin, ...fields } = draft;
  return keyHash(JSON.stringify([email, fields]));
}

/** The ref a web entry is created under (the exactly-once claim). */
export const webRef = (id: string) => `web:${id}`;

async function suppressed(runtime: Runtime, email: string): Promise<boolean> {
  for (const address of new Set([email, mailboxOf(email)]))
    if ((await getSubscription(runtime, address))?.status === 'suppressed') return true;
  return false;
}

/**
 * Holds a checked draft and emails its contact the link that publishes it. `source` is who asks
 * (`web:<ip>`), a rate-limit bucket like the address.
 */
export async function submitEntry(
  runtime: Runtime,
  input: { draft: CoopDraft; email: string; language: PageLanguage; source: string },
  options: { mailer?: Mailer } = {},
): Promise<SubmitResult> {
  const email = canonicalEmailAddress(input.email);
  if (!email) throw new Error('submitEntry needs a checked address (readSubmission checks it)');
  const secret = requireTokenSecret(runtime.config);
  for (const [bucket, limit] of [
    [`coop-source:${keyHash(input.source)}`, COOP_RATE_LIMITS.perSource],
    [`coop-address:${subscriptionId(mailboxOf(email))}`, COOP_RATE_LIMITS.perAddress],
  ] as const) {
    const taken = await takeRateLimit(runtime, bucket, limit);
    if (!taken.ok) return { status: 'rate_limited', retryAfterSeconds: taken.retryAfterSeconds };
  }
  const id = submissionId(email, input.draft);
  if (await suppressed(runtime, email)) {
    runtime.log.info('coop submission for a suppressed address ignored', { submissionId: id });
    return { status: 'sent' };
  }
  const now = runtime.clock();
  const held: HeldSubmission = {
    id,
    draft: input.draft,
    email,
    language: input.language,
    createdAt: now.toISOString(),
  };
  // Held as long as its link works, and a day more; the same submission again keeps the first.
  const expiresAt = Math.floor(now.getTime() / 1000) + TOKEN_LIFETIME_SECONDS['coop-confirm'] + 86_400;
  await runtime.store.putIfAbsent({ ...keys.coopPending(id), ...held, expiresAt });
  const s = COOP_STRINGS[input.language];
  const url = `${runtime.config.publicUrl}${COOP_PAGES_PATH}/confirm?token=${signToken(secret, 'coop-confirm', { sub: id }, now)}`;
  try {
    const mailer = options.mailer ?? createSesMailer(runtime.ses, runtime.config);
    await mailer.send(
      linkMessage(runtime.config, email, input.language, {
        title: s.emailTitle,
        body: s.emailBody,
        action: s.emailAction,
        url,
      }),
    );
  } catch (error) {
    // Still "sent" to the page: a failure must not tell the visitor anything about the address.
    runtime.log.error('coop verification email failed', { submissionId: id, error: describeError(error) });
  }
  return { status: 'sent' };
}

export type HeldResult =
  | { status: 'held'; held: HeldSubmission }
  | { status: 'invalid' | 'expired' | 'not_found' };

/** The held submission a publishing link names (what its page shows before the button). */
export async function heldSubmission(runtime: Runtime, token: string | undefined): Promise<HeldResult> {
  const check = verifyToken(requireTokenSecret(runtime.config), 'coop-confirm', token, runtime.clock());
  if (!check.ok) return { status: check.reason };
  const item = await runtime.store.get(keys.coopPending(check.claims.sub), { consistent: true });
  if (!item) return { status: 'not_found' };
  const { pk: _pk, sk: _sk, expiresAt: _e, ...held } = item;
  return { status: 'held', held: held as unknown as HeldSubmission };
}

/** The entry a held submission became, if it was published. */
export async function publishedEntry(runtime: Runtime, held: HeldSubmission): Promise<CoopEntry | undefined> {
  return entryByRef(runtime.store, webRef(held.id));
}

export type PublishResult =
  | { status: 'published'; entry: CoopEntry; created: boolean }
  | { status: 'invalid' | 'expired' | 'not_found' };

/** Publishes the submission a link names: the entry, open; `created` false when it already was. */
export async function publishSubmission(runtime: Runtime, token: string | undefined): Promise<PublishResult> {
  const found = await heldSubmission(runtime, token);
  if (found.status !== 'held') return found;
  const { held } = found;
  const draft: CoopDraft = {
    ...held.draft,
    ref: webRef(held.id),
    origin: { face: 'web', address: held.email, language: held.language },
  };
  const out = await createEntry(runtime.store, draft, { who: `web:${held.email}`, at: runtime.clock() });
  if (out.created) runtime.log.info('coop entry published from the web', { id: out.entry.id });
  return { status: 'published', entry: out.entry, created: out.created };
}
