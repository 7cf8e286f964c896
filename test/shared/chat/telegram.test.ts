import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramFace } from '#shared/bot/faces.js';
import { commandText } from '#shared/chat/telegram/bot.js';
import { secretMatches } from '#shared/chat/telegram/http.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import {
  coreFor,
  httpEvent,
  type Recorded,
  recordingPorts,
  seedLibrary,
  startRecorder,
  testLibrary,
} from '../bot/fixtures.js';

const SECRET = 'webhook-secret-token';
const BOT = {
  id: 999,
  is_bot: true as const,
  first_name: 'IASPN',
  username: 'iaspn_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};
const ADMIN = 7;
const CHAT_ADMIN = 8;

let services: TestServices;
let api: Awaited<ReturnType<typeof startRecorder>>;
let failHtmlOnce = false;
let failChat: number | undefined;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  api = await startRecorder((call) => {
    const p = call.params;
    if (call.method === 'sendMessage' && p.chat_id === failChat) {
      return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
    }
    if (call.method === 'sendMessage' && failHtmlOnce && p.parse_mode === 'HTML') {
      failHtmlOnce = false;
      return {
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: "Bad Request: can't parse entities: Unsupported start tag",
        },
      };
    }
    switch (call.method) {
      case 'getChatMember':
        return {
          body: {
            ok: true,
            result: {
              status: p.user_id === CHAT_ADMIN ? 'administrator' : 'member',
              user: { id: p.user_id },
            },
          },
        };
      case 'sendMessage':
      case 'editMessageText':
        return {
          body: { ok: true, result: { message_id: 50, date: 0, chat: { id: p.chat_id }, text: p.text } },
        };
      default:
        return { body: { ok: true, result: true } };
    }
  });
});
afterAll(async () => {
  await api?.close();
  await services?.close();
});

let runtime: Runtime;
let handler: ReturnType<typeof createTelegramFace>['handler'];
let subscriptions: ReturnType<typeof recordingPorts>['subscriptions'];
let updateId = 1000;

beforeEach(async () => {
  runtime = await services.newRuntime({
    TELEGRAM_BOT_TOKEN: '123:test',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.url,
    IASPN_ADMIN_IDS: `telegram:${ADMIN}`,
  });
  await seedLibrary(runtime, testLibrary());
  const recording = recordingPorts(runtime);
  subscriptions = recording.subscriptions;
  ({ handler } = createTelegramFace(runtime, { core: coreFor(runtime, recording.ports), botInfo: BOT }));
});

const webhook = (update: unknown, secret: string | null = SECRET) =>
  handler(
    httpEvent(JSON.stringify(update), secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
  );

// biome-ignore lint/suspicious/noExplicitAny: Bot API JSON as Telegram receives it, checked field by field below
type Json = Record<string, any>;

interface Who {
  user?: number;
  chat?: number;
  group?: boolean;
  language?: string;
}

async function send(text: string, who: Who = {}): Promise<Recorded[]> {
  const user = who.user ?? 1;
  const chat = who.group
    ? { id: who.chat ?? -100, type: 'supergroup', title: 'Team' }
    : { id: user, type: 'private', first_name: 'Ana' };
  updateId += 1;
  const before = api.calls.length;
  const res = await webhook({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat,
      from: { id: user, is_bot: false, first_name: 'Ana', language_code: who.language ?? 'en' },
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
        : {}),
    },
  });
  expect(res.statusCode).toBe(200);
  return api.calls.slice(before);
}

const sent = (calls: Recorded[]) =>
  calls.filter((c) => c.method === 'sendMessage').map((c) => c.params as Json);
const lastText = async (text: string, who: Who = {}) =>
  String(sent(await send(text, who)).at(-1)?.text ?? '');

async function pressButton(data: string, who: Who = {}): Promise<Recorded[]> {
  const user = who.user ?? 1;
  updateId += 1;
  const before = api.calls.length;
  await webhook({
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: user, is_bot: false, first_name: 'Ana', language_code: who.language ?? 'en' },
      chat_instance: 'ci',
      message: { message_id: 50, date: 0, chat: { id: user, type: 'private', first_name: 'Ana' }, text: 'x' },
      data,
    },
  });
  return api.calls.slice(before);
}

const keyboard = (message: Json) =>
  (message.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];

function expectBalancedHtml(html: string) {
  for (const tag of ['b', 'i', 'a']) {
    const opened = html.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
    expect(html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0).toBe(opened);
  }
  expect(html).not.toMatch(/<(?!\/?(b|i|a)[ >])/);
  expect(html.length).toBeLessThanOrEqual(4096);
}

