/**
 * Builds the raw MIME message (multipart/alternative text + HTML) with nodemailer's MailComposer:
 * it encodes non-ASCII header values as RFC 2047 words, folds long lines and quotes what needs
 * it. Every header value is first cut to one line here, so nothing feed-derived can start a header.
 *
 * MailComposer is imported on the first message built, not with this module: nodemailer (135 KB
 * of modules and MIME tables) would otherwise load in every cold start that can send mail (the
 * bots, for a subscription's confirmation; the subscription pages), though most never do.
 */

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 2369 / RFC 8058 one-click unsubscribe. */
  /** The RFC 8058 one-click URL (https). No mailto: nothing would read mail sent to it. */
  unsubscribe?: { url: string };
  /** Extra headers (values are made single-line). */
  headers?: Record<string, string>;
}

/** C0 controls (CR and LF among them), DEL, NEL and the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** A header value on one line: CR, LF and other control characters become spaces. */
export function headerValue(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** True for an absolute http(s) URL with no characters that could break out of `<...>`. */
function isAngleSafe(url: string): boolean {
  return /^(https:|http:)[^\s<>]+$/.test(url);
}

export async function buildMime(email: OutgoingEmail): Promise<Buffer> {
  const headers: Record<string, string | { prepared: true; value: string }> = {};
  for (const [name, value] of Object.entries(email.headers ?? {})) headers[name] = headerValue(value);
  if (email.unsubscribe) {
    const { url } = email.unsubscribe;
    if (!isAngleSafe(url)) throw new Error('Unsubscribe links must be plain URLs');
    // Prepared: nodemailer must not RFC 2047-encode the angle-bracketed URLs.
    headers['List-Unsubscribe'] = { prepared: true, value: `<${url}>` };
    headers['List-Unsubscribe-Post'] = { prepared: true, value: 'List-Unsubscribe=One-Click' };
  }
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: headerValue(email.from),
    to: headerValue(email.to),
    subject: headerValue(email.subject),
    text: email.text,
    html: email.html,
    headers,
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}
