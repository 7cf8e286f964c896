import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFeedServer } from '#cli/local/feed-server.js';
import type { Resource } from '#shared/domain/resource.js';
import { runCli } from '../../helpers/run-cli.js';

/**
 * The feeds partners really publish (issue 14): 45 small feeds we wrote in the shapes of old
 * Drupal, Joomla, WordPress and in-house CMSs (a bare `&`, HTML entities, a stray `<`, a warning
 * printed before the XML, an XHTML DOCTYPE, a cut-off document; dates in every form partners use;
 * authors as addresses; Atom, Dublin Core and iTunes elements inside RSS; unclosed `<object>`s; one
 * page linked three ways), with the hostile ones that must stay refused, checked in one
 * `iaspn feeds check --json` run. `expected.json` names, for each feed, every resource with its URL,
 * title, date (or the first-seen fallback) and authors, what the tolerant pass repaired, or why the
 * feed is refused.
 */

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/feeds-real-world');

type Expected = Partial<Resource> & { url: string; title: string; authors: string[] };
interface ExpectedFeed {
  resources?: Expected[];
  recovered?: string[];
  skipped?: { index: number; reason: string }[];
  title?: string;
  error?: string;
}
interface Checked {
  title?: string;
  recovered?: string[];
  skipped: { index: number; reason: string }[];
  resources: Resource[];
  error?: { kind: string; message: string };
}

const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  ExpectedFeed
>;
const files = readdirSync(DIR).filter((f) => f !== 'expected.json');

describe('iaspn feeds check over feeds in the shapes partners publish', () => {
  it('has an expectation for each of at least 40 feeds', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual([...files].sort());
  });

  it('reads every resource, date and author, recovers what mature readers recover, and refuses the attacks', async () => {
    const run = await runCli(['feeds', 'check', '--json', ...files.map((f) => path.join(DIR, f))]);
    const report = JSON.parse(run.stdout) as Record<string, Checked>;
    // Three feeds are refused (billion laughs, XXE, an external DTD): the exit code says so.
    expect(run.code).toBe(1);
    for (const file of files) {
      const want = expected[file]!;
      const got = report[path.join(DIR, file)]!;
      const where = `${file}: ${JSON.stringify(got.error ?? got.recovered ?? '')}`;
      if (want.error) {
        expect(got.error?.kind, where).toBe(want.error);
        continue;
      }
      expect(got.error, where).toBeUndefined();
      expect(got.recovered, where).toEqual(want.recovered);
      expect(got.skipped, where).toEqual(want.skipped ?? []);
      if (want.title) expect(got.title, where).toBe(want.title);
      expect(got.resources, where).toHaveLength(want.resources!.length);
      got.resources.forEach((resource, i) => {
        const { dateFallback = false, dateDayFirst = false, ...fields } = want.resources![i]!;
        expect(resource, `${file} #${i + 1}`).toMatchObject(fields);
        // Every date is either the one expected or honestly unknown (the first-seen time, flagged).
        expect(resource.dateFallback ?? false, `${file} #${i + 1} dateFallback`).toBe(dateFallback);
        expect(resource.dateDayFirst ?? false, `${file} #${i + 1} dateDayFirst`).toBe(dateDayFirst);
      });
    }
  });

  it('ingests a broken feed and shows what was repaired in feeds list', async () => {
    const site = await startFeedServer({ dir: DIR });
    try {
      const env = {
        IASPN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iaspn-real-world-')),
        IASPN_FETCH_ALLOWED_ORIGINS: site.origin,
      };
      const url = `${site.origin}/10-several-breakages-at-once.xml`;
      const added = await runCli(['feeds', 'add', url, '--partner', 'MIDES Uruguay', '--id', 'mides'], env);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stderr).toContain('warning: ');
      const ingest = await runCli(['ingest', '--json'], env);
      expect(JSON.parse(ingest.stdout)).toMatchObject({ failed: 0, new: 2 });
      const list = await runCli(['feeds', 'list'], env);
      expect(list.stdout).toMatch(/mides .*recovered: 1 bare & escaped; 1 HTML entity/);
      const json = JSON.parse((await runCli(['feeds', 'list', '--json'], env)).stdout) as {
        health: { warning?: string };
      }[];
      expect(json[0]!.health.warning).toBe(
        'recovered: 1 bare & escaped; 1 HTML entity XML does not define read; 1 stray < escaped; document cut off: read up to its last complete item',
      );
    } finally {
      await site.close();
    }
  });
});
