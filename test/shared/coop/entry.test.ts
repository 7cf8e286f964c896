import { describe, expect, it } from 'vitest';
import { resolveDraft, resolveModality, resolveStatus } from '#shared/coop/entry.js';

const offer = {
  kind: 'oferta',
  title: 'Corresponsabilidades del programa Juntos',
  summary: 'Cómo Juntos verifica las corresponsabilidades en salud y educación.',
  topics: ['transferencias condicionadas'],
  country: 'Perú',
  institution: 'Programa Juntos, MIDIS',
  contact: 'cooperacion@juntos.gob.pe',
  modalities: 'visita técnica; intercambio virtual',
  languages: ['español'],
  ref: 'WS-2026-O1',
};

describe('resolveDraft', () => {
  it('resolves topics, country, languages and modalities written in Spanish to their ids', () => {
    const out = resolveDraft(offer);
    expect(out).toEqual({
      ok: true,
      draft: expect.objectContaining({
        kind: 'offer',
        topics: ['conditional-cash-transfers'],
        country: 'PE',
        languages: ['es'],
        modalities: ['technical-visit', 'virtual-exchange'],
        ref: 'WS-2026-O1',
      }),
    });
  });

  it('refuses an unknown topic and country with the closest values, listing every problem at once', () => {
    const out = resolveDraft({ ...offer, topics: ['focalizacoin'], country: 'Peruu', institution: '' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toContain('institution is missing');
    expect(out.problems.find((p) => p.startsWith('unknown topic "focalizacoin"'))).toMatch(/targeting/);
    expect(out.problems.find((p) => p.startsWith('unknown country "Peruu"'))).toMatch(/PE/);
  });

  it('refuses a modality it cannot read and a kind that is neither', () => {
    const out = resolveDraft({ ...offer, kind: 'gift', modalities: ['carrier pigeon'] });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([
      'kind must be offer or request, not "gift"',
      expect.stringContaining('unknown modality "carrier pigeon"'),
    ]);
  });

  it('gives each problem as data on its field, with the closest values, for forms and conversations', () => {
    const out = resolveDraft({ ...offer, title: ' ', topics: 'focalizacoin', modalities: 'telepathy' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues).toEqual([
      { field: 'title', code: 'missing', text: 'title is missing' },
      expect.objectContaining({
        field: 'topics',
        code: 'unknown',
        typed: 'focalizacoin',
        suggestions: expect.arrayContaining(['targeting']),
      }),
      expect.objectContaining({
        field: 'modalities',
        code: 'unknown',
        typed: 'telepathy',
        suggestions: [expect.any(String)],
      }),
    ]);
    expect(out.problems).toEqual(out.issues.map((i) => i.text));
  });

  it('keeps where the entry came from when the face sets it, and refuses an origin that is not one', () => {
    const origin = { face: 'telegram', address: '4242', language: 'es' };
    const out = resolveDraft({ ...offer, origin });
    expect(out.ok && out.draft.origin).toEqual(origin);
    const bad = resolveDraft({ ...offer, origin: { face: 'fax', address: '4242', language: 'es' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([expect.stringContaining('origin must be')]);
  });
});

describe('names of modalities and statuses', () => {
  it('reads English, Spanish and close spellings', () => {
    expect(resolveModality('Taller')).toEqual({ ok: true, value: 'workshop' });
    expect(resolveModality('secondmnet')).toEqual({ ok: true, value: 'secondment' });
    expect(resolveStatus('en curso')).toBe('in-progress');
    expect(resolveStatus('in progress')).toBe('in-progress');
    expect(resolveStatus('realizado')).toBe('done');
    expect(resolveStatus('retirada')).toBe('withdrawn');
  });
});
