import type { SESClient } from '@aws-sdk/client-ses';
import type { Resource } from '#shared/domain/resource.js';
import type { Mailer } from '#shared/email/mailer.js';
import type { OutgoingEmail } from '#shared/email/mime.js';
import type { HttpEvent, HttpResult } from '#shared/http/types.js';
import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Clock } from '#shared/runtime/clock.js';
import type { Store } from '#shared/store/store.js';
import { makeResource as baseResource } from '../../helpers/resources.js';

/** A clock the test moves by hand. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  const clock = (() => new Date(at)) as Clock & { set(iso: string): void };
  clock.set = (next: string) => {
    at = new Date(next);
  };
  return clock;
}

/** A resource first seen at the given time (published then too, unless the test says otherwise). */
export function makeResource(fields: Partial<Resource> & { firstSeenAt: string }): Resource {
  return baseResource({ publishedAt: fields.firstSeenAt, ...fields });
}

/** Stores resources as ingest does (the resource-store's item shape). */
export async function storeResources(store: Store, resources: Resource[]): Promise<void> {
  for (const r of resources) await store.put(resourceToItem(r));
}

/** Keeps the raw MIME of every SendRawEmail the runtime's SES client makes (the emulator drops headers). */
export function captureRawEmails(ses: SESClient): { raw: Buffer[] } {
  const captured = { raw: [] as Buffer[] };
  ses.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { RawMessage?: { Data?: Uint8Array } };
      if (input.RawMessage?.Data) captured.raw.push(Buffer.from(input.RawMessage.Data));
      return next(args);
    },
    { step: 'initialize', name: 'captureRawEmails' },
  );
  return captured;
}

/** An API Gateway v2 / Function URL event, as the Lambda and the local stack hand it over. */
export function httpEvent(
  method: 'GET' | 'POST',
  url: string,
  options: { body?: string; contentType?: string; headers?: Record<string, string> } = {},
): HttpEvent {
  const parsed = new URL(url, 'http://localhost');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: parsed.pathname,
    rawQueryString: parsed.search.slice(1),
    headers: {
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
      ...options.headers,
    },
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: parsed.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'test',
      },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body: options.body === undefined ? undefined : Buffer.from(options.body).toString('base64'),
    isBase64Encoded: options.body !== undefined,
  };
}

export const formBody = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) params.append(k, value);
  return params.toString();
};

/** The subscribe form's token as a JSON client gets it: `GET /email/subscribe` asking for JSON. */
export async function jsonFormToken(handler: (event: HttpEvent) => Promise<HttpResult>): Promise<string> {
  const res = await handler(
    httpEvent('GET', '/email/subscribe', { headers: { accept: 'application/json' } }),
  );
  return (JSON.parse(res.body as string) as { form: string }).form;
}

/** Registers a partner as `iaspn partners add` does (what the pages offer and partner values resolve to). */
export async function addPartner(store: Store, id: string, name: string): Promise<void> {
  await putPartner(
    store,
    { id, name, kind: 'ministry', languages: ['es'], createdAt: '2026-01-01T00:00:00.000Z' },
    'create',
  );
}

/** A mailer that keeps what it is given to send (the digest run's port), in order. */
export function recordingMailer(): Mailer & { emails: OutgoingEmail[] } {
  const emails: OutgoingEmail[] = [];
  return {
    emails,
    get sent() {
      return emails.length;
    },
    async send(email) {
      emails.push(email);
      return { messageId: `m${emails.length}` };
    },
  };
}
