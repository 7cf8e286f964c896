import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEmf, publishedIn } from '../../helpers/emf.js';
import { setLambdaEnv } from '../../helpers/lambda-env.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { httpEvent, startRecorder } from '../../shared/bot/fixtures.js';

const SECRET = 'webhook-secret-token';
const BOT = { id: 999, is_bot: true, first_name: 'IASPN', username: 'iaspn_bot' };
/** The chat whose messages Telegram refuses: the reply fails, the update is logged as failed. */
const BROKEN_CHAT = 66;

describe('the Telegram bot Lambda handler', () => {
  let services: TestServices;
  let api: Awaited<ReturnType<typeof startRecorder>>;
  let handler: typeof import('#functions/bot/telegram.js').handler;
  let updateId = 1;

  beforeAll(async () => {
    services = await startTestServices({ ses: false });
    api = await startRecorder((call) => {
      if (call.method === 'getMe') return { body: { ok: true, result: BOT } };
      if (call.method === 'sendMessage' && call.params.chat_id === BROKEN_CHAT) {
        return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
      }
      if (call.method === 'sendMessage') {
        return { body: { ok: true, result: { message_id: 1, date: 0, chat: { id: call.params.chat_id } } } };
      }
      return { body: { ok: true, result: true } };
    });
    const runtime = await services.newRuntime();
    setLambdaEnv(services, runtime, {
      TELEGRAM_BOT_TOKEN: '123:test',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
    });
    ({ handler } = await import('#functions/bot/telegram.js'));
  });

  afterAll(async () => {
    await api?.close();
    await services?.close();
  });

  const message = (chat: number, text: string) => {
    updateId += 1;
    return {
      update_id: updateId,
      message: {
        message_id: updateId,
        date: 0,
        chat: { id: chat, type: 'private', first_name: 'Ana' },
        from: { id: chat, is_bot: false, first_name: 'Ana', language_code: 'en' },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
      },
    };
  };
  const post = (update: unknown, secret = SECRET) =>
    captureEmf(() =>
      handler(httpEvent(JSON.stringify(update), { 'x-telegram-bot-api-secret-token': secret })),
    );

  it('logs one BotCommands per command, in one line of counts per request (not a CloudWatch metric)', async () => {
    const { result, emf } = await post(message(1, '/help'));
    expect(result.statusCode).toBe(200);
    expect(api.calls.some((c) => c.method === 'sendMessage' && c.params.chat_id === 1)).toBe(true);
    expect(emf).toHaveLength(1);
    expect(publishedIn(emf[0]!)).toEqual([]);
    expect(emf[0]).toMatchObject({
      message: 'counts',
      namespace: 'IaspnRelay/test',
      service: 'bot',
      BotCommands: 1,
    });
    expect(emf[0]).not.toHaveProperty('BotErrors');
  });

  it('counts a command whose reply fails as a command and an error', async () => {
    const { result, emf } = await post(message(BROKEN_CHAT, '/help'));
    expect(result.statusCode).toBe(200);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ BotCommands: 1, BotErrors: 1 });
  });

  it('counts a refused request (wrong secret) as an error', async () => {
    const { result, emf } = await post(message(1, '/help'), 'wrong-secret');
    expect(result.statusCode).toBe(401);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ BotErrors: 1 });
    expect(emf[0]).not.toHaveProperty('BotCommands');
  });
});
