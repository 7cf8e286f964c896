import { GetSendQuotaCommand } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { checkSendQuota, EMAIL_QUOTA_ALARM } from '#shared/email/quota.js';

/** An SES client standing for the account: GetSendQuota answers these figures, nothing else is asked. */
function account(answer: { Max24HourSend?: number; SentLast24Hours?: number }) {
  return {
    async send(command: GetSendQuotaCommand) {
      expect(command).toBeInstanceOf(GetSendQuotaCommand);
      return answer;
    },
  } as never;
}

function errorLog() {
  const lines: { message: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    log: { error: (message: string, data?: Record<string, unknown>) => lines.push({ message, data }) },
  };
}

describe('checkSendQuota (the digest run, once a cycle, in place of an alarm on AWS/SES Send)', () => {
  it('logs at ERROR once the last 24 hours reached 80% of SES’s quota, and not below', async () => {
    const { lines, log } = errorLog();
    expect(
      await checkSendQuota(account({ Max24HourSend: 50_000, SentLast24Hours: 39_999 }), log, 50_000),
    ).toEqual({ sentLast24Hours: 39_999, quota: 50_000, nearLimit: false });
    expect(lines).toEqual([]);
    expect(
      await checkSendQuota(account({ Max24HourSend: 50_000, SentLast24Hours: 40_000 }), log),
    ).toMatchObject({
      nearLimit: true,
    });
    expect(lines).toEqual([
      {
        message: 'SES daily sending quota nearly used',
        data: { sentLast24Hours: 40_000, quota: 50_000, share: EMAIL_QUOTA_ALARM },
      },
    ]);
  });

  it('warns at the configured quota when it is lower than SES’s, and at SES’s when none is set or SES’s is lower', async () => {
    const { lines, log } = errorLog();
    // email.dailyQuota 10,000 under SES's 50,000: 80% of 10,000.
    expect(
      await checkSendQuota(account({ Max24HourSend: 50_000, SentLast24Hours: 8_000 }), log, 10_000),
    ).toMatchObject({
      quota: 10_000,
      nearLimit: true,
    });
    // The sandbox's 200 under the configured 50,000.
    expect(
      await checkSendQuota(account({ Max24HourSend: 200, SentLast24Hours: 150 }), log, 50_000),
    ).toMatchObject({
      quota: 200,
      nearLimit: false,
    });
    // -1 is SES's "no limit": only the configured quota counts.
    expect(
      await checkSendQuota(account({ Max24HourSend: -1, SentLast24Hours: 45_000 }), log, 50_000),
    ).toMatchObject({
      quota: 50_000,
      nearLimit: true,
    });
    expect(lines).toHaveLength(2);
  });
});
