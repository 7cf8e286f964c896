import { createVerify } from 'node:crypto';
import { getKeys } from 'sns-payload-validator/lib/keys.js';
import { RelayError } from '../errors.js';

/**
 * Verifies the signature of an SNS message (SES bounce and complaint notifications), as AWS
 * documents it: the canonical string of the message's fields (the list comes from
 * sns-payload-validator, so it matches the reference implementation), signed with SHA1 (version 1)
 * or SHA256 (version 2) by the key in the certificate at SigningCertURL. In production that URL must
 * be an https `sns.<region>.amazonaws.com` certificate (the same pattern the library enforces);
 * tests inject a policy that accepts their local certificate server, and nothing else changes.
 */

export class SnsSignatureError extends RelayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('sns_signature_invalid', message, options);
    this.name = 'SnsSignatureError';
  }
}

/** The fields an SNS message carries (HTTP spelling and Lambda's `SigningCertUrl` both accepted). */
export interface SnsMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string | null;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL?: string;
  SigningCertUrl?: string;
  SubscribeURL?: string;
  Token?: string;
}

/** The production policy: https, an SNS host of an AWS partition, a SimpleNotificationService .pem. */
export const SNS_CERT_URL =
  /^https:\/\/sns\.[a-zA-Z0-9-]{3,}\.amazonaws\.com(\.cn)?\/SimpleNotificationService-[a-zA-Z0-9]{32}\.pem$/;

export interface SnsVerifierOptions {
  /** Which certificate URLs may be fetched. @default the SNS host pattern */
  isAllowedCertUrl?: (url: string) => boolean;
  /** Fetches a certificate (PEM). @default fetch with a 5 s timeout */
  fetchCert?: (url: string) => Promise<string>;
}

async function defaultFetchCert(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'error' });
  if (!res.ok) throw new SnsSignatureError(`Signing certificate fetch failed with HTTP ${res.status}`);
  return res.text();
}

export function createSnsVerifier(options: SnsVerifierOptions = {}) {
  const allowed = options.isAllowedCertUrl ?? ((url: string) => SNS_CERT_URL.test(url));
  const fetchCert = options.fetchCert ?? defaultFetchCert;
  const certs = new Map<string, Promise<string>>();

  return async function verify(message: SnsMessage): Promise<SnsMessage> {
    if (message.SignatureVersion !== '1' && message.SignatureVersion !== '2')
      throw new SnsSignatureError('Unknown SNS SignatureVersion');
    const certUrl = message.SigningCertURL ?? message.SigningCertUrl ?? '';
    if (!allowed(certUrl))
      throw new SnsSignatureError('The signing certificate URL is not an SNS certificate');
    let fields: string[];
    try {
      fields = getKeys(message.Type);
    } catch (cause) {
      throw new SnsSignatureError('Unknown SNS message type', { cause });
    }
    const verifier = createVerify(
      message.SignatureVersion === '1' ? 'sha1WithRSAEncryption' : 'sha256WithRSAEncryption',
    );
    const record = message as unknown as Record<string, unknown>;
    for (const field of fields) {
      const value = record[field];
      // Lambda sets a missing Subject to null; it is not part of the signed string then.
      if (value === undefined || value === null) continue;
      verifier.update(`${field}\n${String(value)}\n`);
    }
    let pending = certs.get(certUrl);
    if (!pending) {
      pending = fetchCert(certUrl);
      certs.set(certUrl, pending);
      pending.catch(() => certs.delete(certUrl));
    }
    const cert = await pending;
    let ok = false;
    try {
      ok = verifier.verify(cert, message.Signature ?? '', 'base64');
    } catch (cause) {
      throw new SnsSignatureError('The SNS signature could not be checked', { cause });
    }
    if (!ok) throw new SnsSignatureError('The SNS signature does not match');
    return message;
  };
}

export type SnsVerifier = ReturnType<typeof createSnsVerifier>;
