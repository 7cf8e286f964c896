import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookmark } from '#shared/bot/commands/bookmark.js';
import { bookmarks } from '#shared/bot/commands/bookmarks.js';
import type { BotCommand } from '#shared/bot/commands/command.js';
import { feeds } from '#shared/bot/commands/feeds.js';
import { follow } from '#shared/bot/commands/follow.js';
import { following } from '#shared/bot/commands/following.js';
import { greet } from '#shared/bot/commands/greet.js';
import { help } from '#shared/bot/commands/help.js';
import { COMMANDS, commandFor } from '#shared/bot/commands/index.js';
import { lang } from '#shared/bot/commands/lang.js';
import { latest } from '#shared/bot/commands/latest.js';
import { more } from '#shared/bot/commands/more.js';
import { search } from '#shared/bot/commands/search.js';
import { subscribe } from '#shared/bot/commands/subscribe.js';
import { tz } from '#shared/bot/commands/tz.js';
import { unbookmark } from '#shared/bot/commands/unbookmark.js';
import { unfollow } from '#shared/bot/commands/unfollow.js';
import { upcoming } from '#shared/bot/commands/upcoming.js';
import { vocabulary } from '#shared/bot/commands/vocabulary.js';
import { createBotCore } from '#shared/bot/core.js';
import type { ChatContext } from '#shared/chat/context.js';
import { COMMAND_NAMES, type CommandName } from '#shared/chat/i18n.js';
import type { Reply } from '#shared/chat/reply.js';
import { readDate } from '#shared/filters/dates.js';
import { listBookmarks, listFollows, userLanguage } from '#shared/follows/state.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import type { SearchRequest } from '#shared/search/types.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { libraryRuntime, recordingPorts } from './fixtures.js';

/**
 * Each command on its own: a core whose table holds only that command, over the real store
 * (dynalite), the real search service and registry; subscriptions are recorded.
 */

let services: TestServices;
let runtime: Runtime;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  ({ runtime } = await libraryRuntime(services, 60));
});
afterAll(() => services?.close());

let n = 0;
function dm(over: Partial<ChatContext> = {}): ChatContext {
  n += 1;
  return {
    channel: { platform: 'console', workspaceId: 'local', channelId: `dm-${n}` },
    user: { platform: 'console', workspaceId: 'local', userId: `u-${n}` },
    conversation: 'direct',
    canManageChannel: async () => true,
    isRelayAdmin: false,
    ...over,
  };
}

/** A core that knows only the given commands. */
function only(...commands: BotCommand[]) {
  const { ports, subscriptions } = recordingPorts(runtime);
  const core = createBotCore({
    store: runtime.store,
    log: runtime.log,
    clock: runtime.clock,
    ports,
    commands,
  });
  return { core, subscriptions };
}

const text = (r: Reply) => `${r.summary}\n${JSON.stringify(r.blocks)}`;

describe('the table of commands', () => {
  it('answers every command name with exactly one command', () => {
    for (const name of Object.keys(COMMAND_NAMES) as CommandName[]) {
      expect(
        COMMANDS.filter((c) => c.commands.includes(name)),
        name,
      ).toHaveLength(1);
      expect(commandFor(name)?.names.en).toEqual(expect.arrayContaining(COMMAND_NAMES[name].en));
    }
  });

  it('loads each command’s file on first use, answering the same names with the same admin flag', async () => {
    for (const entry of COMMANDS) {
      const loaded = await entry.load();
      expect(loaded.commands, entry.commands.join()).toEqual(entry.commands);
      expect(Boolean(loaded.admin), entry.commands.join()).toBe(Boolean(entry.admin));
    }
    // What the table runs is the file's command: greet answers as the file's greet does.
    const c = dm();
    expect(await only(commandFor('greet')!).core.handleText(c, 'hi')).toEqual(
      await only(greet).core.handleText(c, 'hi'),
    );
  });

  it('gives every command a help line in both languages', () => {
    for (const c of COMMANDS)
      for (const l of ['en', 'es'] as const)
        for (const h of c.help(l))
          expect(h.usage.length * h.text.length, c.commands.join()).toBeGreaterThan(0);
  });

  it('answers a command missing from the table with the polite failure, not a crash', async () => {
    const reply = await only(greet).core.handleText(dm(), 'search cash');
    expect(reply.summary).toMatch(/went wrong/i);
  });
});

