import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryLog } from '#shared/library/change-log.js';
import { keys, LIBRARY_LOG_BUCKET } from '#shared/store/keys.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

let services: TestServices;

beforeAll(async () => {
  services = await startTestServices({ ses: false });
});
afterAll(async () => {
  await services?.close();
});

const res = (id: string) => keys.resource(id);

describe('LibraryLog', () => {
  it('records every resource write the runtime store makes, and nothing when nothing changed', async () => {
    const runtime = await services.newRuntime();
    const log = new LibraryLog(runtime.store, runtime.clock);
    expect(await log.changesAfter(0)).toBeUndefined();
    await runtime.store.put({ ...res('a'), title: 'A' });
    await runtime.store.batchWrite({ puts: [{ ...res('b') }, { ...keys.feed('f'), url: 'x' }] });
    await runtime.store.delete(res('a'));
    const changes = await log.changesAfter(0);
    expect(changes?.resourceIds.sort()).toEqual(['a', 'b']);
    expect(changes?.partners).toBe(false);
    expect(await log.hint()).toBe(changes?.position);
    expect(await log.changesAfter(changes?.position ?? 0)).toBeUndefined();
  });

  it('two processes writing at once leave a gapless sequence holding every change', async () => {
    const runtime = await services.newRuntime();
    const a = new LibraryLog(runtime.store, runtime.clock);
    const b = new LibraryLog(runtime.store, runtime.clock);
    const ids = Array.from({ length: 60 }, (_, n) => `r${n}`);
    // Sequential per process (each awaits its entry), interleaved between the two.
    await Promise.all([
      (async () => {
        for (const id of ids.slice(0, 30)) await a.record([res(id)]);
      })(),
      (async () => {
        for (const id of ids.slice(30)) await b.record([res(id)]);
      })(),
    ]);
    const changes = await new LibraryLog(runtime.store, runtime.clock).changesAfter(0);
    expect(changes?.position).toBe(60);
    expect(changes?.resourceIds.sort()).toEqual([...ids].sort());
  });

  it('records that partners changed, and group-commits writes made at once into one entry', async () => {
    const runtime = await services.newRuntime();
    const log = new LibraryLog(runtime.store, runtime.clock);
    await Promise.all([log.record([res('x')]), log.record([res('y')]), log.record([keys.partner('p')])]);
    const changes = await log.changesAfter(0);
    expect(changes).toEqual({ position: 1, resourceIds: expect.arrayContaining(['x', 'y']), partners: true });
  });

  it('reads on across partitions of the log', async () => {
    const runtime = await services.newRuntime();
    const log = new LibraryLog(runtime.store, runtime.clock);
    // Entries just before and after a partition boundary, as if the log were that long.
    const start = LIBRARY_LOG_BUCKET - 2;
    for (let n = start; n < start + 4; n++)
      await runtime.store.put({ ...keys.libraryLogEntry(n), ids: [`r${n}`], at: '2025-01-01T00:00:00.000Z' });
    const changes = await log.changesAfter(start - 1);
    expect(changes?.position).toBe(start + 3);
    expect(changes?.resourceIds).toEqual([`r${start}`, `r${start + 1}`, `r${start + 2}`, `r${start + 3}`]);
  });
});
