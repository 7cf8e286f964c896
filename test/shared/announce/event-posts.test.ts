import { describe, expect, it } from 'vitest';
import { batchPost, singlePost } from '#shared/announce/messages.js';
import { renderSlack } from '#shared/chat/slack/render.js';
import { renderTelegram } from '#shared/chat/telegram/render.js';
import type { Follow } from '#shared/follows/state.js';
import { makeResource } from '../../helpers/resources.js';
import { eventResource } from '../events/fixtures.js';

/** Announcements of an event say when and where it is and how to register, not when it was posted. */

const follow = { filter: { types: ['event'] } } as unknown as Follow;
const webinar = eventResource(
  'webinar-dc',
  {
    startsAt: '2026-12-03T15:00:00.000Z',
    endsAt: '2026-12-03T16:30:00.000Z',
    timeZone: 'America/New_York',
    place: { city: 'Washington', country: 'US' },
    registrationUrl: 'https://example.org/register?x=1&y=2',
  },
  { title: 'Webinar on care systems', publishedAt: '2026-10-01T12:00:00.000Z' },
);
const ctx = (over = {}) => ({
  language: 'en' as const,
  partnerNames: new Map([['midis-pe', 'MIDIS Perú']]),
  publicUrl: 'https://relay.example',
  ...over,
});

describe('an event announced', () => {
  it('shows its date and time (the event zone, or the channel tz), place and registration link', () => {
    const post = singlePost(webinar, [follow], ctx());
    const card = post.blocks.find((b) => b.kind === 'card')!;
    if (card.kind !== 'card') throw new Error('no card');
    expect(card.card.meta).toBe(
      'MIDIS Perú · Thu, Dec 3, 2026, 10:00 – 11:30 AM EST · Washington, United States',
    );
    expect(card.card.links?.map((l) => l.url)).toEqual([
      'https://example.org/register?x=1&y=2',
      'https://relay.example/calendar/webinar-dc.ics',
      expect.stringContaining('https://calendar.google.com/calendar/render?action=TEMPLATE'),
    ]);
    const es = singlePost(webinar, [follow], ctx({ language: 'es', timeZone: 'America/Santiago' }));
    expect(JSON.stringify(es.blocks)).toContain(
      'jue, 3 dic 2026, 12:00–13:30 GMT-3 · Washington, Estados Unidos',
    );
    expect(JSON.stringify(es.blocks)).toContain('"label":"Inscripción"');
  });

  it('renders the links in Slack and Telegram, escaped', () => {
    const post = singlePost(webinar, [follow], ctx());
    const slack = JSON.stringify(renderSlack(post));
    expect(slack).toContain('<https://example.org/register?x=1&amp;y=2|Register>');
    expect(slack).toContain('<https://relay.example/calendar/webinar-dc.ics|Add to calendar>');
    const telegram = JSON.stringify(renderTelegram(post));
    expect(telegram).toContain('<a href=\\"https://example.org/register?x=1&amp;y=2\\">Register</a>');
  });

  it('leaves other resources, and events with no known date, as they were', () => {
    const doc = makeResource({ id: 'doc', publishedAt: '2026-10-01T12:00:00.000Z' });
    const undated = eventResource('undated', {}, { publishedAt: '2026-10-01T12:00:00.000Z' });
    for (const r of [doc, undated]) {
      const card = singlePost(r, [follow], ctx()).blocks.find((b) => b.kind === 'card')!;
      if (card.kind !== 'card') throw new Error('no card');
      expect(card.card.meta).toMatch(/^MIDIS Perú · Oct 1, 2026 · /);
      expect(card.card.links).toBeUndefined();
    }
    // A batch lists an event by its date and place, without links.
    const batch = batchPost([webinar, doc], [follow], ctx());
    expect(JSON.stringify(batch.blocks)).toContain('Thu, Dec 3, 2026, 10:00 – 11:30 AM EST');
  });
});
