import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RelayConfig } from '../config.js';
import { ConfigError } from '../errors.js';

/**
 * Signed, expiring tokens for the links and forms of the subscription pages: `payload.signature`,
 * both base64url, HMAC-SHA256 over the purpose and the payload with IASPN_TOKEN_SECRET. A token for
 * one purpose never passes for another. Tokens carry a subscription id, never an address.
 */

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
  | 'digest';

export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  confirm: 3 * 86_400,
  manage: 60 * 86_400,
  // Old digests stay in inboxes: their unsubscribe links keep working for a year.
  unsubscribe: 365 * 86_400,
  'subscribe-form': 2 * 3_600,
  digest: 60 * 86_400,
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

export function requireTokenSecret(config: RelayConfig): string {
  const secret = config.email.tokenSecret;
  if (!secret) throw new ConfigError('IASPN_TOKEN_SECRET is required for email subscriptions and digests');
  return secret;
}

function mac(secret: string, purpose: TokenPurpose, payload: string): Buffer {
  return createHmac('sha256', secret).update(`iaspn:${purpose}:${payload}`).digest();
}

export function signToken(
  secret: string,
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
  return `${payload}.${mac(secret, purpose, payload).toString('base64url')}`;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function verifyToken(
  secret: string,
  purpose: TokenPurpose,
  token: string | undefined,
  now: Date,
): TokenCheck {
  // Exactly the alphabet and shape signToken writes: base64url decoding skips characters it does
  // not know, so `token!!~~` would otherwise pass as `token`.
  if (!token || token.length > 2048 || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const [payload, signature] = token.split('.') as [string, string];
  const expected = mac(secret, purpose, payload);
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
