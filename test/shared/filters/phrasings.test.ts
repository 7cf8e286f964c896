import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnnounce } from '#shared/announce/run.js';
import type { ChatSender } from '#shared/announce/senders.js';
import { type ChatContext, createBotCore } from '#shared/bot/core.js';
import { createBotPorts } from '#shared/bot/wiring.js';
import { COMMAND_NAMES, type CommandName } from '#shared/chat/i18n.js';
import type { Reply } from '#shared/chat/reply.js';
import { runDigest } from '#shared/digest/run.js';
import { confirmById, getSubscription } from '#shared/digest/subscriptions.js';
import { canonicalFilter } from '#shared/filters/filter.js';
import { parseFilterText } from '#shared/filters/language.js';
import { LIST_COMMAND } from '#shared/filters/problems.js';
import { KEY_LABELS, valueName } from '#shared/filters/values.js';
import { listAllFollows } from '#shared/follows/state.js';
import { partnerToItem } from '#shared/library/registry.js';
import { resourceToItem } from '#shared/library/resource-store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { createSearchService, refreshSearchIndex } from '#shared/search/service.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { virtualTimer } from '../announce/helpers.js';
import { movableClock } from '../digest/helpers.js';
import { LIBRARY, libraryResources, RESOURCE_URL } from './library.js';
import { PHRASING_PARTNERS, PHRASINGS, type Phrasing, REFUSALS } from './phrasings.js';

/**
 * One filter language, proven rather than assumed (issue 12.8): every phrasing of phrasings.ts goes
 * through the four places a member's words select resources, and the four must agree.
 *
 *   search   the search service (what `search <phrasing>` shows): its full matches, the hits that
 *            have every word, `hits.slice(0, matched)`;
 *   latest   `latest <phrasing>` through the bot core;
 *   follow   `follow <phrasing>` in a channel of its own through the bot core, before the library
 *            arrives; then one announcement run posts to every channel;
 *   digest   `subscribe <email> <phrasing>` through the bot core (the real double opt-in, then
 *            confirmed); then one digest run sends to the SES emulator.
 *
 * Rows with dates (`since:`, `before:`) narrow searches and `latest` only: `follow` and `subscribe`
 * refuse them and store nothing, so search and latest must agree and nothing be sent.
 *
 * The library arrives after the follows and subscriptions, so all of it is new to them: the four
 * answer the same question over the same resources. One library, one announcement run over every
 * channel, one digest run over every subscriber.
 */

const FOLLOWED_AT = '2026-03-02T09:00:00.000Z';
/** The library is first seen from 10:00, after the follows; searched and announced at noon. */
const ARRIVED_AT = '2026-03-02T10:00:00.000Z';
const NOON = '2026-03-02T12:00:00.000Z';
/** Past the next weekly period's start whatever the digest weekday: every subscriber is due. */
const DIGEST_AT = '2026-03-10T01:00:00.000Z';

const ALL_IDS = new Set(LIBRARY.map((w) => w.id));

/** The command word in the member's language. */
const say = (command: CommandName, lang: 'en' | 'es', rest: string) =>
  `${COMMAND_NAMES[command][lang][0]} ${rest}`;

const replyText = (reply: Reply) =>
  reply.blocks.map((b) => (b.kind === 'card' ? b.card.title : b.kind === 'buttons' ? '' : b.text)).join('\n');

const cardIds = (reply: Reply) => reply.blocks.flatMap((b) => (b.kind === 'card' ? [b.card.resourceId] : []));

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

interface Found {
  search: string[];
  latest: string[];
  follow: string[];
  digest: string[];
}

let services: TestServices;
let runtime: Runtime;
const found = new Map<Phrasing, Found>();
const refusalReplies = new Map<string, { follow: string; subscribe: string }>();
/** The bot's answers to each row's follow and subscribe, shown when a row fails. */
const replies = new Map<Phrasing, { follow: string; subscribe: string }>();

const channelOf = (kind: 'row' | 'refusal', i: number) => ({
  platform: 'slack' as const,
  workspaceId: 'T1',
  channelId: `${kind === 'row' ? 'C' : 'R'}${String(i).padStart(3, '0')}`,
});
const emailOf = (kind: 'row' | 'refusal', i: number) => `${kind}-${i}@example.org`;

