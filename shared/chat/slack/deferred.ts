import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { CommandName } from '../i18n.js';
import { parseIntent } from '../intent.js';
import type { Schemas } from './deferred-parse.js';

/**
 * Slow Slack work after the acknowledgement. On Lambda, work still running when the handler
 * returns is frozen with the execution environment, so a slash command, a mention or direct
 * message, a button press or an App Home open that has not answered by its budget is handed to
 * `deferWork` (the Lambda invokes itself asynchronously with the verified request, reduced to the
 * fields its answer needs) and the HTTP answer goes back at once. The asynchronous invocation
 * reaches the handler as a bare internal event (never an HTTP request: it is accepted only through
 * the direct Lambda invoke path, which IAM restricts to the function itself), claims its `id` so a
 * retry of the invocation runs nothing twice, runs the work and answers: a command or a button
 * press to its `response_url` (valid 30 minutes), a message by chat.postMessage (or postEphemeral),
 * the App Home by views.publish. Without `deferWork` (the local stack, which keeps running) the
 * work simply continues in-process.
 */

export const DEFERRED_SLACK_COMMAND = 'iaspn.slack.deferred-command';
export const DEFERRED_SLACK_MESSAGE = 'iaspn.slack.deferred-message';
export const DEFERRED_SLACK_ACTION = 'iaspn.slack.deferred-action';
export const DEFERRED_SLACK_HOME = 'iaspn.slack.deferred-home';

/** The slash command fields Bolt and the listeners read; all strings, as Slack sends them. */
export interface DeferredCommandBody {
  command: string;
  text: string;
  team_id: string;
  user_id: string;
  channel_id: string;
  channel_name: string;
  response_url: string;
  [field: string]: string;
}

/** The internal event for a slash command: the command Slack sent (already verified), the marker, a claim id. */
export interface DeferredSlackCommand {
  kind: typeof DEFERRED_SLACK_COMMAND;
  id: string;
  command: DeferredCommandBody;
}

export type DeferredSlackMessage = z.infer<Schemas['messageWork']>;
export type DeferredSlackAction = z.infer<Schemas['actionWork']>;
export type DeferredSlackHome = z.infer<Schemas['homeWork']>;
/** Everything that can be handed over. */
export type DeferredSlackWork =
  | DeferredSlackCommand
  | DeferredSlackMessage
  | DeferredSlackAction
  | DeferredSlackHome;

/** The port: hands work to an invocation that outlives this one. Throws when it could not. */
export type DeferSlackWork = (work: DeferredSlackWork) => Promise<void>;

/** The internal event for a verified slash command (string fields only, as Slack sent them). */
export function deferredCommand(command: Record<string, unknown>): DeferredSlackCommand {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(command)) if (typeof value === 'string') body[key] = value;
  return { kind: DEFERRED_SLACK_COMMAND, id: randomUUID(), command: body as DeferredCommandBody };
}

export const deferredMessage = (event: DeferredSlackMessage['event']): DeferredSlackMessage => ({
  kind: DEFERRED_SLACK_MESSAGE,
  id: randomUUID(),
  event,
});

export const deferredAction = (action: DeferredSlackAction['action']): DeferredSlackAction => ({
  kind: DEFERRED_SLACK_ACTION,
  id: randomUUID(),
  action,
});

export const deferredHome = (home: DeferredSlackHome['home']): DeferredSlackHome => ({
  kind: DEFERRED_SLACK_HOME,
  id: randomUUID(),
  home,
});

/** Keys only an HTTP event (API Gateway v2, Function URL) has: such an event is never internal. */
const HTTP_KEYS = ['requestContext', 'headers', 'rawPath', 'routeKey', 'body', 'isBase64Encoded'];

/** True for an event with an HTTP shape (whatever else it carries): it must pass the signature check. */
export function isHttpShaped(event: unknown): boolean {
  return typeof event === 'object' && event !== null && HTTP_KEYS.some((key) => key in event);
}

/**
 * Commands whose effect must not happen twice (a second opt-in email, a second removal answering
 * "there is none"): on Lambda they are deferred before they start. Every other command only reads
 * or writes idempotently, so it is tried in-process first and re-run by the deferred invocation if
 * it is late (the abandoned attempt's answer is dropped).
 */
const RUN_ONCE: ReadonlySet<CommandName> = new Set(['subscribe', 'unfollow', 'unbookmark']);

export const mustRunOnce = (text: string) => RUN_ONCE.has(parseIntent(text).command);

/**
 * The Remove and Unfollow buttons (`u:<id>`, `u.es:<id>`, `uf.es:<channel>:<follow>`): like the
 * unbookmark and unfollow commands, they are deferred before they start.
 */
export const actionMustRunOnce = (value: string) => /^uf?(\.[a-z]{2})?:/.test(value);
