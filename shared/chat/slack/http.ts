import { createHmac, timingSafeEqual } from 'node:crypto';
import { App, type Receiver } from '@slack/bolt';
import { describeError, RelayError } from '../../errors.js';
import { type HttpEvent, type HttpHandler, type HttpResult, header } from '../../http/types.js';
import type { Log } from '../../log.js';
import type { Clock } from '../../runtime/clock.js';
import { claimOnce } from '../../store/claims.js';
import { keys } from '../../store/keys.js';
import {
  ANSWER_BY,
  baseAppOptions,
  DEFERRED_RUN,
  REQUEST_SIGNATURE,
  registerSlackListeners,
  runDeferredWork,
  SLASH_COMMAND,
  type SlackFaceDeps,
  slackWebClient,
} from './app.js';
import { DEFERRED_SLACK_COMMAND, isHttpShaped } from './deferred.js';

/**
 * The Slack face over HTTP (a Lambda Function URL, the local stack's /slack/events): one receiver
 * that owns the transport and its timing. It checks the signature over the bytes received, parses
 * the body, and hands Bolt one event whose acknowledgement has one deadline: the HTTP answer goes
 * back when the listener acknowledges (with its answer, when it had one in time) or at the
 * deadline, empty. A listener's answer that comes after the deadline has acknowledged empty goes to
 * the request's response_url, never nowhere. Listeners get their budget as a time (ANSWER_BY),
 * counted from the request's arrival, so time spent before them counts against it.
 */

/** Slack's replay window: five minutes either way (SECURITY.md 20). */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * True when `v0=hex(HMAC-SHA256(secret, "v0:<ts>:" + body bytes))` matches and the timestamp is
 * fresh. The HMAC is over the bytes as received: text decoded and encoded again is not them (a
 * byte that is not UTF-8 decodes to U+FFFD whatever it was).
 */
