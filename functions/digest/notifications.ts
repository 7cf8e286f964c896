import type { SNSEvent } from 'aws-lambda';
import { handleSnsEvent } from '#shared/digest/notifications.js';
import { createSnsVerifier } from '#shared/email/sns.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';
import { loadRelayConfig } from '#shared/secrets.js';

/** SES bounce and complaint notifications from SNS; every message's signature is verified first. */
const config = await loadRelayConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-digest-notifications', config.logLevel));
const verify = createSnsVerifier();

export const handler = (event: SNSEvent) => handleSnsEvent(runtime, verify, event);