describe('each command through the core', () => {
  it('search: results numbered from 1 with a Bookmark button each', async () => {
    const reply = await only(search).core.handleText(dm(), 'search cash transfers');
    expect(reply.summary).toMatch(/^Results 1–5 of \d+ for "cash transfers"/);
    expect(reply.blocks.filter((b) => b.kind === 'card')).toHaveLength(5);
  });

  it("search that finds nothing says which filters it read, in the member's language", async () => {
    // A filter that left nothing ("desde:la semana pasada" in a quiet week) is shown as read.
    const none = await only(search).core.handleText(dm(), 'buscar zzqx pais:peru tipo:video');
    expect(none.summary).toMatch(/^No hay resultados/);
    expect(text(none)).toMatch(/Filtros: .*Perú.*[Vv]ideo|Filtros: .*[Vv]ideo.*Perú/);
    const english = await only(search).core.handleText(dm(), 'search zzqx country:peru');
    expect(text(english)).toMatch(/Filters: .*Peru/);
  });

  it('latest: the newest, narrowed by a filter; a value that means nothing is refused', async () => {
    const { core } = only(latest);
    expect((await core.handleText(dm(), 'recientes tipo:video')).summary).toMatch(
      /^Recursos recientes \(1–5\)/,
    );
    expect(text(await core.handleText(dm(), 'latest topic:zzz'))).toMatch(/no such topic/);
  });

  it("search, more, latest and inline queries read desde:hoy in the zone the member chose with tz (Lima's today)", async () => {
    const { ports } = recordingPorts(runtime);
    const asked: SearchRequest[] = [];
    const sinces: (string | undefined)[] = [];
    const real = ports.search;
    ports.search = {
      ...real,
      search: (request) => {
        asked.push(request);
        return real.search(request);
      },
      latest: (filter, ...rest) => {
        sinces.push(filter.since);
        return real.latest(filter, ...rest);
      },
    };
    const core = createBotCore({
      store: runtime.store,
      log: runtime.log,
      clock: runtime.clock,
      ports,
      commands: [search, more, latest, upcoming, tz],
    });
    const now = new Date(runtime.clock());
    const limaToday = readDate('hoy', now, { timeZone: 'America/Lima' });
    const utcToday = readDate('hoy', now);
    expect(limaToday.ok && utcToday.ok && limaToday.iso).not.toBe(utcToday.ok && utcToday.iso);
    const c = dm();
    await core.handleText(c, 'tz America/Lima');
    await core.handleText(c, 'search social desde:hace 2 años');
    await core.handleText(c, 'more');
    await core.handleText(c, 'latest desde:hoy');
    await core.handleText(dm(), 'latest desde:hoy');
    await core.handleText(c, 'proximos desde:hoy');
    await core.inline(c, 'social desde:hoy', 5);
    expect(asked.map((r) => r.timeZone)).toEqual(['America/Lima', 'America/Lima', 'America/Lima']);
    const lima = limaToday.ok && limaToday.iso;
    expect(sinces).toEqual([lima, utcToday.ok && utcToday.iso, lima]);
    // Without a date, no zone is looked up or sent.
    await core.handleText(c, 'search social');
    expect(asked.at(-1)).not.toHaveProperty('timeZone');
  });

  it('more: the next page of the last results, numbered on', async () => {
    const c = dm();
    const { core } = only(search, more);
    await core.handleText(c, 'search cash transfers');
    expect((await core.handleText(c, 'more')).summary).toMatch(/^Results 6–10/);
    expect((await core.handleText(dm(), 'más')).summary).toMatch(/No hay nada más/);
  });

  it('bookmark <n>: the nth of the results last shown; bookmarks lists it; unbookmark removes it', async () => {
    const c = dm();
    const { core } = only(search, more, bookmark, bookmarks, unbookmark);
    await core.handleText(c, 'search cash transfers');
    await core.handleText(c, 'more');
    expect((await core.handleText(c, 'bookmark 2')).summary).toMatch(
      /not among the last results shown to you \(6–10\)/,
    );
    expect((await core.handleText(c, 'bookmark 7')).summary).toMatch(/^Bookmarked: /);
    const list = await core.handleText(c, 'bookmarks');
    expect(list.summary).toBe('Your bookmarks (1)');
    expect(await listBookmarks(runtime.store, c.user)).toHaveLength(1);
    expect((await core.handleText(c, 'unbookmark 1')).summary).toMatch(/^Removed/);
    expect(await listBookmarks(runtime.store, c.user)).toHaveLength(0);
  });

  it('a bare number after a list shows that result again; one not shown says which are; "search 2" searches', async () => {
    const c = dm();
    const { core } = only(search, more);
    const cards = (r: Reply) => r.blocks.flatMap((b) => (b.kind === 'card' ? [b.card] : []));
    const list = await core.handleText(c, 'search cash transfers');
    const again = await core.handleText(c, '2');
    expect(again.summary).toBe('Result 2 of the last results shown to you');
    expect(cards(again).map((card) => [card.position, card.resourceId])).toEqual([
      [2, cards(list)[1]!.resourceId],
    ]);
    expect(text(again)).toContain('type \\"bookmark 2\\"');
    expect((await core.handleText(c, '9')).summary).toBe(
      'Result 9 is not among the last results shown to you (1–5). To search for the number itself: search 9',
    );
    expect((await core.handleText(c, 'search 2')).summary).toMatch(/for "2"$/);
    // In Spanish, and with no list shown yet a number is a search like any other words.
    const es = dm();
    await core.handleText(es, 'buscar transferencias');
    expect((await core.handleText(es, '3')).summary).toBe('Resultado 3 de los últimos que le mostré');
    expect((await core.handleText(dm(), '2')).summary).toMatch(/for "2"$/);
  });

  it('follow, following, unfollow: stored per conversation, listed with the id unfollow takes', async () => {
    const c = dm();
    const { core } = only(follow, following, unfollow);
    expect((await core.handleText(c, 'following')).summary).toMatch(/follows nothing yet/);
    expect((await core.handleText(c, 'follow type:video')).summary).toMatch(/now follows type: Video/);
    const [f] = await listFollows(runtime.store, c.channel);
    expect(text(await core.handleText(c, 'following'))).toContain(f!.followId);
    expect((await core.handleText(c, `unfollow ${f!.followId}`)).summary).toMatch(/removed/);
    expect(await listFollows(runtime.store, c.channel)).toHaveLength(0);
  });

  it('unfollow by what is followed: the exact follow is removed, else those sharing some of it are listed', async () => {
    const c = dm();
    const { core } = only(follow, unfollow);
    await core.handleText(c, 'seguir tema:pensiones pais:peru');
    await core.handleText(c, 'seguir tema:salud');
    expect((await core.handleText(c, 'dejar tema:salud')).summary).toMatch(
      /^Seguimiento [0-9a-f]{6} eliminado/,
    );
    const which = await core.handleText(c, 'dejar pensiones');
    expect(which.summary).toMatch(/no sigue exactamente .*Estos seguimientos comparten algo/s);
    expect(which.summary).toMatch(/• [0-9a-f]{6}: tema: Seguridad social y pensiones · país: Perú/);
    expect(await listFollows(runtime.store, c.channel)).toHaveLength(1);
    expect((await core.handleText(c, 'unfollow country:chile')).summary).toMatch(
      /follows nothing like country: Chile/,
    );
    expect((await core.handleText(c, 'dejar pais:peru tema:pensiones')).summary).toMatch(/eliminado/);
    expect(await listFollows(runtime.store, c.channel)).toHaveLength(0);
  });

  it('a hashtag naming a country or topic is that filter, in a follow and a search, and the reply says so', async () => {
    const c = dm();
    const { core } = only(follow, search);
    const followed = await core.handleText(c, 'seguir #Peru #PrimeraInfancia');
    // The follow's reply says what it follows.
    expect(followed.summary).toMatch(/sigue tema: Primera infancia · país: Perú/);
    const [f] = await listFollows(runtime.store, c.channel);
    expect(f?.filter).toMatchObject({ countries: ['PE'], topics: ['early-childhood'] });
    const found = await core.handleText(dm(), 'search #peru');
    expect(text(found)).toContain('#peru was read as country:Peru');
    expect(text(found)).toContain('Perú');
  });

  it('a search typed with no command word is answered in the language of its words', async () => {
    const { core } = only(search);
    expect((await core.handleText(dm(), 'transferencias monetarias')).summary).toMatch(/^Resultados/);
    expect((await core.handleText(dm(), 'cash transfers')).summary).toMatch(/^Results/);
    // A name says nothing: the member's platform language, else English.
    expect((await core.handleText(dm({ locale: 'es-MX' }), 'Bolsa Familia')).summary).toMatch(/^Resultados/);
    expect((await core.handleText(dm(), 'Bolsa Familia')).summary).toMatch(/^Results/);
  });

  it('subscribe: starts the double opt-in with the frequency and the filter', async () => {
    const { core, subscriptions } = only(subscribe);
    await core.handleText(dm(), 'suscribir ana@example.org diario tema:salud');
    expect(subscriptions).toMatchObject([{ email: 'ana@example.org', frequency: 'daily', language: 'es' }]);
  });

  it('lang: the member keeps their language', async () => {
    const c = dm();
    expect((await only(lang).core.handleText(c, 'idioma es')).summary).toMatch(/español/i);
    expect(await userLanguage(runtime.store, c.user)).toBe('es');
  });

  it('feeds: relay admins only', async () => {
    const { core } = only(feeds);
    expect((await core.handleText(dm(), 'feeds')).summary).toMatch(/Only relay admins/);
    expect((await core.handleText(dm({ isRelayAdmin: true }), 'feeds')).summary).toMatch(/feeds|No feeds/);
  });

  it('topics, countries, types, partners: the values of the filter language', async () => {
    const { core } = only(vocabulary);
    expect(text(await core.handleText(dm(), 'temas'))).toContain('tema:');
    expect(text(await core.handleText(dm(), 'partners'))).toContain('partner:');
  });

  it('greet: a short hello, not a search', async () => {
    expect((await only(greet).core.handleText(dm(), 'hola')).summary).toMatch(/^¡Hola/);
  });

  it('help: lists the commands of its table only', async () => {
    const reply = await only(search, help).core.handleText(dm(), 'help');
    expect(text(reply)).toContain('search');
    expect(text(reply)).not.toContain('unfollow');
  });
});

describe('dependencies', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  /** Every module a file reaches through relative imports. */
  function reach(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/from '(\.[^']+)\.js'/g))
      reach(path.resolve(path.dirname(file), `${spec}.ts`), seen);
    return seen;
  }

  it('announcements reach chat/ and follows/ but never the commands (shared/bot/)', () => {
    const dir = path.join(root, 'shared/announce');
    const reached = new Set<string>();
    for (const f of readdirSync(dir)) for (const r of reach(path.join(dir, f))) reached.add(r);
    const rel = [...reached].map((f) => path.relative(root, f));
    expect(rel.some((f) => f.startsWith('shared/chat/'))).toBe(true);
    expect(rel.some((f) => f.startsWith('shared/follows/'))).toBe(true);
    expect(rel.filter((f) => f.startsWith('shared/bot/'))).toEqual([]);
  });

  it('chat/ and follows/ never import shared/bot/', () => {
    for (const dir of ['shared/chat', 'shared/follows'])
      for (const f of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((x) =>
        x.endsWith('.ts'),
      ))
        expect(readFileSync(path.join(root, dir, f), 'utf8'), `${dir}/${f}`).not.toMatch(
          /from '[./]*\/bot\//,
        );
  });
});
