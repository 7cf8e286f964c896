import type { Store } from './store/store.js';
import { TABLE } from './store/table.js';

/** Item kinds by the shape of their sort key (see shared/store/keys.ts). */
const KIND_BY_SORT_KEY: [RegExp, string][] = [
  [/^PARTNER$/, 'partners'],
  [/^FEED$/, 'feeds'],
  [/^RES$/, 'resources'],
  [/^SUB$/, 'subscriptions'],
  [/^FOLLOW#/, 'follows'],
  [/^BOOKMARK#/, 'bookmarks'],
];

export interface StoreStatus {
  table: string;
  reachable: boolean;
  counts: Record<string, number>;
  error?: string;
}

/** Whether the store answers, and how many of each kind of item it holds (one scan of the keys). */
export async function storeStatus(store: Store): Promise<StoreStatus> {
  const counts: Record<string, number> = Object.fromEntries(KIND_BY_SORT_KEY.map(([, kind]) => [kind, 0]));
  try {
    for await (const item of store.scan({ attributes: [TABLE.sortKey, TABLE.ttlAttribute] })) {
      const sk = String(item[TABLE.sortKey]);
      const kind = KIND_BY_SORT_KEY.find(([pattern]) => pattern.test(sk))?.[1];
      if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return { table: store.tableName, reachable: true, counts };
  } catch (error) {
    return { table: store.tableName, reachable: false, counts, error: (error as Error).message };
  }
}
