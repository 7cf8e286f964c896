import type { Store } from '../store/store.js';
import { displayCountry, displayTopic, foldText } from '../taxonomy/index.js';
import { type CoopDraft, type CoopEntry, DRAFT_FIELDS, type RawDraft, resolveDraft } from './entry.js';
import { CoopMatcher, doneExchanges, type Match } from './match.js';
import { createEntry, findEntry, listAllEntries } from './store.js';

/**
 * The cooperation exchange's use cases, the same for the CLI, the bots and the pages: import a
 * workshop's file (every row checked before anything is written), export, match, and the figures.
 */

// ---------------------------------------------------------------------------------------------
// Import

export const IMPORT_FIELDS = ['kind', 'ref', ...DRAFT_FIELDS] as const;

export interface RowProblem {
  /** 1-based: the data row of a CSV (after the header), the element of a JSON array. */
  row: number;
  ref?: string;
  problems: string[];
}

export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

/**
 * The separator of a CSV, read from its header line: a comma, or the semicolon a spreadsheet in
 * Spanish (or any locale with a decimal comma) saves with, or a tab.
 */
function csvSeparator(src: string): string {
  const header = src.slice(0, src.search(/\r|\n|$/)).replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  if (count('\t') > 0 && count(',') === 0) return '\t';
  return count(';') > count(',') ? ';' : ',';
}

/**
 * RFC 4180 CSV: quoted fields with separators, quotes ("") and line breaks; CRLF or LF; a BOM; the
 * separator a comma, a semicolon or a tab (as the header line shows).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const separator = csvSeparator(src);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new ImportFormatError('the CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Column names a workshop may use, folded (accents and case do not matter), in English and Spanish. */
const HEADER_ALIASES: Readonly<Record<string, (typeof IMPORT_FIELDS)[number]>> = {
  'time frame': 'timeFrame',
  timeframe: 'timeFrame',
  id: 'ref',
  referencia: 'ref',
  tipo: 'kind',
  type: 'kind',
  titulo: 'title',
  resumen: 'summary',
  descripcion: 'summary',
  topic: 'topics',
  tema: 'topics',
  temas: 'topics',
  pais: 'country',
  institucion: 'institution',
  contacto: 'contact',
  modality: 'modalities',
  modalidad: 'modalities',
  modalidades: 'modalities',
  language: 'languages',
  idioma: 'languages',
  idiomas: 'languages',
  plazo: 'timeFrame',
};

function columnOf(header: string): (typeof IMPORT_FIELDS)[number] | undefined {
  const folded = foldText(header);
  return IMPORT_FIELDS.find((f) => foldText(f) === folded) ?? HEADER_ALIASES[folded];
}

/** A workshop's file as rows of raw fields: a JSON array of objects, or a CSV with a header row. */
export function readImportRows(input: string, format: 'csv' | 'json' | 'auto' = 'auto'): RawDraft[] {
  // Notepad and Excel save UTF-8 with a byte order mark; JSON.parse refuses it.
  const text = input.replace(/^\uFEFF/, '');
  const kind = format === 'auto' ? (/^\s*[[{]/.test(text) ? 'json' : 'csv') : format;
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw new ImportFormatError(`the file is not valid JSON: ${(cause as Error).message}`);
    }
    if (!Array.isArray(data)) throw new ImportFormatError('the JSON must be an array of offers and requests');
    return data.map((d) => (d && typeof d === 'object' && !Array.isArray(d) ? (d as RawDraft) : {}));
  }
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new ImportFormatError('the CSV is empty');
  const columns = header.map(columnOf);
  const unknown = header.filter((_, i) => columns[i] === undefined);
  if (unknown.length > 0) {
    throw new ImportFormatError(
      `unknown CSV column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (columns: ${IMPORT_FIELDS.join(', ')})`,
    );
  }
  return rows.map((cells) => {
    const raw: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c) raw[c] = cells[i] ?? '';
    });
    return raw;
  });
}

/** Every row resolved, or every row's problems (a ref used twice in the file is one). */
export function checkRows(rows: readonly RawDraft[]): { drafts: CoopDraft[]; problems: RowProblem[] } {
  const drafts: CoopDraft[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const resolved = resolveDraft(raw);
    const ref = raw.ref === undefined || raw.ref === null ? undefined : String(raw.ref).trim() || undefined;
    const own: string[] = resolved.ok ? [] : [...resolved.problems];
    if (ref) {
      const first = seen.get(ref.toLowerCase());
      if (first !== undefined) own.push(`ref "${ref}" is also on row ${first}`);
      else seen.set(ref.toLowerCase(), row);
    }
    if (own.length > 0) problems.push({ row, ...(ref ? { ref } : {}), problems: own });
    else if (resolved.ok) drafts.push(resolved.draft);
  });
  return { drafts, problems };
}

