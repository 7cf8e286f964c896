import type { Prices } from './prices.js';

/**
 * The cost model: what one unit of each cost driver consumes (measured on the local stack by
 * `npm run cost`, or counted from the synthesized stack for the fixed items), times how many units a
 * month a load profile makes, times the list prices of shared/cost/prices.ts. Pure: the script
 * measures, this multiplies.
 */

/** What one unit of a driver uses, in the units AWS bills. */
export interface Usage {
  /** DynamoDB on-demand read and write request units (index writes included). */
  dynamoReadUnits?: number;
  dynamoWriteUnits?: number;
  /** Table storage held for a month (GB-months), and the same again under point-in-time recovery. */
  dynamoGbMonths?: number;
  lambdaInvocations?: number;
  lambdaGbSeconds?: number;
  sesEmails?: number;
  sqsRequests?: number;
  snsPublishes?: number;
  snsEmails?: number;
  apiRequests?: number;
  schedulerInvocations?: number;
  logGbIngested?: number;
  customMetrics?: number;
  alarmMetrics?: number;
  dashboards?: number;
  kmsKeyMonths?: number;
  kmsRequests?: number;
  /** SSM Parameter Store standard parameters held for a month, and GetParameter calls. */
  parameterMonths?: number;
  parameterCalls?: number;
}

export type UsageLine = keyof Usage;

export const SERVICES = [
  'Lambda',
  'DynamoDB',
  'SES',
  'SQS',
  'SNS',
  'API Gateway',
  'EventBridge Scheduler',
  'CloudWatch',
  'KMS',
  'SSM Parameter Store',
] as const;
export type Service = (typeof SERVICES)[number];

interface LinePrice {
  service: Service;
  /** Price of one unit of the line. */
  each: (p: Prices) => number;
  /** Units a month that cost nothing under the always-free tier. */
  free: (p: Prices) => number;
}

const LINE_PRICES: Record<UsageLine, LinePrice> = {
  dynamoReadUnits: { service: 'DynamoDB', each: (p) => p.dynamodb.perMillionReadUnits / 1e6, free: () => 0 },
  dynamoWriteUnits: {
    service: 'DynamoDB',
    each: (p) => p.dynamodb.perMillionWriteUnits / 1e6,
    free: () => 0,
  },
  dynamoGbMonths: {
    service: 'DynamoDB',
    each: (p) => p.dynamodb.perGbMonth + p.dynamodb.pitrPerGbMonth,
    free: (p) => p.dynamodb.free.storageGb,
  },
  lambdaInvocations: {
    service: 'Lambda',
    each: (p) => p.lambda.perMillionRequests / 1e6,
    free: (p) => p.lambda.free.requests,
  },
  lambdaGbSeconds: {
    service: 'Lambda',
    each: (p) => p.lambda.perGbSecond,
    free: (p) => p.lambda.free.gbSeconds,
  },
  sesEmails: { service: 'SES', each: (p) => p.ses.perThousandEmails / 1000, free: (p) => p.ses.free.emails },
  sqsRequests: {
    service: 'SQS',
    each: (p) => p.sqs.perMillionRequests / 1e6,
    free: (p) => p.sqs.free.requests,
  },
  snsPublishes: {
    service: 'SNS',
    each: (p) => p.sns.perMillionPublishes / 1e6,
    free: (p) => p.sns.free.publishes,
  },
  snsEmails: {
    service: 'SNS',
    each: (p) => p.sns.perHundredThousandEmails / 1e5,
    free: (p) => p.sns.free.emails,
  },
  apiRequests: {
    service: 'API Gateway',
    each: (p) => p.apiGateway.perMillionRequests / 1e6,
    free: (p) => p.apiGateway.free.requests,
  },
  schedulerInvocations: {
    service: 'EventBridge Scheduler',
    each: (p) => p.scheduler.perMillionInvocations / 1e6,
    free: (p) => p.scheduler.free.invocations,
  },
  logGbIngested: {
    service: 'CloudWatch',
    each: (p) => p.cloudwatch.perLogGbIngested + p.cloudwatch.perLogGbMonthStored,
    free: (p) => p.cloudwatch.free.logGb,
  },
  customMetrics: {
    service: 'CloudWatch',
    each: (p) => p.cloudwatch.perMetricMonth,
    free: (p) => p.cloudwatch.free.metrics,
  },
  alarmMetrics: {
    service: 'CloudWatch',
    each: (p) => p.cloudwatch.perAlarmMetricMonth,
    free: (p) => p.cloudwatch.free.alarmMetrics,
  },
  dashboards: {
    service: 'CloudWatch',
    each: (p) => p.cloudwatch.perDashboardMonth,
    free: (p) => p.cloudwatch.free.dashboards,
  },
  kmsKeyMonths: { service: 'KMS', each: (p) => p.kms.perKeyMonth, free: () => 0 },
  kmsRequests: {
    service: 'KMS',
    each: (p) => p.kms.perTenThousandRequests / 1e4,
    free: (p) => p.kms.free.requests,
  },
  parameterMonths: {
    service: 'SSM Parameter Store',
    each: (p) => p.ssmParameterStore.perStandardParameterMonth,
    free: () => 0,
  },
  parameterCalls: {
    service: 'SSM Parameter Store',
    each: (p) => p.ssmParameterStore.perTenThousandStandardCalls / 1e4,
    free: () => 0,
  },
};

