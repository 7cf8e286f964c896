import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '#shared/bot/core.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { coreFor, recordingPorts } from './fixtures.js';

/**
 * Regression (issue 13.2): the bots' `subscribe` had a pattern of its own that let
 * `x\u0001victim@example.com` through; it now uses the one validator (shared/email/address.ts).
 */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

const direct: ChatContext = {
  channel: { platform: 'telegram', workspaceId: 'tg', channelId: '42' },
  user: { platform: 'telegram', workspaceId: 'tg', userId: '42' },
  conversation: 'direct',
  canManageChannel: async () => true,
  isRelayAdmin: false,
};

describe('subscribe in a chat', () => {
  it('refuses addresses that hide another, and passes ordinary ones on', async () => {
    const runtime = await services.newRuntime();
    const { ports, subscriptions } = recordingPorts(runtime);
    const core = coreFor(runtime, ports);
    for (const hidden of [
      'x\u0001victim@example.com',
      'x\u0085victim@example.com',
      'x\u200bvictim@example.com',
      '=?utf-8?q?victim?=@example.com',
      '"x\u0001"victim@example.com',
    ]) {
      const reply = await core.handleText(direct, `subscribe ${hidden} weekly`);
      expect(reply.private).toBe(true);
    }
    expect(subscriptions).toEqual([]);
    await core.handleText(direct, 'subscribe Ana@Example.org weekly');
    expect(subscriptions.map((s) => s.email)).toEqual(['Ana@Example.org']);
  });
});
