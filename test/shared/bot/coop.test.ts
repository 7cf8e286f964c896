import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '#shared/bot/core.js';
import { importEntries } from '#shared/coop/exchange.js';
import { findEntry } from '#shared/coop/store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { coreFor, recordingPorts } from './fixtures.js';

let services: TestServices;
let runtime: Runtime;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  runtime = await services.newRuntime();
  const rows = [...set.offers, ...set.requests.slice(0, 10)];
  const imported = await importEntries(runtime.store, rows, { who: 'test', at: new Date() });
  expect(imported.ok).toBe(true);
}, 60_000);
afterAll(() => services?.close());

const dm = (lang: string): ChatContext => ({
  channel: { platform: 'telegram', workspaceId: 'tg', channelId: `D-${lang}` },
  user: { platform: 'telegram', workspaceId: 'tg', userId: `U-${lang}` },
  conversation: 'direct',
  canManageChannel: async () => true,
  isRelayAdmin: false,
});

const say = async (lang: string, text: string) => {
  const reply = await coreFor(runtime, recordingPorts(runtime).ports).handleText(dm(lang), text);
  const lines = reply.blocks.map((b) => ('text' in b ? b.text : ''));
  return { summary: reply.summary, lines, all: lines.join('\n') };
};

describe('offers / ofertas and requests / solicitudes', () => {
  it('lists the open offers of a country, filtered in the filter language, with how to see who fits', async () => {
    const out = await say('en', 'offers country:chile');
    expect(out.summary).toBe('Open offers (5)');
    expect(out.all).toContain('Registro Social de Hogares: interoperabilidad con registros administrativos');
    expect(out.all).toContain(
      'Ministerio de Desarrollo Social y Familia, Chile · technical visit, secondment · Spanish',
    );
    expect(out.lines.at(-1)).toMatch(/^Who fits: matches O-/);
  });

  it('answers in Spanish, topics by their Spanish names', async () => {
    const out = await say('es', 'solicitudes tema:registros-sociales');
    expect(out.summary).toBe('Solicitudes abiertas (1)');
    expect(out.all).toContain('Designing a national social registry for Guyana');
    expect(out.all).toMatch(
      /Mejor coincidencia: O-\w+ · Cadastro Único: building and updating a national social registry/,
    );
    expect(out.all).toContain('visita técnica, documentación · inglés');
    expect(out.lines.at(-1)).toMatch(/^Quién coincide: coincidencias R-/);
  });

  it('refuses a filter value that means nothing, with the closest, and says when nothing is open', async () => {
    const refused = await say('en', 'requests country:chilee');
    // A list stores nothing, so it does not say "nothing was saved": it names the value and the closest.
    expect(refused.all).not.toMatch(/Nothing was saved/);
    expect(refused.all).toMatch(/chilee/);
    expect(refused.all).toContain('country:chile');
    const none = await say('es', 'ofertas pais:haiti');
    expect(none.summary).toBe(
      'Ninguna oferta abierta coincide con esos filtros. Pruebe con menos filtros, o "solicitudes".',
    );
  });
});

describe('matches / coincidencias', () => {
  it('shows the offers that fit a request, best first, with the reasons in the member’s language', async () => {
    const request = await findEntry(runtime.store, 'R01');
    const en = await say('en', `matches ${request!.id}`);
    expect(en.summary).toBe('5 offers for "Fortalecer la verificación de corresponsabilidades del bono"');
    expect(en.lines[1]).toMatch(/^1\. O-\w+ · Verificación de corresponsabilidades del programa Juntos$/);
    expect(en.lines[3]).toBe(
      'same topic: conditional cash transfers, education; similar description; technical visit offered and asked for; both in Spanish',
    );
    const es = await say('es', `coincidencias ${request!.id.toLowerCase()}`);
    expect(es.lines[3]).toBe(
      'mismo tema: transferencias monetarias condicionadas, educación; descripción parecida; visita técnica: ofrecido y solicitado; ambos en español',
    );
  });

  it('asks for an id, and says so when there is no such entry', async () => {
    expect((await say('en', 'matches')).summary).toMatch(/^Type matches and an id/);
    expect((await say('es', 'coincidencias R-ZZZZZZ')).summary).toBe(
      'No hay ninguna oferta o solicitud R-ZZZZZZ. "ofertas" y "solicitudes" las muestran con su id.',
    );
  });
});
