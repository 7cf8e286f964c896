import { describe, expect, it } from 'vitest';
import { type Driver, monthlyBill } from '#shared/cost/model.js';
import { PRICES } from '#shared/cost/prices.js';
import { driversFor, IASPN_PROFILE, type MeasuredUnits, scaleProfile } from '#shared/cost/profile.js';

/** A unit table whose operation counts are round, so the month's bill can be worked out by hand. */
const UNITS: MeasuredUnits = {
  feedNotModified: { dynamoReadUnits: 1, dynamoWriteUnits: 1 },
  feedUnchanged: { dynamoReadUnits: 5, dynamoWriteUnits: 1 },
  newResource: { dynamoWriteUnits: 10 },
  cycle: { lambdaInvocations: 4, schedulerInvocations: 1 },
  refreshPerChange: { dynamoReadUnits: 3, dynamoWriteUnits: 1 },
  deltaCarryPerDoc: { dynamoReadUnits: 0.01, dynamoWriteUnits: 0.08 },
  basePerResource: { dynamoReadUnits: 0.01, dynamoWriteUnits: 0.08 },
  botQuery: { apiRequests: 1, lambdaInvocations: 2, lambdaGbSeconds: 0.5 },
  announcement: { dynamoWriteUnits: 2 },
  digest: { sesEmails: 1, dynamoWriteUnits: 5, sqsRequests: 0.03 },
  storedResource: { dynamoGbMonths: 4e-6 },
  storedSubscriber: { dynamoGbMonths: 1e-6 },
  fixed: [
    { name: 'alarms', unit: '20 alarm metrics', perUnit: { alarmMetrics: 20 } },
    { name: 'KMS keys', unit: '1 key', perUnit: { kmsKeyMonths: 1 } },
  ],
};

const costOf = (bill: ReturnType<typeof monthlyBill>, name: string) =>
  bill.byDriver.find((d) => d.name === name)!;

