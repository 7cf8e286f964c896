import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FEEDS_DIR, startFeedServer } from '#cli/local/feed-server.js';
import { startDynalite } from '#cli/local/services.js';
import { loadConfig } from '#shared/config.js';
import type { Resource } from '#shared/domain/resource.js';
import { healthReport } from '#shared/health.js';
import { silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { runCli } from '../../helpers/run-cli.js';

describe('iaspn feeds / partners / ingest', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    feeds = await startFeedServer({ dir: SAMPLE_FEEDS_DIR });
    env = {
      IASPN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iaspn-feeds-')),
      IASPN_FETCH_ALLOWED_ORIGINS: feeds.origin,
    };
  });
  afterAll(async () => feeds.close());

  it('feeds check reads a local file and prints its resources as JSON, writing nothing', async () => {
    const out = await runCli(
      ['feeds', 'check', path.join(SAMPLE_FEEDS_DIR, 'red-puentes.rdf.xml'), '--json'],
      env,
    );
    expect(out.code).toBe(0);
    const resources = JSON.parse(out.stdout) as Resource[];
    expect(resources.length).toBeGreaterThan(5);
    expect(resources[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
  });

  it('feeds check exits non-zero with the reason for an unusable feed or a refused address', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iaspn-check-'));
    const page = path.join(dir, 'page.html');
    writeFileSync(page, '<!doctype html><html><body>hello</body></html>');
    const html = await runCli(['feeds', 'check', page], env);
    expect(html.code).toBe(1);
    expect(html.stderr).toContain('Unusable feed (not_a_feed): This is an HTML page, not a feed');
    const metadata = await runCli(['feeds', 'check', 'http://169.254.169.254/latest/meta-data/'], env);
    expect(metadata.code).toBe(1);
    expect(metadata.stderr).toContain('refused_address');
  });

  it('adds a feed after validating it, lists it, and ingests it twice (the second run is all 304s)', async () => {
    const added = await runCli(
      [
        'feeds',
        'add',
        `${feeds.origin}/midis-noticias.xml`,
        '--partner',
        'MIDIS Perú',
        '--partner-kind',
        'ministry',
        '--country',
        'PE',
      ],
      env,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('added feed midis-noticias-publicaciones-y-eventos');
    const refused = await runCli(
      ['feeds', 'add', `${feeds.origin}/missing.xml`, '--partner', 'MIDIS Perú'],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 404');
    const first = await runCli(['ingest', '--json'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\[1\/1\] midis-noticias-publicaciones-y-eventos: \d+ new/);
    expect(JSON.parse(first.stdout)).toMatchObject({ feeds: 1, failed: 0 });
    const second = await runCli(['ingest', '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ notModified: 1, new: 0, updated: 0, storeWrites: 1 });
    // A run by hand is /health's last ingest, as the cycle's runs are (it said the cycle's before).
    const dynamo = await startDynalite({ dataDir: env.IASPN_DATA_DIR! });
    try {
      const runtime = createRuntime(
        loadConfig({ IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint, IASPN_LOG_LEVEL: 'silent' }),
        silentLog,
      );
      expect((await healthReport(runtime)).jobs.ingest).toMatchObject({
        ok: true,
        said: '0 new resources from 1 feed',
      });
    } finally {
      await dynamo.close();
    }
    const list = await runCli(['feeds', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)[0]).toMatchObject({
      id: 'midis-noticias-publicaciones-y-eventos',
      partnerId: 'midis-peru',
      defaultCountries: ['PE'],
      health: { lastStatus: 304, consecutiveFailures: 0 },
    });
    // Paused by hand: the table says so, and resuming brings it back.
    expect(
      (await runCli(['feeds', 'pause', 'midis-noticias-publicaciones-y-eventos'], env)).stdout,
    ).toContain('paused');
    expect((await runCli(['feeds', 'list'], env)).stdout).toMatch(
      /midis-noticias-publicaciones-y-eventos .*paused: by an admin/,
    );
    await runCli(['feeds', 'resume', 'midis-noticias-publicaciones-y-eventos'], env);
    expect((await runCli(['feeds', 'list'], env)).stdout).not.toContain('paused');
  });
});

describe('iaspn ingest, per feed', () => {
  it('says when a feed brought only items the library holds from another feed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iaspn-twice-'));
    for (const name of ['a.xml', 'b.xml'])
      copyFileSync(path.join(SAMPLE_FEEDS_DIR, 'midis-noticias.xml'), path.join(dir, name));
    const site = await startFeedServer({ dir });
    try {
      const env = {
        IASPN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iaspn-feeds-')),
        IASPN_FETCH_ALLOWED_ORIGINS: site.origin,
        IASPN_FETCH_CONCURRENCY: '1',
      };
      const registry = path.join(dir, 'registry.json');
      writeFileSync(
        registry,
        JSON.stringify({
          partners: [{ id: 'p', name: 'P', kind: 'ngo' }],
          feeds: ['a', 'b'].map((id) => ({ id, partnerId: 'p', url: `${site.origin}/${id}.xml` })),
        }),
      );
      expect((await runCli(['feeds', 'import', registry], env)).code).toBe(0);
      const run = await runCli(['ingest'], env);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /\[2\/2\] b: 0 new, 0 updated, 0 unchanged, \d+ already in the library from another feed/,
      );
    } finally {
      await site.close();
    }
  });
});

