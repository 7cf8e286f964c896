import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '#shared/bot/core.js';
import { listFollows } from '#shared/follows/state.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { coreFor, libraryRuntime, recordingPorts } from './fixtures.js';

/** follow, follow preview and subscribe as members type them, right and wrong. */

let services: TestServices;
let runtime: Runtime;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  ({ runtime } = await libraryRuntime(services, 120));
});

afterAll(() => services?.close());

let n = 0;
function ctx(): ChatContext {
  n += 1;
  return {
    channel: { platform: 'telegram', workspaceId: '1', channelId: `-100${n}` },
    user: { platform: 'telegram', workspaceId: '1', userId: '7' },
    conversation: 'group',
    canManageChannel: async () => true,
    isRelayAdmin: false,
  };
}

async function say(c: ChatContext, text: string) {
  const { ports, subscriptions } = recordingPorts(runtime);
  const reply = await coreFor(runtime, ports).handleText(c, text);
  return { text: `${reply.summary}\n${JSON.stringify(reply.blocks)}`, subscriptions };
}

describe('follow', () => {
  it.each([
    ['follow topic:zzz', /Nothing was saved\. \\"zzz\\": no such topic\. Type \\"topics\\" for the list\./],
    ['seguir pais:Narnia', /No se guardó nada\. \\"Narnia\\": no hay ningún país/],
    ['follow partner:nobody type:news', /\\"nobody\\": no such partner/],
    ['follow topic:health since:1y', /since: and before: narrow searches/],
    ['seguir tema:salud antes:2025', /desde: y antes: acotan las búsquedas/],
  ])('refuses %s and stores nothing', async (text, message) => {
    const c = ctx();
    expect((await say(c, text)).text).toMatch(message);
    expect(await listFollows(runtime.store, c.channel)).toEqual([]);
  });

  it('stores canonical ids, says what it would have brought, and is the same follow however typed', async () => {
    const c = ctx();
    const first = await say(c, 'seguir tema:PTC pais:Perú');
    expect(first.text).toMatch(/ahora sigue tema: Transferencias monetarias condicionadas · país: Perú/);
    expect(first.text).toMatch(/En los últimos 30 días esto habría traído|Nada de los últimos 30 días/);
    const again = await say(c, 'follow country:PE topic:"conditional cash transfers"');
    expect(again.text).toMatch(/already follows/);
    const follows = await listFollows(runtime.store, c.channel);
    expect(follows.map((f) => f.filter)).toEqual([
      { countries: ['PE'], topics: ['conditional-cash-transfers'] },
    ]);
  });

  it('follows words: "cash transfers" -pilot', async () => {
    const c = ctx();
    expect((await say(c, 'follow "cash transfers" -pilot')).text).toMatch(
      /now follows words: \\"cash transfers\\" -pilot/,
    );
    expect((await listFollows(runtime.store, c.channel)).map((f) => f.filter)).toEqual([
      { keywords: '"cash transfers" -pilot' },
    ]);
  });

  it('previews without saving', async () => {
    const c = ctx();
    const out = await say(c, 'follow preview topic:health lang:es');
    expect(out.text).toMatch(/Preview, nothing saved/);
    expect(out.text).toMatch(/topic: Basic health services · language: Spanish/);
    expect(await listFollows(runtime.store, c.channel)).toEqual([]);
  });
});

describe('subscribe', () => {
  it('passes canonical ids and keywords to the double opt-in', async () => {
    const out = await say(
      ctx(),
      'suscribir ana@example.org semanal tema:primera infancia "cuidado infantil"',
    );
    expect(out.text).toMatch(/Casi listo/);
    expect(out.subscriptions).toEqual([
      expect.objectContaining({
        email: 'ana@example.org',
        frequency: 'weekly',
        filter: { topics: ['early-childhood'], keywords: '"cuidado infantil"' },
      }),
    ]);
  });

  it('refuses a value that means nothing before any email is sent', async () => {
    const out = await say(ctx(), 'subscribe ana@example.org topic:nonsense');
    expect(out.text).toMatch(/Nothing was saved\. \\"nonsense\\": no such topic/);
    expect(out.subscriptions).toEqual([]);
  });
});
