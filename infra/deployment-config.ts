import * as z from 'zod';
import { defaultParameterName, SECRETS, type SecretName } from '#shared/secrets.js';

/**
 * The deployment's configuration, read from CDK context (`-c stage=prod` picks a block of the
 * `stages` object in cdk.json; `-c stages='{...}'` overrides it) and validated at synth: a bad value
 * stops the synth with the setting's path and what is wrong. Each stage is its own stack
 * (`IaspnRelay-<stage>`), so dev and prod sit side by side in one account.
 */

/** The retention periods CloudWatch Logs accepts, in days. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@<>]+@([a-z0-9.-]+)$/;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\(\S+( \S+){5}\)$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** `rate(15 minutes)` or a six-field `cron(...)`, as EventBridge Scheduler reads them. */
const scheduleExpression = z.string().refine(
  (value) => {
    const rate = RATE.exec(value);
    if (rate) return Number(rate[1]) >= 1 && (Number(rate[1]) === 1) === !rate[2]!.endsWith('s');
    return CRON.test(value);
  },
  {
    error:
      'must be an EventBridge Scheduler expression such as "rate(15 minutes)" (singular unit for 1) or "cron(0 7 * * ? *)"',
  },
);

/** A fully qualified SSM parameter name (`/a/b`); names under /aws and /ssm are AWS's own. */
const parameterName = z
  .string()
  .regex(/^\/[A-Za-z0-9_.\-/]{1,1000}$/, 'must be an SSM parameter path such as /iaspn-relay/prod/slack')
  .refine((name) => !/^\/(aws|ssm)/i.test(name), {
    error: 'must not start with /aws or /ssm (reserved by AWS)',
  });

