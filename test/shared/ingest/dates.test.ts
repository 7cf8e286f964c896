import { afterEach, describe, expect, it } from 'vitest';
import { parseFeedDate, readFeedDate } from '#shared/ingest/dates.js';

const iso = (value: string, language?: string) => {
  const t = parseFeedDate(value, { language });
  return t === undefined ? undefined : new Date(t).toISOString();
};

describe('parseFeedDate', () => {
  it.each([
    ['Miércoles, 5 Marzo 2025 - 09:15', '2025-03-05T09:15:00.000Z'],
    ['5 Marzo 2025 - 09:15', '2025-03-05T09:15:00.000Z'],
    ['5 Marzo 2025 - 09:15 -0300', '2025-03-05T12:15:00.000Z'],
    ['lunes, 3 de marzo de 2025', '2025-03-03T00:00:00.000Z'],
    ['3 de marzo de 2025 10:00', '2025-03-03T10:00:00.000Z'],
    ['1 de septiembre de 2025', '2025-09-01T00:00:00.000Z'],
    ['segunda-feira, 3 de março de 2025', '2025-03-03T00:00:00.000Z'],
    ['3 mars 2025 10:00', '2025-03-03T10:00:00.000Z'],
    ['mardi 3 juin 2025 10h30', '2025-06-03T10:30:00.000Z'],
    ['15 août 2025', '2025-08-15T00:00:00.000Z'],
  ])('reads the Spanish, Portuguese or French long date %s', (date, expected) => {
    expect(iso(date)).toBe(expected);
  });

  it.each([
    ['15/03/2025 - 14:30', '2025-03-15T14:30:00.000Z'],
    ['15/03/2025', '2025-03-15T00:00:00.000Z'],
    ['03/15/2025 14:30', '2025-03-15T14:30:00.000Z'],
    ['15.03.2025 09:30 -0300', '2025-03-15T12:30:00.000Z'],
  ])('reads the numeric date %s when day and month cannot be confused', (date, expected) => {
    expect(iso(date)).toBe(expected);
  });

  it.each(['03/02/2025 - 14:30', '03/02/2025', '3.2.25', '13/13/2025'])(
    'leaves the ambiguous or impossible numeric date %s unread rather than guess',
    (date) => {
      expect(parseFeedDate(date)).toBeUndefined();
    },
  );

  it('keeps rejecting years before 1900 and after 9999', () => {
    expect(parseFeedDate('1 de enero de 1899')).toBeUndefined();
    expect(parseFeedDate('15/03/1850')).toBeUndefined();
    expect(parseFeedDate('10000-01-01T00:00:00Z')).toBeUndefined();
  });

  describe('whatever the machine’s time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    const forms = [
      'June 3, 2025',
      '2025/06/03 09:30',
      'June 3, 2025 10:00 EST',
      'Tue Jun 03 2025 09:30:00 GMT-0300 (Brasilia Standard Time)',
      '3 Jun 2025 (EST)',
      '15/03/2025 - 14:30',
      '03/15/2025',
      '03/02/2025 - 14:30',
      'Miércoles, 5 Marzo 2025 - 09:15',
    ];

    it('reads a date without a zone as UTC, never in local time', () => {
      process.env.TZ = 'UTC';
      const inUtc = forms.map((f) => iso(f));
      expect(inUtc.slice(0, 4)).toEqual([
        '2025-06-03T00:00:00.000Z',
        '2025-06-03T09:30:00.000Z',
        '2025-06-03T15:00:00.000Z',
        '2025-06-03T12:30:00.000Z',
      ]);
      for (const zone of ['Asia/Tokyo', 'America/Santiago']) {
        process.env.TZ = zone;
        // The zone switch took effect: a local-time reading would differ.
        expect(new Date(2025, 5, 3).getTimezoneOffset()).not.toBe(0);
        expect(forms.map((f) => iso(f))).toEqual(inUtc);
      }
    });
  });
});

describe('the grammars that replace Date.parse', () => {
  it.each([
    ['Tue, 3 Jun 2025 3:04:05 PM -0500', '2025-06-03T20:04:05.000Z'],
    ['Tue, 3 Jun 2025 12:04:05 AM GMT', '2025-06-03T00:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 -07', '2025-06-03T22:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 -07:00', '2025-06-03T22:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 GMT-3', '2025-06-03T18:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 UTC+01:00', '2025-06-03T14:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 CEST', '2025-06-03T13:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 BRT', '2025-06-03T18:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 CDT', '2025-06-03T20:04:05.000Z'],
    ['Tue, 03 Jun 2025 15:04:05 +0000 (Coordinated Universal Time)', '2025-06-03T15:04:05.000Z'],
    ['03-Jun-2025 15:04', '2025-06-03T15:04:00.000Z'],
    ['2025-06-03T15:04:05.123456-05:00', '2025-06-03T20:04:05.123Z'],
    ['2025-06-03 15:04:05.5Z', '2025-06-03T15:04:05.500Z'],
    ['2025-06-03', '2025-06-03T00:00:00.000Z'],
    ['Tue Jun  3 15:04:05 2025', '2025-06-03T15:04:05.000Z'],
    ['June 3rd, 2025 at 3:04 pm EDT', '2025-06-03T19:04:00.000Z'],
    ['3 de junio de 2025 a las 10:00', '2025-06-03T10:00:00.000Z'],
  ])('reads %s exactly', (date, expected) => {
    expect(iso(date)).toBe(expected);
  });

  it.each([
    'Sun, Dec x 2012 11:47:32 GMT',
    '1:2:3:4 GMT',
    '2025-02-30',
    '2024-02-30T10:00:00Z',
    '31 Apr 2025',
    'Tue, 3 Jun 2025 13:04:05 PM -0500',
    'Tue, 3 Jun 2025 15:04:05 XYZT',
    'Tue, 3 Jun 2025 25:04:05 GMT',
    '3 Marathon 2025',
    'yesterday',
  ])('leaves %s unread rather than read it wrong', (date) => {
    expect(parseFeedDate(date)).toBeUndefined();
  });

  it('reads 29 February in a leap year only', () => {
    expect(iso('29 Feb 2024')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('29 Feb 2025')).toBeUndefined();
  });

  it('reads an ambiguous numeric date day first only where the feed’s language writes it so, flagged', () => {
    expect(readFeedDate('15:04 03.06.2025')).toBeUndefined();
    expect(readFeedDate('15:04 03.06.2025', { language: 'en-US' })).toBeUndefined();
    expect(readFeedDate('15:04 03.06.2025', { language: 'es-CO' })).toEqual({
      ms: Date.parse('2025-06-03T15:04:00Z'),
      dayFirst: true,
    });
    expect(iso('03/06/2025', 'pt-BR')).toBe('2025-06-03T00:00:00.000Z');
    expect(iso('03/06/2025', 'en-JM')).toBe('2025-06-03T00:00:00.000Z');
    // Unambiguous numeric dates need no language, and are not flagged.
    expect(readFeedDate('15.03.2025 09:30', { language: 'es' })).toEqual({
      ms: Date.parse('2025-03-15T09:30:00Z'),
    });
    expect(readFeedDate('03/15/2025', { language: 'es' })).toEqual({
      ms: Date.parse('2025-03-15T00:00:00Z'),
    });
  });
});
