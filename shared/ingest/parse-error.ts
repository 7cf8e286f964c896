import { RelayError } from '../errors.js';

/*
 * Apart from parse.ts so that code which only sorts failures (run.ts's `failureKind`) can test for
 * it without loading rss-parser: the ingest Lambdas import the parser on their first feed body.
 */

export type FeedProblemKind = 'not_a_feed' | 'parse_error';

/** The bytes are not a feed we can read; `kind` goes to the feed's health. */
export class FeedParseError extends RelayError {
  readonly kind: FeedProblemKind;
  /** An HTML page's own feed (its `<link rel="alternate">`), resolved against the page's URL. */
  readonly feedLink: string | undefined;
  /** An HTML page's `<link rel="canonical">`, resolved: which page it is, whatever URL reached it. */
  readonly canonical: string | undefined;

  constructor(
    kind: FeedProblemKind,
    message: string,
    options?: { cause?: unknown; feedLink?: string; canonical?: string },
  ) {
    super(`feed_${kind}`, message, options);
    this.name = 'FeedParseError';
    this.kind = kind;
    this.feedLink = options?.feedLink;
    this.canonical = options?.canonical;
  }
}
