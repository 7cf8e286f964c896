import http from 'node:http';
import path from 'node:path';
import type { Env } from '#shared/config.js';
import type { GlobalOptions } from './context.js';
import type { AdminQuestion, AdminQuestions } from './local/admin-answers.js';
import { ADMIN_PREFIX, readRunningStack, type StackFile, stackWhere } from './local/stack-file.js';

/**
 * How `iaspn search`, `feeds list` and `status` get their answer. Beside a running local stack they
 * ask it over its admin route (`cli/local/admin-route.ts`): the stack has the store open and the
 * search index loaded, and the command loads nothing but this file, node:http and its renderer.
 * Otherwise (no stack, `--aws`, or a stack that does not answer as expected: an old one, a stale
 * file, a port that refuses) the command opens the store itself and runs the same answers
 * (`adminAnswers`). Either way the answer is the same object, so the output is the same.
 *
 * Imports here are kept to node builtins and the stack file: no configuration schema, no AWS SDK.
 */

export interface Answered<Q extends AdminQuestion> {
  answer: AdminQuestions[Q]['answer'];
  /** Where the store is, as `iaspn status` reports it. */
  where: string;
}

/** How long the CLI waits for the stack's answer before opening the store itself. */
const STACK_TIMEOUT_MS = 15_000;

/**
 * The data directory a command works on, as `loadConfig` reads it (flag, then IASPN_DATA_DIR, then
 * `.data`), without loading the configuration schema; undefined when only the full configuration
 * can say (an empty variable, which it refuses).
 */
function dataDirOf(options: GlobalOptions, env: Env): string | undefined {
  const dir = options.dataDir || (env.IASPN_DATA_DIR ?? '.data');
  return dir ? path.resolve(dir) : undefined;
}

/** The answer of the local stack running on the data directory, or undefined. */
export async function askRunningStack<Q extends AdminQuestion>(
  options: GlobalOptions,
  question: Q,
  params: AdminQuestions[Q]['params'],
  env: Env = process.env,
): Promise<Answered<Q> | undefined> {
  if (options.aws) return undefined;
  const dataDir = dataDirOf(options, env);
  const stack = dataDir === undefined ? undefined : readRunningStack(dataDir);
  if (!dataDir || !stack?.adminToken) return undefined;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
  const answer = await getJson(stack, `${ADMIN_PREFIX}/${question}?${query}`);
  return answer === undefined
    ? undefined
    : { answer: answer as AdminQuestions[Q]['answer'], where: stackWhere(stack, dataDir) };
}

/** The stack's JSON answer, or undefined for anything but a 200 with JSON (never an error). */
function getJson(stack: StackFile, pathAndQuery: string): Promise<unknown> {
  let url: URL;
  try {
    url = new URL(pathAndQuery, stack.httpUrl);
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const request = http.get(
      url,
      { headers: { authorization: `Bearer ${stack.adminToken}` }, timeout: STACK_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => resolve(undefined));
        response.on('end', () => {
          if (response.statusCode !== 200) return resolve(undefined);
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch {
            resolve(undefined);
          }
        });
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** The answer to `question`: from the running local stack when it answers, else from the store. */
export async function answer<Q extends AdminQuestion>(
  options: GlobalOptions,
  question: Q,
  params: AdminQuestions[Q]['params'],
): Promise<Answered<Q>> {
  const fromStack = await askRunningStack(options, question, params);
  if (fromStack) return fromStack;
  const [{ withCliRuntime }, { adminAnswers }] = await Promise.all([
    import('./context.js'),
    import('./local/admin-answers.js'),
  ]);
  return withCliRuntime(options, async ({ runtime, where }) => {
    const answers = adminAnswers(runtime);
    const run = answers[question] as (p: typeof params) => Promise<AdminQuestions[Q]['answer']>;
    return { answer: await run(params), where };
  });
}
