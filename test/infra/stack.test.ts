import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { INDEX_LIST, TABLE } from '#shared/store/table.js';
import { synthStage } from '../helpers/synth.js';

describe('RelayStack', () => {
  it('builds the table from the same definition as the local store', () => {
    const template = synthStage('dev');
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      GlobalSecondaryIndexes: INDEX_LIST.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  }, 120_000);

  it('copies whole items into one index only; the others hold keys', () => {
    const [table] = Object.values(synthStage('dev').findResources('AWS::DynamoDB::GlobalTable')) as {
      Properties: { GlobalSecondaryIndexes: { IndexName: string; Projection: { ProjectionType: string } }[] };
    }[];
    const projections = Object.fromEntries(
      table!.Properties.GlobalSecondaryIndexes.map((gsi) => [gsi.IndexName, gsi.Projection]),
    );
    // byTime's readers (digests, announcements, the search refresh) read every item whole.
    expect(projections).toEqual({
      [TABLE.indexes.byCollection.name]: { ProjectionType: 'KEYS_ONLY' },
      [TABLE.indexes.byParent.name]: { ProjectionType: 'KEYS_ONLY' },
      [TABLE.indexes.byTime.name]: { ProjectionType: 'ALL' },
    });
    for (const index of INDEX_LIST) {
      if (index.projection.type === 'ALL') expect(index.projection.why.length).toBeGreaterThan(40);
    }
  });

  it('retains and protects the table in prod', () => {
    const template = synthStage('prod');
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
  });

  it('lets dev be torn down', () => {
    synthStage('dev').hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });

  it('rejects a malformed stage with a clear message', () => {
    expect(() => synthStage('Prod!')).toThrow(/stage must be a short lower-case name/);
  });
});
