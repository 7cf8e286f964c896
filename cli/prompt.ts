import { createInterface } from 'node:readline/promises';

interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * Asks a yes/no question on the terminal (the question on stderr: stdout is for data). Undefined
 * when there is no terminal to ask (a script, a pipe): the caller refuses unless told `--yes`.
 */
export async function askYesNo(
  question: string,
  terminal: Terminal = { input: process.stdin, output: process.stderr },
): Promise<boolean | undefined> {
  if (!terminal.input.isTTY) return undefined;
  const rl = createInterface({ input: terminal.input, output: terminal.output });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
