import { SESClient } from '@aws-sdk/client-ses';
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
  ses: SESClient;
  log: Log;
  clock: Clock;
}

export function createSesClient(config: RelayConfig): SESClient {
  return new SESClient({
    region: config.aws.region,
    ...(config.aws.sesEndpoint
      ? { endpoint: config.aws.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export function createRuntime(config: RelayConfig, log: Log, clock: Clock = systemClock): Runtime {
  const dynamo = createDynamoClient({ region: config.aws.region, endpoint: config.aws.dynamoEndpoint });
  let ses: SESClient | undefined;
  const store = new Store(dynamo, config.tableName, clock);
  // Every resource and partner write is recorded for the search refresh (shared/library/change-log.ts).
  watchLibraryWrites(store, clock);
  return {
    config,
    store,
    // Made when first used: most handlers (health, ingest, the search index, announcements,
    // most bot commands) never send mail, and a cold start need not configure an SES client.
    get ses() {
      ses ??= createSesClient(config);
      return ses;
    },
    log,
    clock,
  };
}
