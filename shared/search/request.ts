import { RelayError } from '../errors.js';
import { canonicalTimeZone } from '../events/zone-name.js';
import type { SearchRequest } from './types.js';

/**
 * A search request as text arrives (`iaspn search` flags, the local stack's admin route): read and
 * checked here once, so every face that takes one refuses the same values with the same words.
 * Light on purpose: the CLI loads it without the index.
 */

/** A page's size when none is asked for, and the most one page holds. */
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

/** A value a search request cannot take; the message says what it must be. */
export class SearchRequestError extends RelayError {
  constructor(message: string) {
    super('search_request_invalid', message);
    this.name = 'SearchRequestError';
  }
}

/** Results per page, as typed: a whole number from 1 to MAX_LIMIT. */
export function parseSearchLimit(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
    throw new SearchRequestError(`must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

/**
 * The parameters a search request takes as text: the query (filters inline), a page size, a cursor,
 * `explain=true` for each hit's score parts, and the IANA zone dates typed in it are read in.
 */
const PARAMETERS = ['query', 'limit', 'cursor', 'explain', 'timeZone'] as const;

/** A search request from named text values (a URL's query string); an unknown name is refused. */
export function searchRequestFromParams(params: Readonly<Record<string, string>>): SearchRequest {
  for (const name of Object.keys(params))
    if (!(PARAMETERS as readonly string[]).includes(name))
      throw new SearchRequestError(`unknown parameter ${name} (expected ${PARAMETERS.join(', ')})`);
  if (params.query === undefined) throw new SearchRequestError('missing parameter query');
  const request: SearchRequest = { query: params.query };
  if (params.limit !== undefined) {
    try {
      request.limit = parseSearchLimit(params.limit);
    } catch (error) {
      throw new SearchRequestError(`limit ${(error as Error).message}`);
    }
  }
  if (params.cursor !== undefined) request.cursor = params.cursor;
  if (params.explain !== undefined) {
    if (params.explain !== 'true' && params.explain !== 'false')
      throw new SearchRequestError('explain must be true or false');
    if (params.explain === 'true') request.explain = true;
  }
  if (params.timeZone !== undefined) {
    const zone = canonicalTimeZone(params.timeZone);
    if (!zone)
      throw new SearchRequestError(
        `timeZone "${params.timeZone}" is not an IANA time zone (like America/Bogota)`,
      );
    request.timeZone = zone;
  }
  return request;
}
