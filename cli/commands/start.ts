import { type Command, InvalidArgumentError } from 'commander';
import { startLocalBots } from '#shared/bot/faces.js';
import { loadConfig } from '#shared/config.js';
import { COOP_ROUTE } from '#shared/coop/web/route.js';
import { describeCycle } from '#shared/jobs.js';
import { createConsoleLog } from '#shared/log.js';
import { envWithFlags, type GlobalOptions } from '../context.js';
import { type CycleResult, type LocalStack, startLocalStack } from '../local/stack.js';
import { printJson, println } from '../output.js';

interface StartOptions {
  once?: boolean;
  reset?: boolean;
  restore?: boolean;
  port?: number;
  json?: boolean;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return port;
}

function printBanner(stack: LocalStack): void {
  const { urls, routes } = stack;
  println('iaspn-relay local stack');
  println(`  HTTP endpoints   ${urls.http}`);
  const width = Math.max(16, ...routes.map((r) => r.path.length));
  for (const r of routes) println(`    ${r.path.padEnd(width)} ${r.describe}`);
  const coop = COOP_ROUTE.pages;
  println(`  cooperation      ${urls.http}${coop.portfolio}   (offers and requests, who fits; ?lang=es)`);
  println(`    submit         ${urls.http}${coop.offer}   ${urls.http}${coop.request}`);
  println(`    in numbers     ${urls.http}${coop.report}`);
  println(`  email inbox      ${urls.inbox}   (aws-ses-v2-local: every email the relay sends)`);
  println(`  DynamoDB         ${urls.dynamo}   (dynalite, table ${stack.runtime.config.tableName})`);
  println(`  sample feeds     ${urls.feeds}/`);
  println(`  data directory   ${stack.runtime.config.local.dataDir}`);
}

function describeResult(result: CycleResult): string {
  if (!result.ok) return `${result.job}: FAILED ${result.error}`;
  return `${result.job}: ${result.said} (${result.ms} ms)`;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the relay on this machine: store, email inbox, sample feeds, endpoints and jobs')
    .option('--once', 'run one cycle of every job, print a summary and exit')
    .option('--reset', 'delete the data directory first')
    .option('--restore', 'put back the copy of the store kept when it last closed cleanly (after damage)')
    .option('--port <port>', 'port of the HTTP endpoints (IASPN_HTTP_PORT; 0 = any free port)', parsePort)
    .option('--json', 'with --once, print the summary as JSON')
    .action(async (options: StartOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const env = envWithFlags(globals);
      if (options.port !== undefined) env.IASPN_HTTP_PORT = String(options.port);
      // --once is a smoke run: it must not collide with a stack a developer already has running.
      if (options.once) {
        env.IASPN_SES_PORT ??= '0';
        env.IASPN_FEEDS_PORT ??= '0';
      }
      const config = loadConfig(env);
      const log = createConsoleLog(config.logLevel);
      const stack = await startLocalStack(env, log, { reset: options.reset, restore: options.restore });
      if (!options.json) printBanner(stack);

      if (options.once) {
        const results = await stack.runCycle();
        await stack.close();
        const ok = results.every((r) => r.ok);
        if (options.json) printJson({ ok, urls: stack.urls, jobs: results });
        else {
          println();
          println(results.length ? 'one cycle:' : 'one cycle: no jobs registered');
          for (const r of results) println(`  ${describeResult(r)}`);
          println(`${ok ? 'done' : 'done, with failures'}: ${describeCycle(results)}.`);
        }
        process.exitCode = ok ? 0 : 1;
        return;
      }

      // Chat bots with tokens in the environment: Slack by Socket Mode, Telegram by long polling.
      const bots = await startLocalBots(stack.runtime);
      for (const bot of bots.started) println(`  chat bot         ${bot}`);
      println();
      println('running; Ctrl-C stops it. Try `npm run iaspn -- --help` in another terminal.');
      // One ordered cycle now, then one every IASPN_CYCLE_INTERVAL_MINUTES; never two at once.
      // Each job logs its own result as it ends; failures (which no job logs) and the cycle's line here.
      stack.schedule({
        onResult: (r) => r.ok || println(`  ${describeResult(r)}`),
        onCycle: (results) => println(`cycle done: ${describeCycle(results)}`),
        onSkipped: () => println('cycle skipped: the previous one is still running'),
      });
      await stack.runCycle();
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      println('stopping...');
      await bots.stop();
      await stack.close();
    });
}
