import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceStrings, batchPost, singlePost } from '#shared/announce/messages.js';
import { createBotCore } from '#shared/bot/core.js';
import { encodeAction } from '#shared/chat/actions.js';
import { createConsoleChat } from '#shared/chat/console.js';
import type { ChatContext } from '#shared/chat/context.js';
import { type BotLanguage, formatDay, MESSAGES } from '#shared/chat/i18n.js';
import { callText, slackCall, telegramGroupCall } from '#shared/chat/idiom.js';
import type { Reply } from '#shared/chat/reply.js';
import { renderSlack } from '#shared/chat/slack/render.js';
import { renderTelegram } from '#shared/chat/telegram/render.js';
import { importEntries } from '#shared/coop/exchange.js';
import type { Resource } from '#shared/domain/resource.js';
import { reminderPost } from '#shared/events/reminder-posts.js';
import type { DatedEvent } from '#shared/events/upcoming.js';
import type { Follow } from '#shared/follows/state.js';
import { feedToItem, newFeedHealth } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { blockKitProblems } from '../../helpers/block-kit.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { libraryRuntime, recordingPorts } from '../bot/fixtures.js';
import { eventResource, storeAndIndex } from '../events/fixtures.js';
import { SAMPLE_PARTNERS } from '../search/sample-library.js';

/**
 * Every kind of reply, rendered in both languages: Spanish replies carry no word of the English
 * catalogue (proper nouns and URLs aside), and the Slack renders hold Block Kit's limits.
 */

let services: TestServices;
let runtime: Runtime;
let library: Resource[];

let coopRequestId = '';

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  ({ runtime, library } = await libraryRuntime(services, 60));
  // An event still to come, with a place, online and a registration link: upcoming's cards.
  const soon = new Date(runtime.clock().getTime() + 5 * 86_400_000).toISOString();
  const event = eventResource(
    'replies-event',
    {
      startsAt: soon,
      timeZone: 'America/Bogota',
      place: { city: 'Bogotá', country: 'CO' },
      online: {},
      registrationUrl: 'https://example.org/register',
    },
    { countries: ['CO'] },
  );
  await storeAndIndex(runtime, [event]);
  library.push(event);
  // Offers and requests written in Spanish only, for offers, requests and matches.
  const spanish = [...set.offers, ...set.requests].filter((e) =>
    ['O01', 'O03', 'O09', 'R01'].includes(e.ref),
  );
  const imported = await importEntries(runtime.store, spanish, { who: 'test', at: new Date() });
  if (imported.ok) coopRequestId = imported.created.find((e) => e.ref === 'R01')!.id;
  // A failing feed, so the feed health lines are among the replies checked.
  const health = { ...newFeedHealth(), consecutiveFailures: 3, lastErrorKind: 'timeout' as const };
  const feed = {
    partnerId: 'iaspn-oas',
    url: 'https://oas.example/rss',
    defaultTopics: [],
    defaultCountries: [],
  };
  await runtime.store.put(
    feedToItem({ ...feed, id: 'oas-news', status: 'active', health, createdAt: '2025-01-01T00:00:00Z' }),
  );
});
afterAll(() => services?.close());

let n = 0;
function slackDm(lang: BotLanguage, over: Partial<ChatContext> = {}): ChatContext {
  n += 1;
  return {
    channel: { platform: 'slack', workspaceId: 'T1', channelId: `D${n}` },
    user: { platform: 'slack', workspaceId: 'T1', userId: `U${n}` },
    conversation: 'direct',
    locale: lang === 'es' ? 'es-ES' : 'en-US',
    canManageChannel: async () => true,
    isRelayAdmin: true,
    callCommand: slackCall('/iaspn'),
    ...over,
  };
}

function core() {
  const { ports } = recordingPorts(runtime);
  return createBotCore({ store: runtime.store, log: runtime.log, clock: runtime.clock, ports });
}

