import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { seededDataDir } from '../../helpers/cli-data-dir.js';
import { runCli } from '../../helpers/run-cli.js';

let dataDir: string;
let files: string;
const env = () => ({ IASPN_DATA_DIR: dataDir });
const file = (name: string, text: string) => {
  const full = path.join(files, name);
  writeFileSync(full, text);
  return full;
};
// A workshop's file: a few offers and requests of the labelled set, in the JSON shape.
const workshop = [...set.offers.slice(0, 13), ...set.requests.slice(0, 2)].map(({ ...row }) => {
  delete (row as { proposed?: unknown }).proposed;
  return row;
});

beforeAll(async () => {
  dataDir = await seededDataDir('coop', async () => {});
  files = mkdtempSync(path.join(tmpdir(), 'iaspn-coop-files-'));
}, 60_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe('iaspn coop import', () => {
  it('refuses a file with bad rows, naming each row and why, and writes nothing', async () => {
    const bad = [
      workshop[0],
      { ...workshop[1], topics: ['focalizacoin'] },
      { ...workshop[2], country: '', ref: 'O01' },
    ];
    const result = await runCli(['coop', 'import', file('bad.json', JSON.stringify(bad))], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('row 2 (O02): unknown topic "focalizacoin" (did you mean targeting');
    expect(result.stderr).toContain('row 3 (O01): country is missing; ref "O01" is also on row 1');
    expect(result.stderr).toContain('nothing imported: 2 of 3 rows refused');
    const list = await runCli(['coop', 'list', '--json'], env());
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('says a file is missing, and reads a .json that is not JSON as broken JSON (exit 2)', async () => {
    const missing = await runCli(['coop', 'import', path.join(files, 'nope.json')], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'nope.json: no such file (a .json or .csv file, or - for standard input)',
    );
    const notes = await runCli(['coop', 'import', file('notes.json', 'kind: offer\n')], env());
    expect(notes.code).toBe(2);
    expect(notes.stderr).toContain('notes.json: the file is not valid JSON');
  });

  it('imports every row of a good file, and adds nothing when the same file comes again', async () => {
    const json = file('workshop.json', JSON.stringify(workshop));
    const first = await runCli(['coop', 'import', json, '--json'], env());
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout).created).toHaveLength(15);
    // Listed in the file's order (oldest first), not by the random ids.
    const listed = JSON.parse((await runCli(['coop', 'list', '--kind', 'offer', '--json'], env())).stdout);
    const offers = workshop.filter((w) => w.kind === 'offer').map((w) => w.ref);
    expect(listed.map((e: { ref: string }) => e.ref)).toEqual(offers);
    const again = await runCli(['coop', 'import', json, '--json'], env());
    const out = JSON.parse(again.stdout);
    expect(out.created).toEqual([]);
    expect(out.existing.map((e: { ref: string }) => e.ref)).toEqual(workshop.map((w) => w.ref));
  });

  it('reads a CSV with quoted fields and lists separated by semicolons', async () => {
    const csv = [
      'kind,ref,title,summary,topics,country,institution,contact,modalities,languages',
      'offer,CSV-1,"Renta Dignidad, una pensión universal","Bolivia comparte la ""Renta Dignidad"".",pensiones;adultos mayores,Bolivia,APS,x@example.org,visita técnica;documentación,es',
    ].join('\r\n');
    const result = await runCli(['coop', 'import', file('w.csv', csv), '--json'], env());
    expect(result.stderr).toBe('');
    const show = await runCli(['coop', 'show', 'CSV-1', '--json'], env());
    expect(JSON.parse(show.stdout)).toMatchObject({
      title: 'Renta Dignidad, una pensión universal',
      summary: 'Bolivia comparte la "Renta Dignidad".',
      topics: ['social-insurance-pensions', 'older-persons'],
      country: 'BO',
      modalities: ['technical-visit', 'documentation'],
    });
  });
});

describe('iaspn coop match, status and report', () => {
  it('prints { matches: [{ id, ref, score, reasons }] } best first for a request, by its ref', async () => {
    const result = await runCli(['coop', 'match', 'R01', '--json'], env());
    expect(result.code).toBe(0);
    const { matches } = JSON.parse(result.stdout);
    expect(matches.slice(0, 3).map((m: { ref: string }) => m.ref)).toEqual(['O01', 'O03', 'O02']);
    expect(matches[0]).toEqual({
      id: expect.stringMatching(/^O-/),
      ref: 'O01',
      score: expect.any(Number),
      reasons: [
        'same topic: conditional cash transfers, education',
        'similar description',
        'technical visit offered and asked for',
        'both in Spanish',
      ],
    });
    const scores = matches.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const es = JSON.parse((await runCli(['coop', 'match', 'R01', '--json', '--lang', 'es'], env())).stdout);
    expect(es.matches[0].reasons.at(-1)).toBe('ambos en español');
  });

  it('moves a request through its lifecycle, refuses a step it does not allow, and counts it', async () => {
    const matched = await runCli(['coop', 'status', 'R01', 'matched', '--with', 'O01', '--by', 'ana'], env());
    expect(matched.stdout).toMatch(/is now matched/);
    const skip = await runCli(['coop', 'status', 'R01', 'matched'], env());
    expect(skip.code).toBe(2);
    expect(skip.stderr).toMatch(/is matched: it can become in-progress or open or withdrawn, not matched/);
    expect(skip.stderr).toMatch(/next: iaspn coop status R-\w+ "in progress"/);
    await runCli(['coop', 'status', 'R01', 'en curso'], env());
    const done = await runCli(['coop', 'status', 'R01', 'done', '--json'], env());
    const entry = JSON.parse(done.stdout);
    expect(entry.history.map((h: { change: string; by: string }) => `${h.change} by ${h.by}`)).toEqual([
      expect.stringMatching(/^created by cli:/),
      'matched by cli:ana',
      expect.stringMatching(/^in-progress by/),
      expect.stringMatching(/^done by/),
    ]);
    const year = String(new Date().getUTCFullYear());
    const report = await runCli(['coop', 'report', '--year', year], env());
    expect(report.stdout).toContain(
      `Done in ${year}: 1 bilateral cooperation activity involving Honduras and Peru.`,
    );
    expect(report.stdout).toContain(`Matched in ${year}: 1 request.`);
    const figures = JSON.parse((await runCli(['coop', 'report', '--json'], env())).stdout);
    expect(figures.open).toEqual({ offers: 14, requests: 1 });
  });

  it('says so when an id or ref is unknown, and refuses a filter value with the closest', async () => {
    const missing = await runCli(['coop', 'match', 'R-ZZZZZZ'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'no offer or request R-ZZZZZZ: `iaspn coop list` shows their ids and refs',
    );
    const country = await runCli(['coop', 'list', '--country', 'Chilee'], env());
    expect(country.code).not.toBe(0);
    expect(country.stderr).toContain('unknown country "Chilee": did you mean CL');
  });
});

describe('iaspn coop status, in the wrong order', () => {
  it('says which step comes first (exit 2) when a step is skipped', async () => {
    const done = await runCli(['coop', 'status', 'R02', 'done'], env());
    expect(done.code).toBe(2);
    expect(done.stderr).toMatch(
      /R-\w+ is open: it can become matched or withdrawn, not done; next: iaspn coop status R-\w+ matched --with <offer>/,
    );
  });

  it('needs the other side of a match, and names the best fit', async () => {
    const alone = await runCli(['coop', 'status', 'R02', 'matched'], env());
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(
      /matched with which offer\? add --with <id or ref>: its best fit is O-\w+ \(O\d+\)/,
    );
    expect(JSON.parse((await runCli(['coop', 'show', 'R02', '--json'], env())).stdout).status).toBe('open');
  });

  it('refuses a match with a withdrawn offer, or with another request', async () => {
    await runCli(['coop', 'status', 'O05', 'withdrawn'], env());
    const withdrawn = await runCli(['coop', 'status', 'R02', 'matched', '--with', 'O05'], env());
    expect(withdrawn.code).toBe(2);
    expect(withdrawn.stderr).toMatch(
      /O-\w+ is withdrawn: it can be matched no more; `iaspn coop match R-\w+`/,
    );
    const request = await runCli(['coop', 'status', 'R02', 'matched', '--with', 'R01'], env());
    expect(request.code).toBe(2);
    expect(request.stderr).toMatch(/no offer R01: `iaspn coop match R-\w+` shows the offers that fit/);
  });

  it('reads the kind in Spanish, as the import does', async () => {
    const list = await runCli(['coop', 'list', '--kind', 'solicitud', '--json'], env());
    expect(list.code, list.stderr).toBe(0);
    const kinds = JSON.parse(list.stdout).map((e: { kind: string }) => e.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['request']));
    const bad = await runCli(['coop', 'list', '--kind', 'ofrecimiento'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be offer or request (oferta, solicitud)');
  });
});
