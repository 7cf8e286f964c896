import { describe, expect, it } from 'vitest';
import { authorName, itemText, withoutTrailer } from '#shared/ingest/text.js';

describe('itemText', () => {
  it('decodes text that WordPress escaped twice, and strips tags that were escaped', () => {
    expect(itemText('Chile&amp;#8217;s new registry')).toBe('Chile’s new registry');
    expect(itemText('&amp;lt;b&amp;gt;Hi')).toBe('Hi');
    expect(itemText('&lt;b&gt;Hi&lt;/b&gt; there')).toBe('Hi there');
    expect(itemText('More to come&amp;hellip;')).toBe('More to come…');
  });

  it('drops a DOCTYPE and an unterminated comment rather than show them', () => {
    expect(itemText('<!DOCTYPE html><p>Hola</p>')).toBe('Hola');
    expect(itemText('Hola <!-- never closed')).toBe('Hola');
    expect(itemText('&lt;!DOCTYPE html&gt;Hola')).toBe('Hola');
  });

  it('keeps a lone ampersand or less-than sign', () => {
    expect(itemText('A &amp; B')).toBe('A & B');
    expect(itemText('5 &lt; 10 and 10 > 5')).toBe('5 < 10 and 10 > 5');
    expect(itemText('AT&T; Q&A')).toBe('AT&T; Q&A');
  });
});

describe('withoutTrailer', () => {
  it.each([
    [
      'Cash transfers grew. The post Cash transfers in Peru appeared first on Partner News.',
      'Cash transfers grew.',
    ],
    [
      'The ministry reported results […] The post Results appeared first on Ministry.',
      'The ministry reported results',
    ],
    ['The ministry reported results Continue reading Results in Peru →', 'The ministry reported results'],
    ['The ministry reported results. Continue reading →', 'The ministry reported results.'],
    ['The ministry reported results. Read more »', 'The ministry reported results.'],
    ['El ministerio informó. Leer más', 'El ministerio informó.'],
    ['El ministerio informó. Seguir leyendo…', 'El ministerio informó.'],
    ['O ministério informou. Leia mais', 'O ministério informou.'],
    ['The ministry reported results [...]', 'The ministry reported results'],
    ['The ministry reported results [&#8230;]', 'The ministry reported results'],
  ])('strips the boilerplate of %j', (text, expected) => {
    expect(withoutTrailer(text)).toBe(expected);
  });

  it.each([
    'The ministry reported results…',
    'Families read more',
    'We will continue reading the report in May.',
  ])('keeps %j as it is', (text) => {
    expect(withoutTrailer(text)).toBe(text);
  });
});

describe('authorName', () => {
  it.each([
    ['ana@mides.example.gub.uy (Ana Pérez)', 'Ana Pérez'],
    ['Ana Pérez <ana@mides.example.gub.uy>', 'Ana Pérez'],
    ['Ana Pérez &lt;ana@mides.example.gub.uy&gt;', 'Ana Pérez'],
    ['"Ana Pérez" <ana@mides.example.gub.uy>', 'Ana Pérez'],
    ['Ana Pérez', 'Ana Pérez'],
    ['Jo &amp; Co', 'Jo & Co'],
  ])('reads the name in %j', (value, expected) => {
    expect(authorName(value)).toBe(expected);
  });

  it.each([
    'ana@mides.example.gub.uy',
    'mailto:ana@mides.example.gub.uy',
    'noreply@blogger.com (Unknown)',
    '',
  ])('gives no author for the address %j', (value) => {
    expect(authorName(value)).toBeUndefined();
  });
});
