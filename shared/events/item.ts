import type { EventInfo } from '../domain/event.js';
import { plainText } from '../ingest/text.js';
import { combineEvent } from './extract.js';
import { type ExtensionKey, readExtension } from './feed-extension.js';
import { readEventText } from './text-dates.js';

/**
 * The event data an item carries in the feed itself: its extension elements, then its own words.
 * What ingest knows before fetching anything (shared/events/sources.ts adds the .ics and the page).
 * Pure.
 */
export interface ItemEventInput {
  title: string;
  summary: string;
  contentHtml?: string;
  publishedAt: string;
  extension?: Partial<Record<ExtensionKey, string>>;
}

/** Long bodies are read up to here: an event's when and where come first. */
const TEXT_MAX = 20_000;

export function eventOfItem(input: ItemEventInput): EventInfo {
  const content = input.contentHtml ? plainText(input.contentHtml.slice(0, TEXT_MAX)) : '';
  // The summary first (it often says when and where), then the content when it says more.
  const body = content.startsWith(input.summary.slice(0, 200)) ? content : `${input.summary}\n${content}`;
  return combineEvent([
    ['feed-extension', readExtension(input.extension)],
    [
      'text',
      readEventText({
        title: input.title,
        text: body,
        html: input.contentHtml,
        publishedAt: input.publishedAt,
      }),
    ],
  ]);
}
