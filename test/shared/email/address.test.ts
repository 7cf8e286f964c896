import { describe, expect, it } from 'vitest';
import { canonicalEmailAddress, mailboxOf, parseEmailAddress } from '#shared/email/address.js';

/**
 * Regression (issue 13.2): `x\u0001victim@example.com` passed validation and the MIME layer turned
 * the control character into a space, so mail went to `victim@example.com` past its rate limit and
 * its suppression. These are the spellings an outsider tries.
 */

/** Spellings that hide another address, or that no mail system should be handed. */
const HIDING_SPELLINGS = [
  'x\u0001victim@example.com',
  'victim\u0000@example.com',
  'vic\u0007tim@example.com',
  'victim\u001b@example.com',
  'x\u007fvictim@example.com',
  'x\u0085victim@example.com',
  'x\u009bvictim@example.com',
  'x\u00a0victim@example.com',
  'x\u200bvictim@example.com',
  'x\u202evictim@example.com',
  'x\u2028victim@example.com',
  'x\tvictim@example.com',
  'x victim@example.com',
  'x\r\nBcc: victim@example.com',
  'victim@example.com\r\nBcc: other@example.com',
  '=?utf-8?q?x=01victim?=@example.com',
  '=?utf-8?b?dmljdGlt?=@example.com',
  '"x\u0001"victim@example.com',
  '"x victim"@example.com',
  'x@y@victim@example.com',
  'victim@[127.0.0.1]',
  'victim@example..com',
  '.victim@example.com',
  'victim.@example.com',
  'victim@-example.com',
];

describe('parseEmailAddress', () => {
  it.each(HIDING_SPELLINGS)('refuses %j', (spelling) => {
    const parsed = parseEmailAddress(spelling);
    expect(parsed.ok).toBe(false);
  });

  it('says why an address is refused', () => {
    expect(parseEmailAddress('x\u0001victim@example.com')).toEqual({
      ok: false,
      reason: 'it contains a control, invisible or space character',
    });
    expect(parseEmailAddress('=?utf-8?q?v?=@example.com')).toEqual({
      ok: false,
      reason: 'it contains an encoded word (=?…?=)',
    });
  });

  it('holds to RFC 5321 lengths: 64 octets before @, 63 a label, 254 in all', () => {
    expect(parseEmailAddress(`${'a'.repeat(64)}@example.com`).ok).toBe(true);
    expect(parseEmailAddress(`${'a'.repeat(65)}@example.com`).ok).toBe(false);
    expect(parseEmailAddress(`a@${'b'.repeat(63)}.com`).ok).toBe(true);
    expect(parseEmailAddress(`a@${'b'.repeat(64)}.com`).ok).toBe(false);
    const domain = `${Array.from({ length: 4 }, () => 'c'.repeat(60)).join('.')}.com`;
    expect(parseEmailAddress(`${'a'.repeat(10)}@${domain}`).ok).toBe(false);
    expect(parseEmailAddress(`a@${'x'.repeat(5_000)}.com`).ok).toBe(false);
  });

  it('accepts ordinary addresses, with sub-addresses and the atext an address may have', () => {
    for (const address of [
      'ana.perez@midis.gob.pe',
      'news+iaspn@example.org',
      "o'brien@example.ie",
      'a_b-c@x.co',
    ])
      expect(parseEmailAddress(address)).toEqual({ ok: true, address });
  });
});

describe('canonicalEmailAddress: one form for every spelling of an address', () => {
  it.each([
    ['Victim@Example.COM', 'victim@example.com'],
    ['  victim@example.com\n', 'victim@example.com'],
    ['victim@example.com.', 'victim@example.com'],
    ['victim@ＥＸＡＭＰＬＥ．com', 'victim@example.com'],
    ['josé@example.com', undefined],
    ['maria@correos.perú', 'maria@correos.xn--per-boa'],
    ['maria@CORREOS.PERÚ', 'maria@correos.xn--per-boa'],
    ['info@bücher.de', 'info@xn--bcher-kva.de'],
  ])('%j → %j', (input, canonical) => {
    expect(canonicalEmailAddress(input)).toBe(canonical);
  });
});

describe('mailboxOf: what rate limits and suppression key on', () => {
  it('drops the sub-address, and Gmail’s dots', () => {
    expect(mailboxOf('victim+1@example.com')).toBe('victim@example.com');
    expect(mailboxOf('victim@example.com')).toBe('victim@example.com');
    expect(mailboxOf('+only@example.com')).toBe('+only@example.com');
    expect(mailboxOf('v.i.c.t.i.m+x@googlemail.com')).toBe('victim@gmail.com');
    expect(mailboxOf('v.i.c@example.com')).toBe('v.i.c@example.com');
  });
});
