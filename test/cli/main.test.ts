import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS, requestedCommand, spanishCommand } from '#cli/main.js';
import { runCli } from '../helpers/run-cli.js';

const argv = (...words: string[]) => ['node', 'iaspn', ...words];

describe('the command table (cli/main.ts)', () => {
  it('finds the command to load after the global options and after help', () => {
    expect(requestedCommand(argv('feeds', 'list'))).toBe('feeds');
    expect(requestedCommand(argv('--data-dir', 'feeds', 'status'))).toBe('status');
    expect(requestedCommand(argv('--aws', '--log-level', 'debug', 'search', 'x'))).toBe('search');
    expect(requestedCommand(argv('help', 'digest'))).toBe('digest');
    expect(requestedCommand(argv('--help'))).toBeUndefined();
    expect(requestedCommand(argv('--version'))).toBeUndefined();
  });

  it('registers, for the program’s help, each command as its summary only', async () => {
    const program = await buildProgram(undefined);
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    const feeds = program.commands.find((c) => c.name() === 'feeds')!;
    expect(feeds.commands).toEqual([]);
    expect(feeds.summary()).toBe(COMMANDS.find((c) => c.name === 'feeds')!.summary);
  });

  it('loads each listed command from a file that registers a command of that name, with examples', async () => {
    const program = await buildProgram('*');
    for (const { name } of COMMANDS) {
      const command = program.commands.find((c) => c.name() === name);
      expect(command, name).toBeDefined();
      // Every command's --help, and each subcommand's, ends with examples.
      for (const c of [command!, ...command!.commands]) {
        let text = '';
        c.configureOutput({ writeOut: (s) => (text += s) }).outputHelp();
        expect(text, `iaspn ${name} ${c === command ? '' : c.name()} --help`).toMatch(
          /\nExamples:\n {2}\$ \S/,
        );
      }
    }
  });
});

describe('a command typed in Spanish', () => {
  it('is answered with the English command it means, as a typo is, and exits 2', async () => {
    const typed = await runCli(['buscar', 'pobreza', 'pais:peru']);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain(
      "error: unknown command 'buscar'\n(Did you mean search? ¿Quiso decir search?",
    );
    expect(typed.stdout).toBe('');
    expect(spanishCommand('Búsqueda')).toBe('search');
    expect(spanishCommand('próximos')).toBe('events upcoming');
    // Words that are no command in either language stay commander's to answer.
    expect(spanishCommand('constructor')).toBeUndefined();
  });
});

describe('iaspn on Node 20', () => {
  it('leaves the AWS SDK’s warning that it will need Node 22 to the user (it is not hidden)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'iaspn-node-'));
    const status = await runCli(['status', '--data-dir', dataDir]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.sdkNodeWarning).toBe(Number(process.versions.node.split('.')[0]) < 22);
  });
});

describe('iaspn completion', () => {
  it('prints a bash script that completes commands, subcommands and options', async () => {
    const script = await runCli(['completion', 'bash']);
    expect(script.code, script.stderr).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'iaspn-completion-'));
    writeFileSync(path.join(dir, 'iaspn.bash'), script.stdout);
    const complete = (...words: string[]) => {
      const line = ['iaspn', ...words];
      const result = spawnSync(
        'bash',
        [
          '-c',
          `source ${path.join(dir, 'iaspn.bash')}; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _iaspn; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      return result.stdout.trim().split('\n');
    };
    expect(complete('fe')).toEqual(['feeds']);
    expect(complete('feeds', '')).toEqual(expect.arrayContaining(['add', 'list', 'import', 'remove']));
    expect(complete('--data-dir', 'feeds', 'feeds', 're').sort()).toEqual(['remove', 'resume']);
    expect(complete('feeds', 'remove', '--')).toEqual(
      expect.arrayContaining(['--yes', '--help', '--data-dir']),
    );
    // The values of an option or argument that takes one of a list, not the options again.
    expect(complete('feeds', 'add', 'https://x.example.org/feed', '--partner-kind', '')).toEqual([
      'ministry',
      'international-organisation',
      'ngo',
      'academia',
      'private-sector',
    ]);
    expect(complete('feeds', 'export', '--format', '')).toEqual(['json', 'opml']);
    expect(complete('coop', 'export', '--format', '')).toEqual(['json', 'csv']);
    expect(complete('--log-level', 'w')).toEqual(['warn']);
    expect(complete('status', '--log-level', '')).toEqual(['debug', 'info', 'warn', 'error', 'silent']);
    expect(complete('completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh']));
  });

  it('prints a zsh script that runs the same completion through bashcompinit', async () => {
    const script = await runCli(['completion', 'zsh']);
    expect(script.code).toBe(0);
    expect(script.stdout).toMatch(/^#compdef iaspn\n/);
    expect(script.stdout).toContain('bashcompinit');
    expect(script.stdout).toContain('complete -o default -F _iaspn iaspn');
  });

  it('refuses another shell', async () => {
    const fish = await runCli(['completion', 'fish']);
    expect(fish.code).toBe(2);
    expect(fish.stderr).toMatch(/Allowed choices are bash, zsh/);
  });
});
