import { Temporal } from 'temporal-polyfill';
import { COUNTRIES } from '../taxonomy/countries.js';

/**
 * Places and time zones as partners write them: the region's cities ("Washington, D.C.",
 * "Brasília", "Ciudad de México") and named zones ("hora del Este", "heure de Paris", "EST",
 * "UTC-5") to IANA zones, and wall-clock times in a zone to instants. The conversion is Temporal's
 * (temporal-polyfill, which reads the zone rules through Intl): DST is never computed here.
 */

export interface City {
  /** As shown (`Bogotá`). */
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  timeZone: string;
}

/** Lower-case, accents and punctuation set aside, spaces collapsed: how names are compared. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+-]+/g, ' ')
    .trim();
}

/** [display name, country, zone, other spellings...]. */
const CITY_ROWS: readonly (readonly string[])[] = [
  [
    'Washington, D.C.',
    'US',
    'America/New_York',
    'Washington DC',
    'Washington D C',
    'Washington',
    'Wáshington',
  ],
  ['New York', 'US', 'America/New_York', 'Nueva York', 'Nova York', 'New York City', 'NYC'],
  ['Miami', 'US', 'America/New_York'],
  ['Chicago', 'US', 'America/Chicago'],
  ['Los Angeles', 'US', 'America/Los_Angeles', 'Los Ángeles'],
  ['Ottawa', 'CA', 'America/Toronto'],
  ['Toronto', 'CA', 'America/Toronto'],
  ['Montreal', 'CA', 'America/Toronto', 'Montréal'],
  ['Vancouver', 'CA', 'America/Vancouver'],
  ['Mexico City', 'MX', 'America/Mexico_City', 'Ciudad de México', 'Cidade do México', 'CDMX'],
  ['Guatemala City', 'GT', 'America/Guatemala', 'Ciudad de Guatemala'],
  ['Tegucigalpa', 'HN', 'America/Tegucigalpa'],
  ['San Salvador', 'SV', 'America/El_Salvador'],
  ['Managua', 'NI', 'America/Managua'],
  ['San José', 'CR', 'America/Costa_Rica', 'San José, Costa Rica'],
  ['Panama City', 'PA', 'America/Panama', 'Ciudad de Panamá'],
  ['Belmopan', 'BZ', 'America/Belize', 'Belize City'],
  ['Bogotá', 'CO', 'America/Bogota', 'Bogota', 'Santa Fe de Bogotá'],
  ['Medellín', 'CO', 'America/Bogota'],
  ['Cali', 'CO', 'America/Bogota'],
  ['Cartagena', 'CO', 'America/Bogota', 'Cartagena de Indias'],
  ['Quito', 'EC', 'America/Guayaquil'],
  ['Guayaquil', 'EC', 'America/Guayaquil'],
  ['Lima', 'PE', 'America/Lima'],
  ['La Paz', 'BO', 'America/La_Paz'],
  ['Santa Cruz de la Sierra', 'BO', 'America/La_Paz'],
  ['Santiago', 'CL', 'America/Santiago', 'Santiago de Chile'],
  ['Buenos Aires', 'AR', 'America/Argentina/Buenos_Aires'],
  ['Montevideo', 'UY', 'America/Montevideo'],
  ['Asunción', 'PY', 'America/Asuncion'],
  ['Brasília', 'BR', 'America/Sao_Paulo', 'Brasilia'],
  ['São Paulo', 'BR', 'America/Sao_Paulo'],
  ['Rio de Janeiro', 'BR', 'America/Sao_Paulo'],
  ['Recife', 'BR', 'America/Recife'],
  ['Manaus', 'BR', 'America/Manaus'],
  ['Caracas', 'VE', 'America/Caracas'],
  ['Havana', 'CU', 'America/Havana', 'La Habana', 'Havane'],
  ['Santo Domingo', 'DO', 'America/Santo_Domingo', 'Saint-Domingue'],
  ['Port-au-Prince', 'HT', 'America/Port-au-Prince', 'Puerto Príncipe'],
  ['Kingston', 'JM', 'America/Jamaica'],
  ['Port of Spain', 'TT', 'America/Port_of_Spain', 'Puerto España'],
  ['Bridgetown', 'BB', 'America/Barbados'],
  ['Nassau', 'BS', 'America/Nassau'],
  ['Georgetown', 'GY', 'America/Guyana'],
  ['Paramaribo', 'SR', 'America/Paramaribo'],
  ['Castries', 'LC', 'America/St_Lucia'],
  ['Kingstown', 'VC', 'America/St_Vincent'],
  ['Basseterre', 'KN', 'America/St_Kitts'],
  ["St. John's", 'AG', 'America/Antigua', 'Saint Johns', 'St Johns'],
  ['Roseau', 'DM', 'America/Dominica'],
  ["St. George's", 'GD', 'America/Grenada', 'Saint Georges', 'St Georges'],
  ['Paris', 'FR', 'Europe/Paris'],
  ['Madrid', 'ES', 'Europe/Madrid'],
  ['Lisbon', 'PT', 'Europe/Lisbon', 'Lisboa', 'Lisbonne'],
  ['Geneva', 'CH', 'Europe/Zurich', 'Genève', 'Ginebra', 'Genebra'],
  ['London', 'GB', 'Europe/London', 'Londres'],
  ['Rome', 'IT', 'Europe/Rome', 'Roma'],
];

