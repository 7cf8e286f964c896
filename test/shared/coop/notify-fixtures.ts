import { type CoopDraft, type CoopEntry, type RawDraft, resolveDraft } from '#shared/coop/entry.js';

/**
 * A small exchange for the notice tests: a request from Honduras written in the Telegram bot, and
 * offers that fit it from Brazil (written in Slack), Chile (a contact that is no email address)
 * and Peru (an email contact), plus an offer on another topic.
 */

export const DRAFTS: Record<string, RawDraft> = {
  request: {
    kind: 'request',
    ref: 'T-R1',
    title: 'Necesitamos construir un registro social de hogares',
    summary:
      'Honduras quiere diseñar un registro social integrado de hogares para focalizar sus programas sociales.',
    topics: ['registros sociales', 'focalización'],
    country: 'Honduras',
    institution: 'SEDESOL Honduras',
    contact: 'registro@sedesol.example',
    modalities: ['visita técnica'],
    languages: ['es'],
    origin: { face: 'telegram', address: '42:700', language: 'es' },
  },
  brazil: {
    kind: 'offer',
    ref: 'T-O1',
    title: 'Cadastro Único: building and updating a national social registry',
    summary: 'How Brazil built the Cadastro Único, the social registry of low-income households.',
    topics: ['social registries'],
    country: 'Brazil',
    institution: 'Ministério do Desenvolvimento Social',
    contact: 'cadastro@mds.example',
    modalities: ['technical visit', 'documentation'],
    languages: ['en', 'pt', 'es'],
    origin: { face: 'slack', address: 'T1:CBRAZIL', language: 'en' },
  },
  chile: {
    kind: 'offer',
    ref: 'T-O2',
    title: 'Registro Social de Hogares de Chile',
    summary: 'Chile comparte cómo funciona su Registro Social de Hogares y la calificación socioeconómica.',
    topics: ['registros sociales', 'focalización'],
    country: 'Chile',
    institution: 'Ministerio de Desarrollo Social y Familia',
    contact: 'Oficina de cooperación internacional, +56 2 2675 1400',
    modalities: ['taller'],
    languages: ['es'],
  },
  peru: {
    kind: 'offer',
    ref: 'T-O3',
    title: 'Padrón General de Hogares: focalización en el Perú',
    summary:
      'El Sistema de Focalización de Hogares del Perú comparte su padrón y la clasificación socioeconómica.',
    topics: ['focalización', 'registros sociales'],
    country: 'Perú',
    institution: 'MIDIS',
    contact: 'cooperacion@midis.example',
    modalities: ['intercambio virtual'],
    languages: ['es'],
  },
  unrelated: {
    kind: 'offer',
    ref: 'T-O4',
    title: 'Early childhood home visits',
    summary: 'Jamaica shares its home-visiting programme for parents of young children.',
    topics: ['early childhood'],
    country: 'Jamaica',
    institution: 'Early Childhood Commission',
    contact: 'ecc@ecc.example',
    modalities: ['workshop'],
    languages: ['en'],
  },
};

export function draft(name: keyof typeof DRAFTS, overrides: RawDraft = {}): CoopDraft {
  const resolved = resolveDraft({ ...DRAFTS[name], ...overrides });
  if (!resolved.ok) throw new Error(`${name}: ${resolved.problems.join('; ')}`);
  return resolved.draft;
}

/** An entry as stored, with a given id and creation time (for the pure tests). */
export function entry(
  id: string,
  name: keyof typeof DRAFTS,
  createdAt = '2026-11-25T10:00:00.000Z',
  overrides: RawDraft = {},
): CoopEntry {
  return {
    ...draft(name, overrides),
    id,
    status: 'open',
    createdAt,
    updatedAt: createdAt,
    version: 1,
    history: [{ at: createdAt, by: 'test', change: 'created' }],
  };
}
