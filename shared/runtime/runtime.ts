import type { SESClient } from '@aws-sdk/client-ses';
import type { RelayConfig } from '../config.js';
import { watchLibraryWrites } from '../library/change-log.js';
import type { Log } from '../log.js';
import { createDynamoClient } from '../store/client.js';
import { Store } from '../store/store.js';
import { type Clock, systemClock } from './clock.js';

/**
 * What every handler and job needs, built once per process (a Lambda's cold start, the local
 * stack, a CLI command) and passed down. Core functions take the parts they use.
 */
export interface Runtime {
  config: RelayConfig;
  store: Store;
  /**
   * The SES client, made on the first call (the first email): `@aws-sdk/client-ses` is imported
   * then, so a cold start that sends no mail (health, ingest, the search index, announcements, most
   * bot requests) neither loads nor configures it. The same client on every call.
   */
  ses: () => Promise<SESClient>;
  log: Log;
  clock: Clock;
}

export interface RuntimeOptions {
  /** Called once with the SES client when it is made (the CLI points it at the emulator it starts). */
  onSesClient?: (ses: SESClient) => void;
}

async function createSesClient(config: RelayConfig): Promise<SESClient> {
  const { SESClient } = await import('@aws-sdk/client-ses');
  return new SESClient({
    region: config.aws.region,
    ...(config.aws.sesEndpoint
      ? { endpoint: config.aws.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export function createRuntime(
  config: RelayConfig,
  log: Log,
  clock: Clock = systemClock,
  options: RuntimeOptions = {},
): Runtime {
  const dynamo = createDynamoClient({ region: config.aws.region, endpoint: config.aws.dynamoEndpoint });
  let ses: Promise<SESClient> | undefined;
  const store = new Store(dynamo, config.tableName, clock);
  // Every resource and partner write is recorded for the search refresh (shared/library/change-log.ts).
  watchLibraryWrites(store, clock);
  return {
    config,
    store,
    ses: () => {
      ses ??= createSesClient(config).then((client) => {
        options.onSesClient?.(client);
        return client;
      });
      return ses;
    },
    log,
    clock,
  };
}
