import { describe, expect, it } from 'vitest';
import { readDate } from '#shared/filters/dates.js';

// A Wednesday afternoon: the week began on Monday 7 December.
const NOW = new Date('2026-12-09T15:30:00.000Z');
const read = (text: string) => readDate(text, NOW);

describe('readDate: dates as members type them', () => {
  it.each([
    // Spanish
    ['hace 1 año', '2025-12-09T15:30:00.000Z'],
    ['hace un año', '2025-12-09T15:30:00.000Z'],
    ['hace 2 semanas', '2026-11-25T15:30:00.000Z'],
    ['hace 3 días', '2026-12-06T15:30:00.000Z'],
    ['últimos 30 días', '2026-11-09T15:30:00.000Z'],
    ['ayer', '2026-12-08T00:00:00.000Z'],
    ['anteayer', '2026-12-07T00:00:00.000Z'],
    ['hoy', '2026-12-09T00:00:00.000Z'],
    ['la semana pasada', '2026-11-30T00:00:00.000Z'],
    ['esta semana', '2026-12-07T00:00:00.000Z'],
    ['this week', '2026-12-07T00:00:00.000Z'],
    ['this month', '2026-12-01T00:00:00.000Z'],
    ['15/03', '2026-03-15T00:00:00.000Z'],
    ['2025/06/15', '2025-06-15T00:00:00.000Z'],
    ['el mes pasado', '2026-11-01T00:00:00.000Z'],
    ['este mes', '2026-12-01T00:00:00.000Z'],
    ['este año', '2026-01-01T00:00:00.000Z'],
    ['el año pasado', '2025-01-01T00:00:00.000Z'],
    ['2025', '2025-01-01T00:00:00.000Z'],
    ['enero', '2026-01-01T00:00:00.000Z'],
    ['enero 2026', '2026-01-01T00:00:00.000Z'],
    ['marzo de 2025', '2025-03-01T00:00:00.000Z'],
    ['Septiembre del 2025', '2025-09-01T00:00:00.000Z'],
    ['15 de marzo de 2026', '2026-03-15T00:00:00.000Z'],
    ['15 de marzo', '2026-03-15T00:00:00.000Z'],
    // English
    ['yesterday', '2026-12-08T00:00:00.000Z'],
    ['today', '2026-12-09T00:00:00.000Z'],
    ['last week', '2026-11-30T00:00:00.000Z'],
    ['last month', '2026-11-01T00:00:00.000Z'],
    ['this year', '2026-01-01T00:00:00.000Z'],
    ['last year', '2025-01-01T00:00:00.000Z'],
    ['3 months', '2026-09-09T15:30:00.000Z'],
    ['2 weeks ago', '2026-11-25T15:30:00.000Z'],
    ['a year ago', '2025-12-09T15:30:00.000Z'],
    ['last 10 days', '2026-11-29T15:30:00.000Z'],
    ['2025-06', '2025-06-01T00:00:00.000Z'],
    ['March 2026', '2026-03-01T00:00:00.000Z'],
    ['March 15, 2026', '2026-03-15T00:00:00.000Z'],
    ['15 March 2026', '2026-03-15T00:00:00.000Z'],
    ['June', '2026-06-01T00:00:00.000Z'],
    // Numbers, day first as the region writes them
    ['15/03/2026', '2026-03-15T00:00:00.000Z'],
    ['15-03-2026', '2026-03-15T00:00:00.000Z'],
    ['15.03.2026', '2026-03-15T00:00:00.000Z'],
    ['5/3/26', '2026-03-05T00:00:00.000Z'],
    ['03/2026', '2026-03-01T00:00:00.000Z'],
    ['2026/03/15', '2026-03-15T00:00:00.000Z'],
    // The forms understood before
    ['7d', '2026-12-02T15:30:00.000Z'],
    ['2w', '2026-11-25T15:30:00.000Z'],
    ['1m', '2026-11-09T15:30:00.000Z'],
    ['1y', '2025-12-09T15:30:00.000Z'],
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['2024-05-01T10:00:00-03:00', '2024-05-01T13:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(read(text)).toMatchObject({ ok: true, iso });
  });

  it('takes a month named alone, or a day without a year, as the last one that has begun', () => {
    // December has begun: this December; a day of December still to come: last year's.
    expect(read('diciembre')).toMatchObject({ ok: true, iso: '2026-12-01T00:00:00.000Z' });
    expect(read('20 de diciembre')).toMatchObject({ ok: true, iso: '2025-12-20T00:00:00.000Z' });
  });

  it('counts a month back to the same day, or the month end when that day does not exist', () => {
    expect(readDate('1 month ago', new Date('2026-03-31T08:00:00.000Z'))).toMatchObject({
      ok: true,
      iso: '2026-02-28T08:00:00.000Z',
    });
  });

  it.each([
    ['2026-02-30', 'impossible'],
    ['30/02/2026', 'impossible'],
    ['31 de abril de 2025', 'impossible'],
    ['2024-13', 'impossible'],
    ['13/13/2026', 'impossible'],
    ['31/31/2026', 'impossible'],
    ['02/30/2026', 'impossible'],
    ['2027', 'future'],
    ['2026-12-25', 'future'],
    ['enero 2027', 'future'],
    ['soon', 'unknown'],
    ['mañana', 'future'],
    ['tomorrow', 'future'],
    ['hace', 'unknown'],
    ['hace 1', 'unknown'],
    ['1 año después', 'unknown'],
    ['', 'unknown'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(read(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ['03/15/2026', '2026-03-15T00:00:00.000Z'],
    ['12/31/2025', '2025-12-31T00:00:00.000Z'],
    ['3/15/26', '2026-03-15T00:00:00.000Z'],
    ['03-15-2026', '2026-03-15T00:00:00.000Z'],
    ['03/15', '2026-03-15T00:00:00.000Z'],
  ])('reads %s month first, since no month 15 or 31 exists, and says so', (text, iso) => {
    expect(read(text)).toEqual({ ok: true, iso, end: expect.any(String), order: 'month-first' });
  });

  it('keeps a date both readings allow day first, and says so; one reading alone needs no word', () => {
    expect(read('03/04/2026')).toEqual({
      ok: true,
      iso: '2026-04-03T00:00:00.000Z',
      end: '2026-04-04T00:00:00.000Z',
      order: 'day-first',
      other: '2026-03-04T00:00:00.000Z',
    });
    expect(read('15/03/2026')).toEqual({
      ok: true,
      iso: '2026-03-15T00:00:00.000Z',
      end: '2026-03-16T00:00:00.000Z',
    });
    // The same number twice reads the same either way.
    expect(read('04/04/2026')).not.toHaveProperty('order');
  });

  it('lets a date to come through when asked for an end (before:2027)', () => {
    expect(readDate('2027', NOW, { future: true })).toMatchObject({
      ok: true,
      iso: '2027-01-01T00:00:00.000Z',
    });
  });

  it.each([
    ['ayer', '2026-12-09T00:00:00.000Z'],
    ['2025', '2026-01-01T00:00:00.000Z'],
    ['marzo de 2025', '2025-04-01T00:00:00.000Z'],
    ['2025-06', '2025-07-01T00:00:00.000Z'],
    ['15/03/2026', '2026-03-16T00:00:00.000Z'],
    ['la semana pasada', '2026-12-07T00:00:00.000Z'],
    ['last month', '2026-12-01T00:00:00.000Z'],
    ['December 2025', '2026-01-01T00:00:00.000Z'],
    // A span back from now, or an instant, ends where it starts.
    ['hace 2 semanas', '2026-11-25T15:30:00.000Z'],
    ['7d', '2026-12-02T15:30:00.000Z'],
  ])('knows where what %s names ends (for hasta:/until:)', (text, end) => {
    expect(read(text)).toMatchObject({ ok: true, end });
  });
});

describe("readDate in the member's time zone", () => {
  // 21:00 on Tuesday 8 December in Lima (UTC-5) is 02:00 UTC on Wednesday 9 December.
  const LIMA_EVENING = new Date('2026-12-09T02:00:00.000Z');
  const lima = (text: string) => readDate(text, LIMA_EVENING, { timeZone: 'America/Lima' });

  it.each([
    ['hoy', '2026-12-08T05:00:00.000Z', '2026-12-09T05:00:00.000Z'],
    ['today', '2026-12-08T05:00:00.000Z', '2026-12-09T05:00:00.000Z'],
    ['ayer', '2026-12-07T05:00:00.000Z', '2026-12-08T05:00:00.000Z'],
    ['esta semana', '2026-12-07T05:00:00.000Z', '2026-12-14T05:00:00.000Z'],
    ['este mes', '2026-12-01T05:00:00.000Z', '2027-01-01T05:00:00.000Z'],
    ['2025', '2025-01-01T05:00:00.000Z', '2026-01-01T05:00:00.000Z'],
    ['15/03/2026', '2026-03-15T05:00:00.000Z', '2026-03-16T05:00:00.000Z'],
    // A span back from now is the same instant in any zone.
    ['7d', '2026-12-02T02:00:00.000Z', '2026-12-02T02:00:00.000Z'],
  ])("%s means Lima's, at 21:00 there", (text, iso, end) => {
    expect(lima(text)).toMatchObject({ ok: true, iso, end });
  });

  it('reads hoy in UTC without a zone: already Wednesday there', () => {
    expect(readDate('hoy', LIMA_EVENING)).toMatchObject({ ok: true, iso: '2026-12-09T00:00:00.000Z' });
    // 9 December has not begun in Lima: still to come.
    expect(lima('9 de diciembre')).toMatchObject({ ok: true, iso: '2025-12-09T05:00:00.000Z' });
  });

  it("follows the zone's clock changes: a day in Madrid's summer starts at 22:00 UTC", () => {
    expect(readDate('15/06/2026', LIMA_EVENING, { timeZone: 'Europe/Madrid' })).toMatchObject({
      ok: true,
      iso: '2026-06-14T22:00:00.000Z',
      end: '2026-06-15T22:00:00.000Z',
    });
  });
});
