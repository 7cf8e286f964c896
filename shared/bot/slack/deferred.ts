import type { CommandName } from '../i18n.js';
import { parseIntent } from '../intent.js';

/**
 * Slow Slack work after the acknowledgement. On Lambda, work still running when the handler
 * returns is frozen with the execution environment, so a slash command that has not answered by
 * its budget is handed to `deferWork` (the Lambda invokes itself asynchronously with the verified
 * command) and the HTTP answer goes back at once. The asynchronous invocation reaches the handler
 * as a bare `DeferredSlackCommand` event (never an HTTP request: it is accepted only through the
 * direct Lambda invoke path, which IAM restricts to the function itself), runs the command and
 * posts the answer to the command's `response_url` (valid 30 minutes). Without `deferWork` (the
 * local stack, which keeps running) the work simply continues in-process.
 */

export const DEFERRED_SLACK_COMMAND = 'iaspn.slack.deferred-command';

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

/** The internal event: the slash command Slack sent (already verified) plus the marker. */
export interface DeferredSlackCommand {
  kind: typeof DEFERRED_SLACK_COMMAND;
  command: DeferredCommandBody;
}

/** The port: hands a command to work that outlives this invocation. Throws when it could not. */
export type DeferSlackWork = (work: DeferredSlackCommand) => Promise<void>;

/** The internal event for a verified slash command (string fields only, as Slack sent them). */
export function deferredCommand(command: Record<string, unknown>): DeferredSlackCommand {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(command)) if (typeof value === 'string') body[key] = value;
  return { kind: DEFERRED_SLACK_COMMAND, command: body as DeferredCommandBody };
}

/** Keys only an HTTP event (API Gateway v2, Function URL) has: such an event is never internal. */
const HTTP_KEYS = ['requestContext', 'headers', 'rawPath', 'routeKey', 'body', 'isBase64Encoded'];
const REQUIRED = ['command', 'text', 'team_id', 'user_id', 'channel_id', 'response_url'] as const;

/** True for an event with an HTTP shape (whatever else it carries): it must pass the signature check. */
export function isHttpShaped(event: unknown): boolean {
  return typeof event === 'object' && event !== null && HTTP_KEYS.some((key) => key in event);
}

/** True only for exactly the internal event: the marker, a slash command with its fields, nothing else. */
export function isDeferredSlackCommand(event: unknown, slashCommand: string): event is DeferredSlackCommand {
  if (typeof event !== 'object' || event === null || isHttpShaped(event)) return false;
  const { kind, command, ...rest } = event as Record<string, unknown>;
  if (kind !== DEFERRED_SLACK_COMMAND || Object.keys(rest).length > 0) return false;
  if (typeof command !== 'object' || command === null) return false;
  const fields = command as Record<string, unknown>;
  if (Object.values(fields).some((v) => typeof v !== 'string')) return false;
  if (!REQUIRED.every((key) => typeof fields[key] === 'string')) return false;
  return fields.command === slashCommand && /^https?:\/\//.test(fields.response_url as string);
}

/**
 * Commands whose effect must not happen twice (a second opt-in email, a second removal answering
 * "there is none"): on Lambda they are deferred before they start. Every other command only reads
 * or writes idempotently, so it is tried in-process first and re-run by the deferred invocation if
 * it is late (the abandoned attempt's answer is dropped).
 */
const RUN_ONCE: ReadonlySet<CommandName> = new Set(['subscribe', 'unfollow', 'unbookmark']);

export const mustRunOnce = (text: string) => RUN_ONCE.has(parseIntent(text).command);
