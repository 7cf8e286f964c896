import { createSign, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createSnsVerifier, SNS_CERT_URL, type SnsMessage } from '#shared/email/sns.js';

const require = createRequire(import.meta.url);
const SnsPayloadValidator = require('sns-payload-validator') as new (
  options?: object,
) => {
  validate(payload: object): Promise<object>;
  certCache: { set(url: string, cert: string): void };
};

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const snsLikeUrl = `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${'a'.repeat(32)}.pem`;

function signed(fields: Partial<SnsMessage> = {}, version: '1' | '2' = '2'): SnsMessage {
  const message: SnsMessage = {
    Type: 'Notification',
    MessageId: 'id-1',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:feedback',
    Subject: null,
    Message: '{"notificationType":"Complaint"}',
    Timestamp: '2026-03-02T09:00:00.000Z',
    SignatureVersion: version,
    Signature: '',
    SigningCertURL: snsLikeUrl,
    ...fields,
  };
  const signer = createSign(version === '1' ? 'sha1WithRSAEncryption' : 'sha256WithRSAEncryption');
  for (const f of ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const) {
    const v = message[f];
    if (v !== undefined && v !== null) signer.update(`${f}\n${v}\n`);
  }
  return { ...message, Signature: signer.sign(privateKey, 'base64') };
}

describe('createSnsVerifier', () => {
  const verify = createSnsVerifier({ fetchCert: async () => pem });

  it('accepts a correctly signed message (versions 1 and 2), as sns-payload-validator does', async () => {
    for (const version of ['1', '2'] as const) {
      const message = signed({ Subject: 'Amazon SES Email Event Notification' }, version);
      await expect(verify(message)).resolves.toBe(message);
      const reference = new SnsPayloadValidator();
      reference.certCache.set(snsLikeUrl, pem);
      await expect(reference.validate({ ...message })).resolves.toBeTruthy();
    }
  });

  it('accepts Lambda’s SigningCertUrl spelling and a null Subject', async () => {
    const { SigningCertURL, ...rest } = signed();
    await expect(verify({ ...rest, SigningCertUrl: SigningCertURL })).resolves.toBeTruthy();
  });

  it('rejects an altered message or a bad signature', async () => {
    await expect(verify({ ...signed(), Message: '{"notificationType":"Bounce"}' })).rejects.toThrow(
      /does not match/,
    );
    await expect(verify({ ...signed(), Signature: 'AAAA' })).rejects.toThrow();
  });

  it('in production, fetches certificates only from https SNS hosts', async () => {
    let fetched = 0;
    const production = createSnsVerifier({
      fetchCert: async () => {
        fetched += 1;
        return pem;
      },
    });
    for (const url of [
      'http://sns.us-east-1.amazonaws.com/SimpleNotificationService-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pem',
      'https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pem',
      'https://evil.example/SimpleNotificationService-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pem',
      'http://127.0.0.1:8080/cert.pem',
    ]) {
      expect(SNS_CERT_URL.test(url)).toBe(false);
      await expect(production(signed({ SigningCertURL: url }))).rejects.toThrow(/not an SNS certificate/);
    }
    expect(fetched).toBe(0);
    await expect(production(signed())).resolves.toBeTruthy();
    expect(fetched).toBe(1);
  });
});
