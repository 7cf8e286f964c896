import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import { seededDataDir } from '../helpers/cli-data-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { SAMPLE_PARTNERS, sampleLibrary } from '../shared/search/sample-library.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await seededDataDir('search', async (runtime) => {
    for (const [id, name] of SAMPLE_PARTNERS)
      await putPartner(
        runtime.store,
        { id, name, kind: 'ministry', languages: ['en'], createdAt: '2025-01-01T00:00:00.000Z' },
        'create',
      );
    const resources = sampleLibrary().map(({ meta: _meta, ...r }) => resourceToItem(r));
    await runtime.store.batchWrite({ puts: resources });
    await refreshSearchIndex(runtime);
  });
}, 60_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('iaspn search', () => {
  it('prints the results in rank order with ids and urls as JSON', async () => {
    const result = await runCli(['search', 'cash transfers', 'country:brasil', '--limit', '3', '--json'], {
      IASPN_DATA_DIR: dataDir,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.hits.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3]);
    for (const hit of out.hits) {
      expect(hit.id).toEqual(expect.any(String));
      expect(hit.url).toMatch(/^https:\/\//);
      expect(hit.countries).toContain('BR');
    }
    expect(out.appliedFilter).toEqual({ countries: ['BR'] });
    expect(out.nextCursor).toEqual(expect.any(String));
  });

  it('prints readable results and explains a malformed filter on stderr', async () => {
    const result = await runCli(['search', 'primera infancia country:narnia'], { IASPN_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/"narnia": no such country\. Type "countries" for the list\./);
    expect(result.stdout).toMatch(/^\d+ results/);
    expect(result.stdout).toMatch(/«/);
  });

  it('refuses a bad --limit', async () => {
    const result = await runCli(['search', 'housing', '--limit', '0'], { IASPN_DATA_DIR: dataDir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--limit/);
  });
});
