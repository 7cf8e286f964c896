import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, suggestTimeZones, timeZoneOrProblem } from '#shared/events/zone-name.js';

/**
 * A zone typed as an offset from UTC ("UTC-5", "GMT -03:00") names no place: it used to be answered
 * with "did you mean UTC?", five hours off. It is answered with the capitals whose clocks show that
 * offset at the time asked, or with none.
 */

const JANUARY = new Date('2027-01-15T12:00:00Z');
const JULY = new Date('2027-07-15T12:00:00Z');

describe('suggestTimeZones: an offset from UTC', () => {
  it('suggests the capitals on that offset, never UTC itself for another offset', () => {
    expect(suggestTimeZones('UTC-5', JANUARY)).toEqual(['America/Bogota', 'America/Lima', 'America/Panama']);
    expect(suggestTimeZones('gmt −4', JANUARY)).toEqual([
      'America/La_Paz',
      'America/Caracas',
      'America/Santo_Domingo',
    ]);
    expect(suggestTimeZones('UTC-03:00', JANUARY)).toContain('America/Sao_Paulo');
    for (const typed of ['UTC+5', 'UTC-5', 'GMT-3', 'UTC+5:30'])
      expect(suggestTimeZones(typed, JANUARY)).not.toContain('UTC');
    // UTC+0 is UTC.
    expect(suggestTimeZones('UTC+0', JANUARY)[0]).toBe('UTC');
  });

  it('follows daylight saving time: Santiago is UTC-3 in January and UTC-4 in July', () => {
    expect(suggestTimeZones('UTC-3', JANUARY)).toContain('America/Santiago');
    expect(suggestTimeZones('UTC-3', JULY)).not.toContain('America/Santiago');
    expect(suggestTimeZones('UTC-4', JULY)).toContain('America/Santiago');
  });

  it('names no zone when no capital is on that offset, and the CLI says how to write one', () => {
    expect(suggestTimeZones('UTC+5', JANUARY)).toEqual([]);
    expect(suggestTimeZones('UTC-99', JANUARY)).toEqual([]);
    expect(canonicalTimeZone('UTC-5')).toBeUndefined();
    expect(timeZoneOrProblem('UTC+5')).toEqual({
      problem: '"UTC+5" is not a time zone (write it like America/Bogota)',
    });
  });

  it('still reads a city or a misspelling as before', () => {
    expect(suggestTimeZones('bogota', JANUARY)).toEqual(['America/Bogota']);
    expect(suggestTimeZones('America/Bogta', JANUARY)).toContain('America/Bogota');
  });
});
