import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-digest-cli-'));
const env = { IASPN_DATA_DIR: dataDir, IASPN_TOKEN_SECRET: 'cli-test-secret' };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('iaspn subscribers and iaspn digest', () => {
  it('adds with opt-in or --confirmed, lists, shows, suppresses, removes, runs and previews', async () => {
    const pending = await runCli(
      ['subscribers', 'add', 'pending@example.org', '--lang', 'es', '--json'],
      env,
    );
    expect(pending.code, pending.stderr).toBe(0);
    expect(JSON.parse(pending.stdout)).toEqual({ status: 'sent' });

    const confirmed = await runCli(
      [
        'subscribers',
        'add',
        'Ana@Example.org',
        '--confirmed',
        '--frequency',
        'daily',
        '--topics',
        'housing',
        '--countries',
        'pe,br',
        '--json',
      ],
      env,
    );
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({
      email: 'ana@example.org',
      status: 'confirmed',
      frequency: 'daily',
      filter: { topics: ['housing'], countries: ['BR', 'PE'] },
    });

    // Values as a person types them, resolved as the bots and pages resolve them.
    const named = await runCli(
      [
        'subscribers',
        'add',
        'named@example.org',
        '--confirmed',
        '--topic',
        'primera infancia',
        '--topic',
        'CCT',
        '--country',
        'Perú',
        '--type',
        'documentos',
        '--content-language',
        'español',
        '--frequency',
        'semanal',
        '--keywords',
        '"cash transfers" -pilot pais:uruguay',
        '--json',
      ],
      env,
    );
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).frequency).toBe('weekly');
    expect(JSON.parse(named.stdout).filter).toEqual({
      types: ['document'],
      countries: ['PE', 'UY'],
      topics: ['conditional-cash-transfers', 'early-childhood'],
      languages: ['es'],
      keywords: '"cash transfers" -pilot',
    });
    const monthly = await runCli(['subscribers', 'add', 'm@example.org', '--frequency', 'mensual'], env);
    expect(monthly.code).toBe(2);
    expect(monthly.stderr).toContain('"mensual" is no frequency: daily or weekly (diario, semanal)');
    // A value that names nothing: exit 2, the reason and the closest values, nothing stored.
    const unknown = await runCli(
      ['subscribers', 'add', 'unknown@example.org', '--topic', 'viviendaa', '--country', 'Zzland'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"viviendaa": no such topic. Did you mean Housing');
    expect(unknown.stderr).toContain('"Zzland": no such country.');
    expect((await runCli(['subscribers', 'show', 'unknown@example.org'], env)).code).toBe(1);

    const invalid = await runCli(['subscribers', 'add', 'not-an-address', '--json'], env);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout).status).toBe('invalid');

    const list = await runCli(['subscribers', 'list', '--json'], env);
    expect(
      JSON.parse(list.stdout)
        .map((s: { email: string; status: string }) => `${s.email}:${s.status}`)
        .sort(),
    ).toEqual(['ana@example.org:confirmed', 'named@example.org:confirmed', 'pending@example.org:pending']);

    expect((await runCli(['subscribers', 'suppress', 'pending@example.org'], env)).code).toBe(0);
    const shown = await runCli(['subscribers', 'show', 'pending@example.org', '--json'], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'suppressed', suppressReason: 'admin' });

    const run = await runCli(['digest', 'run', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      due: 0,
      sent: 0,
      empty: 0,
      skipped: 0,
      failed: 0,
      dryRun: false,
    });

    const preview = await runCli(
      ['digest', 'preview', 'ana@example.org', '--out', path.join(dataDir, 'preview')],
      env,
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('no digest would be sent');

    expect((await runCli(['subscribers', 'remove', 'ana@example.org'], env)).stdout).toContain(
      'unsubscribed',
    );
    const missing = await runCli(['subscribers', 'show', 'nobody@example.org'], env);
    expect(missing.code).toBe(1);
  }, 180_000);
});
