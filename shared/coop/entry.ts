import { distance } from 'fastest-levenshtein';
import { LANGUAGES, type Language } from '../domain/resource.js';
import { resolveValue } from '../filters/values.js';
import { foldText } from '../taxonomy/index.js';

/**
 * The cooperation exchange's two kinds of entry: an offer (a programme, methodology or tool an
 * institution can share) and a request (a need an institution states). Both go through one
 * lifecycle, open → matched → in progress → done, or withdrawn from any state before done, and
 * keep a history of who changed what. Topics, countries and languages are resolved by the one
 * filter language (shared/filters/values.ts): an unknown value is refused with the closest.
 */

export const COOP_KINDS = ['offer', 'request'] as const;
export type CoopKind = (typeof COOP_KINDS)[number];

export const COOP_STATUSES = ['open', 'matched', 'in-progress', 'done', 'withdrawn'] as const;
export type CoopStatus = (typeof COOP_STATUSES)[number];

/** Which status may follow which: withdrawn and done are final. */
export const NEXT_STATUSES: Readonly<Record<CoopStatus, readonly CoopStatus[]>> = {
  open: ['matched', 'withdrawn'],
  matched: ['in-progress', 'open', 'withdrawn'],
  'in-progress': ['done', 'withdrawn'],
  done: [],
  withdrawn: [],
};

export const MODALITIES = [
  'technical-visit',
  'workshop',
  'virtual-exchange',
  'documentation',
  'secondment',
] as const;
export type Modality = (typeof MODALITIES)[number];

/** How a modality and a status are written in English and Spanish (folded forms resolve too). */
export const MODALITY_NAMES: Readonly<Record<Modality, { en: string; es: string; also: readonly string[] }>> =
  {
    'technical-visit': {
      en: 'technical visit',
      es: 'visita técnica',
      also: ['visit', 'visita', 'study tour', 'pasantia tecnica', 'mission', 'mision tecnica'],
    },
    workshop: { en: 'workshop', es: 'taller', also: ['training', 'seminar', 'capacitacion', 'seminario'] },
    'virtual-exchange': {
      en: 'virtual exchange',
      es: 'intercambio virtual',
      also: ['virtual', 'online', 'webinar', 'videoconference', 'en linea', 'videoconferencia'],
    },
    documentation: {
      en: 'documentation',
      es: 'documentación',
      also: ['documents', 'manuals', 'documentos', 'manuales', 'guides', 'guias', 'toolkit'],
    },
    secondment: {
      en: 'secondment',
      es: 'pasantía',
      also: ['internship', 'staff exchange', 'intercambio de personal', 'adscripcion'],
    },
  };

export const STATUS_NAMES: Readonly<Record<CoopStatus, { en: string; es: string }>> = {
  open: { en: 'open', es: 'abierta' },
  matched: { en: 'matched', es: 'emparejada' },
  'in-progress': { en: 'in progress', es: 'en curso' },
  done: { en: 'done', es: 'realizada' },
  withdrawn: { en: 'withdrawn', es: 'retirada' },
};

export interface HistoryEntry {
  at: string;
  by: string;
  /** `created`, or the status moved to. */
  change: 'created' | CoopStatus;
  /** The entry it was matched with or done with, when the change names one. */
  with?: string;
  note?: string;
}

/** The faces an entry can come from. */
export const COOP_ORIGIN_FACES = ['slack', 'telegram', 'console', 'web', 'cli'] as const;
export type CoopOriginFace = (typeof COOP_ORIGIN_FACES)[number];

/**
 * Where an entry came from, so that notifications reach the one who wrote it: the Slack channel or
 * user id, the Telegram chat id, or the verified email (web, cli), and the language to write in.
 * Never exported nor shown: it is an address, not part of the entry's public text.
 */
export interface CoopOrigin {
  face: CoopOriginFace;
  address: string;
  language: 'en' | 'es';
}

/** An origin as stored or sent, checked: undefined when it is not one. */
export function parseOrigin(value: unknown): CoopOrigin | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { face, address, language } = value as Record<string, unknown>;
  if (!(COOP_ORIGIN_FACES as readonly unknown[]).includes(face)) return undefined;
  if (typeof address !== 'string' || address.trim() === '' || address.length > MAX_SHORT) return undefined;
  if (language !== 'en' && language !== 'es') return undefined;
  return { face: face as CoopOriginFace, address: address.trim(), language };
}

/** The fields an institution fills in, in the order the chat asks them and the form shows them. */
export const DRAFT_FIELDS = [
  'title',
  'summary',
  'topics',
  'country',
  'institution',
  'contact',
  'modalities',
  'languages',
  'timeFrame',
] as const;

