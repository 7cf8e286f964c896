import type { Runtime } from '#shared/runtime/runtime.js';
import type { TestServices } from './local-services.js';

/**
 * Points a Lambda handler's cold start at the test services: handlers read their configuration
 * from process.env at import, as in Lambda, so call this before importing one (vitest runs each
 * test file in its own module registry).
 */
export function setLambdaEnv(
  services: TestServices,
  runtime: Runtime,
  extra: Record<string, string> = {},
): void {
  Object.assign(process.env, {
    IASPN_STAGE: 'test',
    IASPN_TABLE_NAME: runtime.config.tableName,
    IASPN_DYNAMODB_ENDPOINT: services.dynamoEndpoint,
    IASPN_LOG_LEVEL: 'silent',
    ...extra,
  });
}
