import { WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { Gate } from '#shared/announce/pacing.js';
import { TELEGRAM_PACE } from '#shared/announce/senders.js';
import { classifySlackError } from '#shared/announce/slack-sender.js';
import { classifyTelegramError } from '#shared/announce/telegram-sender.js';
import { telegramChat, virtualTimer } from './helpers.js';

describe('pacing', () => {
  it("keeps Telegram's 30 messages a second across every chat", async () => {
    const timer = virtualTimer();
    const gate = new Gate(TELEGRAM_PACE.globalMs, timer);
    const passed: number[] = [];
    await Promise.all(Array.from({ length: 90 }, () => gate.pass().then(() => passed.push(timer.now()))));
    passed.sort((a, b) => a - b);
    for (let i = 1; i < passed.length; i += 1)
      expect(passed[i]! - passed[i - 1]!).toBeGreaterThanOrEqual(1000 / 30);
    // Any one-second window holds at most 30.
    for (let i = 30; i < passed.length; i += 1)
      expect(passed[i]! - passed[i - 30]!).toBeGreaterThanOrEqual(1000);
  });

  it('spaces posts in a Telegram group by 3 s (20 a minute), in a private chat by 1 s', () => {
    expect(TELEGRAM_PACE.perChannelMs(telegramChat('-1001234'))).toBe(3000);
    expect(TELEGRAM_PACE.perChannelMs(telegramChat('4242'))).toBe(1000);
  });
});

describe('send errors', () => {
  it('tells rate limits, broken channels and other failures apart', () => {
    expect(classifySlackError(new WebAPIRateLimitedError(7))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterMs: 7000 },
    });
    for (const code of ['not_in_channel', 'channel_not_found', 'is_archived'])
      expect(classifySlackError(new WebAPIPlatformError({ ok: false, error: code })).kind).toBe('broken');
    expect(classifySlackError(new WebAPIPlatformError({ ok: false, error: 'invalid_blocks' })).kind).toBe(
      'failed',
    );
    const tg = (code: number, description: string, parameters?: { retry_after: number }) =>
      classifyTelegramError(new TelegramError({ error_code: code, description, parameters }));
    expect(tg(429, 'Too Many Requests: retry after 12', { retry_after: 12 })).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterMs: 12_000 },
    });
    expect(tg(403, 'Forbidden: bot was blocked by the user').kind).toBe('broken');
    expect(tg(400, 'Bad Request: chat not found').kind).toBe('broken');
    expect(tg(502, 'Bad Gateway').kind).toBe('failed');
  });
});
