import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), 'iaspn-cli-'));

describe('iaspn CLI', () => {
  it('prints help for the program and for each command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: iaspn/);
    expect(help.stdout).toMatch(/start/);
    expect((await runCli(['status', '--help'])).stdout).toMatch(/--json/);
  });

  it('rejects an unknown option with a non-zero exit and names it', async () => {
    const result = await runCli(['status', '--bogus']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('rejects a non-numeric port in the environment, naming the variable', async () => {
    const result = await runCli(['start', '--once', '--data-dir', freshDataDir()], {
      IASPN_HTTP_PORT: 'abc',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/IASPN_HTTP_PORT must be a port number \(got "abc"\)/);
  });

  it('rejects a bad --port flag', async () => {
    const result = await runCli(['start', '--port', 'eighty']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--port.*must be a port number/);
  });

  it('reports the store status as JSON on a new data directory', async () => {
    const result = await runCli(['status', '--json', '--data-dir', freshDataDir()]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({ reachable: true, table: 'iaspn-relay' });
    expect(status.counts).toHaveProperty('resources');
  });

  it('runs one cycle of the local stack with --once and prints where everything is', async () => {
    const result = await runCli(['start', '--once', '--json', '--port', '0', '--data-dir', freshDataDir()]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.ok).toBe(true);
    expect(summary.urls.inbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(summary.urls.dynamo).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
