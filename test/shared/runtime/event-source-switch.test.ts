import { describe, expect, it } from 'vitest';
import { lambdaEventSourceSwitch } from '#shared/runtime/event-source-switch.js';
import { mappingClient } from '../../helpers/event-source-mapping.js';

describe('lambdaEventSourceSwitch', () => {
  const log = { info: () => {} };

  it('switches a disabled mapping on once, and leaves it on while it is wanted on', async () => {
    const { client, updates } = mappingClient('Disabled', 'esm-1');
    const workers = lambdaEventSourceSwitch('esm-1', log, client);
    await workers.poll(true);
    await workers.poll(true);
    expect(updates).toEqual([true]);
  });

  it('switches an enabled mapping off, and asks nothing more while it is off', async () => {
    const { client, updates } = mappingClient('Enabled', 'esm-1');
    const workers = lambdaEventSourceSwitch('esm-1', log, client);
    await workers.poll(false);
    await workers.poll(false);
    expect(updates).toEqual([false]);
    await workers.poll(true);
    expect(updates).toEqual([false, true]);
  });
});