export type ImportResult =
  | { ok: true; created: CoopEntry[]; existing: CoopEntry[] }
  | { ok: false; problems: RowProblem[] };

/**
 * Imports a workshop's offers and requests: nothing is written unless every row is good. A row
 * whose ref is already in the exchange is not written again (it is reported as existing), so the
 * same file imported twice adds nothing.
 */
export async function importEntries(
  store: Store,
  rows: readonly RawDraft[],
  by: { who: string; at: Date },
): Promise<ImportResult> {
  const { drafts, problems } = checkRows(rows);
  if (problems.length > 0) return { ok: false, problems };
  const created: CoopEntry[] = [];
  const existing: CoopEntry[] = [];
  // One millisecond apart, so that lists (ordered by creation) keep the file's order.
  for (const [row, draft] of drafts.entries()) {
    const out = await createEntry(store, draft, { who: by.who, at: new Date(by.at.getTime() + row) });
    (out.created ? created : existing).push(out.entry);
  }
  return { ok: true, created, existing };
}

/** Entries in the import shape (so an export imports back), with id, status and history. */
export function exportShape(entry: CoopEntry): Record<string, unknown> {
  return {
    kind: entry.kind,
    ref: entry.ref ?? entry.id,
    title: entry.title,
    summary: entry.summary,
    topics: entry.topics,
    country: entry.country,
    institution: entry.institution,
    contact: entry.contact,
    modalities: entry.modalities,
    languages: entry.languages,
    ...(entry.timeFrame ? { timeFrame: entry.timeFrame } : {}),
    id: entry.id,
    status: entry.status,
    history: entry.history,
  };
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function toCsv(entries: readonly CoopEntry[]): string {
  const lines = [IMPORT_FIELDS.join(',')];
  for (const e of entries) {
    const shaped = exportShape(e);
    lines.push(
      IMPORT_FIELDS.map((f) => {
        const v = shaped[f];
        return csvCell(Array.isArray(v) ? v.join(';') : v === undefined ? '' : String(v));
      }).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Matching against the store

/** The entry and its matches (the other kind, best first), or undefined when no entry has that id or ref. */
export async function matchesOf(
  store: Store,
  idOrRef: string,
  limit = 5,
): Promise<{ entry: CoopEntry; matches: Match[] } | undefined> {
  const entry = await findEntry(store, idOrRef);
  if (!entry) return undefined;
  const entries = await listAllEntries(store);
  const matcher = new CoopMatcher(entries, doneExchanges(entries));
  return { entry, matches: matcher.matchesFor(entry, limit) };
}

// ---------------------------------------------------------------------------------------------
// Cooperation in numbers

export interface CoopReport {
  year?: number;
  open: { offers: number; requests: number };
  /** Open entries by topic id (each entry counted under each of its topics), most first. */
  openByTopic: { topic: string; offers: number; requests: number }[];
  openByCountry: { country: string; offers: number; requests: number }[];
  /** Requests matched (a match recorded in their history or in their offer's, in the year when one is given). */
  matched: number;
  /** Exchanges done (in the year), each pair once whichever side was marked done: the pair of countries of each. */
  done: { offer: string; request: string; offerCountry: string; requestCountry: string; at: string }[];
  /** The countries the done exchanges involved, by name, sorted. */
  countriesInvolved: string[];
}

function countBy(entries: readonly CoopEntry[], keysOf: (e: CoopEntry) => readonly string[]) {
  const out = new Map<string, { offers: number; requests: number }>();
  for (const e of entries) {
    for (const k of keysOf(e)) {
      const c = out.get(k) ?? { offers: 0, requests: 0 };
      if (e.kind === 'offer') c.offers += 1;
      else c.requests += 1;
      out.set(k, c);
    }
  }
  return [...out].sort(
    (a, b) => b[1].offers + b[1].requests - (a[1].offers + a[1].requests) || a[0].localeCompare(b[0]),
  );
}

/** The exchange's figures, of one year's changes when `year` is given (open counts are of now). */
export function coopReport(entries: readonly CoopEntry[], year?: number): CoopReport {
  const inYear = (iso: string) => year === undefined || iso.startsWith(String(year));
  const open = entries.filter((e) => e.status === 'open' || e.status === 'matched');
  const byId = new Map(entries.map((e) => [e.id, e]));
  // A match or an exchange is recorded on the side the Secretariat moved, or on both: each side's
  // history names the other, so each pair is counted once whichever side records it.
  const matchedRequests = new Set<string>();
  const pairs = new Map<string, CoopReport['done'][number]>();
  for (const e of entries) {
    const requestOf = (h: { with?: string }) => (e.kind === 'request' ? e.id : h.with);
    for (const h of e.history) {
      if (h.change === 'matched' && inYear(h.at)) {
        const request = requestOf(h);
        if (request) matchedRequests.add(request);
      }
    }
    if (e.status !== 'done') continue;
    const last = e.history.findLast((h) => h.change === 'done');
    const at = last?.at ?? e.updatedAt;
    if (!inYear(at)) continue;
    const other = e.counterpart ? byId.get(e.counterpart) : undefined;
    const [offer, request] = e.kind === 'offer' ? [e, other] : [other, e];
    const offerId = e.kind === 'offer' ? e.id : (e.counterpart ?? '');
    const requestId = e.kind === 'request' ? e.id : (e.counterpart ?? '');
    const key = offerId && requestId ? `${offerId}|${requestId}` : e.id;
    if (pairs.has(key)) continue;
    pairs.set(key, {
      offer: offerId,
      request: requestId,
      offerCountry: offer?.country ?? '',
      requestCountry: request?.country ?? '',
      at,
    });
  }
  const done = [...pairs.values()].sort((a, b) => a.at.localeCompare(b.at));
  const matched = matchedRequests.size;
  return {
    ...(year !== undefined ? { year } : {}),
    open: {
      offers: open.filter((e) => e.kind === 'offer').length,
      requests: open.filter((e) => e.kind === 'request').length,
    },
    openByTopic: countBy(open, (e) => e.topics).map(([topic, c]) => ({ topic, ...c })),
    openByCountry: countBy(open, (e) => [e.country]).map(([country, c]) => ({ country, ...c })),
    matched,
    done,
    countriesInvolved: countriesInvolved({ done } as CoopReport, 'en'),
  };
}

/** "a, b and c" / "a, b y c". */
export function listText(items: readonly string[], lang: 'en' | 'es' = 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'y'} ${items.at(-1)}`;
}

/** The countries the done exchanges involved, named in `lang`, sorted in its order. */
export function countriesInvolved(report: CoopReport, lang: 'en' | 'es' = 'en'): string[] {
  const codes = new Set(report.done.flatMap((d) => [d.offerCountry, d.requestCountry]).filter(Boolean));
  return [...codes].map((c) => displayCountry(c, lang)).sort((a, b) => a.localeCompare(b, lang));
}

/** The report's three sentences as the Network's newsletters write them, in English or Spanish. */
export function reportHeadline(report: CoopReport, lang: 'en' | 'es' = 'en'): string[] {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const countries = listText(countriesInvolved(report, lang), lang);
  if (lang === 'es') {
    const when = report.year !== undefined ? `en ${report.year}` : 'hasta ahora';
    return [
      `Abiertas ahora: ${plural(report.open.offers, 'oferta', 'ofertas')} y ${plural(report.open.requests, 'solicitud', 'solicitudes')}.`,
      `Emparejadas ${when}: ${plural(report.matched, 'solicitud', 'solicitudes')}.`,
      report.done.length > 0
        ? `Realizadas ${when}: ${plural(report.done.length, 'actividad de cooperación bilateral', 'actividades de cooperación bilateral')} con ${countries}.`
        : `Realizadas ${when}: ninguna actividad de cooperación todavía.`,
    ];
  }
  const when = report.year !== undefined ? `in ${report.year}` : 'so far';
  return [
    `Open now: ${plural(report.open.offers, 'offer', 'offers')} and ${plural(report.open.requests, 'request', 'requests')}.`,
    `Matched ${when}: ${plural(report.matched, 'request', 'requests')}.`,
    report.done.length > 0
      ? `Done ${when}: ${plural(report.done.length, 'bilateral cooperation activity', 'bilateral cooperation activities')} involving ${countries}.`
      : `Done ${when}: no cooperation activity yet.`,
  ];
}

/** The report as the Network's newsletters write it, in English (`iaspn coop report`). */
export function reportLines(report: CoopReport): string[] {
  const lines = reportHeadline(report, 'en');
  if (report.openByTopic.length > 0) {
    lines.push('', 'Open by topic (offers / requests):');
    for (const t of report.openByTopic)
      lines.push(`  ${displayTopic(t.topic, 'en')}: ${t.offers} / ${t.requests}`);
  }
  if (report.openByCountry.length > 0) {
    lines.push('', 'Open by country (offers / requests):');
    for (const c of report.openByCountry)
      lines.push(`  ${displayCountry(c.country, 'en')}: ${c.offers} / ${c.requests}`);
  }
  return lines;
}
