import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoopDraft } from '#shared/coop/entry.js';
import { exportShape } from '#shared/coop/exchange.js';
import { CoopChangeError, changeStatus, createEntry, findEntry, listEntries } from '#shared/coop/store.js';
import type { Store } from '#shared/store/store.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

let services: TestServices;
let store: Store;
const at = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  store = (await services.newRuntime()).store;
});
afterAll(() => services.close());

const request: CoopDraft = {
  kind: 'request',
  title: 'Building a social registry',
  summary: 'We need help designing an integrated social registry of households.',
  topics: ['social-registries'],
  country: 'HN',
  institution: 'SEDESOL Honduras',
  contact: 'registro@sedesol.gob.hn',
  modalities: ['technical-visit'],
  languages: ['es'],
  ref: 'WS-R7',
};

describe('offers and requests in the table', () => {
  it('stores a new entry open, with its creation in the history, found by id and by ref', async () => {
    const { entry, created } = await createEntry(store, request, { who: 'cli:ana', at });
    expect(created).toBe(true);
    expect(entry).toMatchObject({
      status: 'open',
      version: 1,
      history: [{ change: 'created', by: 'cli:ana' }],
    });
    expect(entry.id).toMatch(/^R-[A-Z2-9]{6}$/);
    expect(await findEntry(store, entry.id.toLowerCase())).toEqual(entry);
    expect((await findEntry(store, 'ws-r7'))?.id).toBe(entry.id);
    expect((await listEntries(store, 'request')).map((e) => e.id)).toContain(entry.id);
    expect(await listEntries(store, 'offer')).toEqual([]);
  });

  it('writes a ref once: the same workshop row imported again returns the stored entry', async () => {
    const again = await createEntry(store, { ...request, title: 'Changed title' }, { who: 'cli:bo', at });
    expect(again.created).toBe(false);
    expect(again.entry.title).toBe('Building a social registry');
    expect((await listEntries(store, 'request')).length).toBe(1);
  });

  it('follows the lifecycle and keeps who changed what', async () => {
    const { entry } = await createEntry(store, { ...request, ref: undefined }, { who: 'cli:ana', at });
    const matched = await changeStatus(store, entry.id, {
      to: 'matched',
      expected: 'open',
      by: 'cli:secretariat',
      at,
      counterpart: 'O-ABCDEF',
    });
    const going = await changeStatus(store, entry.id, {
      to: 'in-progress',
      expected: 'matched',
      by: 'cli:hn',
      at,
    });
    const done = await changeStatus(store, entry.id, {
      to: 'done',
      expected: 'in-progress',
      by: 'cli:hn',
      at,
    });
    expect(matched.counterpart).toBe('O-ABCDEF');
    expect(going.counterpart).toBe('O-ABCDEF');
    expect(done).toMatchObject({ status: 'done', version: 4, counterpart: 'O-ABCDEF' });
    expect(done.history.map((h) => [h.change, h.by, h.with])).toEqual([
      ['created', 'cli:ana', undefined],
      ['matched', 'cli:secretariat', 'O-ABCDEF'],
      ['in-progress', 'cli:hn', 'O-ABCDEF'],
      ['done', 'cli:hn', 'O-ABCDEF'],
    ]);
    await expect(
      changeStatus(store, entry.id, { to: 'withdrawn', expected: 'done', by: 'cli:hn', at }),
    ).rejects.toThrow(/is done: it can become nothing else/);
  });

  it('refuses a change from a status the entry is no longer in', async () => {
    const { entry } = await createEntry(store, { ...request, ref: undefined }, { who: 'cli:ana', at });
    await expect(
      changeStatus(store, entry.id, { to: 'done', expected: 'open', by: 'x', at }),
    ).rejects.toThrow(/can become matched or withdrawn, not done/);
    await expect(
      changeStatus(store, entry.id, { to: 'in-progress', expected: 'matched', by: 'x', at }),
    ).rejects.toMatchObject({ code: 'changed_meanwhile' });
  });

  it('lets one of two concurrent changes win; the other is told it changed meanwhile', async () => {
    const { entry } = await createEntry(store, { ...request, ref: undefined }, { who: 'cli:ana', at });
    const results = await Promise.allSettled([
      changeStatus(store, entry.id, { to: 'withdrawn', expected: 'open', by: 'a', at }),
      changeStatus(store, entry.id, {
        to: 'matched',
        expected: 'open',
        by: 'b',
        at,
        counterpart: 'O-ABCDEG',
      }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(CoopChangeError);
    const stored = await findEntry(store, entry.id);
    expect(stored?.version).toBe(2);
    expect(stored?.history).toHaveLength(2);
  });

  it('keeps the origin, so notifications can reach the requester, and leaves it out of the export', async () => {
    const origin = { face: 'slack', address: 'C0COOP', language: 'es' } as const;
    const { entry } = await createEntry(
      store,
      { ...request, ref: undefined, origin },
      { who: 'slack:U1', at },
    );
    expect((await findEntry(store, entry.id))?.origin).toEqual(origin);
    expect(exportShape(entry)).not.toHaveProperty('origin');
    await changeStatus(store, entry.id, { to: 'withdrawn', expected: 'open', by: 'slack:U1', at });
    expect((await findEntry(store, entry.id))?.origin).toEqual(origin);
  });
});
