import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FetchError,
  type FetchPolicy,
  fetchFeed,
  parseRetryAfter,
  refusedAddressReason,
} from '#shared/ingest/fetcher.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';

let server: http.Server;
let origin: string;
const bomb = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/feed':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'x-ua': 'x' });
        res.end(FEED);
        return;
      case '/ua':
        res.writeHead(200, { 'content-type': 'text/plain' }).end(req.headers['user-agent']);
        return;
      case '/hop': {
        const n = Number(url.searchParams.get('n'));
        if (n <= 0) res.writeHead(200).end(FEED);
        else res.writeHead(302, { location: `/hop?n=${n - 1}` }).end();
        return;
      }
      case '/to': {
        res.writeHead(301, { location: url.searchParams.get('u') ?? '/' }).end();
        return;
      }
      case '/moved': {
        // `s` lists the statuses of the hops, first to last: /moved?s=301,302 then the feed.
        const [status, ...rest] = (url.searchParams.get('s') ?? '').split(',').filter(Boolean);
        if (!status) res.writeHead(200).end(FEED);
        else res.writeHead(Number(status), { location: `moved?s=${rest.join(',')}` }).end();
        return;
      }
      case '/loop':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/deflate':
        res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(FEED));
        return;
      case '/raw-deflate':
        res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(FEED));
        return;
      case '/cut': {
        res.writeHead(200, { 'content-length': String(FEED.length * 10) });
        res.write(FEED);
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      case '/bomb':
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/xml' }).end(bomb);
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'application/xml' }).end(Buffer.alloc(2 * 1024 * 1024, 0x20));
        return;
      case '/br':
        res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(Buffer.from(FEED)));
        return;
      case '/drip': {
        res.writeHead(200, { 'content-type': 'application/xml' });
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/429':
        res.writeHead(429, { 'retry-after': '120' }).end();
        return;
      case '/503':
        res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }).end();
        return;
      case '/404':
        res.writeHead(404).end();
        return;
      default:
        res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The test server is trusted by origin, as the local stack trusts its feed server; nothing else private is. */
