import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../../helpers/cli-data-dir.js';
import { runCli } from '../../helpers/run-cli.js';
import { oldFollow, oldSubscription, putMidis } from '../../helpers/stored-filters.js';

const NOW = '2026-03-10T12:00:00.000Z';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

let dataDir: string;
beforeAll(async () => {
  dataDir = await seededDataDir('doctor', async ({ store }) => {
    await putMidis(store, NOW);
    const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
    await oldFollow(store, channel, { topics: ['cash-transfers'] }, 'aaaaaa');
    await oldFollow(store, channel, { topics: ['zzz'], countries: ['peru'] }, 'bbbbbb');
    await oldSubscription(store, 'ana@example.org', { countries: ['Perú'] }, NOW);
    await oldSubscription(store, 'zz@example.org', { countries: ['ZZ'] }, NOW);
  });
  dirs.push(dataDir);
}, 60_000);

const iaspn = (dir: string, ...args: string[]) => runCli(args, { IASPN_DATA_DIR: dir });

describe('iaspn doctor', () => {
  it('lists what would be rewritten and what needs an admin, writes nothing, and exits 1', async () => {
    const out = await iaspn(dataDir, 'doctor');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(
      [
        'follow slack T1 C1 aaaaaa: to rewrite',
        '  stored:    topic:cash-transfers',
        '  canonical: topic:conditional-cash-transfers',
      ].join('\n'),
    );
    expect(out.stdout).toContain('follow slack T1 C1 bbbbbb: NEEDS AN ADMIN');
    expect(out.stdout).toContain('"zzz": no such topic.');
    expect(out.stdout).toContain('subscription ana@example.org (confirmed): to rewrite');
    expect(out.stdout).toMatch(
      /subscription zz@example\.org \(confirmed\): NEEDS AN ADMIN\n.*\n {2}"ZZ": no such country\./,
    );
    expect(out.stdout).toContain('2 follows and 2 subscriptions checked: 2 to rewrite, 2 need an admin');
    expect(out.stdout).toContain('run `iaspn doctor --fix` to rewrite them');
    // Nothing written: the same again.
    const again = await iaspn(dataDir, 'doctor', '--json');
    expect(JSON.parse(again.stdout).findings.map((f: { action: string }) => f.action)).toEqual([
      'rewrite',
      'needs-admin',
      'rewrite',
      'needs-admin',
    ]);
  });

  it('--fix rewrites what resolves, keeps the rest for an admin, and says what it did', async () => {
    const fixed = await iaspn(dataDir, 'doctor', '--fix');
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain('follow slack T1 C1 aaaaaa: rewritten');
    expect(fixed.stdout).toContain('subscription ana@example.org (confirmed): rewritten');
    expect(fixed.stdout).toContain('2 rewritten, 2 need an admin');

    const after = JSON.parse((await iaspn(dataDir, 'doctor', '--json')).stdout);
    expect(after.findings.map((f: { action: string }) => f.action)).toEqual(['needs-admin', 'needs-admin']);
    expect(after.findings[0].problems[0]).toContain('"zzz": no such topic.');
    const follows = JSON.parse((await iaspn(dataDir, 'follows', 'list', '--json')).stdout);
    expect(follows.map((f: { filter: unknown }) => f.filter)).toEqual(
      expect.arrayContaining([
        { topics: ['conditional-cash-transfers'] },
        { topics: ['zzz'], countries: ['peru'] },
      ]),
    );
    expect(follows).toHaveLength(2);
  });

  it('exits 0 on a store with nothing to repair, in Spanish too', async () => {
    const clean = await seededDataDir('doctor-clean', async () => {});
    dirs.push(clean);
    const out = await iaspn(clean, 'doctor', '--lang', 'es');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('0 follows and 0 subscriptions checked: 0 to rewrite, 0 need an admin\n');
  });
});
