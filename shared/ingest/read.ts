import { decodeFeed } from './decode.js';
import { type FeedContext, type Normalised, normaliseFeed } from './normalise.js';
import { parseFeedText, type RawFeed } from './parse.js';

export interface ReadFeed extends Normalised {
  feed: Omit<RawFeed, 'items'>;
  charset: string;
}

/**
 * Bytes of a feed to Resources: decode (BOM, HTTP charset, XML declaration), parse, normalise.
 * Pure; throws FeedParseError when the bytes are not a usable feed.
 */
export function readFeedBytes(
  bytes: Uint8Array,
  options: { contentType?: string; url: string; feed: FeedContext; now: Date },
): ReadFeed {
  const { text, charset } = decodeFeed(bytes, options.contentType);
  const raw = parseFeedText(text, options.url);
  const { items: _items, ...feed } = raw;
  return { ...normaliseFeed(raw, options.feed, options.now), feed, charset };
}
