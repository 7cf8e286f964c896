import { Duration } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { COOP_ROUTE } from '#shared/coop/web/route.js';
import type { DeploymentConfig } from '../deployment-config.js';
import type { RelayEmail } from './email.js';
import type { RelayEndpoints } from './endpoints.js';
import { RelayFunction } from './relay-function.js';

export interface RelayCoopPagesProps {
  readonly deployment: DeploymentConfig;
  readonly table: ITableV2;
  /** The email-link signing key: the publishing links and the form's token are signed with it. */
  readonly tokenSecret: Parameters<RelayFunction['bindSecret']>[0];
  readonly email: RelayEmail;
  readonly endpoints: RelayEndpoints;
}

/**
 * The cooperation exchange's pages on the HTTP API: COOP_ROUTE (`/coop` and under it, GET and
 * POST), the same route the local stack mounts, to one Lambda. Least privilege: it reads the table
 * (entries, held submissions, subscriptions' suppression), writes with PutItem and UpdateItem only
 * (held submissions, entries and their ref claims, rate limits), deletes and scans nothing, reads
 * the email-link key, and sends the publishing emails through the stage's SES identity.
 */
export class RelayCoopPages extends Construct {
  public readonly pages: RelayFunction;

  constructor(scope: Construct, id: string, props: RelayCoopPagesProps) {
    super(scope, id);
    const { deployment, table, tokenSecret, email, endpoints } = props;
    this.pages = new RelayFunction(this, 'CoopPages', {
      entry: 'functions/coop/pages.ts',
      description: 'Cooperation exchange pages: portfolio, email-verified submission, report',
      stage: deployment.stage,
      // Well under API Gateway's 30-second integration limit; matching the portfolio is CPU-bound.
      timeout: Duration.seconds(10),
      memorySize: 512,
      environment: { IASPN_PUBLIC_URL: endpoints.url },
    })
      .bindTable(table, { write: true })
      .bindSecret(tokenSecret, 'emailToken');
    email.grantSend(this.pages);
    endpoints.route(
      COOP_ROUTE.prefix,
      this.pages,
      COOP_ROUTE.methods.map((m) => HttpMethod[m]),
    );
    endpoints.output(
      'CoopUrl',
      COOP_ROUTE.pages.portfolio,
      'The cooperation exchange (offers, requests, who fits)',
    );
  }
}
