import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnnounce } from '#shared/announce/run.js';
import { getSubscription } from '#shared/digest/subscriptions.js';
import { filterAsTyped, migrateStoredFilters, needsAdmin, repairFilter } from '#shared/filters/migrate.js';
import { migrateStoredFiltersOnce, reportUnresolvedFollows } from '#shared/filters/migration-marker.js';
import { addFollow, type ChannelRef, followIdOf, listAllFollows } from '#shared/follows/state.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { oldFollow, oldSubscription, putMidis } from '../../helpers/stored-filters.js';
import { recordingSender, resource, seedResources } from '../announce/helpers.js';

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(() => services.close());

const NOW = '2026-03-10T12:00:00.000Z';
const clock = () => new Date(NOW);
const channel = (id: string): ChannelRef => ({ platform: 'slack', workspaceId: 'T1', channelId: id });
const PARTNERS = new Map([['midis-pe', 'MIDIS Perú']]);

async function seededStore() {
  const runtime = await services.newRuntime({ IASPN_ADMIN_CHANNEL: 'console:local:admins' }, clock);
  await putMidis(runtime.store, NOW);
  const a = channel('CA');
  const ids = {
    slug: await oldFollow(runtime.store, a, { topics: ['cash-transfers'] }),
    canonical: (
      await addFollow(
        runtime.store,
        a,
        { topics: ['conditional-cash-transfers'] },
        { userId: 'U2', at: new Date(NOW) },
      )
    ).follow.followId,
    names: await oldFollow(runtime.store, a, { countries: ['Perú'], types: ['Document'] }),
    nothing: await oldFollow(runtime.store, a, { topics: ['zzz'], countries: ['peru'] }),
    unsorted: await oldFollow(runtime.store, a, { countries: ['PE', 'BR'] }, 'abc123'),
    partner: await oldFollow(runtime.store, channel('CB'), { partners: ['MIDIS'], languages: ['Spanish'] }),
  };
  await oldSubscription(
    runtime.store,
    'ana@example.org',
    { topics: ['primera-infancia'], countries: ['peru'] },
    NOW,
  );
  await oldSubscription(
    runtime.store,
    'zz@example.org',
    { topics: ['social-registries'], countries: ['ZZ'] },
    NOW,
  );
  await oldSubscription(runtime.store, 'ok@example.org', { topics: ['early-childhood'] }, NOW);
  return { runtime, ids };
}

const followsOf = async (runtime: Runtime) =>
  (await listAllFollows(runtime.store))
    .map((f) => ({ channel: f.channelId, id: f.followId, filter: f.filter, createdBy: f.createdBy }))
    .sort((x, y) => `${x.channel}${x.id}`.localeCompare(`${y.channel}${y.id}`));

describe('repairFilter', () => {
  it('resolves each stored value to its canonical id and names those that mean nothing', () => {
    const repair = repairFilter({ topics: ['cash-transfers', 'zzz'], countries: ['Perú', 'BR'] }, PARTNERS);
    expect(repair.canonical).toEqual({ topics: ['conditional-cash-transfers'], countries: ['BR', 'PE'] });
    expect(repair.changes).toEqual([
      { field: 'topics', from: 'cash-transfers', to: ['conditional-cash-transfers'] },
      { field: 'countries', from: 'Perú', to: ['PE'] },
    ]);
    expect(repair.problems).toEqual([{ code: 'unknown', field: 'topics', typed: 'zzz', suggestions: [] }]);
  });

  it('shows a stored filter as a member would type it, in the admin channel language', () => {
    expect(
      filterAsTyped({ topics: ['zzz'], countries: ['peru'], keywords: '"cuidado infantil"' }, 'es'),
    ).toBe('tema:zzz pais:peru "cuidado infantil"');
  });
});

