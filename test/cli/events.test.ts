import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../helpers/cli-data-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { eventResource, storeAndIndex } from '../shared/events/fixtures.js';

// The CLI runs on the real clock: the events are placed around it.
const DAY = 86_400_000;
const at = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

let dataDir: string;
beforeAll(async () => {
  dataDir = await seededDataDir('events', (runtime) =>
    storeAndIndex(runtime, [
      eventResource('past', { startsAt: at(-3, 15) }, { countries: ['CO'] }),
      eventResource(
        'second',
        { startsAt: at(9, 15), endsAt: at(9, 17), registrationUrl: 'https://example.org/register' },
        { countries: ['CO'] },
      ),
      eventResource(
        'first',
        { startsAt: at(2, 15), place: { city: 'Bogotá', country: 'CO' } },
        { countries: ['CO'] },
      ),
      eventResource('elsewhere', { startsAt: at(1, 15) }, { countries: ['PE'] }),
    ]),
  );
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('iaspn events upcoming', () => {
  it('lists the filtered upcoming events soonest first as JSON, with when in the zone asked', async () => {
    const result = await runCli(
      ['events', 'upcoming', 'country:colombia', '--tz', 'america/bogota', '--json'],
      {
        IASPN_DATA_DIR: dataDir,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.timeZone).toBe('America/Bogota');
    expect(out.events.map((e: { id: string }) => e.id)).toEqual(['first', 'second']);
    // 15:00 UTC is 10:00 in Bogotá (UTC-5, no summer time).
    expect(out.events[0].when).toMatch(/10:00 AM GMT-5$/);
    expect(out.events[0].where).toBe('Bogotá, Colombia');
    expect(out.events[1].event.registrationUrl).toBe('https://example.org/register');
  });

  it('prints them as text, and refuses an unknown zone and a filter value that means nothing', async () => {
    const text = await runCli(['events', 'upcoming'], { IASPN_DATA_DIR: dataDir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^3 upcoming events \(times in UTC\)/);
    const zone = await runCli(['events', 'upcoming', '--tz', 'Bogota'], { IASPN_DATA_DIR: dataDir });
    expect(zone.code).not.toBe(0);
    expect(zone.stderr).toMatch(/"Bogota" is not a time zone: did you mean America\/Bogota\?/);
    const filter = await runCli(['events', 'upcoming', 'country:narnia'], { IASPN_DATA_DIR: dataDir });
    expect(filter.code).toBe(2);
    expect(filter.stderr).toMatch(/"narnia": no such country/);
  });
});