describe('iaspn feeds add, given a web page', () => {
  it('registers the feed the page links to, and reads the new partner from its name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iaspn-site-'));
    writeFileSync(
      path.join(dir, 'noticias.html'),
      '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="midis.xml"></head></html>',
    );
    copyFileSync(path.join(SAMPLE_FEEDS_DIR, 'midis-noticias.xml'), path.join(dir, 'midis.xml'));
    const site = await startFeedServer({ dir });
    try {
      const env = {
        IASPN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iaspn-feeds-')),
        IASPN_FETCH_ALLOWED_ORIGINS: site.origin,
      };
      const added = await runCli(
        [
          'feeds',
          'add',
          `${site.origin}/noticias.html`,
          '--partner',
          'Ministerio de Desarrollo',
          '--country',
          'PE',
        ],
        env,
      );
      expect(added.code).toBe(0);
      expect(added.stdout).toContain(
        `${site.origin}/noticias.html is a web page; it links to its feed, ${site.origin}/midis.xml`,
      );
      expect(added.stderr).toContain('created partner ministerio-de-desarrollo (ministry, from its name');
      const [feed] = JSON.parse((await runCli(['feeds', 'list', '--json'], env)).stdout);
      expect(feed).toMatchObject({ url: `${site.origin}/midis.xml`, partnerId: 'ministerio-de-desarrollo' });
    } finally {
      await site.close();
    }
  });
});

