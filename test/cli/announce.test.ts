import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-announce-cli-'));
const env = { IASPN_DATA_DIR: dataDir, IASPN_SES_PORT: '0', IASPN_FEEDS_PORT: '0' };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('announcements on the local stack', () => {
  it('npm start -- --once posts the sample library to the followed demo channel, once', async () => {
    const once = await runCli(['start', '--once', '--port', '0'], env);
    expect(once.code, once.stderr).toBe(0);
    const line = once.stdout.split('\n').find((l) => l.trim().startsWith('announce:'));
    // Said in words (5 single posts and one batch message of the rest, to the one demo channel),
    // then the sample cooperation exchange told (its institutions by email, the channel its section).
    expect(line, once.stdout).toMatch(
      /announce: (\d+) resources posted to 1 channel, (\d+) cooperation notices told \(\d+ ms\)$/,
    );
    expect(Number(/(\d+) resources/.exec(line!)![1])).toBeGreaterThan(5);

    const outbox = readFileSync(path.join(dataDir, 'outbox.log'), 'utf8');
    const posts = outbox.split(/^--- /m).filter(Boolean);
    expect(posts).toHaveLength(7);
    for (const post of posts) expect(post).toContain('console:local:demo');
    expect(outbox).toMatch(/== \d+ new resources on (financial inclusion|conditional cash transfers)/);
    // The demo channel follows conditional cash transfers: Juntos' offer, in its cooperation section.
    expect(posts[6]).toContain('== Cooperation: offers and requests ==');
    expect(posts[6]).toContain('Verificación de corresponsabilidades del programa Juntos');

    // Told once: a run by hand finds every notice told already.
    const coop = await runCli(['coop', 'notify', '--json'], env);
    expect(coop.code, coop.stderr).toBe(0);
    expect(JSON.parse(coop.stdout)).toMatchObject({ entries: 5, sent: 0, failed: 0, told: [] });

    // Again by hand over the same window: every delivery is claimed as sent, nothing goes out twice.
    const dry = await runCli(['announce', 'run', '--dry-run', '--json'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      channels: 1,
      posted: 0,
      batched: 0,
      failed: 0,
      dryRun: true,
    });
    const again = await runCli(['announce', 'run'], env);
    expect(again.code, again.stderr).toBe(0);
    // Said as it is: nothing was new, though the run read the whole window again (not "96 new").
    expect(again.stdout).toMatch(
      /^nothing new to post; (\d+) resources first seen since \d{4}-\d\d-\d\d \d\d:\d\d UTC read, \d+ skipped \(posted before, or held by another run\)\n$/,
    );
    expect(readFileSync(path.join(dataDir, 'outbox.log'), 'utf8')).toBe(outbox);
  }, 120_000);
});
