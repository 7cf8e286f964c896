import { createTelegramFace } from '#shared/bot/telegram/face.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import { withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { botMetrics } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { createSearchService } from '#shared/search/service.js';
import { loadRelayConfig } from '#shared/secrets.js';

// Cold start: configuration (with the secret) and the Telegraf bot, once. The search index loads on
// the first search (and is rechecked every 30 s): most commands never need it, and a cold start
// should not wait on reading it.
const config = await loadRelayConfig(process.env);
// Commands, and errors (logged failures, refused requests), published once per request.
const metrics = botMetrics(config.stage);
const runtime = createRuntime(config, metrics.log(createLambdaLog('iaspn-bot-telegram', config.logLevel)));
const search = createSearchService(runtime, { recheckMs: 30_000 });
const { handler: webhook } = createTelegramFace(runtime, {
  core: metrics.core(createRuntimeBotCore(runtime, { search })),
});

export const handler = metrics.handler(withBodyLimit(webhook));
