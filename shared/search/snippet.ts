import { fold, words } from './analysis.js';

/** How long a snippet is, at most, before the ellipses. */
export const SNIPPET_CHARS = 220;

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * A window of the text around its first matched words, with each matched word marked «like this».
 * `isMatch` receives each word lower-cased (accents kept) and decides.
 */
export function makeSnippet(
  text: string,
  isMatch: (word: string) => boolean,
  maxChars = SNIPPET_CHARS,
): string {
  const matches: { start: number; end: number }[] = [];
  // The window starts a little before the first match, at a word boundary.
  let start = 0;
  for (const m of text.matchAll(WORD_RUN)) {
    // Past the longest window the first match allows: no word further on can be shown or marked.
    if (matches.length > 0 && m.index >= start + maxChars) break;
    if (!isMatch(m[0].toLowerCase())) continue;
    matches.push({ start: m.index, end: m.index + m[0].length });
    if (matches.length === 1 && m.index + m[0].length > maxChars - 20) {
      start = Math.max(0, m.index - 40);
      const space = text.lastIndexOf(' ', start);
      start = space === -1 ? start : space + 1;
    }
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = '';
  let at = start;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    out += `${text.slice(at, m.start)}«${text.slice(m.start, m.end)}»`;
    at = m.end;
  }
  out += text.slice(at, end);
  return `${start > 0 ? '…' : ''}${out.trim()}${end < text.length ? '…' : ''}`;
}

/** True when the folded words of `phrase` appear in sequence among the folded words of `text`. */
export function containsPhrase(textWords: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  const target = phrase.map(fold);
  outer: for (let i = 0; i + target.length <= textWords.length; i++) {
    for (let k = 0; k < target.length; k++) if (textWords[i + k] !== target[k]) continue outer;
    return true;
  }
  return false;
}

/** The folded words of a text, for phrase checks. */
export const foldedWords = (text: string): string[] => words(text).map(fold);
