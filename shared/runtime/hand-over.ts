import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { RelayError } from '../errors.js';
import type { Log } from '../log.js';

/** The part of the Lambda client a hand-over uses (tests pass a recorder). */
export interface InvokeClient {
  send(command: InvokeCommand): Promise<{ StatusCode?: number }>;
}

/**
 * Starts the cycle's next job from a job that hands over itself (shared/cycle.ts `handsOver`): an
 * asynchronous invocation of the next job's function (`config.schedule.nextFunction`, set by
 * RelayCycle), as a Lambda destination would. Without one configured it only logs.
 */
export function lambdaHandOver(
  functionName: string | undefined,
  log: Log,
  client?: InvokeClient,
): (from: string, detail?: Record<string, unknown>) => Promise<void> {
  let lambda = client;
  return async (from, detail = {}) => {
    if (!functionName) {
      log.warn('no next job to hand over to', { from });
      return;
    }
    // The Lambda client (70 KB of AWS SDK) is imported on the first hand-over, not at cold start.
    const { InvokeCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
    lambda ??= new LambdaClient({});
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify({ handedOverBy: from, ...detail })),
      }),
    );
    if (out.StatusCode !== 202)
      throw new RelayError('hand_over_failed', `asynchronous invoke answered ${out.StatusCode ?? 'nothing'}`);
  };
}
