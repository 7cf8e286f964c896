import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConnection {
  region: string;
  /** A local endpoint (dynalite); absent in AWS. */
  endpoint?: string;
}

/**
 * The one place a DynamoDB client is made. Against a local endpoint, fixed dummy credentials keep
 * the SDK from looking for an AWS profile; in AWS the default credential chain applies.
 */
export function createDynamoClient(connection: DynamoConnection): DynamoDBClient {
  return new DynamoDBClient({
    region: connection.region,
    ...(connection.endpoint
      ? { endpoint: connection.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
}

/** Plain JavaScript values in and out; undefined attributes are dropped rather than rejected. */
export function documentClientOf(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
