import type { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config.js';
import { createSesMailer, EmailSendError } from '#shared/email/mailer.js';
import { headerValue } from '#shared/email/mime.js';

const config = loadConfig({
  IASPN_SES_RATE_PER_SECOND: '10',
  IASPN_SES_CONFIGURATION_SET: 'iaspn-relay-test',
});
const email = {
  from: 'IASPN <digest@example.org>',
  to: 'a@example.org',
  subject: 'Hello',
  text: 'hi',
  html: '<p>hi</p>',
};

/** A fake clock whose sleeps advance time instead of waiting. */
function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

describe('createSesMailer', () => {
  it('paces sends to the configured rate and passes the configuration set', async () => {
    const time = fakeTime();
    const sent: { at: number; input: SendRawEmailCommand['input'] }[] = [];
    const ses = {
      send: async (command: SendRawEmailCommand) => {
        sent.push({ at: time.now(), input: command.input });
        return { MessageId: `m-${sent.length}` };
      },
    };
    const mailer = createSesMailer(ses as never, config, { now: time.now, sleep: time.sleep });
    for (let i = 0; i < 5; i += 1) await mailer.send(email);
    expect(sent.map((s) => s.at)).toEqual([0, 100, 200, 300, 400]);
    expect(sent[0]?.input.ConfigurationSetName).toBe('iaspn-relay-test');
    expect(sent[0]?.input.Destinations).toEqual(['a@example.org']);
    expect(mailer.sent).toBe(5);
  });

  it('backs off and slows down when SES throttles, then succeeds', async () => {
    const time = fakeTime();
    let calls = 0;
    const ses = {
      send: async () => {
        calls += 1;
        if (calls <= 2)
          throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
        return { MessageId: 'ok' };
      },
    };
    const mailer = createSesMailer(ses as never, config, { now: time.now, sleep: time.sleep });
    expect(await mailer.send(email)).toEqual({ messageId: 'ok' });
    expect(calls).toBe(3);
    // Exponential: the second wait is longer than the first.
    const backoffs = time.sleeps.filter((ms) => ms > 150);
    expect(backoffs.length).toBeGreaterThanOrEqual(2);
    expect(backoffs[1]!).toBeGreaterThan(backoffs[0]!);
  });

  it('gives up after the attempts with a retryable error, and at once on a rejection', async () => {
    const time = fakeTime();
    const throttled = {
      send: async () => Promise.reject(Object.assign(new Error('slow down'), { name: 'Throttling' })),
    };
    const mailer = createSesMailer(throttled as never, config, {
      now: time.now,
      sleep: time.sleep,
      maxAttempts: 3,
    });
    await expect(mailer.send(email)).rejects.toMatchObject({ retryable: true });
    let calls = 0;
    const rejecting = {
      send: async () => {
        calls += 1;
        throw Object.assign(new Error('Email address is not verified'), { name: 'MessageRejected' });
      },
    };
    const error = await createSesMailer(rejecting as never, config, { now: time.now, sleep: time.sleep })
      .send(email)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect((error as EmailSendError).retryable).toBe(false);
    expect(calls).toBe(1);
  });
});

describe('headerValue', () => {
  it('cuts CR, LF and other controls so that no value can start a header', () => {
    expect(headerValue('Title\r\nBcc: x@example.org\u2028Next\u0000')).toBe('Title Bcc: x@example.org Next');
  });
});
