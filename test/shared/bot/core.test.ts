import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '#shared/chat/actions.js';
import { parseIntent } from '#shared/chat/intent.js';
import { cutMarkup } from '#shared/chat/text.js';
import {
  addFollow,
  channelLanguage,
  claimDelivery,
  getChannelSettings,
  listAllFollows,
  pauseChannel,
  setChannelLanguage,
} from '#shared/follows/state.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';

describe('parseIntent', () => {
  it('reads command names in English and Spanish, without accents or case', () => {
    expect(parseIntent('search cash transfers')).toMatchObject({
      command: 'search',
      args: 'cash transfers',
      wordLanguage: 'en',
    });
    expect(parseIntent('/BUSCAR transferencias')).toMatchObject({ command: 'search', wordLanguage: 'es' });
    expect(parseIntent('últimos')).toMatchObject({ command: 'latest', wordLanguage: 'es' });
    expect(parseIntent('seguir topic:x').command).toBe('follow');
    expect(parseIntent('dejar abc123').command).toBe('unfollow');
    expect(parseIntent('siguiendo').command).toBe('following');
    expect(parseIntent('suscribir a@b.org').command).toBe('subscribe');
    expect(parseIntent('marcadores').command).toBe('bookmarks');
    expect(parseIntent('idioma es').command).toBe('lang');
    expect(parseIntent('fuentes').command).toBe('feeds');
    expect(parseIntent('feed status midis-pe')).toMatchObject({ command: 'feed', args: 'midis-pe' });
    expect(parseIntent('fuente estado midis-pe')).toMatchObject({ command: 'feed', args: 'midis-pe' });
    expect(parseIntent('')).toMatchObject({ command: 'help' });
  });

  it('treats free text as a search', () => {
    expect(parseIntent('cash transfers in Peru')).toEqual({
      command: 'search',
      args: 'cash transfers in Peru',
      implicit: true,
    });
  });
});

describe('cutMarkup', () => {
  it('never cuts inside an entity or a tag and closes open tags', () => {
    const html = `<b>${'&amp;'.repeat(10)}</b><a href="https://x.example/?a=1&amp;b=2">${'y'.repeat(50)}</a>`;
    for (let max = 10; max < html.length; max += 3) {
      const cut = cutMarkup(html, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/&[a-z]*$|&[a-z]*…|<[^>]*…/);
      expect((cut.match(/<b>/g) ?? []).length).toBe((cut.match(/<\/b>/g) ?? []).length);
      expect((cut.match(/<a /g) ?? []).length).toBe((cut.match(/<\/a>/g) ?? []).length);
    }
  });

  it('keeps Slack links whole and closes nothing', () => {
    const text = `*<https://x.example/${'p'.repeat(40)}|title>* ${'w '.repeat(20)}`;
    expect(cutMarkup(text, 30, { closeTags: false })).toBe('*…');
  });
});

describe('bot state and the follow API for announcements', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await startTestServices({ ses: false });
  });
  afterAll(async () => services?.close());

  it('encodes every action within 64 bytes, storing long ones', async () => {
    const runtime = await services.newRuntime();
    const now = new Date();
    const short = await encodeAction(
      runtime.store,
      { type: 'bookmark', resourceId: 'res-1', language: 'es' },
      now,
    );
    expect(short).toBe('b.es:res-1');
    const longId = `https://partner.example/${'very-long-path/'.repeat(8)}`;
    const long = await encodeAction(runtime.store, { type: 'bookmark', resourceId: longId }, now);
    const page = await encodeAction(
      runtime.store,
      {
        type: 'page',
        kind: 'search',
        query: 'q'.repeat(500),
        filter: {},
        cursor: 'c'.repeat(300),
        offset: 5,
      },
      now,
    );
    for (const id of [short, long, page]) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    expect(await decodeAction(runtime.store, long)).toEqual({ type: 'bookmark', resourceId: longId });
    expect(await decodeAction(runtime.store, page)).toMatchObject({ type: 'page', offset: 5 });
    expect(await decodeAction(runtime.store, 'r:missing')).toBeUndefined();
    expect(await decodeAction(runtime.store, 'nonsense')).toBeUndefined();
  });

  it('lists every follow, pauses a channel and reports its language', async () => {
    const runtime = await services.newRuntime();
    const at = new Date('2025-06-01T00:00:00Z');
    const a = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
    const b = { platform: 'telegram' as const, workspaceId: '999', channelId: '-100' };
    const first = await addFollow(
      runtime.store,
      a,
      { topics: ['x'], countries: ['PE', 'CO'] },
      { userId: 'U1', at },
    );
    const same = await addFollow(
      runtime.store,
      a,
      { countries: ['CO', 'PE'], topics: ['x'] },
      { userId: 'U2', at },
    );
    expect(same).toEqual({ follow: first.follow, created: false });
    await addFollow(runtime.store, b, {}, { userId: '1', at });
    const all = await listAllFollows(runtime.store);
    expect(all.map((f) => [f.platform, f.channelId, f.filter])).toEqual([
      ['slack', 'C1', { countries: ['CO', 'PE'], topics: ['x'] }],
      ['telegram', '-100', {}],
    ]);
    await setChannelLanguage(runtime.store, a, 'es');
    expect(await channelLanguage(runtime.store, a)).toBe('es');
    expect(await channelLanguage(runtime.store, b)).toBeUndefined();
    await pauseChannel(runtime.store, a, 'channel_not_found', at);
    expect(await getChannelSettings(runtime.store, a)).toMatchObject({
      status: 'paused',
      pausedReason: 'channel_not_found',
      language: 'es',
    });
  });

  it('claims a webhook delivery once until it expires', async () => {
    const runtime = await services.newRuntime();
    const at = new Date();
    expect(await claimDelivery(runtime.store, 'slack', 'Ev1', at)).toBe(true);
    expect(await claimDelivery(runtime.store, 'slack', 'Ev1', at)).toBe(false);
    expect(await claimDelivery(runtime.store, 'slack', 'Ev2', at, -1)).toBe(true);
    expect(await claimDelivery(runtime.store, 'slack', 'Ev2', at)).toBe(true);
  });
});
