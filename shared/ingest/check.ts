import { readFile } from 'node:fs/promises';
import type { RelayConfig } from '../config.js';
import { RelayError } from '../errors.js';
import { createEventSourceReader } from '../events/sources.js';
import type { Feed } from '../library/registry.js';
import { type Log, silentLog } from '../log.js';
import { FetchError, type FetchPolicy, fetchFeed, fetchPolicyFrom } from './fetcher.js';
import type { FeedContext } from './normalise.js';
import { FeedParseError, NO_BASE_URL } from './parse.js';
import { type ReadFeed, readFeedBytes } from './read.js';
import { canonicalUrl, plainText } from './text.js';

/**
 * Reads a feed without writing anything: the tool a partner uses to validate a feed
 * (`iaspn feeds check`) and the validation `iaspn feeds add` does before saving.
 */

export class UnusableFeedError extends RelayError {
  constructor(
    readonly kind: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('feed_unusable', `Unusable feed (${kind}): ${message}`, options);
    this.name = 'UnusableFeedError';
  }
}

export interface CheckedFeed extends ReadFeed {
  /** Where the bytes came from: the final URL after redirects, or the file path. */
  source: string;
  /** The URL asked for: the one given, or the feed an HTML page linked to (`discoveredFrom`). */
  requested: string;
  /**
   * The web page given in place of a feed, whose `<link rel="alternate">` led to this feed: as its
   * `<link rel="canonical">` names it when it has one (an article's page reached through a
   * tracking or mobile URL is named as the page it is).
   */
  discoveredFrom?: string;
  bytes: number;
}

export interface CheckOptions {
  config: RelayConfig;
  now: Date;
  /** Defaults for the normaliser (a registered feed's, or the flags of `feeds add`). */
  feed?: Partial<
    Pick<Feed, 'id' | 'partnerId' | 'defaultLanguage' | 'defaultType' | 'defaultTopics' | 'defaultCountries'>
  >;
  /** Base URL for relative links in a local file. */
  baseUrl?: string;
  policy?: FetchPolicy;
  /** Follow an HTML page's link to its feed (one hop; on unless false). */
  discover?: boolean;
  /** Where an event source that could not be read is reported. */
  log?: Log;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

export async function checkFeed(source: string, options: CheckOptions): Promise<CheckedFeed> {
  let bytes: Uint8Array;
  let contentType: string | undefined;
  let url: string;
  if (isUrl(source)) {
    try {
      const fetched = await fetchFeed({ url: source }, options.policy ?? fetchPolicyFrom(options.config));
      if (fetched.kind !== 'ok')
        throw new UnusableFeedError('not_a_feed', 'The server answered 304 to a plain GET');
      ({ body: bytes, contentType, url } = fetched);
    } catch (error) {
      if (error instanceof FetchError)
        throw new UnusableFeedError(error.kind, error.message, { cause: error });
      throw error;
    }
  } else {
    try {
      bytes = await readFile(source);
    } catch (error) {
      throw new UnusableFeedError(
        'not_found',
        `Cannot read ${source}: ${(error as NodeJS.ErrnoException).code}`,
        {
          cause: error,
        },
      );
    }
    url = options.baseUrl ?? NO_BASE_URL;
  }
  const feed: FeedContext = {
    id: options.feed?.id ?? 'check',
    partnerId: options.feed?.partnerId ?? 'check',
    url,
    defaultLanguage: options.feed?.defaultLanguage,
    defaultType: options.feed?.defaultType,
    defaultTopics: options.feed?.defaultTopics ?? [],
    defaultCountries: options.feed?.defaultCountries ?? [],
  };
  let read: ReadFeed;
  try {
    read = readFeedBytes(bytes, { contentType, url, feed, now: options.now });
  } catch (error) {
    // A partner often gives the address of their news page: its feed is one link away.
    if (
      error instanceof FeedParseError &&
      error.feedLink &&
      isUrl(error.feedLink) &&
      isUrl(source) &&
      options.discover !== false
    ) {
      const found = await checkFeed(error.feedLink, { ...options, discover: false });
      const page =
        error.canonical && isUrl(error.canonical) ? canonicalUrl(error.canonical, source) : undefined;
      return { ...found, discoveredFrom: page ?? source };
    }
    if (error instanceof FeedParseError)
      throw new UnusableFeedError(error.kind, error.message, { cause: error });
    throw error;
  }
  if (read.resources.length === 0) {
    const reasons = [...new Set(read.skipped.map((s) => s.reason))].join('; ');
    throw new UnusableFeedError(
      'no_items',
      read.skipped.length
        ? `No usable items (${read.skipped.length} skipped: ${reasons})`
        : 'The feed has no items',
    );
  }
  // Event items: their .ics and page are read too (nothing is cached: a check writes nothing).
  const events = createEventSourceReader({
    policy: options.policy ?? fetchPolicyFrom(options.config),
    log: options.log ?? silentLog,
    clock: () => options.now,
  });
  read = { ...read, resources: await Promise.all(read.resources.map((r) => events.complete(r))) };
  // The feed's title is shown and stored as the feed's name: text, like the items' titles.
  const title = plainText(read.feed.title) || undefined;
  return {
    ...read,
    feed: { ...read.feed, title },
    source: isUrl(source) ? url : source,
    requested: source,
    bytes: bytes.byteLength,
  };
}