describe('the stored-filter migration', () => {
  it('rewrites follows and subscriptions to canonical ids, merges duplicates, reports the rest, deletes nothing else', async () => {
    const { runtime, ids } = await seededStore();

    const dry = await migrateStoredFilters(runtime, { apply: false });
    expect(dry.applied).toBe(false);
    expect(await followsOf(runtime)).toHaveLength(6);

    const first = await migrateStoredFilters(runtime, { apply: true });
    expect(first).toMatchObject({ applied: true, follows: 6, subscriptions: 3 });
    const actions = Object.fromEntries(
      first.findings.map((f) => [
        f.kind === 'follow' ? `${f.channel.channelId}:${f.followId}` : f.email,
        f.action,
      ]),
    );
    expect(actions).toEqual({
      [`CA:${ids.slug}`]: 'merge',
      [`CA:${ids.names}`]: 'rewrite',
      [`CA:${ids.nothing}`]: 'needs-admin',
      'CA:abc123': 'rewrite',
      [`CB:${ids.partner}`]: 'rewrite',
      'ana@example.org': 'rewrite',
      'zz@example.org': 'needs-admin',
    });
    // The dry run said the same, without writing.
    expect(dry.findings.map((f) => f.action)).toEqual(first.findings.map((f) => f.action));

    expect(await followsOf(runtime)).toEqual(
      [
        // cash-transfers merged into the follow the channel already had.
        {
          channel: 'CA',
          id: ids.canonical,
          filter: { topics: ['conditional-cash-transfers'] },
          createdBy: 'U2',
        },
        {
          channel: 'CA',
          id: followIdOf({ countries: ['PE'], types: ['document'] }),
          filter: { countries: ['PE'], types: ['document'] },
          createdBy: 'U1',
        },
        // Left exactly as it was: an admin decides.
        { channel: 'CA', id: ids.nothing, filter: { topics: ['zzz'], countries: ['peru'] }, createdBy: 'U1' },
        {
          channel: 'CA',
          id: followIdOf({ countries: ['BR', 'PE'] }),
          filter: { countries: ['BR', 'PE'] },
          createdBy: 'U1',
        },
        {
          channel: 'CB',
          id: followIdOf({ partners: ['midis-pe'], languages: ['es'] }),
          filter: { languages: ['es'], partners: ['midis-pe'] },
          createdBy: 'U1',
        },
      ].sort((x, y) => `${x.channel}${x.id}`.localeCompare(`${y.channel}${y.id}`)),
    );
    expect((await getSubscription(runtime, 'ana@example.org'))?.filter).toEqual({
      countries: ['PE'],
      topics: ['early-childhood'],
    });
    expect(await getSubscription(runtime, 'zz@example.org')).toMatchObject({
      filter: { topics: ['social-registries'], countries: ['ZZ'] },
      status: 'confirmed',
    });
    expect((await getSubscription(runtime, 'ok@example.org'))?.filter).toEqual({
      topics: ['early-childhood'],
    });

    // Twice is the same as once: nothing more rewritten, the same two left for an admin.
    const follows = await followsOf(runtime);
    const second = await migrateStoredFilters(runtime, { apply: true });
    expect(second.findings.map((f) => f.action)).toEqual(['needs-admin', 'needs-admin']);
    expect(needsAdmin(second)).toHaveLength(2);
    expect(await followsOf(runtime)).toEqual(follows);
  });

  it('runs once before ingest and announcement runs, then costs one read', async () => {
    const { runtime } = await seededStore();
    expect(await migrateStoredFiltersOnce(runtime)).toMatchObject({ applied: true, follows: 6 });
    const before = runtime.store.stats.requests;
    expect(await migrateStoredFiltersOnce(runtime)).toBeUndefined();
    expect(runtime.store.stats.requests - before).toBe(1);
  });

  it('runs again on the next run when a rewrite was refused, and doctor reports it', async () => {
    const runtime = await services.newRuntime({}, clock);
    // A subscription may hold no dates: its rewrite is refused by the subscription rules.
    await oldSubscription(
      runtime.store,
      'dated@example.org',
      { countries: ['peru'], since: '2025-01-01T00:00:00.000Z' },
      NOW,
    );
    const first = await migrateStoredFiltersOnce(runtime);
    expect(first?.findings).toMatchObject([
      { kind: 'subscription', action: 'failed', error: expect.stringContaining('Invalid preferences') },
    ]);
    expect(needsAdmin(first!)).toHaveLength(1);
    expect(await migrateStoredFiltersOnce(runtime)).toBeDefined();
  });

  it('tells the admin channel once about the follows that mean nothing, with the suggestions', async () => {
    const { runtime, ids } = await seededStore();
    await migrateStoredFiltersOnce(runtime);
    const admins = recordingSender();
    expect(await reportUnresolvedFollows(runtime, { console: admins })).toEqual([
      `CHAN#slack#T1#CA#${ids.nothing}`,
    ]);
    const text = admins.posts[0]!.reply.summary;
    expect(admins.posts[0]!.channel).toMatchObject({ channelId: 'admins' });
    expect(text).toContain(`slack T1 CA, follow ${ids.nothing} (topic:zzz country:peru)`);
    expect(text).toContain('"zzz": no such topic.');
    // Neither a second run nor `iaspn doctor --fix` tells it again.
    expect(await reportUnresolvedFollows(runtime, { console: admins })).toEqual([]);
    await migrateStoredFilters(runtime, { apply: true });
    expect(await reportUnresolvedFollows(runtime, { console: admins })).toEqual([]);
    expect(admins.posts).toHaveLength(1);
  });

  it('tells the admin channel once when two announcement runs report at the same time', async () => {
    const { runtime } = await seededStore();
    await migrateStoredFiltersOnce(runtime);
    const admins = recordingSender();
    const told = await Promise.all([
      reportUnresolvedFollows(runtime, { console: admins }),
      reportUnresolvedFollows(runtime, { console: admins }),
    ]);
    expect(told.flat()).toHaveLength(1);
    expect(admins.posts).toHaveLength(1);
  });

  it('tells the admin channel on a later run when it could not be reached', async () => {
    const { runtime } = await seededStore();
    await migrateStoredFiltersOnce(runtime);
    const down = recordingSender();
    down.post = async () => {
      throw new Error('admin channel unreachable');
    };
    expect(await reportUnresolvedFollows(runtime, { console: down })).toEqual([]);
    const admins = recordingSender();
    expect(await reportUnresolvedFollows(runtime, { console: admins })).toHaveLength(1);
  });

  it('makes an announcement run announce what an old `follow topic:cash-transfers` meant', async () => {
    const runtime = await services.newRuntime({}, clock);
    await oldFollow(runtime.store, channel('CC'), { topics: ['cash-transfers'] });
    await seedResources(runtime, [
      resource({
        id: 'cct',
        topics: ['conditional-cash-transfers'],
        firstSeenAt: '2026-03-10T11:00:00.000Z',
      }),
    ]);
    const posts = recordingSender();
    const summary = await runAnnounce(runtime, { senders: { slack: posts } });
    expect(summary.posted).toBe(1);
    expect(posts.posts[0]!.channel).toMatchObject({ channelId: 'CC' });
  });
});