/** What an institution writes: the import shape of a workshop's JSON (the issue's fields). */
export interface CoopDraft {
  kind: CoopKind;
  title: string;
  summary: string;
  topics: string[];
  country: string;
  institution: string;
  contact: string;
  modalities: Modality[];
  languages: Language[];
  /** A request's time frame, as written ("first half of 2027"). */
  timeFrame?: string;
  /** The workshop's own id, unique across the exchange. */
  ref?: string;
  /** Where it came from (set by the face, not typed by the member): notifications go there. */
  origin?: CoopOrigin;
}

export interface CoopEntry extends CoopDraft {
  id: string;
  status: CoopStatus;
  /** The entry it is matched with, in progress with or was done with. */
  counterpart?: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every change: each write is conditional on the version read. */
  version: number;
  history: HistoryEntry[];
}

/** What the faces and the import send: every field as text or lists of text, not yet resolved. */
export interface RawDraft {
  kind?: unknown;
  title?: unknown;
  summary?: unknown;
  topics?: unknown;
  country?: unknown;
  institution?: unknown;
  contact?: unknown;
  modalities?: unknown;
  languages?: unknown;
  timeFrame?: unknown;
  ref?: unknown;
  /** Set by the face that took the draft (see CoopOrigin); refused when malformed. */
  origin?: unknown;
}

/** A field of a draft as the faces name it (a Slack modal's block, a step of a conversation). */
export type DraftField = keyof RawDraft;

/**
 * One problem of a draft, as data: the field, what is wrong, what was typed and the closest valid
 * values (topic, country and language ids through the filter language, modality ids), so that each
 * face says it in the member's language; `text` is the same in English (the import's report).
 */
export type DraftIssue = { field: DraftField; text: string } & (
  | { code: 'missing' }
  | { code: 'too_long'; max: number }
  | { code: 'invalid'; typed: string }
  | { code: 'unknown'; typed: string; suggestions: string[] }
);

export type DraftResult =
  | { ok: true; draft: CoopDraft }
  | { ok: false; problems: string[]; issues: DraftIssue[] };

const MAX_TITLE = 200;
const MAX_SUMMARY = 2_000;
const MAX_SHORT = 200;
const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/;

/** A list field given as a list, or as text separated by `;` or `,` (a CSV cell). */
function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const parts = Array.isArray(value) ? value.map(String) : String(value).split(/[;,|]/);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).replace(/\s+/g, ' ').trim();
}

/** A modality in English, Spanish, an id or a close spelling; else the closest, for the refusal. */
export function resolveModality(
  raw: string,
): { ok: true; value: Modality } | { ok: false; closest?: string } {
  const folded = foldText(raw);
  for (const m of MODALITIES) {
    const n = MODALITY_NAMES[m];
    const phrases = [m.replace(/-/g, ' '), n.en, n.es, ...n.also].map(foldText);
    if (phrases.includes(folded) || foldText(m) === folded) return { ok: true, value: m };
  }
  let best: { m: Modality; d: number } | undefined;
  for (const m of MODALITIES) {
    const n = MODALITY_NAMES[m];
    for (const p of [n.en, n.es].map(foldText)) {
      const d = distance(folded, p);
      if (!best || d < best.d) best = { m, d };
    }
  }
  return best && best.d <= Math.max(2, folded.length / 3) ? { ok: true, value: best.m } : { ok: false };
}

/** A status as typed (`in progress`, `en curso`, `done`, `realizada`...). */
export function resolveStatus(raw: string): CoopStatus | undefined {
  const folded = foldText(raw).replace(/-/g, ' ');
  return COOP_STATUSES.find(
    (s) =>
      s.replace(/-/g, ' ') === folded ||
      foldText(STATUS_NAMES[s].en) === folded ||
      foldText(STATUS_NAMES[s].es) === folded ||
      foldText(STATUS_NAMES[s].es.replace(/a$/, 'o')) === folded,
  );
}

export function resolveKind(raw: string): CoopKind | undefined {
  const folded = foldText(raw);
  if (['offer', 'offers', 'oferta', 'ofertas', 'supply', 'oferta tecnica'].includes(folded)) return 'offer';
  if (['request', 'requests', 'solicitud', 'solicitudes', 'demand', 'demanda', 'need'].includes(folded))
    return 'request';
  return undefined;
}

/** The filter language's field for each draft field that goes through it. */
const FILTER_FIELD = { topics: 'topics', country: 'countries', languages: 'languages' } as const;
const LABEL = { topics: 'topic', country: 'country', languages: 'language' } as const;

/** Resolves each value of a list through the filter language; issues name the value and the closest. */
function resolveList(field: keyof typeof FILTER_FIELD, values: string[], issues: DraftIssue[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const resolved = resolveValue(FILTER_FIELD[field], value);
    if (resolved.ok) {
      for (const v of resolved.values) if (!out.includes(v)) out.push(v);
    } else {
      const hint = resolved.suggestions.length ? ` (did you mean ${resolved.suggestions.join(', ')}?)` : '';
      issues.push({
        field,
        code: 'unknown',
        typed: value,
        suggestions: resolved.suggestions,
        text: `unknown ${LABEL[field]} "${value}"${hint}`,
      });
    }
  }
  return out;
}

