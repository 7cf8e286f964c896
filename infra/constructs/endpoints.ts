import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import type { RelayFunction } from './relay-function.js';

/**
 * One JSON object per request: what was asked (route, method, path), what was answered (status,
 * latency) and what the Lambda integration did (its status, latency and error message), which is how
 * a refused webhook (a wrong signing secret) or a timing-out page shows in the logs. No query
 * string and no source address: the signed email links carry tokens there.
 */
export const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    routeKey: '$context.routeKey',
    method: '$context.httpMethod',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    error: '$context.error.message',
  }),
);

export interface RelayEndpointsProps {
  readonly stage: string;
  /** Steady-state requests per second for the whole API (stage throttling). */
  readonly rateLimit: number;
  /** Burst allowance on top of the rate. */
  readonly burstLimit: number;
  readonly logRetentionDays: number;
  readonly retainLogs: boolean;
  /**
   * A custom domain for the endpoints (subscription pages, email links, webhooks): an API Gateway
   * domain with an ACM certificate (the given one, else a new one validated by DNS). The
   * execute-api host is then switched off, so no link shows it.
   * @default the execute-api host
   */
  readonly domain?: { readonly name: string; readonly certificateArn?: string };
}

/**
 * The relay's public HTTPS endpoints: one HTTP API (API Gateway v2) whose `$default` stage is
 * throttled and access-logged. Routes map path prefixes to Lambdas, as the local stack's routes do
 * (`/slack/events`, `/telegram/webhook`, `/subscribe`, ...). Each route checks its own caller
 * (Slack signing secret, Telegram secret token, signed email tokens), so the API has no authorizer.
 */
export class RelayEndpoints extends Construct {
  public readonly api: HttpApi;
  public readonly stage: HttpStage;
  public readonly domainName?: DomainName;
  private readonly customDomain?: string;
  private readonly integrations = new Map<RelayFunction, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string, props: RelayEndpointsProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: `iaspn-relay-${props.stage}`,
      description: `iaspn-relay ${props.stage}: Slack and Telegram webhooks, subscription pages`,
      createDefaultStage: false,
      disableExecuteApiEndpoint: props.domain !== undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetentionDays as RetentionDays,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    if (props.domain) {
      const { name, certificateArn } = props.domain;
      this.customDomain = name;
      const certificate = certificateArn
        ? Certificate.fromCertificateArn(this, 'Certificate', certificateArn)
        : new Certificate(this, 'Certificate', {
            domainName: name,
            validation: CertificateValidation.fromDns(),
          });
      this.domainName = new DomainName(this, 'Domain', { domainName: name, certificate });
      new ApiMapping(this, 'Mapping', { api: this.api, domainName: this.domainName, stage: this.stage });
      new CfnOutput(Stack.of(this), 'CustomDomainRecord', {
        description: 'DNS: CNAME record for the custom domain (name -> value)',
        value: `${name} CNAME ${this.domainName.regionalDomainName}`,
      });
    }
  }

  /** The public base URL (no trailing slash). */
  get url(): string {
    return this.customDomain ? `https://${this.customDomain}` : this.api.apiEndpoint;
  }

  /** Routes `prefix` and everything under it to the function, for the given methods. */
  route(prefix: string, fn: RelayFunction, methods: HttpMethod[] = [HttpMethod.POST]): void {
    let integration = this.integrations.get(fn);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn.function);
      this.integrations.set(fn, integration);
    }
    const routes = this.api.addRoutes({ path: prefix, methods, integration });
    routes.push(...this.api.addRoutes({ path: `${prefix}/{proxy+}`, methods, integration }));
    for (const route of routes) {
      acknowledge(route, [
        {
          id: 'AwsSolutions-APIG4',
          reason:
            'Callers are Slack, Telegram and email recipients, none of which can present AWS or JWT credentials; each handler verifies its caller (Slack request signature, Telegram secret-token header, HMAC-signed email tokens) before doing anything.',
        },
      ]);
    }
  }

  /** A stack output (named `id`, no hash) with the full URL of a path, e.g. the Slack events URL. */
  output(id: string, path: string, description: string): CfnOutput {
    return new CfnOutput(Stack.of(this), id, { value: `${this.url}${path}`, description });
  }
}
