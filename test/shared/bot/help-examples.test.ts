import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '#shared/bot/core.js';
import { BOT_LANGUAGES, MESSAGES } from '#shared/chat/i18n.js';
import { importEntries } from '#shared/coop/exchange.js';
import { listFollows } from '#shared/follows/state.js';
import { fixedClock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { refreshSearchIndex } from '#shared/search/service.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { eventResource } from '../events/fixtures.js';
import { coreFor, recordingPorts, seedLibrary, testLibrary } from './fixtures.js';

/**
 * Every example the bots' help shows is run here, in both languages, as a channel admin would type
 * it: none may be refused, fail, or come back empty, and every follow it makes is stored.
 */

let services: TestServices;
let runtime: Runtime;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  const library = testLibrary(120);
  // The examples' previews look back 30 days from the newest resource.
  const newest = library
    .map((r) => r.publishedAt)
    .sort()
    .at(-1)!;
  runtime = await services.newRuntime({}, fixedClock(newest));
  // Events still to come, for upcoming / proximos and the reminders' previews.
  const inDays = (n: number) => new Date(Date.parse(newest) + n * 86_400_000).toISOString();
  const events = [
    eventResource(
      'help-event-co',
      { startsAt: inDays(7) },
      { countries: ['CO'], topics: ['conditional-cash-transfers'] },
    ),
    eventResource(
      'help-event-pe',
      { startsAt: inDays(9) },
      { countries: ['PE'], topics: ['early-childhood'] },
    ),
  ];
  await seedLibrary(runtime, [...library, ...events]);
  await refreshSearchIndex(runtime);
  // The cooperation exchange's offers and requests, for offers / ofertas and requests / solicitudes.
  await importEntries(runtime.store, [...set.offers, ...set.requests], { who: 'test', at: new Date() });
});

afterAll(() => services?.close());

const channel = (lang: string): ChatContext => ({
  channel: { platform: 'slack', workspaceId: 'T1', channelId: `C-${lang}` },
  user: { platform: 'slack', workspaceId: 'T1', userId: 'UADMIN' },
  conversation: 'group',
  canManageChannel: async () => true,
  isRelayAdmin: false,
});

const text = (reply: { blocks: unknown[]; summary: string }) =>
  `${reply.summary}\n${JSON.stringify(reply.blocks)}`;

describe.each(BOT_LANGUAGES)('the help examples in %s', (lang) => {
  const m = MESSAGES[lang];

  it('are shown by help', async () => {
    const core = coreFor(runtime, recordingPorts(runtime).ports);
    const help = text(await core.handleText(channel(lang), lang === 'es' ? 'ayuda' : 'help'));
    for (const example of m.help.examples) expect(help).toContain(example.replace(/"/g, '\\"'));
  });

  it.each(m.help.examples)('%s works', async (example) => {
    const { ports } = recordingPorts(runtime);
    const core = coreFor(runtime, ports);
    const ctx = channel(lang);
    const before = (await listFollows(runtime.store, ctx.channel)).length;
    const reply = text(await core.handleText(ctx, example));
    for (const refusal of [MESSAGES.en.refused(''), MESSAGES.es.refused('')])
      expect(reply).not.toContain(refusal.trim());
    expect(reply).not.toContain(m.failure);
    expect(reply).not.toContain(m.noLatest);
    expect(reply).not.toContain(m.noUpcoming);
    expect(reply).not.toContain(m.coop.none('offer'));
    expect(reply).not.toContain(m.coop.none('request'));
    expect(reply).not.toContain(m.tzUnknown('', []).slice(0, 20));
    expect(reply).not.toMatch(/No results|No hay resultados/);
    const word = example.split(' ')[0];
    const follows = await listFollows(runtime.store, ctx.channel);
    if ((word === 'follow' || word === 'seguir') && !/ (preview|vista) /.test(example)) {
      expect(follows.length).toBeGreaterThan(before);
      // What it follows exists in the library: the example is no follow that never fires.
      for (const f of follows) expect((await ports.search.latest(f.filter, 1)).total).toBeGreaterThan(0);
    } else expect(follows.length).toBe(before);
  });

  it('the example an empty search answers with is in the member’s words, and works', async () => {
    const core = coreFor(runtime, recordingPorts(runtime).ports);
    const asked = (await core.handleText(channel(lang), lang === 'es' ? 'buscar' : 'search')).summary;
    const example = asked.split(': ').slice(1).join(': ');
    expect(example).toContain(lang === 'es' ? 'pais:colombia' : 'country:colombia');
    const reply = text(await core.handleText(channel(lang), example));
    expect(reply).toContain(lang === 'es' ? 'Resultados' : 'Results');
    expect(reply).toContain(lang === 'es' ? 'país: Colombia' : 'country: Colombia');
  });
});
