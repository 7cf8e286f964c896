import { ConditionFailedError, RelayError } from '../errors.js';
import { LIBRARY_POSITION } from '../library/change-log.js';
import { keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * The search index snapshot in the single table, as a base segment and an optional delta segment
 * (docs/scale.md, "The search refresh"): a head item names both, each stored as compressed chunks
 * under `SEARCH#snapshot`. The refresh adds what changed to a new delta (a few kB) and leaves the
 * base alone; when the delta grows past a share of the base it writes a new base and no delta.
 *
 * Parts are written in full before the head moves to them, and the head moves with an update
 * conditional on the version it replaces: a crash before the move leaves the old snapshot whole, and
 * of two refreshes at once one moves the head, the other is refused (`SnapshotConflictError`). The
 * parts of the head before the previous one are then deleted, so a reader that read the head just
 * before the move still finds its chunks.
 *
 * The head also carries the library's version (`libraryPosition`, bumped by every resource write:
 * shared/library/change-log.ts), which the refresh compares with the `position` the snapshot covers.
 */
export interface SnapshotHead {
  /** Changes with every write: a reader compares it to know whether to reload. */
  version: string;
  builtAt: string;
  /** Compressed bytes of the base and the delta. */
  bytes: number;
  resources: number;
  /** The last library change-log entry the snapshot covers. */
  position: number;
  /** The library's version when the head was read (entries up to it are written). */
  libraryPosition: number;
  /** A digest of the partner names the snapshot was built with. */
  partners: string;
  /** Documents in the delta segment (0: none). */
  deltaResources: number;
  /** When the base was built, and its documents. */
  baseAt: string;
  baseResources: number;
}

export interface SnapshotParts {
  head: SnapshotHead;
  base: Uint8Array;
  delta?: Uint8Array;
}

export type SnapshotMeta = Omit<SnapshotHead, 'version' | 'bytes' | 'libraryPosition'>;

/** Another refresh moved the head first: this one's parts were not made current. */
export class SnapshotConflictError extends RelayError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('conflict', message, options);
    this.name = 'SnapshotConflictError';
  }
}

export interface SnapshotStore {
  /** The current head: one small read. */
  head(): Promise<SnapshotHead | undefined>;
  /** The current snapshot's segments with its head. */
  read(): Promise<SnapshotParts | undefined>;
  /** The delta segment `head` names (the refresh extends it). */
  readDelta(head: SnapshotHead): Promise<Uint8Array | undefined>;
  /**
   * Makes a new snapshot current in place of `expected` (undefined: there is none): a new base
   * (and no delta), or a new delta over the current base.
   */
  write(
    segment: { base: Uint8Array } | { delta: Uint8Array },
    meta: SnapshotMeta,
    expected: SnapshotHead | undefined,
  ): Promise<SnapshotHead>;
}

/**
 * The delta segment grows to this many documents before the refresh folds it into a new base. Every
 * refresh that finds changes rewrites the delta (on average half this size), and every new base
 * rewrites the library: with the two costs per document about equal, sqrt(2 × library) documents
 * make their sum least, at least 100 (docs/scale.md, "The search refresh").
 */
export function deltaLimit(baseResources: number): number {
  return Math.max(100, Math.ceil(Math.sqrt(2 * baseResources)));
}

/** DynamoDB items hold at most 400 KB; chunks stay well under with their keys. */
export const CHUNK_BYTES = 350_000;

interface PartRef {
  /** `B<version>` or `D<version>`: the chunks' sort-key stem. */
  id: string;
  chunks: number;
}

interface HeadItem extends Item {
  version?: string;
  builtAt: string;
  bytes: number;
  resources: number;
  position: number;
  partners: string;
  deltaResources: number;
  baseAt: string;
  baseResources: number;
  base: PartRef;
  baseBytes: number;
  delta?: PartRef;
  /** The parts of the head before this one (still read by a reader that read it just before). */
  previous?: PartRef[];
  [LIBRARY_POSITION]?: number;
}

export class TableSnapshotStore implements SnapshotStore {
  constructor(private readonly store: Store) {}

  private async headItem(): Promise<HeadItem | undefined> {
    const item = await this.store.get<HeadItem>(keys.searchSnapshotHead(), { consistent: true });
    // Writers bump the library's version on the head before any snapshot exists; older heads
    // (one segment, no position) are read as no snapshot: the refresh then builds a base.
    return item?.version && item.base ? item : undefined;
  }

  async head(): Promise<SnapshotHead | undefined> {
    const item = await this.headItem();
    return item ? toHead(item) : undefined;
  }

