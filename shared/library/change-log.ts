import { ConditionFailedError } from '../errors.js';
import type { Clock } from '../runtime/clock.js';
import { type ItemKey, keys, LIBRARY_LOG_BUCKET } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * The library's change log: which resources were written or removed, and whether the partner
 * registry changed, in a gapless sequence of entries, so that the search refresh reads only what
 * changed since its snapshot instead of the whole library (docs/scale.md).
 *
 * Every write of a resource (`RES#`) or a partner (`PARTNER#`) through the Store is recorded once it
 * has succeeded (`watchLibraryWrites`, wired by the runtime): no writer can forget. The one
 * exception is said at the write (`batchWrite(..., { watched: false })`): the ingest writer storing
 * only the new fingerprint of a feed item whose normalised content is unchanged, which changes
 * nothing search reads; recorded, it made the refresh re-read and count every such resource
 * ("index updated: 72 resources changed" when ingest updated 3). Entry `n` is
 * claimed by a conditional put that carries its content, and a writer tries `n` only when every
 * entry before it is written, so the sequence has no holes: a reader that finds entries p+1..q has
 * every change recorded up to q. Writes that finish at once share one entry (group commit).
 *
 * The library's version, the last entry known written, is an attribute (`libraryPosition`) of the
 * search snapshot's head item, so that one read tells the refresh whether anything changed since
 * its snapshot (which records the entry it covers). It may lag (a writer that stopped between its
 * entry and the version: the change is then seen with the next write), never lead. Entries expire
 * after `ENTRY_TTL_DAYS`.
 */

export const ENTRY_TTL_DAYS = 35;
/** Partition-key prefixes whose writes are library changes. */
export const LIBRARY_PREFIXES = ['RES#', 'PARTNER#'] as const;
/** The attribute of the snapshot head that holds the library's version (its last log entry). */
export const LIBRARY_POSITION = 'libraryPosition';
/** Resource ids in one entry at most (an entry stays far under DynamoDB's 400 KB). */
const MAX_IDS_PER_ENTRY = 5_000;

interface EntryItem extends Item {
  ids: string[];
  partners?: boolean;
  at: string;
}

export interface LibraryChanges {
  /** The last entry read: the position a snapshot built from these changes covers. */
  position: number;
  /** Resources written or removed (read them to know which). */
  resourceIds: string[];
  /** The partner registry changed (a name, an addition, a removal). */
  partners: boolean;
}

interface Batch {
  ids: Set<string>;
  partners: boolean;
  done?: Promise<void>;
}

export class LibraryLog {
  /** The next entry this process expects to be free. */
  private next: number | undefined;
  private open: Batch | undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Records changed resources (by their `RES#` keys) and partners; resolves once recorded. */
  record(changed: readonly ItemKey[]): Promise<void> {
    let batch = this.open;
    if (!batch) {
      const fresh: Batch = { ids: new Set(), partners: false };
      const run = this.tail.then(() => {
        if (this.open === fresh) this.open = undefined;
        return this.append(fresh);
      });
      this.tail = run.catch(() => {});
      fresh.done = run;
      this.open = fresh;
      batch = fresh;
    }
    for (const key of changed) {
      const pk = String(key.pk);
      if (pk.startsWith('RES#')) batch.ids.add(pk.slice(4));
      else batch.partners = true;
    }
    if (batch.ids.size >= MAX_IDS_PER_ENTRY && this.open === batch) this.open = undefined;
    return batch.done as Promise<void>;
  }

  /** The last entry known written (0 when none): one small read. */
  async hint(): Promise<number> {
    const item = await this.store.get(keys.searchSnapshotHead(), { consistent: true });
    return Number(item?.[LIBRARY_POSITION] ?? 0);
  }

  private async append(batch: Batch): Promise<void> {
    const now = this.clock();
    const content = {
      ids: [...batch.ids],
      ...(batch.partners ? { partners: true } : {}),
      at: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + ENTRY_TTL_DAYS * 86_400,
    };
    let n = this.next ?? (await this.hint()) + 1;
    for (;;) {
      const claimed = await this.store.put(
        { ...keys.libraryLogEntry(n), ...content },
        { expression: 'attribute_not_exists(#pk)', names: { '#pk': 'pk' } },
      );
      if (claimed) break;
      // Taken by another writer: every entry up to the hint is written, so start after it.
      n = Math.max(n + 1, (await this.hint()) + 1);
    }
    this.next = n + 1;
    try {
      await this.store.update(
        keys.searchSnapshotHead(),
        { set: { [LIBRARY_POSITION]: n } },
        {
          expression: 'attribute_not_exists(#p) OR #p < :n',
          names: { '#p': LIBRARY_POSITION },
          values: { ':n': n },
        },
      );
    } catch (error) {
      // A later entry's writer moved it first.
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }

  /**
   * The changes recorded after `position`, or undefined when there are none: one read of entry
   * position + 1 when nothing changed. Entries are read while they follow one another.
   */
  async changesAfter(position: number): Promise<LibraryChanges | undefined> {
    const first = await this.store.get<EntryItem>(keys.libraryLogEntry(position + 1), { consistent: true });
    if (!first) return undefined;
    const changes: LibraryChanges = { position, resourceIds: [], partners: false };
    const ids = new Set<string>();
    for (;;) {
      const from = changes.position + 1;
      const entries = await this.store.queryAll<EntryItem>({
        partition: keys.libraryLogEntry(from).pk,
        sortAtLeast: keys.libraryLogEntry(from).sk,
      });
      let advanced = false;
      for (const entry of entries) {
        if (Number(entry.sk) !== changes.position + 1) break;
        changes.position += 1;
        advanced = true;
        for (const id of entry.ids ?? []) ids.add(id);
        if (entry.partners) changes.partners = true;
      }
      // Read on into the next partition only when this one was read to its end.
      if (!advanced || (changes.position + 1) % LIBRARY_LOG_BUCKET !== 0) break;
    }
    // The first entry was read consistently; an eventually consistent query may not show it yet.
    if (changes.position === position) {
      changes.position += 1;
      changes.resourceIds = first.ids ?? [];
      changes.partners = Boolean(first.partners);
      return changes;
    }
    changes.resourceIds = [...ids];
    return changes;
  }
}

/**
 * Records every resource and partner write of `store` in the change log; the write returns once
 * its change is recorded.
 */
export function watchLibraryWrites(store: Store, clock: Clock): LibraryLog {
  const log = new LibraryLog(store, clock);
  store.watchWrites({ prefixes: LIBRARY_PREFIXES, written: (changed) => log.record(changed) });
  return log;
}
