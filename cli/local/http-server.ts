import http from 'node:http';
import { escapeAttribute, escapeMarkup } from '#shared/escape.js';
import { type HttpEvent, type HttpRoute, MAX_BODY_BYTES } from '#shared/http/types.js';
import type { Log } from '#shared/log.js';
import { listen } from './ports.js';

/** Turns a Node request into the API Gateway v2 event that the Lambda handlers take. */
export function toHttpEvent(req: http.IncomingMessage, body: Buffer, stripPrefix: string): HttpEvent {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const rawPath = url.pathname.slice(stripPrefix.length) || '/';
  const queryStringParameters = url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined;
  const method = (req.method ?? 'GET').toUpperCase();
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters,
    cookies: headers.cookie?.split(/;\s*/),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `local-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    // Always base64, as Function URLs do for non-text bodies: the handlers must decode it.
    body: body.length ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
  };
}

/**
 * The body, or undefined when it is larger than `limit`: a declared length over it is refused
 * before a byte is read; a chunked body is counted as it comes, and once over the limit the rest is
 * read and dropped (not kept), so that the client gets its 413 rather than a reset connection.
 */
function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Answers 413 and closes the connection once the answer is written (what the client still sends
 * meanwhile is read and dropped), so the client reads a 413 rather than a reset connection.
 */
function tooLarge(res: http.ServerResponse): void {
  res
    .writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
    .end(`Request too large: at most ${MAX_BODY_BYTES} bytes\n`);
}

/** The endpoints a route table serves, one per line with what it is for (the page at `/`). */
export function routeIndex(routes: HttpRoute[]): string {
  const width = Math.max(0, ...routes.map((r) => r.prefix.length));
  const lines = [...routes]
    .sort((a, b) => a.prefix.localeCompare(b.prefix))
    .map((r) => `${r.prefix.padEnd(width)}  ${r.describe}`);
  return `iaspn-relay local stack: endpoints\n\n${lines.join('\n')}\n`;
}

/**
 * The root as a page a phone reads: the endpoints as a list, the ones a browser can open linked.
 * Plain text stays the answer for clients that do not ask for HTML (curl).
 */
export function routeIndexHtml(routes: HttpRoute[]): string {
  const items = [...routes]
    .sort((a, b) => a.prefix.localeCompare(b.prefix))
    .map((r) => {
      const name = r.open
        ? `<a href="${escapeAttribute(r.open)}">${escapeMarkup(r.open)}</a>`
        : `<code>${escapeMarkup(r.prefix)}</code>`;
      return `<li>${name}<br><span>${escapeMarkup(r.describe)}</span></li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>iaspn-relay local stack</title>
<style>body{margin:0;font:16px/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933}
main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}h1{font-size:1.4rem}
ul{padding:0;list-style:none}li{padding:.6rem 0;border-top:1px solid #e4e7eb}a{color:#0b5394;font-weight:600}
span{color:#52606d;font-size:.95rem}code{font-weight:600}</style>
</head>
<body><main>
<h1>iaspn-relay local stack</h1>
<p>Endpoints on this port:</p>
<ul>
${items}
</ul>
</main></body>
</html>
`;
}

/**
 * The local stack's one HTTP port: each route's handler is the same one the Lambda exports.
 * The port is bound first (the public URL must name it) and the routes mounted once ready.
 */
export async function startHttpServer(options: {
  host: string;
  port: number;
  log: Log;
}): Promise<{ server: http.Server; port: number; mount(routes: HttpRoute[]): void }> {
  let sorted: HttpRoute[] | undefined;
  const server = http.createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!sorted) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' })
        .end('Starting\n');
      return;
    }
    const route = sorted.find(
      (r) => pathname === r.prefix || pathname.startsWith(`${r.prefix === '/' ? '' : r.prefix}/`),
    );
    if (!route) {
      // The root is what a newcomer opens first: it lists the endpoints rather than a bare 404.
      if (pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
        if (/text\/html/.test(req.headers.accept ?? ''))
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(routeIndexHtml(sorted));
        else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(routeIndex(sorted));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    try {
      const body = await readBody(req);
      if (body === undefined) {
        tooLarge(res);
        return;
      }
      const result = await route.handler(toHttpEvent(req, body, route.prefix === '/' ? '' : route.prefix));
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
      if (result.cookies?.length) headers['set-cookie'] = result.cookies;
      res.writeHead(result.statusCode ?? 200, headers);
      res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
    } catch (error) {
      options.log.error('HTTP handler failed', { path: pathname, error: (error as Error).message });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    }
  });
  const port = await listen(server, options.host, options.port, 'IASPN_HTTP_PORT');
  return {
    server,
    port,
    mount(routes) {
      sorted = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
    },
  };
}
