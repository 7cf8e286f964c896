import { francAll } from 'franc-min';
import { data } from 'franc-min/data.js';
import { describe, expect, it } from 'vitest';
import { detectLanguage, rankLanguages } from '#shared/ingest/language.js';

const ONLY = ['eng', 'spa', 'por', 'fra'];

const SENTENCES = [
  'The ministry published new guidance on community health workers and their training in rural districts.',
  'El ministerio publicó una nueva guía sobre los agentes comunitarios de salud y su formación en zonas rurales.',
  'O ministério publicou novas orientações sobre os agentes comunitários de saúde e a sua formação nas zonas rurais.',
  "Le ministère a publié de nouvelles orientations sur les agents de santé communautaires et leur formation à l'échelle locale.",
  'Das Ministerium hat neue Leitlinien für kommunale Gesundheitshelfer und ihre Ausbildung veröffentlicht.',
  'Il ministero ha pubblicato nuove linee guida sugli operatori sanitari di comunità e la loro formazione.',
  'Министерство опубликовало новые рекомендации для общественных работников здравоохранения.',
  '卫生部发布了关于社区卫生工作者及其培训的新指南。',
  'وزارة الصحة نشرت إرشادات جديدة حول العاملين الصحيين في المجتمع',
  'Social protection floors: lessons from Brazil, México and Côte d’Ivoire (2024 report, 120 pp.)',
  '2024-05-01 12:00 — 45% 3.14 #42 @relay',
  'Protección social y salud: the 2024 report, en español and in English, com resumo em português.',
  'Résumé: la protection sociale universelle, un droit humain; summary in English below.',
];

/** A deterministic corpus: the sentences, their mixes, and cuts of them at many lengths. */
function corpus(): string[] {
  const texts = [...SENTENCES];
  for (const [i, a] of SENTENCES.entries()) {
    const b = SENTENCES[(i * 7 + 3) % SENTENCES.length]!;
    texts.push(`${a} ${b}`, `${a.slice(0, 50)} ${b.slice(0, 70)}`);
    for (let cut = 10; cut < a.length; cut += 13) texts.push(a.slice(0, cut));
  }
  texts.push('', 'short', '   ', 'x'.repeat(3000), `${SENTENCES[0]!.repeat(40)}`);
  return texts;
}

describe('rankLanguages (franc-min for the four languages the relay knows)', () => {
  it('carries exactly franc-min’s trigram models for eng, spa, por and fra', async () => {
    const source = await import('node:fs/promises').then((fs) =>
      fs.readFile(new URL('../../../shared/ingest/language.ts', import.meta.url), 'utf8'),
    );
    for (const code of ONLY) {
      const model = (data as Record<string, Record<string, string>>).Latin![code]!;
      expect(source).toContain(`'${model}'`);
    }
  });

  it('ranks every text of a mixed corpus exactly as francAll(text, { only, minLength }) does', () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      for (const minLength of [10, 40]) {
        expect(rankLanguages(text, { only: ONLY, minLength }), text).toEqual(
          francAll(text, { only: ONLY, minLength }),
        );
      }
    }
    expect(rankLanguages(SENTENCES[1]!, { only: ['spa', 'por'] })).toEqual(
      francAll(SENTENCES[1]!, { only: ['spa', 'por'] }),
    );
  });

  it('detects the language of feed text, or none when the text cannot tell', () => {
    expect(SENTENCES.slice(0, 4).map(detectLanguage)).toEqual(['en', 'es', 'pt', 'fr']);
    expect(detectLanguage(SENTENCES[6]!)).toBeUndefined();
    expect(detectLanguage(SENTENCES[7]!)).toBeUndefined();
    expect(detectLanguage('too short to tell')).toBeUndefined();
  });

  it('answers on a short text only when one language leads by far, French and Portuguese by farther', () => {
    // franc ranks this English title French first.
    const english = 'Early childhood development: lessons from Chile Crece Contigo.';
    expect(rankLanguages(english, { only: ONLY })[0]![0]).toBe('fra');
    expect(detectLanguage(english)).toBeUndefined();
    expect(detectLanguage('Conditional cash transfers and school attendance in rural Peru')).toBe('en');
    expect(
      detectLanguage('El programa de transferencias monetarias llega a las familias rurales del país'),
    ).toBe('es');
    expect(
      detectLanguage('O programa de transferência de renda chega às famílias mais pobres do Brasil'),
    ).toBe('pt');
  });
});
