import type { SESClient } from '@aws-sdk/client-ses';
import type { RelayConfig } from '../config.js';
import { RelayError } from '../errors.js';
import { canonicalEmailAddress } from './address.js';
import { buildMime, type OutgoingEmail } from './mime.js';

/**
 * Sends raw MIME messages through SES v1 SendRawEmail (v1 SendEmail cannot set the unsubscribe
 * headers), paced to the configured rate and backing off when SES says it is throttling.
 */

export class EmailSendError extends RelayError {
  constructor(
    message: string,
    /** True when trying again later may work (throttling that outlasted the retries, 5xx). */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super('email_send_failed', message, options);
    this.name = 'EmailSendError';
  }
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  /** Sends handed to SES so far (for summaries and benchmarks). */
  readonly sent: number;
}

export interface MailerOptions {
  /** Sends per second; default config.email.ratePerSecond. */
  ratePerSecond?: number;
  /** Attempts on throttling before giving up (retryable). */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * What the mailer sends through: an SES client, or a function that makes one on the first send
 * (the runtime's `ses`, which imports the SES client module only then).
 */
export type SesSource = Pick<SESClient, 'send'> | (() => Promise<Pick<SESClient, 'send'>>);

const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);

function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; message?: string };
  return (
    THROTTLED.has(e?.name ?? '') ||
    THROTTLED.has(e?.Code ?? '') ||
    /maximum sending rate exceeded/i.test(e?.message ?? '')
  );
}

function isServerError(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Paces sends: each send waits for its slot (1/rate seconds after the previous one). On throttling
 * it waits 2^n × the slot (plus jitter) and tries again, and slows the pace for the rest of the run.
 */
export function createSesMailer(ses: SesSource, config: RelayConfig, options: MailerOptions = {}): Mailer {
  let interval = 1000 / (options.ratePerSecond ?? config.email.ratePerSecond);
  const maxAttempts = options.maxAttempts ?? 6;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  let nextSlot = 0;
  let sent = 0;

  const waitForSlot = async () => {
    const at = now();
    const slot = Math.max(at, nextSlot);
    nextSlot = slot + interval;
    if (slot > at) await sleep(slot - at);
  };

  return {
    get sent() {
      return sent;
    },
    async send(email) {
      // The last gate: whatever path built this message, nothing goes to an address that could
      // hide another (a control character the MIME layer would turn into a space).
      const to = canonicalEmailAddress(email.to);
      if (!to) throw new EmailSendError('Refused to send to an address that is not valid', false);
      const raw = await buildMime({ ...email, to });
      // The SES module (the command and, through the runtime, the client) is imported on the
      // first email, not where the mailer is made: most cold starts that can mail send none.
      const { SendRawEmailCommand } = await import('@aws-sdk/client-ses');
      const client = typeof ses === 'function' ? await ses() : ses;
      for (let attempt = 1; ; attempt += 1) {
        await waitForSlot();
        try {
          const out = await client.send(
            new SendRawEmailCommand({
              RawMessage: { Data: raw },
              Destinations: [to],
              ConfigurationSetName: config.email.configurationSet,
            }),
          );
          sent += 1;
          return { messageId: out.MessageId ?? '' };
        } catch (error) {
          const throttled = isThrottling(error);
          if ((throttled || isServerError(error)) && attempt < maxAttempts) {
            if (throttled) interval = Math.min(interval * 1.5, 10_000);
            await sleep(interval * 2 ** attempt * (1 + Math.random() * 0.25));
            continue;
          }
          throw new EmailSendError(
            `SES refused the message: ${(error as Error).message}`,
            throttled || isServerError(error),
            { cause: error },
          );
        }
      }
    },
  };
}
