import iconv from 'iconv-lite';

/**
 * Bytes to text (SECURITY.md items 9 and 10). The character set comes from the byte-order mark,
 * else the HTTP `charset`, else the XML declaration, else UTF-8. ISO-8859-1 and US-ASCII are read
 * as windows-1252, as browsers do (a "latin1" feed with curly quotes is really windows-1252).
 * Characters XML forbids are stripped so that one stray control byte does not lose a feed.
 */

const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-mac-roman': 'macintosh',
};

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

/** The `charset` parameter of a Content-Type header. */
export function httpCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** The `encoding` of an XML declaration at the start of the bytes (read as ASCII). */
export function xmlDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase();
}

function usable(charset: string | undefined): string | undefined {
  if (!charset) return undefined;
  const name = ALIASES[charset] ?? charset;
  return iconv.encodingExists(name) ? name : undefined;
}

/** XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. */
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML forbids.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

export interface Decoded {
  text: string;
  /** The character set used. */
  charset: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeFeed(bytes: Uint8Array, contentType?: string): Decoded {
  const bom = bomCharset(bytes);
  const declared = usable(xmlDeclaredCharset(bytes));
  let charset = bom?.charset ?? usable(httpCharset(contentType)) ?? declared ?? 'utf-8';
  const body = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + (bom?.skip ?? 0),
    bytes.byteLength - (bom?.skip ?? 0),
  );
  if (charset === 'utf-8' && !bom) {
    // Servers often say UTF-8 for every file: bytes that are not UTF-8 are read as the XML
    // declaration says, else as windows-1252 (the usual other encoding of the region's sites).
    try {
      return { text: stripInvalidXmlChars(strictUtf8.decode(body)), charset };
    } catch {
      charset = declared && declared !== 'utf-8' ? declared : 'windows-1252';
    }
  }
  const text = charset === 'utf-8' ? body.toString('utf8') : iconv.decode(body, charset);
  return { text: stripInvalidXmlChars(text), charset };
}
