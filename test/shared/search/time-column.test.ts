import { describe, expect, it } from 'vitest';
import { TimeColumn } from '#shared/search/time-column.js';

describe('TimeColumn: times kept as numbers, read back as the strings they were', () => {
  const values = [
    '2026-03-01T10:00:00.000Z',
    '',
    // Not as toISOString writes them: kept as they are.
    '2026-03-01T10:00:00Z',
    '2026-03-01T11:00:00+01:00',
    'not a date',
    '+010000-01-01T00:00:00.000Z',
    '2025-12-31T23:59:59.999Z',
  ];
  const column = TimeColumn.of(values);

  it('gives every value back unchanged, and its time as epoch ms (NaN for none)', () => {
    expect(column.values()).toEqual(values);
    expect(column.at(0)).toBe('2026-03-01T10:00:00.000Z');
    expect(column.msAt(0)).toBe(Date.parse('2026-03-01T10:00:00.000Z'));
    expect(column.msAt(2)).toBe(column.msAt(0));
    expect(column.msAt(1)).toBeNaN();
    expect(column.msAt(4)).toBeNaN();
  });

  it('reads the same when kept sparse (only the documents that have a time)', () => {
    const sparse = TimeColumn.of(values, { sparse: true });
    expect(sparse.values()).toEqual(values);
    for (let n = 0; n < values.length; n++) expect(sparse.msAt(n)).toEqual(column.msAt(n));
    const merged = TimeColumn.merge(sparse, Int32Array.from([-1, 0, 1, 2, 3, 4, 5]), 6, TimeColumn.of(['']));
    expect(merged.values()).toEqual([...values.slice(1), '']);
  });

  it('compares two documents as their strings compare', () => {
    for (let x = 0; x < values.length; x++)
      for (let y = 0; y < values.length; y++) {
        const a = values[x] as string;
        const b = values[y] as string;
        expect(column.compare(x, y), `${a} vs ${b}`).toBe(a < b ? -1 : a > b ? 1 : 0);
      }
  });

  it('merges: the kept documents at their new numbers, then the other column', () => {
    const more = TimeColumn.of(['2027-01-01T00:00:00Z', '2027-01-02T00:00:00.000Z']);
    // Drops documents 1 and 3; the rest keep their order.
    const renumber = Int32Array.from([0, -1, 1, -1, 2, 3, 4]);
    const merged = TimeColumn.merge(column, renumber, 5, more);
    expect(merged.values()).toEqual([
      values[0],
      values[2],
      values[4],
      values[5],
      values[6],
      '2027-01-01T00:00:00Z',
      '2027-01-02T00:00:00.000Z',
    ]);
  });
});
