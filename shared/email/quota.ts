import type { SESClient } from '@aws-sdk/client-ses';
import type { Log } from '../log.js';

/** Share of the daily sending quota sent in the last 24 hours that an admin must hear about. */
export const EMAIL_QUOTA_ALARM = 0.8;

export interface SendQuotaCheck {
  sentLast24Hours: number;
  /** The smaller of SES's Max24HourSend and the configured quota (undefined: neither known). */
  quota?: number;
  nearLimit: boolean;
}

/**
 * Reads the account's SES sending in the last 24 hours (`GetSendQuota`, free) and logs at ERROR,
 * which the ErrorLines alarm reads, when it reached EMAIL_QUOTA_ALARM of the quota: SES's own
 * Max24HourSend (-1: no limit, in the sandbox 200), or `configuredQuota` (email.dailyQuota in
 * cdk.json) when that is lower. Run by the digest job once a cycle, in place of an alarm on
 * AWS/SES Send (US$0.10 a month): ask AWS for a higher quota before digests are refused.
 */
export async function checkSendQuota(
  ses: Pick<SESClient, 'send'>,
  log: Pick<Log, 'error'>,
  configuredQuota?: number,
): Promise<SendQuotaCheck> {
  // Imported here, not at the top: the SES client stays out of the digest job's cold start.
  const { GetSendQuotaCommand } = await import('@aws-sdk/client-ses');
  const { Max24HourSend, SentLast24Hours = 0 } = await ses.send(new GetSendQuotaCommand({}));
  const limits = [Max24HourSend, configuredQuota].filter((n): n is number => n !== undefined && n > 0);
  const quota = limits.length > 0 ? Math.min(...limits) : undefined;
  const nearLimit = quota !== undefined && SentLast24Hours >= quota * EMAIL_QUOTA_ALARM;
  if (nearLimit) {
    log.error('SES daily sending quota nearly used', {
      sentLast24Hours: SentLast24Hours,
      quota,
      share: EMAIL_QUOTA_ALARM,
    });
  }
  return { sentLast24Hours: SentLast24Hours, quota, nearLimit };
}
