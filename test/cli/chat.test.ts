import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startRecorder } from '../shared/bot/fixtures.js';

describe('iaspn chat', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-chat-'));
    const once = await runCli(['start', '--once', '--data-dir', dataDir, '--port', '0', '--json']);
    expect(once.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers a search with results from the sample data, offline and with no tokens', async () => {
    const out = await runCli(['chat', '--data-dir', dataDir], {}, 'search cash transfers country:colombia\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/== Results 1–\d+ of \d+ for "cash transfers country:colombia" ==/);
    expect(out.stdout).toContain('(Filters: country: Colombia)');
    expect(out.stdout).toMatch(/\[1\] Bookmark/);
  });

  it('presses buttons by number, keeps bookmarks per user and speaks Spanish', async () => {
    const lines = ['buscar transferencias monetarias', '1', 'marcadores', 'lang en', 'bookmarks'].join('\n');
    const out = await runCli(['chat', '--data-dir', dataDir, '--user', 'ana'], {}, `${lines}\n`);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/== Resultados 1–5 de \d+/);
    expect(out.stdout).toMatch(/\nGuardado: /);
    expect(out.stdout).toContain('== Sus marcadores (1) ==');
    expect(out.stdout).toContain('== Your bookmarks (1) ==');
    const other = await runCli(['chat', '--data-dir', dataDir, '--user', 'ben'], {}, 'bookmarks\n');
    expect(other.stdout).toContain('You have no bookmarks yet');
  });

  it('adds a request step by step in Spanish, re-asking a bad country, and lists it afterwards', async () => {
    const lines = [
      'solicitar',
      'Registro social para Guyana',
      'Apoyo para unir los datos de hogares de varios ministerios.',
      'registros sociales',
      'Guyanna',
      'Guyana',
      'Ministerio de Servicios Humanos',
      'cooperacion@mhsss.gov.gy',
      'omitir',
      'inglés',
      'omitir',
      'sí',
      'solicitudes pais:guyana',
    ].join('\n');
    const out = await runCli(['chat', '--data-dir', dataDir, '--user', 'coop'], {}, `${lines}\n`);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('== Nueva solicitud, paso 1 de 9: Título ==');
    expect(out.stdout).toMatch(/"Guyanna" no es un país que conozca\. ¿Quiso decir Guyana/);
    const id = /Guardada: solicitud (R-\w{6}), abierta\./.exec(out.stdout)?.[1];
    expect(id).toBeDefined();
    expect(out.stdout).toContain(`1. ${id} · Registro social para Guyana`);
  });

  it('follows in a channel and shows feed health to the operator', async () => {
    const out = await runCli(
      ['chat', '--data-dir', dataDir, '--channel', 'team'],
      {},
      'follow topic:cash-transfers\nfollowing\nfeeds\n',
    );
    expect(out.stdout).toMatch(
      /This conversation now follows topic: Conditional cash transfers \(follow [0-9a-f]{6}\)/,
    );
    expect(out.stdout).toMatch(/== 9 feeds, \d+ failing or paused ==/);
  });
  it("runs every example of the README's filter table: each means something", async () => {
    const examples = readmeFilterExamples();
    expect(examples.length).toBeGreaterThan(15);
    const lines = examples.map((e) => (/^(follow|seguir) /.test(e) ? e : `latest ${e}`));
    const out = await runCli(
      ['chat', '--data-dir', dataDir, '--channel', 'readme'],
      {},
      `${lines.join('\n')}\n`,
    );
    expect(out.code).toBe(0);
    expect(out.stdout).not.toMatch(/Nothing was saved|No se guardó nada|Sorry, something went wrong/);
    const follows = lines.filter((l) => /^(follow|seguir) /.test(l)).length;
    expect(out.stdout.match(/now follows|ahora sigue/g)).toHaveLength(follows);
    expect(
      out.stdout.match(
        /== (Latest resources|Recursos recientes)|Nothing in the library|Todavía no hay nada/g,
      ),
    ).toHaveLength(lines.length - follows);
    const refused = await runCli(
      ['chat', '--data-dir', dataDir, '--channel', 'readme'],
      {},
      'follow topic:zzz\n',
    );
    expect(refused.stdout).toContain('Nothing was saved. "zzz": no such topic. Type "topics" for the list.');
  });
});

/** The examples of the README's filter table (its last column), each as typed. */
function readmeFilterExamples(): string[] {
  const readme = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf("## Filters: members' own words"));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| key')));
  return table
    .split('\n')
    .slice(2)
    .flatMap((row) => [...(row.split('|').at(-2) ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe('iaspn telegram set-webhook', () => {
  it('registers the webhook with its secret token and the command menus in both languages', async () => {
    const api = await startRecorder((call) => ({
      body: {
        ok: true,
        result:
          call.method === 'getWebhookInfo'
            ? { url: 'https://relay.example/telegram/webhook', pending_update_count: 0 }
            : true,
      },
    }));
    try {
      const out = await runCli(['telegram', 'set-webhook', 'https://relay.example/telegram/webhook'], {
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_WEBHOOK_SECRET: 'shh-secret',
        TELEGRAM_API_ROOT: api.url,
      });
      expect(out.stderr).toBe('');
      expect(out.stdout).toContain('webhook set: https://relay.example/telegram/webhook');
      const set = api.calls.find((c) => c.method === 'setWebhook')!;
      expect(set.params).toMatchObject({
        url: 'https://relay.example/telegram/webhook',
        secret_token: 'shh-secret',
      });
      const menus = api.calls.filter((c) => c.method === 'setMyCommands');
      expect(menus.map((m) => m.params.language_code)).toEqual([undefined, 'es']);
      expect(JSON.stringify(menus[1]!.params.commands)).toContain('"buscar"');
    } finally {
      await api.close();
    }
  });

  it('refuses without the webhook secret', async () => {
    const out = await runCli(['telegram', 'set-webhook', 'https://relay.example/x'], {
      TELEGRAM_BOT_TOKEN: '1:a',
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('TELEGRAM_WEBHOOK_SECRET is required');
  });
});
