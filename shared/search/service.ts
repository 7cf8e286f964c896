import { gunzipSync, gzipSync } from 'node:zlib';
import type { Resource } from '../domain/resource.js';
import { withEventData } from '../events/hits.js';
import type { ResourceFilter } from '../filters/filter.js';
import type { Job, JobSummary } from '../jobs.js';
import { listPartners } from '../library/registry.js';
import { listAllResources } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import type { Store } from '../store/store.js';
import { libraryFingerprint, SearchIndex, SnapshotFormatError } from './search-index.js';
import { type SnapshotHead, type SnapshotStore, TableSnapshotStore } from './snapshot-store.js';
import type { SearchRequest, SearchResponse, SearchService } from './types.js';

/**
 * The search capability as the bots and the CLI get it: `createSearchService(runtime)` loads the
 * index snapshot lazily (on the first search of a cold start), keeps it in memory, and reloads it
 * when ingest has written a newer one (`refreshSearchIndex`, run after every ingest).
 */

export const gzipSnapshot = (json: string): Uint8Array => gzipSync(Buffer.from(json, 'utf8'), { level: 6 });
export const gunzipSnapshot = (bytes: Uint8Array): string => gunzipSync(bytes).toString('utf8');

/** partnerId → partner name, from the partner registry. */
export async function loadPartnerNames(store: Store): Promise<Map<string, string>> {
  const partners = await listPartners(store);
  return new Map(partners.map((p) => [p.id, p.name]));
}

async function readLibrary(store: Store): Promise<Resource[]> {
  const resources: Resource[] = [];
  for await (const resource of listAllResources(store)) resources.push(resource);
  return resources;
}

export interface RefreshOptions {
  snapshots?: SnapshotStore;
}

export interface RefreshSummary extends JobSummary {
  resources: number;
  partners: number;
  /** False when the library had not changed since the current snapshot (nothing written). */
  written: boolean;
  version?: string;
  bytes?: number;
  buildMs: number;
}

/**
 * Rebuilds the index from the store and writes a new snapshot when the library changed (new,
 * updated or removed resources, renamed partners). Run after every ingest: what it stored is then
 * searchable, and what it changed or removed is never served stale.
 */
export async function refreshSearchIndex(
  runtime: Runtime,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const snapshots = options.snapshots ?? new TableSnapshotStore(runtime.store);
  const started = Date.now();
  const [resources, partnerNames, head] = await Promise.all([
    readLibrary(runtime.store),
    loadPartnerNames(runtime.store),
    snapshots.head(),
  ]);
  const fingerprint = libraryFingerprint(resources, partnerNames);
  const base = { resources: resources.length, partners: partnerNames.size };
  if (head && head.fingerprint === fingerprint) {
    runtime.log.info('search index unchanged', { ...base, version: head.version });
    return {
      ...base,
      written: false,
      version: head.version,
      bytes: head.bytes,
      buildMs: Date.now() - started,
    };
  }
  const builtAt = runtime.clock().toISOString();
  const index = SearchIndex.build(resources, partnerNames, { builtAt });
  const bytes = gzipSnapshot(index.toSnapshotJson());
  const written = await snapshots.write(bytes, { fingerprint, builtAt, resources: resources.length });
  const summary = {
    ...base,
    written: true,
    version: written.version,
    bytes: written.bytes,
    buildMs: Date.now() - started,
  };
  runtime.log.info('search index written', summary);
  return summary;
}

/** The job that keeps the index fresh: right after ingest in each cycle. */
export const searchIndexJob: Job = {
  name: 'search-index',
  run: (runtime) => refreshSearchIndex(runtime),
};

/**
 * The index of the current snapshot, for matching keyword follows (the cycle refreshes it right
 * before announcements); undefined when there is none or it is from another format: the caller
 * then analyses resources itself. Never builds an index from the store.
 */
export async function loadSnapshotIndex(
  runtime: Runtime,
  snapshots: SnapshotStore = new TableSnapshotStore(runtime.store),
): Promise<SearchIndex | undefined> {
  try {
    const snapshot = await snapshots.read();
    return snapshot ? SearchIndex.fromSnapshotJson(gunzipSnapshot(snapshot.bytes)) : undefined;
  } catch (error) {
    runtime.log.warn('search snapshot unusable for keyword follows; resources analysed instead', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

export interface SearchServiceOptions {
  snapshots?: SnapshotStore;
  /**
   * How long a loaded index is trusted before the snapshot head is read again (one small read).
   * @default 0: every search checks, so nothing changed by the last ingest is served stale.
   */
  recheckMs?: number;
}

export interface LoadedSearchService extends SearchService {
  /** Loads the index now (a Lambda may warm it at init) and returns it. */
  load(): Promise<SearchIndex>;
}

interface Loaded {
  index: SearchIndex;
  /** The snapshot version, or undefined when built from the store for want of a snapshot. */
  version?: string;
  checkedAt: number;
}

export function createSearchService(
  runtime: Runtime,
  options: SearchServiceOptions = {},
): LoadedSearchService {
  const snapshots = options.snapshots ?? new TableSnapshotStore(runtime.store);
  const recheckMs = options.recheckMs ?? 0;
  let loaded: Loaded | undefined;
  let pending: Promise<SearchIndex> | undefined;

  async function fromSnapshot(head: SnapshotHead | undefined): Promise<Loaded | undefined> {
    if (!head) return undefined;
    const snapshot = await snapshots.read();
    if (!snapshot) return undefined;
    try {
      const index = SearchIndex.fromSnapshotJson(gunzipSnapshot(snapshot.bytes));
      runtime.log.debug('search index loaded', { version: snapshot.head.version, resources: index.size });
      return { index, version: snapshot.head.version, checkedAt: Date.now() };
    } catch (error) {
      if (!(error instanceof SnapshotFormatError)) throw error;
      runtime.log.warn('search snapshot from another version; building from the store', {
        reason: error.message,
      });
      return undefined;
    }
  }

  async function fromStore(): Promise<Loaded> {
    const [resources, partnerNames] = await Promise.all([
      readLibrary(runtime.store),
      loadPartnerNames(runtime.store),
    ]);
    runtime.log.info('no usable search snapshot; index built from the store', {
      resources: resources.length,
    });
    const index = SearchIndex.build(resources, partnerNames, { builtAt: runtime.clock().toISOString() });
    return { index, checkedAt: Date.now() };
  }

  async function current(): Promise<SearchIndex> {
    if (loaded && Date.now() - loaded.checkedAt < recheckMs) return loaded.index;
    const head = await snapshots.head();
    if (loaded && (head?.version === loaded.version || (!head && !loaded.version))) {
      loaded.checkedAt = Date.now();
      return loaded.index;
    }
    loaded = (await fromSnapshot(head)) ?? (await fromStore());
    return loaded.index;
  }

  /** One load at a time: concurrent searches of a cold start share it. */
  function load(): Promise<SearchIndex> {
    pending ??= current().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    load,
    async search(request: SearchRequest): Promise<SearchResponse> {
      const index = await load();
      return withEventData(runtime.store, index.search(request, runtime.clock()));
    },
    async latest(filter: ResourceFilter, limit: number, cursor?: string): Promise<SearchResponse> {
      const index = await load();
      return index.latest(filter, limit, cursor);
    },
    async partners() {
      return (await load()).partners();
    },
  };
}
