import { createTelegramFace } from '#shared/bot/faces.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import type { HttpEvent } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { createSearchService } from '#shared/search/service.js';
import { loadRelayConfig } from '#shared/secrets.js';

// Cold start: configuration (with the secret), the search index and the Telegraf bot, once.
const config = await loadRelayConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-bot-telegram', config.logLevel));
const search = createSearchService(runtime, { recheckMs: 30_000 });
await search
  .load()
  .catch((error) => runtime.log.warn('search index not loaded at init', { error: String(error) }));
const { handler: webhook } = createTelegramFace(runtime, { core: createRuntimeBotCore(runtime, { search }) });

export const handler = (event: HttpEvent) => webhook(event);
