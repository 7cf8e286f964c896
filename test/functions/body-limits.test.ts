import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEmf } from '../helpers/emf.js';
import { setLambdaEnv } from '../helpers/lambda-env.js';
import { startTestServices, type TestServices } from '../helpers/local-services.js';
import { httpEvent } from '../shared/bot/fixtures.js';
import { httpEvent as pageEvent } from '../shared/digest/helpers.js';

/**
 * Issue 13.6: the deployed HTTP handlers hold bodies to the local stack's limit, 1 MiB (a Function
 * URL would pass up to 6 MB), answering 413 without running the handler.
 */

describe('the deployed HTTP handlers', () => {
  let services: TestServices;
  let telegram: typeof import('#functions/bot/telegram.js').handler;
  let pages: typeof import('#functions/digest/http.js').handler;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    const runtime = await services.newRuntime();
    setLambdaEnv(services, runtime, {
      TELEGRAM_BOT_TOKEN: '123:test',
      TELEGRAM_WEBHOOK_SECRET: 'secret',
      IASPN_TOKEN_SECRET: 'token-secret',
      IASPN_PUBLIC_URL: 'https://relay.example.org',
    });
    ({ handler: telegram } = await import('#functions/bot/telegram.js'));
    ({ handler: pages } = await import('#functions/digest/http.js'));
  });
  afterAll(() => services?.close());

  const large = 'a'.repeat(1024 * 1024 + 1);

  it('answer 413 to a body over 1 MiB', async () => {
    const event = httpEvent(large, { 'x-telegram-bot-api-secret-token': 'secret' });
    // biome-ignore lint/suspicious/noExplicitAny: the Lambda handler takes (event, context)
    const { result } = await captureEmf(() => (telegram as any)(event, {}));
    expect(result).toMatchObject({ statusCode: 413 });
    const page = pageEvent('POST', '/email/subscribe', { contentType: 'application/json', body: large });
    expect(await pages(page)).toMatchObject({ statusCode: 413 });
  });

  it('still run the handler for a body under it', async () => {
    const page = pageEvent('POST', '/email/subscribe', {
      contentType: 'application/json',
      body: JSON.stringify({ email: 'nobody' }),
    });
    // Refused or not by the page itself (a bad address, a missing origin), but not for its size.
    const result = await pages(page);
    expect(result.statusCode).not.toBe(413);
    expect(result.body).not.toContain('Request too large');
  });
});
