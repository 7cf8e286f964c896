/**
 * AWS on-demand list prices the cost model multiplies by (`npm run cost`, shared/cost/model.ts), in
 * one place with their region and the day they were read. Change them here when AWS does; the
 * model and its tests read nothing else. Free tiers are only the always-free ones (not the
 * 12-month offers), since a deployment outlives its first year.
 */
export const PRICES = {
  region: 'us-east-1',
  currency: 'USD',
  readOn: '2026-12-01',
  sources: [
    'https://aws.amazon.com/lambda/pricing/',
    'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    'https://aws.amazon.com/ses/pricing/',
    'https://aws.amazon.com/sqs/pricing/',
    'https://aws.amazon.com/sns/pricing/',
    'https://aws.amazon.com/api-gateway/pricing/',
    'https://aws.amazon.com/eventbridge/pricing/',
    'https://aws.amazon.com/cloudwatch/pricing/',
    'https://aws.amazon.com/kms/pricing/',
    'https://aws.amazon.com/systems-manager/pricing/',
  ],
  lambda: {
    /** arm64, the stack's architecture. */
    perGbSecond: 0.0000133334,
    perMillionRequests: 0.2,
    free: { gbSeconds: 400_000, requests: 1_000_000 },
  },
  dynamodb: {
    /** On-demand, Standard table class. */
    perMillionReadUnits: 0.125,
    perMillionWriteUnits: 0.625,
    perGbMonth: 0.25,
    /** Point-in-time recovery (continuous backups), on the table's size. */
    pitrPerGbMonth: 0.2,
    free: { storageGb: 25 },
  },
  ses: {
    perThousandEmails: 0.1,
    /** SES's free tier lasts 12 months: none always free. */
    free: { emails: 0 },
  },
  sqs: { perMillionRequests: 0.4, free: { requests: 1_000_000 } },
  sns: {
    perMillionPublishes: 0.5,
    perHundredThousandEmails: 2,
    free: { publishes: 1_000_000, emails: 1_000 },
  },
  /** HTTP APIs; the free tier is for 12 months only. */
  apiGateway: { perMillionRequests: 1, free: { requests: 0 } },
  scheduler: { perMillionInvocations: 1, free: { invocations: 14_000_000 } },
  cloudwatch: {
    perMetricMonth: 0.3,
    /** A standard-resolution alarm costs this per metric it reads (a metric-math alarm: each one). */
    perAlarmMetricMonth: 0.1,
    perDashboardMonth: 3,
    perLogGbIngested: 0.5,
    perLogGbMonthStored: 0.03,
    free: { metrics: 10, alarmMetrics: 10, dashboards: 3, logGb: 5 },
  },
  kms: {
    /** A customer-managed key; each of its first two yearly rotations adds as much again. */
    perKeyMonth: 1,
    perTenThousandRequests: 0.03,
    free: { requests: 20_000 },
  },
  /**
   * SSM Parameter Store, where the secrets are (`SecureString` standard parameters): no charge for a
   * standard parameter (at most 10,000 a region, 4 KB each) nor for API calls at the standard
   * throughput; advanced parameters (US$0.05 a month each) and higher throughput (US$0.05 per 10,000
   * calls) are not used. Decrypting a SecureString is a KMS request (kms above), even under the
   * AWS-managed `aws/ssm` key. (Secrets Manager, which held them before: US$0.40 a secret a month and
   * US$0.05 per 10,000 calls.)
   */
  ssmParameterStore: { perStandardParameterMonth: 0, perTenThousandStandardCalls: 0 },
  /**
   * Search above the snapshot's limit (docs/scale.md), not in today's stack. UNCONFIRMED (`confirmed:
   * false`): written 2026-12-06 where there is no internet, so not read from
   * https://aws.amazon.com/opensearch-service/pricing/; confirm there before a budget relies on them. What they rest on: the OCU rate (US$0.24 an hour)
   * and storage (US$0.024 per GB-month) agree with stored third-party copies of that page
   * (cloudburn.io, us-east-1, March 2026; awsnegotiations.com, February 2026), and the floor (2 OCU:
   * 0.5 × 2 for indexing and 0.5 × 2 for search with redundancy; 1 without) with AWS's Big Data
   * blog on half OCUs. The managed instance and gp3 rates are remembered list prices that nothing
   * stored here confirms. Serverless bills OCUs by the hour; managed domains bill the instance
   * hour and its EBS storage.
   */
  opensearch: {
    confirmed: false,
    readOn: '2026-12-06',
    serverless: { perOcuHour: 0.24, perGbMonth: 0.024, minOcu: 2, minOcuNoRedundancy: 1 },
    managed: { t3SmallSearchPerHour: 0.036, m7gLargeSearchPerHour: 0.136, gp3PerGbMonth: 0.122 },
  },
} as const;

export type Prices = typeof PRICES;
