import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';
import { healthReport, recorded } from '#shared/health.js';
import { silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../helpers/local-services.js';

describe('the health report', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await startTestServices({ ses: false });
  });
  afterAll(() => services?.close());

  it('names every cycle job, with no run yet and no snapshot on a new store', async () => {
    const runtime = await services.newRuntime();
    expect(await healthReport(runtime)).toEqual({
      ok: true,
      stage: 'local',
      store: { reachable: true },
      jobs: { ingest: null, 'search-index': null, announce: null, digest: null },
    });
  });

  it('shows each job’s last run in words, failures included, and the snapshot’s age', async () => {
    let now = new Date('2026-12-06T12:00:00Z');
    const runtime = await services.newRuntime({}, () => now);
    await recorded(runtime, 'search-index', () => refreshSearchIndex(runtime));
    await expect(
      recorded(runtime, 'announce', async () => {
        throw new Error('Slack said invalid_auth');
      }),
    ).rejects.toThrow('invalid_auth');
    now = new Date('2026-12-06T12:05:00Z');
    const report = await healthReport(runtime);
    expect(report.search).toEqual({ builtAt: '2026-12-06T12:00:00.000Z', ageSeconds: 300, resources: 0 });
    expect(report.jobs['search-index']).toEqual({
      at: '2026-12-06T12:00:00.000Z',
      ok: true,
      said: 'index rebuilt over 0 resources',
      ageSeconds: 300,
    });
    expect(report.jobs.announce).toMatchObject({ ok: false, said: expect.stringContaining('invalid_auth') });
    expect(report.jobs.ingest).toBeNull();
  });

  it('says the store is unreachable instead of failing', async () => {
    // A table that is not there, on the real dynalite: every read fails as it would without access.
    const config = loadConfig({
      IASPN_TABLE_NAME: 'no-such-table',
      IASPN_DYNAMODB_ENDPOINT: services.dynamoEndpoint,
      IASPN_LOG_LEVEL: 'silent',
    });
    const report = await healthReport(createRuntime(config, silentLog));
    expect(report).toMatchObject({
      ok: false,
      store: { reachable: false, error: expect.stringMatching(/not found/) },
    });
  });
});
