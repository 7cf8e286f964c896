import type { Language } from '../domain/resource.js';
import { detectIn } from './language.js';
import type { RawFeed, RawItem } from './parse.js';
import { cutAtWord, itemText } from './text.js';

/*
 * The normaliser's feed-level language guess. Apart from language.ts, which the bots load (the
 * cooperation matches detect a language) and which then needs neither the feed types nor text.ts
 * with html-entities, whose entity dictionaries are built when it loads.
 */

/** The text a feed-level guess reads: enough titles and summary openings to tell a language. */
const FEED_SAMPLE = 2000;
/** The feed-level guess of each raw feed, computed on first need (null: no clear language). */
const feedGuesses = new WeakMap<object, Language | null>();

/**
 * The language of a feed that declares none, from its items' titles and summaries together: short
 * titles ("Potenciar Trabajo en Argentina") cannot tell one by one. Once per feed, and only when an
 * item needs it.
 */
export function feedLanguageGuess(raw: FeedLanguageSource): Language | undefined {
  if (!raw.items) return undefined;
  let guess = feedGuesses.get(raw);
  if (guess === undefined) {
    const parts: string[] = [];
    let length = 0;
    for (const item of raw.items) {
      // Openings of summaries only, without a tag cut in half.
      const opening = summarySourceOf(item)
        ?.slice(0, 600)
        .replace(/<[^>]*$/, '');
      for (const part of [itemText(item.title), cutAtWord(itemText(opening), 200)]) {
        if (part) parts.push(part);
        length += part.length + 2;
      }
      if (length >= FEED_SAMPLE) break;
    }
    guess = detectIn(parts.join('. '), FEED_SAMPLE) ?? null;
    feedGuesses.set(raw, guess);
  }
  return guess ?? undefined;
}

/** What the language of an item may come from at feed level: the declared one, and the items for a guess. */
export type FeedLanguageSource = Pick<RawFeed, 'language'> & Partial<Pick<RawFeed, 'items'>>;

export const summarySourceOf = (item: RawItem) => item.summary ?? item.content ?? item.contentText;
