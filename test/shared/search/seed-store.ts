import { putPartner } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { SAMPLE_PARTNERS, type SampleResource } from './sample-library.js';

/** Puts the sample partners and these sample resources in a runtime's store, as ingest leaves them. */
export async function seedStore(runtime: Runtime, resources: readonly SampleResource[]): Promise<void> {
  for (const [id, name] of SAMPLE_PARTNERS) {
    await putPartner(
      runtime.store,
      { id, name, kind: 'ministry', languages: ['en', 'es'], createdAt: '2025-01-01T00:00:00.000Z' },
      'create',
    );
  }
  await runtime.store.batchWrite({ puts: resources.map(({ meta: _meta, ...r }) => resourceToItem(r)) });
}
