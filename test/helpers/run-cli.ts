import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number;
  stdout: string;
  /** stderr without the AWS SDK's notice that it drops Node 20 (see `sdkNodeWarning`). */
  stderr: string;
  /** The AWS SDK warned that it will need Node 22 (it does on Node 20; the CLI does not hide it). */
  sdkNodeWarning: boolean;
}

/** The AWS SDK's warning on Node 20, as Node prints it: left to users, taken out of what tests compare. */
const SDK_NODE_WARNING =
  /\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n/;

/**
 * The compiled CLI, as bin/iaspn.js runs it when the build is up to date. The global setup
 * (build-cli.ts) built it at the start of the run, so sources saved during the run (in a tree others
 * are editing) do not switch some tests to the slower tsx fallback; test/bin/iaspn.test.ts covers
 * bin/iaspn.js's choice between the two.
 */
export const CLI_ENTRY = path.join(ROOT, 'dist/bundle/entry.js');

export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** What it has printed so far. */
  output(): { stdout: string; stderr: string };
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

const cleanEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  IASPN_LOG_LEVEL: 'warn',
  // The CLI reads typed dates in the machine's zone: tests pin it, whatever zone runs them.
  TZ: 'UTC',
  ...env,
});

/** A child process with what it has printed so far and its exit. */
function running(child: ChildProcessWithoutNullStreams): RunningCli {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Starts the `iaspn` CLI as a user would, in a child process, with a clean environment plus `env`. */
export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  return running(spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: ROOT, env: cleanEnv(env) }));
}

/**
 * Runs a command line as typed at a shell (quotes, pipes, redirections), `iaspn` being the built
 * CLI, in `cwd`: a --help example word for word.
 */
export async function runShell(
  line: string,
  options: { cwd: string; env?: Record<string, string> },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `iaspn() { "${process.execPath}" "${CLI_ENTRY}" "$@"; }\n${line}`;
  const shell = running(
    spawn('bash', ['-c', script], { cwd: options.cwd, env: cleanEnv(options.env ?? {}) }),
  );
  shell.child.stdin.end();
  const code = await shell.exited;
  return { code, ...shell.output() };
}

/** Runs the `iaspn` CLI to its end, `stdin` as its input. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
): Promise<CliResult> {
  const cli = startCli(args, env);
  cli.child.stdin.end(stdin ?? '');
  const code = await cli.exited;
  const { stdout, stderr } = cli.output();
  return {
    code: code ?? 1,
    stdout,
    stderr: stderr.replace(SDK_NODE_WARNING, ''),
    sdkNodeWarning: SDK_NODE_WARNING.test(stderr),
  };
}
