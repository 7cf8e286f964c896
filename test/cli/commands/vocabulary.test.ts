import { describe, expect, it } from 'vitest';
import { parseFilterText } from '#shared/filters/language.js';
import { runCli } from '../../helpers/run-cli.js';

interface Listed {
  id: string;
  name: string;
  typed: string;
}

const now = new Date('2026-03-10T12:00:00.000Z');

describe('iaspn topics / countries / types', () => {
  it('lists every topic with its name, and each typed form resolves back to the topic', async () => {
    for (const lang of ['en', 'es']) {
      const out = await runCli(['topics', '--json', '--lang', lang]);
      expect(out.code).toBe(0);
      const topics = JSON.parse(out.stdout) as Listed[];
      expect(topics.length).toBeGreaterThan(20);
      for (const t of topics)
        expect(parseFilterText(t.typed, { now }).filter, t.typed).toEqual({ topics: [t.id] });
    }
  });

  it('prints names in the asked language beside what to type', async () => {
    const out = await runCli(['topics', '--lang', 'es']);
    expect(out.stdout).toMatch(
      /^Transferencias monetarias condicionadas +tema:transferencias-monetarias-condicionadas$/m,
    );
    const countries = await runCli(['countries']);
    expect(countries.stdout).toMatch(/^Peru +country:peru$/m);
  });

  it('lists types and content languages, each of which resolves', async () => {
    const out = await runCli(['types', '--json', '--lang', 'es']);
    expect(out.code).toBe(0);
    const { types, languages } = JSON.parse(out.stdout) as { types: Listed[]; languages: Listed[] };
    expect(types.map((t) => t.id)).toContain('document');
    expect(languages.map((l) => l.name)).toContain('Español');
    for (const t of types) expect(parseFilterText(t.typed, { now }).filter).toEqual({ types: [t.id] });
    for (const l of languages)
      expect(parseFilterText(l.typed, { now }).filter).toEqual({ languages: [l.id] });
    const text = await runCli(['types']);
    expect(text.stdout).toMatch(/^Types\n[\s\S]*\n\nLanguages\n/);
  });
});
