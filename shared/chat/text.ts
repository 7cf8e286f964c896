/**
 * Text helpers shared by the faces: cutting plain text to a length, and cutting already-escaped
 * markup without splitting an entity (`&amp;`) or a tag, closing whatever tags were left open.
 * Escaping itself is per face (Slack mrkdwn, Telegram HTML): see their render modules.
 */

const ELLIPSIS = '…';

/** Collapses whitespace and control characters: feed and member text arrives with anything in it. */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/** Plain text cut to `max` characters (code points), at a word boundary when one is near. */
export function cutText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, Math.max(0, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > head.length * 0.6 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Escaped markup (entities like `&lt;`, tags like `<b>` or `<a href="...">`) cut to at most `max`
 * characters: never inside an entity or a tag (or a Slack `<url|text>` link), and with
 * `closeTags` (HTML) every tag left open is closed after the cut (the closing tags count towards `max`).
 */
export function cutMarkup(markup: string, max: number, options: { closeTags?: boolean } = {}): string {
  const closeTags = options.closeTags ?? true;
  if (markup.length <= max) return markup;
  // Walk the markup as tokens: tags, entities and single characters.
  const tokens = markup.match(/<[^>]*>|&[#a-zA-Z0-9]+;|[\s\S]/gu) ?? [];
  const open: string[] = [];
  let out = '';
  const closing = () =>
    open
      .map((tag) => `</${tag}>`)
      .reverse()
      .join('');
  for (const token of tokens) {
    // Slack's `<url|text>` links are atomic tokens too, but nothing to close.
    const tag = closeTags ? /^<(\/?)([a-zA-Z0-9-]+)[^>]*>$/.exec(token) : null;
    const nextOpen = [...open];
    if (tag) {
      if (tag[1]) nextOpen.pop();
      else nextOpen.push(tag[2]!.toLowerCase());
    }
    const nextClosing = nextOpen.map((t) => `</${t}>`).join('');
    if (out.length + token.length + nextClosing.length + ELLIPSIS.length > max) break;
    out += token;
    open.splice(0, open.length, ...nextOpen);
  }
  return `${out}${ELLIPSIS}${closing()}`;
}
