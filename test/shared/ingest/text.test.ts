import { afterEach, describe, expect, it } from 'vitest';
import { itemText, parseFeedDate, withoutTrailer } from '#shared/ingest/text.js';

const iso = (value: string) => {
  const t = parseFeedDate(value);
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
      const inUtc = forms.map(iso);
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
        expect(forms.map(iso)).toEqual(inUtc);
      }
    });
  });
});

describe('itemText', () => {
  it('decodes text that WordPress escaped twice, and strips tags that were escaped', () => {
    expect(itemText('Chile&amp;#8217;s new registry')).toBe('Chile’s new registry');
    expect(itemText('&amp;lt;b&amp;gt;Hi')).toBe('Hi');
    expect(itemText('&lt;b&gt;Hi&lt;/b&gt; there')).toBe('Hi there');
    expect(itemText('More to come&amp;hellip;')).toBe('More to come…');
  });

  it('keeps a lone ampersand or less-than sign', () => {
    expect(itemText('A &amp; B')).toBe('A & B');
    expect(itemText('5 &lt; 10 and 10 > 5')).toBe('5 < 10 and 10 > 5');
    expect(itemText('AT&T; Q&A')).toBe('AT&T; Q&A');
  });
});

describe('withoutTrailer', () => {
  it.each([
    [
      'Cash transfers grew. The post Cash transfers in Peru appeared first on Partner News.',
      'Cash transfers grew.',
    ],
    [
      'The ministry reported results […] The post Results appeared first on Ministry.',
      'The ministry reported results',
    ],
    ['The ministry reported results Continue reading Results in Peru →', 'The ministry reported results'],
    ['The ministry reported results. Continue reading →', 'The ministry reported results.'],
    ['The ministry reported results. Read more »', 'The ministry reported results.'],
    ['El ministerio informó. Leer más', 'El ministerio informó.'],
    ['El ministerio informó. Seguir leyendo…', 'El ministerio informó.'],
    ['O ministério informou. Leia mais', 'O ministério informou.'],
    ['The ministry reported results [...]', 'The ministry reported results'],
    ['The ministry reported results [&#8230;]', 'The ministry reported results'],
  ])('strips the boilerplate of %j', (text, expected) => {
    expect(withoutTrailer(text)).toBe(expected);
  });

  it.each([
    'The ministry reported results…',
    'Families read more',
    'We will continue reading the report in May.',
  ])('keeps %j as it is', (text) => {
    expect(withoutTrailer(text)).toBe(text);
  });
});
