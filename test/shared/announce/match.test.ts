import { describe, expect, it } from 'vitest';
import { matchResources, matchResourcesNaively } from '#shared/announce/match.js';
import { batchPost, singlePost, subjectOf } from '#shared/announce/messages.js';
import { renderSlack } from '#shared/chat/slack/render.js';
import { renderTelegram } from '#shared/chat/telegram/render.js';
import type { Resource, ResourceType } from '#shared/domain/resource.js';
import type { ResourceFilter } from '#shared/filters/filter.js';
import { type ChannelRef, channelKeyOf, type Follow } from '#shared/follows/state.js';
import { hostileResource } from '../bot/fixtures.js';
import { followOf as inMemoryFollow } from './follows.js';
import { FOLLOWED_AT, resource, slackChannel } from './helpers.js';

const followOf = (channel: ChannelRef, filter: ResourceFilter, createdAt = FOLLOWED_AT): Follow =>
  inMemoryFollow(channel, filter, createdAt);

const TOPICS = ['financial-inclusion', 'conditional-cash-transfers', 'gender', 'health', 'education'];
const COUNTRIES = ['PE', 'CO', 'MX', 'HT', 'JM', 'BR'];
const TYPES: ResourceType[] = ['news', 'document', 'video', 'event'];
const PARTNERS = ['midis-pe', 'mds-br', 'cispr', 'iaspn-oas'];

function library(n: number): Resource[] {
  return Array.from({ length: n }, (_, i) =>
    resource({
      id: `r${i}`,
      topics: [TOPICS[i % 5]!, ...(i % 3 === 0 ? [TOPICS[(i + 2) % 5]!] : [])],
      countries: i % 4 === 0 ? [] : [COUNTRIES[i % 6]!],
      type: TYPES[i % 4]!,
      language: i % 2 ? 'es' : 'en',
      partnerId: PARTNERS[i % 4]!,
      sources: [
        { feedId: 'f', partnerId: PARTNERS[i % 4]! },
        ...(i % 7 === 0 ? [{ feedId: 'g', partnerId: 'cispr' }] : []),
      ],
    }),
  );
}

function follows(n: number): Follow[] {
  const filters: ResourceFilter[] = [
    { topics: ['financial-inclusion'] },
    { countries: ['PE', 'CO'] },
    { topics: ['gender'], countries: ['HT'] },
    { partners: ['cispr'] },
    { types: ['video'], languages: ['es'] },
    {},
    { topics: ['health', 'education'], types: ['document'] },
    { languages: ['en'] },
  ];
  return Array.from({ length: n }, (_, i) =>
    followOf(slackChannel(`C${Math.floor(i / 2)}`), filters[(i * 3 + Math.floor(i / 8)) % filters.length]!),
  );
}

describe('matching', () => {
  it('gives the same deliveries as every resource against every follow, with fewer comparisons', () => {
    const resources = library(300);
    const all = follows(120);
    const result = matchResources(resources, all);
    const oracle = matchResourcesNaively(resources, all);
    const got = new Map([...result.channels].map(([k, m]) => [k, new Set(m.resources.map((r) => r.id))]));
    expect(got).toEqual(oracle);
    expect(result.deliveries).toBe([...oracle.values()].reduce((sum, s) => sum + s.size, 0));
    expect(result.comparisons).toBeLessThan((resources.length * all.length) / 2);
  });

  it('posts a resource once per channel however many of its follows it matches', () => {
    const channel = slackChannel('C1');
    const r = resource({ id: 'both', topics: ['financial-inclusion'], countries: ['PE'] });
    const result = matchResources(
      [r],
      [followOf(channel, { topics: ['financial-inclusion'] }), followOf(channel, { countries: ['PE'] })],
    );
    const matches = result.channels.get(channelKeyOf(channel))!;
    expect(matches.resources.map((x) => x.id)).toEqual(['both']);
    expect(matches.matchedBy.get('both')).toHaveLength(2);
    expect(result.deliveries).toBe(1);
  });

  it('brings a follow only what was first seen after it was created, and honours partners of any source', () => {
    const channel = slackChannel('C1');
    const before = resource({ id: 'old', partnerId: 'x', firstSeenAt: '2026-03-01T00:00:00.000Z' });
    const viaSource = resource({
      id: 'second-feed',
      partnerId: 'x',
      sources: [
        { feedId: 'a', partnerId: 'x' },
        { feedId: 'b', partnerId: 'cispr' },
      ],
    });
    const result = matchResources(
      [before, viaSource],
      [
        followOf(channel, {}, '2026-03-05T00:00:00.000Z'),
        followOf(slackChannel('C2'), { partners: ['cispr'] }),
      ],
    );
    expect(result.channels.get(channelKeyOf(channel))!.resources.map((r) => r.id)).toEqual(['second-feed']);
    expect(result.channels.get(channelKeyOf(slackChannel('C2')))!.resources.map((r) => r.id)).toEqual([
      'second-feed',
    ]);
  });
});

describe('announcement messages', () => {
  const ctx = { language: 'en' as const, partnerNames: new Map([['midis-pe', 'MIDIS Perú']]) };
  const f = followOf(slackChannel('C1'), { topics: ['financial-inclusion'] });

  it('heads a batch with the count and what the channel follows, in its language', () => {
    const rs = Array.from({ length: 12 }, (_, i) => resource({ id: `b${i}` }));
    expect(batchPost(rs, [f], ctx).summary).toBe('12 new resources on financial inclusion');
    expect(batchPost(rs, [f], { ...ctx, language: 'es' }).summary).toBe(
      '12 recursos nuevos sobre inclusión financiera',
    );
    const reply = batchPost(rs, [f], ctx);
    expect(reply.blocks.filter((b) => b.kind === 'card')).toHaveLength(8);
    expect(JSON.stringify(reply.blocks.at(-1))).toContain('4 more');
    expect(subjectOf([{ countries: ['PE', 'CO'] }], 'es')).toBe('Perú y Colombia');
  });

  it('escapes hostile feed text on both platforms and keeps their limits', () => {
    const hostile = hostileResource();
    const single = singlePost(hostile, [f], ctx);
    const slack = renderSlack(single);
    const slackJson = JSON.stringify(slack);
    expect(slackJson).not.toContain('<!channel>');
    expect(slackJson).not.toContain('<@U123>');
    expect(slackJson).toContain('&lt;!channel&gt;');
    for (const block of slack.blocks) {
      const text = (block.text as { text?: string } | undefined)?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
    }
    const telegram = renderTelegram(single);
    expect(telegram.html).not.toMatch(/<a href="javascript/);
    expect(telegram.html).toContain('&lt;b&gt;unbalanced &amp;');
    expect(telegram.html.length).toBeLessThanOrEqual(4096);
    const batch = renderTelegram(
      batchPost([hostile, ...Array.from({ length: 20 }, () => hostile)], [f], ctx),
    );
    expect(batch.html.length).toBeLessThanOrEqual(4096);
    expect(
      renderSlack(
        batchPost(
          Array.from({ length: 80 }, () => hostile),
          [f],
          ctx,
        ),
      ).blocks.length,
    ).toBeLessThanOrEqual(50);
  });
});
