import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeMarkup } from '#shared/escape.js';

describe('escaping for HTML and XML', () => {
  it('escapes markup in text, and leaves text without any as it is', () => {
    expect(escapeMarkup('5 < 10 & <b>"x"</b>')).toBe('5 &lt; 10 &amp; &lt;b&gt;"x"&lt;/b&gt;');
    const plain = 'Transferencias monetarias';
    expect(escapeMarkup(plain)).toBe(plain);
  });

  it('also escapes double quotes in attribute values', () => {
    expect(escapeAttribute('a "quote" & <tag>')).toBe('a &quot;quote&quot; &amp; &lt;tag&gt;');
  });
});
