import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import type { RelayConfig } from '../config.js';
import { RelayError } from '../errors.js';
import type { FeedErrorKind } from '../library/registry.js';

/**
 * The feed fetcher (SECURITY.md items 1-6). Our own loop on node:http(s) rather than rss-parser's
 * `parseURL`, so that every hop is checked:
 *
 * - http and https only, at most `maxRedirects` hops, each re-checked;
 * - the address is checked where the connection is made: a custom `lookup` refuses names that
 *   resolve to non-public addresses, IP literals are checked before connecting, and the socket's
 *   remote address is checked again on connect (DNS rebinding gets nothing);
 * - one total deadline for all hops and the body (slow-drip responses do not reset it);
 * - a byte cap counted after decompression (gzip, deflate, br bombs stop at the cap);
 * - conditional GET with ETag / Last-Modified; 304 returns no body;
 * - 429 and 503 carry `Retry-After` back to the caller;
 * - a chain that starts with permanent redirects (301, 308) reports where they lead, so that the
 *   registry can follow a feed that moved (as Miniflux and NewsBlur do).
 */

export interface FetchPolicy {
  timeoutMs: number;
  maxBytes: number;
  /** Allows private, loopback, CGNAT and unique-local addresses (tests, self-hosting). */
  allowPrivateNetworks: boolean;
  /** Origins fetched whatever their address (the local stack's sample-feed server). */
  allowedOrigins: string[];
  userAgent: string;
  maxRedirects?: number;
  /** DNS resolution; tests inject a fake resolver to show rebinding refused. */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export const USER_AGENT =
  'iaspn-relay/0.1 (IASPN Knowledge Portal feed reader; +https://www.socialprotectionet.org)';

export function fetchPolicyFrom(config: RelayConfig): FetchPolicy {
  return {
    timeoutMs: config.ingest.fetchTimeoutMs,
    maxBytes: config.ingest.fetchMaxBytes,
    allowPrivateNetworks: config.ingest.allowPrivateNetworks,
    allowedOrigins: config.ingest.allowedOrigins,
    userAgent: `${USER_AGENT.slice(0, -1)}; ${config.publicUrl})`,
  };
}

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

/** Where the permanent redirects (301, 308) at the start of a chain lead, if it starts with any. */
interface Moved {
  permanentUrl?: string;
}

export interface FetchedFeed extends Moved {
  kind: 'ok';
  status: number;
  /** The URL after redirects. */
  url: string;
  body: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

export interface NotModified extends Moved {
  kind: 'not_modified';
  status: 304;
  url: string;
  etag?: string;
  lastModified?: string;
}

export type FetchResult = FetchedFeed | NotModified;

/** A fetch that failed, sorted into a named kind for the feed's health. */
export class FetchError extends RelayError {
  readonly kind: FeedErrorKind;
  readonly status?: number;
  /** ISO time before which the server asked us not to come back (429, 503). */
  readonly retryAfter?: string;

  constructor(
    kind: FeedErrorKind,
    message: string,
    options: { status?: number; retryAfter?: string; cause?: unknown } = {},
  ) {
    super(`fetch_${kind}`, message, { cause: options.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}

/** Ranges never fetched, even with private networks allowed: link-local holds the metadata service. */
const ALWAYS_REFUSED = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast']);
/** Ranges that IASPN_ALLOW_PRIVATE_NETWORKS=true opens. */
const PRIVATE_RANGES = new Set(['private', 'loopback', 'uniqueLocal', 'carrierGradeNat']);

/** Why an address may not be fetched, or undefined when it may. */
export function refusedAddressReason(address: string, allowPrivateNetworks: boolean): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it carries.
    parsed = ipaddr.process(address);
  } catch {
    return `${address} is not an IP address`;
  }
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  if (allowPrivateNetworks && PRIVATE_RANGES.has(range) && !ALWAYS_REFUSED.has(range)) return undefined;
  return `${address} is a ${range} address`;
}

const refused = (message: string) => new FetchError('refused_address', message);

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Checks scheme and, for IP literals and names like `localhost`, the address before connecting. */
export function checkTarget(url: URL, policy: FetchPolicy): { trusted: boolean } {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refused(`Only http and https are fetched, not ${url.protocol.replace(':', '')}`);
  }
  if (url.username || url.password) throw refused('URLs with credentials are not fetched');
  if (policy.allowedOrigins.includes(url.origin)) return { trusted: true };
  const host = hostOf(url).toLowerCase().replace(/\.+$/, '');
  if (ipaddr.isValid(host)) {
    const reason = refusedAddressReason(host, policy.allowPrivateNetworks);
    if (reason) throw refused(`Refused ${url.host}: ${reason}`);
  } else if (
    !policy.allowPrivateNetworks &&
    (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || !host.includes('.'))
  ) {
    throw refused(`Refused ${url.host}: not a public host name`);
  }
  return { trusted: false };
}

const systemResolve = async (hostname: string) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

/** A `lookup` for the agent that resolves, then refuses the name if any address is not public. */
function guardedLookup(policy: FetchPolicy): LookupFunction {
  const resolve = policy.resolve ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const bad = addresses.map((a) => refusedAddressReason(a.address, policy.allowPrivateNetworks));
        const reason = bad.find(Boolean);
        if (addresses.length === 0) {
          callback(new FetchError('network', `${hostname} has no address`), '', 4);
        } else if (reason) {
          callback(refused(`Refused ${hostname}: ${reason}`), '', 4);
        } else if ((options as { all?: boolean }).all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
            null,
            addresses,
          );
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) =>
        callback(
          new FetchError('network', `${hostname} could not be resolved (${error.code ?? error.message})`),
          '',
          4,
        ),
    );
  };
}

