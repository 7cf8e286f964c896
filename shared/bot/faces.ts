import { startSlackSocketMode } from '../chat/slack/app.js';
import { startTelegramPolling } from '../chat/telegram/bot.js';
import { describeError } from '../errors.js';
import { type HttpHandler, jsonResult } from '../http/types.js';
import type { Runtime } from '../runtime/runtime.js';
import { createTelegramFace } from './telegram-face.js';
import { createRuntimeBotCore } from './wiring.js';

/**
 * The bots on a runtime, as the local stack and the CLI start them: each face over one command
 * core, with the tokens from the configuration. Each face lives in its own module (the Lambdas
 * import them directly, so each bundle holds one chat library); they are re-exported here.
 */
export { createSlackFace } from './slack-face.js';
export { createTelegramFace } from './telegram-face.js';

/** An HTTP route whose face is built on first use; unconfigured, it answers 503 and says what is missing. */
export function lazyBotRoute(build: () => HttpHandler): HttpHandler {
  let handler: HttpHandler | undefined;
  return async (event) => {
    try {
      handler ??= build();
    } catch (error) {
      return jsonResult(503, { error: describeError(error) });
    }
    return handler(event);
  };
}

/**
 * The bots on the local stack: Slack in Socket Mode with SLACK_BOT_TOKEN and SLACK_APP_TOKEN,
 * Telegram by long polling with TELEGRAM_BOT_TOKEN. No public URL is needed for either.
 */
export async function startLocalBots(
  runtime: Runtime,
): Promise<{ started: string[]; stop(): Promise<void> }> {
  const { slack, telegram } = runtime.config;
  const stops: (() => Promise<void>)[] = [];
  const started: string[] = [];
  if (!slack.botToken && !slack.appToken && !telegram.botToken) return { started, stop: async () => {} };
  const core = createRuntimeBotCore(runtime);
  if (slack.botToken && slack.appToken) {
    try {
      const socket = await startSlackSocketMode({
        core,
        store: runtime.store,
        log: runtime.log,
        clock: runtime.clock,
        adminIds: runtime.config.adminIds,
        botToken: slack.botToken,
        appToken: slack.appToken,
        apiUrl: slack.apiUrl,
      });
      stops.push(socket.stop);
      started.push('slack (Socket Mode)');
    } catch (error) {
      runtime.log.error('slack Socket Mode did not start', { error: describeError(error) });
    }
  }
  if (telegram.botToken) {
    const { bot } = createTelegramFace(runtime, { core });
    const polling = startTelegramPolling(bot, runtime.log);
    stops.push(async () => polling.stop());
    started.push('telegram (long polling)');
  }
  return {
    started,
    async stop() {
      for (const stop of stops) await stop().catch(() => undefined);
    },
  };
}
