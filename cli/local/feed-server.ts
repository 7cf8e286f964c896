import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeServer, listen } from './ports.js';

export const SAMPLE_FEEDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample-feeds');

const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/feed+json',
  // A partner's web page, which links to its feed (feed discovery in `feeds check` and `feeds add`).
  '.html': 'text/html; charset=utf-8',
  // An event's invitation, enclosed in or linked from an event item (shared/events/sources.ts).
  '.ics': 'text/calendar; charset=utf-8',
};

/**
 * Stands in for the partners' websites: serves the feed files of a folder over HTTP with ETag and
 * Last-Modified, answering conditional requests with 304 as a well-behaved partner site does.
 * Files are read on each request, so editing one shows up on the next ingest.
 */
export async function startFeedServer(options: {
  dir?: string;
  host?: string;
  port?: number;
  /** Told of every answered request (tests count fetches and 304s). */
  onRequest?: (file: string, status: number) => void;
}) {
  const dir = options.dir ?? SAMPLE_FEEDS_DIR;
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (name === '') {
      const files = readdirSync(dir).filter((f) => CONTENT_TYPES[path.extname(f)] && f !== 'partners.json');
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`${files.join('\n')}\n`);
      return;
    }
    const file = path.join(dir, path.basename(name));
    const type = CONTENT_TYPES[path.extname(file)];
    let body: Buffer;
    let mtime: Date;
    try {
      if (!type) throw new Error('not a feed');
      body = readFileSync(file);
      mtime = statSync(file).mtime;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      options.onRequest?.(name, 404);
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = new Date(Math.floor(mtime.getTime() / 1000) * 1000).toUTCString();
    const headers = { etag, 'last-modified': lastModified, 'cache-control': 'max-age=60' };
    const since = req.headers['if-modified-since'];
    if (
      req.headers['if-none-match'] === etag ||
      (!req.headers['if-none-match'] && since && Date.parse(since) >= Date.parse(lastModified))
    ) {
      res.writeHead(304, headers).end();
      options.onRequest?.(name, 304);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length }).end(body);
    options.onRequest?.(name, 200);
  });
  const port = await listen(server, host, options.port ?? 0, 'IASPN_FEEDS_PORT');
  return { origin: `http://${host}:${port}`, dir, close: () => closeServer(server) };
}