const TLS_CODES = /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO)/;

function classify(error: unknown, inBody = false): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.code && TLS_CODES.test(e.code))
    return new FetchError('tls', `TLS failed: ${e.message}`, { cause: e });
  if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR' || e.code?.startsWith('ERR__')) {
    return new FetchError('network', `The response could not be decompressed: ${e.message}`, { cause: e });
  }
  if (inBody) {
    return new FetchError(
      'network',
      `The connection closed before the whole feed arrived (${e.code ?? e.message})`,
      { cause: e },
    );
  }
  return new FetchError('network', `The connection failed: ${e.code ?? e.message}`, { cause: e });
}

/** `Retry-After` as an ISO time: seconds or an HTTP date; capped at a day. */
export function parseRetryAfter(value: string | undefined, now: Date): string | undefined {
  if (!value) return undefined;
  const seconds = /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
  const at = seconds !== undefined ? now.getTime() + seconds * 1000 : Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const capped = Math.min(Math.max(at, now.getTime()), now.getTime() + 86_400_000);
  return new Date(capped).toISOString();
}

/**
 * `Content-Encoding: deflate` means zlib-wrapped deflate (RFC 1950), but some servers (old IIS among
 * them) send raw deflate (RFC 1951), which browsers read too: the first two bytes tell them apart.
 */
function inflateEither(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  const out: Transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        const zlibHeader =
          chunk.length < 2 || ((chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0);
        inner = zlibHeader ? zlib.createInflate() : zlib.createInflateRaw();
        inner.on('data', (data: Buffer) => out.push(data));
        inner.on('error', (error) => out.destroy(error));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) {
        done();
        return;
      }
      inner.once('end', () => done());
      inner.end();
    },
    destroy(error, done) {
      inner?.destroy();
      done(error);
    },
  });
  return out;
}

function decoderFor(encoding: string | undefined): Transform | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return inflateEither();
    case 'br':
      return zlib.createBrotliDecompress();
    case '':
    case 'identity':
      return undefined;
    default:
      throw new FetchError('not_a_feed', `Unsupported content encoding: ${encoding}`);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/** `HTTP 410 Gone`: the status with its reason phrase, for the health an admin reads. */
const statusText = (status: number) =>
  `HTTP ${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}`;
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Fetches a feed under the policy. Resolves with the body or a 304; rejects with a FetchError
 * whose `kind` names the failure.
 */
