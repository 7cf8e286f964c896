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
  it('on a data directory that holds nothing yet, says so and how to fill it', async () => {
    const empty = await seededDataDir('search-empty', async () => {});
    try {
      const result = await runCli(['search', 'pobreza'], { IASPN_DATA_DIR: empty });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('0 results\n');
      expect(result.stderr).toContain('The library holds no resources yet');
      expect(result.stderr).toContain(`searched the data directory ${empty}. \`iaspn start\` collects`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

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

  it('numbers the next page on from the last (11, 12, …) as text and as --json rank', async () => {
    const env = { IASPN_DATA_DIR: dataDir };
    const first = JSON.parse((await runCli(['search', 'social', '--json'], env)).stdout);
    expect(first.hits.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const second = await runCli(['search', 'social', '--json', '--cursor', first.nextCursor], env);
    expect(second.stderr).toBe('');
    const page = JSON.parse(second.stdout);
    expect(page.hits.map((h: { rank: number }) => h.rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const text = await runCli(['search', 'social', '--cursor', first.nextCursor], env);
    expect(text.stdout).toMatch(/^11\. /m);
    expect(text.stdout).not.toMatch(/^1\. /m);
    // The text page ends with the cursor of the page after it, which goes on from 21.
    const more = /^more: --cursor (\S+)$/m.exec(text.stdout)?.[1] as string;
    const third = JSON.parse((await runCli(['search', 'social', '--json', '--cursor', more], env)).stdout);
    expect(third.hits[0].rank).toBe(21);
  }, 60_000);

  it('says a --cursor it did not give is not this search’s, and what to do, over the first page', async () => {
    const env = { IASPN_DATA_DIR: dataDir };
    const other = JSON.parse((await runCli(['search', 'housing', '--limit', '2', '--json'], env)).stdout);
    expect(other.nextCursor).toEqual(expect.any(String));
    for (const cursor of ['garbage', other.nextCursor]) {
      const result = await runCli(['search', 'social', '--limit', '3', '--json', '--cursor', cursor], env);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^iaspn: That --cursor is not one this search gave/);
      expect(result.stderr).toMatch(/without --cursor/);
      expect(result.stderr).toMatch(/cursor printed at the end of the previous page/);
      expect(result.stderr).not.toMatch(/link|belongs to another/);
      const page = JSON.parse(result.stdout);
      expect(page.hits.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3]);
      expect(page.problems).toEqual([expect.stringMatching(/not one this search gave/)]);
    }
  }, 60_000);

  it('prints readable results and explains a malformed filter on stderr', async () => {
    const result = await runCli(['search', 'primera infancia country:narnia'], { IASPN_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/"narnia": no such country\. Type "countries" for the list\./);
    expect(result.stdout).toMatch(/^\d+ results/);
    expect(result.stdout).toMatch(/«/);
  });

  it('reads a date as members type it (desde:hace 3 años), and refuses one still to come, saying why', async () => {
    const env = { IASPN_DATA_DIR: dataDir };
    const result = await runCli(['search', 'transferencias desde:hace 3 años', '--json'], env);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    const threeYearsAgo = new Date();
    threeYearsAgo.setUTCFullYear(threeYearsAgo.getUTCFullYear() - 3);
    expect(Math.abs(Date.parse(out.appliedFilter.since) - threeYearsAgo.getTime())).toBeLessThan(120_000);
    expect(out.hits.length).toBeGreaterThan(0);
    for (const hit of out.hits) expect(hit.publishedAt >= out.appliedFilter.since).toBe(true);
    // "3 años" is part of the date, not words searched: the same hits as the date written as a span.
    const span = JSON.parse((await runCli(['search', 'transferencias desde:3y', '--json'], env)).stdout);
    expect(out.hits.map((h: { id: string }) => h.id)).toEqual(span.hits.map((h: { id: string }) => h.id));
    const later = await runCli(['search', 'transferencias since:2999'], env);
    expect(later.stderr).toMatch(
      /since:2999 is still to come: since: looks back from today; use a date like/,
    );
  });

  it("reads a typed date in this machine's zone, or the one --tz names, and refuses an unknown zone with the closest", async () => {
    const env = { IASPN_DATA_DIR: dataDir };
    const since = async (args: string[], extra: Record<string, string> = {}) =>
      JSON.parse(
        (await runCli(['search', 'transferencias desde:15/03/2026', '--json', ...args], { ...env, ...extra }))
          .stdout,
      ).appliedFilter.since;
    expect(await since(['--tz', 'America/Lima'])).toBe('2026-03-15T05:00:00.000Z');
    expect(await since([], { TZ: 'America/Lima' })).toBe('2026-03-15T05:00:00.000Z');
    expect(await since([], { TZ: 'UTC' })).toBe('2026-03-15T00:00:00.000Z');
    const wrong = await runCli(['search', 'transferencias', '--tz', 'bogota'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"bogota" is not a time zone: did you mean America/Bogota?');
  });

  it('--explain shows the score parts of each hit, and --json carries them as `explain`', async () => {
    const text = await runCli(['search', 'conditional cash transfers', '--limit', '2', '--explain'], {
      IASPN_DATA_DIR: dataDir,
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /score [\d.]+ = \(terms [\d.]+ \+ topic [\d.]+\) × coordination \d+ × prior [\d.]+ × recency [\d.]+ × proximity [\d.]+/,
    );
    // In the query's words, or the topic named in the title in another language (`#f:`), by field.
    expect(text.stdout).toMatch(
      /term condit(ion)? in title: [\d.]+|topic #f:es:conditional-cash-transfers in title: [\d.]+/,
    );
    expect(text.stdout).toMatch(/topic #m:conditional-cash-transfers: [\d.]+/);
    expect(text.stdout).toMatch(/language (en|es), words matched/);
    const json = await runCli(
      ['search', 'conditional cash transfers', '--limit', '2', '--explain', '--json'],
      {
        IASPN_DATA_DIR: dataDir,
      },
    );
    const out = JSON.parse(json.stdout);
    for (const hit of out.hits) {
      const e = hit.explain;
      const parts = [...e.terms, ...e.topic].reduce((s: number, p: { score: number }) => s + p.score, 0);
      expect(parts * e.coordination * e.prior * e.recency * e.proximity).toBeCloseTo(hit.score, 0);
    }
  });

  it('refuses a bad --limit', async () => {
    const result = await runCli(['search', 'housing', '--limit', '0'], { IASPN_DATA_DIR: dataDir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--limit/);
  });
});