const stageSchema = z
  .object({
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,20}$/, 'stage must be a short lower-case name such as dev or prod'),
    /** Keep data (table retained with deletion protection, logs retained) when the stack is deleted. */
    retainData: z.boolean(),
    logRetentionDays: z
      .number()
      .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
        error: `must be one of the CloudWatch Logs periods: ${LOG_RETENTION_DAYS.join(', ')}`,
      })
      .default(30),
    email: z.object({
      /** The SES identity: a domain you control (DKIM and MAIL FROM records go in its DNS). */
      domain: z.string().regex(DOMAIN, 'must be a lower-case domain name such as relay.example.org'),
      /** The digests' From address; must be in `domain` or one of its subdomains. */
      senderAddress: z.string().regex(EMAIL, 'must be an email address such as digest@relay.example.org'),
      senderName: z.string().min(1).max(80).default('IASPN Knowledge Portal'),
      /** MAIL FROM subdomain of `domain` (bounces return there): aligned SPF for DMARC. */
      mailFromSubdomain: z
        .string()
        .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be one DNS label such as "bounce"')
        .default('bounce'),
      /** Sends per second; keep it at or below the account's SES maximum send rate. */
      sendRatePerSecond: z.number().int().min(1).max(500).default(14),
      /**
       * The account's SES quota, messages per 24 hours (`aws sesv2 get-account`: Max24HourSend):
       * the digest run logs at ERROR (the ErrorLines alarm) when the last 24 hours' sends reach 80%
       * of it or of SES's own quota, whichever is lower.
       */
      dailyQuota: z.number().int().min(1).default(50_000),
    }),
    schedules: z
      .strictObject(
        {
          /** IANA time zone for cron schedules. */
          timeZone: z
            .string()
            .refine(isTimeZone, { error: 'must be an IANA time zone such as America/New_York or UTC' })
            .default('UTC'),
          /**
           * How often a cycle starts (shared/cycle.ts: ingest, search index, announcements, digests, in
           * that order). Digests go out when each subscriber's daily or weekly digest is due.
           */
          cycle: scheduleExpression.default('rate(15 minutes)'),
        },
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `unknown keys ${issue.keys.join(', ')}: the jobs run as one cycle, set schedules.cycle (and timeZone) only`
              : undefined,
        },
      )
      .prefault({}),
    /** Where alarms go (an SNS email subscription: confirm the message AWS sends). */
    alarmEmail: z.string().regex(EMAIL, 'must be an email address for the alarm topic'),
    bots: z.object({ slack: z.boolean().default(true), telegram: z.boolean().default(true) }).prefault({}),
    /** Relay admins: who may run the bots' admin commands, and where paused feeds and channels are reported. */
    admins: z
      .object({
        ids: z
          .array(
            z
              .string()
              .regex(/^(slack|telegram):[^\s,]+$/, 'must be platform:user, e.g. slack:U0123 or telegram:42'),
          )
          .default([]),
        channel: z
          .string()
          .regex(
            /^(slack|telegram):[^:\s]+:[^\s]+$/,
            'must be platform:workspace:channel, e.g. slack:T0123:C0456',
          )
          .optional(),
      })
      .prefault({}),
    /**
     * Optional custom domain for the endpoints (subscription pages, email links, webhooks), so
     * nobody sees an execute-api host: a CNAME to the CustomDomainRecord output. Without
     * certificateArn, ACM issues a certificate validated by a DNS record (the ACM console shows it).
     */
    domain: z
      .object({
        name: z.string().regex(DOMAIN, 'must be a lower-case domain name such as relay.example.org'),
        certificateArn: z
          .string()
          .regex(
            /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/,
            'must be an ACM certificate ARN',
          )
          .optional(),
      })
      .optional(),
    /**
     * The SSM Parameter Store `SecureString` parameters holding the secrets, one per consumer
     * (shared/secrets.ts), default `/iaspn-relay/<stage>/slack`, `/telegram` and `/email-token`.
     * CloudFormation cannot create a SecureString value: the admin puts them (docs/deploy.md).
     */
    secretParameters: z
      .object({
        slack: parameterName.optional(),
        telegram: parameterName.optional(),
        emailToken: parameterName.optional(),
      })
      .prefault({}),
    /** HTTP API stage throttling, shared by the webhooks and the subscription pages. */
    api: z
      .object({
        rateLimit: z.number().int().min(1).max(10_000).default(20),
        burstLimit: z.number().int().min(1).max(5_000).default(40),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const senderDomain = EMAIL.exec(config.email.senderAddress)?.[1];
    const { domain } = config.email;
    if (senderDomain && senderDomain !== domain && !senderDomain.endsWith(`.${domain}`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['email', 'senderAddress'],
        message: `must be an address in ${domain} (the SES identity), got ${config.email.senderAddress}`,
      });
    }
    if (config.api.burstLimit < config.api.rateLimit) {
      ctx.addIssue({
        code: 'custom',
        path: ['api', 'burstLimit'],
        message: 'must be at least api.rateLimit',
      });
    }
  })
  // The secrets' parameters: the stage's defaults where cdk.json names none, each consumer its own.
  .transform((config) => ({
    ...config,
    secretParameters: Object.fromEntries(
      (Object.keys(SECRETS) as SecretName[]).map((name) => [
        name,
        config.secretParameters[name] ?? defaultParameterName(config.stage, name),
      ]),
    ) as Record<SecretName, string>,
  }))
  .refine((config) => new Set(Object.values(config.secretParameters)).size === Object.keys(SECRETS).length, {
    path: ['secretParameters'],
    error: 'each consumer needs a parameter of its own (a function may read only its own secrets)',
  });

export type DeploymentConfig = z.infer<typeof stageSchema>;

/** What a stage gets unless its block in cdk.json says otherwise. */
const DEFAULTS: Record<string, Record<string, unknown>> = {
  prod: { retainData: true, logRetentionDays: 90 },
};

/** Reads the stage's settings from context; throws with every problem named. */
export function loadDeploymentConfig(context: (key: string) => unknown): DeploymentConfig {
  const stage = String(context('stage') ?? 'dev');
  let stages = context('stages') ?? {};
  if (typeof stages === 'string') stages = JSON.parse(stages);
  const block = (stages as Record<string, Record<string, unknown> | undefined>)[stage];
  if (!block && /^[a-z][a-z0-9-]{1,20}$/.test(stage)) {
    const known = Object.keys(stages as object);
    throw new Error(
      `Invalid deployment configuration: no stage "${stage}" in the "stages" block of cdk.json (known: ${known.join(', ') || 'none'})`,
    );
  }
  const candidate = { retainData: stage === 'prod', ...DEFAULTS[stage], ...block, stage };
  const parsed = stageSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'stage'}: ${i.message}`)
      .join('; ');
    throw new Error(`Invalid deployment configuration for stage "${stage}": ${problems}`);
  }
  return parsed.data;
}

/** `Name <address>`, the form IASPN_SENDER_EMAIL takes. */
export function senderHeader(config: DeploymentConfig): string {
  const name = config.email.senderName.replace(/["\\<>]/g, '');
  return `${name} <${config.email.senderAddress}>`;
}