/** A cost driver: what one unit uses, and how many units a month. */
export interface Driver {
  name: string;
  /** What one unit is ("feed fetch answered 304"). */
  unit: string;
  perUnit: Usage;
  unitsPerMonth: number;
  /** Fixed items (alarms, keys) cost the same whatever the load. */
  fixed?: boolean;
}

export interface DriverCost {
  name: string;
  unit: string;
  unitsPerMonth: number;
  fixed: boolean;
  list: number;
  withFreeTier: number;
}

export interface Bill {
  /** `used`: some driver uses the service, even at no charge (SSM standard parameters). */
  byService: { service: Service; list: number; withFreeTier: number; used: boolean }[];
  byDriver: DriverCost[];
  list: number;
  withFreeTier: number;
  /** Everything but SES (the emails themselves), the figure the budget target is set on. */
  listExceptSes: number;
}

/** Usage a month, summed over the drivers. */
export function totalUsage(drivers: readonly Driver[]): Required<Usage> {
  const total = Object.fromEntries(Object.keys(LINE_PRICES).map((line) => [line, 0])) as Required<Usage>;
  for (const driver of drivers) {
    for (const [line, amount] of Object.entries(driver.perUnit) as [UsageLine, number][]) {
      total[line] += amount * driver.unitsPerMonth;
    }
  }
  return total;
}

/**
 * The month's bill at list prices, and with the always-free tiers (each line's free units taken off
 * its total, and what remains shared among the drivers in proportion to their use of the line).
 */
export function monthlyBill(drivers: readonly Driver[], prices: Prices): Bill {
  const total = totalUsage(drivers);
  // The share of each line still billed once its free units are taken off.
  const billedShare = {} as Record<UsageLine, number>;
  for (const line of Object.keys(LINE_PRICES) as UsageLine[]) {
    const amount = total[line];
    billedShare[line] = amount > 0 ? Math.max(0, amount - LINE_PRICES[line].free(prices)) / amount : 0;
  }
  const services = new Map<Service, { list: number; withFreeTier: number; used: boolean }>(
    SERVICES.map((s) => [s, { list: 0, withFreeTier: 0, used: false }]),
  );
  const byDriver = drivers.map((driver): DriverCost => {
    let list = 0;
    let withFreeTier = 0;
    for (const [line, amount] of Object.entries(driver.perUnit) as [UsageLine, number][]) {
      const price = LINE_PRICES[line];
      const cost = amount * driver.unitsPerMonth * price.each(prices);
      list += cost;
      withFreeTier += cost * billedShare[line];
      const service = services.get(price.service)!;
      service.list += cost;
      service.withFreeTier += cost * billedShare[line];
      if (amount * driver.unitsPerMonth > 0) service.used = true;
    }
    return {
      name: driver.name,
      unit: driver.unit,
      unitsPerMonth: driver.unitsPerMonth,
      fixed: driver.fixed ?? false,
      list,
      withFreeTier,
    };
  });
  const byService = [...services].map(([service, cost]) => ({ service, ...cost }));
  const sum = (key: 'list' | 'withFreeTier') => byService.reduce((s, row) => s + row[key], 0);
  return {
    byService,
    byDriver,
    list: sum('list'),
    withFreeTier: sum('withFreeTier'),
    listExceptSes: sum('list') - (services.get('SES')?.list ?? 0),
  };
}
