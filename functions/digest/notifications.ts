import { loadConfig } from '#shared/config.js';
import { handleSesEventBridgeEvent, type SesEventBridgeEvent } from '#shared/digest/notifications.js';
import { createLambdaLog } from '#shared/log.js';
import { createRuntime } from '#shared/runtime/runtime.js';

/**
 * SES bounce and complaint events from the configuration set's EventBridge destination (the rule
 * matches this stage's configuration set only; only that rule may invoke the function).
 * It reads no secret (none is bound to it): suppressing an address needs no credential.
 */
const config = loadConfig(process.env);
const runtime = createRuntime(config, createLambdaLog('iaspn-digest-notifications', config.logLevel));

export const handler = (event: SesEventBridgeEvent) => handleSesEventBridgeEvent(runtime, event);
