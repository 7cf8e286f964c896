import type { Found } from './extract.js';
import { placeOf } from './extract.js';
import { cityMentions, cityNamed, countryNamed, foldName } from './zones.js';

/**
 * A free-text event location (an .ics LOCATION, a feed's `<venue>`) to a place. Apart from
 * shared/events/ics.ts so that reading a feed's event elements does not load ical.js: the .ics
 * reader (and ical.js with it) is imported only when an event's .ics is read
 * (shared/events/sources.ts).
 */
/** "Centro de Convenciones, Lima, Perú": a venue, a city and a country, as far as they are known. */
export function locationOf(text: string): Found['place'] {
  const parts = text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  let city: string | undefined;
  let country: string | undefined;
  const venue: string[] = [];
  for (const part of parts) {
    const known = cityNamed(part);
    if (!city && known) city = known.name;
    else if (!country && countryNamed(part)) country = countryNamed(part);
    else if (!city && !country) venue.push(part);
  }
  if (!city) {
    // A city inside a longer part ("Hotel Tequendama Bogotá").
    city = cityMentions(foldName(text)).next().value?.city.name;
  }
  return placeOf(venue.join(', ') || undefined, city, country);
}