describe('Telegram webhook', () => {
  it('checks the secret token in constant time and refuses without it', async () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET, `${SECRET}x`)).toBe(false);
    expect(secretMatches(SECRET, undefined)).toBe(false);
    const update = {
      update_id: 1,
      message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '/help' },
    };
    expect((await webhook(update, 'wrong')).statusCode).toBe(401);
    expect((await webhook(update, null)).statusCode).toBe(401);
    expect(api.calls.filter((c) => c.params.chat_id === 1 && c.method === 'sendMessage')).toEqual([]);
  });

  it('handles each update_id once', async () => {
    const update = {
      update_id: 77,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: 'private' },
        from: { id: 5, is_bot: false, first_name: 'A' },
        text: '/help',
      },
    };
    const before = api.calls.length;
    expect((await webhook(update)).statusCode).toBe(200);
    expect((await webhook(update)).statusCode).toBe(200);
    expect(sent(api.calls.slice(before))).toHaveLength(1);
  });

  it('answers 200 even when handling failed, and for bodies it cannot read', async () => {
    failChat = 6;
    try {
      const res = await webhook({
        update_id: 78,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 6, type: 'private' },
          from: { id: 6, is_bot: false, first_name: 'A' },
          text: '/help',
        },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      failChat = undefined;
    }
    const garbage = await handler(httpEvent('{not json', { 'x-telegram-bot-api-secret-token': SECRET }));
    expect(garbage.statusCode).toBe(200);
  });
});

