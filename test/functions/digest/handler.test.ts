import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEmf, publishedIn } from '../../helpers/emf.js';
import { setLambdaEnv } from '../../helpers/lambda-env.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

describe('the digest Lambda handlers publish their metrics', () => {
  let services: TestServices;
  let run: typeof import('#functions/digest/handler.js').handler;
  let worker: typeof import('#functions/digest/worker.js').handler;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    const runtime = await services.newRuntime();
    setLambdaEnv(services, runtime, {
      IASPN_TOKEN_SECRET: 'digest-handler-test-token-secret-0123456789',
    });
    ({ handler: run } = await import('#functions/digest/handler.js'));
    ({ handler: worker } = await import('#functions/digest/worker.js'));
  });

  afterAll(async () => {
    await services?.close();
  });

  it('the scheduled run: digests sent and failed, once per invocation', async () => {
    const { result, emf } = await captureEmf(() => run());
    expect(result).toMatchObject({ due: 0, sent: 0, failed: 0 });
    expect(emf).toHaveLength(1);
    // Logged, not published: no alarm reads the digest counts.
    expect(publishedIn(emf[0]!)).toEqual([]);
    expect(emf[0]).toMatchObject({
      namespace: 'IaspnRelay/test',
      service: 'digest',
      DigestsSent: 0,
      DigestsFailed: 0,
    });
  });

  it('the worker: the sums over its SQS batch, once per invocation', async () => {
    const record = (id: string) => ({
      messageId: id,
      body: JSON.stringify({ ids: [], cutoff: '2025-01-01T00:00:00.000Z' }),
    });
    const event = { Records: [record('m1'), record('m2')] } as unknown as SQSEvent;
    const { result, emf } = await captureEmf(() => worker(event));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ service: 'digest', DigestsSent: 0, DigestsFailed: 0 });
  });
});
