import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '#shared/bot/core.js';
import { startTestServices, type TestServices } from '../../../helpers/local-services.js';
import { coreFor, recordingPorts } from '../fixtures.js';

/**
 * `subscribe <email> [filters] [daily|weekly]`: a frequency the digests do not have
 * ("fortnightly", "quincenal") used to be kept as a keyword, a subscription that never matched,
 * answered with "Almost done". It is refused, in the member's language, and nothing is saved.
 */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

const direct: ChatContext = {
  channel: { platform: 'telegram', workspaceId: 'tg', channelId: '77' },
  user: { platform: 'telegram', workspaceId: 'tg', userId: '77' },
  conversation: 'direct',
  canManageChannel: async () => true,
  isRelayAdmin: false,
};

const text = (reply: { summary: string }) => reply.summary;

describe('subscribe in a chat: the frequency', () => {
  it('refuses a frequency the digests do not have instead of keeping it as a keyword', async () => {
    const runtime = await services.newRuntime();
    const { ports, subscriptions } = recordingPorts(runtime);
    const core = coreFor(runtime, ports);
    const en = await core.handleText(direct, 'subscribe ana@example.org fortnightly');
    expect(text(en)).toContain('"fortnightly" is not a frequency the digest has: daily or weekly');
    const es = await core.handleText(direct, 'suscribir ana@example.org Mensual tema:pensiones');
    expect(text(es)).toContain('"Mensual" no es una frecuencia del resumen: diario o semanal');
    const typo = await core.handleText(direct, 'subscribe ana@example.org weekley');
    expect(text(typo)).toContain('"weekley" is not a frequency');
    expect(subscriptions).toEqual([]);
  });

  it('reads the two frequencies in either language, with accents, case or a trailing comma', async () => {
    const runtime = await services.newRuntime();
    const { ports, subscriptions } = recordingPorts(runtime);
    const core = coreFor(runtime, ports);
    await core.handleText(direct, 'suscribir ana@example.org Semanalmente, tema:pensiones');
    await core.handleText(direct, 'subscribe bob@example.org DAILY. topic:cash-transfers');
    expect(subscriptions.map((s) => [s.email, s.frequency, s.filter.keywords])).toEqual([
      ['ana@example.org', 'weekly', undefined],
      ['bob@example.org', 'daily', undefined],
    ]);
  });

  it('leaves other words, and a quoted phrase that names a frequency, to the filter language', async () => {
    const runtime = await services.newRuntime();
    const { ports, subscriptions } = recordingPorts(runtime);
    const core = coreFor(runtime, ports);
    await core.handleText(direct, 'subscribe ana@example.org "monthly bulletin" weekly');
    expect(subscriptions.map((s) => [s.frequency, s.filter.keywords])).toEqual([
      ['weekly', '"monthly bulletin"'],
    ]);
  });
});
