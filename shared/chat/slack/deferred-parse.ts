import * as z from 'zod';
import {
  DEFERRED_SLACK_ACTION,
  DEFERRED_SLACK_COMMAND,
  DEFERRED_SLACK_HOME,
  DEFERRED_SLACK_MESSAGE,
  type DeferredSlackCommand,
  type DeferredSlackWork,
  isHttpShaped,
} from './deferred.js';

/*
 * The checks of a deferred invocation's event, apart from shared/chat/slack/deferred.ts so that zod
 * (86 KB) is read only by a deferred invocation: shared/chat/slack/http.ts imports this module on
 * its first deferred run (a chunk of its own in the Lambda bundle, infra/bundling.ts SPLITTING).
 */

const REQUIRED = ['command', 'text', 'team_id', 'user_id', 'channel_id', 'response_url'] as const;

/**
 * The schemas of deferred work, built on first use: only a deferred invocation parses them, and a
 * cold start that answers a request in time never needs them.
 */
function buildSchemas() {
  const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
  const optionalSlackId = z.union([z.literal(''), slackId]);
  const claimId = z.uuid();
  const responseUrl = z.string().regex(/^https?:\/\/\S+$/);
  const ts = z.string().regex(/^\d{1,12}(\.\d{1,9})?$/);

  /** A mention or a direct message: where it was, who wrote it and what. */
  const messageWork = z.strictObject({
    kind: z.literal(DEFERRED_SLACK_MESSAGE),
    id: claimId,
    event: z.strictObject({
      team: optionalSlackId,
      user: slackId,
      channel: slackId,
      direct: z.boolean(),
      text: z.string().max(40_000),
      ts,
      thread_ts: ts.optional(),
    }),
  });

  /** A button press: the action, who pressed it where, and the response_url (absent in the App Home). */
  const actionWork = z.strictObject({
    kind: z.literal(DEFERRED_SLACK_ACTION),
    id: claimId,
    action: z.strictObject({
      team: optionalSlackId,
      user: slackId,
      channel: optionalSlackId,
      action_id: z
        .string()
        .regex(/^iaspn:/)
        .max(255),
      value: z.string().max(2000),
      home: z.boolean(),
      response_url: responseUrl.optional(),
    }),
  });

  /** An App Home open: whose Home to publish. */
  const homeWork = z.strictObject({
    kind: z.literal(DEFERRED_SLACK_HOME),
    id: claimId,
    home: z.strictObject({ team: optionalSlackId, user: slackId, channel: optionalSlackId }),
  });
  const otherWork = z.discriminatedUnion('kind', [messageWork, actionWork, homeWork]);
  return { claimId, responseUrl, messageWork, actionWork, homeWork, otherWork };
}

export type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;
const schemas = (): Schemas => {
  built ??= buildSchemas();
  return built;
};

/** True only for exactly the internal command event: marker, claim id, a slash command with its fields. */
export function isDeferredSlackCommand(event: unknown, slashCommand: string): event is DeferredSlackCommand {
  if (typeof event !== 'object' || event === null || isHttpShaped(event)) return false;
  const { kind, id, command, ...rest } = event as Record<string, unknown>;
  if (kind !== DEFERRED_SLACK_COMMAND || Object.keys(rest).length > 0) return false;
  const { claimId, responseUrl } = schemas();
  if (!claimId.safeParse(id).success) return false;
  if (typeof command !== 'object' || command === null) return false;
  const fields = command as Record<string, unknown>;
  if (Object.values(fields).some((v) => typeof v !== 'string')) return false;
  if (!REQUIRED.every((key) => typeof fields[key] === 'string')) return false;
  return fields.command === slashCommand && responseUrl.safeParse(fields.response_url).success;
}

/** The internal event when `event` is exactly one of the shapes above (nothing more), else undefined. */
export function parseDeferredWork(event: unknown, slashCommand: string): DeferredSlackWork | undefined {
  if (isHttpShaped(event)) return undefined;
  if (isDeferredSlackCommand(event, slashCommand)) return event;
  const parsed = schemas().otherWork.safeParse(event);
  return parsed.success ? parsed.data : undefined;
}
