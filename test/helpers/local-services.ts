import { startDynalite, startSesEmulator } from '#cli/local/services.js';
import { loadConfig, type RelayConfig } from '#shared/config.js';
import { silentLog } from '#shared/log.js';
import { type Clock, systemClock } from '#shared/runtime/clock.js';
import { createRuntime, type Runtime } from '#shared/runtime/runtime.js';
import { ensureTable } from '#shared/store/create-table.js';

export interface TestServices {
  dynamoEndpoint: string;
  sesEndpoint: string;
  /** A runtime on a fresh table of its own (tests in one file can share the servers, not the data). */
  newRuntime(overrides?: Record<string, string>, clock?: Clock): Promise<Runtime>;
  /** Emails the SES emulator has received. */
  sentEmails(): Promise<SentEmail[]>;
  close(): Promise<void>;
}

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  at: number;
}

let tableCounter = 0;

/**
 * Starts dynalite (in memory) and aws-ses-v2-local in this test process on free ports.
 * Call in beforeAll and close in afterAll; each runtime gets a table of its own.
 */
export async function startTestServices(options: { ses?: boolean } = {}): Promise<TestServices> {
  const dynamo = await startDynalite({});
  const ses = options.ses === false ? undefined : await startSesEmulator({});
  return {
    dynamoEndpoint: dynamo.endpoint,
    sesEndpoint: ses?.endpoint ?? '',
    async newRuntime(overrides = {}, clock: Clock = systemClock) {
      tableCounter += 1;
      const config: RelayConfig = loadConfig({
        IASPN_TABLE_NAME: `test-${process.pid}-${tableCounter}`,
        IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint,
        IASPN_SES_ENDPOINT: ses?.endpoint,
        IASPN_TOKEN_SECRET: 'test-token-secret',
        IASPN_LOG_LEVEL: 'silent',
        ...overrides,
      });
      const runtime = createRuntime(config, silentLog, clock);
      await ensureTable(runtime.store.client, config.tableName);
      return runtime;
    },
    async sentEmails() {
      if (!ses) return [];
      const res = await fetch(`${ses.endpoint}/store`);
      return ((await res.json()) as { emails: SentEmail[] }).emails;
    },
    async close() {
      await ses?.close();
      await dynamo.close();
    },
  };
}
