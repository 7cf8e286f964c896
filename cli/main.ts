import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, RelayError } from '#shared/errors.js';
import { registerAnnounce } from './commands/announce.js';
import { registerChat } from './commands/chat.js';
import { registerDigest } from './commands/digest.js';
import { registerFeeds } from './commands/feeds.js';
import { registerIngest } from './commands/ingest.js';
import { registerPartners } from './commands/partners.js';
import { registerSearch } from './commands/search.js';
import { registerStart } from './commands/start.js';
import { registerStatus } from './commands/status.js';
import { registerSubscribers } from './commands/subscribers.js';
import { registerTelegram } from './commands/telegram.js';

/** The `iaspn` command line: the everyday tasks of admins and partners. */
export function buildProgram(): Command {
  const program = new Command('iaspn')
    .description('iaspn-relay: partner feeds into the IASPN library, search, announcements and email digests')
    .version('0.1.0')
    .option('--data-dir <dir>', 'data directory of the local store (IASPN_DATA_DIR, default .data)')
    .option(
      '--aws',
      'work on the deployed stack (AWS credentials, IASPN_TABLE_NAME) instead of the local store',
    )
    .addOption(
      new Option('--log-level <level>', 'log detail (IASPN_LOG_LEVEL)').choices([
        'debug',
        'info',
        'warn',
        'error',
        'silent',
      ]),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerStart(program);
  registerPartners(program);
  registerFeeds(program);
  registerIngest(program);
  registerSearch(program);
  registerChat(program);
  registerTelegram(program);
  registerStatus(program);
  registerSubscribers(program);
  registerDigest(program);
  registerAnnounce(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      // Thrown by a command's own checks (Commander prints only those of its argument parsers).
      process.stderr.write(`iaspn: ${error.message}\n(run with --help for usage)\n`);
      return 2;
    }
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help/version text); a usage error exits 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`iaspn: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RelayError) {
      process.stderr.write(`iaspn: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`iaspn: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

// A reader that stops early (`iaspn feeds check feed.xml | head`) ends the output, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

const exitCode = await main(process.argv);
process.exitCode = exitCode;
