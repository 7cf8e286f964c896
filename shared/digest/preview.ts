import { buildMime } from '../email/mime.js';
import type { Runtime } from '../runtime/runtime.js';
import { composeDigest, selectResources, selectUpcomingEvents } from './compose.js';
import { digestMessage, type RenderedEmail, renderDigest } from './emails.js';
import type { SubscriptionStatus } from './model.js';
import { coopSelection, createBatchContext } from './run.js';
import { periodOf } from './schedule.js';
import { getSubscription, SubscriptionError } from './subscriptions.js';

/** Where a preview's window starts: as asked, else the last digest, else when the address confirmed. */
export type PreviewSince = 'given' | 'last-digest' | 'confirmed' | 'subscribed';

export interface DigestPreview {
  /** The window looked at: `since` as asked, else the last digest (or the confirmation) to now. */
  since: string;
  until: string;
  /** What `since` is: the caller's, the last digest's time, or (none sent yet) the confirmation's. */
  sinceFrom: PreviewSince;
  /** Digests go only to confirmed addresses: a preview of another is what it would get if confirmed. */
  status: SubscriptionStatus;
  /** The digest that would go out; absent when nothing new matches (no digest would be sent). */
  digest?: {
    subject: string;
    total: number;
    rendered: RenderedEmail;
    /** The raw MIME message exactly as it would go to SES. */
    eml: Buffer;
  };
}

/**
 * The digest a subscriber would receive if it were sent now (resources first seen since their last
 * digest, or since `since`), without claiming or sending anything.
 */
export async function previewDigest(
  runtime: Runtime,
  email: string,
  options: { since?: string } = {},
): Promise<DigestPreview> {
  const sub = await getSubscription(runtime, email);
  if (!sub) throw new SubscriptionError(`No subscription for ${email}`);
  const now = runtime.clock();
  const until = now.toISOString();
  // Confirming sets lastDigestAt to start the first window; a digest period run sets lastPeriod too.
  const [since, sinceFrom]: [string, PreviewSince] = options.since
    ? [options.since, 'given']
    : sub.lastDigestAt && sub.lastPeriod
      ? [sub.lastDigestAt, 'last-digest']
      : sub.lastDigestAt || sub.confirmedAt
        ? [(sub.lastDigestAt ?? sub.confirmedAt)!, 'confirmed']
        : [sub.createdAt, 'subscribed'];
  const ctx = await createBatchContext(runtime, until, { dryRun: true });
  const selection = selectResources(await ctx.window.since(since), sub, since, until, ctx.compose.keywords);
  const window = { since, until, sinceFrom, status: sub.status };
  const coop = await coopSelection(ctx, sub, since, until);
  if (selection.matched.length === 0 && coop.length === 0) return window;
  const period = periodOf(sub.frequency, now, runtime.config.email.weeklyDigestDay);
  const upcoming = selectUpcomingEvents(await ctx.upcoming(), sub, ctx.compose.keywords);
  const digest = composeDigest(ctx.compose, sub, { ...selection, upcoming, coop }, { period, since, until });
  const rendered = renderDigest(digest);
  const eml = await buildMime(digestMessage(runtime.config, digest, rendered));
  return { ...window, digest: { subject: digest.subject, total: digest.total, rendered, eml } };
}
