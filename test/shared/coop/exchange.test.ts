import { describe, expect, it } from 'vitest';
import type { CoopEntry, CoopStatus, HistoryEntry } from '#shared/coop/entry.js';
import { coopReport, readImportRows, reportHeadline } from '#shared/coop/exchange.js';

/** An entry as the store holds it, moved through `steps` (status, with) in 2026. */
function entry(
  id: string,
  country: string,
  steps: [CoopStatus, string?][] = [],
  kind: CoopEntry['kind'] = id.startsWith('O-') ? 'offer' : 'request',
): CoopEntry {
  const history: HistoryEntry[] = [{ at: '2026-03-01T10:00:00.000Z', by: 'cli:ana', change: 'created' }];
  let counterpart: string | undefined;
  steps.forEach(([status, other], i) => {
    counterpart = other ?? counterpart;
    history.push({
      at: `2026-0${4 + i}-01T10:00:00.000Z`,
      by: 'cli:ana',
      change: status,
      ...(counterpart ? { with: counterpart } : {}),
    });
  });
  return {
    id,
    kind,
    title: id,
    summary: id,
    topics: ['social-registries'],
    country,
    institution: 'X',
    contact: 'x@example.org',
    modalities: [],
    languages: ['es'],
    status: steps.at(-1)?.[0] ?? 'open',
    ...(counterpart ? { counterpart } : {}),
    createdAt: history[0]!.at,
    updatedAt: history.at(-1)!.at,
    version: history.length,
    history,
  };
}

describe('cooperation in numbers (coopReport)', () => {
  it('counts an exchange done from either side, once, with both countries', () => {
    const jamaica = entry('O-JJJJJJ', 'JM', [['matched', 'R-PPPPPP'], ['in-progress'], ['done']]);
    const peru = entry('R-PPPPPP', 'PE');
    // Recorded on the offer only: the Secretariat moved the offer along.
    const byOffer = coopReport([jamaica, peru], 2026);
    expect(byOffer.matched).toBe(1);
    expect(byOffer.done).toHaveLength(1);
    expect(byOffer.countriesInvolved).toEqual(['Jamaica', 'Peru']);
    expect(reportHeadline(byOffer).at(-1)).toBe(
      'Done in 2026: 1 bilateral cooperation activity involving Jamaica and Peru.',
    );
    // Recorded on both sides: still one exchange, one request matched.
    const both = coopReport(
      [jamaica, entry('R-PPPPPP', 'PE', [['matched', 'O-JJJJJJ'], ['in-progress'], ['done']])],
      2026,
    );
    expect(both.matched).toBe(1);
    expect(both.done).toHaveLength(1);
    expect(both.open).toEqual({ offers: 0, requests: 0 });
  });

  it('leaves out the years it was not asked for', () => {
    const done = entry('O-JJJJJJ', 'JM', [['matched', 'R-PPPPPP'], ['in-progress'], ['done']]);
    const report = coopReport([done, entry('R-PPPPPP', 'PE')], 2025);
    expect(report.matched).toBe(0);
    expect(report.done).toEqual([]);
  });
});

describe('a workshop file (readImportRows)', () => {
  const row = {
    kind: 'oferta',
    ref: 'T-1',
    title: 'Pensión',
    summary: 'Resumen',
    topics: 'pensiones;adultos mayores',
    country: 'Bolivia',
    institution: 'APS',
    contact: 'x@example.org',
    modalities: 'taller',
    languages: 'es',
  };

  it('reads JSON saved with a byte order mark (Windows Notepad, Excel)', () => {
    const text = `\uFEFF${JSON.stringify([row])}`;
    expect(readImportRows(text)).toEqual([row]);
    expect(readImportRows(text, 'json')).toEqual([row]);
  });

  it('reads a CSV separated by semicolons, as a spreadsheet in Spanish saves it', () => {
    const csv = [
      'kind;ref;title;summary;topics;country;institution;contact;modalities;languages',
      'oferta;T-1;Pensión;Resumen;"pensiones;adultos mayores";Bolivia;APS;x@example.org;taller;es',
    ].join('\r\n');
    expect(readImportRows(csv)).toEqual([row]);
  });

  it('reads column names in Spanish, with or without accents', () => {
    const csv = [
      'tipo,ref,título,resumen,temas,país,institución,contacto,modalidades,idiomas,plazo',
      'oferta,T-1,Pensión,Resumen,pensiones;adultos mayores,Bolivia,APS,x@example.org,taller,es,2027',
    ].join('\n');
    expect(readImportRows(csv)).toEqual([{ ...row, timeFrame: '2027' }]);
  });

  it('still refuses a column it does not know, naming it', () => {
    expect(() => readImportRows('kind,title,notas\noffer,x,y\n')).toThrow(/unknown CSV column "notas"/);
  });
});
