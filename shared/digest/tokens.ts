import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RelayConfig } from '../config.js';
import { ConfigError } from '../errors.js';

/**
 * Signed, expiring tokens for the links and forms of the subscription pages: `payload.signature`,
 * both base64url, HMAC-SHA256 over the purpose and the payload, then `.keyId` when the signing key
 * has an id (deployed: the email-token secret, see shared/secrets.ts). A token for one purpose never
 * passes for another. Tokens carry a subscription id, never an address. Rotation: a new current
 * key signs new links; links signed with any key still listed verify until they expire.
 */

/** The signing keys by id (`''`: the key without an id) and the id of the current one. */
export interface TokenKeys {
  readonly current: string;
  readonly keys: Readonly<Record<string, string>>;
}

/** A single key (tests, tools) or the keyring of the configuration. */
export type TokenSecret = string | TokenKeys;

const keyring = (secret: TokenSecret): TokenKeys =>
  typeof secret === 'string' ? { current: '', keys: { '': secret } } : secret;

export type TokenPurpose =
  /** Confirm a pending subscription (double opt-in). */
  | 'confirm'
  /** Open and save the preferences page; the anti-CSRF token of its form. */
  | 'manage'
  /** One-click unsubscribe (List-Unsubscribe) and the unsubscribe page. */
  | 'unsubscribe'
  /** The anonymous subscribe form's anti-CSRF token. */
  | 'subscribe-form'
  /** The "all resources of this digest" page: carries the digest's window. */
  | 'digest'
  /** Publish an offer or request submitted on the web (shared/coop/web): the held submission's id. */
  | 'coop-confirm'
  /** The cooperation submission form's anti-CSRF token. */
  | 'coop-form';

export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  confirm: 3 * 86_400,
  manage: 60 * 86_400,
  // Old digests stay in inboxes: their unsubscribe links keep working for a year.
  unsubscribe: 365 * 86_400,
  'subscribe-form': 2 * 3_600,
  digest: 60 * 86_400,
  'coop-confirm': 3 * 86_400,
  'coop-form': 2 * 3_600,
};

export interface TokenClaims {
  /** Subscription id (or `-` for the anonymous subscribe form). */
  sub: string;
  /** Expiry, epoch seconds. */
  exp: number;
  /** Optional extra data (the digest window). */
  data?: Record<string, string>;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export function requireTokenSecret(config: RelayConfig): TokenKeys {
  const keys = config.email.tokenKeys;
  if (!keys) {
    throw new ConfigError(
      'IASPN_TOKEN_SECRET (or, deployed, the email-token secret) is required for email subscriptions and digests',
    );
  }
  return keys;
}

function mac(secret: string, purpose: TokenPurpose, payload: string): Buffer {
  return createHmac('sha256', secret).update(`iaspn:${purpose}:${payload}`).digest();
}

export function signToken(
  secret: TokenSecret,
  purpose: TokenPurpose,
  claims: { sub: string; data?: Record<string, string> },
  now: Date,
): string {
  const body: TokenClaims = {
    sub: claims.sub,
    exp: Math.floor(now.getTime() / 1000) + TOKEN_LIFETIME_SECONDS[purpose],
    ...(claims.data ? { data: claims.data } : {}),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  const { current, keys } = keyring(secret);
  const signed = `${payload}.${mac(keys[current]!, purpose, payload).toString('base64url')}`;
  return current ? `${signed}.${current}` : signed;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]{1,32})?$/;

export function verifyToken(
  secret: TokenSecret,
  purpose: TokenPurpose,
  token: string | undefined,
  now: Date,
): TokenCheck {
  // Exactly the alphabet and shape signToken writes: base64url decoding skips characters it does
  // not know, so `token!!~~` would otherwise pass as `token`.
  if (!token || token.length > 2048 || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const [payload, signature, keyId = ''] = token.split('.') as [string, string, string?];
  const key = Object.hasOwn(keyring(secret).keys, keyId) ? keyring(secret).keys[keyId] : undefined;
  if (!key) return { ok: false, reason: 'invalid' };
  const expected = mac(key, purpose, payload);
  const given = Buffer.from(signature, 'base64url');
  // One spelling per signature: the spare bits of the last character must be the ones we write.
  if (
    given.length !== expected.length ||
    given.toString('base64url') !== signature ||
    !timingSafeEqual(given, expected)
  )
    return { ok: false, reason: 'invalid' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
    return { ok: false, reason: 'invalid' };
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
