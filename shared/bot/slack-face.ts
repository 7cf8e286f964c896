import type { DeferSlackWork } from '../chat/slack/deferred.js';
import { createSlackHttpHandler, type SlackHttpFace } from '../chat/slack/http.js';
import { ConfigError } from '../errors.js';
import type { Runtime } from '../runtime/runtime.js';
import type { BotCore } from './core.js';
import { createRuntimeBotCore } from './wiring.js';

/**
 * The Slack face on a runtime, with the tokens from the configuration. In a module of its own so
 * the Slack Lambda's bundle holds Bolt and not Telegraf (functions/bot/slack.ts imports it directly).
 */
export function createSlackFace(
  runtime: Runtime,
  options: {
    core?: BotCore;
    ackDeadlineMs?: number;
    commandBudgetMs?: number;
    /** On Lambda, `lambdaDeferral(...)`; absent, late work continues in-process. */
    deferWork?: DeferSlackWork;
  } = {},
): SlackHttpFace {
  const { slack } = runtime.config;
  if (!slack.botToken || !slack.signingSecret)
    throw new ConfigError('The Slack bot needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  return createSlackHttpHandler({
    core: options.core ?? createRuntimeBotCore(runtime),
    store: runtime.store,
    log: runtime.log,
    clock: runtime.clock,
    adminIds: runtime.config.adminIds,
    botToken: slack.botToken,
    signingSecret: slack.signingSecret,
    apiUrl: slack.apiUrl,
    ackDeadlineMs: options.ackDeadlineMs,
    commandBudgetMs: options.commandBudgetMs,
    deferWork: options.deferWork,
  });
}
