import { createInterface } from 'node:readline/promises';

interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * Asks a yes/no question on the terminal (yes: y, yes, s, sí) (the question on stderr: stdout is for data). Undefined
 * when there is no terminal to ask (a script, a pipe): the caller refuses unless told `--yes`.
 */
export async function askYesNo(
  question: string,
  terminal: Terminal = { input: process.stdin, output: process.stderr },
): Promise<boolean | undefined> {
  if (!terminal.input.isTTY) return undefined;
  const rl = createInterface({ input: terminal.input, output: terminal.output });
  try {
    // An admin may answer in Spanish: sí, si, s.
    return /^(y(es)?|s[ií]?)$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