/** Named zones that are not cities: what partners write after a time. */
const ZONE_NAMES: readonly [string, string][] = [
  ['eastern time', 'America/New_York'],
  ['eastern', 'America/New_York'],
  ['est', 'America/New_York'],
  ['edt', 'America/New_York'],
  ['hora del este', 'America/New_York'],
  ['hora de la costa este', 'America/New_York'],
  ['heure de l est', 'America/New_York'],
  ['central time', 'America/Chicago'],
  ['mountain time', 'America/Denver'],
  ['pacific time', 'America/Los_Angeles'],
  ['brt', 'America/Sao_Paulo'],
  ['horario de brasilia', 'America/Sao_Paulo'],
  ['cet', 'Europe/Paris'],
  ['cest', 'Europe/Paris'],
  ['utc', 'UTC'],
  ['gmt', 'UTC'],
  // Windows zone names, as Outlook writes them in an .ics TZID.
  ['eastern standard time', 'America/New_York'],
  ['central standard time', 'America/Chicago'],
  ['sa pacific standard time', 'America/Bogota'],
  ['e south america standard time', 'America/Sao_Paulo'],
  ['central standard time mexico', 'America/Mexico_City'],
  ['pacific sa standard time', 'America/Santiago'],
  ['argentina standard time', 'America/Argentina/Buenos_Aires'],
  ['romance standard time', 'Europe/Paris'],
  ['sa western standard time', 'America/La_Paz'],
];

export const CITIES: readonly City[] = CITY_ROWS.map(([name, country, timeZone]) => ({
  name: name!,
  country: country!,
  timeZone: timeZone!,
}));

const cityByName = new Map<string, City>();
for (const [i, row] of CITY_ROWS.entries()) {
  const [name, , , ...others] = row;
  for (const spelling of [name!, ...others]) cityByName.set(foldName(spelling), CITIES[i]!);
}
/** A country's own name as a zone ("hora de Colombia"): only the countries with one zone. */
const ONE_ZONE_COUNTRIES: Record<string, string> = {
  CO: 'America/Bogota',
  PE: 'America/Lima',
  EC: 'America/Guayaquil',
  BO: 'America/La_Paz',
  UY: 'America/Montevideo',
  PY: 'America/Asuncion',
  AR: 'America/Argentina/Buenos_Aires',
  VE: 'America/Caracas',
  GT: 'America/Guatemala',
  HN: 'America/Tegucigalpa',
  SV: 'America/El_Salvador',
  NI: 'America/Managua',
  CR: 'America/Costa_Rica',
  PA: 'America/Panama',
  DO: 'America/Santo_Domingo',
  HT: 'America/Port-au-Prince',
  JM: 'America/Jamaica',
  TT: 'America/Port_of_Spain',
  BB: 'America/Barbados',
  CU: 'America/Havana',
  GY: 'America/Guyana',
  SR: 'America/Paramaribo',
  BZ: 'America/Belize',
  BS: 'America/Nassau',
};
const countryByName = new Map<string, string>();
for (const c of COUNTRIES) {
  for (const name of [...Object.values(c.names), ...c.variants]) countryByName.set(foldName(name), c.code);
}
const zoneByName = new Map<string, string>(ZONE_NAMES);
/** Every name a zone can be found by, longest first (so "hora del este" wins over "este"). */
const ZONE_KEYS = [...new Set([...cityByName.keys(), ...zoneByName.keys(), ...countryByName.keys()])].sort(
  (a, b) => b.length - a.length,
);

