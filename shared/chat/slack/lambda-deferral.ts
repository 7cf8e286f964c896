import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { RelayError } from '../../errors.js';
import type { DeferredSlackWork, DeferSlackWork } from './deferred.js';

/** The part of the Lambda client the deferral uses (tests pass a recorder). */
export interface InvokeClient {
  send(command: InvokeCommand): Promise<{ StatusCode?: number }>;
}

/**
 * `deferWork` on Lambda: an asynchronous invocation (`InvocationType: 'Event'`) of the function
 * itself (`AWS_LAMBDA_FUNCTION_NAME`, which Lambda sets) with the deferred work as its payload.
 * Lambda queues the event and answers 202 at once, so the HTTP answer to Slack is not held up.
 */
export function lambdaDeferral(functionName: string, client?: InvokeClient): DeferSlackWork {
  let lambda = client;
  return async (work: DeferredSlackWork) => {
    // The Lambda client (70 KB of AWS SDK) is imported on the first deferral, not at cold start.
    const { InvokeCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
    lambda ??= new LambdaClient({});
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(work)),
      }),
    );
    if (out.StatusCode !== 202)
      throw new RelayError(
        'slack_defer_failed',
        `asynchronous invoke answered ${out.StatusCode ?? 'nothing'}`,
      );
  };
}
