import { createSubscriptionHandler } from '#shared/digest/http.js';
import { type HttpEvent, withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { loadRelayConfig } from '#shared/secrets.js';

/** The subscription pages behind a Lambda Function URL. */
const config = await loadRelayConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-digest-http', config.logLevel));
// Without a configured public URL (no custom domain), links point at the Function URL itself.
const handle = createSubscriptionHandler(runtime, { publicUrlFromRequest: !process.env.IASPN_PUBLIC_URL });

const limited = withBodyLimit(handle);

export const handler = (event: HttpEvent) => limited(event);