  private async readPart(part: PartRef): Promise<Uint8Array | undefined> {
    const chunks = await this.store.queryAll({
      partition: keys.searchSnapshotHead().pk,
      sortBeginsWith: keys.searchSnapshotChunk(part.id, 0).sk.replace(/\d+$/, ''),
    });
    if (chunks.length !== part.chunks) return undefined;
    return Buffer.concat(chunks.map((c) => c.data as Uint8Array));
  }

  async read(): Promise<SnapshotParts | undefined> {
    // Twice at most: the head may move (and old parts go) between reading it and the chunks.
    for (let attempt = 0; attempt < 2; attempt++) {
      const item = await this.headItem();
      if (!item) return undefined;
      const [base, delta] = await Promise.all([
        this.readPart(item.base),
        item.delta ? this.readPart(item.delta) : undefined,
      ]);
      if (!base || (item.delta && !delta)) continue;
      return { head: toHead(item), base, ...(delta ? { delta } : {}) };
    }
    return undefined;
  }

  async readDelta(head: SnapshotHead): Promise<Uint8Array | undefined> {
    const item = await this.headItem();
    if (!item?.delta) return undefined;
    if (item.version !== head.version)
      throw new SnapshotConflictError('The snapshot moved while its delta was read');
    return this.readPart(item.delta);
  }

  async write(
    segment: { base: Uint8Array } | { delta: Uint8Array },
    meta: SnapshotMeta,
    expected: SnapshotHead | undefined,
  ): Promise<SnapshotHead> {
    const current = expected ? await this.headItem() : undefined;
    if (expected && current?.version !== expected.version)
      throw new SnapshotConflictError('Another refresh moved the snapshot first');
    const version = `${meta.builtAt.replace(/[^0-9]/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
    const isBase = 'base' in segment;
    const bytes = isBase ? segment.base : segment.delta;
    if (!isBase && !current) throw new RelayError('invalid_argument', 'A delta needs a base snapshot');
    const part: PartRef = { id: `${isBase ? 'B' : 'D'}${version}`, chunks: chunkCount(bytes) };
    await this.store.batchWrite({ puts: chunkItems(part, bytes) });
    const base = isBase ? part : (current?.base as PartRef);
    const delta = isBase ? undefined : part;
    const baseBytes = isBase ? bytes.byteLength : Number(current?.baseBytes ?? 0);
    const next = {
      ...meta,
      version,
      bytes: baseBytes + (delta ? bytes.byteLength : 0),
      baseBytes,
      base,
      ...(delta ? { delta } : {}),
      previous: current ? partsOf(current) : [],
    };
    try {
      await this.store.update(
        keys.searchSnapshotHead(),
        { set: next, remove: delta ? [] : ['delta'] },
        expected
          ? { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': expected.version } }
          : {
              expression: 'attribute_not_exists(#v) OR attribute_not_exists(#b)',
              names: { '#v': 'version', '#b': 'base' },
            },
      );
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      // Not current: these parts are of no use to anyone.
      await this.store.batchWrite({ deletes: partKeys(part) });
      throw new SnapshotConflictError('Another refresh moved the snapshot first', { cause: error });
    }
    // The parts two heads back, unless still in use.
    const inUse = new Set(
      [...partsOf({ base, delta }), ...(current ? partsOf(current) : [])].map((p) => p.id),
    );
    const stale = (current?.previous ?? []).filter((p) => !inUse.has(p.id));
    if (stale.length) await this.store.batchWrite({ deletes: stale.flatMap(partKeys) });
    return toHead({ ...keys.searchSnapshotHead(), ...next, [LIBRARY_POSITION]: current?.[LIBRARY_POSITION] });
  }
}

const partsOf = (item: Pick<HeadItem, 'base' | 'delta'>): PartRef[] => [
  item.base,
  ...(item.delta ? [item.delta] : []),
];

const chunkCount = (bytes: Uint8Array) => Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));

function chunkItems(part: PartRef, bytes: Uint8Array): Item[] {
  return Array.from({ length: part.chunks }, (_, n) => ({
    ...keys.searchSnapshotChunk(part.id, n),
    data: bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES),
  }));
}

const partKeys = (part: PartRef) =>
  Array.from({ length: part.chunks }, (_, n) => keys.searchSnapshotChunk(part.id, n));

function toHead(item: HeadItem): SnapshotHead {
  return {
    version: String(item.version),
    builtAt: item.builtAt,
    bytes: Number(item.bytes),
    resources: Number(item.resources),
    position: Number(item.position ?? 0),
    libraryPosition: Number(item[LIBRARY_POSITION] ?? 0),
    partners: String(item.partners ?? ''),
    deltaResources: Number(item.deltaResources ?? 0),
    baseAt: String(item.baseAt ?? item.builtAt),
    baseResources: Number(item.baseResources ?? item.resources),
  };
}
