import path from 'node:path';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  type IFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { SECRETS, type SecretName } from '#shared/secrets.js';
import { extraEsbuildArgs, LAMBDA_BUNDLE, PROJECT_ROOT, splitBuildCommand } from '../bundling.js';
import { acknowledge } from './nag.js';

export { PROJECT_ROOT };

/** What a stack offers its functions as defaults (RelayStack does, through its `deployment`). */
interface FunctionDefaults {
  readonly deployment?: { readonly logRetentionDays: number; readonly retainData: boolean };
}

/**
 * What a function may do in the table beyond reading items (GetItem, BatchGetItem, Query). Prefixes
 * are partition-key prefixes (`DELIVERY#`): the action is allowed only on keys that start with one.
 */
export interface TableAccess {
  /** PutItem and UpdateItem. */
  readonly write?: boolean;
  /** Scan (building the search index from the whole library). */
  readonly scan?: boolean;
  /** BatchWriteItem (puts and deletes), on any key or only on these prefixes. */
  readonly batchWrite?: 'any' | readonly string[];
  /** DeleteItem, on any key or only on these prefixes. */
  readonly delete?: 'any' | readonly string[];
}

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
  /** Extra environment (never secrets: those come from SSM Parameter Store at run time, see bindSecret). */
  readonly environment?: Record<string, string>;
  /** @default the stack's deployment.logRetentionDays, else RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default the log group is removed with the stack unless the stack's deployment retains data */
  readonly destroyLogsWithStack?: boolean;
  /** Cap on concurrent executions (scheduled jobs use 1 so runs never overlap). */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The house Lambda function: Node.js 22 on arm64, an ESM bundle minified and tree-shaken by
 * esbuild with source maps (settings in infra/bundling.ts, shared with the bundle report), the AWS
 * SDK bundled (pinned by our lock file rather than the runtime's copy), JSON logs in its own log
 * group with retention, no X-Ray tracing (the handlers carry no instrumentation), and a role of its own that may write only to that log group.
 * Access to anything else is granted by the bind/grant methods. Stacks only wire these together.
 */
export class RelayFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly logGroup: LogGroup;
  /** The handler file, relative to the project root, as given. */
  public readonly entry: string;
  public readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: RelayFunctionProps) {
    super(scope, id);
    this.entry = props.entry;
    this.timeout = props.timeout ?? Duration.seconds(30);
    const defaults = (Stack.of(this) as FunctionDefaults).deployment;
    const destroyLogs = props.destroyLogsWithStack ?? !defaults?.retainData;
    this.logGroup = new LogGroup(this, 'Logs', {
      retention:
        props.logRetention ??
        (defaults ? (defaults.logRetentionDays as RetentionDays) : RetentionDays.ONE_MONTH),
      removalPolicy: destroyLogs ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    // Our own role rather than AWSLambdaBasicExecutionRole (logs:* on every log group). Confused
    // deputy: only Lambda acting for this account may assume it (as the scheduler roles do).
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `${props.description} (iaspn-relay ${props.stage})`,
    });
    this.logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: props.handler ?? 'handler',
      description: props.description,
      role,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: this.timeout,
      // Off: the handlers carry no X-Ray instrumentation (Powertools tracer), so an active trace would
      // show only the Lambda service segment while paying for it. Duration and errors are on the dashboard.
      tracing: Tracing.DISABLED,
      loggingFormat: LoggingFormat.JSON,
      // INFO (Lambda's default, pinned): the platform's `platform.report` of each invocation, whose
      // status and duration the ErrorLines metric filter counts (RelayOperations.errorLinePattern).
      systemLogLevelV2: SystemLogLevel.INFO,
      logGroup: this.logGroup,
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
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: LAMBDA_BUNDLE.sourceMap,
        sourcesContent: LAMBDA_BUNDLE.sourcesContent,
        target: LAMBDA_BUNDLE.target,
        banner: LAMBDA_BUNDLE.banner,
        format: OutputFormat.ESM,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        externalModules: [...LAMBDA_BUNDLE.externalModules],
        esbuildArgs: extraEsbuildArgs(),
        // The build's metafile stays out of the asset: it lists every source path and is never read there.
        metafile: false,
        // Replaces the single-file build with index.mjs plus chunks: dynamic imports become files
        // read only when first imported (infra/bundling.ts, SPLITTING).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => [
            splitBuildCommand(path.join(PROJECT_ROOT, props.entry), outputDir),
          ],
        },
      },
    });
    acknowledge(this.function, [
      {
        id: 'AwsSolutions-L1',
        reason:
          'Pinned to Node.js 22 on purpose: the LTS the project targets locally and in CI; moving runtimes is a tested change, not a synth-time default.',
      },
    ]);
  }

  get lambda(): IFunction {
    return this.function;
  }

  /**
   * Gives the function the table's name and the access it needs, in one call: only the actions it
   * uses (never the stream actions: the table has no stream), and deletes (DeleteItem, and
   * BatchWriteItem, which can delete) only on the partition-key prefixes it names
   * (`dynamodb:LeadingKeys`). `'read'`: GetItem, BatchGetItem, Query; `'readWrite'`: all of
   * TableAccess on any key (fixtures and tools).
   */
  bindTable(table: ITableV2, access: 'read' | 'readWrite' | TableAccess): this {
    const wanted: TableAccess =
      access === 'read'
        ? {}
        : access === 'readWrite'
          ? { write: true, scan: true, batchWrite: 'any', delete: 'any' }
          : access;
    this.function.addEnvironment('IASPN_TABLE_NAME', table.tableName);
    const resources = [table.tableArn, `${table.tableArn}/index/*`];
    const statement = (actions: string[], prefixes?: readonly string[] | 'any') =>
      new PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources,
        ...(prefixes && prefixes !== 'any'
          ? {
              conditions: {
                'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((p) => `${p}*`) },
              },
            }
          : {}),
      });
    const actions = ['GetItem', 'BatchGetItem', 'Query'];
    if (wanted.scan) actions.push('Scan');
    if (wanted.write) actions.push('PutItem', 'UpdateItem');
    const role = this.function.role!;
    role.addToPrincipalPolicy(statement(actions));
    if (wanted.batchWrite) role.addToPrincipalPolicy(statement(['BatchWriteItem'], wanted.batchWrite));
    if (wanted.delete) role.addToPrincipalPolicy(statement(['DeleteItem'], wanted.delete));
    acknowledge(role, [
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.node.defaultChild as never)}.Arn>/index/*]`,
        reason:
          "Queries the table's own global secondary indexes (byCollection, byParent, byTime): the grant covers only this table's indexes.",
      },
    ]);
    return this;
  }

  /**
   * For functions invoked asynchronously (Scheduler, SNS, S3...): Lambda retries a failed event
   * twice within the hour, then sends it with the error to `queue` instead of dropping it.
   */
  sendAsyncFailuresTo(queue: IQueue, options: { retryAttempts?: number; maxEventAge?: Duration } = {}): this {
    this.function.configureAsyncInvoke({
      retryAttempts: options.retryAttempts ?? 2,
      maxEventAge: options.maxEventAge ?? Duration.hours(1),
      onFailure: new SqsDestination(queue),
    });
    return this;
  }

  /**
   * Gives the function one of the stage's secrets: its parameter's name (never its value) in the
   * variable shared/secrets.ts names, and `ssm:GetParameter` on that parameter alone (nothing on
   * the `aws/ssm` key: an AWS-managed key used through SSM needs no grant). The handler reads it on
   * each invocation through the Powertools parameters cache (`withFreshSecrets`).
   */
  bindSecret(parameter: IStringParameter, name: SecretName): this {
    this.function.addEnvironment(SECRETS[name].env, parameter.parameterName);
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameter.parameterArn] }),
    );
    return this;
  }
}
