import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALK_TTL_SECONDS } from '#shared/bot/coop-talk-state.js';
import { createTelegramFace } from '#shared/bot/faces.js';
import { importEntries } from '#shared/coop/exchange.js';
import { listAllEntries } from '#shared/coop/store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { coreFor, httpEvent, recordingPorts, startRecorder } from '../bot/fixtures.js';

/**
 * `/offer` / `/ofrecer` and `/request` / `/solicitar` on Telegram, through real Telegraf behind the
 * webhook and the local Telegram stand-in: one step a message, in the member's language, with the
 * state in the table between webhook calls (each a separate Lambda invocation in production).
 */

const SECRET = 'coop-webhook-secret';
const BOT = {
  id: 999,
  is_bot: true as const,
  first_name: 'IASPN',
  username: 'iaspn_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

let services: TestServices;
let runtime: Runtime;
let api: Awaited<ReturnType<typeof startRecorder>>;
let now = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  api = await startRecorder((call) => ({
    body: {
      ok: true,
      result:
        call.method === 'sendMessage'
          ? { message_id: 50, date: 0, chat: { id: call.params.chat_id }, text: call.params.text }
          : true,
    },
  }));
  runtime = await services.newRuntime(
    { TELEGRAM_BOT_TOKEN: '123:coop', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: api.url },
    () => now,
  );
  await importEntries(runtime.store, [...set.offers, ...set.requests.slice(0, 5)], { who: 'test', at: now });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await services?.close();
});

/** A fresh face for every update, as a cold Lambda would have: nothing is kept in memory. */
const handler = () =>
  createTelegramFace(runtime, { core: coreFor(runtime, recordingPorts(runtime).ports), botInfo: BOT })
    .handler;

let updateId = 5000;
function update(text: string, user: number, group = false) {
  updateId += 1;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: group
        ? { id: -200, type: 'supergroup', title: 'Team' }
        : { id: user, type: 'private', first_name: 'Ana' },
      from: { id: user, is_bot: false, first_name: 'Ana', language_code: 'en' },
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
        : {}),
    },
  };
}

/** Posts one update to the webhook; the texts the bot sent back. */
async function deliver(body: unknown): Promise<string[]> {
  const before = api.calls.length;
  const res = await handler()(httpEvent(JSON.stringify(body), { 'x-telegram-bot-api-secret-token': SECRET }));
  expect(res.statusCode).toBe(200);
  return api.calls
    .slice(before)
    .filter((c) => c.method === 'sendMessage')
    .map((c) => String(c.params.text));
}
const say = async (user: number, text: string, group = false) =>
  (await deliver(update(text, user, group))).join('\n');
const entriesOf = async (user: number) =>
  (await listAllEntries(runtime.store)).filter(
    (e) => e.origin?.face === 'telegram' && e.origin.address === String(user),
  );

describe('the guided offer and request on Telegram', () => {
  it('walks a request in English: step numbers, a bad answer re-asked, skip, cancel drops everything', async () => {
    const user = 301;
    const first = await say(user, '/request');
    expect(first).toContain('<b>New request, step 1 of 9: Title</b>');
    expect(first).toContain('For example: Building an integrated social registry');
    expect(first).toContain('what you type here answers this step');
    expect(await say(user, 'A registry for Guyana')).toContain('step 2 of 9: Summary');
    await say(user, 'Help to link household data across ministries.');
    const topic = await say(user, 'registros socialez');
    expect(topic).toMatch(/^"registros socialez" is no topic I know\. Did you mean Social registries/);
    expect(topic).toContain('step 3 of 9: Topics');
    await say(user, 'social registries');
    await say(user, 'Guyana');
    await say(user, 'Ministry of Human Services and Social Security');
    await say(user, 'cooperation@mhsss.gov.gy');
    expect(await say(user, 'skip')).toContain('step 8 of 9: Languages');
    expect(await say(user, '/cancel')).toBe('Cancelled: the request was not saved.');
    expect(await entriesOf(user)).toEqual([]);
    // Over: a message is a command again.
    expect(await say(user, '/requests')).toContain('Open requests');
  });

  it('guarda una oferta en español con "sí", con su origen, y muestra las mejores coincidencias', async () => {
    const user = 302;
    expect(await say(user, '/ofrecer')).toContain('<b>Nueva oferta, paso 1 de 8: Título</b>');
    for (const answer of [
      'Verificación de corresponsabilidades del programa Juntos',
      'Mostramos cómo Juntos verifica la asistencia a controles de salud y a la escuela.',
      'transferencias condicionadas, educación',
      'Perú',
      'Programa Juntos, MIDIS',
      'cooperacion@juntos.gob.pe',
      'visita técnica',
      'español',
    ])
      await say(user, answer);
    const saved = await say(user, 'sí');
    const [entry] = await entriesOf(user);
    expect(saved).toContain(`Guardada: oferta ${entry!.id}, abierta.`);
    expect(saved).toContain('Las mejores coincidencias por ahora:');
    expect(entry).toMatchObject({
      kind: 'offer',
      country: 'PE',
      topics: ['conditional-cash-transfers', 'education'],
      origin: { face: 'telegram', address: String(user), language: 'es' },
    });
  });

  it('sends a group to a private chat instead of flooding it', async () => {
    expect(await say(303, '/offer', true)).toBe(
      'To add an offer, write "/offer@iaspn_bot" to me in a private chat: the steps would flood the group.',
    );
    // No conversation was started there.
    expect(await say(303, '/requests', true)).toContain('Open requests');
  });

  it('forgets an abandoned conversation after the TTL', async () => {
    const user = 304;
    await say(user, '/offer');
    const started = now;
    try {
      now = new Date(started.getTime() + (TALK_TTL_SECONDS + 60) * 1000);
      expect(await say(user, '/offers')).toContain('Open offers');
    } finally {
      now = started;
    }
  });

  it('takes one of two messages racing on a step, and a redelivered update only once', async () => {
    const user = 305;
    await say(user, '/offer');
    const before = api.calls.length;
    await Promise.all([deliver(update('Title A', user)), deliver(update('Title B', user))]);
    const texts = api.calls
      .slice(before)
      .filter((c) => c.method === 'sendMessage')
      .map((c) => String(c.params.text));
    expect(texts).toHaveLength(2);
    const told = texts.find((t) => t.startsWith('Another answer'));
    const taken = texts.find((t) => t !== told);
    expect(taken).toMatch(/^<b>New offer, step 2 of 8: Summary<\/b>/);
    // The other is told, and shown where the conversation now is.
    expect(told).toMatch(
      /^Another answer to this step arrived at the same moment and was taken first\.\n\n<b>New offer, step 2 of 8/,
    );
    // Telegram retries an update it thinks was lost: the same update_id moves nothing.
    const summary = update('A summary', user);
    expect((await deliver(summary)).join()).toContain('step 3 of 8: Topics');
    expect(await deliver(summary)).toEqual([]);
    expect(await say(user, 'cash transfers')).toContain('step 4 of 8: Country');
  });
});
