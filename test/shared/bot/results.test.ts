import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '#shared/chat/actions.js';
import { renderConsole } from '#shared/chat/console.js';
import type { ChatContext } from '#shared/chat/context.js';
import { slackCall } from '#shared/chat/idiom.js';
import type { Reply } from '#shared/chat/reply.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { coreFor, libraryRuntime, recordingPorts } from './fixtures.js';

let services: TestServices;
let runtime: Runtime;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  ({ runtime } = await libraryRuntime(services, 60));
}, 60_000);
afterAll(async () => services?.close());

const dm = (locale: string): ChatContext => ({
  channel: { platform: 'slack', workspaceId: 'T1', channelId: 'D1' },
  user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
  conversation: 'direct',
  locale,
  canManageChannel: async () => true,
  isRelayAdmin: false,
  callCommand: slackCall('/iaspn'),
});

/** The page a "more results" button asks for, as the member sees it (numbers and notes). */
async function pressMore(cursor: string, offset: number, locale = 'en-US'): Promise<string> {
  const { ports } = recordingPorts(runtime);
  const action = await encodeAction(
    runtime.store,
    { type: 'page', kind: 'search', query: 'social', filter: {}, cursor, offset },
    runtime.clock(),
  );
  const outcome = await coreFor(runtime, ports).handleAction(dm(locale), action);
  return renderConsole(outcome.reply as Reply).text;
}

describe('the next page of results in a chat', () => {
  it('goes on numbering from the page before', async () => {
    const { ports } = recordingPorts(runtime);
    const first = await ports.search.search({ query: 'social', limit: 5 });
    const text = await pressMore(first.nextCursor as string, 5);
    expect(text).toMatch(/\b6\./);
    expect(text).not.toMatch(/belongs to another/);
  });

  it('shows the first page, numbered from 1, for a link of another search, and says so in the member’s language', async () => {
    const { ports } = recordingPorts(runtime);
    // The cursor of the latest-resources list: a cursor, but not one of this search.
    const other = (await ports.search.latest({}, 2)).nextCursor;
    expect(other).toEqual(expect.any(String));
    const en = await pressMore(other as string, 5);
    expect(en).toMatch(/That "more results" link belongs to another search; here is the first page\./);
    expect(en).toMatch(/\b1\./);
    expect(en).not.toMatch(/\b6\./);
    expect(await pressMore('garbage', 5, 'es-ES')).toMatch(/es de otra búsqueda; esta es la primera página/);
  });
});
