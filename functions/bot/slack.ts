import { createSlackFace } from '#shared/bot/slack/face.js';
import { slackLambdaEntry } from '#shared/bot/slack/http.js';
import { lambdaDeferral } from '#shared/bot/slack/lambda-deferral.js';
import { createRuntimeBotCore } from '#shared/bot/wiring.js';
import { withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { botMetrics, publishing } from '#shared/metrics.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { createSearchService } from '#shared/search/service.js';
import { loadRelayConfig } from '#shared/secrets.js';

// Cold start: configuration (with the secret) and the Bolt app, once. The search index loads on
// the first search (and is rechecked every 30 s): most commands never need it, and a cold start
// should not wait on reading it.
const config = await loadRelayConfig(process.env);
// Commands, and errors (logged failures, refused requests), published once per request.
const metrics = botMetrics(config.stage);
const runtime = createRuntime(config, metrics.log(createLambdaLog('iaspn-bot-slack', config.logLevel)));
const search = createSearchService(runtime, { recheckMs: 30_000 });
// A command late for its acknowledgement runs in an asynchronous invocation of this function
// (work left running after a Lambda returns is frozen): Lambda sets AWS_LAMBDA_FUNCTION_NAME.
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;
const face = createSlackFace(runtime, {
  core: metrics.core(createRuntimeBotCore(runtime, { search })),
  deferWork: functionName ? lambdaDeferral(functionName) : undefined,
});

export const handler = slackLambdaEntry(metrics.handler(withBodyLimit(face.handler)), (event) =>
  publishing(metrics.metrics, () => face.runDeferred(event)),
);
