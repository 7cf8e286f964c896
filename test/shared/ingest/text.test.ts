import { describe, expect, it } from 'vitest';
import { authorName, identityUrl, itemText, withoutTrailer } from '#shared/ingest/text.js';

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

describe('identityUrl', () => {
  it('gives every spelling of one page the same key', () => {
    const key = 'https://mides.example.gub.uy/noticias/caf%C3%A9?a=1&b=2';
    for (const url of [
      'https://mides.example.gub.uy/noticias/caf%C3%A9?a=1&b=2',
      'http://mides.example.gub.uy/noticias/caf%C3%A9?a=1&b=2',
      'https://www.mides.example.gub.uy/noticias/caf%C3%A9?a=1&b=2',
      'https://mides.example.gub.uy/noticias/caf%C3%A9/?a=1&b=2',
      'http://mides.example.gub.uy:80/noticias/caf%C3%A9?a=1&b=2',
      'https://mides.example.gub.uy:443/noticias/caf%c3%a9?a=1&b=2',
      'https://mides.example.gub.uy/%6Eoticias/caf%C3%A9?b=2&a=1',
    ])
      expect(identityUrl(url)).toBe(key);
  });

  it('keeps apart what can be another page', () => {
    const key = identityUrl('https://mides.example.gub.uy/n?id=1');
    for (const url of [
      'https://mides.example.gub.uy/n?id=2',
      'https://mides.example.gub.uy:8080/n?id=1',
      'https://mides.example.gub.uy/N?id=1',
      'https://www2.mides.example.gub.uy/n?id=1',
    ])
      expect(identityUrl(url)).not.toBe(key);
    // A parameter given twice keeps the order of its values.
    expect(identityUrl('https://a.example/?t=1&t=2')).not.toBe(identityUrl('https://a.example/?t=2&t=1'));
  });
});
