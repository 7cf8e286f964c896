import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Resource } from '../domain/resource.js';
import { withEventData } from '../events/hits.js';
import type { ResourceFilter } from '../filters/filter.js';
import type { Job, JobSummary } from '../jobs.js';
import { LibraryLog } from '../library/change-log.js';
import { listPartners } from '../library/registry.js';
import { getResources, listAllResources } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import type { Store } from '../store/store.js';
import { type IndexParts, SearchIndex, SnapshotFormatError } from './search-index.js';
import { mergeParts } from './segments.js';
import {
  deltaLimit,
  SnapshotConflictError,
  type SnapshotHead,
  type SnapshotParts,
  type SnapshotStore,
  TableSnapshotStore,
} from './snapshot-store.js';
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

/** A digest of the partner names an index was built with (their change rebuilds the base). */
export function partnersDigest(partnerNames: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [id, name] of [...partnerNames].sort()) hash.update(`${id}\u0000${name}\n`);
  return hash.digest('base64url').slice(0, 16);
}

/**
 * A delta segment: the base documents it replaces or removes (`drop`), which of its resources are
 * new since the base (`added`: first seen after it was built, for the head's count), and its index.
 */
interface Delta {
  drop: Set<string>;
  added: Set<string>;
  parts: IndexParts;
}

const encodeDelta = (delta: Delta): Uint8Array =>
  gzipSnapshot(
    `${JSON.stringify({ drop: [...delta.drop], added: [...delta.added] })}\n${SearchIndex.fromParts(delta.parts).toSnapshotJson()}`,
  );

function decodeDelta(bytes: Uint8Array): Delta {
  const text = gunzipSnapshot(bytes);
  const newline = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, newline)) as { drop: string[]; added: string[] };
  return {
    drop: new Set(header.drop),
    added: new Set(header.added),
    parts: SearchIndex.partsOfSnapshotJson(text.slice(newline + 1)),
  };
}

/** Resources in base + delta: the base's, plus the delta's new ones, less the base's removed ones. */
function countOf(baseResources: number, delta: Delta): number {
  const inDelta = new Set(delta.parts.docs.columns.ids);
  let count = baseResources;
  for (const id of inDelta) if (delta.added.has(id)) count += 1;
  for (const id of delta.drop) if (!inDelta.has(id) && !delta.added.has(id)) count -= 1;
  return count;
}

/** The index of a snapshot: its base, with its delta merged in when it has one. */
export function indexOfSnapshot(snapshot: SnapshotParts): SearchIndex {
  const base = SearchIndex.partsOfSnapshotJson(gunzipSnapshot(snapshot.base));
  if (!snapshot.delta) return SearchIndex.fromParts(base);
  const delta = decodeDelta(snapshot.delta);
  return SearchIndex.fromParts(mergeParts(base, delta.drop, delta.parts));
}

export interface RefreshOptions {
  snapshots?: SnapshotStore;
}

export interface RefreshSummary extends JobSummary {
  /**
   * Resources in the snapshot now current: exact after a new base; between bases, the base's count
   * plus the delta's resources first seen after the base was built, less those removed.
   */
  resources: number;
  /** Resources written or removed since the snapshot before (read by id, not the library). */
  changed: number;
  /** What was written: nothing, a delta segment, or a new base (first build, compaction, partners). */
  written: false | 'delta' | 'base';
  version?: string;
  bytes?: number;
  buildMs: number;
}

/**
 * Keeps the snapshot as fresh as the library, reading only what changed (docs/scale.md):
 *
 * 1. one read of the snapshot head, which carries the library's version (bumped by every resource
 *    and partner write): equal to the position the snapshot covers, nothing changed, nothing else
 *    is read or written;
 * 2. otherwise the change log's entries after that position name the resources written or removed;
 *    they are read by id (a missing one was removed), analysed, and put with the current delta
 *    into a new delta segment, which replaces the base's copies of them at load;
 * 3. past `deltaLimit` documents, or when partner names changed, the base is rebuilt.
 *
 * The head moves conditionally on the version read in step 1, and records the log position read in
 * step 2: whatever an ingest writes meanwhile is after that position and is read by the next refresh.
 */
