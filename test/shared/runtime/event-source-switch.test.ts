import { GetEventSourceMappingCommand, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import {
  type EventSourceMappingClient,
  lambdaEventSourceSwitch,
} from '#shared/runtime/event-source-switch.js';

/** A Lambda client standing for one event source mapping: its state, and the updates asked of it. */
function mappingClient(initial: string) {
  let state = initial;
  const updates: boolean[] = [];
  const client = {
    async send(command: GetEventSourceMappingCommand | UpdateEventSourceMappingCommand) {
      expect(command.input.UUID).toBe('esm-1');
      if (command instanceof UpdateEventSourceMappingCommand) {
        updates.push(command.input.Enabled!);
        state = command.input.Enabled ? 'Enabling' : 'Disabling';
      } else expect(command).toBeInstanceOf(GetEventSourceMappingCommand);
      return { State: state };
    },
  } as EventSourceMappingClient;
  return { client, updates };
}

describe('lambdaEventSourceSwitch', () => {
  const log = { info: () => {} };

  it('switches a disabled mapping on once, and leaves it on while it is wanted on', async () => {
    const { client, updates } = mappingClient('Disabled');
    const workers = lambdaEventSourceSwitch('esm-1', log, client);
    await workers.poll(true);
    await workers.poll(true);
    expect(updates).toEqual([true]);
  });

  it('switches an enabled mapping off, and asks nothing more while it is off', async () => {
    const { client, updates } = mappingClient('Enabled');
    const workers = lambdaEventSourceSwitch('esm-1', log, client);
    await workers.poll(false);
    await workers.poll(false);
    expect(updates).toEqual([false]);
    await workers.poll(true);
    expect(updates).toEqual([false, true]);
  });
});
