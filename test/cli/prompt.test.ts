import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askYesNo } from '#cli/prompt.js';

/** A terminal stand-in: a readable marked as a TTY, with the answer typed in. */
function terminal(answer: string, isTTY = true) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (d) => {
    asked += d;
  });
  input.end(answer);
  return { terminal: { input, output }, asked: () => asked };
}

describe('askYesNo', () => {
  it('asks on the terminal and takes only y or yes, or in Spanish s or sí, as a yes', async () => {
    for (const [typed, expected] of [
      ['y\n', true],
      ['YES\n', true],
      ['sí\n', true],
      ['Si\n', true],
      ['s\n', true],
      ['n\n', false],
      ['no\n', false],
      ['\n', false],
      ['sure\n', false],
      ['sin\n', false],
    ] as const) {
      const t = terminal(typed);
      expect(await askYesNo('Remove feed x?', t.terminal), typed).toBe(expected);
      expect(t.asked()).toBe('Remove feed x? [y/N] ');
    }
  });

  it('does not ask when there is no terminal (a script, a pipe)', async () => {
    const t = terminal('y\n', false);
    expect(await askYesNo('Remove feed x?', t.terminal)).toBeUndefined();
    expect(t.asked()).toBe('');
  });
});
