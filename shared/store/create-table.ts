import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { INDEX_LIST, KEY_ATTRIBUTES, TABLE } from './table.js';

/**
 * Creates the table from the one definition in table.ts if it does not exist yet: the local
 * store's equivalent of the CDK stack's table. Returns true when it created it.
 */
export async function ensureTable(doc: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await doc.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await doc.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: INDEX_LIST.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        // dynalite honours projections: a reader of an attribute the index does not hold fails here too.
        Projection: { ProjectionType: index.projection.type },
      })),
    }),
  );
  // dynalite keeps a new table in CREATING for createTableMs; wait until it is ACTIVE.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const out = await doc.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus === 'ACTIVE') return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Table ${tableName} did not become active`);
}
