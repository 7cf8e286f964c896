import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';

/**
 * Where the search index snapshot lives: a small port, so that the index can sit in the table
 * (the default, deployed and local), in memory (tests, benchmarks) or in an S3 object later,
 * without the search service knowing.
 */
export interface SnapshotHead {
  /** Changes with every write: a reader compares it to know whether to reload. */
  version: string;
  /** Digest of what the snapshot was built from (an unchanged library is not written again). */
  fingerprint: string;
  builtAt: string;
  bytes: number;
  resources: number;
}

export interface SnapshotStore {
  /** The current head: one small read. */
  head(): Promise<SnapshotHead | undefined>;
  /** The current snapshot's bytes with its head. */
  read(): Promise<{ head: SnapshotHead; bytes: Uint8Array } | undefined>;
  write(bytes: Uint8Array, meta: Omit<SnapshotHead, 'version' | 'bytes'>): Promise<SnapshotHead>;
}

export class MemorySnapshotStore implements SnapshotStore {
  private current: { head: SnapshotHead; bytes: Uint8Array } | undefined;
  private writes = 0;

  async head() {
    return this.current?.head;
  }

  async read() {
    return this.current;
  }

  async write(bytes: Uint8Array, meta: Omit<SnapshotHead, 'version' | 'bytes'>) {
    this.writes += 1;
    const head = { ...meta, version: `${meta.builtAt}-${this.writes}`, bytes: bytes.byteLength };
    this.current = { head, bytes };
    return head;
  }
}

/** DynamoDB items hold at most 400 KB; chunks stay well under with their keys. */
export const CHUNK_BYTES = 350_000;

interface HeadItem extends SnapshotHead {
  chunks: number;
  previousVersion?: string;
  previousChunks?: number;
}

/**
 * The snapshot in the single table: a head item naming the current version, and the compressed
 * bytes split into chunk items under `SEARCH#snapshot`. A new version is written in full before
 * the head moves to it; the version before the previous one is then deleted, so a reader that
 * read the head just before the move still finds its chunks.
 */
export class TableSnapshotStore implements SnapshotStore {
  constructor(private readonly store: Store) {}

  async head(): Promise<SnapshotHead | undefined> {
    const item = await this.store.get(keys.searchSnapshotHead(), { consistent: true });
    return item ? toHead(item as unknown as HeadItem) : undefined;
  }

  async read(): Promise<{ head: SnapshotHead; bytes: Uint8Array } | undefined> {
    // Twice at most: the head may move (and an old version go) between reading it and the chunks.
    for (let attempt = 0; attempt < 2; attempt++) {
      const item = (await this.store.get(keys.searchSnapshotHead(), { consistent: true })) as unknown as
        | HeadItem
        | undefined;
      if (!item) return undefined;
      const prefix = keys.searchSnapshotChunk(item.version, 0).sk.replace(/\d+$/, '');
      const chunks = await this.store.queryAll({
        partition: keys.searchSnapshotHead().pk,
        sortBeginsWith: prefix,
      });
      if (chunks.length !== item.chunks) continue;
      const parts = chunks.map((c) => c.data as Uint8Array);
      return { head: toHead(item), bytes: Buffer.concat(parts) };
    }
    return undefined;
  }

  async write(bytes: Uint8Array, meta: Omit<SnapshotHead, 'version' | 'bytes'>): Promise<SnapshotHead> {
    const previous = (await this.store.get(keys.searchSnapshotHead(), { consistent: true })) as unknown as
      | HeadItem
      | undefined;
    const version = `${meta.builtAt.replace(/[^0-9]/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
    const chunkCount = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
    const puts = [];
    for (let n = 0; n < chunkCount; n++) {
      puts.push({
        ...keys.searchSnapshotChunk(version, n),
        data: bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES),
      });
    }
    await this.store.batchWrite({ puts });
    const head: HeadItem = {
      ...meta,
      version,
      bytes: bytes.byteLength,
      chunks: chunkCount,
      ...(previous ? { previousVersion: previous.version, previousChunks: previous.chunks } : {}),
    };
    await this.store.put({ ...keys.searchSnapshotHead(), ...head });
    if (previous?.previousVersion && previous.previousChunks) {
      const old = previous.previousVersion;
      const deletes = Array.from({ length: previous.previousChunks }, (_, n) =>
        keys.searchSnapshotChunk(old, n),
      );
      await this.store.batchWrite({ deletes });
    }
    return toHead(head);
  }
}

function toHead(item: HeadItem): SnapshotHead {
  return {
    version: item.version,
    fingerprint: item.fingerprint,
    builtAt: item.builtAt,
    bytes: Number(item.bytes),
    resources: Number(item.resources),
  };
}
