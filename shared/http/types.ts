import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * The HTTP endpoints (bot webhooks, subscription pages) are written once as handlers of the
 * API Gateway v2 / Lambda Function URL event, so the deployed Lambda and the local stack's HTTP
 * server run the same code.
 */
export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpHandler = (event: HttpEvent) => Promise<HttpResult>;

/** A handler mounted under a path prefix on the local stack's one port. */
export interface HttpRoute {
  prefix: string;
  describe: string;
  handler: HttpHandler;
  /** A page of the route a person can open in a browser (the local root page links it). */
  open?: string;
}

/** The request body as a string, whatever the transport's encoding. */
export function bodyText(event: HttpEvent): string {
  if (!event.body) return '';
  // Decode as UTF-8, not ASCII: non-ASCII payloads (café) must survive (SECURITY.md item 20).
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * Request bodies larger than this are refused with 413, by the local stack's server before reading
 * them and by every deployed handler (`withBodyLimit`; Function URLs themselves allow 6 MB).
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The size of the request body in bytes, without decoding it. */
export function bodyBytes(event: HttpEvent): number {
  const body = event.body;
  if (!body) return 0;
  if (!event.isBase64Encoded) return Buffer.byteLength(body, 'utf8');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
}

/** A handler that answers 413 to a body over `maxBytes` without running `handler`. */
export function withBodyLimit(handler: HttpHandler, maxBytes = MAX_BODY_BYTES): HttpHandler {
  return async (event) =>
    bodyBytes(event) > maxBytes
      ? {
          statusCode: 413,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: `Request too large: at most ${maxBytes} bytes\n`,
        }
      : handler(event);
}

/** Case-insensitive header lookup (API Gateway lower-cases them; other transports may not). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export function jsonResult(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}
