import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEmf, publishedIn } from '../../helpers/emf.js';
import { setLambdaEnv } from '../../helpers/lambda-env.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

describe('the announce Lambda handler', () => {
  let services: TestServices;
  let handler: typeof import('#functions/bot/announce.js').handler;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    const runtime = await services.newRuntime();
    setLambdaEnv(services, runtime);
    ({ handler } = await import('#functions/bot/announce.js'));
  });

  afterAll(async () => {
    await services?.close();
  });

  it('publishes announcements posted and failed once per run', async () => {
    const { result, emf } = await captureEmf(() => handler({}, { getRemainingTimeInMillis: () => 60_000 }));
    expect(result).toMatchObject({ posted: 0, failed: 0, dryRun: false });
    expect(emf).toHaveLength(1);
    expect(publishedIn(emf[0]!)).toEqual([]);
    expect(emf[0]).toMatchObject({
      namespace: 'IaspnRelay/test',
      service: 'announce',
      AnnouncementsPosted: 0,
      AnnouncementsFailed: 0,
    });
  });
});