const policy = (overrides: Partial<FetchPolicy> = {}): FetchPolicy => ({
  timeoutMs: 2_000,
  maxBytes: 1024 * 1024,
  allowPrivateNetworks: false,
  allowedOrigins: [origin],
  userAgent: 'iaspn-relay-test/1',
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('fetchFeed', () => {
  it('fetches a feed with its validators and identifies the relay', async () => {
    const out = await fetchFeed({ url: `${origin}/feed` }, policy());
    expect(out).toMatchObject({ kind: 'ok', status: 200, etag: '"v1"' });
    if (out.kind === 'ok') expect(out.body.toString()).toBe(FEED);
    const ua = await fetchFeed({ url: `${origin}/ua` }, policy());
    expect(ua.kind === 'ok' && ua.body.toString()).toBe('iaspn-relay-test/1');
  });

  it('answers a conditional GET with 304 and no body', async () => {
    const out = await fetchFeed({ url: `${origin}/feed`, etag: '"v1"' }, policy());
    expect(out).toMatchObject({ kind: 'not_modified', status: 304, etag: '"v1"' });
  });

  it('follows up to 5 redirects and refuses the sixth', async () => {
    const ok = await fetchFeed({ url: `${origin}/hop?n=5` }, policy());
    expect(ok).toMatchObject({ kind: 'ok', url: `${origin}/hop?n=0` });
    expect((await failure(fetchFeed({ url: `${origin}/hop?n=6` }, policy()))).kind).toBe('redirects');
  });

  it('reports where a chain of permanent redirects leads, up to its first temporary hop', async () => {
    const at = (s: string) => `${origin}/moved?s=${s}`;
    expect(await fetchFeed({ url: at('301') }, policy())).toMatchObject({ permanentUrl: at('') });
    expect(await fetchFeed({ url: at('308,301') }, policy())).toMatchObject({
      url: at(''),
      permanentUrl: at(''),
    });
    // A temporary hop ends what the registry may take as the feed's new home.
    expect(await fetchFeed({ url: at('301,302') }, policy())).toMatchObject({
      url: at(''),
      permanentUrl: at('302'),
    });
    for (const temporary of ['302', '307', '302,301']) {
      expect((await fetchFeed({ url: at(temporary) }, policy())).permanentUrl).toBeUndefined();
    }
    expect((await fetchFeed({ url: `${origin}/feed` }, policy())).permanentUrl).toBeUndefined();
  });

  it('names a redirect loop', async () => {
    const error = await failure(fetchFeed({ url: `${origin}/loop` }, policy()));
    expect(error).toMatchObject({ kind: 'redirects', message: `A redirect loop: back to ${origin}/loop` });
  });

  it('decodes deflate with and without its zlib wrapper (old IIS sends it raw)', async () => {
    for (const path of ['/deflate', '/raw-deflate']) {
      const out = await fetchFeed({ url: `${origin}${path}` }, policy());
      expect(out.kind === 'ok' && out.body.toString()).toBe(FEED);
    }
  });

  it('says a connection lost in the middle of the body cut the feed short', async () => {
    const error = await failure(fetchFeed({ url: `${origin}/cut` }, policy()));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^The connection closed before the whole feed arrived/);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:1/admin',
    'http://localhost/',
    'http://[::1]/',
    'file:///etc/passwd',
    'ftp://example.org/feed',
  ])('re-checks every hop: a redirect to %s is refused', async (target) => {
    const error = await failure(fetchFeed({ url: `${origin}/to?u=${encodeURIComponent(target)}` }, policy()));
    expect(error.kind).toBe('refused_address');
  });

  it('stops a gzip bomb at the byte cap counted after decompression', async () => {
    expect(bomb.length).toBeLessThan(policy().maxBytes);
    const error = await failure(fetchFeed({ url: `${origin}/bomb` }, policy()));
    expect(error.kind).toBe('too_large');
    expect(error.message).toMatch(/after decompression/);
  });

  it('refuses a declared oversized body and decodes brotli', async () => {
    expect((await failure(fetchFeed({ url: `${origin}/big` }, policy()))).kind).toBe('too_large');
    const br = await fetchFeed({ url: `${origin}/br` }, policy());
    expect(br.kind === 'ok' && br.body.toString()).toBe(FEED);
  });

  it('holds one total deadline against a slow-drip response', async () => {
    const error = await failure(fetchFeed({ url: `${origin}/drip` }, policy({ timeoutMs: 400 })));
    expect(error.kind).toBe('timeout');
  });

  it('reports Retry-After on 429 and 503, and sorts 4xx from 5xx', async () => {
    const now = new Date('2025-05-01T10:00:00.000Z');
    const limited = await failure(fetchFeed({ url: `${origin}/429` }, policy(), () => now));
    expect(limited).toMatchObject({ kind: 'http_4xx', status: 429, retryAfter: '2025-05-01T10:02:00.000Z' });
    expect(limited.message).toBe('HTTP 429 Too Many Requests, asked to wait until 2025-05-01 10:02 UTC');
    const busy = await failure(fetchFeed({ url: `${origin}/503` }, policy(), () => now));
    // A date in the past means "now".
    expect(busy).toMatchObject({ kind: 'http_5xx', status: 503, retryAfter: now.toISOString() });
    expect(await failure(fetchFeed({ url: `${origin}/404` }, policy()))).toMatchObject({
      kind: 'http_4xx',
      status: 404,
      message: 'HTTP 404 Not Found',
    });
    expect(parseRetryAfter('999999', now)).toBe('2025-05-02T10:00:00.000Z');
  });

  describe('refuses non-public addresses (SECURITY.md item 1)', () => {
    it.each([
      'http://2130706433/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://127.1/',
      'http://localhost/',
      'http://LOCALHOST./',
      'http://app.localhost/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/',
      'http://172.16.3.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://[fc00::1]/',
      'http://[fd00:ec2::254]/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      'http://[::]/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://[ff02::1]/',
      'gopher://example.org/',
      'http://user:pass@example.org/',
    ])('%s', async (url) => {
      const error = await failure(fetchFeed({ url }, policy({ allowedOrigins: [] })));
      expect(error.kind).toBe('refused_address');
    });

    it('checks the resolved address of a name (DNS rebinding) at connect time', async () => {
      const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
      const error = await failure(
        fetchFeed({ url: 'http://rebind.example.com/feed' }, policy({ allowedOrigins: [], resolve })),
      );
      expect(error.kind).toBe('refused_address');
      expect(error.message).toMatch(/rebind\.example\.com: 127\.0\.0\.1 is a loopback address/);
    });

    it('refuses a name when any of its addresses is private', async () => {
      const resolve = async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.1.1', family: 4 },
      ];
      const error = await failure(
        fetchFeed({ url: 'http://mixed.example.com/' }, policy({ allowedOrigins: [], resolve })),
      );
      expect(error.kind).toBe('refused_address');
    });

    it('IASPN_ALLOW_PRIVATE_NETWORKS opens private and loopback ranges, never link-local metadata', async () => {
      const port = new URL(origin).port;
      const out = await fetchFeed(
        { url: `http://localhost:${port}/feed` },
        policy({ allowedOrigins: [], allowPrivateNetworks: true }),
      );
      expect(out.kind).toBe('ok');
      expect(refusedAddressReason('10.0.0.1', true)).toBeUndefined();
      expect(refusedAddressReason('169.254.169.254', true)).toMatch(/linkLocal/);
      expect(refusedAddressReason('0.0.0.0', true)).toMatch(/unspecified/);
      expect(refusedAddressReason('93.184.216.34', false)).toBeUndefined();
    });
  });
});

/** A self-signed certificate (test only, valid for a century): what a misconfigured partner site serves. */
const SELF_SIGNED = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgycO1g+UepwMbcY+8
NHb4Gm38OjDp6hL2R5PsA7kQV0+hRANCAAShtGwJhzYVqQZRWf/Vn3OwSjA8fkgR
g9uzd6+pcCMXqFuCR7Alx0iU0JIz2qBxkq+1tdsZphB7cGoHvSHCS8X3
-----END PRIVATE KEY-----`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBfzCCASWgAwIBAgIUAXkgjj5X+w+1m3Sd4kweAoaTOzIwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNTA1MzcyMloYDzIxMjYxMTAx
MDUzNzIyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAShtGwJhzYVqQZRWf/Vn3OwSjA8fkgRg9uzd6+pcCMXqFuCR7Alx0iU
0JIz2qBxkq+1tdsZphB7cGoHvSHCS8X3o1MwUTAdBgNVHQ4EFgQUmosQgPQJNBoV
b3eCZGeByLwz16cwHwYDVR0jBBgwFoAUmosQgPQJNBoVb3eCZGeByLwz16cwDwYD
VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEAlVx8txNcem/G3ca+WDjb
B2Tx7KoalaF9q17i6ixbrbQCIFcB6m//wbFgAKszoH/NqOeFvwRIRMEyjsTzZrDo
Wy90
-----END CERTIFICATE-----`,
};

describe('TLS', () => {
  it('sorts a certificate the relay cannot verify into the tls kind', async () => {
    const tls = https.createServer(SELF_SIGNED, (_req, res) => res.end(FEED));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/feed`;
      const error = await failure(fetchFeed({ url }, policy({ allowedOrigins: [new URL(url).origin] })));
      expect(error.kind).toBe('tls');
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
