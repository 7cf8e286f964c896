import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConditionFailedError, StoreError } from '../errors.js';
import { type Clock, systemClock } from '../runtime/clock.js';
import { documentClientOf } from './client.js';
import type { ItemKey } from './keys.js';
import { type IndexName, TABLE } from './table.js';

export type Item = ItemKey & Record<string, unknown>;

/** A DynamoDB condition expression with its placeholders. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export interface QueryOptions {
  /** Query an index instead of the table. */
  index?: IndexName;
  /** The partition key value (of the table or of the index). */
  partition: string;
  sortBeginsWith?: string;
  sortAtLeast?: string;
  sortAtMost?: string;
  limit?: number;
  newestFirst?: boolean;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  filter?: Condition;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** Request and item counts, for run summaries and benchmarks ("store operations per ..."). */
export interface StoreStats {
  requests: number;
  itemsRead: number;
  itemsWritten: number;
}

/**
 * Told after every successful write (put, update, delete, batch write) of an item whose partition key
 * starts with one of `prefixes`, with the keys written; the write returns once it has finished.
 * The library's change log (shared/library/change-log.ts) watches resources and partners this way,
 * so that no writer of a resource can forget to record it.
 */
export interface WriteWatcher {
  prefixes: readonly string[];
  written(keys: ItemKey[]): Promise<void>;
}

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;
const MAX_UNPROCESSED_RETRIES = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunk<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new StoreError('That page cursor is not valid', { cause });
  }
}

/** True when an item's TTL has passed: DynamoDB deletes such items late, and dynalite never does. */
export function isExpired(item: Record<string, unknown>, nowMs = Date.now()): boolean {
  const ttl = item[TABLE.ttlAttribute];
  return typeof ttl === 'number' && ttl * 1000 <= nowMs;
}

/**
 * The data layer over the single table. Only conditional writes, no transactions and no
 * Streams, so that DynamoDB and dynalite behave alike. Expired items read as absent.
 */
export class Store {
  readonly stats: StoreStats = { requests: 0, itemsRead: 0, itemsWritten: 0 };

  readonly doc: DynamoDBDocumentClient;

  constructor(
    readonly client: DynamoDBClient,
    readonly tableName: string,
    /** Decides which TTL'd items are expired; the runtime's clock, so tests can fix the time. */
    private readonly clock: Clock = systemClock,
  ) {
    this.doc = documentClientOf(client);
  }

  private live<T extends Record<string, unknown>>(item: T): boolean {
    return !isExpired(item, this.clock().getTime());
  }

  private watcher: WriteWatcher | undefined;

  /** Sets the one watcher of writes (see WriteWatcher). */
  watchWrites(watcher: WriteWatcher): void {
    this.watcher = watcher;
  }

  private async wrote(keys: ItemKey[]): Promise<void> {
    const watcher = this.watcher;
    if (!watcher) return;
    const watched = keys.filter((k) => watcher.prefixes.some((p) => String(k.pk).startsWith(p)));
    if (watched.length) await watcher.written(watched.map(({ pk, sk }) => ({ pk, sk })));
  }

  resetStats(): void {
    this.stats.requests = 0;
    this.stats.itemsRead = 0;
    this.stats.itemsWritten = 0;
  }

  private async send<T>(operation: () => Promise<T>): Promise<T> {
    this.stats.requests += 1;
    try {
      return await operation();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw error;
      throw new StoreError(`The store refused the request: ${(error as Error).message}`, { cause: error });
    }
  }

