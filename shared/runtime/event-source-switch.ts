import type { GetEventSourceMappingCommand, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import type { Log } from '../log.js';

/** The part of the Lambda client the switch uses (tests pass a recorder). */
export interface EventSourceMappingClient {
  send(command: GetEventSourceMappingCommand): Promise<{ State?: string }>;
  send(command: UpdateEventSourceMappingCommand): Promise<{ State?: string }>;
}

/** Turns a queue's consumer on or off; a no-op when it already is. */
export interface EventSourceSwitch {
  poll(on: boolean): Promise<void>;
}

/**
 * A Lambda event source mapping (an SQS queue's consumer) turned on only while there is work: an
 * enabled mapping long-polls its queue all month (US$0.26 a month at list prices), a disabled one
 * costs nothing. Reads the mapping's state first and updates only when it differs, so a run that
 * finds it as wanted makes one free Get call. The Lambda client is imported on first use.
 */
export function lambdaEventSourceSwitch(
  uuid: string,
  log: Pick<Log, 'info'>,
  client?: EventSourceMappingClient,
): EventSourceSwitch {
  let lambda = client;
  return {
    async poll(on) {
      const { GetEventSourceMappingCommand, LambdaClient, UpdateEventSourceMappingCommand } = await import(
        '@aws-sdk/client-lambda'
      );
      lambda ??= new LambdaClient({}) as EventSourceMappingClient;
      const { State } = await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      const isOn = State === 'Enabled' || State === 'Enabling' || State === 'Updating';
      if (isOn === on) return;
      await lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: on }));
      log.info(on ? 'queue consumer switched on' : 'queue consumer switched off', { uuid, was: State });
    },
  };
}
