import { loadConfig } from '#shared/config.js';
import { createCoopHandler } from '#shared/coop/web/http.js';
import { type HttpEvent, withBodyLimit } from '#shared/http/types.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { withFreshSecrets } from '#shared/secrets.js';

/**
 * The cooperation exchange's pages on the HTTP API (`/coop`, shared/coop/web/http.ts), as the local
 * stack serves them: the portfolio, the email-verified submission, the report. The email-link key
 * (it signs the publishing links and the form's token) is read through the secrets cache.
 */
const base = loadConfig(process.env);
const log = createLambdaLog('iaspn-coop-pages', base.logLevel);
// Without a configured public URL (no custom domain), links point at the host the request came to.
const handleNow = withFreshSecrets(process.env, (config) =>
  createCoopHandler(createRuntime(config, log), { publicUrlFromRequest: !process.env.IASPN_PUBLIC_URL }),
);
await handleNow();

const limited = withBodyLimit(async (event: HttpEvent) => (await handleNow())(event));

export const handler = (event: HttpEvent) => limited(event);