const W = {
  en: {
    search: 'search',
    latest: 'latest',
    more: 'more',
    bookmark: 'bookmark',
    bookmarks: 'bookmarks',
    unbookmark: 'unbookmark',
    follow: 'follow',
    following: 'following',
    unfollow: 'unfollow',
    subscribe: 'subscribe',
    lang: 'lang',
    feeds: 'feeds',
    feed: 'feed status',
    topics: 'topics',
    countries: 'countries',
    types: 'types',
    partners: 'partners',
    help: 'help',
    hi: 'hi',
  },
  es: {
    search: 'buscar',
    latest: 'recientes',
    more: 'más',
    bookmark: 'marcador',
    bookmarks: 'marcadores',
    unbookmark: 'desmarcar',
    follow: 'seguir',
    following: 'siguiendo',
    unfollow: 'dejar',
    subscribe: 'suscribir',
    lang: 'idioma',
    feeds: 'fuentes',
    feed: 'fuente estado',
    topics: 'temas',
    countries: 'paises',
    types: 'tipos',
    partners: 'socios',
    help: 'ayuda',
    hi: 'hola',
  },
} as const;

interface Named {
  kind: string;
  reply: Reply;
}

/** One of each reply kind a member can get, in one language. */
async function everyReply(lang: BotLanguage): Promise<Named[]> {
  const w = W[lang];
  const c = core();
  const me = slackDm(lang);
  const out: Named[] = [];
  const say = async (kind: string, text: string, ctx = me) =>
    out.push({ kind, reply: await c.handleText(ctx, text) });
  await say('help', w.help);
  await say('help command', `${w.help} ${w.follow}`);
  await say('greeting', w.hi);
  await say('more, nothing yet', w.more);
  await say('search', `${w.search} ${lang === 'es' ? 'transferencias monetarias' : 'cash transfers'}`);
  await say('search page 2', w.more);
  await say('bookmark not shown', `${w.bookmark} 1`);
  await say('bookmark', `${w.bookmark} 7`);
  await say('bookmarks', w.bookmarks);
  await say('search, none', `${w.search} zzzqqq`);
  await say('search, no words', w.search);
  await say('latest', `${w.latest} ${lang === 'es' ? 'tipo:documento' : 'type:document'}`);
  await say('latest, refused', `${w.latest} ${lang === 'es' ? 'tema:zzz' : 'topic:zzz'}`);
  await say('follow', `${w.follow} ${lang === 'es' ? 'tipo:video' : 'type:video'}`);
  await say('follow, no filter', w.follow);
  await say(
    'follow, dates',
    `${w.follow} ${lang === 'es' ? 'tema:salud desde:2025' : 'topic:health since:2025'}`,
  );
  await say(
    'follow preview',
    `${w.follow} ${lang === 'es' ? 'vista tipo:documento' : 'preview type:document'}`,
  );
  await say('following', w.following);
  await say('following, none', w.following, slackDm(lang));
  await say('unfollow, no id', w.unfollow);
  await say('unfollow, unknown', `${w.unfollow} abcdef`);
  await say('subscribe', `${w.subscribe} ana@example.org`);
  await say('subscribe, usage', w.subscribe);
  await say('subscribe, bad address', `${w.subscribe} ana@@x`);
  await say('unbookmark', `${w.unbookmark} 1`);
  await say('bookmarks, none', w.bookmarks);
  await say('unbookmark, unknown', `${w.unbookmark} 9`);
  await say('lang, usage', `${w.lang} xx`);
  await say('feeds', w.feeds);
  await say('feeds, not admin', w.feeds, slackDm(lang, { isRelayAdmin: false }));
  await say('feed, unknown', `${w.feed} nobody`);
  await say('feed', `${w.feed} iaspn-oas`);
  const es = lang === 'es';
  await say('upcoming', es ? 'proximos pais:colombia' : 'upcoming country:colombia');
  await say('upcoming, none', es ? 'proximos pais:chile' : 'upcoming country:chile');
  await say('tz, show', es ? 'zona' : 'tz');
  await say('tz', es ? 'zona America/Bogota' : 'tz America/Bogota');
  await say('tz, unknown', es ? 'zona Santiago' : 'tz Santiago');
  await say('remind, none', es ? 'recordar' : 'remind');
  await say('remind', es ? 'recordar eventos pais:colombia' : 'remind events country:colombia');
  await say('remind, list', es ? 'recordar' : 'remind');
  await say('remind, no filter', es ? 'recordar eventos' : 'remind events');
  await say('remind stop, unknown', es ? 'recordar quitar abcdef' : 'remind stop abcdef');
  await say('offers', es ? 'ofertas pais:peru' : 'offers country:peru');
  await say('requests', es ? 'solicitudes' : 'requests');
  await say('offers, none', es ? 'ofertas pais:haiti' : 'offers country:haiti');
  await say('matches', `${es ? 'coincidencias' : 'matches'} ${coopRequestId}`);
  await say('matches, usage', es ? 'coincidencias' : 'matches');
  await say('matches, unknown', es ? 'coincidencias R-ZZZZZZ' : 'matches R-ZZZZZZ');
  for (const v of ['topics', 'countries', 'types', 'partners'] as const) await say(v, w[v]);
  out.push({ kind: 'home', reply: await c.home(me) });
  // The App Home's buttons: the follow form, a refused and a saved form, Unfollow, Remove.
  const form = (await c.handleAction(me, 'form:follow')).form!;
  out.push({ kind: 'follow form', reply: { blocks: [], summary: Object.values(form).slice(1).join('\n') } });
  const inChannel = {
    ...me,
    inConversation: (channelId: string) => ({
      ...me,
      conversation: 'group' as const,
      channel: { ...me.channel, channelId },
    }),
  };
  const refused = await c.followFromForm(inChannel, {
    channelId: 'C7',
    text: lang === 'es' ? 'tema:zzz' : 'topic:zzz',
  });
  const unchosen = await c.followFromForm(inChannel, { text: 'type:video' });
  const saved = await c.followFromForm(inChannel, {
    channelId: 'C7',
    text: lang === 'es' ? 'tipo:video' : 'type:video',
  });
  for (const [kind, text] of [
    ['follow form, refused', refused.errors?.filter],
    ['follow form, no channel', unchosen.errors?.channel],
    ['follow form, saved', saved.notice],
  ] as const)
    out.push({ kind, reply: { blocks: [], summary: text ?? '' } });
  const home = await c.home(inChannel);
  const unfollowButton = home.blocks.flatMap((b) => (b.kind === 'item' ? [b.button] : []))[0]!;
  const unfollowed = await c.handleAction(inChannel, unfollowButton.action);
  out.push({ kind: 'home after unfollow', reply: await c.home(inChannel, unfollowed.toast) });
  const expired = await c.handleAction(me, 'r:nothing-stored-here');
  out.push({ kind: 'expired button', reply: { blocks: [], summary: expired.toast ?? '' } });
  const ids = library.slice(0, 12).map((r) => r.id);
  const listAction = await encodeAction(
    runtime.store,
    { type: 'list', resourceIds: ids, language: lang },
    new Date(),
  );
  const listed = await c.handleAction(me, listAction);
  out.push({ kind: 'batch listed', reply: listed.reply! });
  const follow = { filter: { types: ['video'] } } as unknown as Follow;
  const ctx = { language: lang, partnerNames: new Map<string, string>(), listAction };
  out.push({ kind: 'announcement', reply: singlePost(library[0]!, [follow], ctx) });
  out.push({ kind: 'batch announcement', reply: batchPost(library.slice(0, 20), [follow], ctx) });
  const s = announceStrings(lang);
  out.push({ kind: 'paused', reply: { blocks: [], summary: s.paused('#x', 'reason', 2) } });
  const dated = library.find((r) => r.id === 'replies-event') as DatedEvent;
  for (const kind of ['day', 'hour'] as const)
    out.push({
      kind: `reminder ${kind}`,
      reply: reminderPost(dated, kind, { language: lang, timeZone: 'UTC' }),
    });
  return out;
}

