import type { SNSEvent } from 'aws-lambda';
import { type SnsMessage, SnsSignatureError, type SnsVerifier } from '../email/sns.js';
import { describeError } from '../errors.js';
import type { Runtime } from '../runtime/runtime.js';
import { keys } from '../store/keys.js';
import { recordTransientBounce, suppress } from './subscriptions.js';

/**
 * SES bounce and complaint notifications, delivered through SNS. Each message's signature is
 * checked first; a forged or altered one changes nothing. A permanent bounce or a complaint
 * suppresses the address at once (SES reviews an account at 5% bounces or 0.1% complaints);
 * a transient bounce is counted. Messages are deduplicated on their SNS MessageId.
 */

export interface NotificationOutcome {
  suppressed: number;
  transient: number;
  ignored: number;
  rejected: number;
  duplicates: number;
}

interface SesEvent {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string }[] };
  complaint?: { complainedRecipients?: { emailAddress?: string }[] };
}

/** `Name <a@b>` or `a@b` → `a@b`. */
function addressOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return (value.match(/<([^>]+)>/)?.[1] ?? value).trim() || undefined;
}

export async function handleSesNotification(
  runtime: Runtime,
  verify: SnsVerifier,
  message: SnsMessage,
  outcome: NotificationOutcome,
): Promise<void> {
  try {
    await verify(message);
  } catch (error) {
    outcome.rejected += 1;
    runtime.log.warn('SNS message rejected', {
      messageId: message.MessageId,
      error: describeError(error),
      code: error instanceof SnsSignatureError ? error.code : undefined,
    });
    return;
  }
  if (message.Type !== 'Notification') {
    // A Lambda subscription is confirmed by SNS itself; nothing else is expected on this topic.
    outcome.ignored += 1;
    return;
  }
  const nowS = Math.floor(runtime.clock().getTime() / 1000);
  const fresh = await runtime.store.putIfAbsent({
    ...keys.dedupe('sns', message.MessageId),
    expiresAt: nowS + 7 * 86_400,
  });
  if (!fresh) {
    outcome.duplicates += 1;
    return;
  }
  try {
    await applySesEvent(runtime, message, outcome);
  } catch (error) {
    // Let SNS deliver it again: forget that it was seen.
    await runtime.store.delete(keys.dedupe('sns', message.MessageId)).catch(() => undefined);
    throw error;
  }
}

async function applySesEvent(
  runtime: Runtime,
  message: SnsMessage,
  outcome: NotificationOutcome,
): Promise<void> {
  let event: SesEvent;
  try {
    event = JSON.parse(message.Message) as SesEvent;
  } catch {
    outcome.ignored += 1;
    return;
  }
  const kind = event.notificationType ?? event.eventType;
  if (kind === 'Complaint') {
    for (const r of event.complaint?.complainedRecipients ?? []) {
      const address = addressOf(r.emailAddress);
      if (!address) continue;
      await suppress(runtime, address, 'complaint');
      outcome.suppressed += 1;
    }
    return;
  }
  if (kind === 'Bounce') {
    const permanent = event.bounce?.bounceType === 'Permanent';
    for (const r of event.bounce?.bouncedRecipients ?? []) {
      const address = addressOf(r.emailAddress);
      if (!address) continue;
      if (permanent) {
        await suppress(runtime, address, 'bounce');
        outcome.suppressed += 1;
      } else {
        await recordTransientBounce(runtime, address);
        outcome.transient += 1;
      }
    }
    return;
  }
  outcome.ignored += 1;
}

/** The Lambda's SNS event: every record handled; a store failure throws so that SNS retries. */
export async function handleSnsEvent(
  runtime: Runtime,
  verify: SnsVerifier,
  event: SNSEvent,
): Promise<NotificationOutcome> {
  const outcome: NotificationOutcome = {
    suppressed: 0,
    transient: 0,
    ignored: 0,
    rejected: 0,
    duplicates: 0,
  };
  for (const record of event.Records ?? []) {
    await handleSesNotification(runtime, verify, record.Sns as unknown as SnsMessage, outcome);
  }
  runtime.log.info('SES notifications handled', { ...outcome });
  return outcome;
}
