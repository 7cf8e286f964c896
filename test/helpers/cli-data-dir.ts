import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDynalite } from '#cli/local/services.js';
import { loadConfig } from '#shared/config.js';
import { silentLog } from '#shared/log.js';
import { createRuntime, type Runtime } from '#shared/runtime/runtime.js';
import { ensureTable } from '#shared/store/create-table.js';

/**
 * A fresh data directory for CLI tests, its store filled by `seed` in this process (dynalite on the
 * directory, closed again so the CLI can open it), as an admin's `.data` would be.
 */
export async function seededDataDir(
  prefix: string,
  seed: (runtime: Runtime) => Promise<void>,
): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `iaspn-${prefix}-`));
  const dynamo = await startDynalite({ dataDir });
  try {
    const runtime = createRuntime(
      loadConfig({ IASPN_DYNAMODB_ENDPOINT: dynamo.endpoint, IASPN_LOG_LEVEL: 'silent' }),
      silentLog,
    );
    await ensureTable(runtime.store.client, runtime.config.tableName);
    await seed(runtime);
  } finally {
    await dynamo.close();
  }
  return dataDir;
}
