import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { IndexDefinition } from '#shared/store/table.js';

/**
 * Counts what DynamoDB would bill for the requests a runtime makes: read and write request units,
 * index writes included. dynalite reports the table's consumed capacity but not the indexes' writes,
 * which on-demand tables pay for, so each write is looked up before and after (on a second, unmetered
 * client) and its index writes are counted by DynamoDB's rules (`indexWriteUnits`).
 */

type Item = Record<string, AttributeValue>;
type ItemSize = (item: Item) => number;

export interface DynamoUsage {
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Time the meter spent looking items up: not the metered code's, to be taken off its time. */
  meterMs: number;
}

export interface DynamoMeter {
  readonly usage: DynamoUsage;
  reset(): void;
}

const KB = 1024;

/**
 * Write units an item change costs in the indexes, by DynamoDB's rules: an index the item enters or
 * leaves is one write of the projected item; one whose key changed is two (delete and put); one whose
 * projected attributes changed is one; each rounded up to 1 KB.
 */
export function indexWriteUnits(
  before: Item | undefined,
  after: Item | undefined,
  indexes: readonly IndexDefinition[],
  tableKeys: readonly string[],
  itemSize: ItemSize,
): number {
  let units = 0;
  for (const index of indexes) {
    const keyNames = [...tableKeys, index.partitionKey, index.sortKey];
    const inIndex = (item: Item | undefined) => !!item?.[index.partitionKey] && !!item?.[index.sortKey];
    const projected = (item: Item): Item =>
      index.projection.type === 'ALL'
        ? item
        : Object.fromEntries(Object.entries(item).filter(([name]) => keyNames.includes(name)));
    const writeOf = (item: Item) => Math.max(1, Math.ceil(itemSize(projected(item)) / KB));
    const was = inIndex(before);
    const is = inIndex(after);
    if (!was && !is) continue;
    if (was && !is) units += writeOf(before!);
    else if (!was && is) units += writeOf(after!);
    else {
      const same = (name: string) => JSON.stringify(before![name]) === JSON.stringify(after![name]);
      if (!same(index.partitionKey) || !same(index.sortKey)) units += writeOf(before!) + writeOf(after!);
      else if (JSON.stringify(projected(before!)) !== JSON.stringify(projected(after!)))
        units += writeOf(after!);
    }
  }
  return units;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

type Capacity = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
const unitsOf = (capacity: Capacity) =>
  (Array.isArray(capacity) ? capacity : capacity ? [capacity] : []).reduce(
    (s, c) => s + (c.CapacityUnits ?? 0),
    0,
  );

/** The keys of the items a write touches. */
function writtenKeys(command: string, input: Record<string, unknown>, keyNames: readonly string[]): Item[] {
  const keyOf = (item: Item) => Object.fromEntries(keyNames.map((name) => [name, item[name]!])) as Item;
  if (command === 'PutItemCommand') return [keyOf(input.Item as Item)];
  if (command === 'BatchWriteItemCommand') {
    const requests = Object.values(
      input.RequestItems as Record<string, Record<string, { Item?: Item; Key?: Item }>[]>,
    );
    return requests
      .flat()
      .map((r) => (r.PutRequest?.Item ? keyOf(r.PutRequest.Item) : r.DeleteRequest!.Key!));
  }
  return [input.Key as Item];
}

/**
 * Meters a DynamoDB client: asks every request for its consumed capacity, sums reads and writes, and
 * adds the index writes DynamoDB would bill. `inspect` is a second client on the same endpoint.
 */
export function meterDynamo(
  client: DynamoDBClient,
  options: {
    tableName: string;
    indexes: readonly IndexDefinition[];
    tableKeys: readonly string[];
    itemSize: ItemSize;
  },
): DynamoMeter {
  const usage: DynamoUsage = { requests: 0, readUnits: 0, writeUnits: 0, meterMs: 0 };
  const inspect = new DynamoDBClient({
    region: 'local',
    endpoint: client.config.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // The meter's own time is the union of its lookups' intervals (they overlap when the code runs
  // requests concurrently), so that taking it off never takes off the metered code's time twice.
  let inFlight = 0;
  let since = 0;
  const lookUp = async (keys: Item[]) => {
    if (inFlight++ === 0) since = performance.now();
    try {
      return await Promise.all(
        keys.map(
          async (key) =>
            (
              await inspect.send(
                new GetItemCommand({ TableName: options.tableName, Key: key, ConsistentRead: true }),
              )
            ).Item,
        ),
      );
    } finally {
      if (--inFlight === 0) usage.meterMs += performance.now() - since;
    }
  };
  // Asked for before serialisation; counted at the build step, where a document client's input is
  // already marshalled into attribute values.
  client.middlewareStack.add(
    (next) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      return next(args);
    },
    { step: 'initialize', name: 'costMeterAsk' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const input = args.input as Record<string, unknown>;
      if (!READS.has(command) && !WRITES.has(command)) return next(args);
      usage.requests += 1;
      const keys = WRITES.has(command) ? writtenKeys(command, input, options.tableKeys) : [];
      const before = await lookUp(keys);
      try {
        const result = await next(args);
        const units = unitsOf((result.output as { ConsumedCapacity?: Capacity }).ConsumedCapacity);
        if (READS.has(command)) usage.readUnits += units;
        else {
          usage.writeUnits += units;
          const after = await lookUp(keys);
          keys.forEach((_, i) => {
            usage.writeUnits += indexWriteUnits(
              before[i],
              after[i],
              options.indexes,
              options.tableKeys,
              options.itemSize,
            );
          });
        }
        return result;
      } catch (error) {
        // A refused conditional write is billed as a write of the item.
        if (WRITES.has(command)) {
          const item = (input.Item as Item | undefined) ?? before[0];
          usage.writeUnits += Math.max(1, Math.ceil((item ? options.itemSize(item) : 0) / KB));
        }
        throw error;
      }
    },
    { step: 'build', priority: 'high', name: 'costMeter' },
  );
  return {
    usage,
    reset() {
      usage.requests = 0;
      usage.readUnits = 0;
      usage.writeUnits = 0;
      usage.meterMs = 0;
    },
  };
}
