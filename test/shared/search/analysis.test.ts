import { describe, expect, it } from 'vitest';
import { analyze, isStopWord, joinThousands, queryVariants, stem } from '#shared/search/analysis.js';

describe('analysis', () => {
  it('folds case and accents after stemming', () => {
    expect(analyze('ÍNDICE de Pobreza', 'es')).toEqual(analyze('indice de pobreza', 'es'));
    expect(analyze('Focalización', 'es')).toEqual(analyze('focalizacion', 'es'));
    expect(analyze('Niños y NIÑAS', 'es')).toEqual(['nin', 'nin']);
  });

  it('stems English: plural, -ing and -ed forms meet', () => {
    expect(stem('transfers', 'en')).toBe(stem('transfer', 'en'));
    expect(stem('targeting', 'en')).toBe(stem('targeted', 'en'));
    expect(stem('programs', 'en')).toBe('program');
  });

  it('stems Spanish, with or without the accent of -ción', () => {
    expect(stem('transferencias', 'es')).toBe(stem('transferencia', 'es'));
    expect(stem('focalizaciones', 'es')).toBe(stem('focalización', 'es'));
    expect(stem('focalizacion', 'es')).toBe(stem('focalización', 'es'));
    expect(stem('condicionadas', 'es')).toBe(stem('condicionada', 'es'));
  });

  it('drops English and Spanish stop words', () => {
    expect(analyze('the programs of the region', 'en')).toEqual(['program', 'region']);
    expect(analyze('los programas de la región', 'es')).toEqual(['program', 'region']);
    expect(isStopWord('de')).toBe(true);
    expect(isStopWord('pobreza')).toBe(false);
  });

  it('keeps numbers and codes as they are', () => {
    expect(analyze('2024 SDG1', 'en')).toEqual(['2024', 'sdg1']);
  });

  it('gives a query word its English and Spanish stems', () => {
    expect(queryVariants('programas')).toEqual(expect.arrayContaining(['program']));
    expect(queryVariants('transfers')).toContain('transfer');
  });

  it('never merges a word with its negated form: "unconditional" is not "conditional", in any stem', () => {
    for (const [negated, word] of [
      ['unconditional', 'conditional'],
      ['incondicional', 'condicional'],
      ['incondicionales', 'condicionadas'],
      ['informal', 'formal'],
    ] as const) {
      const a = analyze(negated, 'en').concat(analyze(negated, 'es'));
      const b = queryVariants(word);
      expect(
        a.some((t) => b.includes(t)),
        `${negated} / ${word}`,
      ).toBe(false);
    }
    // A negating word before it ("non-contributory", "no condicionadas") is indexed as the negated term too.
    expect(analyze('non-contributory', 'en', { negations: true })).toContain('¬contributori');
  });

  it('keeps a programme name the stemmer would merge with another word: "Prospera" is not "Prosperidad"', () => {
    expect(stem('Prospera'.toLowerCase(), 'es')).toBe('prospera');
    expect(queryVariants('prosperidad')).not.toContain('prospera');
    expect(analyze('Evaluación de Prospera', 'es')).toEqual(analyze('evaluacion de prospera', 'es'));
    // The Dominican Supérate is not "superación" (both stemmed to "super").
    expect(queryVariants('superación')).not.toContain(stem('supérate', 'es'));
    expect(analyze('Supérate amplía su padrón', 'es')).toEqual(analyze('Superate amplia su padron', 'es'));
  });
});

describe('numbers with thousands separators', () => {
  it('reads "10,000", "10.000", "10 000" and "10000" as one number, and leaves years and decimals alone', () => {
    for (const written of ['Bono 10,000', 'Bono 10.000', 'Bono 10 000', 'Bono 10\u00a0000'])
      expect(analyze(written, 'es'), written).toEqual(analyze('Bono 10000', 'es'));
    expect(joinThousands('en 2021 500 familias')).toBe('en 2021 500 familias');
    expect(joinThousands('2,5 %')).toBe('2,5 %');
    expect(joinThousands('15.03.2026')).toBe('15.03.2026');
    expect(joinThousands('1,000,000 de hogares')).toBe('1000000 de hogares');
  });
});
