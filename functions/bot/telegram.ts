import { createTelegramFace } from '#shared/bot/telegram-face.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import { loadConfig } from '#shared/config.js';
import { withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { botMetrics } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { lazySearchService } from '#shared/search/lazy-service.js';
import { withFreshSecrets } from '#shared/secrets.js';

// Cold start: the settings from the environment; the Telegram credentials and the email-link key
// from their secrets, re-read through the secrets cache on each update (at most 5 minutes old), the
// Telegraf bot built again only when one changed. The search index loads on the first search (and
// is rechecked every 30 s).
const base = loadConfig(process.env);
// Commands, and errors (logged failures, refused requests), published once per request.
const metrics = botMetrics(base.stage);
const log = metrics.log(createLambdaLog('iaspn-bot-telegram', base.logLevel));
const webhookNow = withFreshSecrets(process.env, (config) => {
  const runtime = createRuntime(config, log);
  const search = lazySearchService(runtime, { recheckMs: 30_000 });
  return createTelegramFace(runtime, { core: metrics.core(createRuntimeBotCore(runtime, { search })) })
    .handler;
});
await webhookNow();

export const handler = metrics.handler(withBodyLimit(async (event) => (await webhookNow())(event)));