function contextFor(kind: 'row' | 'refusal', i: number, lang: 'en' | 'es'): ChatContext {
  const channel = channelOf(kind, i);
  return {
    channel,
    // One member per row: the subscriptions' per-source rate limit counts per member.
    user: { platform: 'slack', workspaceId: 'T1', userId: `U${kind}${i}` },
    conversation: 'group',
    locale: lang,
    canManageChannel: async () => true,
    isRelayAdmin: false,
  };
}

beforeAll(async () => {
  services = await startTestServices();
  const clock = movableClock(FOLLOWED_AT);
  runtime = await services.newRuntime(
    {
      IASPN_PUBLIC_URL: 'https://relay.example.org',
      IASPN_DIGEST_MAX_ITEMS: '100',
      IASPN_SES_RATE_PER_SECOND: '1000',
    },
    clock,
  );
  await runtime.store.batchWrite({
    puts: [...PHRASING_PARTNERS].map(([id, name]) =>
      partnerToItem({
        id,
        name,
        kind: 'ngo',
        languages: ['en', 'es'],
        createdAt: '2025-01-01T00:00:00.000Z',
      }),
    ),
  });
  const search = createSearchService(runtime);
  const ports = createBotPorts(runtime, { search });
  const bot = createBotCore({
    store: runtime.store,
    log: runtime.log,
    clock: runtime.clock,
    ports,
    pageSize: 50,
  });

  /** `follow <text>` in the row's channel, then `subscribe <email> <text>` by the row's member. */
  const followAndSubscribe = async (kind: 'row' | 'refusal', i: number, lang: 'en' | 'es', text: string) => {
    const ctx = contextFor(kind, i, lang);
    const follow = replyText(await bot.handleText(ctx, say('follow', lang, text)));
    const subscribe = replyText(
      await bot.handleText(ctx, say('subscribe', lang, `${emailOf(kind, i)} ${text}`)),
    );
    return { follow, subscribe };
  };

  // 09:00: every phrasing followed in a channel of its own and subscribed to by an address of its own
  // (eight members at a time, as a busy workspace would); the subscriptions confirmed.
  const limit = pLimit(8);
  await Promise.all([
    ...PHRASINGS.map((row, i) =>
      limit(async () => {
        replies.set(row, await followAndSubscribe('row', i, row.lang, row.text));
        const sub = await getSubscription(runtime, emailOf('row', i));
        if (sub) await confirmById(runtime, sub.id);
      }),
    ),
    ...REFUSALS.map((refusal, i) =>
      limit(async () => {
        refusalReplies.set(refusal.text, await followAndSubscribe('refusal', i, refusal.lang, refusal.text));
      }),
    ),
  ]);

  // 10:00 onwards: the library arrives (ingest's item shape), and the search index is rebuilt.
  clock.set(NOON);
  await runtime.store.batchWrite({ puts: libraryResources(ARRIVED_AT).map(resourceToItem) });
  await refreshSearchIndex(runtime);

  const delivered = new Map<string, string[]>();
  const recorder: ChatSender = {
    platform: 'slack',
    pace: { perChannelMs: () => 0, globalMs: 0 },
    describe: 'recording',
    async post(channel, _reply, deliveries = []) {
      delivered.set(channel.channelId, [...(delivered.get(channel.channelId) ?? []), ...deliveries]);
    },
  };
  const announced = await runAnnounce(runtime, { senders: { slack: recorder }, timer: virtualTimer() });
  expect(announced).toMatchObject({ resources: LIBRARY.length, failed: 0 });

  const emailsBefore = (await services.sentEmails()).length;
  clock.set(DIGEST_AT);
  const digests = await runDigest(runtime);
  expect(digests).toMatchObject({ failed: 0, skipped: 0 });
  const emails = (await services.sentEmails()).slice(emailsBefore);

  clock.set(NOON);
  await Promise.all(
    PHRASINGS.map((row, i) =>
      limit(async () => {
        const response = await search.search({ query: row.text, limit: 50, language: row.lang });
        const latest = await bot.handleText(
          contextFor('row', i, row.lang),
          say('latest', row.lang, row.text),
        );
        const mail = emails.filter((e) => e.destination.to.some((to) => to.includes(emailOf('row', i))));
        found.set(row, {
          search: sorted(response.hits.slice(0, response.matched ?? 0).map((h) => h.id)),
          latest: sorted(cardIds(latest)),
          follow: sorted(delivered.get(channelOf('row', i).channelId) ?? []),
          digest: sorted(
            mail.flatMap((e) => [...(e.body.html ?? '').matchAll(RESOURCE_URL)].map((m) => m[1]!)),
          ),
        });
      }),
    ),
  );
}, 120_000);

