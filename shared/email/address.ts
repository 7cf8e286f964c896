import { domainToASCII } from 'node:url';

/**
 * Email addresses as the relay accepts them: one validator and one canonical form for every face
 * (the subscribe page, the bots, the CLI, bounce notices) and for every key (subscriptions, rate
 * limits, suppression).
 *
 * Why strict: `x\u0001victim@example.com` once passed a looser pattern, and the MIME layer turned
 * the control character into a space, so the message went to `victim@example.com`, past the
 * per-address rate limit and past its suppression. So an address is refused when it holds any
 * control character (C0, DEL, C1 with NEL), format character (zero-width, bidi), space or line
 * separator, an RFC 2047 encoded word (`=?…?=`), a quoted local part, an address literal
 * (`[1.2.3.4]`), or more than RFC 5321 allows (64 octets of local part, 63 of a label, 254 in all).
 * Local parts are ASCII dot-atoms (what SES sends to); domains may be written in Unicode and are
 * converted to punycode (UTS #46, `node:url`'s `domainToASCII`).
 */

export type EmailAddressResult = { ok: true; address: string } | { ok: false; reason: string };

/** RFC 5321 4.5.3.1: local part 64 octets; a path of 256 octets with its angle brackets. */
export const MAX_LOCAL_OCTETS = 64;
export const MAX_ADDRESS_OCTETS = 254;
const MAX_DOMAIN_OCTETS = 253;
/** Longer input is refused before any work on it. */
const MAX_INPUT_CHARS = 1_024;

/** Controls (C0, DEL, C1 with NEL), format characters (zero-width, bidi), any space or separator. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Z}\s]/u;
/** RFC 5322 atext, in dot-atom form. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Validates an address and returns its canonical form, or why it is refused (for logs and CLIs). */
export function parseEmailAddress(input: string): EmailAddressResult {
  if (input.length > MAX_INPUT_CHARS) return refuse('it is too long');
  const text = input.trim();
  if (HIDDEN.test(text)) return refuse('it contains a control, invisible or space character');
  if (text.includes('=?')) return refuse('it contains an encoded word (=?…?=)');
  if (text.includes('"')) return refuse('quoted local parts are not accepted');
  const at = text.indexOf('@');
  if (at < 0 || at !== text.lastIndexOf('@')) return refuse('it needs exactly one @');
  const local = text.slice(0, at);
  let domain = text.slice(at + 1);
  if (!DOT_ATOM.test(local)) return refuse('the part before @ has characters an address cannot have');
  if (local.length > MAX_LOCAL_OCTETS)
    return refuse(`the part before @ is longer than ${MAX_LOCAL_OCTETS} characters`);
  if (domain.startsWith('[')) return refuse('address literals ([1.2.3.4]) are not accepted');
  // `example.com.` is the same domain as `example.com`.
  if (domain.endsWith('.') && !domain.endsWith('..')) domain = domain.slice(0, -1);
  const ascii = domain === '' ? '' : domainToASCII(domain);
  if (ascii === '') return refuse('the domain is not a valid domain name');
  const labels = ascii.split('.');
  if (
    ascii.length > MAX_DOMAIN_OCTETS ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !TOP_LABEL.test(labels.at(-1) as string)
  )
    return refuse('the domain is not a valid domain name');
  const address = `${local.toLowerCase()}@${ascii}`;
  if (address.length > MAX_ADDRESS_OCTETS)
    return refuse(`it is longer than ${MAX_ADDRESS_OCTETS} characters`);
  return { ok: true, address };
}

const refuse = (reason: string): EmailAddressResult => ({ ok: false, reason });

export function isValidEmailAddress(input: string): boolean {
  return parseEmailAddress(input).ok;
}

/** The canonical form (lower-case, punycode domain), or undefined when the address is refused. */
export function canonicalEmailAddress(input: string): string | undefined {
  const parsed = parseEmailAddress(input);
  return parsed.ok ? parsed.address : undefined;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox a canonical address delivers to, as far as we can tell without asking its server:
 * the sub-address (`+tag`) dropped, and for Gmail the dots too. Keys what protects a person rather
 * than a spelling: the per-address rate limit and suppression (`victim+1@…` … `victim+25@…` are
 * one mailbox).
 */
export function mailboxOf(canonical: string): string {
  const at = canonical.lastIndexOf('@');
  let local = canonical.slice(0, at);
  let domain = canonical.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    local = local.replaceAll('.', '') || local;
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}
