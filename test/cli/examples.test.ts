import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '#cli/examples.js';
import set from '../fixtures/coop/exchange-set.json' with { type: 'json' };
import { seededDataDir } from '../helpers/cli-data-dir.js';
import { runShell } from '../helpers/run-cli.js';

/**
 * The examples at the end of a command's --help are typed by people who have just read them: each
 * must run as shown. They run here word for word, in the order --help lists them, through bash (so
 * quotes and redirections are the shell's), `iaspn` being the built CLI, in a directory holding the
 * files they name, on a fresh data directory.
 */

/** The command as typed, without what it does (cli/examples.ts: two spaces before the comment). */
const typed = (line: string) => line.split(/ {2}(?=\S)/)[0]!;

let dataDir: string;
let cwd: string;

const runExample = (line: string) => runShell(line, { cwd, env: { IASPN_DATA_DIR: dataDir } });

// The files the cooperation examples name: a workshop's JSON (its rows' refs are the ids the
// examples show: an entry exported from one exchange keeps its id as its ref in another) and a CSV.
const row = (entry: object) => {
  const { proposed: _proposed, ...rest } = entry as { proposed?: unknown };
  return rest;
};

beforeAll(async () => {
  dataDir = await seededDataDir('examples', async () => {});
  cwd = mkdtempSync(path.join(tmpdir(), 'iaspn-examples-'));
  const workshop = [
    { ...row(set.requests[0]!), ref: 'R-7K2P9X' },
    { ...row(set.offers[0]!), ref: 'O-3H4J5K' },
    ...set.offers.slice(1, 6).map(row),
  ];
  writeFileSync(path.join(cwd, 'workshop.json'), JSON.stringify(workshop, null, 2));
  writeFileSync(
    path.join(cwd, 'offers.csv'),
    [
      'tipo;ref;título;resumen;temas;país;institución;contacto;modalidades;idiomas',
      'oferta;CSV-1;Renta Dignidad;Bolivia comparte cómo paga su pensión universal.;pensiones,adultos mayores;Bolivia;APS;x@example.org;visita técnica;es',
    ].join('\r\n'),
  );
}, 60_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

describe('the --help examples of iaspn coop', () => {
  const paths = Object.keys(EXAMPLES).filter((p) => p === 'coop' || p.startsWith('coop '));

  it('cover the command and each of its subcommands', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'coop',
        ...'add list show match status import export report notify'.split(' ').map((s) => `coop ${s}`),
      ]),
    );
  });

  for (const p of paths) {
    it(`iaspn ${p} --help: each example runs as shown`, async () => {
      for (const line of EXAMPLES[p]!) {
        const result = await runExample(typed(line));
        expect(result.code, `${typed(line)}\n${result.stderr}`).toBe(0);
        if (/--json( |$)/.test(typed(line)))
          expect(() => JSON.parse(result.stdout), typed(line)).not.toThrow();
      }
    }, 180_000);
  }

  it('left what the examples say: the lifecycle walked in order, and the export written', () => {
    const exported = JSON.parse(readFileSync(path.join(cwd, 'exchange.json'), 'utf8')) as {
      ref: string;
      status: string;
    }[];
    expect(exported.find((e) => e.ref === 'WS-R7')?.status).toBe('done');
    expect(exported.find((e) => e.ref === 'CSV-1')).toBeDefined();
    expect(readFileSync(path.join(cwd, 'exchange.csv'), 'utf8')).toMatch(/^kind,ref,title,/);
  });
});
