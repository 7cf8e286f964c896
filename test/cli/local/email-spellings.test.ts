import { describe, expect, it } from 'vitest';
import { RATE_LIMITS, suppress } from '#shared/digest/subscriptions.js';
import { request, useLocalHttp } from '../../helpers/local-http.js';

/**
 * Regression (issue 13.2), against the local stack's HTTP server, dynalite and aws-ses-v2-local:
 * 25 spellings of one address from each of two IPs once delivered 40 confirmations to a mailbox
 * whose limit is 3 a day, and a suppressed address still got mail, because a control character
 * passed validation and became a space in the MIME layer. Addresses are now validated strictly
 * and rate limits and suppression key on one canonical mailbox.
 */

/** 25 spellings of `who@example.com`: hidden characters, encoded words, quoting, case, IDN, tags. */
function spellings(who: string): string[] {
  return [
    `x\u0001${who}@example.com`,
    `${who}\u0000@example.com`,
    `x\u007f${who}@example.com`,
    `x\u0085${who}@example.com`,
    `x\u009b${who}@example.com`,
    `x\u00a0${who}@example.com`,
    `x\u200b${who}@example.com`,
    `x\u2028${who}@example.com`,
    `x\t${who}@example.com`,
    `x ${who}@example.com`,
    `=?utf-8?q?x=01${who}?=@example.com`,
    `"x\u0001"${who}@example.com`,
    `"x ${who}"@example.com`,
    `${who}@example.com\r\nBcc: ${who}@example.com`,
    `${who.toUpperCase()}@EXAMPLE.COM`,
    `${who}@Example.Com`,
    `${who}@example.com.`,
    `${who}@ＥＸＡＭＰＬＥ．com`,
    ` ${who}@example.com `,
    `${who}+1@example.com`,
    `${who}+2@example.com`,
    `${who}+news@example.com`,
    `${who.toUpperCase()}+X@example.com`,
    `${who}+\u0001@example.com`,
    `${who}@example.com`,
  ];
}

const local = useLocalHttp();

/** Fills and posts the subscribe form as a browser on `from` would. */
async function subscribeFrom(from: string, email: string): Promise<number> {
  const page = await request(`${local.stack.base}/email/subscribe`, { from });
  const form = /name="form" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const res = await request(`${local.stack.base}/email/subscribe`, {
    method: 'POST',
    from,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: local.stack.base,
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams({ email, form, language: 'en', frequency: 'weekly' }).toString(),
  });
  return res.status;
}

const mailTo = async (who: string) =>
  (await local.services.sentEmails()).filter((e) =>
    e.destination.to.some((to) =>
      to
        .toLowerCase()
        .replace(/[^a-z@.]/g, '')
        .includes(`${who}@example.com`),
    ),
  );

describe('every spelling of an address is one mailbox', () => {
  it('25 spellings from each of two IPs deliver at most the daily limit', async () => {
    const statuses: number[] = [];
    for (const from of ['127.0.0.1', '127.0.0.2'])
      for (const email of spellings('victim')) statuses.push(await subscribeFrom(from, email));
    // Hidden characters are refused outright (400); the valid spellings hit the mailbox's limit (429).
    expect(statuses.filter((s) => s === 400).length).toBe(2 * 15);
    expect(statuses.filter((s) => s === 429).length).toBe(2 * 10 - RATE_LIMITS.perAddress.max);
    const delivered = await mailTo('victim');
    expect(delivered.length).toBe(RATE_LIMITS.perAddress.max);
    expect(
      delivered.every((e) => /^victim(\+[a-z0-9]+)?@example\.com$/.test(e.destination.to[0] as string)),
    ).toBe(true);
  });

  it('a suppressed address gets nothing, under any spelling', async () => {
    await suppress(local.stack.runtime, 'Quiet@Example.com', 'complaint');
    for (const from of ['127.0.0.3', '127.0.0.4'])
      for (const email of spellings('quiet')) await subscribeFrom(from, email);
    expect(await mailTo('quiet')).toEqual([]);
  });
});
