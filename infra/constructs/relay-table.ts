import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { INDEX_LIST, TABLE } from '#shared/store/table.js';

export interface RelayTableProps {
  /**
   * Keep the table (and turn on deletion protection) when the stack is deleted.
   * @default true
   */
  readonly retain?: boolean;
}

/** The relay's single table, built from the definition the local store also uses (shared/store/table.ts). */
export class RelayTable extends Construct {
  public readonly table: TableV2;

  constructor(scope: Construct, id: string, props: RelayTableProps = {}) {
    super(scope, id);
    const retain = props.retain ?? true;
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: INDEX_LIST.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // What each index holds, and why, is in table.ts: keys only unless its readers need whole items.
        projectionType: ProjectionType[index.projection.type],
      })),
    });
  }
}