  async get<T extends Item = Item>(
    key: ItemKey,
    options: { consistent?: boolean } = {},
  ): Promise<T | undefined> {
    const out = await this.send(() =>
      this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: options.consistent }),
      ),
    );
    this.stats.itemsRead += out.Item ? 1 : 0;
    const item = out.Item as T | undefined;
    return item && this.live(item) ? item : undefined;
  }

  /** Writes the item unless the condition fails; returns false when it lost. */
  async put(item: Item, condition?: Condition): Promise<boolean> {
    try {
      await this.send(() =>
        this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: item,
            ConditionExpression: condition?.expression,
            ExpressionAttributeNames: condition?.names,
            ExpressionAttributeValues: condition?.values,
          }),
        ),
      );
      this.stats.itemsWritten += 1;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    await this.wrote([item]);
    return true;
  }

  /** Writes the item only if no live item has its key (an expired one may be replaced): a claim. */
  putIfAbsent(item: Item): Promise<boolean> {
    const nowMs = this.clock().getTime();
    return this.put(item, {
      expression: 'attribute_not_exists(#pk) OR #ttl <= :now',
      names: { '#pk': TABLE.partitionKey, '#ttl': TABLE.ttlAttribute },
      values: { ':now': Math.floor(nowMs / 1000) },
    });
  }

  /**
   * Sets, adds to and removes attributes, under an optional condition. Returns the item as it is
   * after the update; throws ConditionFailedError when the condition lost.
   */
  async update<T extends Item = Item>(
    key: ItemKey,
    changes: { set?: Record<string, unknown>; add?: Record<string, number>; remove?: string[] },
    condition?: Condition,
  ): Promise<T> {
    const names: Record<string, string> = { ...condition?.names };
    const values: Record<string, unknown> = { ...condition?.values };
    const setParts: string[] = [];
    const addParts: string[] = [];
    const removeParts: string[] = [];
    let n = 0;
    for (const [attr, value] of Object.entries(changes.set ?? {})) {
      if (value === undefined) continue;
      n += 1;
      names[`#u${n}`] = attr;
      values[`:u${n}`] = value;
      setParts.push(`#u${n} = :u${n}`);
    }
    for (const [attr, value] of Object.entries(changes.add ?? {})) {
      n += 1;
      names[`#u${n}`] = attr;
      values[`:u${n}`] = value;
      addParts.push(`#u${n} :u${n}`);
    }
    for (const attr of changes.remove ?? []) {
      n += 1;
      names[`#u${n}`] = attr;
      removeParts.push(`#u${n}`);
    }
    const expression = [
      setParts.length ? `SET ${setParts.join(', ')}` : '',
      addParts.length ? `ADD ${addParts.join(', ')}` : '',
      removeParts.length ? `REMOVE ${removeParts.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    try {
      const out = await this.send(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: key,
            UpdateExpression: expression,
            ConditionExpression: condition?.expression,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      this.stats.itemsWritten += 1;
      await this.wrote([key]);
      return out.Attributes as T;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConditionFailedError(`Update of ${key.pk} lost its condition`, { cause: error });
      }
      throw error;
    }
  }

  /** Deletes the item (under an optional condition); returns false when the condition lost. */
  async delete(key: ItemKey, condition?: Condition): Promise<boolean> {
    try {
      await this.send(() =>
        this.doc.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: key,
            ConditionExpression: condition?.expression,
            ExpressionAttributeNames: condition?.names,
            ExpressionAttributeValues: condition?.values,
          }),
        ),
      );
      this.stats.itemsWritten += 1;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    await this.wrote([key]);
    return true;
  }

  /**
   * One page of a query. On an index that holds only keys (table.ts) the page's items are then read
   * by key (BatchGetItem), in the index's order: callers always get whole items. A filter needs the
   * attributes it tests, so it is refused on such an index.
   */
  async query<T extends Item = Item>(options: QueryOptions): Promise<Page<T>> {
    const index = options.index ? TABLE.indexes[options.index] : undefined;
    const keysOnly = index?.projection.type === 'KEYS_ONLY';
    if (keysOnly && options.filter) {
      throw new StoreError(`Index ${options.index} holds only keys: a filter on it would see no attributes`);
    }
    const pkName = index?.partitionKey ?? TABLE.partitionKey;
    const skName = index?.sortKey ?? TABLE.sortKey;
    const names: Record<string, string> = { '#p': pkName, ...options.filter?.names };
    const values: Record<string, unknown> = { ':p': options.partition, ...options.filter?.values };
    let keyCondition = '#p = :p';
    if (options.sortBeginsWith !== undefined) {
      names['#s'] = skName;
      values[':s'] = options.sortBeginsWith;
      keyCondition += ' AND begins_with(#s, :s)';
    } else if (options.sortAtLeast !== undefined && options.sortAtMost !== undefined) {
      names['#s'] = skName;
      values[':lo'] = options.sortAtLeast;
      values[':hi'] = options.sortAtMost;
      keyCondition += ' AND #s BETWEEN :lo AND :hi';
    } else if (options.sortAtLeast !== undefined) {
      names['#s'] = skName;
      values[':lo'] = options.sortAtLeast;
      keyCondition += ' AND #s >= :lo';
    } else if (options.sortAtMost !== undefined) {
      names['#s'] = skName;
      values[':hi'] = options.sortAtMost;
      keyCondition += ' AND #s <= :hi';
    }
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: index?.name,
      KeyConditionExpression: keyCondition,
      FilterExpression: options.filter?.expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !options.newestFirst,
      Limit: options.limit,
      ExclusiveStartKey: decodeCursor(options.cursor),
    };
    const out = await this.send(() => this.doc.send(new QueryCommand(input)));
    const items = (out.Items ?? []) as T[];
    this.stats.itemsRead += items.length;
    const cursor = encodeCursor(out.LastEvaluatedKey);
    if (keysOnly) return { items: await this.itemsOf<T>(items), cursor };
    return { items: items.filter((item) => this.live(item)), cursor };
  }

  /** The whole items of an index page that holds only keys, in the page's order (gone ones left out). */
  private async itemsOf<T extends Item>(keyItems: readonly Item[]): Promise<T[]> {
    const keyOf = (item: Item) => `${item.pk}\u0000${item.sk}`;
    const found = await this.batchGet<T>(keyItems.map((item) => ({ pk: item.pk, sk: item.sk })));
    const byKey = new Map(found.map((item) => [keyOf(item), item]));
    return keyItems.flatMap((item) => byKey.get(keyOf(item)) ?? []);
  }

  /** Every page of a query (for bounded collections: the registry, a channel's follows). */
  async queryAll<T extends Item = Item>(options: Omit<QueryOptions, 'cursor'>): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query<T>({ ...options, cursor });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor && (options.limit === undefined || all.length < options.limit));
    return options.limit === undefined ? all : all.slice(0, options.limit);
  }

  /** Reads many items by key, 100 a request, retrying unprocessed keys with backoff. */
  async batchGet<T extends Item = Item>(itemKeys: ItemKey[]): Promise<T[]> {
    const unique = [...new Map(itemKeys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
    const found: T[] = [];
    for (const group of chunk(unique, BATCH_GET_LIMIT)) {
      let pending = group as unknown as Record<string, unknown>[];
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > MAX_UNPROCESSED_RETRIES) throw new StoreError('The store kept refusing a batch read');
        if (attempt > 0) await sleep(25 * 2 ** attempt);
        const out = await this.send(() =>
          this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } })),
        );
        const items = (out.Responses?.[this.tableName] ?? []) as T[];
        this.stats.itemsRead += items.length;
        found.push(...items.filter((item) => this.live(item)));
        pending = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  }

  /**
   * Writes and deletes many items, 25 a request, retrying unprocessed ones with backoff.
   * Unconditional. `watched: false`
   * keeps the writes from the watcher: only for rewrites that change nothing it follows (the
   * ingest writer storing the new fingerprint of a resource whose content is unchanged), so that
   * the library's change log names only resources that changed.
   */
  async batchWrite(
    changes: { puts?: Item[]; deletes?: ItemKey[] },
    options: { watched?: boolean } = {},
  ): Promise<void> {
    const requests = [
      ...(changes.puts ?? []).map((Item) => ({ PutRequest: { Item } })),
      ...(changes.deletes ?? []).map((Key) => ({ DeleteRequest: { Key } })),
    ];
    for (const group of chunk(requests, BATCH_WRITE_LIMIT)) {
      let pending: typeof group = group;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > MAX_UNPROCESSED_RETRIES) throw new StoreError('The store kept refusing a batch write');
        if (attempt > 0) await sleep(25 * 2 ** attempt);
        const out = await this.send(() =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } })),
        );
        const unprocessed = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof group;
        this.stats.itemsWritten += pending.length - unprocessed.length;
        pending = unprocessed;
      }
    }
    if (options.watched !== false) await this.wrote([...(changes.puts ?? []), ...(changes.deletes ?? [])]);
  }

  /** Counts the items of a collection (an index partition) without reading their bodies. */
  async count(options: Pick<QueryOptions, 'index' | 'partition' | 'sortBeginsWith'>): Promise<number> {
    const index = options.index ? TABLE.indexes[options.index] : undefined;
    const names: Record<string, string> = { '#p': index?.partitionKey ?? TABLE.partitionKey };
    const values: Record<string, unknown> = { ':p': options.partition };
    let keyCondition = '#p = :p';
    if (options.sortBeginsWith !== undefined) {
      names['#s'] = index?.sortKey ?? TABLE.sortKey;
      values[':s'] = options.sortBeginsWith;
      keyCondition += ' AND begins_with(#s, :s)';
    }
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.send(() =>
        this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: index?.name,
            KeyConditionExpression: keyCondition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        ),
      );
      total += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  /** Every item of the table, page by page: for maintenance and status only, never on a hot path. */
  async *scan<T extends Item = Item>(options: { attributes?: string[] } = {}): AsyncGenerator<T> {
    const names = options.attributes
      ? Object.fromEntries(options.attributes.map((a, i) => [`#a${i}`, a]))
      : undefined;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.send(() =>
        this.doc.send(
          new ScanCommand({
            TableName: this.tableName,
            ProjectionExpression: names ? Object.keys(names).join(', ') : undefined,
            ExpressionAttributeNames: names,
            ExclusiveStartKey: start,
          }),
        ),
      );
      this.stats.itemsRead += out.Items?.length ?? 0;
      for (const item of (out.Items ?? []) as T[]) if (this.live(item)) yield item;
      start = out.LastEvaluatedKey;
    } while (start);
  }

  /** Deletes items whose TTL has passed: the local stack's stand-in for DynamoDB's TTL sweeper. */
  async sweepExpired(): Promise<number> {
    const nowMs = this.clock().getTime();
    let removed = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.send(() =>
        this.doc.send(
          new ScanCommand({
            TableName: this.tableName,
            FilterExpression: '#ttl <= :now',
            ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
            ExpressionAttributeValues: { ':now': Math.floor(nowMs / 1000) },
            ProjectionExpression: `${TABLE.partitionKey}, ${TABLE.sortKey}`,
            ExclusiveStartKey: start,
          }),
        ),
      );
      const expired = (out.Items ?? []) as ItemKey[];
      if (expired.length) await this.batchWrite({ deletes: expired.map(({ pk, sk }) => ({ pk, sk })) });
      removed += expired.length;
      start = out.LastEvaluatedKey;
    } while (start);
    return removed;
  }
}