export function verifySlackSignature(options: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Uint8Array | string;
  now: Date;
}): boolean {
  const { signingSecret, timestamp, signature, rawBody, now } = options;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > SIGNATURE_WINDOW_SECONDS) return false;
  const hmac = createHmac('sha256', signingSecret).update(`v0:${timestamp}:`);
  const expected = `v0=${hmac.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request body's bytes, as the transport delivered them. */
export function bodyBytes(event: HttpEvent): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface SlackHttpOptions extends SlackFaceDeps {
  botToken: string;
  signingSecret: string;
  apiUrl?: string;
  /**
   * The HTTP answer goes back when the listener acknowledges or at this deadline after the
   * request arrived, whichever is first, so Slack always gets its acknowledgement within 3
   * seconds. Listeners must have their answer `ackDeadlineMs - commandBudgetMs` earlier, to hand
   * late work over in time. @default 2500
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
const badRequest: HttpResult = { statusCode: 400, body: '' };

/** Slack's body: a form (a slash command, or `payload` JSON for interactions) or JSON (events). */
function parseSlackBody(text: string, contentType: string): Record<string, unknown> {
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = Object.fromEntries(new URLSearchParams(text));
    return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new RelayError('slack_bad_body', 'not a JSON object');
  return parsed as Record<string, unknown>;
}

/** Posts an answer that missed its acknowledgement to the request's response_url. */
async function answerLate(body: Record<string, unknown>, response: unknown, log: Log): Promise<void> {
  const url = typeof body.response_url === 'string' ? body.response_url : undefined;
  if (!url || !/^https?:\/\//.test(url)) {
    log.error('slack answer missed its acknowledgement and the request has no response_url', {
      type:
        typeof body.type === 'string' ? body.type : typeof body.command === 'string' ? 'command' : 'unknown',
    });
    return;
  }
  const message = typeof response === 'string' ? { text: response } : (response as Record<string, unknown>);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', ...message }),
  });
  if (!res.ok) throw new RelayError('slack_respond_failed', `response_url answered ${res.status}`);
  log.info('slack answer sent to the response_url after the acknowledgement deadline');
}

/** The receiver: Bolt's transport, with the one acknowledgement deadline. */
class SlackHttpReceiver implements Receiver {
  private app?: App;
  readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly log: Log,
    private readonly deadlineMs: number,
    private readonly budgetMs: number,
  ) {}

  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Hands one verified, parsed request to Bolt; resolves to the HTTP answer. */
  async dispatch(
    body: Record<string, unknown>,
    meta: { arrivedAt: number; signature: string; retryNum?: string; retryReason?: string },
  ): Promise<HttpResult> {
    const app = this.app;
    if (!app) throw new RelayError('slack_receiver_not_ready', 'the receiver has no app');
    let state: 'open' | 'acknowledged' | 'late' = 'open';
    let answer: unknown;
    const ack = async (response?: unknown) => {
      if (state === 'open') {
        state = 'acknowledged';
        answer = response;
      } else if (state === 'late' && response !== undefined && response !== '') {
        await answerLate(body, response, this.log);
      }
    };
    const processing = app
      .processEvent({
        body,
        ack,
        retryNum: meta.retryNum === undefined ? undefined : Number(meta.retryNum),
        retryReason: meta.retryReason,
        customProperties: {
          [ANSWER_BY]: meta.arrivedAt + this.budgetMs,
          [REQUEST_SIGNATURE]: meta.signature,
        },
      })
      .catch((error: unknown) => {
        this.log.error('slack processing failed', { error: describeError(error) });
      });
    this.pending.add(processing);
    void processing.finally(() => this.pending.delete(processing));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, meta.arrivedAt + this.deadlineMs - Date.now()));
    });
    // The answer goes back once processing is done (a hand-over must finish while this invocation
    // runs) or at the deadline; from then on an answer goes to the response_url.
    await Promise.race([processing, deadline]);
    clearTimeout(timer);
    if (state === 'open') state = 'late';
    if (answer === undefined || answer === '') return { statusCode: 200, body: '' };
    if (typeof answer === 'string') return { statusCode: 200, body: answer };
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer),
    };
  }
}

export function createSlackHttpHandler(options: SlackHttpOptions): SlackHttpFace {
  const { log } = options;
  const clock: Clock = options.clock;
  const deadlineMs = options.ackDeadlineMs ?? 2500;
  const receiver = new SlackHttpReceiver(
    log,
    deadlineMs,
    Math.min(options.commandBudgetMs ?? 2000, deadlineMs),
  );
  const app = new App({
    ...baseAppOptions({ token: options.botToken, apiUrl: options.apiUrl, log }),
    receiver,
  });
  registerSlackListeners(app, options);
  const client = slackWebClient(options.botToken, options.apiUrl);

  const handler: HttpHandler = async (event: HttpEvent) => {
    const arrivedAt = Date.now();
    if (event.requestContext?.http?.method && event.requestContext.http.method !== 'POST') {
      return { statusCode: 405, headers: { allow: 'POST' }, body: '' };
    }
    const bytes = bodyBytes(event);
    const signature = header(event, 'x-slack-signature');
    const ok = verifySlackSignature({
      signingSecret: options.signingSecret,
      timestamp: header(event, 'x-slack-request-timestamp'),
      signature,
      rawBody: bytes,
      now: clock(),
    });
    if (!ok || !signature) {
      log.warn('slack request refused: bad or stale signature', {
        timestamp: header(event, 'x-slack-request-timestamp'),
      });
      return unauthorized;
    }
    const contentType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let body: Record<string, unknown>;
    try {
      // Slack sends UTF-8; anything else is nothing Slack would send. No internals leak.
      body = parseSlackBody(strictUtf8.decode(bytes), contentType);
    } catch (error) {
      log.warn('slack request refused: unreadable body', { error: describeError(error) });
      return badRequest;
    }
    if (body.ssl_check !== undefined) return { statusCode: 200, body: '' };
    if (body.type === 'url_verification')
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challenge: body.challenge }),
      };
    return receiver.dispatch(body, {
      arrivedAt,
      signature,
      retryNum: header(event, 'x-slack-retry-num'),
      retryReason: header(event, 'x-slack-retry-reason'),
    });
  };

  const runDeferred = async (event: unknown): Promise<HttpResult> => {
    // zod and the schemas are read on the first deferred run, not at cold start.
    const { parseDeferredWork } = await import('./deferred-parse.js');
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
        !(await claimOnce(
          options.store,
          keys.dedupe('slack-deferred', work.id),
          clock(),
          DEFERRED_CLAIM_TTL_SECONDS,
        ))
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
        await runDeferredWork(client, options, work);
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
      while (receiver.pending.size) await Promise.allSettled([...receiver.pending]);
    },
  };
}
