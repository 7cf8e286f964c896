import { createInterface } from 'node:readline';
import { createSlackSender } from '#shared/announce/slack-sender.js';
import { createTelegramSender } from '#shared/announce/telegram-sender.js';
import { loadConfig } from '#shared/config.js';
import { runCoopNotify } from '#shared/coop/notify.js';
import { silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * One cooperation notices run in a process of its own, for notify-crash.test.ts to kill: the table
 * on the test's dynalite, email on its SES emulator, Slack and Telegram on its stand-in. It prints
 * `loaded`, waits for `go <offsetMs>` (its clock that far ahead, past the dead run's leases), runs,
 * and prints `done`.
 *
 * argv: dynamoEndpoint sesEndpoint tableName standInUrl adminChannel
 */

const [endpoint, ses, table, standIn, admin] = process.argv.slice(2);
const config = loadConfig({
  IASPN_TABLE_NAME: table,
  IASPN_DYNAMODB_ENDPOINT: endpoint,
  IASPN_SES_ENDPOINT: ses,
  IASPN_SES_RATE_PER_SECOND: '1000',
  IASPN_ADMIN_CHANNEL: admin,
  IASPN_LOG_LEVEL: 'silent',
});
let offset = 0;
const runtime = createRuntime(config, silentLog, () => new Date(Date.now() + offset));
const senders = {
  slack: createSlackSender({ token: 'xoxb-test', apiUrl: `${standIn}/api/` }),
  telegram: createTelegramSender({ token: '42:test', apiRoot: standIn, log: silentLog }),
};
process.stdout.write('loaded\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [word, ms] = line.split(' ');
  if (word !== 'go') continue;
  offset = Number(ms);
  break;
}
lines.close();
await runCoopNotify(runtime, { senders });
process.stdout.write('done\n');
