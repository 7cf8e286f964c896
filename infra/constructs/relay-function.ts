import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, type IFunction, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RelayFunctionProps {
  /** The handler file, relative to the project root (e.g. `functions/ingest/handler.ts`). */
  readonly entry: string;
  /** @default 'handler' */
  readonly handler?: string;
  /** Shown in the console and used as the logger's service name. */
  readonly description: string;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** Stage name, passed to the function as IASPN_STAGE. */
  readonly stage: string;
  /** Extra environment (never secrets: those come from Secrets Manager at run time). */
  readonly environment?: Record<string, string>;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default true: the log group is removed with the stack unless retain is set. */
  readonly destroyLogsWithStack?: boolean;
  /** Cap on concurrent executions (scheduled jobs use 1 so runs never overlap). */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The house Lambda function: Node.js 22 on arm64, an ESM bundle minified and tree-shaken by
 * esbuild with source maps, the AWS SDK bundled (pinned by our lock file rather than the runtime's
 * copy), JSON logs in a log group with retention, X-Ray tracing. Stacks only wire these together.
 */
export class RelayFunction extends Construct {
  public readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: RelayFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.destroyLogsWithStack === false ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: props.handler ?? 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        IASPN_STAGE: props.stage,
        POWERTOOLS_SERVICE_NAME: `iaspn-${id.toLowerCase()}`,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // Bundle the AWS SDK too: one pinned version, and tree-shaking drops what we do not use.
        externalModules: [],
        // CommonJS dependencies call require(); give the ESM bundle one.
        banner:
          "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        metafile: true,
      },
    });
  }

  get lambda(): IFunction {
    return this.function;
  }

  /** Gives the function the table's name and the access it needs, in one call. */
  bindTable(table: ITableV2, access: 'read' | 'readWrite'): this {
    this.function.addEnvironment('IASPN_TABLE_NAME', table.tableName);
    if (access === 'read') table.grantReadData(this.function);
    else table.grantReadWriteData(this.function);
    return this;
  }
}