export async function fetchFeed(
  request: FetchRequest,
  policy: FetchPolicy,
  now: () => Date = () => new Date(),
): Promise<FetchResult> {
  const maxRedirects = policy.maxRedirects ?? 5;
  const deadline = Date.now() + policy.timeoutMs;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new FetchError('not_a_feed', `Not an absolute URL: ${request.url}`);
  }
  const lookup = guardedLookup(policy);
  // Set while every hop so far was permanent; frozen at the first temporary one.
  let permanentUrl: string | undefined;
  let allPermanent = true;
  const visited = new Set<string>();
  for (let hop = 0; ; hop += 1) {
    visited.add(url.href);
    const { trusted } = checkTarget(url, policy);
    const outcome = await requestOnce(url, request, policy, trusted ? undefined : lookup, deadline);
    if (outcome.redirect) {
      if (hop >= maxRedirects) throw new FetchError('redirects', `More than ${maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(outcome.redirect, url);
      } catch {
        throw new FetchError('redirects', `A redirect to an invalid URL: ${outcome.redirect}`);
      }
      if (visited.has(next.href)) throw new FetchError('redirects', `A redirect loop: back to ${next.href}`);
      url = next;
      allPermanent &&= PERMANENT.has(outcome.status);
      if (allPermanent) permanentUrl = url.href;
      continue;
    }
    const { status, headers, body } = outcome;
    const etag = header(headers.etag);
    const lastModified = header(headers['last-modified']);
    if (status === 304)
      return { kind: 'not_modified', status: 304, url: url.href, etag, lastModified, permanentUrl };
    if (status === 429 || status === 503) {
      const retryAfter = parseRetryAfter(header(headers['retry-after']), now());
      const wait = retryAfter ? `, asked to wait until ${retryAfter.slice(0, 16).replace('T', ' ')} UTC` : '';
      throw new FetchError(status === 429 ? 'http_4xx' : 'http_5xx', `${statusText(status)}${wait}`, {
        status,
        retryAfter,
      });
    }
    if (status >= 500) throw new FetchError('http_5xx', statusText(status), { status });
    if (status >= 400) throw new FetchError('http_4xx', statusText(status), { status });
    if (status < 200 || status >= 300)
      throw new FetchError('not_a_feed', `Unexpected ${statusText(status)}`, { status });
    return {
      kind: 'ok',
      status,
      url: url.href,
      permanentUrl,
      body: body ?? Buffer.alloc(0),
      contentType: header(headers['content-type']),
      etag,
      lastModified,
    };
  }
}

interface Outcome {
  status: number;
  headers: http.IncomingHttpHeaders;
  redirect?: string;
  body?: Buffer;
}

function requestOnce(
  url: URL,
  conditional: FetchRequest,
  policy: FetchPolicy,
  lookup: LookupFunction | undefined,
  deadline: number,
): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      reject(new FetchError('timeout', `No complete response within ${policy.timeoutMs} ms`));
      return;
    }
    let settled = false;
    const finish = (error: FetchError | undefined, outcome?: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(outcome!);
    };
    const headers: Record<string, string> = {
      'user-agent': policy.userAgent,
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, {
      method: 'GET',
      headers,
      lookup,
      // A fresh connection per fetch: no pooled socket skips the address check.
      agent: false,
    });
    const timer = setTimeout(
      () => finish(new FetchError('timeout', `No complete response within ${policy.timeoutMs} ms`)),
      remaining,
    );
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        if (!lookup) return;
        // The address actually connected to, whatever the resolver said earlier.
        const reason = socket.remoteAddress
          ? refusedAddressReason(socket.remoteAddress, policy.allowPrivateNetworks)
          : 'no remote address';
        if (reason) finish(refused(`Refused ${url.host}: ${reason}`));
      });
    });
    // Set once a body is being read: a connection lost then cut the feed short.
    let inBody = false;
    req.on('error', (error) => finish(classify(error, inBody)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const location = header(res.headers.location);
        res.resume();
        if (!location) finish(new FetchError('redirects', `HTTP ${status} without a Location`));
        else finish(undefined, { status, headers: res.headers, redirect: location });
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        finish(undefined, { status, headers: res.headers });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (!res.headers['content-encoding'] && Number.isFinite(declared) && declared > policy.maxBytes) {
        finish(new FetchError('too_large', `The feed is larger than ${policy.maxBytes} bytes`));
        return;
      }
      inBody = true;
      let decoder: ReturnType<typeof decoderFor>;
      try {
        decoder = decoderFor(header(res.headers['content-encoding']));
      } catch (error) {
        finish(classify(error));
        return;
      }
      const stream: NodeJS.ReadableStream = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) {
          decoder?.destroy();
          finish(
            new FetchError(
              'too_large',
              `The feed is larger than ${policy.maxBytes} bytes (after decompression)`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (error) => finish(classify(error, inBody)));
      res.on('error', (error) => finish(classify(error, inBody)));
      stream.on('end', () =>
        finish(undefined, {
          status,
          headers: res.headers,
          body: Buffer.concat(chunks, Math.min(size, policy.maxBytes)),
        }),
      );
    });
    req.end();
  });
}
