import { loadConfig } from '#shared/config.js';
import { createSubscriptionHandler } from '#shared/digest/http.js';
import { type HttpEvent, withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { withFreshSecrets } from '#shared/secrets.js';

/** The subscription pages on the HTTP API; the email-link keys are read through the secrets cache. */
const base = loadConfig(process.env);
const log = createLambdaLog('iaspn-digest-http', base.logLevel);
// Without a configured public URL (no custom domain), links point at the host the request came to.
const handleNow = withFreshSecrets(process.env, (config) =>
  createSubscriptionHandler(createRuntime(config, log), {
    publicUrlFromRequest: !process.env.IASPN_PUBLIC_URL,
  }),
);
await handleNow();

const limited = withBodyLimit(async (event: HttpEvent) => (await handleNow())(event));

export const handler = (event: HttpEvent) => limited(event);
