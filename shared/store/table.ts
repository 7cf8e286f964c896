/**
 * The relay's single DynamoDB table: keys, indexes and TTL attribute, declared once. The CDK stack
 * (infra/) and the local store (dynalite) are both built from this definition.
 * Access patterns and key shapes: shared/store/DATA-MODEL.md.
 */

/**
 * What an index holds besides the keys. `KEYS_ONLY`: the table's and the index's keys; the Store
 * reads the items themselves by key (BatchGetItem, 100 a request), so callers still get whole
 * items. `ALL`: a copy of every attribute, kept only where the readers need whole items on a hot
 * path (`why` says which). Changing an index's projection replaces the index in DynamoDB.
 */
export type IndexProjection = { readonly type: 'KEYS_ONLY' } | { readonly type: 'ALL'; readonly why: string };

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly projection: IndexProjection;
}

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item some time after (dedupe records, claims, tokens). */
  ttlAttribute: 'expiresAt',
  indexes: {
    /**
     * Collections: every item of one kind, in a useful order (partners by name, resources by date).
     * Keys only: its partitions are lists the runs read whole once (feeds, follows, partners) and
     * the CLI reads rarely; a BatchGet per 100 costs less than a copy of every resource and
     * subscription, and an index write on each feed-health and subscription update.
     */
    byCollection: {
      name: 'gsi1',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      projection: { type: 'KEYS_ONLY' },
    },
    /** Children of a parent: resources of a feed, feeds of a partner (CLI only). Keys only. */
    byParent: {
      name: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      projection: { type: 'KEYS_ONLY' },
    },
    /** Work lists by time: resources by first-seen day (digests, announcements), subscribers due. */
    byTime: {
      name: 'gsi3',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      projection: {
        type: 'ALL',
        why: 'Every reader needs whole items, on the hottest paths: the search refresh, announcements and digests read each new resource whole (text, links, topics), the digest run each due subscription whole (address, filters, frequency). Keys only would add a BatchGet per 100 items to every run for a storage saving of cents.',
      },
    },
  },
} as const satisfies {
  partitionKey: string;
  sortKey: string;
  ttlAttribute: string;
  indexes: Record<string, IndexDefinition>;
};

export type IndexName = keyof typeof TABLE.indexes;

export const INDEX_LIST: readonly IndexDefinition[] = Object.values(TABLE.indexes);

/** Every key attribute is a string. */
export const KEY_ATTRIBUTES: readonly string[] = [
  TABLE.partitionKey,
  TABLE.sortKey,
  ...INDEX_LIST.flatMap((index) => [index.partitionKey, index.sortKey]),
];
