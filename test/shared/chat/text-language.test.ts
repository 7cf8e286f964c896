import { describe, expect, it } from 'vitest';
import { textLanguage } from '#shared/chat/text-language.js';

describe('textLanguage: the language a free-text search is written in, from its words', () => {
  it.each([
    ['transferencias monetarias', 'es'],
    ['buenos dias, transferencias', 'es'],
    ['qué hay de nuevo sobre salud', 'es'],
    ['pobreza', 'es'],
    ['programas sociales en Honduras', 'es'],
    ['alimentación escolar', 'es'],
    ['cash transfers', 'en'],
    ['cash transfers Honduras', 'en'],
    ['social protection in Jamaica', 'en'],
    ['the latest on pensions', 'en'],
    ['school feeding', 'en'],
  ])('%s: %s', (text, language) => {
    expect(textLanguage(text)).toBe(language);
  });

  it.each(['Bolsa Familia', 'CCT Brasil', 'Juntos Peru', 'social', 'Honduras'])(
    '%s: says nothing (names, words of both languages)',
    (text) => {
      expect(textLanguage(text)).toBeUndefined();
    },
  );
});
