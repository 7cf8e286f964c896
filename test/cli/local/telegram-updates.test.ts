import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#shared/store/keys.js';
import { type LocalHttp, request, startLocalHttp } from '../../helpers/local-http.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { startRecorder } from '../../shared/bot/fixtures.js';

/**
 * Regression (issue 13.6): a 900 KB Telegram update took 15.8 s. No genuine update is that large
 * (a message is at most 4,096 characters), so one over 256 KiB is skipped before it is decoded,
 * parsed, claimed or handled, and answered 200 so that Telegram's queue is not held up.
 */

const SECRET = 'webhook-secret-token';
const BOT = { id: 999, is_bot: true, first_name: 'IASPN', username: 'iaspn_bot' };

let services: TestServices;
let api: Awaited<ReturnType<typeof startRecorder>>;
let stack: LocalHttp;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  api = await startRecorder((call) => {
    if (call.method === 'getMe') return { body: { ok: true, result: BOT } };
    if (call.method === 'sendMessage')
      return { body: { ok: true, result: { message_id: 1, date: 0, chat: { id: call.params.chat_id } } } };
    return { body: { ok: true, result: true } };
  });
  stack = await startLocalHttp(services, {
    TELEGRAM_BOT_TOKEN: '123:test',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.url,
  });
});
afterAll(async () => {
  await stack?.close();
  await api?.close();
  await services?.close();
});

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 5, type: 'private', first_name: 'Ana' },
    from: { id: 5, is_bot: false, first_name: 'Ana' },
    text,
  },
});

const post = (body: unknown) =>
  request(`${stack.base}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(body),
  });

describe('Telegram updates through the local stack', () => {
  it('skips a 900 KB update unread: answered 200, never claimed, never handled', async () => {
    const before = api.calls.length;
    const res = await post(update(71, `search ${'x'.repeat(900_000)}`));
    expect(res.status).toBe(200);
    expect(await stack.runtime.store.get(keys.dedupe('telegram', '71'))).toBeUndefined();
    expect(api.calls.slice(before).filter((c) => c.method === 'sendMessage')).toEqual([]);
  });

  it('still handles an ordinary update', async () => {
    const before = api.calls.length;
    const res = await post(update(72, 'help'));
    expect(res.status).toBe(200);
    expect(await stack.runtime.store.get(keys.dedupe('telegram', '72'))).toBeDefined();
    expect(api.calls.slice(before).some((c) => c.method === 'sendMessage')).toBe(true);
  });
});