describe('Telegram commands', () => {
  it('reads /command@our_bot in groups and ignores other bots and plain chatter', () => {
    expect(commandText('/search@iaspn_bot cash', 'iaspn_bot')).toBe('search cash');
    expect(commandText('/search@IASPN_BOT cash', 'iaspn_bot')).toBe('search cash');
    expect(commandText('/search@other_bot cash', 'iaspn_bot')).toBeUndefined();
    expect(commandText('/buscar', 'iaspn_bot')).toBe('buscar');
  });

  it('searches with HTML results, pages with a callback button and bookmarks (English)', async () => {
    const [message] = sent(await send('/search cash transfers'));
    expect(message!.parse_mode).toBe('HTML');
    expect(message!.text).toMatch(/^<b>Results 1–5 of \d+ for "cash transfers"<\/b>/);
    expectBalancedHtml(message!.text);
    const buttons = keyboard(message!);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const more = buttons.find((b) => b.text === 'More results')!;
    const edited = (await pressButton(more.callback_data)).find((c) => c.method === 'editMessageText')!;
    expect(String(edited.params.text)).toMatch(/^<b>Results 6–10 of/);
    const bookmark = buttons.find((b) => b.text === 'Bookmark 1')!;
    const answered = (await pressButton(bookmark.callback_data)).find(
      (c) => c.method === 'answerCallbackQuery',
    )!;
    expect(String(answered.params.text)).toMatch(/^Bookmarked: /);
    expect(await lastText('/bookmarks')).toMatch(/^<b>Your bookmarks \(1\)<\/b>/);
    expect(await lastText('/unbookmark 1')).toMatch(/^Removed from your bookmarks/);
  });

  it('answers Spanish commands in Spanish, with pagination and bookmarks', async () => {
    const [message] = sent(await send('/buscar transferencias monetarias', { language: 'es' }));
    expect(message!.text).toMatch(/^<b>Resultados 1–5 de \d+ para/);
    const buttons = keyboard(message!);
    const more = buttons.find((b) => b.text === 'Más resultados')!;
    const edited = (await pressButton(more.callback_data, { language: 'es' })).find(
      (c) => c.method === 'editMessageText',
    )!;
    expect(String(edited.params.text)).toMatch(/^<b>Resultados 6–10/);
    const bookmark = buttons.find((b) => b.text === 'Guardar 1')!;
    const answered = (await pressButton(bookmark.callback_data, { language: 'es' })).find(
      (c) => c.method === 'answerCallbackQuery',
    )!;
    expect(String(answered.params.text)).toMatch(/^Guardado: /);
    expect(await lastText('/marcadores', { language: 'es' })).toMatch(/Sus marcadores \(1\)/);
    expect(await lastText('/desmarcar 1', { language: 'es' })).toMatch(/^Quitado de sus marcadores/);
    expect(await lastText('/recientes', { language: 'es' })).toMatch(/^<b>Recursos recientes \(1–5\)/);
    expect(await lastText('/latest type:news')).toMatch(/^<b>Latest resources \(1–5\)<\/b>/);
  });

  it('answers commands addressed to it in groups only; only chat admins change follows', async () => {
    const group = { group: true, chat: -200 };
    expect(sent(await send('/search@other_bot cash', group))).toEqual([]);
    expect(sent(await send('cash transfers', group))).toEqual([]);
    expect(await lastText('/search@iaspn_bot cash', group)).toMatch(/^<b>Results 1–5/);
    expect(await lastText('/follow@iaspn_bot topic:cash-transfers', { ...group, user: 1 })).toMatch(
      /Only admins/,
    );
    expect(await lastText('/seguir@iaspn_bot topic:cash-transfers', { ...group, user: 1 })).toMatch(
      /Solo los administradores/,
    );
    const followed = await lastText('/follow@iaspn_bot topic:cash-transfers country:peru', {
      ...group,
      user: CHAT_ADMIN,
    });
    const id = /follow ([0-9a-f]{6})/.exec(followed)![1]!;
    expect(await lastText('/following@iaspn_bot', group)).toContain(
      `${id}: topic: Conditional cash transfers · country: Peru`,
    );
    expect(await lastText('/siguiendo', group)).toContain('país: Perú');
    expect(await lastText(`/dejar ${id}`, { ...group, user: CHAT_ADMIN })).toBe(
      `Seguimiento ${id} eliminado.`,
    );
    expect(await lastText('/unfollow 000000', { ...group, user: CHAT_ADMIN })).toMatch(/There is no follow/);
  });

  it('starts subscriptions, sets languages and shows feeds to admins, in both languages', async () => {
    expect(await lastText('/subscribe ana@example.org weekly')).toMatch(/confirmation link/);
    expect(await lastText('/suscribir luis@example.org diario', { language: 'es' })).toMatch(/^Casi listo/);
    expect(subscriptions.map((s) => [s.email, s.language, s.frequency, s.source])).toEqual([
      ['ana@example.org', 'en', 'weekly', 'telegram:999:1'],
      ['luis@example.org', 'es', 'daily', 'telegram:999:1'],
    ]);
    expect(await lastText('/help', { language: 'es-419' })).toMatch(/^Busco/);
    expect(await lastText('/lang es')).toBe('Le responderé en español.');
    expect(await lastText('/help')).toMatch(/^Busco/);
    expect(await lastText('/idioma en')).toBe('I will reply to you in English.');
    expect(await lastText('/feeds')).toMatch(/Only relay admins/);
    expect(await lastText('/feeds', { user: ADMIN })).toBe('No feeds are registered yet.');
    expect(await lastText('/fuente estado midis-pe', { user: ADMIN, language: 'es' })).toMatch(
      /Ministerio de Desarrollo/,
    );
    expect(await lastText('/help')).toContain('search &lt;words&gt;');
    expect(await lastText('/ayuda', { user: 3 })).toContain('buscar &lt;palabras&gt;');
  });

  it('answers inline queries with articles; an empty query gives the latest', async () => {
    updateId += 1;
    const before = api.calls.length;
    await webhook({
      update_id: updateId,
      inline_query: {
        id: 'iq1',
        from: { id: 1, is_bot: false, first_name: 'A' },
        query: 'cash transfers',
        offset: '',
      },
    });
    updateId += 1;
    await webhook({
      update_id: updateId,
      inline_query: { id: 'iq2', from: { id: 1, is_bot: false, first_name: 'A' }, query: '', offset: '' },
    });
    const answers = api.calls.slice(before).filter((c) => c.method === 'answerInlineQuery');
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      const results = answer.params.results as Json[];
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.type).toBe('article');
        expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
        expect(r.input_message_content.parse_mode).toBe('HTML');
        expectBalancedHtml(r.input_message_content.message_text);
      }
    }
  });

  it('keeps hostile text inert, balanced and within 4,096 characters', async () => {
    const [message] = sent(await send('/search hostile'));
    const html = String(message!.text);
    expectBalancedHtml(html);
    expect(html).toContain('&lt;!channel&gt;');
    expect(html).not.toMatch(/<a href="javascript|<script/);
    expect(html).toContain('href="https://evil.example/a?x=1&amp;y=&lt;2&gt;|&quot;3&quot;"');
  });

  it("falls back to plain text when Telegram can't parse the entities", async () => {
    failHtmlOnce = true;
    const messages = sent(await send('/search cash'));
    expect(messages).toHaveLength(2);
    expect(messages[0]!.parse_mode).toBe('HTML');
    expect(messages[1]!.parse_mode).toBeUndefined();
    expect(String(messages[1]!.text)).toMatch(/^Results 1–5/);
    // Plain text: nothing is parsed, so the hostile title's tags show as typed, inert.
    expect(String(messages[1]!.text)).not.toContain('<b>Results');
  });
});