afterAll(async () => {
  await services?.close();
});

describe('the filter language, phrasing by phrasing', () => {
  it('has at least 60 phrasings in English and Spanish, and refusals', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PHRASINGS.map((p) => p.text)).size).toBe(PHRASINGS.length);
    expect(PHRASINGS.filter((p) => p.lang === 'es').length).toBeGreaterThanOrEqual(20);
    expect(REFUSALS.length).toBeGreaterThanOrEqual(4);
  });

  it.each(PHRASINGS.map((row) => [row.text, row] as const))('%s means its canonical filter', (_, row) => {
    const parsed = parseFilterText(row.text, { now: new Date(FOLLOWED_AT), partners: PHRASING_PARTNERS });
    expect(parsed.problems).toEqual([]);
    expect(parsed.filter).toEqual(canonicalFilter(row.filter));
  });

  it('stores exactly the canonical filter for every follow and every subscription', async () => {
    const follows = await listAllFollows(runtime.store);
    for (const [i, row] of PHRASINGS.entries()) {
      const mine = follows.filter((f) => f.channelId === channelOf('row', i).channelId);
      const sub = await getSubscription(runtime, emailOf('row', i));
      const said = replies.get(row)!;
      if (row.searchOnly) {
        // Dates narrow searches only: follow and subscribe say so, name the date keys, store nothing.
        for (const reply of [said.follow, said.subscribe]) {
          expect(reply).toContain(`${KEY_LABELS[row.lang].since}:`);
          expect(reply).toContain(`${KEY_LABELS[row.lang].before}:`);
        }
        expect(mine, `follow ${row.text}: ${said.follow}`).toEqual([]);
        expect(sub, `subscribe ${row.text}: ${said.subscribe}`).toBeUndefined();
        continue;
      }
      expect(
        mine.map((f) => f.filter),
        `follow ${row.text}: ${said.follow}`,
      ).toEqual([canonicalFilter(row.filter)]);
      expect(sub, `subscribe ${row.text}: ${said.subscribe}`).toMatchObject({
        status: 'confirmed',
        filter: canonicalFilter(row.filter),
      });
    }
  });

  it.each(PHRASINGS.map((row) => [row.text, row] as const))(
    '%s: search, latest, the follow and the digest find the same resources',
    (_, row) => {
      const got = found.get(row)!;
      if (row.searchOnly) {
        // Search and latest agree; nothing was followed or subscribed to, so nothing was sent.
        expect({ latest: got.latest, follow: got.follow, digest: got.digest }).toEqual({
          latest: got.search,
          follow: [],
          digest: [],
        });
      } else {
        expect({ latest: got.latest, follow: got.follow, digest: got.digest }).toEqual({
          latest: got.search,
          follow: got.search,
          digest: got.search,
        });
      }
      // Each phrasing selects: a proper, non-empty part of the library, or nothing when the row says so.
      if (row.none) expect(got.search).toEqual([]);
      else {
        expect(got.search.length).toBeGreaterThan(0);
        expect(got.search.length).toBeLessThan(ALL_IDS.size);
      }
    },
  );

  it.each(REFUSALS.map((r) => [r.text, r] as const))(
    '%s is refused with the value named and help, and nothing is stored',
    async (_, refusal) => {
      const replies = refusalReplies.get(refusal.text)!;
      for (const reply of [replies.follow, replies.subscribe]) {
        expect(reply).toContain(refusal.typed);
        expect(reply).toContain(`"${LIST_COMMAND[refusal.lang][refusal.field]}"`);
        for (const id of refusal.suggests)
          expect(reply).toContain(valueName(refusal.field, id, refusal.lang, PHRASING_PARTNERS));
      }
      const i = REFUSALS.indexOf(refusal);
      const follows = await listAllFollows(runtime.store);
      expect(follows.filter((f) => f.channelId === channelOf('refusal', i).channelId)).toEqual([]);
      expect(await getSubscription(runtime, emailOf('refusal', i))).toBeUndefined();
    },
  );
});