describe('iaspn feeds: mistakes a new user makes', () => {
  it('names a bad --country in a usage error (exit 2), and a missing import file without a stack trace', async () => {
    const env = { IASPN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iaspn-feeds-')) };
    const country = await runCli(
      ['feeds', 'add', 'https://partner.example.org/feed.xml', '--partner', 'X', '--country', 'ZZ'],
      env,
    );
    expect(country.code).toBe(2);
    expect(country.stderr).toContain('unknown country ZZ');
    const missing = await runCli(['feeds', 'import', path.join(env.IASPN_DATA_DIR, 'nope.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^iaspn: Cannot read .*nope\.json: ENOENT\n$/);
    const notRegistry = path.join(env.IASPN_DATA_DIR, 'other.json');
    writeFileSync(notRegistry, '{"foo": 1}');
    const other = await runCli(['feeds', 'import', notRegistry], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('needs a "partners" or a "feeds" array');
  });

  it('stops quietly when the reader of its output goes away (`feeds check x | head -1`)', async () => {
    const child = spawn(
      process.execPath,
      ['bin/iaspn.js', 'feeds', 'check', path.join(SAMPLE_FEEDS_DIR, 'red-puentes.rdf.xml')],
      { cwd: path.resolve(SAMPLE_FEEDS_DIR, '../../..'), env: { PATH: process.env.PATH ?? '' } },
    );
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});

describe('iaspn feeds and partners: admin tasks without surprises', () => {
  const newEnv = () => ({ IASPN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'iaspn-admin-')) });
  const write = (dir: string, name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('imports OPML feeds for a partner that does not exist yet: creates it, ids from the names', async () => {
    const env = newEnv();
    const opml = write(
      env.IASPN_DATA_DIR,
      'mast.opml',
      `<?xml version="1.0"?><opml version="2.0"><head><title>MAST</title></head><body>
        <outline type="rss" text="MAST Haiti News" xmlUrl="https://www.mast.example.gouv.ht/feed/"/>
        <outline type="rss" text="Noticias" xmlUrl="https://www.mast.example.gouv.ht/es/feed/"/>
      </body></opml>`,
    );
    const imported = await runCli(
      ['feeds', 'import', opml, '--partner', 'Ministère des Affaires Sociales'],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('partners added: 1 (ministere-des-affaires-sociales), feeds added: 2');
    const listed = JSON.parse((await runCli(['feeds', 'list', '--json'], env)).stdout) as { id: string }[];
    expect(listed.map((f) => f.id).sort()).toEqual([
      'mast-haiti-news',
      'ministere-des-affaires-sociales-noticias',
    ]);
    const [partner] = JSON.parse((await runCli(['partners', 'list', '--json'], env)).stdout);
    expect(partner).toMatchObject({ name: 'Ministère des Affaires Sociales', kind: 'ministry' });
  });

  it('says so when --partner makes a new partner whose name reads as one already there', async () => {
    const env = newEnv();
    const registry = write(
      env.IASPN_DATA_DIR,
      'registry.json',
      JSON.stringify({
        partners: [
          { id: 'midis-pe', name: 'Ministerio de Desarrollo e Inclusión Social (Perú)', kind: 'ministry' },
        ],
      }),
    );
    expect((await runCli(['feeds', 'import', registry], env)).code).toBe(0);
    const site = await startFeedServer({ dir: SAMPLE_FEEDS_DIR });
    try {
      const added = await runCli(
        ['feeds', 'add', `${site.origin}/midis-noticias.xml`, '--partner', 'MIDIS Perú'],
        {
          ...env,
          IASPN_FETCH_ALLOWED_ORIGINS: site.origin,
        },
      );
      expect(added.code, added.stderr).toBe(0);
      expect(added.stderr).toContain('created partner midis-peru');
      expect(added.stderr).toMatch(
        /note: midis-pe \(Ministerio de Desarrollo e Inclusión Social \(Perú\)\) has a close name: if the feed is theirs, iaspn feeds remove \S+ --yes, iaspn partners remove midis-peru, and add it again with --partner midis-pe\n/,
      );
    } finally {
      await site.close();
    }
  });

  it('refuses a JSON registry whose feeds name a partner nobody has, naming it, and writes nothing', async () => {
    const env = newEnv();
    const registry = write(
      env.IASPN_DATA_DIR,
      'registry.json',
      JSON.stringify({
        feeds: [
          { partnerId: 'mast-ht', url: 'https://www.mast.example.gouv.ht/feed/' },
          { partnerId: 'nobody', url: 'https://nobody.example.org/feed/' },
        ],
      }),
    );
    const imported = await runCli(['feeds', 'import', registry], env);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/^iaspn: Nothing imported: no partner mast-ht, nobody /);
    expect(JSON.parse((await runCli(['feeds', 'list', '--json'], env)).stdout)).toEqual([]);
  });

  it('reads a new partner’s kind from its name, as feeds add does', async () => {
    const env = newEnv();
    const added = await runCli(
      ['partners', 'add', 'Ministerio de Desarrollo Social', '--country', 'UY'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe(
      'added partner ministerio-de-desarrollo-social (ministry, from its name: --kind to choose)\n',
    );
    // A country by its name in Spanish, as filters take it; a kind by a unique start of it.
    const named = await runCli(
      ['partners', 'add', 'Universidad de Chile', '--country', 'Chile', '--json'],
      env,
    );
    expect(JSON.parse(named.stdout)).toMatchObject({ country: 'CL', kind: 'academia' });
    const unknown = await runCli(['partners', 'add', 'Red X', '--country', 'Chiel'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown country Chiel (did you mean CL');
    const chosen = await runCli(['partners', 'add', 'Red Puentes', '--kind', 'academia', '--json'], env);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ id: 'red-puentes', kind: 'academia' });
  });

  it('removes a feed only when confirmed: without a terminal to ask, only with --yes', async () => {
    const env = newEnv();
    const registry = write(
      env.IASPN_DATA_DIR,
      'registry.json',
      JSON.stringify({
        partners: [{ id: 'p', name: 'P', kind: 'ngo' }],
        feeds: [{ id: 'p-news', partnerId: 'p', url: 'https://p.example.org/feed/' }],
      }),
    );
    expect((await runCli(['feeds', 'import', registry], env)).code).toBe(0);
    const unasked = await runCli(['feeds', 'remove', 'p-news'], env);
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain(
      'not removing p-news without confirmation: no terminal to ask, pass --yes',
    );
    expect(JSON.parse((await runCli(['feeds', 'list', '--json'], env)).stdout)).toHaveLength(1);
    const removed = await runCli(['feeds', 'remove', 'p-news', '--yes'], env);
    expect(removed.stdout).toBe('removed p-news\n');
    expect(JSON.parse((await runCli(['feeds', 'list', '--json'], env)).stdout)).toEqual([]);
  });
});
