import type { SNSEvent } from 'aws-lambda';
import { loadConfig } from '#shared/config.js';
import { handleSnsEvent } from '#shared/digest/notifications.js';
import { createSnsVerifier } from '#shared/email/sns.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * SES bounce and complaint notifications from SNS; every message's signature is verified first.
 * It reads no secret (none is bound to it): suppressing an address needs no credential.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-digest-notifications', config.logLevel));
const verify = createSnsVerifier();

export const handler = (event: SNSEvent) => handleSnsEvent(runtime, verify, event);