/** What a member reads of a reply, minus the library's own text (titles, snippets, partners, URLs). */
function chrome(reply: Reply): string {
  const titles = library.map((r) => r.title);
  const cards = reply.blocks.flatMap((b) => (b.kind === 'card' ? [b.card.title] : []));
  const parts = cards.includes(reply.summary) ? [] : [reply.summary];
  for (const b of reply.blocks) {
    if (b.kind === 'card') {
      // meta is "Partner · date · type": the partner is the library's, date and type are ours.
      parts.push(b.card.meta.split(' · ').slice(1).join(' '), ...b.card.buttons.map((x) => x.label));
      parts.push(...(b.card.links ?? []).map((l) => l.label));
    } else if (b.kind === 'buttons') parts.push(...b.buttons.map((x) => x.label));
    else if (b.kind === 'item') parts.push(b.text, b.button.label);
    else parts.push(b.text);
  }
  let text = parts.join('\n');
  for (const name of [...SAMPLE_PARTNERS.values(), ...titles]) text = text.replaceAll(name, ' ');
  return (
    text
      // Titles quoted in a preview ("Cash transfers in…" (3 dic 2026)).
      .replace(/"([^"]+)"/g, (all, inner: string) =>
        titles.some((t) => t.startsWith(inner.replace(/…$/, ''))) ? ' ' : all,
      )
      // Values as typed in the filter language (pais:peru, socio:midis-pe).
      .replace(/\p{L}+:\S+/gu, ' ')
  );
}

