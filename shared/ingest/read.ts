import type { Resource } from '../domain/resource.js';
import { decodeFeed } from './decode.js';
import {
  type Candidate,
  type FeedContext,
  identifyFeed,
  type Normalised,
  normaliseCandidate,
  type SkippedItem,
} from './normalise.js';
import { parseFeedText, type RawFeed } from './parse.js';

export interface ReadOptions {
  contentType?: string;
  url: string;
  feed: FeedContext;
  now: Date;
}

export interface ScannedFeed {
  feed: Omit<RawFeed, 'items'>;
  charset: string;
  /** Identified items (id, canonical URL, fingerprint), not yet normalised. */
  candidates: Candidate[];
  skipped: SkippedItem[];
  /** Normalises one candidate (the costly step: only new and changed items need it). */
  normalise(candidate: Candidate): Resource;
}

/**
 * Bytes of a feed to identified items: decode (BOM, HTTP charset, XML declaration), parse,
 * identify. Pure; throws FeedParseError when the bytes are not a usable feed.
 */
export function scanFeedBytes(bytes: Uint8Array, options: ReadOptions): ScannedFeed {
  const { text, charset } = decodeFeed(bytes, options.contentType);
  const raw = parseFeedText(text, options.url);
  const { items: _items, ...feed } = raw;
  const { candidates, skipped } = identifyFeed(raw, options.feed);
  return {
    feed,
    charset,
    candidates,
    skipped,
    normalise: (candidate) => normaliseCandidate(candidate, options.feed, raw, options.now),
  };
}

export interface ReadFeed extends Normalised {
  feed: Omit<RawFeed, 'items'>;
  charset: string;
}

/** Bytes of a feed to Resources, every item normalised (`feeds check`, tests, benchmarks). */
export function readFeedBytes(bytes: Uint8Array, options: ReadOptions): ReadFeed {
  const scanned = scanFeedBytes(bytes, options);
  return {
    feed: scanned.feed,
    charset: scanned.charset,
    skipped: scanned.skipped,
    resources: scanned.candidates.map(scanned.normalise),
  };
}
