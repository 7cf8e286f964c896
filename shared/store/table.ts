/**
 * The relay's single DynamoDB table: keys, indexes and TTL attribute, declared once. The CDK stack
 * (infra/) and the local store (dynalite) are both built from this definition.
 * Access patterns and key shapes: shared/store/DATA-MODEL.md.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item some time after (dedupe records, claims, tokens). */
  ttlAttribute: 'expiresAt',
  indexes: {
    /** Collections: every item of one kind, in a useful order (partners by name, resources by date). */
    byCollection: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Children of a parent: resources of a feed, feeds of a partner. */
    byParent: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Work lists by time: resources by first-seen day (digests, announcements), subscribers due. */
    byTime: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
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