const words = (text: string) =>
  new Set(
    text
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\S+@\S+/g, ' ')
      .toLowerCase()
      .match(/\p{L}{3,}/gu) ?? [],
  );

/** Every word of a catalogue, found by rendering each message with sample arguments. */
function catalogueWords(lang: BotLanguage): Set<string> {
  const texts: string[] = [];
  const feed = { partnerId: 'p', feedId: 'f', url: 'u', status: 'failing', failures: 2, lastError: 'x' };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (typeof v === 'function') {
      for (const args of [[1, 2, 3], ['x', 'y', 'z'], [feed]]) {
        try {
          texts.push(String(v(...args)));
        } catch {}
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(MESSAGES[lang]);
  walk(announceStrings(lang));
  for (let month = 0; month < 12; month += 1)
    texts.push(formatDay(new Date(Date.UTC(2026, month, 3)).toISOString(), lang));
  return words(texts.join('\n'));
}

/** Proper nouns and words the two languages share spelled alike. */
const ALLOWED = new Set(['iaspn', 'slack', 'telegram', 'english', 'español', 'colombia', 'iso']);

describe('the message catalogue', () => {
  it('leaves no word of the English catalogue in a Spanish reply', async () => {
    const english = catalogueWords('en');
    const spanish = catalogueWords('es');
    const englishOnly = new Set([...english].filter((w) => !spanish.has(w) && !ALLOWED.has(w)));
    const replies = await everyReply('es');
    expect(replies.length).toBeGreaterThan(35);
    const found: string[] = [];
    for (const { kind, reply } of replies) {
      const leaked = [...words(chrome(reply))].filter((w) => englishOnly.has(w));
      if (leaked.length) found.push(`${kind}: ${leaked.join(', ')}`);
    }
    // The console's own words too: its press hint under a reply with buttons.
    const console = await createConsoleChat(core(), slackDm('es', { callCommand: undefined })).say(
      'buscar transferencias monetarias',
    );
    expect(console).toMatch(/\(escriba el número de un botón para pulsarlo\)$/);
    // A search with no command word, answered in the language of its words: the hint too.
    const free = await createConsoleChat(
      core(),
      slackDm('en', { locale: undefined, callCommand: undefined }),
    ).say('transferencias monetarias');
    expect(free).toMatch(/^== Resultados/);
    expect(free).toMatch(/\(escriba el número de un botón para pulsarlo\)$/);
    found.push(...[...words(console.split('\n').at(-1)!)].filter((w) => englishOnly.has(w)));
    expect(found).toEqual([]);
  });

  it('catches an English word in a Spanish reply (the check can fail)', () => {
    const english = catalogueWords('en');
    const spanish = catalogueWords('es');
    const englishOnly = new Set([...english].filter((w) => !spanish.has(w)));
    const leak = [...words(chrome({ blocks: [], summary: 'Resultados: More results' }))];
    expect(leak.filter((w) => englishOnly.has(w))).toEqual(['more', 'results']);
  });
});

describe('Slack Block Kit', () => {
  const KINDS = [
    'search',
    'latest',
    'following',
    'bookmarks',
    'help',
    'batch announcement',
    'home',
    'home after unfollow',
  ];

  it.each(['en', 'es'] as const)(
    'search, latest, following, bookmarks, help, the batch message and the App Home validate (%s)',
    async (lang) => {
      const replies = await everyReply(lang);
      for (const kind of KINDS) {
        const { reply } = replies.find((r) => r.kind === kind)!;
        const max = kind.startsWith('home') ? 100 : 50;
        const message = renderSlack(reply, max);
        expect(blockKitProblems(message.blocks, max), kind).toEqual([]);
        expect(message.text.length, kind).toBeLessThanOrEqual(3000);
      }
      for (const { kind, reply } of replies)
        expect(blockKitProblems(renderSlack(reply).blocks), kind).toEqual([]);
    },
  );

  it('holds the limits with 60 results and a workspace of long follows', () => {
    const card = (i: number) => ({
      kind: 'card' as const,
      card: {
        position: i,
        resourceId: `r${i}`,
        title: 'T'.repeat(400),
        url: `https://x.example/${'p'.repeat(300)}`,
        meta: 'M'.repeat(2500),
        snippet: 'S'.repeat(3500),
        buttons: [{ label: 'B'.repeat(100), action: `b:${i}` }],
      },
    });
    const reply: Reply = {
      blocks: [
        { kind: 'heading', text: 'H'.repeat(300) },
        ...Array.from({ length: 60 }, (_, i) => card(i + 1)),
      ],
      summary: 'x'.repeat(5000),
    };
    expect(blockKitProblems(renderSlack(reply).blocks)).toEqual([]);
  });

  it('sends search replies without link previews', async () => {
    const reply = await core().handleText(slackDm('en'), 'search cash transfers');
    expect(renderSlack(reply)).toMatchObject({ unfurl_links: false, unfurl_media: false });
  });

  it('gives the batch message a button that lists its resources, not a typed instruction', async () => {
    for (const lang of ['en', 'es'] as const) {
      const replies = await everyReply(lang);
      const batch = replies.find((r) => r.kind === 'batch announcement')!.reply;
      const slack = renderSlack(batch).blocks.filter((b) => b.type === 'actions');
      expect(slack).toHaveLength(1);
      expect(renderTelegram(batch).keyboard.flat()).toHaveLength(1);
      expect(JSON.stringify(batch)).not.toMatch(/Type "latest"|Escriba "recientes"/);
      const listed = replies.find((r) => r.kind === 'batch listed')!.reply;
      expect(listed.blocks.filter((b) => b.kind === 'card')).toHaveLength(12);
    }
  });
});

describe("each platform's way of calling the bot", () => {
  it('names /iaspn in Slack, /command@bot in Telegram groups and the word elsewhere', async () => {
    const c = core();
    const slack = await c.handleText(slackDm('en'), 'help');
    expect(JSON.stringify(slack.blocks)).toContain('• /iaspn search <words>');
    expect(JSON.stringify(slack.blocks)).toContain('• /iaspn latest topic:cash-transfers');
    const group = await c.handleText(slackDm('es', { callCommand: telegramGroupCall('iaspn_bot') }), 'ayuda');
    expect(JSON.stringify(group.blocks)).toContain('• /recientes@iaspn_bot [filtros]');
    const plain = await c.handleText(slackDm('en', { callCommand: undefined }), 'hi');
    expect(plain.summary).toContain('\n• search cash transfers');
    expect(callText('Type "help" for everything; "follow preview …"', slackCall('/iaspn'))).toBe(
      'Type "/iaspn help" for everything; "/iaspn follow preview …"',
    );
  });

  it("leaves a member's query alone", async () => {
    const reply = await core().handleText(slackDm('en'), 'search latest help');
    expect(reply.summary).toMatch(/for "latest help"/);
  });
});
