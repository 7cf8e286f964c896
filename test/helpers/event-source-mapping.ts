import { GetEventSourceMappingCommand, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { expect } from 'vitest';
import type { EventSourceMappingClient } from '#shared/runtime/event-source-switch.js';

/**
 * A Lambda client standing for one event source mapping (`uuid`): its state, moved by the updates
 * asked of it, and those updates in order. Any other mapping's id fails the test.
 */
export function mappingClient(initial: string, uuid: string) {
  let state = initial;
  const updates: boolean[] = [];
  const client = {
    async send(command: GetEventSourceMappingCommand | UpdateEventSourceMappingCommand) {
      expect(command.input.UUID).toBe(uuid);
      if (command instanceof UpdateEventSourceMappingCommand) {
        updates.push(command.input.Enabled!);
        state = command.input.Enabled ? 'Enabling' : 'Disabling';
      } else expect(command).toBeInstanceOf(GetEventSourceMappingCommand);
      return { State: state };
    },
  } as EventSourceMappingClient;
  return { client, updates };
}
