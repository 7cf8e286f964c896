import { createHmac, timingSafeEqual } from 'node:crypto';
import { App, AwsLambdaReceiver } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { bodyText, type HttpEvent, type HttpHandler, type HttpResult, header } from '../../http/types.js';
import type { Clock } from '../../runtime/clock.js';
import { claimDelivery } from '../state.js';
import {
  baseAppOptions,
  boltLogger,
  DEFERRED_RUN,
  registerSlackListeners,
  runDeferredWork,
  SLASH_COMMAND,
  type SlackFaceDeps,
} from './app.js';
import { DEFERRED_SLACK_COMMAND, isHttpShaped, parseDeferredWork } from './deferred.js';

/**
 * The Slack face over HTTP (a Lambda Function URL, the local stack's /slack/events): our own
 * signature check, then Bolt's AwsLambdaReceiver and App. Bolt's receiver is given the body
 * already decoded as UTF-8 (it decodes base64 as ASCII, which breaks `café`, SECURITY.md 20) and
 * its own check is off because it only rejects old timestamps and reads the system clock.
 */

/** Slack's replay window: five minutes either way (SECURITY.md 20). */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** True when `v0=hex(HMAC-SHA256(secret, "v0:<ts>:<body>"))` matches and the timestamp is fresh. */
export function verifySlackSignature(options: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
}): boolean {
  const { signingSecret, timestamp, signature, rawBody, now } = options;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > SIGNATURE_WINDOW_SECONDS) return false;
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SlackHttpOptions extends SlackFaceDeps {
  botToken: string;
  signingSecret: string;
  apiUrl?: string;
  /**
   * The HTTP answer goes back when processing is done or at this deadline, whichever is first,
   * so Slack always gets its acknowledgement within 3 seconds. @default 2500
   */
  ackDeadlineMs?: number;
}

export interface SlackHttpFace {
  handler: HttpHandler;
  app: App;
  /** Resolves when work still running after its HTTP answer has finished (tests, local stack). */
  idle(): Promise<void>;
  /**
   * Runs deferred work (deferred.ts: a slash command, mention or direct message, button press or
   * App Home open) to the end and answers it. Anything but exactly one of those internal events
   * (an HTTP request above all) is refused with 400 and runs nothing; an event whose id was
   * already claimed (Lambda retrying the invocation) answers 200 and runs nothing.
   */
  runDeferred(event: unknown): Promise<HttpResult>;
}

/**
 * The Slack Lambda's entry: HTTP-shaped events are Slack's requests (signature checked by
 * `http`); any other event can only come from a direct invoke, which IAM allows to the function
 * itself, and runs only if it is exactly a deferred work event.
 */
export function slackLambdaEntry(
  http: HttpHandler,
  deferred: (event: unknown) => Promise<HttpResult>,
): (event: unknown) => Promise<HttpResult> {
  return (event) => (isHttpShaped(event) ? http(event as HttpEvent) : deferred(event));
}

/** Longer than Lambda's longest asynchronous retry window (6 hours). */
const DEFERRED_CLAIM_TTL_SECONDS = 24 * 3600;

const unauthorized: HttpResult = { statusCode: 401, body: '' };

export function createSlackHttpHandler(options: SlackHttpOptions): SlackHttpFace {
  const { log } = options;
  const clock: Clock = options.clock;
  const deadlineMs = options.ackDeadlineMs ?? 2500;
  const receiver = new AwsLambdaReceiver({
    // Checked above, with the injected clock and in both directions; Bolt's check is off.
    signingSecret: options.signingSecret,
    signatureVerification: false,
    logger: boltLogger(log),
  });
  const app = new App({
    ...baseAppOptions({ token: options.botToken, apiUrl: options.apiUrl, log }),
    receiver,
  });
  registerSlackListeners(app, options);

  const pending = new Set<Promise<unknown>>();
  // The receiver hands each request to processEvent: answer at the deadline if the listeners are
  // still busy (acknowledging for them if they have not), and let them finish afterwards.
  receiver.init({
    processEvent: async (event: { ack: (response?: unknown) => Promise<void> }) => {
      let acked = false;
      const ack = async (response?: unknown) => {
        if (acked) return;
        acked = true;
        await event.ack(response);
      };
      const processing = app.processEvent({ ...event, ack } as never).catch((error: unknown) => {
        log.error('slack processing failed', { error: describeError(error) });
      });
      pending.add(processing);
      void processing.finally(() => pending.delete(processing));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      });
      await Promise.race([processing, deadline]);
      clearTimeout(timer);
      if (!acked) await ack();
    },
  } as unknown as App);
  const toLambda = receiver.toHandler();

  const handler: HttpHandler = async (event: HttpEvent) => {
    if (event.requestContext?.http?.method && event.requestContext.http.method !== 'POST') {
      return { statusCode: 405, headers: { allow: 'POST' }, body: '' };
    }
    const rawBody = bodyText(event);
    const ok = verifySlackSignature({
      signingSecret: options.signingSecret,
      timestamp: header(event, 'x-slack-request-timestamp'),
      signature: header(event, 'x-slack-signature'),
      rawBody,
      now: clock(),
    });
    if (!ok) {
      log.warn('slack request refused: bad or stale signature', {
        timestamp: header(event, 'x-slack-request-timestamp'),
      });
      return unauthorized;
    }
    const contentType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const headers: Record<string, string | undefined> = { ...event.headers, 'content-type': contentType };
    for (const key of Object.keys(headers))
      if (key !== 'content-type' && key.toLowerCase() === 'content-type') delete headers[key];
    try {
      const result = await toLambda({ ...event, headers, body: rawBody, isBase64Encoded: false }, {});
      return {
        statusCode: result.statusCode,
        headers: result.headers as Record<string, string>,
        body: result.body,
      };
    } catch (error) {
      // A body that does not parse: nothing Slack would send. No internals leak.
      log.warn('slack request refused: unreadable body', { error: describeError(error) });
      return { statusCode: 400, body: '' };
    }
  };

  const runDeferred = async (event: unknown): Promise<HttpResult> => {
    const work = parseDeferredWork(event, SLASH_COMMAND);
    if (!work) {
      log.warn('slack deferred run refused: not an internal deferred event', {
        httpShaped: isHttpShaped(event),
      });
      return { statusCode: 400, body: '' };
    }
    try {
      // Claimed before anything runs: a retried invocation (after a crash or timeout) does nothing
      // twice. The price: work that crashed midway is not finished by the retry.
      if (
        !(await claimDelivery(options.store, 'slack-deferred', work.id, clock(), DEFERRED_CLAIM_TTL_SECONDS))
      ) {
        log.info('slack deferred run skipped: already claimed', { kind: work.kind, id: work.id });
        return { statusCode: 200, body: '' };
      }
      if (work.kind === DEFERRED_SLACK_COMMAND) {
        await app.processEvent({
          body: work.command,
          ack: async () => {},
          customProperties: { [DEFERRED_RUN]: true },
        } as never);
      } else {
        await runDeferredWork(app.client, options, work);
      }
    } catch (error) {
      // Logged, not thrown: Lambda would retry the event (which the claim would then skip).
      log.error('slack deferred run failed', { kind: work.kind, error: describeError(error) });
      return { statusCode: 500, body: '' };
    }
    return { statusCode: 200, body: '' };
  };

  return {
    handler,
    app,
    runDeferred,
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
