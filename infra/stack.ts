import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RelayTable } from './constructs/relay-table.js';
import type { DeploymentConfig } from './deployment-config.js';

export interface RelayStackProps extends StackProps {
  readonly deployment: DeploymentConfig;
}

/** The relay in one stack per stage. It only wires: the constructs hold the defaults. */
export class RelayStack extends Stack {
  public readonly table: RelayTable;

  constructor(scope: Construct, id: string, props: RelayStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    this.table = new RelayTable(this, 'Store', { retain: deployment.retainData });
    new CfnOutput(this, 'TableName', {
      value: this.table.table.tableName,
      description: 'IASPN_TABLE_NAME for the CLI',
    });
  }
}
