import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '#cli/examples.js';
import { SAMPLE_FEEDS_DIR } from '#cli/local/feed-server.js';
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

describe('the --help examples of iaspn partners and iaspn feeds, on the sample registry', () => {
  // The registry `npm start` seeds (partners.json), its feeds at the sample server's default origin.
  let registryDir: string;
  let registryCwd: string;
  beforeAll(async () => {
    const { importRegistry } = await import('#shared/library/registry-io.js');
    const sample = JSON.parse(readFileSync(path.join(SAMPLE_FEEDS_DIR, 'partners.json'), 'utf8')) as {
      partners: unknown[];
      feeds: { file: string }[];
    };
    const feeds = sample.feeds.map(({ file, ...feed }) => ({
      ...feed,
      url: `http://127.0.0.1:8788/${file}`,
    }));
    registryDir = await seededDataDir('examples-feeds', async (runtime) => {
      await importRegistry(runtime.store, { partners: sample.partners, feeds }, runtime.clock);
    });
    registryCwd = mkdtempSync(path.join(tmpdir(), 'iaspn-examples-feeds-'));
    writeFileSync(
      path.join(registryCwd, 'registry.json'),
      JSON.stringify({
        partners: [{ id: 'cepal', name: 'CEPAL', kind: 'international-organisation' }],
        feeds: [
          { partnerId: 'cepal', url: 'https://www.cepal.example.org/rss.xml', title: 'Noticias CEPAL' },
        ],
      }),
    );
    writeFileSync(
      path.join(registryCwd, 'feeds.opml'),
      '<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Actualités" xmlUrl="https://www.mast.example.gouv.ht/feed/"/></body></opml>',
    );
  }, 60_000);
  afterAll(() => {
    rmSync(registryDir, { recursive: true, force: true });
    rmSync(registryCwd, { recursive: true, force: true });
  });

  // Not run here: what fetches a partner's site (the network, or the sample server of `npm start`),
  // what asks at a terminal, and what writes a second data directory in /tmp.
  const needsMore = /example\.org\/feed\.xml|:8788\/mast-haiti\.html|asks first|\/tmp\/copy/;
  const paths = Object.keys(EXAMPLES).filter(
    (p) => /^(partners|feeds)( |$)/.test(p) && EXAMPLES[p]!.some((l) => !needsMore.test(l)),
  );
  // A sample feed named by its path in the repository is read from the repository, as in README.md.
  const repo = path.resolve(import.meta.dirname, '../..');

  for (const p of paths) {
    it(`iaspn ${p} --help: each example runs as shown`, async () => {
      for (const line of EXAMPLES[p]!.filter((l) => !needsMore.test(l))) {
        const cwd = line.includes(' cli/local/') ? repo : registryCwd;
        const result = await runShell(typed(line), { cwd, env: { IASPN_DATA_DIR: registryDir } });
        expect(result.code, `${typed(line)}\n${result.stderr}`).toBe(0);
        if (/--json( |$)/.test(typed(line)))
          expect(() => JSON.parse(result.stdout), typed(line)).not.toThrow();
      }
    }, 180_000);
  }

  it('left what the examples say: partners named loosely found, kinds read from a start', async () => {
    const shown = await runShell('iaspn partners show "MIDIS Perú" --json', {
      cwd: registryCwd,
      env: { IASPN_DATA_DIR: registryDir },
    });
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'midis-pe' });
    const listed = await runShell('iaspn partners list --json', {
      cwd: registryCwd,
      env: { IASPN_DATA_DIR: registryDir },
    });
    const partners = JSON.parse(listed.stdout) as { id: string; kind: string }[];
    expect(partners.find((q) => q.id === 'cepal')).toMatchObject({ kind: 'international-organisation' });
    expect(partners.find((q) => q.id === 'secretaria-de-bienestar')).toMatchObject({ kind: 'ministry' });
    expect(partners.map((q) => q.id)).not.toContain('ministerio-de-desarrollo-social');
    // A destructive command takes exact names only, and says what was probably meant.
    const removed = await runShell('iaspn partners remove midis-peru', {
      cwd: registryCwd,
      env: { IASPN_DATA_DIR: registryDir },
    });
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('No partner midis-peru (did you mean midis-pe?)');
  });
});
