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

/** Up to three zones close to what was typed: a city's name (`santiago`, `New York`) or a misspelling. */
export function suggestTimeZones(text: string): string[] {
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
