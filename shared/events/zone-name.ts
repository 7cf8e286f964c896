import { distance } from 'fastest-levenshtein';
import { foldText } from '../taxonomy/fold.js';

/**
 * An IANA zone's name checked by the runtime's own zone database (Intl). Apart from time-zone.ts so
 * that what reads a request (shared/search/request.ts, `iaspn search --tz`) loads no store.
 */

/** The canonical spelling of an IANA zone (`america/new_york` → `America/New_York`), or undefined. */
export function canonicalTimeZone(text: string | undefined): string | undefined {
  const wanted = text?.trim();
  if (!wanted || wanted.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(wanted)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: wanted }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let zones: readonly { zone: string; folded: string; city: string }[] | undefined;

function knownZones() {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => ({
    zone,
    folded: foldText(zone.replace(/[/_]/g, ' ')),
    city: foldText((zone.split('/').at(-1) ?? zone).replace(/_/g, ' ')),
  }));
  return zones;
}

/**
 * The Network's capitals' zones, in the order an offset's suggestions name them: `UTC-5` is best
 * answered with Bogotá, Lima or Panamá, not with a zone of its spelling (`UTC`, which is 5 hours off).
 */
const CAPITAL_ZONES = [
  'America/Bogota',
  'America/Lima',
  'America/Panama',
  'America/Mexico_City',
  'America/Guatemala',
  'America/Costa_Rica',
  'America/Santiago',
  'America/La_Paz',
  'America/Caracas',
  'America/Santo_Domingo',
  'America/Port-au-Prince',
  'America/Jamaica',
  'America/Argentina/Buenos_Aires',
  'America/Sao_Paulo',
  'America/Montevideo',
  'America/Asuncion',
  'America/Guayaquil',
  'America/New_York',
  'America/Toronto',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Halifax',
  'America/St_Johns',
  'America/Noronha',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Madrid',
];

/** `UTC-5`, `GMT -03:00`, `utc+5:30`: an offset from UTC in minutes, or undefined. */
function typedOffset(text: string): number | undefined {
  const m = /^\s*(?:utc|gmt)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\s*$/i.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? undefined : m[1] === '+' ? minutes : -minutes;
}

/** A zone's offset from UTC at `at`, in minutes. */
function offsetOf(zone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Up to three zones close to what was typed: a city's name (`santiago`, `New York`) or a misspelling. */
export function suggestTimeZones(text: string, at: Date = new Date()): string[] {
  // An offset names no place: the capitals whose clocks show it now, or none (never `UTC` for `UTC+5`).
  const offset = typedOffset(text);
  if (offset !== undefined)
    return [
      ...(offset === 0 ? ['UTC'] : []),
      ...CAPITAL_ZONES.filter((zone) => offsetOf(zone, at) === offset),
    ].slice(0, 3);
  const folded = foldText(text.replace(/[/_]/g, ' ')).slice(0, 64);
  if (!folded) return [];
  const all = knownZones();
  const byCity = all.filter((z) => z.city === folded || z.folded === folded);
  if (byCity.length > 0) return byCity.slice(0, 3).map((z) => z.zone);
  return all
    .map((z) => ({ zone: z.zone, d: Math.min(distance(folded, z.city), distance(folded, z.folded)) }))
    .filter((z) => z.d <= Math.max(2, Math.floor(folded.length / 3)))
    .sort((a, b) => a.d - b.d || a.zone.localeCompare(b.zone))
    .slice(0, 3)
    .map((z) => z.zone);
}

/** A zone as typed on a command line: its canonical name, or an error naming the closest ones. */
export function timeZoneOrProblem(value: string): { zone: string } | { problem: string } {
  const zone = canonicalTimeZone(value);
  if (zone) return { zone };
  const near = suggestTimeZones(value);
  return {
    problem: `"${value}" is not a time zone${near.length ? `: did you mean ${near.join(', ')}?` : ' (write it like America/Bogota)'}`,
  };
}
