import { buildMime } from '../email/mime.js';
import type { Runtime } from '../runtime/runtime.js';
import { composeDigest, selectResources } from './compose.js';
import { digestMessage, type RenderedEmail, renderDigest } from './emails.js';
import { createBatchContext } from './run.js';
import { periodOf } from './schedule.js';
import { getSubscription, SubscriptionError } from './subscriptions.js';

export interface DigestPreview {
  subject: string;
  total: number;
  since: string;
  until: string;
  rendered: RenderedEmail;
  /** The raw MIME message exactly as it would go to SES. */
  eml: Buffer;
}

/**
 * The digest a subscriber would receive if it were sent now (resources first seen since their last
 * digest, or since `since`), without claiming or sending anything. Undefined when nothing is new.
 */
export async function previewDigest(
  runtime: Runtime,
  email: string,
  options: { since?: string } = {},
): Promise<DigestPreview | undefined> {
  const sub = await getSubscription(runtime, email);
  if (!sub) throw new SubscriptionError(`No subscription for ${email}`);
  const now = runtime.clock();
  const until = now.toISOString();
  const since = options.since ?? sub.lastDigestAt ?? sub.confirmedAt ?? sub.createdAt;
  const ctx = await createBatchContext(runtime, until, { dryRun: true });
  const selection = selectResources(await ctx.window.since(since), sub, since, until, ctx.compose.keywords);
  if (selection.matched.length === 0) return undefined;
  const period = periodOf(sub.frequency, now, runtime.config.email.weeklyDigestDay);
  const digest = composeDigest(ctx.compose, sub, selection, { period, since, until });
  const rendered = renderDigest(digest);
  const eml = await buildMime(digestMessage(runtime.config, digest, rendered));
  return { subject: digest.subject, total: digest.total, since, until, rendered, eml };
}