describe('the cost model', () => {
  it('multiplies each driver by its units a month and the list prices', () => {
    const profile = {
      ...IASPN_PROFILE,
      feeds: 10,
      cycleMinutes: 60,
      notModifiedShare: 0.5,
      subscribers: 1000,
    };
    const bill = monthlyBill(driversFor(profile, UNITS), PRICES);
    // 720 cycles of 10 feeds: 3,600 answered 304, 3,600 answered 200.
    expect(costOf(bill, 'feed checks, 304').unitsPerMonth).toBe(3600);
    expect(costOf(bill, 'feed checks, 304').list).toBeCloseTo((3600 * 0.125 + 3600 * 0.625) / 1e6, 10);
    expect(costOf(bill, 'feed checks, 200').list).toBeCloseTo((3600 * 5 * 0.125 + 3600 * 0.625) / 1e6, 10);
    // 1,000 subscribers, weekly: 4,286 digests, each an SES email ($0.10 a thousand) and 5 writes.
    const digests = 1000 * (30 / 7);
    expect(costOf(bill, 'digests').list).toBeCloseTo(
      digests * (0.1 / 1000 + (5 * 0.625) / 1e6 + (0.03 * 0.4) / 1e6),
      10,
    );
    // The search refresh: 1,000 changed resources a month, each read (3) and written into a delta (1);
    // 720 refreshes find changes, each carrying a delta of 155 / 2 documents on average (12,000
    // resources: a new base every ceil(sqrt(24,000)) = 155 changes, 12,000 × 1,000 / 155 resources).
    expect(costOf(bill, 'search refresh').list).toBeCloseTo((1000 * 3 * 0.125 + 1000 * 0.625) / 1e6, 10);
    expect(costOf(bill, 'search snapshot deltas').unitsPerMonth).toBeCloseTo(720 * 77.5, 10);
    expect(costOf(bill, 'search snapshot bases').unitsPerMonth).toBeCloseTo((12_000 * 1000) / 155, 8);
    expect(costOf(bill, 'search snapshot bases').list).toBeCloseTo(
      (((12_000 * 1000) / 155) * (0.01 * 0.125 + 0.08 * 0.625)) / 1e6,
      10,
    );
    expect(costOf(bill, 'alarms').list).toBeCloseTo(2, 10);
    expect(costOf(bill, 'KMS keys').list).toBe(1);
    const ses = bill.byService.find((s) => s.service === 'SES')!;
    expect(ses.list).toBeCloseTo(digests * 0.0001, 10);
    expect(bill.listExceptSes).toBeCloseTo(bill.list - ses.list, 10);
    expect(bill.list).toBeCloseTo(
      bill.byDriver.reduce((sum, d) => sum + d.list, 0),
      10,
    );
  });

  it('takes the always-free tiers off each line before sharing what remains among the drivers', () => {
    const bill = monthlyBill(driversFor(IASPN_PROFILE, UNITS), PRICES);
    const alarms = costOf(bill, 'alarms');
    // 20 alarm metrics, 10 free: half of the alarms' cost remains.
    expect(alarms.withFreeTier).toBeCloseTo(alarms.list / 2, 10);
    // 30,000 bot queries use 15,000 GB-s and 60,000 + 5,760 invocations: all under Lambda's free tier.
    expect(costOf(bill, 'bot queries').withFreeTier).toBeCloseTo(0.03, 10);
    const lambda = bill.byService.find((s) => s.service === 'Lambda')!;
    expect(lambda.list).toBeGreaterThan(0);
    expect(lambda.withFreeTier).toBe(0);
    // SES and KMS keys have no always-free tier.
    expect(costOf(bill, 'KMS keys').withFreeTier).toBe(1);
  });

  it('grows each driver in proportion to its units (posts: resources × channels), and the fixed ones not at all', () => {
    const one = monthlyBill(driversFor(IASPN_PROFILE, UNITS), PRICES);
    const ten = monthlyBill(driversFor(scaleProfile(IASPN_PROFILE, 10), UNITS), PRICES);
    for (const [i, driver] of one.byDriver.entries()) {
      const scaled = ten.byDriver[i]!;
      if (driver.fixed || driver.name === 'cycles') expect(scaled.list).toBeCloseTo(driver.list, 10);
      // The delta a refresh carries is half the delta limit, sqrt(2 × library): at 10× the library
      // it is sqrt(10) times as big (490 / 155), carried by 1,440 refreshes instead of 1,000.
      else if (driver.name === 'search snapshot deltas')
        expect(scaled.list).toBeCloseTo(driver.list * 1.44 * (490 / 155), 8);
      // A new base every deltaLimit changes: 10× the changes, 10× the library, 490 / 155 the limit.
      else if (driver.name === 'search snapshot bases')
        expect(scaled.list).toBeCloseTo(driver.list * 100 * (155 / 490), 8);
      // Posts are new resources × the channels that follow them: ten times as many of each.
      else if (driver.name === 'announcements') expect(scaled.list).toBeCloseTo(driver.list * 100, 8);
      else expect(scaled.list).toBeCloseTo(driver.list * 10, 8);
    }
  });

  it('counts a usage line once however many drivers share it', () => {
    const drivers: Driver[] = [
      { name: 'a', unit: 'x', perUnit: { sqsRequests: 1 }, unitsPerMonth: 600_000 },
      { name: 'b', unit: 'x', perUnit: { sqsRequests: 1 }, unitsPerMonth: 600_000 },
    ];
    const bill = monthlyBill(drivers, PRICES);
    // 1.2 million requests, 1 million free: $0.48 list, $0.08 with the free tier, half each.
    expect(bill.list).toBeCloseTo(0.48, 10);
    expect(bill.withFreeTier).toBeCloseTo(0.08, 10);
    expect(bill.byDriver.map((d) => d.withFreeTier)).toEqual([
      expect.closeTo(0.04, 10),
      expect.closeTo(0.04, 10),
    ]);
  });

  it('bills a switched queue consumer for the minutes it is on: ingest workers above the fan-out threshold, digest workers while sending and one cycle more', () => {
    const units: MeasuredUnits = {
      ...UNITS,
      switchedPolling: { requestsPerMinute: 15, ingestFanOutAbove: 100, digestRatePerSecond: 14 },
    };
    const one = monthlyBill(driversFor(IASPN_PROFILE, units), PRICES);
    // 100 feeds, not above 100: every cycle runs inline, the ingest workers' mapping stays off.
    expect(costOf(one, 'ingest queue polling')).toMatchObject({ unitsPerMonth: 0, list: 0 });
    // 10,000 weekly digests: 42,857 emails a month at 14 a second (51 minutes), on 30/7 weekdays a
    // month each followed by one 30-minute cycle that finds the queue empty: 180 minutes of 15 polls.
    const minutes = (10_000 * (30 / 7)) / 14 / 60 + (30 / 7) * 30;
    expect(costOf(one, 'digest queue polling').unitsPerMonth).toBeCloseTo(minutes, 8);
    expect(costOf(one, 'digest queue polling').list).toBeCloseTo((minutes * 15 * 0.4) / 1e6, 12);
    // The digest run reads the queue's depth once a cycle: 1,440 requests.
    expect(costOf(one, 'digest queue checks').list).toBeCloseTo((1440 * 0.4) / 1e6, 12);
    // Against a mapping on all month (648,000 polls, US$0.26): under a cent.
    expect(costOf(one, 'digest queue polling').list + costOf(one, 'digest queue checks').list).toBeLessThan(
      0.01,
    );
    // At 10×, 1,000 feeds: every cycle fans out and the ingest workers' mapping polls all month.
    const ten = monthlyBill(driversFor(scaleProfile(IASPN_PROFILE, 10), units), PRICES);
    expect(costOf(ten, 'ingest queue polling').unitsPerMonth).toBe(30 * 24 * 60);
    expect(costOf(ten, 'ingest queue polling').list).toBeCloseTo((648_000 * 0.4) / 1e6, 10);
    // The digests' sending time grows with the list; the cycle after each fan-out does not.
    expect(costOf(ten, 'digest queue polling').unitsPerMonth).toBeCloseTo(
      (100_000 * (30 / 7)) / 14 / 60 + (30 / 7) * 30,
      8,
    );
  });
});
