import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEEDS_DIR, startFeedServer } from '#cli/local/feed-server.js';
import { runCli } from '../../helpers/run-cli.js';

describe('iaspn digest preview and subscribers show, for a subscriber who has had no digest yet', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-preview-'));
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    feeds = await startFeedServer({ dir: SAMPLE_FEEDS_DIR });
    env = { IASPN_DATA_DIR: dataDir, IASPN_FETCH_ALLOWED_ORIGINS: feeds.origin };
    // A library of one partner's news, then a subscriber who confirms after it was read.
    const added = await runCli(
      ['feeds', 'add', `${feeds.origin}/midis-noticias.xml`, '--partner', 'MIDIS'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    expect((await runCli(['ingest'], env)).code).toBe(0);
    const subscribed = await runCli(['subscribers', 'add', 'ana@example.org', '--confirmed'], env);
    expect(subscribed.code, subscribed.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await feeds.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says no digest was sent yet', async () => {
    const shown = await runCli(['subscribers', 'show', 'ana@example.org'], env);
    expect(shown.stdout).toMatch(/^last {7}no digest sent yet$/m);
  });

  it('looks at what is new since it was confirmed (no digest yet), and says so when nothing is', async () => {
    const preview = await runCli(
      ['digest', 'preview', 'ana@example.org', '--out', path.join(dataDir, 'none')],
      env,
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(
      /^nothing new for ana@example\.org since it was confirmed \(\d{4}-\d\d-\d\dT[\d:.]+Z; no digest sent yet\): no digest would be sent\n$/,
    );
    expect(existsSync(path.join(dataDir, 'none'))).toBe(false);
  });

  it('honours --since, in the files it writes and in what it says', async () => {
    const out = path.join(dataDir, 'since');
    const preview = await runCli(
      ['digest', 'preview', 'ana@example.org', '--since', '2000-01-01', '--out', out],
      env,
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/^\d+ resources first seen 2000-01-01T00:00:00\.000Z to /m);
    expect(existsSync(path.join(out, 'digest.eml'))).toBe(true);
    // A span back from now, as the filter language's since: reads it.
    const month = await runCli(['digest', 'preview', 'ana@example.org', '--since', '30d', '--json'], env);
    expect(month.code, month.stderr).toBe(0);
    const json = JSON.parse(month.stdout);
    expect(json).toMatchObject({ sinceFrom: 'given', wouldSend: true, status: 'confirmed' });
    expect(Date.parse(json.until) - Date.parse(json.since)).toBeGreaterThanOrEqual(30 * 86_400_000);
  });

  it("reads a --since date in this machine's zone (TZ), as a member's bot reads theirs", async () => {
    const lima = await runCli(['digest', 'preview', 'ana@example.org', '--since', '15/03/2026', '--json'], {
      ...env,
      TZ: 'America/Lima',
    });
    expect(lima.code, lima.stderr).toBe(0);
    expect(JSON.parse(lima.stdout).since).toBe('2026-03-15T05:00:00.000Z');
  });

  it('prints the preview as JSON, without files', async () => {
    const preview = await runCli(
      ['digest', 'preview', 'ana@example.org', '--since', '2000-01-01', '--json'],
      env,
    );
    expect(preview.code, preview.stderr).toBe(0);
    const json = JSON.parse(preview.stdout);
    expect(json).toMatchObject({
      email: 'ana@example.org',
      since: '2000-01-01T00:00:00.000Z',
      wouldSend: true,
    });
    expect(json.total).toBeGreaterThan(0);
    expect(json.subject).toEqual(expect.any(String));
    expect(json.text).toContain('MIDIS');
    expect(json).not.toHaveProperty('files');
  });

  it('asks for --out or --json, and for a date it can read', async () => {
    const neither = await runCli(['digest', 'preview', 'ana@example.org'], env);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give --out <dir> for the files, or --json');
    const badDate = await runCli(['digest', 'preview', 'ana@example.org', '--json', '--since', 'soon'], env);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('since:soon is not a date: use a date like 2025-03-15');
    // The words the filter language reads: since:last week means the same here.
    const lastWeek = await runCli(
      ['digest', 'preview', 'ana@example.org', '--json', '--since', 'last week'],
      env,
    );
    expect(lastWeek.code, lastWeek.stderr).toBe(0);
    const monday = new Date();
    monday.setUTCHours(0, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
    expect(JSON.parse(lastWeek.stdout).since).toBe(monday.toISOString());
    // A day that does not exist is refused, not rolled over into March.
    const february = await runCli(
      ['digest', 'preview', 'ana@example.org', '--json', '--since', '2026-02-30'],
      env,
    );
    expect(february.code).toBe(2);
    expect(february.stderr).toContain('not a date');
    // A time to come would preview an empty window: refused, saying why.
    const later = await runCli(
      ['digest', 'preview', 'ana@example.org', '--since', '2999-01-01', '--json'],
      env,
    );
    expect(later.code).toBe(2);
    expect(later.stderr).toContain('since:2999-01-01 is still to come');
  });

  it('refuses words after the address, saying which option each belongs in, and saves nothing', async () => {
    const typed = await runCli(['subscribers', 'add', 'luis@example.org', 'tema:salu', 'semanal'], env);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain(
      '"tema:salu semanal" after the address: the frequency and the filters are options, here --frequency weekly --keywords "tema:salu"',
    );
    const shown = await runCli(['subscribers', 'show', 'luis@example.org'], env);
    expect(shown.code).not.toBe(0);
  });

  it('says a suppressed address gets no digest, though it shows what it would get', async () => {
    const suppressed = await runCli(['subscribers', 'suppress', 'ana@example.org'], env);
    expect(suppressed.code, suppressed.stderr).toBe(0);
    const preview = await runCli(
      ['digest', 'preview', 'ana@example.org', '--since', '2000-01-01', '--json'],
      env,
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({ status: 'suppressed', wouldSend: false });
    expect(JSON.parse(preview.stdout).total).toBeGreaterThan(0);
    expect(preview.stderr).toContain(
      'note: ana@example.org is suppressed: digests go only to confirmed addresses, so none is sent to it',
    );
  });
});