export async function refreshSearchIndex(
  runtime: Runtime,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const snapshots = options.snapshots ?? new TableSnapshotStore(runtime.store);
  const started = Date.now();
  const head = await snapshots.head();
  const done = (
    written: RefreshSummary['written'],
    current: SnapshotHead | undefined,
    changed: number,
  ): RefreshSummary => {
    const summary = {
      resources: current?.resources ?? 0,
      changed,
      written,
      version: current?.version,
      bytes: current?.bytes,
      buildMs: Date.now() - started,
    };
    runtime.log.info(written ? 'search index written' : 'search index unchanged', summary);
    return summary;
  };
  if (head && head.libraryPosition <= head.position) return done(false, head, 0);
  if (!head) return done('base', await rebuild(runtime, snapshots, undefined), 0);
  const changes = await new LibraryLog(runtime.store, runtime.clock).changesAfter(head.position);
  if (!changes) return done(false, head, 0);
  const partnerNames = await loadPartnerNames(runtime.store);
  if (partnersDigest(partnerNames) !== head.partners)
    return done('base', await rebuild(runtime, snapshots, head), changes.resourceIds.length);

  const found = await getResources(runtime.store, changes.resourceIds);
  const deltaBytes = head.deltaResources > 0 ? await snapshots.readDelta(head) : undefined;
  const previous: Delta | undefined = deltaBytes ? decodeDelta(deltaBytes) : undefined;
  const changed = new Set(changes.resourceIds);
  const builtAt = runtime.clock().toISOString();
  const fresh = SearchIndex.build(found, partnerNames, { builtAt }).parts();
  const delta: Delta = {
    parts: previous ? mergeParts(previous.parts, changed, fresh) : fresh,
    drop: new Set([...(previous?.drop ?? []), ...changed]),
    added: new Set(previous?.added),
  };
  for (const r of found) if (r.firstSeenAt >= head.baseAt) delta.added.add(r.id);
  const meta = {
    builtAt,
    baseAt: head.baseAt,
    baseResources: head.baseResources,
    position: changes.position,
    partners: head.partners,
    resources: countOf(head.baseResources, delta),
    deltaResources: delta.parts.docs.size,
  };
  if (delta.drop.size > deltaLimit(head.baseResources)) {
    // Compaction: base and delta become one new base.
    const snapshot = await snapshots.read();
    if (!snapshot || snapshot.head.version !== head.version)
      throw new SnapshotConflictError('Another refresh moved the snapshot first');
    const base = SearchIndex.partsOfSnapshotJson(gunzipSnapshot(snapshot.base));
    const merged = SearchIndex.fromParts(mergeParts(base, delta.drop, delta.parts));
    const written = await snapshots.write(
      { base: gzipSnapshot(merged.toSnapshotJson()) },
      { ...meta, baseAt: builtAt, baseResources: merged.size, resources: merged.size, deltaResources: 0 },
      head,
    );
    return done('base', written, changed.size);
  }
  const written = await snapshots.write({ delta: encodeDelta(delta) }, meta, head);
  return done('delta', written, changed.size);
}

/** A new base from the whole library (no snapshot yet, or partner names changed). */
async function rebuild(
  runtime: Runtime,
  snapshots: SnapshotStore,
  expected: SnapshotHead | undefined,
): Promise<SnapshotHead> {
  // The position first: whatever is written while the library is read is read again next time.
  const position = await new LibraryLog(runtime.store, runtime.clock).hint();
  const [resources, partnerNames] = await Promise.all([
    readLibrary(runtime.store),
    loadPartnerNames(runtime.store),
  ]);
  const builtAt = runtime.clock().toISOString();
  const index = SearchIndex.build(resources, partnerNames, { builtAt });
  return snapshots.write(
    { base: gzipSnapshot(index.toSnapshotJson()) },
    {
      builtAt,
      baseAt: builtAt,
      baseResources: index.size,
      position,
      partners: partnersDigest(partnerNames),
      resources: index.size,
      deltaResources: 0,
    },
    expected,
  );
}

export { deltaLimit };

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
    return snapshot ? indexOfSnapshot(snapshot) : undefined;
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
      const index = indexOfSnapshot(snapshot);
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
