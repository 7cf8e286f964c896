import { createInterface } from 'node:readline';
import { runAnnounce } from '#shared/announce/run.js';
import { createSlackSender } from '#shared/announce/slack-sender.js';
import { createTelegramSender } from '#shared/announce/telegram-sender.js';
import { loadConfig } from '#shared/config.js';
import { silentLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * One announcement run in a process of its own, for crash.test.ts to kill: the table on the
 * test's dynalite, Slack and Telegram on the test's stand-in. It loads, prints `loaded`, and waits
 * for a `go <offsetMs>` line on stdin (so the test can start the next run's process while this one
 * runs): the run's clock is `offsetMs` ahead (each run starts after the leases of the run before
 * have passed). It prints `ready` before the run, `sent <wall ms> <delivery keys…>` each time
 * `sent` marks are stored (where the crash window ends), and `done` after the run.
 *
 * argv: dynamoEndpoint tableName standInUrl maxSinglePosts
 */

const [endpoint, table, standIn, maxSingle] = process.argv.slice(2);
const config = loadConfig({
  IASPN_TABLE_NAME: table,
  IASPN_DYNAMODB_ENDPOINT: endpoint,
  IASPN_ANNOUNCE_MAX_SINGLE_POSTS: maxSingle,
  IASPN_LOG_LEVEL: 'silent',
});
let offset = 0;
const runtime = createRuntime(config, silentLog, () => new Date(Date.now() + offset));
const batchWrite = runtime.store.batchWrite.bind(runtime.store);
runtime.store.batchWrite = async (request) => {
  const out = await batchWrite(request);
  const sent = (request.puts ?? []).filter((item) => item.state === 'sent');
  if (sent.length)
    process.stdout.write(`sent ${Date.now()} ${sent.map((i) => `${i.pk}|${i.sk}`).join(' ')}\n`);
  return out;
};
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
process.stdout.write('ready\n');
await runAnnounce(runtime, { senders });
process.stdout.write('done\n');
