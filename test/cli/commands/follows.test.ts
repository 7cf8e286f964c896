import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFollow } from '#shared/follows/state.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import { seededDataDir } from '../../helpers/cli-data-dir.js';
import { makeResource } from '../../helpers/resources.js';
import { runCli } from '../../helpers/run-cli.js';
import { putMidis } from '../../helpers/stored-filters.js';

const DAY = 24 * 3600_000;
/** Publication dates relative to now: the CLI previews the 30 days before its own clock. */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

let dataDir: string;
beforeAll(async () => {
  dataDir = await seededDataDir('follows', async (runtime) => {
    await putMidis(runtime.store, daysAgo(400));
    const cct = (id: string, days: number, title: string) =>
      makeResource({
        id,
        title,
        firstSeenAt: daysAgo(days),
        topics: ['conditional-cash-transfers'],
        countries: ['PE'],
      });
    const resources = [
      cct('juntos-1', 2, 'Juntos reaches 700,000 households'),
      cct('juntos-2', 5, 'Cash transfers and school attendance in Peru'),
      cct('juntos-3', 9, 'A pilot of digital payments for Juntos'),
      cct('juntos-4', 20, 'Evaluating the Juntos programme'),
      cct('juntos-old', 45, 'Juntos in 2010: the first evaluation'),
      makeResource({ id: 'care-uy', firstSeenAt: daysAgo(3), topics: ['care-systems'], countries: ['UY'] }),
    ];
    await runtime.store.batchWrite({ puts: resources.map(resourceToItem) });
    await addFollow(
      runtime.store,
      { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
      { topics: ['conditional-cash-transfers'], countries: ['PE'] },
      { userId: 'U1', at: new Date() },
    );
  });
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const iaspn = (...args: string[]) => runCli(args, { IASPN_DATA_DIR: dataDir });

describe('iaspn follows preview', () => {
  it('counts what the follow would have brought in the last 30 days and shows the newest three', async () => {
    const out = await iaspn('follows', 'preview', 'topic:cash-transfers', 'country:peru', '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const preview = JSON.parse(out.stdout);
    expect(preview.filter).toEqual({ topics: ['conditional-cash-transfers'], countries: ['PE'] });
    // juntos-old is 45 days old: outside the window.
    expect(preview.total).toBe(4);
    expect(preview.examples.map((e: { title: string }) => e.title)).toEqual([
      'Juntos reaches 700,000 households',
      'Cash transfers and school attendance in Peru',
      'A pilot of digital payments for Juntos',
    ]);
    expect(preview.examples[0].url).toBe('https://partner.example.org/juntos-1');
  });

  it('reads the member’s words in Spanish too, and says it in Spanish', async () => {
    const out = await iaspn(
      'follows',
      'preview',
      'tema:"transferencias condicionadas"',
      'pais:Perú',
      '--lang',
      'es',
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Filtro: tema:conditional-cash-transfers pais:PE');
    expect(out.stdout).toContain('Habría traído 4 recursos en los últimos 30 días, por ejemplo:');
    expect(out.stdout).toContain('Juntos reaches 700,000 households');
  });

  it('honours keywords and exclusions as a follow does', async () => {
    // Quoted, as on any command line: a word after a space and a dash would be an option.
    const out = await iaspn('follows', 'preview', 'juntos -pilot', 'country:PE', '--json');
    expect(out.code).toBe(0);
    const preview = JSON.parse(out.stdout);
    expect(preview.filter).toEqual({ countries: ['PE'], keywords: 'juntos -pilot' });
    const titles = preview.examples.map((e: { title: string }) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Juntos reaches 700,000 households', 'Evaluating the Juntos programme']),
    );
    // Excluded by -pilot, and by the window (45 days old).
    expect(titles).not.toContain('A pilot of digital payments for Juntos');
    expect(titles).not.toContain('Juntos in 2010: the first evaluation');
    expect(preview.total).toBe(titles.length);
  });

  it('says so when the follow would have matched nothing', async () => {
    const out = await iaspn('follows', 'preview', 'topic:cct', 'country:uruguay');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Would have matched nothing in the last 30 days.');
  });

  it('refuses a value that means nothing with exit 2 and the closest values', async () => {
    const out = await iaspn('follows', 'preview', 'topic:zzz', 'country:peru');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('"zzz": no such topic. Type "topics" for the list.');
    const typo = await iaspn('follows', 'preview', 'pais:perux', '--lang', 'es');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /"perux": no hay ningún país con ese nombre\. ¿Quis\w+ decir Perú \(pais:peru\)/,
    );
  });
});

describe('iaspn follows list', () => {
  it('lists every channel’s follows as stored', async () => {
    const out = await iaspn('follows', 'list');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^slack T1 C1 {2}[0-9a-f]{6} {2}topic:conditional-cash-transfers country:PE\n$/,
    );
    const json = JSON.parse((await iaspn('follows', 'list', '--json')).stdout);
    expect(json).toMatchObject([
      { channelId: 'C1', filter: { countries: ['PE'], topics: ['conditional-cash-transfers'] } },
    ]);
  });
});

describe('the same preview answers iaspn subscribers add', () => {
  it('says what the new subscription would have brought in the last 30 days, in its language', async () => {
    const out = await iaspn(
      'subscribers',
      'add',
      'ana@example.org',
      '--topic',
      'transferencias condicionadas',
      '--country',
      'Perú',
      '--lang',
      'es',
      '--confirmed',
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('ana@example.org: confirmed');
    expect(out.stdout).toContain('Habría traído 4 recursos en los últimos 30 días, por ejemplo:');
    expect(out.stdout).toContain('Juntos reaches 700,000 households');
    const nothing = await iaspn('subscribers', 'add', 'uy@example.org', '--country', 'Haiti', '--confirmed');
    expect(nothing.stdout).toContain('Would have matched nothing in the last 30 days.');
  });
});
