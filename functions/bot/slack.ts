import { createSlackFace } from '#shared/bot/slack-face.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import { slackLambdaEntry } from '#shared/chat/slack/http.js';
import { lambdaDeferral } from '#shared/chat/slack/lambda-deferral.js';
import { loadConfig } from '#shared/config.js';
import { withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { botMetrics, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { lazySearchService } from '#shared/search/lazy-service.js';
import { withFreshSecrets } from '#shared/secrets.js';

// Cold start: the settings from the environment; the Slack credentials and the email-link key from
// their secrets, re-read through the secrets cache on each request (at most 5 minutes old), the
// Bolt app built again only when one changed. The search index loads on the first search (and is
// rechecked every 30 s): most commands never need it, and a cold start should not wait on it.
const base = loadConfig(process.env);
// Commands, and errors (logged failures, refused requests), published once per request.
const metrics = botMetrics(base.stage);
const log = metrics.log(createLambdaLog('iaspn-bot-slack', base.logLevel));
// A command late for its acknowledgement runs in an asynchronous invocation of this function
// (work left running after a Lambda returns is frozen): Lambda sets AWS_LAMBDA_FUNCTION_NAME.
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;
const faceNow = withFreshSecrets(process.env, (config) => {
  const runtime = createRuntime(config, log);
  const search = lazySearchService(runtime, { recheckMs: 30_000 });
  return createSlackFace(runtime, {
    core: metrics.core(createRuntimeBotCore(runtime, { search })),
    deferWork: functionName ? lambdaDeferral(functionName) : undefined,
  });
});
await faceNow();

export const handler = slackLambdaEntry(
  metrics.handler(withBodyLimit(async (event) => (await faceNow()).handler(event))),
  (event) => publishing(metrics.metrics, async () => (await faceNow()).runDeferred(event)),
);
