import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscriptionHandler } from '#shared/digest/http.js';
import {
  handleSesEventBridgeEvent,
  handleSnsEvent,
  SES_EVENT_DETAIL_TYPES,
  type SesEventBridgeEvent,
} from '#shared/digest/notifications.js';
import { claimDigest, runDigest } from '#shared/digest/run.js';
import { getSubscription, startSubscription } from '#shared/digest/subscriptions.js';
import { createSnsVerifier, type SnsMessage } from '#shared/email/sns.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { keys } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import {
  captureRawEmails,
  formBody,
  httpEvent,
  jsonFormToken,
  makeResource,
  movableClock,
  storeResources,
} from './helpers.js';

let services: TestServices;
let sns: {
  server: Server;
  certUrl: string;
  sign: (m: Omit<SnsMessage, 'Signature' | 'SigningCertURL'>) => SnsMessage;
};

beforeAll(async () => {
  services = await startTestServices();
  // A local SNS stand-in: a test signing key, its public key served over HTTP like SNS's certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const server = createServer((_req, res) => res.end(pem));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const certUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/SimpleNotificationService-test.pem`;
  sns = {
    server,
    certUrl,
    sign(message) {
      const signer = createSign('sha256WithRSAEncryption');
      for (const field of ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const) {
        const value = message[field];
        if (value !== undefined && value !== null) signer.update(`${field}\n${value}\n`);
      }
      return { ...message, SigningCertURL: certUrl, Signature: signer.sign(privateKey, 'base64') };
    },
  };
});

afterAll(async () => {
  await new Promise((resolve) => sns.server.close(resolve));
  await services.close();
});

async function emailsTo(address: string) {
  return (await services.sentEmails()).filter((e) => e.destination.to.some((to) => to.includes(address)));
}