export const cityNamed = (text: string): City | undefined => cityByName.get(foldName(text));

/** ISO code of a country named in any of the four languages, or given as a code. */
export function countryNamed(text: string): string | undefined {
  const folded = foldName(text);
  if (/^[a-z]{2}$/.test(folded) && COUNTRIES.some((c) => c.code === folded.toUpperCase()))
    return folded.toUpperCase();
  return countryByName.get(folded) ?? COUNTRIES.find((c) => c.iso3 === folded.toUpperCase())?.code;
}

/** Cities (any spelling), folded, longest first. */
const CITY_KEYS = [...cityByName.keys()].sort((a, b) => b.length - a.length);
/** Every city name as a whole word, longest first at one place; compiled once. */
const CITY_MENTION = new RegExp(
  `(^|[^a-z0-9])(${CITY_KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z0-9])`,
  'g',
);

/** The cities a lower-case, accent-free text names, in order: where each starts and its spelling. */
export function* cityMentions(text: string): Generator<{ index: number; key: string; city: City }> {
  const re = new RegExp(CITY_MENTION.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = m[2]!;
    yield { index: m.index + m[1]!.length, key, city: cityByName.get(key)! };
  }
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** `UTC-5`, `GMT+2`, `UTC -03:00`: a fixed offset as an IANA `Etc/` zone where one exists. */
function offsetZone(folded: string): string | undefined {
  const m = /^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?$/.exec(folded);
  if (!m) return undefined;
  const hours = Number(m[2]);
  if (m[3] && m[3] !== '00') return undefined;
  if (hours === 0) return 'UTC';
  if (hours > 14) return undefined;
  // POSIX signs: Etc/GMT+5 is five hours behind UTC.
  return `Etc/GMT${m[1] === '-' ? '+' : '-'}${hours}`;
}

/**
 * The IANA zone a label names: an IANA name itself, a city, a named zone, a fixed offset, a
 * one-zone country ("hora de Colombia"); words such as "hora de", "heure de", "time" set aside.
 * Only a name at the label's start counts ("Washington, D.C.)" yes; "sala 3, Bogotá" no).
 */
export function zoneNamed(label: string): string | undefined {
  const raw = label.trim();
  if (/^[A-Za-z]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?$/.test(raw) && isTimeZone(raw)) return raw;
  const folded = foldName(raw)
    .replace(
      /^(?:(?:hora|horario|heure|time|fuso|huso)\s+(?:oficial\s+)?(?:de\s+la\s+|de\s+l\s+|del\s+|de\s+|d\s+)?)/,
      '',
    )
    .replace(/^(?:l\s+|la\s+|le\s+)/, '');
  const offset = offsetZone(folded);
  if (offset) return offset;
  for (const key of ZONE_KEYS) {
    if (folded === key || folded.startsWith(`${key} `)) {
      const city = cityByName.get(key);
      if (city) return city.timeZone;
      const zone = zoneByName.get(key);
      if (zone) return zone;
      const country = countryByName.get(key);
      if (country && ONE_ZONE_COUNTRIES[country]) return ONE_ZONE_COUNTRIES[country];
    }
  }
  return undefined;
}

/** The zone a city implies (for times given with no zone but a known place). */
export const zoneOfCity = (name: string | undefined) => (name ? cityNamed(name)?.timeZone : undefined);

/** `YYYY-MM-DD` (and optional `THH:MM`) wall time in `zone` to an ISO UTC instant; DST as the zone has it. */
export function wallToInstant(wall: string, zone: string): string | undefined {
  try {
    const plain = wall.length <= 10 ? Temporal.PlainDate.from(wall) : Temporal.PlainDateTime.from(wall);
    const zoned =
      plain instanceof Temporal.PlainDate
        ? plain.toZonedDateTime({ timeZone: zone })
        : plain.toZonedDateTime(zone, { disambiguation: 'compatible' });
    return new Date(zoned.epochMilliseconds).toISOString();
  } catch {
    return undefined;
  }
}

/** The day after a `YYYY-MM-DD` date. */
export const nextDay = (date: string) => Temporal.PlainDate.from(date).add({ days: 1 }).toString();

/** Whether `YYYY-MM-DD` is a real date (no 31 June). */
export function isRealDate(year: number, month: number, day: number): boolean {
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}
