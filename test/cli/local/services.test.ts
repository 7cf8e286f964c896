import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '#cli/local/services.js';
import { ConfigError } from '#shared/errors.js';
import { runCli } from '../../helpers/run-cli.js';

/**
 * A `--data-dir` that names a file (a slip: `--data-dir notes.txt`) used to reach the person as
 * "unexpected error: Error: ENOTDIR" and Node's stack trace; it is refused by name.
 */

const aFile = () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'iaspn-datadir-')), 'notes.txt');
  writeFileSync(file, 'not a directory\n');
  return file;
};

describe('startDynalite: the data directory', () => {
  it('refuses a file as the data directory, saying so', async () => {
    const file = aFile();
    const opening = startDynalite({ dataDir: file });
    await expect(opening).rejects.toBeInstanceOf(ConfigError);
    await expect(opening).rejects.toThrow(
      `The data directory ${file} cannot hold the local store: it, or a folder on its path, is a file.`,
    );
    await expect(startDynalite({ dataDir: path.join(file, 'below') })).rejects.toThrow(/is a file/);
  });

  it('makes a directory that does not exist yet, as before', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'iaspn-datadir-')), 'new', 'store');
    const dynamo = await startDynalite({ dataDir });
    await dynamo.close();
  });
});

describe('iaspn with --data-dir naming a file', () => {
  it('says what is wrong, with no stack trace, and exits 2', async () => {
    const file = aFile();
    const status = await runCli(['status', '--data-dir', file]);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain(`iaspn: The data directory ${file} cannot hold the local store`);
    expect(status.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });
});