const tokenIn = (text: string, path: string) => {
  const match = new RegExp(`(https?://[^\\s"<>]+/email/${path}\\?token=[A-Za-z0-9_.-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
};

async function subscribeAndConfirm(
  runtime: Runtime,
  email: string,
  body: Record<string, unknown>,
): Promise<void> {
  const handler = createSubscriptionHandler(runtime);
  const res = await handler(
    httpEvent('POST', '/email/subscribe', {
      contentType: 'application/json',
      body: JSON.stringify({ email, form: await jsonFormToken(handler), ...body }),
    }),
  );
  expect(res.statusCode).toBe(202);
  const [confirmation] = (await emailsTo(email)).slice(-1);
  const link = tokenIn(confirmation?.body.text ?? '', 'confirm');
  // GET shows a button and changes nothing (mail scanners follow links).
  const page = await handler(httpEvent('GET', link));
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<form method="post" action="/email/confirm">');
  expect((await getSubscription(runtime, email))?.status).toBe('pending');
  const token = new URL(link).searchParams.get('token') as string;
  const done = await handler(
    httpEvent('POST', '/email/confirm', {
      contentType: 'application/x-www-form-urlencoded',
      body: formBody({ token }),
    }),
  );
  expect(done.statusCode).toBe(200);
  expect((await getSubscription(runtime, email))?.status).toBe('confirmed');
}

describe('the email digest lifecycle against dynalite and the SES emulator', () => {
  it('subscribes, confirms, sends a matching digest once, unsubscribes in one click, then sends no more', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({ IASPN_PUBLIC_URL: 'https://relay.example.org' }, clock);
    const raw = captureRawEmails(await runtime.ses());
    const email = 'ana.lifecycle@example.org';

    await subscribeAndConfirm(runtime, email, {
      language: 'es',
      frequency: 'daily',
      filter: { topics: ['conditional-cash-transfers'] },
    });
    const confirmation = (await emailsTo(email))[0];
    expect(confirmation?.subject).toBe('Confirme su suscripción al resumen de la RIPSO');

    clock.set('2026-03-02T12:00:00.000Z');
    await storeResources(runtime.store, [
      makeResource({
        id: 'cct-doc',
        title: 'Transferencias monetarias condicionadas en Perú',
        topics: ['conditional-cash-transfers'],
        firstSeenAt: '2026-03-02T11:00:00.000Z',
        language: 'es',
      }),
      makeResource({
        id: 'cct-event',
        type: 'event',
        title: 'CCT webinar',
        topics: ['conditional-cash-transfers'],
        firstSeenAt: '2026-03-02T11:30:00.000Z',
      }),
      makeResource({
        id: 'housing-news',
        type: 'news',
        title: 'Housing programme news',
        topics: ['housing'],
        firstSeenAt: '2026-03-02T11:45:00.000Z',
      }),
    ]);

    // Not due yet on the day of confirmation.
    expect((await runDigest(runtime)).sent).toBe(0);

    clock.set('2026-03-03T00:30:00.000Z');
    const first = await runDigest(runtime);
    expect(first).toMatchObject({ due: 1, sent: 1, empty: 0, skipped: 0, failed: 0 });

    const digests = (await emailsTo(email)).filter((e) => e.subject.startsWith('Resumen RIPSO'));
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.body.html).toContain('Transferencias monetarias condicionadas en Perú');
    expect(digest.body.html).toContain('CCT webinar');
    expect(digest.body.html).not.toContain('Housing programme news');
    expect(digest.body.text).toContain('== Documentos ==');
    expect(digest.body.text).toContain('== Eventos ==');

    const parsed = await simpleParser(raw.raw.at(-1) as Buffer);
    const headerLine = (name: string) =>
      parsed.headerLines
        .find((h) => h.key === name)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, ' ');
    const listUnsubscribe = String(headerLine('list-unsubscribe'));
    expect(listUnsubscribe).toMatch(/^<https:\/\/relay\.example\.org\/email\/unsubscribe\?token=[\w.-]+>$/);
    expect(headerLine('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // mailparser's own reading of the RFC 2369 header: the https URL, and no mailto nothing would read.
    const list = parsed.headers.get('list') as { unsubscribe?: { url?: string; mail?: string } };
    expect(list.unsubscribe?.url).toMatch(/^https:\/\/relay\.example\.org\/email\/unsubscribe\?token=/);
    expect(list.unsubscribe?.mail).toBeUndefined();
    expect(parsed.subject).toBe(digest.subject);

    // A second run in the same period sends nothing.
    clock.set('2026-03-03T05:00:00.000Z');
    expect(await runDigest(runtime)).toMatchObject({ sent: 0 });

    // RFC 8058 one-click: a POST to the header's URL with the one-click body, no cookie, twice.
    const unsubscribeUrl = /<(https:[^>]+)>/.exec(listUnsubscribe)?.[1] as string;
    const handler = createSubscriptionHandler(runtime);
    for (let i = 0; i < 2; i += 1) {
      const res = await handler(
        httpEvent('POST', unsubscribeUrl, {
          contentType: 'application/x-www-form-urlencoded',
          body: 'List-Unsubscribe=One-Click',
        }),
      );
      expect(res.statusCode).toBe(200);
    }
    expect((await getSubscription(runtime, email))?.status).toBe('unsubscribed');

    clock.set('2026-03-03T12:00:00.000Z');
    await storeResources(runtime.store, [
      makeResource({
        id: 'cct-later',
        topics: ['conditional-cash-transfers'],
        firstSeenAt: '2026-03-03T11:00:00.000Z',
      }),
    ]);
    clock.set('2026-03-04T00:30:00.000Z');
    expect(await runDigest(runtime)).toMatchObject({ due: 0, sent: 0 });
    expect((await emailsTo(email)).filter((e) => e.subject.startsWith('Resumen RIPSO'))).toHaveLength(1);
  });

  it('a GET of the unsubscribe link shows a button and never unsubscribes by itself', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    const email = 'scanner@example.org';
    await subscribeAndConfirm(runtime, email, { frequency: 'daily' });
    const { unsubscribeUrl } = await import('#shared/digest/compose.js').then((m) =>
      m.subscriptionLinks(runtime.config, 'test-token-secret', keys.subscription(email).pk.slice(4), clock()),
    );
    const res = await createSubscriptionHandler(runtime)(httpEvent('GET', unsubscribeUrl));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form method="post" action="/email/unsubscribe">');
    expect((await getSubscription(runtime, email))?.status).toBe('confirmed');
  });

  it('a signed SNS permanent bounce suppresses the address; a forged one changes nothing', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    const email = 'bouncy@example.org';
    await subscribeAndConfirm(runtime, email, { frequency: 'daily' });
    const verify = createSnsVerifier({ isAllowedCertUrl: (url) => url === sns.certUrl });
    const bounce = (type: string, id: string) =>
      sns.sign({
        Type: 'Notification',
        MessageId: id,
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:iaspn-ses',
        Message: JSON.stringify({
          notificationType: 'Bounce',
          bounce: { bounceType: type, bouncedRecipients: [{ emailAddress: `Bouncy <${email}>` }] },
        }),
        Timestamp: '2026-03-02T09:01:00.000Z',
        SignatureVersion: '2',
      });

    const transient = await handleSnsEvent(runtime, verify, {
      Records: [{ Sns: bounce('Transient', 'm-1') }],
    } as never);
    expect(transient.transient).toBe(1);
    expect(await getSubscription(runtime, email)).toMatchObject({ status: 'confirmed', transientBounces: 1 });

    const forged = {
      ...bounce('Permanent', 'm-2'),
      Message: JSON.stringify({ notificationType: 'Complaint' }),
    };
    const rejected = await handleSnsEvent(runtime, verify, { Records: [{ Sns: forged }] } as never);
    expect(rejected.rejected).toBe(1);
    expect((await getSubscription(runtime, email))?.status).toBe('confirmed');

    const permanent = await handleSnsEvent(runtime, verify, {
      Records: [{ Sns: bounce('Permanent', 'm-3') }],
    } as never);
    expect(permanent.suppressed).toBe(1);
    expect(await getSubscription(runtime, email)).toMatchObject({
      status: 'suppressed',
      suppressReason: 'bounce',
    });

    // Suppressed addresses are never mailed again, and the requester cannot tell.
    const before = (await emailsTo(email)).length;
    expect(await startSubscription(runtime, { email, source: 'test' })).toEqual({ status: 'sent' });
    expect((await emailsTo(email)).length).toBe(before);
  });

  it('SES events from EventBridge: a complaint and a permanent bounce suppress, each event id applies once', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    const complainer = 'complainer@example.org';
    const bouncer = 'eb-bouncy@example.org';
    await subscribeAndConfirm(runtime, complainer, { frequency: 'daily' });
    await subscribeAndConfirm(runtime, bouncer, { frequency: 'daily' });
    // As the configuration set's EventBridge destination delivers them: the SES record is `detail`.
    const sesEvent = (id: string, detailType: string, detail: object) =>
      ({
        version: '0',
        id,
        'detail-type': detailType,
        source: 'aws.ses',
        account: '123456789012',
        time: '2026-03-02T09:01:00Z',
        region: 'us-east-1',
        resources: [],
        detail: { ...detail, mail: { tags: { 'ses:configuration-set': ['iaspn-relay-test'] } } },
      }) as SesEventBridgeEvent;
    const complaint = sesEvent('e-1', 'Email Complaint Received', {
      eventType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: complainer }] },
    });
    const transient = sesEvent('e-2', 'Email Bounced', {
      eventType: 'Bounce',
      bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: bouncer }] },
    });

    expect(await handleSesEventBridgeEvent(runtime, complaint)).toMatchObject({ suppressed: 1 });
    expect(await getSubscription(runtime, complainer)).toMatchObject({
      status: 'suppressed',
      suppressReason: 'complaint',
    });
    expect(await handleSesEventBridgeEvent(runtime, transient)).toMatchObject({ transient: 1 });
    // EventBridge delivers at least once: the same event again changes nothing.
    expect(await handleSesEventBridgeEvent(runtime, transient)).toMatchObject({
      duplicates: 1,
      transient: 0,
    });
    expect(await getSubscription(runtime, bouncer)).toMatchObject({
      status: 'confirmed',
      transientBounces: 1,
    });

    const permanent = sesEvent('e-3', 'Email Bounced', {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: `Bouncy <${bouncer}>` }] },
    });
    expect(await handleSesEventBridgeEvent(runtime, permanent)).toMatchObject({ suppressed: 1 });
    expect(await getSubscription(runtime, bouncer)).toMatchObject({
      status: 'suppressed',
      suppressReason: 'bounce',
    });
    // Another source on the bus is not an SES event.
    expect(
      await handleSesEventBridgeEvent(runtime, { ...permanent, id: 'e-4', source: 'aws.other' }),
    ).toMatchObject({ ignored: 1, suppressed: 0 });
  });

  it('an SES reject from EventBridge is logged at ERROR (the ErrorLines alarm) and suppresses nobody', async () => {
    const base = await services.newRuntime({}, movableClock('2026-03-02T09:00:00.000Z'));
    const errors: { message: string; data?: Record<string, unknown> }[] = [];
    const runtime: Runtime = {
      ...base,
      log: { debug() {}, info() {}, warn() {}, error: (message, data) => errors.push({ message, data }) },
    };
    const reader = 'rejected-reader@example.org';
    await subscribeAndConfirm(runtime, reader, { frequency: 'daily' });
    const reject = {
      version: '0',
      id: 'r-1',
      'detail-type': 'Email Rejected',
      source: 'aws.ses',
      account: '123456789012',
      time: '2026-03-02T09:01:00Z',
      region: 'us-east-1',
      resources: [],
      detail: {
        eventType: 'Reject',
        mail: { messageId: 'ses-42', tags: { 'ses:configuration-set': ['iaspn-relay-test'] } },
        reject: { reason: 'Bad content' },
      },
    } as SesEventBridgeEvent;
    expect(SES_EVENT_DETAIL_TYPES).toContain(reject['detail-type']);
    expect(await handleSesEventBridgeEvent(runtime, reject)).toMatchObject({ sesRejects: 1, suppressed: 0 });
    expect(errors).toEqual([
      { message: 'SES rejected a message', data: { sesMessageId: 'ses-42', reason: 'Bad content' } },
    ]);
    expect(await getSubscription(runtime, reader)).toMatchObject({ status: 'confirmed' });
    // Delivered again: applied once, logged once.
    expect(await handleSesEventBridgeEvent(runtime, reject)).toMatchObject({ duplicates: 1, sesRejects: 0 });
    expect(errors).toHaveLength(1);
  });

  it('a run killed after the send but before moving the subscriber on sends nothing again', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    const email = 'sent-not-moved@example.org';
    await subscribeAndConfirm(runtime, email, { frequency: 'daily' });
    await storeResources(runtime.store, [
      makeResource({ id: 'snm-doc', firstSeenAt: '2026-03-02T10:00:00.000Z' }),
    ]);
    clock.set('2026-03-03T00:30:00.000Z');
    const id = keys.subscription(email).pk.slice(4);
    // What that run leaves: the claim marked sent, the subscription still due.
    const key = keys.delivery('digest', id, 'D2026-03-03');
    await runtime.store.put({
      ...key,
      state: 'sent',
      until: '2026-03-03T00:20:00.000Z',
      expiresAt: 4102444800,
    });
    const before = (await emailsTo(email)).length;
    expect(await runDigest(runtime)).toMatchObject({ due: 1, sent: 0, skipped: 1 });
    expect((await emailsTo(email)).length).toBe(before);
    expect(await getSubscription(runtime, email)).toMatchObject({
      lastDigestAt: '2026-03-03T00:20:00.000Z',
      lastPeriod: 'D2026-03-03',
      nextDueAt: '2026-03-04T00:00:00.000Z',
    });
    expect(await runDigest(runtime)).toMatchObject({ due: 0 });
  });

  it('a run killed between claim and send is completed by the next run, exactly once', async () => {
    const clock = movableClock('2026-03-02T09:00:00.000Z');
    const runtime = await services.newRuntime({}, clock);
    const email = 'crash@example.org';
    await subscribeAndConfirm(runtime, email, { frequency: 'daily' });
    await storeResources(runtime.store, [
      makeResource({ id: 'crash-doc', firstSeenAt: '2026-03-02T10:00:00.000Z' }),
    ]);
    clock.set('2026-03-03T00:30:00.000Z');
    const id = keys.subscription(email).pk.slice(4);
    // What a run leaves when it dies right after its claim: the claim, nothing sent, nothing advanced.
    expect(await claimDigest(runtime, id, 'D2026-03-03')).toEqual({ ok: true });

    // Within the lease another run does not touch it (the first might still be sending).
    expect(await runDigest(runtime)).toMatchObject({ due: 1, sent: 0, skipped: 1 });

    clock.set('2026-03-03T01:00:00.000Z');
    expect(await runDigest(runtime)).toMatchObject({ due: 1, sent: 1 });
    const claim = await runtime.store.get(keys.delivery('digest', id, 'D2026-03-03'));
    expect(claim?.state).toBe('sent');

    clock.set('2026-03-03T02:00:00.000Z');
    expect(await runDigest(runtime)).toMatchObject({ sent: 0 });
    expect((await emailsTo(email)).filter((e) => e.subject.startsWith('IASPN digest'))).toHaveLength(1);
  });
});