/** The modality closest to what was typed, for a refusal's suggestion. */
function closestModality(typed: string): Modality {
  const folded = foldText(typed);
  let best: { m: Modality; d: number } = { m: MODALITIES[0], d: Number.POSITIVE_INFINITY };
  for (const m of MODALITIES) {
    const n = MODALITY_NAMES[m];
    for (const p of [n.en, n.es, ...n.also].map(foldText)) {
      const d = distance(folded, p);
      if (d < best.d) best = { m, d };
    }
  }
  return best.m;
}

/**
 * Checks and resolves what someone wrote into a draft: required fields present and not too long,
 * topics, country and languages through the filter language, modalities by their names. Every
 * problem is listed at once, so a workshop's row can be fixed in one go; each also as a DraftIssue
 * on its field, so a form shows it beside the field and a conversation re-asks only that step.
 */
export function resolveDraft(raw: RawDraft): DraftResult {
  const issues: DraftIssue[] = [];
  const kind = resolveKind(text(raw.kind));
  if (!kind)
    issues.push({
      field: 'kind',
      code: 'invalid',
      typed: text(raw.kind),
      text: `kind must be offer or request, not "${text(raw.kind)}"`,
    });
  const title = text(raw.title);
  const summary = text(raw.summary);
  const institution = text(raw.institution);
  const contact = text(raw.contact);
  const timeFrame = text(raw.timeFrame);
  const ref = text(raw.ref);
  for (const [field, value, max] of [
    ['title', title, MAX_TITLE],
    ['summary', summary, MAX_SUMMARY],
    ['institution', institution, MAX_SHORT],
    ['contact', contact, MAX_SHORT],
  ] as const) {
    if (value === '') issues.push({ field, code: 'missing', text: `${field} is missing` });
    else if (value.length > max)
      issues.push({ field, code: 'too_long', max, text: `${field} is longer than ${max} characters` });
  }
  if (timeFrame.length > MAX_SHORT)
    issues.push({
      field: 'timeFrame',
      code: 'too_long',
      max: MAX_SHORT,
      text: `timeFrame is longer than ${MAX_SHORT} characters`,
    });
  if (ref !== '' && !REF_PATTERN.test(ref))
    issues.push({
      field: 'ref',
      code: 'invalid',
      typed: ref,
      text: `ref "${ref}" must be letters, digits and . _ : / - (64 at most)`,
    });
  const origin = raw.origin === undefined ? undefined : parseOrigin(raw.origin);
  if (raw.origin !== undefined && !origin)
    issues.push({
      field: 'origin',
      code: 'invalid',
      typed: JSON.stringify(raw.origin) ?? '',
      text: `origin must be { face: ${COOP_ORIGIN_FACES.join('|')}, address, language: en|es }`,
    });

  const topicValues = listOf(raw.topics);
  const topics = resolveList('topics', topicValues, issues);
  if (topicValues.length === 0)
    issues.push({ field: 'topics', code: 'missing', text: 'at least one topic is needed' });

  const countryText = text(raw.country);
  let country = '';
  if (countryText === '') issues.push({ field: 'country', code: 'missing', text: 'country is missing' });
  else {
    const [code] = resolveList('country', [countryText], issues);
    country = code ?? '';
  }

  const modalities: Modality[] = [];
  for (const value of listOf(raw.modalities)) {
    const m = resolveModality(value);
    if (m.ok) {
      if (!modalities.includes(m.value)) modalities.push(m.value);
    } else
      issues.push({
        field: 'modalities',
        code: 'unknown',
        typed: value,
        suggestions: [closestModality(value)],
        text: `unknown modality "${value}" (one of ${MODALITIES.join(', ')})`,
      });
  }
  const languageValues = listOf(raw.languages);
  const languages = resolveList('languages', languageValues, issues).filter((l): l is Language =>
    (LANGUAGES as readonly string[]).includes(l),
  );
  if (languageValues.length === 0)
    issues.push({ field: 'languages', code: 'missing', text: 'at least one language is needed' });

  if (issues.length > 0 || !kind) return { ok: false, problems: issues.map((i) => i.text), issues };
  const draft: CoopDraft = {
    kind,
    title,
    summary,
    topics,
    country,
    institution,
    contact,
    modalities,
    languages,
  };
  if (timeFrame) draft.timeFrame = timeFrame;
  if (ref) draft.ref = ref;
  if (origin) draft.origin = origin;
  return { ok: true, draft };
}
