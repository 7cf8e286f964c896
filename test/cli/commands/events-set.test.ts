import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceToItem } from '#shared/library/resource-store.js';
import { seededDataDir } from '../../helpers/cli-data-dir.js';
import { makeResource } from '../../helpers/resources.js';
import { runCli } from '../../helpers/run-cli.js';

/** `iaspn events set`: an admin corrects an event's dates (issue 17.1); what else was read stays. */

let dataDir: string;
beforeAll(async () => {
  dataDir = await seededDataDir('events-set', async (runtime) => {
    const forum = makeResource({
      id: 'forum',
      type: 'event',
      title: 'Foro regional de registros sociales',
      event: {
        startsAt: '2027-02-23T05:00:00.000Z',
        endsAt: '2027-02-24T05:00:00.000Z',
        allDay: true,
        timeZone: 'America/Bogota',
        place: { city: 'Bogotá', country: 'CO' },
        sources: { start: 'text', end: 'text', timeZone: 'text', place: 'text' },
      },
    });
    await runtime.store.batchWrite({
      puts: [resourceToItem(forum), resourceToItem(makeResource({ id: 'news', type: 'news' }))],
    });
  });
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const iaspn = (...args: string[]) => runCli(args, { IASPN_DATA_DIR: dataDir });

describe('iaspn events set', () => {
  it('sets the start, end and zone as the admin’s; the place read from the feed stays', async () => {
    const out = await iaspn(
      'events',
      'set',
      'forum',
      '--start',
      '2027-02-25T09:00',
      '--end',
      '2027-02-25T12:00',
      '--tz',
      'America/Bogota',
      '--json',
    );
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).event).toEqual({
      startsAt: '2027-02-25T14:00:00.000Z',
      endsAt: '2027-02-25T17:00:00.000Z',
      timeZone: 'America/Bogota',
      place: { city: 'Bogotá', country: 'CO' },
      sources: { start: 'admin', end: 'admin', timeZone: 'admin', place: 'text' },
    });
  });

  it('refuses a time with no zone and an unknown zone (exit 2), before opening the store', async () => {
    const noZone = await iaspn('events', 'set', 'forum', '--start', '2027-02-25T09:00');
    expect(noZone.code).toBe(2);
    expect(noZone.stderr).toContain('has no offset: give --tz');
    const badZone = await iaspn('events', 'set', 'forum', '--start', '2027-02-25', '--tz', 'Bogota');
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain('is not a time zone');
  });

  it('refuses a resource that is not an event, and one that does not exist (exit 1)', async () => {
    const news = await iaspn('events', 'set', 'news', '--start', '2027-02-25');
    expect(news.code).toBe(1);
    expect(news.stderr).toContain('news is a news, not an event');
    const missing = await iaspn('events', 'set', 'nothing', '--start', '2027-02-25');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No resource nothing');
  });
});
