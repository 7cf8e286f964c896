/**
 * Escaping text for HTML and XML, the one definition the renderers, the OPML export and the
 * ingest's markup handling share. Most text has nothing to escape: one test, and no new string.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const MARKUP = /[&<>]/;
const ATTRIBUTE = /[&<>"]/;

/** Text as HTML/XML character data: `&`, `<` and `>` escaped (also what Slack's mrkdwn needs). */
export const escapeMarkup = (text: string): string =>
  MARKUP.test(text) ? text.replace(/[&<>]/g, (c) => ESCAPES[c]!) : text;

/** Text as a double-quoted attribute value: `&`, `<`, `>` and `"` escaped. */
export const escapeAttribute = (text: string): string =>
  ATTRIBUTE.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : text;
