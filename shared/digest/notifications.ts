import type { EventBridgeEvent, SNSEvent } from 'aws-lambda';
import { type SnsMessage, SnsSignatureError, type SnsVerifier } from '../email/sns.js';
import { describeError } from '../errors.js';
import type { Runtime } from '../runtime/runtime.js';
import { keys } from '../store/keys.js';
import { recordTransientBounce, suppress } from './subscriptions.js';

/**
 * SES bounce, complaint and reject events. Deployed, they come from the configuration set's EventBridge
 * event destination (handleSesEventBridgeEvent: EventBridge invokes the Lambda only for the rule
 * that matches this stage's configuration set, so there is nothing to verify); through SNS
 * (handleSnsEvent) each message's signature is checked first and a forged or altered one changes
 * nothing. A permanent bounce or a complaint suppresses the address at once (SES reviews an account
 * at 5% bounces or 0.1% complaints); a transient bounce is counted; a reject is logged at ERROR. Events are deduplicated on their
 * SNS MessageId or EventBridge event id.
 */

export interface NotificationOutcome {
  suppressed: number;
  transient: number;
  ignored: number;
  /** SNS messages whose signature failed. */
  rejected: number;
  /** Messages SES refused to send (Reject events), each logged at ERROR. */
  sesRejects: number;
  duplicates: number;
}

interface SesEvent {
  notificationType?: string;
  eventType?: string;
  mail?: { messageId?: string };
  reject?: { reason?: string };
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
  let event: SesEvent;
  try {
    event = JSON.parse(message.Message) as SesEvent;
  } catch {
    outcome.ignored += 1;
    return;
  }
  await applyOnce(runtime, keys.dedupe('sns', message.MessageId), event, outcome);
}

/**
 * Applies one SES event unless its delivery was seen in the last 7 days; when applying it fails,
 * the mark is given back so that the retry (SNS or EventBridge deliver again) applies it.
 */
async function applyOnce(
  runtime: Runtime,
  dedupeKey: ReturnType<typeof keys.dedupe>,
  event: SesEvent,
  outcome: NotificationOutcome,
): Promise<void> {
  const nowS = Math.floor(runtime.clock().getTime() / 1000);
  const fresh = await runtime.store.putIfAbsent({ ...dedupeKey, expiresAt: nowS + 7 * 86_400 });
  if (!fresh) {
    outcome.duplicates += 1;
    return;
  }
  try {
    await applySesEvent(runtime, event, outcome);
  } catch (error) {
    await runtime.store.delete(dedupeKey).catch(() => undefined);
    throw error;
  }
}

async function applySesEvent(runtime: Runtime, event: SesEvent, outcome: NotificationOutcome): Promise<void> {
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
  if (kind === 'Reject') {
    // SES accepted the message but refused to send it (a virus found): no address is at fault, so
    // nothing is suppressed. Logged at ERROR, which the ErrorLines alarm reads (in place of an alarm
    // on AWS/SES Reject, US$0.10 a month; docs/operations.md).
    runtime.log.error('SES rejected a message', {
      sesMessageId: event.mail?.messageId,
      reason: event.reject?.reason,
    });
    outcome.sesRejects += 1;
    return;
  }
  outcome.ignored += 1;
}

const noOutcome = (): NotificationOutcome => ({
  suppressed: 0,
  transient: 0,
  ignored: 0,
  rejected: 0,
  sesRejects: 0,
  duplicates: 0,
});

/** The EventBridge detail types of the SES events the configuration set sends (the deployed rule's pattern). */
export const SES_EVENT_DETAIL_TYPES = [
  'Email Bounced',
  'Email Complaint Received',
  'Email Rejected',
] as const;

/** An SES event as EventBridge delivers it: `detail` is the event publishing record. */
export type SesEventBridgeEvent = EventBridgeEvent<string, SesEvent>;

/**
 * The Lambda's EventBridge event (one SES event per invocation): applied once per event id; a store
 * failure throws, so that EventBridge's asynchronous invocation retries and then dead-letters it.
 */
export async function handleSesEventBridgeEvent(
  runtime: Runtime,
  event: SesEventBridgeEvent,
): Promise<NotificationOutcome> {
  const outcome = noOutcome();
  if (event.source !== 'aws.ses' || !event.detail || !event.id) outcome.ignored += 1;
  else await applyOnce(runtime, keys.dedupe('ses-event', event.id), event.detail, outcome);
  runtime.log.info('SES notifications handled', { ...outcome, eventType: event['detail-type'] });
  return outcome;
}

/** The Lambda's SNS event: every record handled; a store failure throws so that SNS retries. */
export async function handleSnsEvent(
  runtime: Runtime,
  verify: SnsVerifier,
  event: SNSEvent,
): Promise<NotificationOutcome> {
  const outcome = noOutcome();
  for (const record of event.Records ?? []) {
    await handleSesNotification(runtime, verify, record.Sns as unknown as SnsMessage, outcome);
  }
  runtime.log.info('SES notifications handled', { ...outcome });
  return outcome;
}
