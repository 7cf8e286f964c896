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
}

/** The request body as a string, whatever the transport's encoding. */
export function bodyText(event: HttpEvent): string {
  if (!event.body) return '';
  // Decode as UTF-8, not ASCII: non-ASCII payloads (café) must survive (SECURITY.md item 20).
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
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
